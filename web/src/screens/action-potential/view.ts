/** Action potential: HH compartment under current or voltage clamp; Vm, gates, currents, conductances, phase plane. */
import type uPlot from 'uplot';
import { actionPotentialShape } from '../../../../src/analysis/index.js';
import { ControlPanel } from '../../controls.js';
import { h, resultRow } from '../../dom.js';
import type { RefractoryFrame, SimulationFrame } from '../../engine-protocol.js';
import { EngineClient } from '../../engine-client.js';
import { findLabDrug } from '../../drugs.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import { PhasePlane } from '../../phase-plane.js';
import { COLORS, Plot } from '../../plot.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { ActionPotentialModel, AP_DELAY, AP_SPECS, apConductances, buildActionPotentialModel } from './model.js';
import { AP_AREA } from './model.js';
import { MembraneAnimation } from '../../common/membrane-animation.js';
import { actionPotentialSeries } from '../../common/membrane-state.js';


function horizontalLine(u: uPlot, value: number, color: string, label: string): void {
  const y = u.valToPos(value, 'y', true);
  if (!Number.isFinite(y) || y < u.bbox.top || y > u.bbox.top + u.bbox.height) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(u.bbox.left, y);
  ctx.lineTo(u.bbox.left + u.bbox.width, y);
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
  ctx.fillText(label, u.bbox.left + 6 * devicePixelRatio, y - 3 * devicePixelRatio);
  ctx.restore();
}

function verticalLine(u: uPlot, time: number, color: string): void {
  const x = u.valToPos(time, 'x', true);
  if (!Number.isFinite(x)) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x, u.bbox.top);
  ctx.lineTo(x, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.restore();
}

export class ActionPotentialScreen implements Screen {
  readonly id = 'action-potential';
  readonly title = 'Action potential';
  readonly specs = AP_SPECS;
  private readonly model = new ActionPotentialModel();
  private readonly engine = new EngineClient();
  private readonly thresholdEngine = new EngineClient(100);
  private readonly refractoryEngine = new EngineClient(100);
  private controls!: ControlPanel;
  private host!: ScreenHost;
  private panel!: HTMLElement;
  private plots!: { v: Plot; stim: Plot; gates: Plot; currents: Plot; conductances: Plot; refractory: Plot };
  private phase!: PhasePlane;
  private results!: Record<string, HTMLElement>;
  private status!: HTMLElement;
  private frame: SimulationFrame | undefined;
  private membrane!: MembraneAnimation;
  private apThreshold: number | undefined;
  private currentThreshold: number | null | undefined;
  private inputWallMs = 0;
  private runs = 0;
  private animation = 0;
  private lastWallMs = 0;

  mount(panel: HTMLElement, host: ScreenHost): void {
    this.host = host;
    this.panel = panel;
    this.controls = new ControlPanel(
      'ap',
      AP_SPECS,
      [
        { legend: 'Stimulus', keys: ['mode', 'amplitude', 'width', 'interval', 'count', 'hold', 'clamp', 'clamp_ms'] },
        { legend: 'Toxins', keys: ['ttx', 'tea', 'fourap'] },
        { legend: 'Conditions', keys: ['temperature', 'duration'] },
      ],
      defaults(AP_SPECS),
      () => {
        this.inputWallMs = performance.now();
        this.run();
      },
      () => host.commit(),
    );
    const play = h('button', { type: 'button', text: 'Replay', 'aria-label': 'Replay the run with a moving cursor' });
    play.addEventListener('click', () => {
      this.model.reset();
      this.model.durationMs = Number(this.controls.get().duration);
      this.model.playing = true;
      this.animate();
    });
    const reset = h('button', { type: 'button', text: 'Reset', 'aria-label': 'Reset the action potential screen' });
    reset.addEventListener('click', () => {
      this.apply(defaults(AP_SPECS));
      this.model.reset();
      host.commit();
    });
    const refractoryButton = h('button', { type: 'button', text: 'Measure refractory period', id: 'ap-refractory-button' });
    refractoryButton.addEventListener('click', () => this.measureRefractory());
    const decorateV = (u: uPlot) => {
      if (this.apThreshold !== undefined) horizontalLine(u, this.apThreshold, '#b35900', `AP threshold ${f(this.apThreshold)} mV`);
      if (this.model.playing || this.model.cursorMs > 0) verticalLine(u, this.model.cursorMs, '#c00');
    };
    const decorateStim = (u: uPlot) => {
      const mode = String(this.controls.get().mode);
      if (mode !== 'vclamp' && typeof this.currentThreshold === 'number') horizontalLine(u, this.currentThreshold, '#b35900', `threshold for this pulse width: ${f(this.currentThreshold)} nA`);
    };
    const cursor = (u: uPlot) => {
      if (this.model.playing || this.model.cursorMs > 0) verticalLine(u, this.model.cursorMs, '#c00');
    };
    this.plots = {
      v: new Plot({ id: 'ap-plot-v', title: 'Membrane potential', xLabel: 'time', xUnit: 'ms', yLabel: 'Vm (mV)', series: [{ label: 'Vm', unit: 'mV', color: COLORS.v, width: 2 }], height: 240, decorate: decorateV }),
      stim: new Plot({ id: 'ap-plot-stim', title: 'Injected (or clamp) current', xLabel: 'time', xUnit: 'ms', yLabel: 'I (nA)', series: [{ label: 'I stimulus', unit: 'nA', color: COLORS.stim }], height: 140, decorate: decorateStim }),
      gates: new Plot({ id: 'ap-plot-gates', title: 'Gates', xLabel: 'time', xUnit: 'ms', yLabel: 'open fraction', series: [{ label: 'm', unit: '', color: COLORS.m }, { label: 'h', unit: '', color: COLORS.h }, { label: 'n', unit: '', color: COLORS.n }], yRange: [0, 1], height: 180, decorate: cursor }),
      currents: new Plot({ id: 'ap-plot-currents', title: 'Ionic currents (outward positive)', xLabel: 'time', xUnit: 'ms', yLabel: 'µA/cm²', series: [{ label: 'I Na', unit: 'µA/cm²', color: COLORS.na }, { label: 'I K', unit: 'µA/cm²', color: COLORS.k }, { label: 'I leak', unit: 'µA/cm²', color: COLORS.leak }], height: 180, decorate: cursor }),
      conductances: new Plot({ id: 'ap-plot-conductances', title: 'Conductances', xLabel: 'time', xUnit: 'ms', yLabel: 'mS/cm²', series: [{ label: 'g Na', unit: 'mS/cm²', color: COLORS.na }, { label: 'g K', unit: 'mS/cm²', color: COLORS.k }], height: 180, decorate: cursor }),
      refractory: new Plot({ id: 'ap-plot-refractory', title: 'Refractory period: threshold of a second pulse', xLabel: 'interval after the first pulse', xUnit: 'ms', yLabel: '× single threshold', series: [{ label: 'relative threshold', unit: '', color: '#b35900', width: 2 }], height: 180 }),
    };
    this.plots.v.onDraw(() => {
      if (this.inputWallMs > 0 && this.frame) {
        const latency = performance.now() - this.inputWallMs;
        this.inputWallMs = 0;
        panel.setAttribute('data-latency-ms', latency.toFixed(2));
      }
    });
    this.phase = new PhasePlane({ id: 'ap-phase', title: 'Phase plane: n against Vm', xLabel: 'Vm (mV)', yLabel: 'n', xRange: [-100, 60], yRange: [0, 1], color: COLORS.n });
    this.membrane = new MembraneAnimation({
      id: 'ap-membrane',
      title: 'The membrane at work: Na⁺ and K⁺ channels of this patch, from the run',
      speeds: [0.5, 1, 2, 5, 25].map((ms) => ({ label: `${f(ms)} ms per second`, simulatedMsPerWallSecond: ms })),
      defaultSpeed: 2,
      stepMs: 0.1,
      onCursor: (ms) => {
        this.model.cursorMs = ms;
        for (const plot of [this.plots.v, this.plots.gates, this.plots.currents, this.plots.conductances]) plot.redraw();
        if (this.frame) this.phase.setCursor(Math.min(this.frame.time.length - 1, Math.round(ms / 0.025)));
      },
    });
    const list = h('dl', { class: 'results-list' });
    this.results = {
      peak: resultRow(list, 'Peak Vm', 'ap-peak'),
      spikes: resultRow(list, 'Action potentials', 'ap-spikes'),
      threshold: resultRow(list, 'AP threshold (dV/dt > 10 mV/ms after the stimulus)', 'ap-threshold'),
      width: resultRow(list, 'Half-width', 'ap-halfwidth'),
      currentThreshold: resultRow(list, 'Threshold current for this pulse', 'ap-current-threshold'),
      channels: resultRow(list, 'Channels left unblocked', 'ap-channels'),
      refractory: resultRow(list, 'Absolute refractory period', 'ap-refractory'),
    };
    this.status = h('p', { class: 'status', role: 'status', id: 'ap-status' });
    const refractoryFigure = this.plots.refractory.element;
    refractoryFigure.hidden = true;
    panel.append(
      h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'A patch of squid-axon membrane (Hodgkin–Huxley, 1000 µm²). Inject current or clamp the voltage; add toxins; warm it up.' })),
      h(
        'div',
        { class: 'layout' },
        h(
          'div',
          { class: 'side' },
          this.controls.element,
          h('div', { class: 'buttons' }, play, refractoryButton, reset),
          h('p', { class: 'note', text: `Toxin IC50s from the library's catalogue: ${['ttx', 'tea', '4-ap'].map((name) => `${name.toUpperCase()} ${findLabDrug(name)!.targets[0].ic50} mM`).join(', ')} (sources in src/mechanisms/drugs.ts).` }),
        ),
        h(
          'div',
          { class: 'results' },
          h('div', { class: 'card results-card', id: 'ap-results', 'aria-live': 'polite' }, list, this.status),
          this.membrane.element,
          this.plots.v.element,
          this.plots.stim.element,
          this.plots.gates.element,
          this.plots.currents.element,
          this.plots.conductances.element,
          h('div', { class: 'two' }, this.phase.element, refractoryFigure),
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
    this.phase.draw();
  }

  hide(): void {
    cancelAnimationFrame(this.animation);
    this.membrane.pause();
  }

  private enableControls(values: ParamValues): void {
    const mode = String(values.mode);
    const current = mode !== 'vclamp';
    for (const key of ['amplitude', 'width']) this.controls.enable(key, current && !(key === 'width' && mode === 'step'));
    for (const key of ['interval', 'count']) this.controls.enable(key, mode === 'train');
    for (const key of ['hold', 'clamp', 'clamp_ms']) this.controls.enable(key, !current);
  }

  private async run(): Promise<void> {
    const values = this.controls.get();
    this.enableControls(values);
    const g = apConductances(values);
    this.results.channels.textContent = `Na⁺ ${f(g.sodium * 100)} %, K⁺ ${f(g.potassium * 100)} %`;
    this.panel.setAttribute('data-state', 'running');
    this.status.textContent = 'Computing…';
    const model = buildActionPotentialModel(values);
    this.requestThreshold(values);
    let frame: SimulationFrame | null;
    try {
      frame = await this.engine.run('simulate', { model });
    } catch (error) {
      this.status.textContent = `The engine stopped: ${error instanceof Error ? error.message : String(error)}`;
      this.panel.setAttribute('data-state', 'error');
      return;
    }
    if (!frame) return;
    this.show_(frame, values);
  }

  private show_(frame: SimulationFrame, values: ParamValues): void {
    this.frame = frame;
    const unblocked = apConductances(values);
    this.membrane.setSeries(actionPotentialSeries(frame, AP_AREA, { sodium: 1 - unblocked.sodium, potassium: 1 - unblocked.potassium }));
    const trace = (id: string) => frame.traces.find((t) => t.id === id)?.values ?? new Float64Array(frame.time.length);
    const v = trace('v');
    const scale = (values: Float64Array, factor: number) => values.map((x) => x * factor);
    const g = apConductances(values);
    const leak = v.map((x) => g.gl * (x - g.el) * 1e3);
    let peak = -Infinity;
    for (const x of v) peak = Math.max(peak, x);
    const spikes = frame.spikes[0]?.times ?? [];
    // The dV/dt criterion is read after the pulse that charged the membrane (during it, dV/dt is the pulse's I/C).
    const pulseEnd = String(values.mode) === 'step' || String(values.mode) === 'vclamp' ? AP_DELAY + 0.5 : AP_DELAY + Number(values.width);
    const from = spikes.length > 0 && spikes[0] > pulseEnd ? Math.max(pulseEnd, spikes[0] - 5) : Math.max(0, spikes[0] - 5);
    const shape = spikes.length > 0 && String(values.mode) !== 'vclamp' ? actionPotentialShape(frame.time, v, { from, to: spikes[0] + 10 }) : null;
    this.apThreshold = shape?.threshold;
    this.plots.v.setData(frame.time, [v]);
    this.plots.stim.setData(frame.time, [trace('i_stim')]);
    this.plots.gates.setData(frame.time, [trace('m'), trace('h'), trace('n')]);
    this.plots.currents.setData(frame.time, [scale(trace('i_na'), 1e3), scale(trace('i_k'), 1e3), leak]);
    this.plots.conductances.setData(frame.time, [scale(trace('g_na'), 1e3), scale(trace('g_k'), 1e3)]);
    this.phase.setData(v, trace('n'));
    this.model.durationMs = Number(values.duration);
    this.runs++;
    const peakText = `${f(peak, 4)} mV`;
    this.results.peak.textContent = peakText;
    this.results.peak.setAttribute('data-peak-mv', String(peak));
    this.results.spikes.textContent = spikes.length === 0 ? 'none' : `${spikes.length} (first at ${f(spikes[0], 4)} ms)`;
    this.results.spikes.setAttribute('data-spike-count', String(spikes.length));
    this.results.threshold.textContent = shape ? `${f(shape.threshold, 3)} mV` : '—';
    this.results.width.textContent = shape ? `${f(shape.halfWidth, 3)} ms` : '—';
    this.status.textContent = `Computed ${f(frame.steps, 4)} steps of ${f(0.025)} ms in ${f(frame.wallMs, 2)} ms of wall-clock time.`;
    this.panel.setAttribute('data-run-count', String(this.runs));
    this.panel.setAttribute('data-state', 'done');
    this.host.announce(spikes.length > 0 ? `${spikes.length} action potential${spikes.length > 1 ? 's' : ''}, peak ${peakText}.` : `No action potential; peak ${peakText}.`);
  }

  private async requestThreshold(values: ParamValues): Promise<void> {
    const mode = String(values.mode);
    if (mode === 'vclamp') {
      this.currentThreshold = undefined;
      this.results.currentThreshold.textContent = '— (voltage clamp)';
      return;
    }
    const single = { ...values, mode: mode === 'train' ? 'pulse' : mode, duration: Math.min(Number(values.duration), AP_DELAY + Number(values.width) + 25) };
    const model = buildActionPotentialModel(single, { record: false });
    this.results.currentThreshold.textContent = '…';
    try {
      const result = await this.thresholdEngine.run('threshold', { model, low: 0, high: 5, spikeId: 'spikes', iterations: 12 });
      if (!result) return;
      this.currentThreshold = result.threshold;
      this.results.currentThreshold.textContent =
        result.threshold === null ? 'none up to 5 nA (no action potential possible)' : `${f(result.threshold, 3)} nA (${f(result.threshold * 100, 3)} µA/cm²) for ${mode === 'step' ? 'a long step' : `${f(Number(values.width))} ms`}`;
      this.plots.stim.redraw();
    } catch {
      this.results.currentThreshold.textContent = '—';
    }
  }

  private async measureRefractory(): Promise<void> {
    const values = this.controls.get();
    if (String(values.mode) === 'vclamp' || typeof this.currentThreshold !== 'number') {
      this.results.refractory.textContent = 'needs current clamp and a threshold';
      return;
    }
    const base = { ...values, mode: 'pulse', amplitude: this.currentThreshold * 1.5, duration: AP_DELAY + 45 };
    const model = buildActionPotentialModel(base, { record: false });
    const intervals = [1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 35];
    this.results.refractory.textContent = 'measuring…';
    const frame: RefractoryFrame | null = await this.refractoryEngine.run('refractory', { model, intervals, spikeId: 'spikes', singleThreshold: this.currentThreshold, iterations: 8 });
    if (!frame) return;
    const relative = frame.relativeThreshold.map((x) => (x === null ? NaN : x));
    let absolute = 0;
    frame.relativeThreshold.forEach((x, i) => {
      if (x === null) absolute = frame.intervals[i];
    });
    this.plots.refractory.element.hidden = false;
    this.plots.refractory.setData(frame.intervals, [relative]);
    const firstFinite = frame.relativeThreshold.findIndex((x) => x !== null);
    this.results.refractory.textContent =
      firstFinite < 0 ? 'longer than 35 ms' : `between ${f(absolute)} and ${f(frame.intervals[firstFinite])} ms (no second spike up to 10× threshold); relative refractory beyond, threshold ${f(relative[firstFinite], 3)}× at ${f(frame.intervals[firstFinite])} ms`;
    this.host.announce(`Refractory period measured: ${this.results.refractory.textContent}`);
  }

  private animate(): void {
    cancelAnimationFrame(this.animation);
    this.membrane.pause();
    this.lastWallMs = 0;
    const loop = (wallMs: number) => {
      const dt = this.lastWallMs ? Math.min(0.1, (wallMs - this.lastWallMs) / 1000) : 0;
      this.lastWallMs = wallMs;
      this.model.step(dt);
      this.membrane.setCursor(this.model.cursorMs);
      for (const plot of [this.plots.v, this.plots.gates, this.plots.currents, this.plots.conductances]) plot.redraw();
      if (this.frame) this.phase.setCursor(Math.min(this.frame.time.length - 1, Math.round(this.model.cursorMs / 0.025)));
      if (this.model.playing) this.animation = requestAnimationFrame(loop);
    };
    this.animation = requestAnimationFrame(loop);
  }
}
