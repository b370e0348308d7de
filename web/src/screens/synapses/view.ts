/** Synapses: EPSPs and IPSPs, summation in time and space, shunting inhibition. */
import { ControlPanel } from '../../controls.js';
import { HoldCompare } from '../../common/hold-compare.js';
import { h, resultRow } from '../../dom.js';
import { EngineClient } from '../../engine-client.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import { COLORS, Plot } from '../../plot.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { buildSynapseRuns, peakDeviation, REST, SYNAPSE_SPECS, SynapsesModel } from './model.js';
import { MembraneAnimation } from '../../common/membrane-animation.js';
import { synapseSeries, withSynapseCurrentRecordings } from '../../common/membrane-state.js';

const RUN_COLORS = [COLORS.v, COLORS.k, COLORS.na, COLORS.other];

export class SynapsesScreen implements Screen {
  readonly id = 'synapses';
  readonly title = 'Synapses';
  readonly specs = SYNAPSE_SPECS;
  readonly model = new SynapsesModel();
  private readonly engine = new EngineClient();
  private controls!: ControlPanel;
  private host!: ScreenHost;
  private panel!: HTMLElement;
  private plotHolder!: HTMLElement;
  private conductanceHolder!: HTMLElement;
  private plotKey = '';
  private plot: Plot | undefined;
  private conductancePlot: Plot | undefined;
  private results!: Record<string, HTMLElement>;
  private status!: HTMLElement;
  private readonly membrane = new MembraneAnimation({
    id: 'syn-membrane',
    title: 'The membrane at work: the synaptic channels of the last run, opening with the computed conductance',
    speeds: [0.5, 1, 2, 5, 20].map((ms) => ({ label: `${f(ms)} ms per second`, simulatedMsPerWallSecond: ms })),
    defaultSpeed: 2,
    stepMs: 0.5,
  });

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
    this.plotHolder = h('div');
    this.conductanceHolder = h('div');
    panel.append(
      h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'A presynaptic spike opens transmitter-gated channels: a conductance with its own reversal potential. Compare single events, pairs, and excitation with inhibition.' })),
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'side' }, this.controls.element, h('div', { class: 'buttons' }, reset, new HoldCompare({ prefix: 'syn', plots: () => [this.plot, this.conductancePlot], specs: SYNAPSE_SPECS, values: () => this.controls.get(), host }).element)),
        h('div', { class: 'results' }, h('div', { class: 'card results-card', id: 'syn-results', 'aria-live': 'polite' }, list, this.status), this.membrane.element, this.plotHolder, this.conductanceHolder),
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
    const series = labels.map((label, i) => ({ label, unit: 'mV', color: RUN_COLORS[i % RUN_COLORS.length], width: 2 }));
    const data: ArrayLike<number>[] = [...vs];
    let linear: Float64Array | undefined;
    if (experiment === 'temporal') {
      // Linear sum: the single response plus itself shifted by the interval.
      const shift = Math.round(Number(values.interval) / 0.025);
      const one = vs[0];
      linear = one.map((x, i) => REST + (x - REST) + (i >= shift ? one[i - shift] - REST : 0));
    } else if (experiment === 'spatial') {
      linear = vs[0].map((x, i) => REST + (x - REST) + (vs[1][i] - REST));
    }
    if (linear) {
      series.push({ label: 'linear sum', unit: 'mV', color: '#444', width: 1.5, dash: [5, 4] } as never);
      data.push(linear);
    }
    const key = `${experiment}:${labels.join('|')}`;
    if (key !== this.plotKey) {
      this.plotKey = key;
      this.plot = new Plot({ id: 'syn-plot-v', title: 'Membrane potential at the recording site', xLabel: 'time', xUnit: 'ms', yLabel: 'Vm (mV)', series, height: 260 });
      const gSeries = frames[frames.length - 1].traces.filter((t) => t.id.endsWith('_g')).map((t, i) => ({ label: `g ${t.id.replace('_g', '')}`, unit: 'nS', color: RUN_COLORS[(i + 1) % RUN_COLORS.length] }));
      this.conductancePlot = new Plot({ id: 'syn-plot-g', title: 'Synaptic conductances (last run)', xLabel: 'time', xUnit: 'ms', yLabel: 'g (nS)', series: gSeries, height: 160 });
      this.plotHolder.replaceChildren(this.plot.element);
      this.conductanceHolder.replaceChildren(this.conductancePlot.element);
    }
    const time = frames[0].time;
    this.plot?.setData(time, data);
    const last = frames[frames.length - 1];
    this.membrane.setSeries(synapseSeries(last, runs[runs.length - 1].model.synapses ?? []));
    this.conductancePlot?.setData(last.time, last.traces.filter((t) => t.id.endsWith('_g')).map((t) => t.values.map((x) => x * 1e3)));
    const peaks = vs.map(peakDeviation);
    this.results.peaks.textContent = labels.map((label, i) => `${label}: ${peaks[i] >= 0 ? '+' : ''}${f(peaks[i], 3)} mV`).join('; ');
    this.results.peaks.setAttribute('data-peaks', JSON.stringify(peaks));
    let summary = '';
    if (experiment === 'temporal' && linear) {
      const pair = peaks[1], sum = peakDeviation(linear);
      summary = `Two events peak at ${f(pair, 3)} mV against ${f(sum, 3)} mV for the linear sum (${f((pair / sum) * 100, 3)} %). Closer events summate more; the driving force shrinks as V nears the reversal, so the sum is sublinear.`;
    } else if (experiment === 'spatial' && linear) {
      const both = peaks[2], sum = peakDeviation(linear);
      summary = `Together ${f(both, 3)} mV against ${f(sum, 3)} mV for the linear sum (${f((both / sum) * 100, 3)} %). The distant synapse's EPSP arrives smaller and slower (cable filtering).`;
    } else if (experiment === 'shunting') {
      summary = `Inhibition alone moves V by ${f(peaks[1], 2)} mV, yet it cuts the EPSP from ${f(peaks[0], 3)} to ${f(peaks[2], 3)} mV (${f((1 - peaks[2] / peaks[0]) * 100, 3)} % less): the open GABA-A conductance shunts the excitatory current.`;
    } else {
      summary = peaks[0] >= 0 ? 'A depolarising postsynaptic potential (EPSP).' : 'A hyperpolarising postsynaptic potential (IPSP).';
      if ((frames[0].spikes[0]?.times.length ?? 0) > 0) summary += ' It reached threshold: an action potential.';
    }
    this.results.summary.textContent = summary;
    this.status.textContent = `${frames.length} run${frames.length > 1 ? 's' : ''} in ${f(frames.reduce((s, fr) => s + fr.wallMs, 0), 3)} ms of wall-clock time.`;
    this.panel.setAttribute('data-state', 'done');
    this.host.announce(this.results.peaks.textContent);
  }
}
