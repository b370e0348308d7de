/** Synapses: EPSPs and IPSPs, summation in time and space, shunting inhibition. */
import type uPlot from 'uplot';
import { ActivityPanel } from '../../common/activities.js';
import { PresetPicker } from '../../common/presets.js';
import { ControlPanel } from '../../controls.js';
import { SYNAPSE_ACTIVITIES, SYNAPSE_CHALLENGES } from './activities.js';
import { SYNAPSE_PRESETS_LAB } from './presets.js';
import { HoldCompare } from '../../common/hold-compare.js';
import { h, resultRow } from '../../dom.js';
import { EngineClient } from '../../engine-client.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import { formatSigned } from '../../common/format.js';
import { Plot } from '../../plot.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { analyseSynapseRun, buildSynapseRuns, describeChange, describeResponse, peakDeviation, REST, SYNAPSE_KINETICS, SYNAPSE_SPECS, SYNAPSE_TIME_STEP, SynapsesModel, type SynapseKind } from './model.js';
import { PALETTE, RUN_STYLES, type QuantityStyle } from '../../common/palette.js';
import { MembraneAnimation } from '../../common/membrane-animation.js';
import { synapseSeries, withSynapseCurrentRecordings } from '../../common/membrane-state.js';

/** A synapse's quantity: excitation or inhibition, from its reversal (above or below the spike threshold region). */
function synapseStyle(kind: string): QuantityStyle {
  return kind === 'gaba-a' || kind === 'gaba-b' ? PALETTE.inhibition : PALETTE.excitation;
}

/** Line styles of the runs: in the shunting experiment by what each run holds; otherwise distinct colour and dash. */
function runStyle(experiment: string, index: number): QuantityStyle {
  // Excitation alone in the excitation colour, inhibition alone in the inhibition colour, both together in a third.
  if (experiment === 'shunting') return [PALETTE.excitation, PALETTE.inhibition, PALETTE.other][index] ?? PALETTE.other;
  return RUN_STYLES[index % RUN_STYLES.length];
}


export class SynapsesScreen implements Screen {
  readonly id = 'synapses';
  readonly title = 'Synapses';
  readonly specs = SYNAPSE_SPECS;
  readonly model = new SynapsesModel();
  private readonly engine = new EngineClient();
  private controls!: ControlPanel;
  private presets!: PresetPicker;
  private host!: ScreenHost;
  private panel!: HTMLElement;
  private plotHolder!: HTMLElement;
  private conductanceHolder!: HTMLElement;
  private plotKey = '';
  private plot: Plot | undefined;
  private conductancePlot: Plot | undefined;
  private results!: Record<string, HTMLElement>;
  private status!: HTMLElement;
  /** Timing for the curious, behind a Details toggle (not in the student's view). */
  private details!: HTMLElement;
  /** The key numbers shown, by name (readouts()). */
  private shown: Record<string, number> = {};
  private readonly membrane = new MembraneAnimation({
    id: 'syn-membrane-animation',
    title: 'The membrane at work: the synaptic channels of the last run, opening with the computed conductance',
    speeds: [0.5, 1, 2, 5, 20].map((ms) => ({ label: `${f(ms)} ms per second`, simulatedMsPerWallSecond: ms })),
    defaultSpeed: 2,
    stepMs: 0.5,
    onCursor: (ms) => {
      this.cursorMs = ms;
      this.plot?.element.setAttribute('data-cursor-ms', String(ms));
      this.plot?.redraw();
      this.conductancePlot?.redraw();
    },
  });
  /** Simulated time of the animation's cursor (ms), drawn as a line on both plots; null before it first moves. */
  private cursorMs: number | null = null;
  /** The trace cursor: a vertical line at the animation's time on both plots. */
  private readonly drawCursor = (u: uPlot) => {
    if (this.cursorMs === null) return;
    const x = u.valToPos(this.cursorMs, 'x', true);
    if (!Number.isFinite(x)) return;
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = PALETTE.cursor.color;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.restore();
  };

  mount(panel: HTMLElement, host: ScreenHost): void {
    this.host = host;
    this.panel = panel;
    this.controls = new ControlPanel(
      'syn',
      SYNAPSE_SPECS,
      [
        { legend: 'Experiment', keys: ['experiment', 'membrane', 'kind', 'weight', 'duration'] },
        { legend: 'Summation', keys: ['interval', 'position_a', 'position_b'] },
        { legend: 'Shunting inhibition', keys: ['inhibition', 'e_inhibition'] },
      ],
      defaults(SYNAPSE_SPECS),
      () => this.run(),
      () => host.commit(),
    );
    const reset = h('button', { type: 'button', text: 'Reset', 'aria-label': 'Reset the synapses screen' });
    reset.addEventListener('click', () => {
      this.apply(defaults(SYNAPSE_SPECS));
      host.commit();
    });
    const list = h('dl', { class: 'results-list' });
    this.results = { peaks: resultRow(list, 'Peak change from rest', 'syn-peaks'), summary: resultRow(list, 'What it shows', 'syn-summary') };
    this.status = h('p', { class: 'status', role: 'status', id: 'syn-status' });
    this.details = h('p', { id: 'syn-details' });
    this.plotHolder = h('div');
    this.conductanceHolder = h('div');
    this.presets = new PresetPicker({
      id: 'syn-preset',
      specs: SYNAPSE_SPECS,
      presets: SYNAPSE_PRESETS_LAB,
      onChoose: (values, chosen) => {
        this.apply(values);
        host.commit();
        host.announce(`${chosen.label} loaded.`);
      },
    });
    this.presets.watch(this.controls.element, () => this.controls.get());
    const teaching = new ActivityPanel({ prefix: 'syn', screen: this, host, activities: SYNAPSE_ACTIVITIES, challenges: SYNAPSE_CHALLENGES, ready: () => panel.getAttribute('data-state') !== 'running' });
    panel.append(
      h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'A presynaptic spike opens transmitter-gated channels: a conductance with its own reversal potential. Compare single events, pairs, and excitation with inhibition.' })),
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'side' }, this.presets.element, this.controls.element, h('div', { class: 'buttons' }, reset, new HoldCompare({ prefix: 'syn', plots: () => [this.plot, this.conductancePlot], specs: SYNAPSE_SPECS, values: () => this.controls.get(), host }).element)),
        h('div', { class: 'results' }, h('div', { class: 'card results-card', id: 'syn-results', 'aria-live': 'polite' }, list, this.status, h('details', { class: 'run-details' }, h('summary', { text: 'Details' }), this.details)), teaching.element, this.membrane.element, this.plotHolder, this.conductanceHolder),
      ),
    );
  }

  apply(values: ParamValues): void {
    this.controls.set(values);
    this.presets?.sync(this.controls.get());
    this.run();
  }

  readouts(): Readonly<Record<string, number>> {
    return { ...this.shown };
  }

  values(): ParamValues {
    return this.controls.get();
  }

  show(): void {}
  hide(): void {
    this.membrane.pause();
  }

  private async run(): Promise<void> {
    const values = this.controls.get();
    const experiment = String(values.experiment);
    this.controls.enable('interval', experiment === 'temporal');
    this.controls.enable('position_a', experiment === 'spatial');
    this.controls.enable('position_b', experiment === 'spatial');
    this.controls.enable('inhibition', experiment === 'shunting');
    this.controls.enable('e_inhibition', experiment === 'shunting');
    this.controls.enable('kind', experiment !== 'shunting');
    const runs = buildSynapseRuns(values);
    this.panel.setAttribute('data-state', 'running');
    let frames;
    try {
      frames = await this.engine.run('simulate-many', { models: runs.map((run) => withSynapseCurrentRecordings(run.model)) });
    } catch (error) {
      this.status.textContent = `The engine stopped: ${error instanceof Error ? error.message : String(error)}`;
      this.panel.setAttribute('data-state', 'error');
      return;
    }
    if (!frames) return;
    const labels = runs.map((run) => run.label);
    const vs = frames.map((frame) => frame.traces.find((t) => t.id === 'v')?.values ?? new Float64Array());
    const series = labels.map((label, i) => ({ label, unit: 'mV', color: runStyle(experiment, i).color, dash: [...runStyle(experiment, i).dash], width: 2 }));
    const data: ArrayLike<number>[] = [...vs];
    let linear: Float64Array | undefined;
    if (experiment === 'temporal') {
      // Linear sum: the single response plus itself shifted by the interval.
      const shift = Math.round(Number(values.interval) / SYNAPSE_TIME_STEP);
      const one = vs[0];
      linear = one.map((x, i) => REST + (x - REST) + (i >= shift ? one[i - shift] - REST : 0));
    } else if (experiment === 'spatial') {
      linear = vs[0].map((x, i) => REST + (x - REST) + (vs[1][i] - REST));
    }
    if (linear) {
      series.push({ label: 'linear sum', unit: 'mV', color: PALETTE.other.color, width: 1.5, dash: [...PALETTE.other.dash] });
      data.push(linear);
    }
    const key = `${experiment}:${labels.join('|')}`;
    if (key !== this.plotKey) {
      this.plotKey = key;
      this.plot = new Plot({ id: 'syn-plot-v', title: 'Membrane potential at the recording site', xLabel: 'time', xUnit: 'ms', yLabel: 'Vm (mV)', series, height: 260, decorate: this.drawCursor });
      // One colour per quantity: excitatory conductances in the excitation colour, inhibitory in the inhibition one
      // (as the runs of the shunting experiment above); a second synapse of the same kind is told by its dash.
      const lastSynapses = runs[runs.length - 1].model.synapses ?? [];
      const gSeries = frames[frames.length - 1].traces.filter((t) => t.id.endsWith('_g')).map((t, i) => {
        const id = t.id.replace('_g', '');
        const kind = lastSynapses.find((synapse) => synapse.id === id)?.kind ?? 'ampa';
        const style = synapseStyle(kind);
        const name = { exc: 'excitation', inh: 'inhibition', syn: String(kind).toUpperCase(), a: 'synapse A', b: 'synapse B' }[id] ?? id;
        return { label: `g ${name}`, unit: 'nS', color: style.color, dash: i > 0 && style === synapseStyle(String(lastSynapses[0]?.kind)) && experiment !== 'shunting' ? [6, 3] : [...style.dash], width: 2 };
      });
      this.conductancePlot = new Plot({ id: 'syn-plot-g', title: 'Synaptic conductances (last run)', xLabel: 'time', xUnit: 'ms', yLabel: 'g (nS)', series: gSeries, height: 160, decorate: this.drawCursor });
      this.plotHolder.replaceChildren(this.plot.element);
      this.conductanceHolder.replaceChildren(this.conductancePlot.element);
    }
    const time = frames[0].time;
    this.plot?.setData(time, data);
    const last = frames[frames.length - 1];
    this.membrane.setSeries(synapseSeries(last, runs[runs.length - 1].model.synapses ?? []));
    this.conductancePlot?.setData(last.time, last.traces.filter((t) => t.id.endsWith('_g')).map((t) => t.values.map((x) => x * 1e3)));
    const responses = frames.map((frame, i) => analyseSynapseRun(frame.time, frame.traces, runs[i].model));
    const peaks = responses.map((response) => response.peak);
    const fired = responses.map((response) => response.actionPotential !== null);
    this.results.peaks.textContent = labels.map((label, i) => `${label}: ${describeResponse(responses[i])}`).join('; ');
    this.results.peaks.setAttribute('data-peaks', JSON.stringify(peaks));
    this.results.peaks.setAttribute('data-action-potentials', JSON.stringify(fired));
    this.shown = {};
    responses.forEach((response, i) => {
      this.shown[`run${i + 1}Peak_mV`] = response.peak;
      this.shown[`run${i + 1}ActionPotential`] = response.actionPotential ? 1 : 0;
      if (response.actionPotential) this.shown[`run${i + 1}TriggeringEPSP_mV`] = response.actionPotential.triggeringPotential;
    });
    const kind = String(values.kind) as SynapseKind;
    const potential = experiment === 'shunting' || SYNAPSE_KINETICS[kind].reversal > REST ? 'EPSP' : 'IPSP';
    const anyFired = fired.some(Boolean);
    const firedNote = anyFired ? ` ${labels.filter((_, i) => fired[i]).join(', ')} fired an action potential: the peaks of those runs are spikes, not summed potentials.` : '';
    let summary = '';
    if (experiment === 'temporal' && linear) {
      const pair = peaks[1], sum = peakDeviation(linear);
      summary = fired[0] || fired[1]
        ? `The ${fired[0] ? 'single event already fires' : 'second event brings it to threshold: the pair fires'} an action potential.${firedNote}`
        : `Two events peak at ${formatSigned(pair, 'mV')} against ${formatSigned(sum, 'mV')} for the linear sum (${f((pair / sum) * 100, 3)} %). Closer events summate more; the driving force shrinks as V nears the reversal, so the sum is sublinear.`;
      if (!fired[0] && !fired[1]) this.shown.summation_percent = (pair / sum) * 100;
    } else if (experiment === 'spatial' && linear) {
      const both = peaks[2], sum = peakDeviation(linear);
      summary = anyFired
        ? `${firedNote.trim()}`
        : `Together ${formatSigned(both, 'mV')} against ${formatSigned(sum, 'mV')} for the linear sum (${f((both / sum) * 100, 3)} %). The distant synapse's ${potential} arrives smaller and slower (cable filtering).`;
      if (!anyFired) this.shown.summation_percent = (both / sum) * 100;
    } else if (experiment === 'shunting') {
      const reversal = Number(values.e_inhibition);
      const moves = Math.abs(peaks[1]) < 0.05 ? 'hardly moves V' : `moves V by ${formatSigned(peaks[1], 'mV')}`;
      if (fired[0] && fired[2]) summary = `Excitation alone fires an action potential, and still does with inhibition: raise the GABA-A conductance to stop it.`;
      else if (fired[0]) summary = `Excitation alone fires an action potential; with inhibition it does not (${describeResponse(responses[2])}): the GABA-A conductance keeps V from threshold.`;
      else if (fired[2]) summary = `With inhibition the response fires an action potential, though excitation alone does not: at ${f(reversal, 3)} mV, above rest, this GABA-A input excites.`;
      else {
        summary = `Inhibition alone ${moves}; with it, the excitation ${describeChange(peaks[0], peaks[2])}. ${
          Math.abs(reversal - REST) < 1 ? 'Reversing at rest, the open GABA-A conductance only shunts the excitatory current.' : reversal < REST ? `Reversing at ${f(reversal, 3)} mV, below rest, it hyperpolarises as well as shunts.` : `Reversing at ${f(reversal, 3)} mV, above rest, it depolarises while it shunts.`
        }`;
        this.shown.epspChange_mV = peaks[2] - peaks[0];
      }
    } else {
      summary = responses[0].actionPotential
        ? `The ${potential} reached threshold: an action potential, triggered when the EPSP had depolarised the membrane by ${formatSigned(responses[0].actionPotential.triggeringPotential, 'mV')} (the voltage where the membrane's own currents take over, dV/dt 10 mV/ms).`
        : peaks[0] >= 0 ? `A depolarising postsynaptic potential (EPSP) of ${formatSigned(peaks[0], 'mV')}.` : `A hyperpolarising postsynaptic potential (IPSP) of ${formatSigned(peaks[0], 'mV')}.`;
    }
    this.results.summary.textContent = summary;
    this.status.textContent = '';
    this.details.textContent = `${frames.length} run${frames.length > 1 ? 's' : ''} in ${f(frames.reduce((s, fr) => s + fr.wallMs, 0), 3)} ms of wall-clock time.`;
    this.panel.setAttribute('data-state', 'done');
    this.host.announce(this.results.peaks.textContent);
  }
}
