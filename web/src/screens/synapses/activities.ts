/**
 * Activities and challenges of the synapses screen, from the "Try" steps of docs/lab.md (section 4). The figures come
 * from the library: the screen's own runs (buildSynapseRuns) through the engine, and its peak measure (peakDeviation).
 */
import type { Activity, Challenge, JobRunner } from '../../common/activities.js';
import { formatNumber as f, formatQuantity as q, formatSigned } from '../../common/format.js';
import type { ParamValues } from '../../params.js';
import { buildSynapseRuns, peakDeviation, REST } from './model.js';

/** The AMPA challenge: a conductance counts as the smallest if one this factor smaller does not fire (10 %). */
export const AMPA_MARGIN = 1.1;

export interface SynapseOutcome {
  readonly labels: readonly string[];
  /** Largest deviation from rest of each run, mV. */
  readonly peaks: readonly number[];
  /** Action potentials in each run. */
  readonly spikes: readonly number[];
}

/** The screen's runs at these settings, their peaks and spike counts. */
export async function synapseOutcome(values: ParamValues, run: JobRunner): Promise<SynapseOutcome> {
  const runs = buildSynapseRuns(values);
  const frames = await run('simulate-many', { models: runs.map((entry) => entry.model) });
  return {
    labels: runs.map((entry) => entry.label),
    peaks: frames.map((frame) => peakDeviation(frame.traces.find((trace) => trace.id === 'v')?.values ?? [REST])),
    spikes: frames.map((frame) => frame.spikes[0]?.times.length ?? 0),
  };
}

const mv = (value: number) => formatSigned(value, 'mV');

export const SYNAPSE_ACTIVITIES: readonly Activity[] = [
  {
    id: 'temporal',
    title: 'Temporal summation: two events close in time',
    setup: { experiment: 'temporal', interval: 2 },
    predict: { question: 'Two AMPA events 2 ms apart. Their combined peak is…', choices: ['less than the sum of two single EPSPs', 'exactly the sum', 'more than the sum'], answer: 0 },
    observe: 'Compare “two events” with the dashed linear sum; then try intervals of 5 and 20 ms.',
    explain: async ({ values, run }) => {
      const { peaks } = await synapseOutcome(values, run);
      return `One event: ${mv(peaks[0])}; two events ${q(Number(values.interval), 'ms')} apart: ${mv(peaks[1])}, ${f((peaks[1] / (2 * peaks[0])) * 100)} % of twice the single EPSP. The second event starts on the first one's depolarisation, so it sums; but the synaptic current is g·(V − E_rev), and as V rises towards E_rev the driving force shrinks: the sum is less than linear. Further apart, less overlap: less summation.`;
    },
  },
  {
    id: 'spatial',
    title: 'Spatial summation: move synapse B closer',
    setup: { experiment: 'spatial', position_b: 50 },
    predict: { question: 'Synapse B moves from 400 µm to 50 µm from the recording site. Its EPSP at the recording site becomes…', choices: ['larger and faster', 'smaller and slower', 'the same'], answer: 0 },
    observe: 'Compare “B alone” with “A alone” and look at their rise; compare “A and B together” with the linear sum.',
    explain: async ({ values, run }) => {
      const { peaks } = await synapseOutcome(values, run);
      return `At the recording site: A (${q(Number(values.position_a), 'µm')} away) ${mv(peaks[0])}, B (${q(Number(values.position_b), 'µm')} away) ${mv(peaks[1])}, together ${mv(peaks[2])}. On its way along the thin cable an EPSP leaks out through the membrane and spreads its charge over more capacitance: the farther away, the smaller and slower (cable filtering). Two synapses close together depolarise the same patch and so reduce each other's driving force.`;
    },
  },
  {
    id: 'shunting',
    title: 'Shunting inhibition',
    setup: { experiment: 'shunting' },
    predict: { question: 'A GABA-A conductance whose reversal sits exactly at rest (−65 mV) opens with an EPSP. Inhibition alone moves V by 0 mV. What does it do to the EPSP?', choices: ['Nothing: it does not move V', 'It makes the EPSP smaller', 'It reverses the EPSP'], answer: 1 },
    observe: 'Compare “excitation alone” with “both”; then move the GABA-A reversal to −80 mV.',
    explain: async ({ values, run }) => {
      const { peaks } = await synapseOutcome(values, run);
      return `Inhibition alone: ${mv(peaks[1])}. Excitation alone: ${mv(peaks[0])}; with the inhibition: ${mv(peaks[2])}. The open GABA-A channels add a conductance that holds V near its reversal (${q(Number(values.e_inhibition), 'mV')}): the excitatory current leaks out through it instead of charging the membrane. Inhibition by shunting needs no hyperpolarisation.`;
    },
  },
  {
    id: 'excitable',
    title: 'An EPSP that fires an action potential',
    setup: { membrane: 'hh', weight: 10 },
    predict: { question: 'On an excitable (Hodgkin–Huxley) membrane, 10 nS of AMPA. What do you expect?', choices: ['A bigger EPSP', 'An action potential', 'Nothing more than on the passive membrane'], answer: 1 },
    observe: 'Look at the Vm plot; lower the conductance until only an EPSP remains.',
    explain: async ({ values, run }) => {
      const { peaks, spikes } = await synapseOutcome(values, run);
      return `${spikes[0] > 0 ? `The EPSP reached threshold and fired an action potential (peak ${mv(peaks[0])} from rest)` : `Only an EPSP of ${mv(peaks[0])}: it did not reach threshold`} with ${q(Number(values.weight), 'nS')}. On an excitable membrane the EPSP is the stimulus: if it depolarises the membrane past threshold, the Na⁺ channels take over.`;
    },
  },
];

export const SYNAPSE_CHALLENGES: readonly Challenge[] = [
  {
    id: 'least-ampa',
    title: 'Fire an action potential with the least AMPA conductance',
    goal: `On the excitable membrane, find the smallest AMPA conductance whose EPSP fires an action potential: ${f(Math.round((AMPA_MARGIN - 1) * 100))} % less must not fire.`,
    start: { membrane: 'hh' },
    onlyChange: ['weight'],
    check: async ({ values, run }) => {
      const weight = Number(values.weight);
      const now = await synapseOutcome(values, run);
      if (now.spikes[0] < 1) return { solved: false, feedback: `${q(weight, 'nS')} gives an EPSP of ${mv(now.peaks[0])}, no action potential: raise the conductance.` };
      const less = await synapseOutcome({ ...values, weight: weight / AMPA_MARGIN }, run);
      if (less.spikes[0] > 0) return { solved: false, feedback: `${q(weight, 'nS')} fires, but so does ${q(weight / AMPA_MARGIN, 'nS', 3)}: lower it.` };
      return { solved: true, feedback: `${q(weight, 'nS')} fires while ${q(weight / AMPA_MARGIN, 'nS', 3)} gives only an EPSP of ${mv(less.peaks[0])}.` };
    },
  },
];
