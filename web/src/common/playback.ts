/**
 * The lab's shared play/pause/step/speed loop. A cursor in simulated time (ms) advances by wall-clock seconds ×
 * speed (simulated ms per wall-clock second) on every animation frame (requestAnimationFrame); the two kinds of
 * time are never held in one name. Pure of DOM apart from the frame scheduler, which can be replaced (tests).
 */

/** Schedules one callback per display frame; `now` in wall-clock ms (performance.now()'s clock). */
export interface FrameScheduler {
  request(callback: (wallNowMs: number) => void): number;
  cancel(handle: number): void;
}

const browserScheduler: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface PlaybackOptions {
  /** Simulated ms at the start and end of the run (end: Infinity for a steady state that plays forever). */
  startMs?: number;
  endMs?: number;
  /** Simulated ms per wall-clock second. */
  simulatedMsPerWallSecond: number;
  /** Called on every frame while playing and on every cursor change, with the cursor in simulated ms. */
  onFrame: (cursorMs: number) => void;
  /** Called when playing starts or stops. */
  onPlayingChange?: (playing: boolean) => void;
  scheduler?: FrameScheduler;
}

/** Longest wall-clock gap taken as one frame (a stalled tab must not jump the cursor), s. */
const LONGEST_FRAME_WALL_SECONDS = 0.1;

export class Playback {
  cursorMs: number;
  startMs: number;
  endMs: number;
  simulatedMsPerWallSecond: number;
  private playingNow = false;
  private handle = 0;
  private lastWallMs = 0;
  private readonly scheduler: FrameScheduler;
  private readonly loop = (wallNowMs: number) => this.tick(wallNowMs);

  constructor(private readonly options: PlaybackOptions) {
    this.startMs = options.startMs ?? 0;
    this.endMs = options.endMs ?? Infinity;
    this.cursorMs = this.startMs;
    this.simulatedMsPerWallSecond = options.simulatedMsPerWallSecond;
    this.scheduler = options.scheduler ?? browserScheduler;
  }

  get playing(): boolean {
    return this.playingNow;
  }

  /** Plays from the cursor (from the start when the cursor is at the end). */
  play(): void {
    if (this.playingNow) return;
    if (this.cursorMs >= this.endMs) this.seek(this.startMs);
    this.playingNow = true;
    this.lastWallMs = 0;
    this.handle = this.scheduler.request(this.loop);
    this.options.onPlayingChange?.(true);
  }

  pause(): void {
    if (!this.playingNow) return;
    this.playingNow = false;
    this.scheduler.cancel(this.handle);
    this.options.onPlayingChange?.(false);
  }

  toggle(): void {
    if (this.playingNow) this.pause();
    else this.play();
  }

  /** Moves the cursor by `simulatedMs` (pausing first), clamped to the run. */
  step(simulatedMs: number): void {
    this.pause();
    this.seek(this.cursorMs + simulatedMs);
  }

  /** Sets the cursor (simulated ms), clamped to the run, and reports it. */
  seek(cursorMs: number): void {
    this.cursorMs = Math.min(this.endMs, Math.max(this.startMs, cursorMs));
    this.options.onFrame(this.cursorMs);
  }

  /** A new run: its simulated time span; the cursor goes back to its start. */
  setRange(startMs: number, endMs: number): void {
    this.startMs = startMs;
    this.endMs = endMs;
    this.cursorMs = Math.min(endMs, Math.max(startMs, this.cursorMs));
  }

  setSpeed(simulatedMsPerWallSecond: number): void {
    this.simulatedMsPerWallSecond = simulatedMsPerWallSecond;
  }

  private tick(wallNowMs: number): void {
    if (!this.playingNow) return;
    const wallSeconds = this.lastWallMs ? Math.min(LONGEST_FRAME_WALL_SECONDS, Math.max(0, (wallNowMs - this.lastWallMs) / 1000)) : 0;
    this.lastWallMs = wallNowMs;
    const next = this.cursorMs + wallSeconds * this.simulatedMsPerWallSecond;
    const ended = next >= this.endMs;
    this.cursorMs = Math.min(next, this.endMs);
    this.options.onFrame(this.cursorMs);
    if (ended) {
      this.playingNow = false;
      this.options.onPlayingChange?.(false);
      return;
    }
    if (this.playingNow) this.handle = this.scheduler.request(this.loop);
  }
}
