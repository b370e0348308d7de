/** Action potential: HH compartment under current or voltage clamp; Vm, gates, currents, conductances, phase plane. */
import type uPlot from 'uplot';
import { actionPotentialShape, voltageClampCurrents, type SpontaneousActivity } from '../../../../src/analysis/index.js';
import { PALETTE } from '../../common/palette.js';
import { ActivityPanel } from '../../common/activities.js';
import { PresetPicker } from '../../common/presets.js';
import { ControlPanel } from '../../controls.js';
import { AP_ACTIVITIES, AP_CHALLENGES } from './activities.js';
import { AP_PRESETS } from './presets.js';
import { HoldCompare } from '../../common/hold-compare.js';
import { h, resultRow } from '../../dom.js';
import type { RefractoryFrame, SimulationFrame } from '../../engine-protocol.js';
import { EngineClient } from '../../engine-client.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import { PhasePlane } from '../../phase-plane.js';
import { COLORS, Plot } from '../../plot.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { ActionPotentialModel, apMembrane, AP_CAPACITANCE_NF, AP_TIME_STEP, AP_DELAY, AP_SPECS, apConductances, buildActionPotentialModel, buildUnstimulatedModel, drugNote } from './model.js';
import { AP_AREA } from './model.js';

/** Replay's sweep speed: simulated ms per wall-clock second (a 50 ms run in 2 s), one of the animation's speeds. */
const REPLAY_SIMULATED_MS_PER_SECOND = 25;
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

/** Shades the x range [from, to] of the plot and labels it. */
function shadeRange(u: uPlot, from: number, to: number, fill: string, color: string, label: string): void {
  const left = Math.max(u.bbox.left, u.valToPos(from, 'x', true));
  const right = Math.min(u.bbox.left + u.bbox.width, u.valToPos(to, 'x', true));
  if (!Number.isFinite(left) || !Number.isFinite(right) || !(right > left)) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.fillStyle = fill;
  ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.beginPath();
  ctx.moveTo(right, u.bbox.top);
  ctx.lineTo(right, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
  ctx.fillText(label, right - 4 * devicePixelRatio, u.bbox.top + 4 * devicePixelRatio);
  ctx.restore();
}

/** Hides or shows a result row (its <dd> and the <dt> before it). */
function showRow(value: HTMLElement, visible: boolean): void {
  value.hidden = !visible;
  const label = value.previousElementSibling;
  if (label instanceof HTMLElement) label.hidden = !visible;
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
  private presets!: PresetPicker;
  private host!: ScreenHost;
  private panel!: HTMLElement;
  private plots!: { v: Plot; stim: Plot; gates: Plot; currents: Plot; conductances: Plot; refractory: Plot };
  private phase!: PhasePlane;
  private results!: Record<string, HTMLElement>;
  private resultsList!: HTMLElement;
  private status!: HTMLElement;
  /** Timing for the curious, behind a Details toggle (not in the student's view). */
  private details!: HTMLElement;
  private frame: SimulationFrame | undefined;
  private membrane!: MembraneAnimation;
  private apThreshold: number | undefined;
  private currentThreshold: number | null | undefined;
  private spontaneous: SpontaneousActivity | undefined;
  private refractoryAbsolute: number | null = null;
  /** The key numbers shown, by name (readouts()). */
  private shown: Record<string, number> = {};
  private thresholdShown: Record<string, number> = {};
  private refractoryShown: Record<string, number> = {};
  private inputWallMs = 0;
  private runs = 0;

  mount(panel: HTMLElement, host: ScreenHost): void {
    this.host = host;
    this.panel = panel;
    this.controls = new ControlPanel(
      'ap',
      AP_SPECS,
      [
        { legend: 'Stimulus', keys: ['mode', 'amplitude', 'width', 'interval', 'count', 'hold', 'clamp', 'clamp_ms'] },
        { legend: 'Toxins', keys: ['ttx', 'tea', 'fourap'] },
        { legend: 'Membrane and conditions', keys: ['cell', 'temperature', 'duration'] },
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
      // One animation loop for the screen: the membrane animation's playback (web/src/common/playback.ts) moves the
      // trace cursor; Replay sweeps it from the start at 25 ms of simulated time per second.
      this.membrane.replay(REPLAY_SIMULATED_MS_PER_SECOND);
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
      if (this.apThreshold !== undefined) horizontalLine(u, this.apThreshold, PALETTE.threshold.text, `AP threshold ${f(this.apThreshold)} mV`);
      if (this.model.cursorShown) verticalLine(u, this.model.cursorMs, PALETTE.cursor.color);
    };
    const decorateStim = (u: uPlot) => {
      const mode = String(this.controls.get().mode);
      if (mode !== 'vclamp' && typeof this.currentThreshold === 'number') horizontalLine(u, this.currentThreshold, PALETTE.threshold.text, `threshold for this pulse width: ${f(this.currentThreshold)} nA`);
    };
    const cursor = (u: uPlot) => {
      if (this.model.cursorShown) verticalLine(u, this.model.cursorMs, PALETTE.cursor.color);
    };
    const decorateRefractory = (u: uPlot) => {
      horizontalLine(u, 1, PALETTE.threshold.text, 'single-pulse threshold');
      if (this.refractoryAbsolute !== null) shadeRange(u, 0, this.refractoryAbsolute, 'rgba(140, 140, 140, 0.25)', '#333333', `absolute ≈ ${f(this.refractoryAbsolute, 2)} ms`);
    };
    this.plots = {
      v: new Plot({ id: 'ap-plot-v', title: 'Membrane potential', xLabel: 'time', xUnit: 'ms', yLabel: 'Vm (mV)', series: [{ label: 'Vm', unit: 'mV', color: COLORS.v, width: 2 }], height: 240, decorate: decorateV }),
      stim: new Plot({ id: 'ap-plot-stim', title: 'Injected (or clamp) current', xLabel: 'time', xUnit: 'ms', yLabel: 'I (nA)', series: [{ label: 'I stimulus', unit: 'nA', color: COLORS.stim }], height: 180, decorate: decorateStim }),
      gates: new Plot({ id: 'ap-plot-gates', title: 'Gates', xLabel: 'time', xUnit: 'ms', yLabel: 'open fraction', series: [{ label: 'm', unit: '', color: COLORS.m }, { label: 'h', unit: '', color: COLORS.h }, { label: 'n', unit: '', color: COLORS.n }], yRange: [0, 1], height: 180, decorate: cursor }),
      currents: new Plot({ id: 'ap-plot-currents', title: 'Ionic currents (outward positive)', xLabel: 'time', xUnit: 'ms', yLabel: 'µA/cm²', series: [{ label: 'I Na', unit: 'µA/cm²', color: COLORS.na }, { label: 'I K', unit: 'µA/cm²', color: COLORS.k }, { label: 'I leak', unit: 'µA/cm²', color: COLORS.leak }], height: 180, decorate: cursor }),
      conductances: new Plot({ id: 'ap-plot-conductances', title: 'Conductances', xLabel: 'time', xUnit: 'ms', yLabel: 'mS/cm²', series: [{ label: 'g Na', unit: 'mS/cm²', color: PALETTE.na.color }, { label: 'g K', unit: 'mS/cm²', color: PALETTE.k.color, dash: [...PALETTE.k.dash] }, { label: 'g A (A-type K)', unit: 'mS/cm²', color: PALETTE.a.color, dash: [...PALETTE.a.dash] }], height: 180, decorate: cursor }),
      refractory: new Plot({ id: 'ap-plot-refractory', title: 'Refractory period: threshold of a second pulse', xLabel: 'interval after the first pulse', xUnit: 'ms', yLabel: '× single threshold', series: [{ label: 'relative threshold', unit: '', color: PALETTE.v.color, dash: [], width: 2 }], yRange: [0, 10], height: 200, decorate: decorateRefractory }),
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
      id: 'ap-membrane-animation',
      title: 'The membrane at work: Na⁺ and K⁺ channels of this patch, from the run',
      speeds: [0.5, 1, 2, 5, 25].map((ms) => ({ label: `${f(ms)} ms per second`, simulatedMsPerWallSecond: ms })),
      defaultSpeed: 2,
      stepMs: 0.1,
      onCursor: (ms) => {
        this.model.moveCursor(ms);
        for (const plot of [this.plots.v, this.plots.gates, this.plots.currents, this.plots.conductances]) plot.redraw();
        if (this.frame) this.phase.setCursor(Math.min(this.frame.time.length - 1, Math.round(ms / AP_TIME_STEP)));
      },
    });
    const list = h('dl', { class: 'results-list' });
    this.resultsList = list;
    this.results = {
      peak: resultRow(list, 'Peak Vm', 'ap-peak'),
      spikes: resultRow(list, 'Action potentials', 'ap-spikes'),
      threshold: resultRow(list, 'AP threshold (where the membrane’s own currents raise V at 10 mV/ms)', 'ap-threshold'),
      width: resultRow(list, 'Half-width', 'ap-halfwidth'),
      currentThreshold: resultRow(list, 'Threshold current for this pulse', 'ap-current-threshold'),
      peakInward: resultRow(list, 'Peak inward current (early, Na⁺)', 'ap-peak-inward'),
      steady: resultRow(list, 'Current at the end of the step (late, K⁺)', 'ap-steady'),
      channels: resultRow(list, 'Channels left unblocked', 'ap-channels'),
      refractory: resultRow(list, 'Refractory periods', 'ap-refractory'),
    };
    this.status = h('p', { class: 'status', role: 'status', id: 'ap-status' });
    this.details = h('p', { id: 'ap-details' });
    const refractoryFigure = this.plots.refractory.element;
    refractoryFigure.hidden = true;
    this.presets = new PresetPicker({
      id: 'ap-preset',
      specs: AP_SPECS,
      presets: AP_PRESETS,
      onChoose: (values, chosen) => {
        this.apply(values);
        host.commit();
        host.announce(`${chosen.label} loaded.`);
      },
    });
    this.presets.watch(this.controls.element, () => this.controls.get());
    const teaching = new ActivityPanel({ prefix: 'ap', screen: this, host, activities: AP_ACTIVITIES, challenges: AP_CHALLENGES, ready: () => panel.getAttribute('data-state') !== 'running' });
    panel.append(
      h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'A patch of membrane (1000 µm²): the squid giant axon of Hodgkin and Huxley, or a gastropod neuron with A-type K⁺ channels (Connor–Stevens). Inject current or clamp the voltage; add toxins; warm it up.' })),
      h(
        'div',
        { class: 'layout' },
        h(
          'div',
          { class: 'side' },
          this.presets.element,
          this.controls.element,
          h('div', { class: 'buttons' }, play, refractoryButton, reset, new HoldCompare({ prefix: 'ap', plots: () => [this.plots.v, this.plots.stim, this.plots.gates, this.plots.currents, this.plots.conductances], specs: AP_SPECS, values: () => this.controls.get(), host }).element),
          h('p', { class: 'note', id: 'ap-drug-note', text: drugNote() }),
        ),
        h(
          'div',
          { class: 'results' },
          h('div', { class: 'card results-card', id: 'ap-results', 'aria-live': 'polite' }, list, this.status, h('details', { class: 'run-details' }, h('summary', { text: 'Details' }), this.details)),
          teaching.element,
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
    this.presets?.sync(this.controls.get());
    this.run();
  }

  readouts(): Readonly<Record<string, number>> {
    return { ...this.shown, ...this.thresholdShown, ...this.refractoryShown };
  }

  values(): ParamValues {
    return this.controls.get();
  }

  show(): void {
    this.phase.draw();
  }

  hide(): void {
    this.membrane.pause();
  }

  private enableControls(values: ParamValues): void {
    const mode = String(values.mode);
    const current = mode !== 'vclamp';
    for (const key of ['amplitude', 'width']) this.controls.enable(key, current && !(key === 'width' && mode === 'step'));
    for (const key of ['interval', 'count']) this.controls.enable(key, mode === 'train');
    for (const key of ['hold', 'clamp', 'clamp_ms']) this.controls.enable(key, !current);
    this.controls.enable('temperature', apMembrane(values).temperatureMatters);
  }

  /** A refractory measurement belongs to the settings it was made with: any change clears it. */
  private clearRefractory(): void {
    this.refractoryEngine.dispose();
    this.refractoryShown = {};
    this.refractoryAbsolute = null;
    this.plots.refractory.element.hidden = true;
    this.results.refractory.textContent = 'not measured for these settings: press “Measure refractory period”';
    this.results.refractory.removeAttribute('data-absolute-ms');
    this.results.refractory.removeAttribute('data-relative-ms');
  }

  private async run(): Promise<void> {
    const values = this.controls.get();
    this.enableControls(values);
    const g = apConductances(values);
    this.clearRefractory();
    this.results.channels.textContent = `Na⁺ ${f(g.sodium * 100)} %, K⁺ (delayed rectifier) ${f(g.potassium * 100)} %${g.aType === undefined ? '' : `, A-type K⁺ ${f(g.aType * 100)} %`}`;
    this.panel.setAttribute('data-state', 'running');
    this.status.textContent = 'Computing…';
    const model = buildActionPotentialModel(values);
    this.requestThreshold(values);
    let frame: SimulationFrame | null;
    try {
      frame = await this.engine.run('simulate', { model });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.resultsList.hidden = true;
      this.shown = {};
      if (/membrane potential reached/.test(message)) {
        // Not a numerical failure of a sane experiment: with the channels that would hold V blocked, the current drives
        // the potential past 1000 mV (the engine's limit), where a real membrane would already have broken down.
        const leakOnly = ((Number(values.amplitude) / (AP_AREA * 1e-8)) * 1e-3) / (g.gl * 1e3); // (nA/cm2 -> uA/cm2) / (mS/cm2) = mV
        this.status.textContent = `Stopped: the membrane potential passed ±1000 mV. With ${g.sodium < 0.5 || g.potassium < 0.5 ? 'the voltage-gated channels blocked, ' : ''}only the leak opposes ${f(Number(values.amplitude))} nA here, which would hold the membrane near ${f(leakOnly + g.el, 2)} mV; a real membrane breaks down long before that. Use less current or a shorter pulse.`;
        this.panel.setAttribute('data-state', 'out-of-range');
        this.host.announce(this.status.textContent);
        return;
      }
      this.status.textContent = `The engine stopped: ${message}`;
      this.panel.setAttribute('data-state', 'error');
      return;
    }
    if (!frame) return;
    this.resultsList.hidden = false;
    this.show_(frame, values);
  }

  private show_(frame: SimulationFrame, values: ParamValues): void {
    this.frame = frame;
    const g = apConductances(values);
    this.membrane.setSeries(actionPotentialSeries(frame, AP_AREA, { sodium: 1 - g.sodium, potassium: 1 - g.potassium }));
    const trace = (id: string) => frame.traces.find((t) => t.id === id)?.values ?? new Float64Array(frame.time.length);
    const v = trace('v');
    const stimulus = trace('i_stim');
    const scale = (values: Float64Array, factor: number) => values.map((x) => x * factor);
    const leak = v.map((x) => g.gl * (x - g.el) * 1e3);
    const mode = String(values.mode);
    const clamp = mode === 'vclamp';
    const end = frame.time[frame.time.length - 1];
    let peak = -Infinity;
    for (const x of v) peak = Math.max(peak, x);
    const spikes = frame.spikes[0]?.times ?? [];
    // The threshold: dV/dt of the membrane's own currents (the stimulus' I/C taken out) crossing 10 mV/ms, so that
    // spikes starting during a pulse get theirs too (src/analysis/action-potential.ts).
    const shape = !clamp && spikes.length > 0 ? actionPotentialShape(frame.time, v, { from: frame.time[0], to: Math.min(end, spikes[0] + 10), stimulus: { current: stimulus, capacitance: AP_CAPACITANCE_NF } }) : null;
    this.apThreshold = shape?.threshold;
    this.plots.v.setData(frame.time, [v]);
    this.plots.stim.setData(frame.time, [stimulus]);
    this.plots.gates.setData(frame.time, [trace('m'), trace('h'), trace('n')]);
    this.plots.currents.setData(frame.time, [scale(trace('i_na'), 1e3), scale(trace('i_k'), 1e3), leak]);
    this.plots.conductances.setData(frame.time, [scale(trace('g_na'), 1e3), scale(trace('g_k'), 1e3), scale(trace('g_a'), 1e3)]);
    this.phase.setData(v, trace('n'));
    this.runs++;
    for (const key of ['peak', 'spikes', 'threshold', 'width', 'currentThreshold'] as const) showRow(this.results[key], !clamp);
    for (const key of ['peakInward', 'steady'] as const) showRow(this.results[key], clamp);
    const peakText = `${f(peak, 4)} mV`;
    let announcement: string;
    if (clamp) {
      // Voltage clamp: V is imposed, so no peak Vm or spike count; the clamp current is the membrane current (nA).
      const from = AP_DELAY;
      const to = Math.min(end, AP_DELAY + Number(values.clamp_ms));
      const currents = voltageClampCurrents(frame.time, stimulus, { from, to });
      this.results.peakInward.textContent = currents.peakInward ? `${f(currents.peakInward.current, 3)} nA at ${f(currents.peakInward.time - from, 3)} ms into the step` : 'none (no inward current at this voltage)';
      this.results.peakInward.setAttribute('data-peak-inward-na', String(currents.peakInward?.current ?? ''));
      const steady = currents.steady.current;
      this.results.steady.textContent = `${f(steady, 3)} nA ${steady > 0 ? 'outward' : steady < 0 ? 'inward' : ''} at ${f(currents.steady.time - from, 3)} ms (end of the step)`;
      this.results.steady.setAttribute('data-steady-na', String(steady));
      this.setClampScale(frame.time, stimulus, values);
      this.shown = { steadyCurrent_nA: steady, steadyTime_ms: currents.steady.time };
      if (currents.peakInward) Object.assign(this.shown, { peakInward_nA: currents.peakInward.current, peakInwardTime_ms: currents.peakInward.time });
      this.results.peak.removeAttribute('data-peak-mv');
      this.results.spikes.removeAttribute('data-spike-count');
      announcement = `Voltage clamp: ${currents.peakInward ? `peak inward current ${this.results.peakInward.textContent}; ` : ''}steady current ${this.results.steady.textContent}.`;
    } else {
      this.results.peak.textContent = peakText;
      this.results.peak.setAttribute('data-peak-mv', String(peak));
      this.results.spikes.textContent = spikes.length === 0 ? 'none' : `${spikes.length} (first at ${f(spikes[0], 4)} ms)`;
      this.results.spikes.setAttribute('data-spike-count', String(spikes.length));
      const pulseEnd = mode === 'step' ? Infinity : AP_DELAY + Number(values.width);
      const duringPulse = shape !== null && shape.thresholdTime >= AP_DELAY && shape.thresholdTime <= pulseEnd;
      this.results.threshold.textContent = shape ? `${f(shape.threshold, 3)} mV${duringPulse ? ' (reached while the current flows)' : ''}` : spikes.length === 0 ? 'no action potential' : 'no complete action potential in the run';
      this.results.width.textContent = shape ? `${f(shape.halfWidth, 3)} ms` : spikes.length === 0 ? 'no action potential' : 'no complete action potential in the run';
      this.shown = { peak_mV: peak, spikeCount: spikes.length };
      if (shape) Object.assign(this.shown, { threshold_mV: shape.threshold, thresholdTime_ms: shape.thresholdTime, halfWidth_ms: shape.halfWidth });
      announcement = spikes.length > 0 ? `${spikes.length} action potential${spikes.length > 1 ? 's' : ''}, peak ${peakText}.` : `No action potential; peak ${peakText}.`;
    }
    this.status.textContent = '';
    this.details.textContent = `Computed ${f(frame.steps, 4)} steps of ${f(AP_TIME_STEP)} ms in ${f(frame.wallMs, 2)} ms of wall-clock time.`;
    this.panel.setAttribute('data-engine-wall-ms', String(frame.wallMs));
    this.panel.setAttribute('data-run-count', String(this.runs));
    this.panel.setAttribute('data-state', 'done');
    this.host.announce(announcement);
  }

  /**
   * The clamp current's scale: the range of the current once the capacitive transients (the first 0.1 ms after each
   * voltage change, tens of nA for one sample) are over, widened by a tenth; the transients run off the scale.
   */
  private setClampScale(time: Float64Array, current: Float64Array, values: ParamValues): void {
    const edges = [AP_DELAY, AP_DELAY + Number(values.clamp_ms)];
    let low = 0;
    let high = 0;
    for (let i = 0; i < time.length; i++) {
      if (edges.some((edge) => time[i] > edge && time[i] <= edge + 0.1)) continue;
      low = Math.min(low, current[i]);
      high = Math.max(high, current[i]);
    }
    const margin = Math.max(0.1 * (high - low), 0.05);
    this.plots.stim.u.setScale('y', { min: low - margin, max: high + margin });
  }

  private async requestThreshold(values: ParamValues): Promise<void> {
    const mode = String(values.mode);
    if (mode === 'vclamp') {
      this.currentThreshold = undefined;
      this.spontaneous = undefined;
      this.thresholdShown = {};
      this.results.currentThreshold.textContent = '— (voltage clamp)';
      return;
    }
    const single = { ...values, mode: mode === 'train' ? 'pulse' : mode, duration: Math.min(Number(values.duration), AP_DELAY + Number(values.width) + 25) };
    const model = buildActionPotentialModel(single, { record: false });
    this.results.currentThreshold.textContent = '…';
    try {
      const result = await this.thresholdEngine.run('threshold', { model, low: 0, high: 5, spikeId: 'spikes', iterations: 12, unstimulated: buildUnstimulatedModel(values) });
      if (!result) return;
      this.currentThreshold = result.threshold;
      this.spontaneous = result.spontaneous;
      this.thresholdShown = {};
      if (result.spontaneous) {
        this.results.currentThreshold.textContent = `none: ${this.describeSpontaneous(result.spontaneous, values)}`;
        this.thresholdShown = { spontaneousSpikes: result.spontaneous.spikeTimes.length, spontaneousFinal_mV: result.spontaneous.finalVoltage };
        if (result.spontaneous.rate !== null) this.thresholdShown.spontaneousRate_Hz = result.spontaneous.rate;
        this.host.announce(`The membrane ${this.describeSpontaneous(result.spontaneous, values)}`);
      } else if (result.threshold === null) {
        this.results.currentThreshold.textContent = 'none up to 5 nA (no action potential possible)';
      } else {
        this.results.currentThreshold.textContent = `${f(result.threshold, 3)} nA (${f(result.threshold * 100, 3)} µA/cm²) for ${mode === 'step' ? 'a long step' : `${f(Number(values.width))} ms`}`;
        this.thresholdShown = { thresholdCurrent_nA: result.threshold };
      }
      this.results.currentThreshold.setAttribute('data-spontaneous', result.spontaneous ? result.spontaneous.kind : 'quiet');
      this.plots.stim.redraw();
    } catch {
      this.results.currentThreshold.textContent = '—';
    }
  }

  /** "fires on its own at 51.6 Hz ..." for a membrane that is active with no stimulus. */
  private describeSpontaneous(activity: SpontaneousActivity, values: ParamValues): string {
    const g = apConductances(values);
    const cause = g.potassium < 0.95 ? `the K⁺ channels that would repolarise it are blocked (${f(g.potassium * 100, 2)} % left)` : 'it cannot repolarise';
    switch (activity.kind) {
      case 'repetitive':
        return `fires on its own at ${f(activity.rate ?? NaN, 3)} Hz, with no stimulus (first spike at ${f(activity.spikeTimes[0], 3)} ms, before the pulse at ${f(AP_DELAY)} ms), so there is no threshold current.`;
      case 'depolarised':
        return `fires one spontaneous spike (at ${f(activity.spikeTimes[0], 3)} ms), then stays depolarised at ${f(activity.finalVoltage, 3)} mV: ${cause}, and the Na⁺ channels stay inactivated, so it cannot fire again.`;
      default:
        return `fires once on its own (at ${f(activity.spikeTimes[0], 3)} ms) and settles at ${f(activity.finalVoltage, 3)} mV.`;
    }
  }

  private async measureRefractory(): Promise<void> {
    const values = this.controls.get();
    const mode = String(values.mode);
    if (mode === 'vclamp' || mode === 'step') {
      this.results.refractory.textContent = 'needs current pulses: choose “one pulse” or “a train of pulses”';
      return;
    }
    if (this.spontaneous) {
      this.results.refractory.textContent = 'needs a membrane at rest (this one fires on its own)';
      return;
    }
    if (typeof this.currentThreshold !== 'number') {
      this.results.refractory.textContent = 'needs a pulse that can fire an action potential';
      return;
    }
    const base = { ...values, mode: 'pulse', amplitude: this.currentThreshold * 1.5, duration: AP_DELAY + 45 };
    const model = buildActionPotentialModel(base, { record: false });
    const intervals = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 25, 30, 35];
    this.results.refractory.textContent = 'measuring…';
    let frame: RefractoryFrame | null;
    try {
      frame = await this.refractoryEngine.run('refractory', { model, intervals, spikeId: 'spikes', singleThreshold: this.currentThreshold, iterations: 8 });
    } catch (error) {
      this.results.refractory.textContent = `could not be measured: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    if (!frame) return;
    // uPlot draws null as a gap (NaN would break its scale): no second spike up to 10× inside the absolute period.
    const relative = frame.relativeThreshold.map((x) => (x === null ? null : x));
    this.refractoryAbsolute = frame.absolute;
    this.plots.refractory.element.hidden = false;
    this.plots.refractory.setData(frame.intervals, [relative as unknown as number[]]);
    this.refractoryShown = {};
    if (frame.absolute === null) {
      this.results.refractory.textContent = `absolute longer than ${f(frame.intervals[frame.intervals.length - 1])} ms (no second spike up to 10× threshold)`;
    } else {
      this.refractoryShown.refractoryAbsolute_ms = frame.absolute;
      if (frame.relative !== null) this.refractoryShown.refractoryRelative_ms = frame.relative;
      this.results.refractory.textContent = `absolute ≈ ${f(frame.absolute, 2)} ms, relative until ≈ ${frame.relative === null ? `beyond ${f(frame.intervals[frame.intervals.length - 1])}` : f(frame.relative, 3)} ms (threshold back within 10 %)`;
    }
    this.results.refractory.setAttribute('data-absolute-ms', String(frame.absolute ?? ''));
    this.results.refractory.setAttribute('data-relative-ms', String(frame.relative ?? ''));
    this.host.announce(`Refractory periods measured: ${this.results.refractory.textContent}`);
  }

}
