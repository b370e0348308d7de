/** Propagation: the space-time heat map of V along the axon, the V(x) profile at the cursor, and the velocity. */
import { PALETTE } from '../../common/palette.js';
import { tickLabels, ticksWithin } from '../../common/ticks.js';
import { ActivityPanel } from '../../common/activities.js';
import { PresetPicker } from '../../common/presets.js';
import { ControlPanel } from '../../controls.js';
import { PROPAGATION_ACTIVITIES, PROPAGATION_CHALLENGES, propagationReadouts } from './activities.js';
import { PROPAGATION_PRESETS } from './presets.js';
import { download, h, resultRow, svg } from '../../dom.js';
import { EngineClient } from '../../engine-client.js';
import type { SpaceTimeFrame } from '../../engine-protocol.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { buildPropagation, PropagationModel, PROPAGATION_SPECS } from './model.js';

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

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

/** V rounded to 0.5 mV for the SVG export: 260 colour levels over the scale, runs of equal colour merge. */
const quantise = (v: number) => Math.round(v * 2) / 2;

/** The heat-map colour of `v` (mV) as "#rrggbb" (the SVG export). */
function colourHex(v: number): string {
  const out = new Uint8ClampedArray(4);
  colour(v, out, 0);
  return `#${[out[0], out[1], out[2]].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

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
  private presets!: PresetPicker;
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
  private frameTimes: number[] = [];
  private playButton!: HTMLButtonElement;
  private scrubber!: HTMLInputElement;
  private scrubberOutput!: HTMLOutputElement;
  private details!: HTMLElement;
  private visible = false;

  mount(panel: HTMLElement, host: ScreenHost): void {
    this.host = host;
    this.panel = panel;
    this.controls = new ControlPanel('prop', PROPAGATION_SPECS, [{ legend: 'Axon', keys: ['fibre', 'diameter', 'length', 'temperature', 'compartments'] }, { legend: 'Toxin', keys: ['ttx'] }], defaults(PROPAGATION_SPECS), () => this.run(), () => host.commit());
    this.heat = h('canvas', { id: 'prop-heat', class: 'heat', width: 640, height: 320, role: 'img', 'aria-label': 'Space-time view: membrane potential (colour) along the axon (across) over time (down)' });
    this.profile = h('canvas', { id: 'prop-profile', class: 'profile', width: 640, height: 180, role: 'img', 'aria-label': 'Membrane potential along the axon at the cursor time' });
    // Play (a toggle: pressed while the cursor sweeps the run) and a time scrubber for the cursor.
    this.playButton = h('button', { type: 'button', text: 'Play', 'aria-pressed': 'false', id: 'prop-play', 'aria-describedby': 'prop-time-label' });
    this.playButton.addEventListener('click', () => {
      if (this.model.playing) this.model.pause();
      else this.model.play();
      this.syncPlayback();
      if (this.model.playing) this.startAnimation();
    });
    this.scrubber = h('input', { type: 'range', id: 'prop-time', min: 0, max: 1, step: 'any', value: 0 });
    this.scrubberOutput = h('output', { for: 'prop-time', id: 'prop-time-value' });
    this.scrubber.addEventListener('input', () => {
      this.model.pause();
      this.model.seek(Number(this.scrubber.value));
      this.syncPlayback();
      this.drawFrame();
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
    const svgButton = h('button', { type: 'button', class: 'small', text: 'SVG', id: 'prop-svg', 'aria-label': 'Download the space-time view as SVG' });
    svgButton.addEventListener('click', () => this.frame && download('propagation-space-time.svg', this.svg(this.frame), 'image/svg+xml'));
    const list = h('dl', { class: 'results-list' });
    this.results = {
      velocity: resultRow(list, 'Conduction velocity', 'prop-velocity'),
      detail: resultRow(list, 'Measured between', 'prop-detail'),
      size: resultRow(list, 'Compartments simulated', 'prop-size'),
    };
    this.status = h('p', { class: 'status', role: 'status', id: 'prop-status' });
    this.details = h('p', { id: 'prop-details' });
    this.presets = new PresetPicker({
      id: 'prop-preset',
      specs: PROPAGATION_SPECS,
      presets: PROPAGATION_PRESETS,
      onChoose: (values, chosen) => {
        this.apply(values);
        host.commit();
        host.announce(`${chosen.label} loaded.`);
      },
    });
    this.presets.watch(this.controls.element, () => this.controls.get());
    const teaching = new ActivityPanel({ prefix: 'prop', screen: this, host, activities: PROPAGATION_ACTIVITIES, challenges: PROPAGATION_CHALLENGES, ready: () => panel.getAttribute('data-state') !== 'running' });
    panel.append(
      h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'A brief current pulse at the left end starts an action potential; watch it travel. Colour is the membrane potential: dark at rest, bright at the peak.' })),
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'side' }, this.presets.element, this.controls.element, h('div', { class: 'buttons' }, reset)),
        h(
          'div',
          { class: 'results' },
          h('div', { class: 'card results-card', id: 'prop-results', 'aria-live': 'polite' }, list, this.status, h('details', { class: 'run-details' }, h('summary', { text: 'Details' }), this.details)),
          teaching.element,
          h(
            'figure',
            { class: 'plot' },
            h('figcaption', {}, h('span', { class: 'plot-title', text: 'Space–time view: V along the axon (→) over time (↓)' }), h('span', { class: 'plot-tools' }, png, svgButton, csv)),
            h('div', { class: 'scrubber' }, this.playButton, h('label', { for: 'prop-time', id: 'prop-time-label', text: 'Time' }), this.scrubber, this.scrubberOutput),
            this.heat,
            this.legend(),
          ),
          h('figure', { class: 'plot' }, h('figcaption', {}, h('span', { class: 'plot-title', text: 'V along the axon at the cursor time' })), this.profile),
        ),
      ),
    );
  }

  apply(values: ParamValues): void {
    this.controls.set(values);
    this.presets?.sync(this.controls.get());
    this.run();
  }

  /** Conduction (1: the action potential reached both detectors, 0: it did not), velocity (m/s), delay (ms), distance (mm). */
  readouts(): Readonly<Record<string, number>> {
    return this.frame ? propagationReadouts(this.frame) : {};
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
    return h('p', { class: 'colour-legend' }, `${f(V_LOW)} mV `, bar, ` ${f(V_HIGH)} mV`);
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
    // Reduced motion: no sweep; the whole run at once (the scrubber still moves the cursor).
    if (reducedMotion()) {
      this.model.pause();
      this.model.seek(this.model.durationMs);
    } else {
      this.model.reset();
      this.model.play();
    }
    this.scrubber.max = String(this.model.durationMs);
    this.scrubber.step = String(frame.time.length > 1 ? frame.time[1] - frame.time[0] : 'any');
    this.syncPlayback();
    const velocity = frame.velocity;
    const temperature = Number(values.temperature);
    const fails = `Conduction fails: the action potential did not travel from the ¼ to the ¾ point of the axon${temperature >= 30 ? ` — at ${f(temperature)} °C the gates move so fast that the spike shrinks as it travels and dies out` : ''}.`;
    this.results.velocity.replaceChildren(velocity ? `${f(velocity.metresPerSecond, 3)} m/s` : h('span', { class: 'fails', text: fails }));
    this.results.velocity.setAttribute('data-velocity', velocity ? String(velocity.metresPerSecond) : '');
    this.results.detail.textContent = velocity ? `${f(velocity.distance / 1000, 3)} mm apart, ${f(velocity.delay, 3)} ms apart (first spikes crossing −20 mV)` : 'no spike crossed −20 mV at the ¾ point';
    this.results.size.textContent = `${frame.positions.length} recorded points, ${f(frame.steps)} steps`;
    this.status.textContent = `Simulated ${f(frame.time[frame.time.length - 1], 3)} ms of the axon's activity.`;
    this.details.textContent = `Computed ${f(frame.steps)} steps in ${f(frame.wallMs, 3)} ms of wall-clock time.`;
    this.panel.setAttribute('data-state', 'done');
    this.panel.setAttribute('data-positions', String(frame.positions.length));
    this.host.announce(velocity ? `Conduction velocity ${f(velocity.metresPerSecond, 3)} metres per second.` : fails);
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
    if (this.animation || !this.visible || !this.model.playing) return;
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
      this.model.step(dt);
      this.drawFrame();
      if (!this.model.playing) this.syncPlayback();
      this.animation = this.model.playing && this.visible ? requestAnimationFrame(loop) : 0;
    };
    this.animation = requestAnimationFrame(loop);
  }

  /** The play button's pressed state and the scrubber follow the model's cursor. */
  private syncPlayback(): void {
    this.playButton.setAttribute('aria-pressed', String(this.model.playing));
    this.playButton.textContent = this.model.playing ? 'Playing' : 'Play';
    this.updateScrubber();
  }

  private updateScrubber(): void {
    const cursor = this.model.cursorMs;
    const text = `${f(cursor, 3)} ms of ${f(this.model.durationMs, 3)} ms`;
    this.scrubber.value = String(cursor);
    this.scrubber.setAttribute('aria-valuetext', text);
    this.scrubberOutput.textContent = `${f(cursor, 3)} ms`;
    this.panel.setAttribute('data-cursor-ms', String(cursor));
  }

  private fit(canvas: HTMLCanvasElement, cssHeight: number): { ctx: CanvasRenderingContext2D; width: number; height: number } | undefined {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 640;
    const height = canvas.clientHeight || cssHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx, width, height };
  }

  private drawFrame(): void {
    const frame = this.frame;
    const heat = this.fit(this.heat, 320);
    const profile = this.fit(this.profile, 180);
    if (!heat || !profile) return;
    if (this.model.playing) this.updateScrubber();
    const m = { left: 52, right: 12, top: 8, bottom: 38 };
    const lengthMm = Number(this.controls.get().length);
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
        ctx.strokeStyle = PALETTE.cursor.color;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(m.left, y);
        ctx.lineTo(m.left + w, y);
        ctx.stroke();
        // Time runs down: 0 at the top.
        this.axes(this.heat, ctx, m, w, hh, [0, lengthMm], 'position along the axon (mm)', [0, duration], 'time (ms)', true);
      }
    }
    {
      const { ctx, width, height } = profile;
      ctx.clearRect(0, 0, width, height);
      const w = width - m.left - m.right, hh = height - m.top - m.bottom;
      ctx.strokeStyle = '#999';
      ctx.lineWidth = 1;
      ctx.strokeRect(m.left, m.top, w, hh);
      if (!frame) return;
      const n = frame.positions.length;
      const samples = frame.time.length;
      const duration = frame.time[samples - 1];
      const s = Math.min(samples - 1, Math.round((this.model.cursorMs / duration) * (samples - 1)));
      const length = lengthMm * 1000;
      const [vLow, vHigh] = [-90, 60];
      const py = (v: number) => m.top + (1 - (v - vLow) / (vHigh - vLow)) * hh;
      this.axes(this.profile, ctx, m, w, hh, [0, lengthMm], `position along the axon (mm); t = ${f(frame.time[s], 3)} ms`, [vLow, vHigh], 'V (mV)', false);
      ctx.strokeStyle = PALETTE.v.color;
      ctx.lineWidth = 1.75;
      ctx.beginPath();
      for (let k = 0; k < n; k++) {
        const x = m.left + (frame.positions[k] / length) * w;
        const y = py(frame.voltage[s * n + k]);
        if (k === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
      ctx.fillStyle = PALETTE.na.color;
      for (let k = 0; k < n; k++) if (frame.isNode[k]) ctx.fillRect(m.left + (frame.positions[k] / length) * w - 1, m.top + hh - 6, 2, 6);
    }
  }

  /**
   * Round, evenly spaced ticks (1, 2, 5 × 10ⁿ; common/ticks) with numbers on both axes of a canvas plot; the tick
   * values are written on the canvas as `data-x-ticks` / `data-y-ticks` (tests). `yDown`: y grows downwards
   * (time in the space-time view).
   */
  private axes(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, m: { left: number; top: number }, w: number, hh: number, xRange: [number, number], xLabel: string, yRange: [number, number], yLabel: string, yDown: boolean): void {
    const xTicks = ticksWithin(xRange[0], xRange[1], Math.max(2, Math.min(8, Math.floor(w / 70))));
    const yTicks = ticksWithin(yRange[0], yRange[1], Math.max(2, Math.min(6, Math.floor(hh / 40))));
    const px = (x: number) => m.left + ((x - xRange[0]) / (xRange[1] - xRange[0])) * w;
    const py = (y: number) => (yDown ? m.top + ((y - yRange[0]) / (yRange[1] - yRange[0])) * hh : m.top + (1 - (y - yRange[0]) / (yRange[1] - yRange[0])) * hh);
    ctx.fillStyle = '#333';
    ctx.strokeStyle = '#333';
    ctx.lineWidth = 1;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    tickLabels(xTicks.values, xTicks.step).forEach((label, i) => {
      const x = px(xTicks.values[i]);
      ctx.beginPath();
      ctx.moveTo(x, m.top + hh);
      ctx.lineTo(x, m.top + hh + 4);
      ctx.stroke();
      ctx.fillText(label, x, m.top + hh + 16);
    });
    ctx.fillText(xLabel, m.left + w / 2, m.top + hh + 32);
    ctx.textAlign = 'right';
    tickLabels(yTicks.values, yTicks.step).forEach((label, i) => {
      const y = py(yTicks.values[i]);
      ctx.beginPath();
      ctx.moveTo(m.left - 4, y);
      ctx.lineTo(m.left, y);
      ctx.stroke();
      ctx.fillText(label, m.left - 6, y + 4);
    });
    ctx.save();
    ctx.translate(12, m.top + hh / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
    canvas.setAttribute('data-x-ticks', xTicks.values.join(','));
    canvas.setAttribute('data-y-ticks', yTicks.values.join(','));
  }

  /**
   * The space-time view as SVG: one rect per recorded point and sample (each cell spans half-way to its neighbours
   * in position, one record interval in time), runs of equal colour along a row merged into one rect; round ticks
   * on both axes, a colour bar, a title and a white background.
   */
  private svg(frame: SpaceTimeFrame): string {
    const width = 820, height = 560;
    const m = { left: 70, right: 110, top: 40, bottom: 56 };
    const w = width - m.left - m.right, hh = height - m.top - m.bottom;
    const n = frame.positions.length, samples = frame.time.length;
    const lengthMm = Number(this.controls.get().length);
    const length = lengthMm * 1000;
    const duration = frame.time[samples - 1];
    const dtMs = samples > 1 ? duration / (samples - 1) : 1;
    const px = (um: number) => m.left + (Math.min(length, Math.max(0, um)) / length) * w;
    const py = (ms: number) => m.top + (Math.min(duration + dtMs / 2, Math.max(0, ms)) / (duration + dtMs / 2)) * hh;
    const edges = new Float64Array(n + 1);
    edges[0] = 0;
    for (let k = 1; k < n; k++) edges[k] = (frame.positions[k - 1] + frame.positions[k]) / 2;
    edges[n] = length;
    const root = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'sans-serif', 'font-size': 12 });
    root.append(svg('rect', { width, height, fill: 'white' }));
    root.append(svg('text', { x: m.left, y: 22, 'font-weight': 'bold', 'font-size': 15, class: 'title' }, 'Space–time view: membrane potential along the axon over time'));
    const cells = svg('g', { class: 'cells', 'shape-rendering': 'crispEdges' });
    for (let s = 0; s < samples; s++) {
      const y0 = py(s === 0 ? 0 : frame.time[s] - dtMs / 2), y1 = py(frame.time[s] + dtMs / 2);
      let start = 0;
      let current = colourHex(quantise(frame.voltage[s * n]));
      for (let k = 1; k <= n; k++) {
        const next = k < n ? colourHex(quantise(frame.voltage[s * n + k])) : '';
        if (next === current) continue;
        const x0 = px(edges[start]), x1 = px(edges[k]);
        cells.append(svg('rect', { x: x0.toFixed(2), y: y0.toFixed(2), width: (x1 - x0).toFixed(2), height: (y1 - y0).toFixed(2), fill: current }));
        start = k;
        current = next;
      }
    }
    root.append(cells, svg('rect', { x: m.left, y: m.top, width: w, height: hh, fill: 'none', stroke: '#333' }));
    const xTicks = ticksWithin(0, lengthMm, 8), yTicks = ticksWithin(0, duration, 8);
    const xAxis = svg('g', { class: 'x-axis' });
    tickLabels(xTicks.values, xTicks.step).forEach((label, i) => {
      const x = px(xTicks.values[i] * 1000);
      xAxis.append(svg('line', { x1: x, y1: m.top + hh, x2: x, y2: m.top + hh + 5, stroke: '#333' }), svg('text', { x, y: m.top + hh + 18, 'text-anchor': 'middle', class: 'tick' }, label));
    });
    xAxis.append(svg('text', { x: m.left + w / 2, y: height - 14, 'text-anchor': 'middle' }, 'position along the axon (mm)'));
    const yAxis = svg('g', { class: 'y-axis' });
    tickLabels(yTicks.values, yTicks.step).forEach((label, i) => {
      const y = py(yTicks.values[i]);
      yAxis.append(svg('line', { x1: m.left - 5, y1: y, x2: m.left, y2: y, stroke: '#333' }), svg('text', { x: m.left - 8, y: y + 4, 'text-anchor': 'end', class: 'tick' }, label));
    });
    yAxis.append(svg('text', { x: 18, y: m.top + hh / 2, transform: `rotate(-90 18 ${m.top + hh / 2})`, 'text-anchor': 'middle' }, 'time (ms), running down'));
    root.append(xAxis, yAxis);
    // Colour bar: V_LOW at the bottom, V_HIGH at the top.
    const bar = svg('g', { class: 'colour-bar' });
    const barX = width - m.right + 30, barWidth = 16, steps = 64;
    for (let i = 0; i < steps; i++) {
      const v = V_LOW + ((V_HIGH - V_LOW) * (i + 0.5)) / steps;
      bar.append(svg('rect', { x: barX, y: (m.top + hh - ((i + 1) * hh) / steps).toFixed(2), width: barWidth, height: (hh / steps + 0.5).toFixed(2), fill: colourHex(v) }));
    }
    root.append(bar, svg('rect', { x: barX, y: m.top, width: barWidth, height: hh, fill: 'none', stroke: '#333' }));
    const vTicks = ticksWithin(V_LOW, V_HIGH, 6);
    tickLabels(vTicks.values, vTicks.step).forEach((label, i) => {
      const y = m.top + hh - ((vTicks.values[i] - V_LOW) / (V_HIGH - V_LOW)) * hh;
      root.append(svg('line', { x1: barX + barWidth, y1: y, x2: barX + barWidth + 4, y2: y, stroke: '#333' }), svg('text', { x: barX + barWidth + 7, y: y + 4 }, label));
    });
    root.append(svg('text', { x: barX + barWidth / 2, y: m.top - 8, 'text-anchor': 'middle' }, 'V (mV)'));
    return new XMLSerializer().serializeToString(root);
  }

  private csv(frame: SpaceTimeFrame): string {
    const n = frame.positions.length;
    const lines = [['time (ms)', ...Array.from(frame.positions, (x) => `V at ${f(x, 5)} um (mV)`)].join(',')];
    for (let s = 0; s < frame.time.length; s++) lines.push([frame.time[s], ...Array.from(frame.voltage.subarray(s * n, (s + 1) * n))].join(','));
    return lines.join('\n') + '\n';
  }
}
