/**
 * Activities and challenges of the action-potential screen, from the "Try" steps of docs/lab.md (section 2). The
 * explanations read the screen's readouts (peak_mV, spikeCount, halfWidth_ms, thresholdCurrent_nA); the checks run
 * the library's engine jobs on the screen's own model (buildActionPotentialModel), as the screen does.
 */
import { voltageClampCurrents } from '../../../../src/analysis/index.js';
import type { Activity, Challenge, JobRunner, Readouts } from '../../common/activities.js';
import { formatNumber as f, formatQuantity as q } from '../../common/format.js';
import type { ParamValues } from '../../params.js';
import { AP_DELAY, apConductances, buildActionPotentialModel } from './model.js';

const need = (readouts: Readouts, key: string): number => {
  const value = readouts[key];
  if (!Number.isFinite(value)) throw new Error(`no ${key}`);
  return value;
};
const mv = (value: number) => q(value, 'mV');

/** The screen's paired-pulse intervals (ms) and its conditioning pulse (1.5 × the single-pulse threshold). */
export const REFRACTORY_INTERVALS = [1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 35];
export const CONDITIONING_RATIO = 1.5;
/** The refractory challenge's tolerance, ms (issue 8: "within 0.5 ms"). */
export const REFRACTORY_TOLERANCE_MS = 0.5;
/** The least-current challenge: at most this fraction above the threshold current. */
export const LEAST_CURRENT_MARGIN = 0.05;

/** Threshold current (nA) of one pulse at these settings, by the screen's bisection (12 steps from 0 to 5 nA). */
export async function pulseThreshold(values: ParamValues, run: JobRunner): Promise<number | null> {
  const single = { ...values, mode: 'pulse', duration: Math.min(Number(values.duration), AP_DELAY + Number(values.width) + 25) };
  const frame = await run('threshold', { model: buildActionPotentialModel(single, { record: false }), low: 0, high: 5, spikeId: 'spikes', iterations: 12 });
  return frame.threshold;
}

/** The absolute refractory period (ms) at these settings, measured as the screen's "Measure refractory period" does. */
export async function absoluteRefractoryPeriod(values: ParamValues, run: JobRunner): Promise<number | null> {
  const threshold = await pulseThreshold(values, run);
  if (threshold === null) return null;
  const model = buildActionPotentialModel({ ...values, mode: 'pulse', amplitude: threshold * CONDITIONING_RATIO, duration: AP_DELAY + 45 }, { record: false });
  const frame = await run('refractory', { model, intervals: REFRACTORY_INTERVALS, spikeId: 'spikes', singleThreshold: threshold, iterations: 1 });
  return frame.absolute;
}

export const AP_ACTIVITIES: readonly Activity[] = [
  {
    id: 'all-or-none',
    title: 'All or none: a pulse just below threshold',
    setup: { amplitude: 0.06 },
    predict: { question: 'A 1 ms pulse of 0.06 nA, a little weaker than the default 0.2 nA. What do you expect?', choices: ['A smaller action potential', 'No action potential, only a small bump', 'The same action potential'], answer: 1 },
    observe: 'Look at the Vm plot. Then raise “Current” in small steps (the number box takes exact values) until a spike appears, and keep raising it: does the spike grow?',
    needs: ['peak_mV', 'spikeCount', 'thresholdCurrent_nA'],
    explain: ({ readouts, values }) => {
      const spikes = need(readouts, 'spikeCount'), threshold = need(readouts, 'thresholdCurrent_nA');
      return `At ${q(Number(values.amplitude), 'nA')} Vm peaks at ${mv(need(readouts, 'peak_mV'))} with ${spikes === 0 ? 'no action potential' : `${f(spikes)} action potential${spikes > 1 ? 's' : ''}`}. The threshold for this ${q(Number(values.width), 'ms')} pulse is ${q(threshold, 'nA', 3)}: below it the Na⁺ current cannot outrun the K⁺ and leak currents and the membrane falls back; above it the Na⁺ channels open each other (positive feedback) and the spike has the same size whatever the stimulus — all or none.`;
    },
  },
  {
    id: 'strength-duration',
    title: 'Strength and duration: a shorter pulse',
    setup: { width: 0.2 },
    predict: { question: 'The pulse is made five times shorter (0.2 ms) at the same 0.2 nA. Does it still fire?', choices: ['Yes, the current is the same', 'No: a shorter pulse needs more current'], answer: 1 },
    observe: 'Read “Threshold current for this pulse” and the dashed line on the current plot; try widths of 0.1, 0.5, 1 and 5 ms.',
    needs: ['thresholdCurrent_nA', 'spikeCount'],
    explain: ({ readouts, values }) => {
      const threshold = need(readouts, 'thresholdCurrent_nA'), width = Number(values.width);
      return `A ${q(width, 'ms')} pulse needs ${q(threshold, 'nA', 3)} to fire (charge I × t = ${q(threshold * width * 1000, 'pC', 3)}), so 0.2 nA ${need(readouts, 'spikeCount') > 0 ? 'still fires' : 'no longer fires'}. To reach threshold the pulse must bring enough charge onto the membrane before it leaks away; the shorter the pulse, the larger the current — the strength–duration curve.`;
    },
  },
  {
    id: 'train',
    title: 'A train of pulses and the refractory period',
    setup: { mode: 'train' },
    predict: { question: 'Five pulses of 0.2 nA, 10 ms apart, at 6.3 °C. How many action potentials?', choices: ['5', '3', '1'], answer: 1 },
    observe: 'Count the spikes on the Vm plot. Then lengthen “Train interval” to 12 ms (and the run length to 100 ms); then, back at 10 ms, raise the current to 0.5 nA.',
    needs: ['spikeCount'],
    explain: ({ readouts, values }) =>
      `${f(need(readouts, 'spikeCount'))} of the pulses that start within the run fire at a ${q(Number(values.interval), 'ms')} interval and ${q(Number(values.amplitude), 'nA')}. After a spike the Na⁺ channels are inactivated (h is low, see the gates plot) and the K⁺ channels still open (n is high): for a while no pulse can fire (absolute refractory period), then only a stronger one (relative). So every second pulse fails at 10 ms; at 12 ms or with 0.5 nA every pulse fires.`,
  },
  {
    id: 'ttx',
    title: 'Block the Na⁺ channels with TTX',
    setup: { ttx: 10 },
    predict: { question: 'Tetrodotoxin (TTX) 10 nM blocks most Na⁺ channels. What happens to the action potential?', choices: ['It disappears', 'It gets broader', 'Nothing changes'], answer: 0 },
    observe: 'Look at Vm and at the Na⁺ current on the currents plot; lower TTX step by step to see where the spike comes back.',
    needs: ['peak_mV', 'spikeCount'],
    explain: ({ readouts, values }) => {
      const g = apConductances(values);
      return `With ${q(Number(values.ttx), 'nM')} TTX only ${f(g.sodium * 100)} % of the Na⁺ channels work; Vm peaks at ${mv(need(readouts, 'peak_mV'))} and ${need(readouts, 'spikeCount') > 0 ? 'a spike still fires' : 'no action potential fires'}. The K⁺ current alone cannot make a spike: the regenerative inward Na⁺ current is what drives the upstroke.`;
    },
  },
  {
    id: 'tea',
    title: 'Slow the repolarisation with TEA',
    setup: { tea: 0.2 },
    predict: { question: 'TEA 0.2 mM blocks a third of the delayed-rectifier K⁺ channels. The spike becomes…', choices: ['broader (slower repolarisation)', 'narrower', 'smaller'], answer: 0 },
    observe: 'Compare the half-width with the default (about 1.5 ms) and look at the K⁺ current. Then raise TEA to 0.4 mM (its IC50): what does the membrane do before the stimulus?',
    needs: ['halfWidth_ms', 'peak_mV'],
    explain: ({ readouts, values }) => {
      const g = apConductances(values);
      return `${f(g.potassium * 100)} % of the K⁺ channels are left; the half-width is ${q(need(readouts, 'halfWidth_ms'), 'ms')} and the peak ${mv(need(readouts, 'peak_mV'))}. The outward K⁺ current is what brings Vm back down; with less of it repolarisation is slower. Block more (0.4 mM) and the membrane no longer holds its resting potential: it fires on its own.`;
    },
  },
  {
    id: 'voltage-clamp',
    title: 'Voltage clamp: the two currents of Hodgkin and Huxley',
    setup: { mode: 'vclamp', clamp: 0 },
    predict: { question: 'The clamp steps the membrane from −65 to 0 mV and holds it. Which current comes first?', choices: ['Inward Na⁺ first, then outward K⁺', 'Outward K⁺ first, then inward Na⁺', 'Both at the same time'], answer: 0 },
    observe: 'Look at the clamp current and the ionic currents plot; then add TTX 100 nM and see which current is left.',
    explain: async ({ values, run }) => {
      const frame = await run('simulate', { model: buildActionPotentialModel(values) });
      const current = frame.traces.find((trace) => trace.id === 'i_stim')?.values;
      if (!current) throw new Error('no clamp current');
      // Once the membrane is charged the clamp current is the membrane current, inward negative (src/analysis/voltage-clamp.ts).
      const { peakInward, steady } = voltageClampCurrents(frame.time, current, { from: AP_DELAY, to: AP_DELAY + Number(values.clamp_ms) });
      const inward = peakInward ? `an early inward current of ${q(peakInward.current, 'nA', 3)} at ${q(peakInward.time - AP_DELAY, 'ms', 2)} after the step` : 'no inward current';
      return `Stepping to ${mv(Number(values.clamp))} gives ${inward}, then a steady ${steady.current >= 0 ? 'outward' : 'inward'} current of ${q(Math.abs(steady.current), 'nA', 3)} at the end of the step. The Na⁺ channels open fast and then inactivate; the K⁺ channels open slowly and stay open — Hodgkin and Huxley separated the two this way (and TTX removes the first).`;
    },
  },
  {
    id: 'temperature',
    title: 'Warm the membrane to 20 °C',
    setup: { temperature: 20 },
    predict: { question: 'From 6.3 to 20 °C the gates move about 4.5 times faster. The spike becomes…', choices: ['shorter and smaller', 'longer and larger', 'unchanged'], answer: 0 },
    observe: 'Compare the half-width and the peak with the default (about 1.5 ms and +40 mV).',
    needs: ['peak_mV', 'halfWidth_ms'],
    explain: ({ readouts }) =>
      `At 20 °C the spike peaks at ${mv(need(readouts, 'peak_mV'))} with a half-width of ${q(need(readouts, 'halfWidth_ms'), 'ms')}. Every rate grows ×3 per 10 °C (Q10 = 3), so the K⁺ channels open and the Na⁺ channels inactivate sooner, cutting the upstroke short: a briefer, smaller spike.`,
  },
  {
    id: 'a-type',
    title: 'A-type K⁺ channels: a late first spike and slow firing',
    setup: { cell: 'connor-stevens', mode: 'step', amplitude: 0.09, duration: 300 },
    predict: {
      question: 'The Connor–Stevens neuron has A-type K⁺ channels, which open briefly near threshold. A long step just above its threshold (0.09 nA): how does it fire?',
      choices: ['At once and fast, like the squid axon', 'After a long delay, then slowly and regularly'],
      answer: 1,
    },
    observe: 'Look at the slow ramp of Vm before the first spike and at g A on the conductances plot. Keep the run, then add 4-AP 1 mM, which blocks A-type and delayed-rectifier K⁺ channels.',
    needs: ['spikeCount', 'thresholdTime_ms'],
    explain: ({ readouts, values }) => {
      const count = need(readouts, 'spikeCount');
      const latency = need(readouts, 'thresholdTime_ms') - AP_DELAY;
      const g = apConductances(values);
      const rate = count / ((Number(values.duration) - AP_DELAY) / 1000);
      return `The first spike comes ${q(latency, 'ms', 3)} after the step begins, and the cell fires ${f(count)} times in ${q(Number(values.duration) - AP_DELAY, 'ms')} (about ${q(rate, 'Hz', 2)}). The A current, switched on as the membrane depolarises, holds it near threshold so that it creeps there: a long delay and low rates, which rise smoothly with the current (type I excitability, Connor & Stevens 1971). ${g.aType !== undefined && g.aType < 1 ? `With 4-AP ${f(g.aType * 100)} % of the A-type and ${f(g.potassium * 100)} % of the delayed-rectifier channels are left, and the cell fires sooner and faster.` : 'Block them with 4-AP and the delay shrinks.'}`;
    },
  },
];

export const AP_CHALLENGES: readonly Challenge[] = [
  {
    id: 'refractory',
    title: 'Measure the absolute refractory period within 0.5 ms',
    goal: 'Measure the absolute refractory period of this membrane (the interval after a spike during which no second pulse, however strong, fires another) and type it in. Pairs of pulses (a train of 2 with a short interval and a large current) or the “Measure refractory period” button will help.',
    start: {},
    answer: { label: 'Absolute refractory period', unit: 'ms' },
    check: async ({ values, answer, run }) => {
      if (String(values.mode) === 'vclamp') return { solved: false, feedback: 'Switch back to current clamp: the refractory period is measured with current pulses.' };
      const library = await absoluteRefractoryPeriod(values, run);
      if (library === null) return { solved: false, feedback: 'At these settings no pair of pulses fires twice; go back to the start values.' };
      const typed = answer as number;
      const off = typed - library;
      if (Math.abs(off) <= REFRACTORY_TOLERANCE_MS) return { solved: true, feedback: `You measured ${q(typed, 'ms')}; the library's paired-pulse measurement gives ${q(library, 'ms', 3)} (at ${q(Number(values.temperature), '°C')}).` };
      return { solved: false, feedback: `${q(typed, 'ms')} is ${off > 0 ? 'too long' : 'too short'} by more than ${f(REFRACTORY_TOLERANCE_MS)} ms. Look for the shortest interval at which a strong second pulse (10 × threshold) fires a second spike.` };
    },
  },
  {
    id: 'least-current',
    title: 'Fire with the least current',
    goal: `Make one action potential with the 1 ms pulse using a current no more than ${f(LEAST_CURRENT_MARGIN * 100)} % above the threshold current — find the threshold yourself.`,
    start: { amplitude: 0.02 },
    onlyChange: ['amplitude'],
    needs: ['spikeCount'],
    check: async ({ values, readouts, run }) => {
      const threshold = await pulseThreshold(values, run);
      if (threshold === null) return { solved: false, feedback: 'No current up to 5 nA fires at these settings.' };
      const amplitude = Number(values.amplitude);
      if (need(readouts, 'spikeCount') < 1 || amplitude < threshold) return { solved: false, feedback: `${q(amplitude, 'nA')} does not fire: raise the current.` };
      if (amplitude <= threshold * (1 + LEAST_CURRENT_MARGIN)) return { solved: true, feedback: `${q(amplitude, 'nA')} fires, ${f((amplitude / threshold - 1) * 100, 2)} % above the threshold of ${q(threshold, 'nA', 3)}.` };
      return { solved: false, feedback: `${q(amplitude, 'nA')} fires, but it is more than ${f(LEAST_CURRENT_MARGIN * 100)} % above threshold: lower it.` };
    },
  },
];
