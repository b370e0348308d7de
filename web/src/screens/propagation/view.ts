/** Propagation: the space-time heat map of V along the axon, the V(x) profile at the cursor, and the velocity. */
import { ControlPanel } from '../../controls.js';
import { download, h, resultRow } from '../../dom.js';
import { EngineClient } from '../../engine-client.js';
import type { SpaceTimeFrame } from '../../engine-protocol.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { buildPropagation, PropagationModel, PROPAGATION_SPECS } from './model.js';

const V_LOW = -80, V_HIGH = 50;
/** Inferno-like colour stops from V_LOW to V_HIGH. */
const STOPS = [
  [0, 0, 4],
  [40, 11, 84],
  [101, 21, 110],
  [159, 42, 99],
  [212, 72, 66],
  [245, 125, 21],
  [250, 193, 39],
  [252, 255, 164],
];

function colour(v: number, out: Uint8ClampedArray, offset: number): void {
  const t = Math.min(1, Math.max(0, (v - V_LOW) / (V_HIGH - V_LOW))) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(t));
  const u = t - i;
  const a = STOPS[i], b = STOPS[i + 1];
  out[offset] = a[0] + (b[0] - a[0]) * u;
  out[offset + 1] = a[1] + (b[1] - a[1]) * u;
  out[offset + 2] = a[2] + (b[2] - a[2]) * u;
  out[offset + 3] = 255;
}

export class PropagationScreen implements Screen {
  readonly id = 'propagation';
  readonly title = 'Propagation';
  readonly specs = PROPAGATION_SPECS;
  private readonly model = new PropagationModel();
  private readonly engine = new EngineClient(400);
  private controls!: ControlPanel;
  private host!: ScreenHost;
  private panel!: HTMLElement;
  private heat!: HTMLCanvasElement;
  private profile!: HTMLCanvasElement;
  private image: HTMLCanvasElement | undefined;
  private frame: SpaceTimeFrame | undefined;
  private results!: Record<string, HTMLElement>;
  private status!: HTMLElement;
  private animation = 0;
  private lastWallMs = 0;
  private playing = true;
  private frameTimes: number[] = [];
  private playButton!: HTMLButtonElement;
  private visible = false;

  mount(panel: HTMLElement, host: ScreenHost): void {
    this.host = host;
    this.panel = panel;
    this.controls = new ControlPanel('prop', PROPAGATION_SPECS, [{ legend: 'Axon', keys: ['fibre', 'diameter', 'length', 'temperature', 'compartments'] }], defaults(PROPAGATION_SPECS), () => this.run(), () => host.commit());
    this.heat = h('canvas', { id: 'prop-heat', class: 'heat', width: 640, height: 320, role: 'img', 'aria-label': 'Space-time view: membrane potential (colour) along the axon (across) over time (down)' });
    this.profile = h('canvas', { id: 'prop-profile', class: 'profile', width: 640, height: 180, role: 'img', 'aria-label': 'Membrane potential along the axon at the cursor time' });
    this.playButton = h('button', { type: 'button', text: 'Pause', 'aria-pressed': 'false', id: 'prop-play' });
    this.playButton.addEventListener('click', () => {
      this.playing = !this.playing;
      this.playButton.textContent = this.playing ? 'Pause' : 'Play';
      this.playButton.setAttribute('aria-pressed', String(!this.playing));
      if (this.playing) this.startAnimation();
    });
    const reset = h('button', { type: 'button', text: 'Reset', 'aria-label': 'Reset the propagation screen' });
    reset.addEventListener('click', () => {
      this.apply(defaults(PROPAGATION_SPECS));
      this.model.reset();
      host.commit();
    });
    const png = h('button', { type: 'button', class: 'small', text: 'PNG', 'aria-label': 'Download the space-time view as PNG' });
    png.addEventListener('click', () => this.heat.toBlob((blob) => blob && download('propagation-space-time.png', blob)));
    const csv = h('button', { type: 'button', class: 'small', text: 'CSV', 'aria-label': 'Download V over position and time as CSV' });
    csv.addEventListener('click', () => this.frame && download('propagation-space-time.csv', this.csv(this.frame), 'text/csv'));
    const list = h('dl', { class: 'results-list' });
    this.results = {
      velocity: resultRow(list, 'Conduction velocity', 'prop-velocity'),
      detail: resultRow(list, 'Measured between', 'prop-detail'),
      size: resultRow(list, 'Compartments simulated', 'prop-size'),
    };
    this.status = h('p', { class: 'status', role: 'status', id: 'prop-status' });
    panel.append(
      h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'A brief current pulse at the left end starts an action potential; watch it travel. Colour is the membrane potential: dark at rest, bright at the peak.' })),
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'side' }, this.controls.element, h('div', { class: 'buttons' }, this.playButton, reset)),
        h(
          'div',
          { class: 'results' },
          h('div', { class: 'card results-card', id: 'prop-results', 'aria-live': 'polite' }, list, this.status),
          h('figure', { class: 'plot' }, h('figcaption', {}, h('span', { class: 'plot-title', text: 'Space–time view: V along the axon (→) over time (↓)' }), h('span', { class: 'plot-tools' }, png, csv)), this.heat, this.legend()),
          h('figure', { class: 'plot' }, h('figcaption', {}, h('span', { class: 'plot-title', text: 'V along the axon at the cursor time' })), this.profile),
        ),
      ),
    );
  }

  apply(values: ParamValues): void {
    this.controls.set(values);
    this.run();
  }

  readouts(): Readonly<Record<string, number>> {
    return {};
  }

  values(): ParamValues {
    return this.controls.get();
  }

  show(): void {
    this.visible = true;
    this.startAnimation();
  }

  hide(): void {
    this.visible = false;
    cancelAnimationFrame(this.animation);
    this.animation = 0;
  }

  private legend(): HTMLElement {
    const bar = h('canvas', { width: 200, height: 12, class: 'colour-bar', 'aria-hidden': 'true' });
    const ctx = bar.getContext('2d');
    if (ctx) {
      const data = ctx.createImageData(200, 1);
      for (let i = 0; i < 200; i++) colour(V_LOW + ((V_HIGH - V_LOW) * i) / 199, data.data, i * 4);
      for (let y = 0; y < 12; y++) ctx.putImageData(data, 0, y);
    }
    return h('p', { class: 'colour-legend' }, `${V_LOW} mV `, bar, ` ${V_HIGH} mV`);
  }

  private async run(): Promise<void> {
    const values = this.controls.get();
    const setup = buildPropagation(values);
    this.panel.setAttribute('data-state', 'running');
    this.status.textContent = 'Computing…';
    let frame: SpaceTimeFrame | null;
    try {
      frame = await this.engine.run('space-time', { model: setup.model, positions: setup.positions, isNode: setup.isNode });
    } catch (error) {
      this.status.textContent = `The engine stopped: ${error instanceof Error ? error.message : String(error)}`;
      this.panel.setAttribute('data-state', 'error');
      return;
    }
    if (!frame) return;
    this.frame = frame;
    this.image = this.render(frame);
    this.model.durationMs = frame.time[frame.time.length - 1];
    this.model.reset();
    const velocity = frame.velocity;
    this.results.velocity.textContent = velocity ? `${f(velocity.metresPerSecond, 3)} m/s` : 'no propagation (the action potential did not reach both detectors)';
    this.results.velocity.setAttribute('data-velocity', velocity ? String(velocity.metresPerSecond) : '');
    this.results.detail.textContent = velocity ? `${f(velocity.distance / 1000, 3)} mm apart, ${f(velocity.delay, 3)} ms apart (first spikes crossing −20 mV)` : '—';
    this.results.size.textContent = `${frame.positions.length} recorded points, ${f(frame.steps)} steps`;
    this.status.textContent = `Computed in ${f(frame.wallMs, 3)} ms of wall-clock time.`;
    this.panel.setAttribute('data-state', 'done');
    this.panel.setAttribute('data-positions', String(frame.positions.length));
    this.host.announce(velocity ? `Conduction velocity ${f(velocity.metresPerSecond, 3)} metres per second.` : 'No propagation.');
    this.drawFrame();
    if (this.visible) this.startAnimation();
  }

  /** The whole heat map as an image (one pixel per recorded point and sample), drawn once per run. */
  private render(frame: SpaceTimeFrame): HTMLCanvasElement {
    const width = frame.positions.length, height = frame.time.length;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const data = ctx.createImageData(width, height);
    for (let s = 0; s < height; s++) for (let k = 0; k < width; k++) colour(frame.voltage[s * width + k], data.data, (s * width + k) * 4);
    ctx.putImageData(data, 0, 0);
    return canvas;
  }

  private startAnimation(): void {
    if (this.animation || !this.visible) return;
    this.lastWallMs = 0;
    const loop = (wallMs: number) => {
      const dt = this.lastWallMs ? Math.min(0.1, (wallMs - this.lastWallMs) / 1000) : 0;
      this.lastWallMs = wallMs;
      this.frameTimes.push(wallMs);
      if (this.frameTimes.length > 120) this.frameTimes.shift();
      if (this.frameTimes.length > 10) {
        const span = this.frameTimes[this.frameTimes.length - 1] - this.frameTimes[0];
        this.panel.setAttribute('data-fps', ((this.frameTimes.length - 1) / (span / 1000)).toFixed(1));
      }
      if (this.playing) this.model.step(dt);
      this.drawFrame();
      this.animation = this.playing && this.visible ? requestAnimationFrame(loop) : 0;
    };
    this.animation = requestAnimationFrame(loop);
  }

  private fit(canvas: HTMLCanvasElement, cssHeight: number): { ctx: CanvasRenderingContext2D; width: number; height: number } | undefined {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 640;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(cssHeight * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(cssHeight * ratio);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx, width, height: cssHeight };
  }

  private drawFrame(): void {
    const frame = this.frame;
    const heat = this.fit(this.heat, 320);
    const profile = this.fit(this.profile, 180);
    if (!heat || !profile) return;
    const m = { left: 48, right: 10, top: 8, bottom: 34 };
    {
      const { ctx, width, height } = heat;
      ctx.clearRect(0, 0, width, height);
      const w = width - m.left - m.right, hh = height - m.top - m.bottom;
      ctx.fillStyle = '#f4f4f4';
      ctx.fillRect(m.left, m.top, w, hh);
      if (frame && this.image) {
        const samples = frame.time.length;
        const duration = frame.time[samples - 1];
        const shown = Math.max(1, Math.min(samples, Math.floor((this.model.cursorMs / duration) * (samples - 1)) + 1));
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(this.image, 0, 0, this.image.width, shown, m.left, m.top, w, (hh * shown) / samples);
        const y = m.top + (hh * shown) / samples;
        ctx.strokeStyle = '#c00';
        ctx.beginPath();
        ctx.moveTo(m.left, y);
        ctx.lineTo(m.left + w, y);
        ctx.stroke();
        this.axes(ctx, m, w, hh, Number(this.controls.get().length), 'position (mm)', duration, 'time (ms)');
      }
    }
    {
      const { ctx, width, height } = profile;
      ctx.clearRect(0, 0, width, height);
      const w = width - m.left - m.right, hh = height - m.top - m.bottom;
      ctx.strokeStyle = '#999';
      ctx.strokeRect(m.left, m.top, w, hh);
      if (!frame) return;
      const n = frame.positions.length;
      const samples = frame.time.length;
      const duration = frame.time[samples - 1];
      const s = Math.min(samples - 1, Math.round((this.model.cursorMs / duration) * (samples - 1)));
      const length = Number(this.controls.get().length) * 1000;
      const py = (v: number) => m.top + (1 - (v - -90) / 150) * hh;
      ctx.fillStyle = '#333';
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = 'right';
      for (const v of [-80, -40, 0, 40]) ctx.fillText(String(v), m.left - 4, py(v) + 4);
      ctx.save();
      ctx.translate(12, m.top + hh / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'center';
      ctx.fillText('V (mV)', 0, 0);
      ctx.restore();
      ctx.textAlign = 'center';
      ctx.fillText(`position (mm); t = ${frame.time[s].toFixed(2)} ms`, m.left + w / 2, height - 4);
      ctx.strokeStyle = '#1f5fbf';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (let k = 0; k < n; k++) {
        const x = m.left + (frame.positions[k] / length) * w;
        const y = py(frame.voltage[s * n + k]);
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
      ctx.fillStyle = '#d1495b';
      for (let k = 0; k < n; k++) if (frame.isNode[k]) ctx.fillRect(m.left + (frame.positions[k] / length) * w - 1, m.top + hh - 6, 2, 6);
    }
  }

  private axes(ctx: CanvasRenderingContext2D, m: { left: number; top: number }, w: number, hh: number, xMax: number, xLabel: string, yMax: number, yLabel: string): void {
    ctx.fillStyle = '#333';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (let k = 0; k <= 4; k++) ctx.fillText(f((xMax * k) / 4, 3), m.left + (w * k) / 4, m.top + hh + 14);
    ctx.fillText(xLabel, m.left + w / 2, m.top + hh + 30);
    ctx.textAlign = 'right';
    for (let k = 0; k <= 4; k++) ctx.fillText(f((yMax * k) / 4, 3), m.left - 4, m.top + (hh * k) / 4 + 4);
    ctx.save();
    ctx.translate(12, m.top + hh / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
  }

  private csv(frame: SpaceTimeFrame): string {
    const n = frame.positions.length;
    const lines = [['time (ms)', ...Array.from(frame.positions, (x) => `V at ${f(x, 5)} um (mV)`)].join(',')];
    for (let s = 0; s < frame.time.length; s++) lines.push([frame.time[s], ...Array.from(frame.voltage.subarray(s * n, (s + 1) * n))].join(','));
    return lines.join('\n') + '\n';
  }
}
