/**
 * The membrane seen at work (a canvas view): ions as dots crossing through channels at the rates the engine
 * computed, gates opening with the computed open probabilities, the Na⁺/K⁺ pump turning at its computed cycle
 * rate. Every moving thing comes from a `MembraneState` (membrane-state.ts) following the trace cursor: when the
 * cursor stops, everything stops. Play/pause/step/speed from common/playback.ts; the screen may also drive the
 * cursor (its own replay) with `setCursor`. Reduced motion: no continuous animation, a static drawing of the state
 * at the cursor (arrows instead of dots). A text alternative states the scale, the open probabilities and rates.
 *
 * Drawn at displayed size × devicePixelRatio; labels ≥ 11 CSS px. Dots live in a fixed-size pool (typed arrays):
 * no allocation per frame. `data-frames` on the element counts rendered frames (for the frame-rate test).
 */
import { h } from '../dom.js';
import { formatNumber } from './format.js';
import { chooseIonsPerDot, MembraneState, type MembraneIon, type MembraneSeries } from './membrane-state.js';
import { PALETTE } from './palette.js';
import { Playback } from './playback.js';

export interface PlaybackSpeed {
  readonly label: string;
  readonly simulatedMsPerWallSecond: number;
}

export interface MembraneAnimationOptions {
  /** Id of the figure; the canvas, text and controls get `${id}-canvas` etc. */
  readonly id: string;
  readonly title: string;
  readonly speeds: readonly PlaybackSpeed[];
  /** Index into `speeds` to start with. */
  readonly defaultSpeed?: number;
  /** Simulated ms per press of Step. */
  readonly stepMs: number;
  /** The cursor for people ("12.3 ms", "2 h 05 min"). */
  readonly formatTime?: (cursorMs: number) => string;
  /** The screen's trace cursor follows the animation's (simulated ms). */
  readonly onCursor?: (cursorMs: number) => void;
}

const ION_ORDER: readonly MembraneIon[] = ['na', 'k', 'cl', 'ca'];
const ION_NAME: Record<MembraneIon, string> = { na: 'Na⁺', k: 'K⁺', cl: 'Cl⁻', ca: 'Ca²⁺' };
/** Dots alive at once, at most (oldest reused first). */
const POOL_SIZE = 2048;
/** A dot takes this long (wall-clock s at the chosen speed) to cross from one side to the other. */
const CROSSING_WALL_SECONDS = 0.9;
/** Text alternative refresh while playing, wall-clock ms. */
const TEXT_REFRESH_WALL_MS = 250;
/** While playing, the screen's trace cursor (its plots) follows at most this often, wall-clock ms (~30 Hz). */
const CURSOR_CALLBACK_WALL_MS = 33;
/** Layout, CSS px. */
const HEIGHT = 268;
const MEMBRANE_TOP = 104;
const MEMBRANE_BOTTOM = 144;
const TRAVEL_OUTSIDE = 48;
const TRAVEL_INSIDE = 200;
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

const defaultTime = (ms: number) => `${formatNumber(ms, 3)} ms`;

export class MembraneAnimation {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly text: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly stepButton: HTMLButtonElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly motionNote: HTMLElement;
  private readonly state = new MembraneState();
  private readonly playback: Playback;
  private readonly reducedMotion: MediaQueryList | undefined;
  private readonly formatTime: (cursorMs: number) => string;
  // Dot pool: channel column, lateral offset (−1..1), birth (simulated ms), direction (+1 out, −1 in), ion index.
  private readonly dotColumn = new Int16Array(POOL_SIZE);
  private readonly dotOffset = new Float32Array(POOL_SIZE);
  private readonly dotBirthMs = new Float64Array(POOL_SIZE);
  private readonly dotDirection = new Int8Array(POOL_SIZE);
  private readonly dotIon = new Int8Array(POOL_SIZE);
  private readonly dotAlive = new Uint8Array(POOL_SIZE);
  private nextDot = 0;
  private seed = 12345;
  private widthCss = 0;
  private frames = 0;
  private lastTextWallMs = 0;
  private lastCursorCallbackWallMs = 0;
  /** The static background (water, bilayer, side labels), redrawn only on resize. */
  private background: HTMLCanvasElement | undefined;
  private speedIndex: number;

  constructor(private readonly options: MembraneAnimationOptions) {
    this.formatTime = options.formatTime ?? defaultTime;
    this.speedIndex = Math.min(options.speeds.length - 1, Math.max(0, options.defaultSpeed ?? 0));
    this.canvas = h('canvas', { id: `${options.id}-canvas`, class: 'membrane-canvas', role: 'img', 'aria-label': `${options.title}: animation`, 'aria-describedby': `${options.id}-text` });
    this.canvas.style.width = '100%';
    this.canvas.style.height = `${HEIGHT}px`;
    this.canvas.style.display = 'block';
    this.context = this.canvas.getContext('2d', { alpha: false }) as CanvasRenderingContext2D;
    this.text = h('p', { id: `${options.id}-text`, class: 'membrane-text' });
    this.playButton = h('button', { type: 'button', id: `${options.id}-play`, text: 'Play', 'aria-pressed': 'false' });
    this.stepButton = h('button', { type: 'button', id: `${options.id}-step`, text: `Step +${this.formatTime(options.stepMs)}`, 'aria-label': `Step +${this.formatTime(options.stepMs)}: the animation forward by ${this.formatTime(options.stepMs)}` });
    this.speedSelect = h('select', { id: `${options.id}-speed` }, ...options.speeds.map((speed, i) => h('option', { value: String(i), text: speed.label })));
    this.speedSelect.value = String(this.speedIndex);
    this.motionNote = h('p', { class: 'note', id: `${options.id}-motion-note`, text: 'Reduced motion is on: the drawing shows the state at the cursor, with arrows for the flows. Step moves the cursor.' });
    this.motionNote.hidden = true;
    this.element = h(
      'figure',
      { class: 'card membrane-animation', id: options.id, 'aria-labelledby': `${options.id}-title`, 'data-frames': '0' },
      h('figcaption', { id: `${options.id}-title`, text: options.title }),
      this.canvas,
      h(
        'div',
        { class: 'buttons membrane-controls' },
        this.playButton,
        this.stepButton,
        h('span', { class: 'membrane-speed' }, h('label', { for: `${options.id}-speed`, text: 'Speed ' }), this.speedSelect),
      ),
      this.motionNote,
      this.text,
    );
    this.playback = new Playback({
      simulatedMsPerWallSecond: options.speeds[this.speedIndex].simulatedMsPerWallSecond,
      onFrame: (cursorMs) => {
        if (this.element.closest('[hidden]') || !this.element.isConnected) {
          this.playback.pause();
          return;
        }
        this.render(cursorMs);
        const wallNow = performance.now();
        if (options.onCursor && (!this.playback.playing || cursorMs >= this.playback.endMs || wallNow - this.lastCursorCallbackWallMs >= CURSOR_CALLBACK_WALL_MS)) {
          this.lastCursorCallbackWallMs = wallNow;
          options.onCursor(cursorMs);
        }
      },
      onPlayingChange: (playing) => {
        this.playButton.textContent = playing ? 'Pause' : 'Play';
        this.playButton.setAttribute('aria-pressed', String(playing));
        this.element.setAttribute('data-playing', String(playing));
        if (!playing) {
          this.updateText(true);
          options.onCursor?.(this.playback.cursorMs);
        }
      },
    });
    this.playButton.addEventListener('click', () => this.playback.toggle());
    this.stepButton.addEventListener('click', () => this.playback.step(options.stepMs));
    this.speedSelect.addEventListener('change', () => {
      this.speedIndex = Number(this.speedSelect.value);
      this.playback.setSpeed(options.speeds[this.speedIndex].simulatedMsPerWallSecond);
      this.chooseScale();
      this.render(this.playback.cursorMs);
    });
    this.reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
    this.reducedMotion?.addEventListener('change', () => this.applyMotionPreference());
    this.applyMotionPreference();
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => this.resize()).observe(this.canvas);
  }

  /** A new run (or a new steady state): the cursor keeps its time if the run still covers it. */
  setSeries(series: MembraneSeries): void {
    const time = series.time;
    const steady = time.length === 1;
    this.playback.setRange(time[0], steady ? Infinity : time[time.length - 1]);
    this.state.setSeries(series, this.playback.cursorMs);
    this.dotAlive.fill(0);
    this.chooseScale();
    this.render(this.playback.cursorMs);
    this.updateText(true);
  }

  /** The screen moved the trace cursor (its own replay): the drawing follows. */
  setCursor(cursorMs: number): void {
    this.playback.cursorMs = Math.min(this.playback.endMs, Math.max(this.playback.startMs, cursorMs));
    this.render(this.playback.cursorMs);
  }

  play(): void {
    if (!this.reduced()) this.playback.play();
  }

  /**
   * Replays the run from its start at `simulatedMsPerWallSecond` (the speed option nearest to it is selected). With
   * reduced motion nothing sweeps: the cursor goes to the end of the run and the whole run is shown.
   */
  replay(simulatedMsPerWallSecond: number): void {
    let nearest = 0;
    this.options.speeds.forEach((speed, i) => {
      if (Math.abs(speed.simulatedMsPerWallSecond - simulatedMsPerWallSecond) < Math.abs(this.options.speeds[nearest].simulatedMsPerWallSecond - simulatedMsPerWallSecond)) nearest = i;
    });
    if (nearest !== this.speedIndex) {
      this.speedIndex = nearest;
      this.speedSelect.value = String(nearest);
      this.playback.setSpeed(this.options.speeds[nearest].simulatedMsPerWallSecond);
      this.chooseScale();
    }
    if (this.reduced()) {
      this.playback.seek(this.playback.endMs);
      return;
    }
    this.playback.seek(this.playback.startMs);
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  /** Ions per dot in use. */
  get ionsPerDot(): number {
    return this.state.ionsPerDot;
  }

  private reduced(): boolean {
    return this.reducedMotion?.matches ?? false;
  }

  private applyMotionPreference(): void {
    const reduced = this.reduced();
    if (reduced) this.playback.pause();
    this.playButton.disabled = reduced;
    this.motionNote.hidden = !reduced;
    this.element.setAttribute('data-reduced-motion', String(reduced));
    this.dotAlive.fill(0);
    this.render(this.playback.cursorMs);
  }

  private chooseScale(): void {
    this.state.ionsPerDot = chooseIonsPerDot(this.state.peakIonsPerMillisecond(), this.options.speeds[this.speedIndex].simulatedMsPerWallSecond);
    this.element.setAttribute('data-ions-per-dot', String(this.state.ionsPerDot));
  }

  private resize(): void {
    const width = Math.round(this.canvas.clientWidth);
    if (width <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    this.widthCss = width;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(HEIGHT * ratio);
    this.background = undefined;
    this.render(this.playback.cursorMs);
  }

  private random(): number {
    // A small linear congruential generator: the dots' lateral scatter only (no physical quantity).
    this.seed = (this.seed * 1664525 + 1013904223) >>> 0;
    return this.seed / 4294967296;
  }

  private emit(column: number, ion: number, count: number, fromMs: number, toMs: number): void {
    const direction = count > 0 ? 1 : -1;
    const total = Math.abs(count);
    for (let k = 0; k < total; k++) {
      const slot = this.nextDot;
      this.nextDot = (this.nextDot + 1) % POOL_SIZE;
      this.dotColumn[slot] = column;
      this.dotOffset[slot] = this.random() * 2 - 1;
      // Births spread evenly over the interval the ions crossed in.
      this.dotBirthMs[slot] = fromMs + ((k + 0.5) / total) * (toMs - fromMs);
      this.dotDirection[slot] = direction;
      this.dotIon[slot] = ion;
      this.dotAlive[slot] = 1;
    }
  }

  private render(cursorMs: number): void {
    const series = this.state.current;
    const fromMs = this.state.cursorMs;
    if (series) {
      if (cursorMs < fromMs) this.dotAlive.fill(0);
      this.state.moveTo(cursorMs);
      if (!this.reduced() && cursorMs > fromMs) {
        for (let c = 0; c < this.state.channels.length; c++) {
          const dots = this.state.channels[c].dots;
          if (dots !== 0) this.emit(c, ION_ORDER.indexOf(series.channels[c].ion), dots, fromMs, cursorMs);
        }
        const pumpColumn = series.channels.length;
        if (this.state.pumpSodiumDots !== 0) this.emit(pumpColumn, 0, this.state.pumpSodiumDots, fromMs, cursorMs);
        if (this.state.pumpPotassiumDots !== 0) this.emit(pumpColumn, 1, this.state.pumpPotassiumDots, fromMs, cursorMs);
      }
    }
    this.draw(cursorMs);
    this.frames++;
    this.element.setAttribute('data-frames', String(this.frames));
    this.updateText(!this.playback.playing);
  }

  private draw(cursorMs: number): void {
    if (this.widthCss <= 0) this.resize();
    const width = this.widthCss;
    if (width <= 0) return;
    const ratio = this.canvas.width / width;
    const g = this.context;
    g.setTransform(1, 0, 0, 1, 0, 0);
    if (!this.background) this.background = this.drawBackground(width, ratio);
    g.drawImage(this.background, 0, 0);
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    const series = this.state.current;
    g.font = `600 12px ${FONT}`;
    g.fillStyle = '#222222';
    if (!series) {
      g.textAlign = 'center';
      g.fillText('Waiting for the run…', width / 2, 90);
      return;
    }
    g.textAlign = 'right';
    g.fillText(`1 dot = ${formatNumber(this.state.ionsPerDot)} ions`, width - 6, 16);
    g.font = `12px ${FONT}`;
    g.fillText(`t = ${this.formatTime(cursorMs)}`, width - 6, HEIGHT - 8);
    const columns = series.channels.length + (series.pump ? 1 : 0);
    const spacing = width / Math.max(1, columns);
    const reduced = this.reduced();
    for (let c = 0; c < series.channels.length; c++) {
      const channel = series.channels[c];
      const now = this.state.channels[c];
      this.drawChannel(g, spacing * (c + 0.5), channel.label, channel.ion, channel.gateLabel, now.openProbability, now.ionsPerMillisecond, channel.blockedFraction ?? 0, spacing, reduced);
    }
    if (series.pump) this.drawPump(g, spacing * (series.channels.length + 0.5), spacing, reduced);
    if (!reduced) this.drawDots(g, cursorMs, spacing);
  }

  /** Water outside and inside, the lipid bilayer and the side labels, at device resolution. */
  private drawBackground(width: number, ratio: number): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.width = this.canvas.width;
    canvas.height = this.canvas.height;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    // Outside and inside.
    g.fillStyle = '#f2f7fb';
    g.fillRect(0, 0, width, MEMBRANE_TOP);
    g.fillStyle = '#fbf6ee';
    g.fillRect(0, MEMBRANE_BOTTOM, width, HEIGHT - MEMBRANE_BOTTOM);
    // Lipid bilayer: head groups on both faces, tails between.
    g.fillStyle = '#efe3c8';
    g.fillRect(0, MEMBRANE_TOP, width, MEMBRANE_BOTTOM - MEMBRANE_TOP);
    g.fillStyle = '#c9b48a';
    g.beginPath();
    for (let x = 4; x < width; x += 9) {
      g.moveTo(x + 3.5, MEMBRANE_TOP + 4);
      g.arc(x, MEMBRANE_TOP + 4, 3.5, 0, 2 * Math.PI);
      g.moveTo(x + 3.5, MEMBRANE_BOTTOM - 4);
      g.arc(x, MEMBRANE_BOTTOM - 4, 3.5, 0, 2 * Math.PI);
    }
    g.fill();
    g.textBaseline = 'alphabetic';
    g.font = `600 12px ${FONT}`;
    g.fillStyle = '#222222';
    g.textAlign = 'left';
    g.fillText('Outside', 6, 16);
    g.fillText('Inside', 6, HEIGHT - 8);
    return canvas;
  }

  private drawChannel(g: CanvasRenderingContext2D, x: number, label: string, ion: MembraneIon, gateLabel: string, open: number, ionsPerMillisecond: number, blocked: number, spacing: number, reduced: boolean): void {
    const style = PALETTE[ion];
    const pore = 12;
    const wall = 9;
    g.fillStyle = style.color;
    g.globalAlpha = 0.35;
    g.fillRect(x - pore / 2 - wall, MEMBRANE_TOP - 4, wall, MEMBRANE_BOTTOM - MEMBRANE_TOP + 8);
    g.fillRect(x + pore / 2, MEMBRANE_TOP - 4, wall, MEMBRANE_BOTTOM - MEMBRANE_TOP + 8);
    g.globalAlpha = 1;
    g.fillStyle = '#ffffff';
    g.fillRect(x - pore / 2, MEMBRANE_TOP - 4, pore, MEMBRANE_BOTTOM - MEMBRANE_TOP + 8);
    // The gate: a lid hinged on the left wall at the outer mouth, turned up by open × 90°.
    const angle = -Math.max(0, Math.min(1, open)) * (Math.PI / 2);
    const hingeX = x - pore / 2, hingeY = MEMBRANE_TOP - 4;
    g.strokeStyle = style.text;
    g.lineWidth = 4;
    g.lineCap = 'round';
    g.beginPath();
    g.moveTo(hingeX, hingeY);
    g.lineTo(hingeX + Math.cos(angle) * (pore + 2), hingeY + Math.sin(angle) * (pore + 2));
    g.stroke();
    if (blocked > 0.005) {
      // A toxin plug, as opaque as the fraction of channels it blocks.
      g.globalAlpha = Math.min(1, blocked);
      g.fillStyle = '#222222';
      g.beginPath();
      g.arc(x, MEMBRANE_TOP + 12, pore / 2, 0, 2 * Math.PI);
      g.fill();
      g.globalAlpha = 1;
    }
    g.textAlign = 'center';
    g.fillStyle = style.text;
    g.font = `700 13px ${FONT}`;
    g.fillText(label, x, 36, spacing - 4);
    g.font = `12px ${FONT}`;
    g.fillText(`${gateLabel} ${formatNumber(open, 2)}`, x, TRAVEL_INSIDE + 20, spacing - 4);
    const arrow = ionsPerMillisecond > 0 ? '↑' : ionsPerMillisecond < 0 ? '↓' : '';
    g.fillText(`${arrow}${formatNumber(Math.abs(ionsPerMillisecond), 2)}/ms`, x, TRAVEL_INSIDE + 36, spacing - 4);
    if (reduced && ionsPerMillisecond !== 0) this.drawArrow(g, x, ionsPerMillisecond > 0, style.color);
  }

  private drawArrow(g: CanvasRenderingContext2D, x: number, outward: boolean, color: string): void {
    const [from, to] = outward ? [TRAVEL_INSIDE - 14, TRAVEL_OUTSIDE + 8] : [TRAVEL_OUTSIDE + 8, TRAVEL_INSIDE - 14];
    g.strokeStyle = color;
    g.fillStyle = color;
    g.lineWidth = 3;
    g.beginPath();
    g.moveTo(x, from);
    g.lineTo(x, to);
    g.stroke();
    const head = outward ? 8 : -8;
    g.beginPath();
    g.moveTo(x, to - head);
    g.lineTo(x - 6, to + head * 0.2);
    g.lineTo(x + 6, to + head * 0.2);
    g.closePath();
    g.fill();
  }

  private drawPump(g: CanvasRenderingContext2D, x: number, spacing: number, reduced: boolean): void {
    const y = (MEMBRANE_TOP + MEMBRANE_BOTTOM) / 2;
    const radius = 20;
    g.fillStyle = PALETTE.pump.color;
    g.globalAlpha = 0.3;
    g.beginPath();
    g.arc(x, y, radius + 4, 0, 2 * Math.PI);
    g.fill();
    g.globalAlpha = 1;
    g.strokeStyle = PALETTE.pump.text;
    g.lineWidth = 2;
    g.beginPath();
    g.arc(x, y, radius, 0, 2 * Math.PI);
    g.stroke();
    // The rotor: one turn per `ionsPerDot` cycles; 3 Na⁺ and 2 K⁺ sites on its rim.
    const angle = (this.state.pumpTurns % 1) * 2 * Math.PI;
    for (let k = 0; k < 5; k++) {
      const a = angle + (k * 2 * Math.PI) / 5;
      g.fillStyle = k < 3 ? PALETTE.na.color : PALETTE.k.color;
      g.beginPath();
      g.arc(x + Math.cos(a) * (radius - 6), y + Math.sin(a) * (radius - 6), 4, 0, 2 * Math.PI);
      g.fill();
    }
    g.strokeStyle = PALETTE.pump.text;
    g.beginPath();
    g.moveTo(x, y);
    g.lineTo(x + Math.cos(angle) * (radius - 2), y + Math.sin(angle) * (radius - 2));
    g.stroke();
    g.textAlign = 'center';
    g.fillStyle = PALETTE.pump.text;
    g.font = `700 13px ${FONT}`;
    g.fillText('Na⁺/K⁺ pump', x, 36, spacing - 4);
    g.font = `12px ${FONT}`;
    g.fillText(`${formatNumber(this.state.pumpCyclesPerMillisecond, 2)} cycles/ms`, x, TRAVEL_INSIDE + 20, spacing - 4);
    g.fillText('3 Na⁺ out, 2 K⁺ in', x, TRAVEL_INSIDE + 36, spacing - 4);
    if (reduced && this.state.pumpCyclesPerMillisecond > 0) {
      this.drawArrow(g, x - radius - 6, true, PALETTE.na.color);
      this.drawArrow(g, x + radius + 6, false, PALETTE.k.color);
    }
  }

  private drawDots(g: CanvasRenderingContext2D, cursorMs: number, spacing: number): void {
    const travelMs = CROSSING_WALL_SECONDS * this.options.speeds[this.speedIndex].simulatedMsPerWallSecond;
    const middle = (MEMBRANE_TOP + MEMBRANE_BOTTOM) / 2;
    const halfSpan = (TRAVEL_INSIDE - TRAVEL_OUTSIDE) / 2;
    const scatter = Math.min(spacing * 0.4, 40);
    const pumpColumn = this.state.channels.length;
    for (let ion = 0; ion < ION_ORDER.length; ion++) {
      g.fillStyle = PALETTE[ION_ORDER[ion]].color;
      g.beginPath();
      let any = false;
      for (let slot = 0; slot < POOL_SIZE; slot++) {
        if (!this.dotAlive[slot] || this.dotIon[slot] !== ion) continue;
        const progress = (cursorMs - this.dotBirthMs[slot]) / travelMs;
        if (progress >= 1) {
          this.dotAlive[slot] = 0;
          continue;
        }
        if (progress < 0) continue;
        // Outward: inside → outside (y decreasing); through the pore at the middle, scattered on both sides.
        const along = this.dotDirection[slot] > 0 ? 1 - 2 * progress : 2 * progress - 1;
        const y = middle + along * halfSpan;
        const funnel = Math.min(1, Math.max(0, (Math.abs(y - middle) - 20) / (halfSpan - 20)));
        let x = (this.dotColumn[slot] + 0.5) * spacing + this.dotOffset[slot] * scatter * funnel;
        // The pump's Na⁺ leave on its left, its K⁺ enter on its right.
        if (this.dotColumn[slot] === pumpColumn) x += this.dotDirection[slot] > 0 ? -26 : 26;
        g.moveTo(x + 3, y);
        g.arc(x, y, 3, 0, 2 * Math.PI);
        any = true;
      }
      if (any) g.fill();
    }
  }

  /** The text alternative (and its data attributes for tests): at most every 250 ms while playing. */
  private updateText(now: boolean): void {
    const wallNow = performance.now();
    if (!now && wallNow - this.lastTextWallMs < TEXT_REFRESH_WALL_MS) return;
    this.lastTextWallMs = wallNow;
    const series = this.state.current;
    const cursorMs = this.state.cursorMs;
    this.element.setAttribute('data-cursor-ms', String(cursorMs));
    if (!series) {
      this.text.textContent = 'Waiting for the run.';
      return;
    }
    const parts = [`At t = ${this.formatTime(cursorMs)}. Scale: 1 dot = ${formatNumber(this.state.ionsPerDot)} ions crossing; the rates are per ms of simulated time.`];
    const values: Record<string, number> = {};
    series.channels.forEach((channel, c) => {
      const now = this.state.channels[c];
      const flux = now.ionsPerMillisecond;
      const direction = flux > 0 ? 'out of the cell' : flux < 0 ? 'into the cell' : 'no net flow';
      const blocked = (channel.blockedFraction ?? 0) > 0.005 ? ` (${formatNumber((channel.blockedFraction ?? 0) * 100, 3)} % of these channels blocked)` : '';
      parts.push(`${channel.label} channels${blocked}: open probability ${channel.gateLabel} = ${formatNumber(now.openProbability, 3)}; ${formatNumber(Math.abs(flux), 3)} ${channel.carrier} per ms, ${direction}.`);
      values[`open-${channel.id}`] = now.openProbability;
      values[`flux-${channel.id}`] = flux;
    });
    if (series.pump) {
      const cycles = this.state.pumpCyclesPerMillisecond;
      parts.push(`Na⁺/K⁺ pump: ${formatNumber(cycles, 3)} cycles per ms, moving ${formatNumber(3 * cycles, 3)} Na⁺ out and ${formatNumber(2 * cycles, 3)} K⁺ in per ms.`);
      values['pump-cycles'] = cycles;
    }
    if (series.note) parts.push(series.note);
    this.text.textContent = parts.join(' ');
    this.text.setAttribute('data-values', JSON.stringify(values));
    const names = series.channels.map((channel) => ION_NAME[channel.ion]);
    this.canvas.setAttribute('aria-label', `${this.options.title}: ${names.join(', ')} channels${series.pump ? ' and the Na⁺/K⁺ pump' : ''}, 1 dot = ${formatNumber(this.state.ionsPerDot)} ions. Details below.`);
  }
}
