/**
 * Activities and challenges of the propagation screen, from the "Try" steps of docs/lab.md (section 3). The
 * explanations read the screen's readouts (velocity_m_per_s, conducts); comparisons and the TTX check run the
 * library's space-time job on the screen's own model (buildPropagation).
 */
import type { Activity, Challenge, JobRunner, Readouts } from '../../common/activities.js';
import { formatNumber as f, formatQuantity as q } from '../../common/format.js';
import type { SpaceTimeFrame } from '../../engine-protocol.js';
import type { ParamValues } from '../../params.js';
import { buildPropagation } from './model.js';

const need = (readouts: Readouts, key: string): number => {
  const value = readouts[key];
  if (!Number.isFinite(value)) throw new Error(`no ${key}`);
  return value;
};

/** The diameter the "double the diameter" activity compares with, µm (the screen's default). */
const BASE_DIAMETER = 10;

/** The TTX challenge: a dose counts as the smallest if one this factor smaller still conducts (10 %). */
export const TTX_MARGIN = 1.1;

/** The screen's readouts: conducts (1: the action potential reached both detectors, 0: not), velocity, delay, distance. */
export function propagationReadouts(frame: Pick<SpaceTimeFrame, 'velocity'>): Readouts {
  const velocity = frame.velocity;
  return velocity ? { conducts: 1, velocity_m_per_s: velocity.metresPerSecond, delay_ms: velocity.delay, distance_mm: velocity.distance / 1000 } : { conducts: 0 };
}

/** Conduction velocity (m/s) of the screen's axon at these settings, or null when the action potential fails. */
export async function conductionVelocity(values: ParamValues, run: JobRunner): Promise<number | null> {
  const setup = buildPropagation(values);
  const frame = await run('space-time', { model: setup.model, positions: setup.positions, isNode: setup.isNode });
  return frame.velocity?.metresPerSecond ?? null;
}

const velocityText = (readouts: Readouts) => (need(readouts, 'conducts') > 0 ? q(need(readouts, 'velocity_m_per_s'), 'm/s') : 'no conduction');

export const PROPAGATION_ACTIVITIES: readonly Activity[] = [
  {
    id: 'diameter',
    title: 'Double the diameter',
    setup: { diameter: 20 },
    predict: { question: 'The unmyelinated axon goes from 10 to 20 µm. Its conduction velocity…', choices: ['grows about 1.4 times (√2)', 'doubles', 'stays the same'], answer: 0 },
    observe: 'Read the conduction velocity and look at the slope of the bright band in the space–time view (steeper band: slower).',
    needs: ['conducts'],
    explain: async ({ readouts, values, run }) => {
      const base = await conductionVelocity({ ...values, diameter: BASE_DIAMETER }, run);
      const d = Number(values.diameter);
      const v = need(readouts, 'velocity_m_per_s');
      return `At ${q(d, 'µm')} the action potential travels at ${q(v, 'm/s')}, against ${base === null ? 'no conduction' : q(base, 'm/s')} at ${q(BASE_DIAMETER, 'µm')}: ${base === null ? '' : `${f(v / base)} times faster, where √(${f(d)}/${f(BASE_DIAMETER)}) = ${f(Math.sqrt(d / BASE_DIAMETER))}. `}The axial resistance falls as d² while the membrane to charge grows as d, so the length constant and the velocity grow as √d.`;
    },
  },
  {
    id: 'myelin',
    title: 'Wrap the axon in myelin',
    setup: { fibre: 'myelinated' },
    predict: { question: 'Same 10 µm axon, now myelinated with nodes every millimetre. Compared with 2.8 m/s unmyelinated, it conducts…', choices: ['several times faster', 'about as fast', 'slower, the myelin is in the way'], answer: 0 },
    observe: 'Read the velocity; in the space–time view the band is made of steps: the action potential jumps from node to node (red ticks on the profile mark the nodes).',
    needs: ['conducts'],
    explain: async ({ readouts, values, run }) => {
      const bare = await conductionVelocity({ ...values, fibre: 'unmyelinated' }, run);
      return `Myelinated: ${velocityText(readouts)}; unmyelinated at the same size: ${bare === null ? 'no conduction' : q(bare, 'm/s')}. Myelin lowers the capacitance of the internodes about 200-fold, so the current of one node charges the next node quickly; only the nodes have to fire (saltatory conduction).`;
    },
  },
  {
    id: 'squid',
    title: 'The squid giant axon',
    setup: { diameter: 476, temperature: 18.5, length: 50 },
    predict: { question: 'Hodgkin & Huxley computed 18.8 m/s for their 476 µm axon at 18.5 °C (and measured 21.2 m/s). What will this simulation give?' },
    observe: 'Read the velocity (1000 compartments of 50 µm each); raise “Compartments” to 2000 and compare.',
    needs: ['conducts'],
    explain: ({ readouts, values }) =>
      `The simulation gives ${velocityText(readouts)} with ${f(Number(values.compartments))} compartments. Finer compartments bring it closer to the continuous cable; the library's validation, at a finer resolution, reproduces Hodgkin & Huxley's figure.`,
  },
  {
    id: 'warm',
    title: 'Warm the axon',
    setup: { temperature: 34 },
    predict: { question: 'From 20 to 34 °C every gate moves more than four times faster. The action potential…', choices: ['travels faster', 'travels slower', 'fails to travel'], answer: 2 },
    observe: 'Look at the space–time view: does the bright band reach the far end? Then cool the axon step by step (30, 25, 20 °C) and read the velocity.',
    needs: ['conducts'],
    explain: ({ readouts, values }) =>
      `At ${q(Number(values.temperature), '°C')}: ${velocityText(readouts)}. Warming speeds the Na⁺ channels' opening (faster conduction) but also their inactivation and the K⁺ channels' opening; above about 33 °C the squid action potential becomes so brief and small that it shrinks as it travels and dies out before the far end.`,
  },
];

export const PROPAGATION_CHALLENGES: readonly Challenge[] = [
  {
    id: 'ttx-block',
    title: 'Find the smallest TTX dose that stops conduction',
    goal: `Raise TTX until the action potential no longer reaches the far end of the 10 µm axon — but find the smallest dose that does it: a dose ${f(Math.round((TTX_MARGIN - 1) * 100))} % smaller must still conduct.`,
    start: {},
    onlyChange: ['ttx'],
    needs: ['conducts'],
    check: async ({ values, readouts, run }) => {
      const dose = Number(values.ttx);
      if (need(readouts, 'conducts') > 0) return { solved: false, feedback: `With ${q(dose, 'nM')} TTX the action potential still travels (${q(need(readouts, 'velocity_m_per_s'), 'm/s')}): raise the dose.` };
      const smaller = await conductionVelocity({ ...values, ttx: dose / TTX_MARGIN }, run);
      if (smaller === null) return { solved: false, feedback: `${q(dose, 'nM')} stops conduction, but so does ${q(dose / TTX_MARGIN, 'nM', 3)}: a smaller dose is enough. Lower it.` };
      return { solved: true, feedback: `${q(dose, 'nM')} stops conduction while ${q(dose / TTX_MARGIN, 'nM', 3)} still conducts (at ${q(smaller, 'm/s')}). Before it fails the action potential slows down: conduction needs a safety margin of Na⁺ current.` };
    },
  },
];
