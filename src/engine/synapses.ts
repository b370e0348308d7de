/**
 * Conductance synapses driven by spike events (the model's `synapses`, `sources` and `connections`).
 *
 * Each synapse has two states that decay exponentially, A with the rise and B with the decay time constant, and a
 * conductance g = B - A (uS), as NEURON's Exp2Syn; an event of weight w adds w f to both, with f chosen so that the
 * peak of g is w (f = 1 / (exp(-tp/decay) - exp(-tp/rise)), tp = rise decay ln(decay/rise) / (decay - rise)).
 * With no rise (exponential synapse, NEURON's ExpSyn) A stays 0 and an event adds w to B.
 * NMDA receptors add the voltage-dependent Mg2+ block of Jahr & Stevens (1990, J Neurosci 10:3178):
 * g_eff = g / (1 + exp(-0.062 v) [Mg]o / 3.57).  Current i = g_eff (v - reversal), nA, outward positive.
 *
 * In a fixed step from t to t + dt the conductance used is its exact average over the step, including events that
 * arrive inside it from their own times (second order, and exact for the conductance itself). Events come from spike trains and Poisson sources (drawn once, seeded) and from spike
 * detectors (presynaptic cells), after each connection's delay.
 */
import type { Model } from '../model/types.js';
import { InputError } from '../units/errors.js';
import type { Discretisation } from './discretise.js';
import { locateNode } from './locate.js';
import { EventQueue } from './event-queue.js';
import { mulberry32 } from './random.js';

export interface SynapseSystem {
  readonly count: number;
  readonly ids: readonly string[];
  readonly node: Int32Array;
  readonly reversal: Float64Array;
  readonly magnesium: Float64Array;
  /** exp(-1/rise) style rates: 1/rise and 1/decay (1/ms); riseRate 0 for exponential synapses. */
  readonly riseRate: Float64Array;
  readonly decayRate: Float64Array;
  /** Peak normalisation factor f. */
  readonly factor: Float64Array;
  /** States at the present time. */
  readonly rising: Float64Array;
  readonly decaying: Float64Array;
  /** Conductance (uS, with the block) and current (nA) of the last step, for recording. */
  readonly conductance: Float64Array;
  readonly current: Float64Array;
  readonly queue: EventQueue;
  /** Per synapse: average decay over a step and decay over a step (decaying, rising), for the step `factorsFor`. */
  readonly stepFactors: Float64Array;
  factorsFor: number;
  /** Per synapse, for events inside the present step: their share of the step's average (decaying, rising) and
   * of the states at its end (decaying, rising); and which synapses have such events. */
  readonly inStep: Float64Array;
  readonly touched: number[];
  /** For each spike detector index: the connections it drives (synapse index, weight, delay). */
  readonly fromDetector: readonly { readonly target: number; readonly weight: number; readonly delay: number }[][];
}

/** Spike times (ms) of a homogeneous Poisson process of `rate` Hz on [start, stop). */
export function poissonTimes(rate: number, start: number, stop: number, seed: number): number[] {
  const times: number[] = [];
  if (rate <= 0) return times;
  const uniform = mulberry32(seed);
  const meanInterval = 1000 / rate;
  let t = start;
  for (;;) {
    t += -Math.log(1 - uniform()) * meanInterval;
    if (t >= stop) return times;
    times.push(t);
  }
}

/** Mg2+ block of NMDA receptors (Jahr & Stevens 1990): fraction unblocked at v (mV), and its derivative. */
export function magnesiumUnblocked(v: number, magnesium: number): number {
  return 1 / (1 + Math.exp(-0.062 * v) * (magnesium / 3.57));
}

export function createSynapseSystem(model: Model, compiled: { readonly tree: Discretisation; readonly model: Model }): SynapseSystem | null {
  const synapses = model.synapses ?? [];
  if (synapses.length === 0) return null;
  const count = synapses.length;
  const node = Int32Array.from(synapses, (synapse, index) => locateNode(compiled, synapse.location, `synapses[${index}].location`));
  const riseRate = Float64Array.from(synapses, (s) => (s.rise > 0 ? 1 / s.rise : 0));
  const decayRate = Float64Array.from(synapses, (s) => 1 / s.decay);
  const factor = Float64Array.from(synapses, (s) => {
    if (!(s.rise > 0)) return 1;
    const peak = (s.rise * s.decay * Math.log(s.decay / s.rise)) / (s.decay - s.rise);
    return 1 / (Math.exp(-peak / s.decay) - Math.exp(-peak / s.rise));
  });
  const queue = new EventQueue();
  const index = new Map(synapses.map((s, i) => [s.id, i]));
  const detectorIndex = new Map(model.spikes.map((s, i) => [s.id, i]));
  const fromDetector: { target: number; weight: number; delay: number }[][] = model.spikes.map(() => []);
  const sourceTimes = new Map<string, readonly number[]>();
  for (const source of model.sources ?? []) {
    sourceTimes.set(source.id, source.kind === 'train' ? source.times : poissonTimes(source.rate, source.start, source.stop, source.seed));
  }
  (model.connections ?? []).forEach((connection, c) => {
    const target = index.get(connection.target);
    if (target === undefined) {
      throw new InputError(`connections[${c}].target`, JSON.stringify(connection.target), `a synapse id: ${[...index.keys()].join(', ')}`);
    }
    const times = sourceTimes.get(connection.source);
    if (times) {
      for (const time of times) queue.push(time + connection.delay, target, connection.weight);
      return;
    }
    const detector = detectorIndex.get(connection.source);
    if (detector === undefined) {
      throw new InputError(`connections[${c}].source`, JSON.stringify(connection.source), 'the id of a spike source or of a spike detector');
    }
    fromDetector[detector].push({ target, weight: connection.weight, delay: connection.delay });
  });
  return {
    count,
    ids: synapses.map((s) => s.id),
    node,
    reversal: Float64Array.from(synapses, (s) => s.reversal),
    magnesium: Float64Array.from(synapses, (s) => s.magnesium),
    riseRate,
    decayRate,
    factor,
    rising: new Float64Array(count),
    decaying: new Float64Array(count),
    conductance: new Float64Array(count),
    current: new Float64Array(count),
    queue,
    stepFactors: new Float64Array(4 * count),
    factorsFor: Number.NaN,
    inStep: new Float64Array(4 * count),
    touched: [],
    fromDetector,
  };
}

/**
 * A spike of detector `source` at `time`: an event for each of its connections, at time + delay. Events already due
 * at `now` (the states' time; delay 0 in a network) join the states at once with their exact decay from their time;
 * later ones wait in the queue.
 */
export function sendSpike(system: SynapseSystem, source: number, time: number, now: number): void {
  const { decaying, rising, decayRate, riseRate, factor, queue } = system;
  for (const connection of system.fromDetector[source]) {
    const due = time + connection.delay;
    if (due > now) {
      queue.push(due, connection.target, connection.weight);
      continue;
    }
    const target = connection.target;
    const amount = connection.weight * factor[target];
    decaying[target] += amount * Math.exp(-(now - due) * decayRate[target]);
    if (riseRate[target] > 0) rising[target] += amount * Math.exp(-(now - due) * riseRate[target]);
  }
}

/** Average of exp(-r u) over u in [0, span] divided into the span: (1 - e^(-r span)) / (r span), 1 for r = 0. */
function averageDecay(rate: number, span: number, step: number): number {
  return rate > 0 ? -Math.expm1(-rate * span) / (rate * step) : span / step;
}

/**
 * Takes the events due by the end of the step [now, now + dt]. Events already past (at or before `now`) join the
 * states with their exact decay to `now`. Events inside the step are kept apart: what each adds to the step's
 * average conductance, (a/dt) integral of e^(-r (s - te)) ds from te to the end, and to the states at the end,
 * a e^(-r (end - te)) -- so an event between steps acts from its own time, not from a step boundary.
 */
export function deliverEvents(system: SynapseSystem, now: number, dt: number): void {
  const { queue, rising, decaying, riseRate, decayRate, factor, inStep, touched } = system;
  const end = now + dt;
  while (queue.length > 0 && queue.peekTime() <= end) {
    queue.pop((time, target, weight) => {
      const amount = weight * factor[target];
      if (time <= now) {
        decaying[target] += amount * Math.exp(-(now - time) * decayRate[target]);
        if (riseRate[target] > 0) rising[target] += amount * Math.exp(-(now - time) * riseRate[target]);
        return;
      }
      const left = end - time;
      const at = 4 * target;
      if (inStep[at] === 0 && inStep[at + 2] === 0) touched.push(target);
      inStep[at] += amount * averageDecay(decayRate[target], left, dt);
      inStep[at + 2] += amount * Math.exp(-left * decayRate[target]);
      if (riseRate[target] > 0) {
        inStep[at + 1] += amount * averageDecay(riseRate[target], left, dt);
        inStep[at + 3] += amount * Math.exp(-left * riseRate[target]);
      }
    });
  }
}

/** Per synapse: the states' average decay over a step and their decay over the step, computed once per step size. */
function decayFactors(system: SynapseSystem, dt: number): Float64Array {
  if (system.factorsFor !== dt) {
    const { count, riseRate, decayRate, stepFactors } = system;
    for (let s = 0; s < count; s++) {
      stepFactors[4 * s] = averageDecay(decayRate[s], dt, dt);
      stepFactors[4 * s + 1] = averageDecay(riseRate[s], dt, dt);
      stepFactors[4 * s + 2] = Math.exp(-dt * decayRate[s]);
      stepFactors[4 * s + 3] = Math.exp(-dt * riseRate[s]);
    }
    system.factorsFor = dt;
  }
  return system.stepFactors;
}

export function addSynapseTerms(system: SynapseSystem, v: Float64Array, dt: number, d: Float64Array, rhs: Float64Array, slope: Float64Array): void {
  const { count, node, rising, decaying, reversal, magnesium, conductance, current, inStep } = system;
  const factors = decayFactors(system, dt);
  for (let s = 0; s < count; s++) {
    // The conductance averaged over the step (second order), including events that arrive inside it.
    const g = decaying[s] * factors[4 * s] - rising[s] * factors[4 * s + 1] + inStep[4 * s] - inStep[4 * s + 1];
    if (g === 0) {
      conductance[s] = 0;
      current[s] = 0;
      slope[s] = 0;
      continue;
    }
    const k = node[s];
    const drive = v[k] - reversal[s];
    let effective = g;
    let derivative = g;
    if (magnesium[s] > 0) {
      const unblocked = magnesiumUnblocked(v[k], magnesium[s]);
      effective = g * unblocked;
      // d/dv of g u(v) (v - E) = g u + g u' (v - E), with u' = 0.062 u (1 - u).
      derivative = effective + g * 0.062 * unblocked * (1 - unblocked) * drive;
    }
    conductance[s] = effective;
    current[s] = effective * drive;
    slope[s] = derivative;
    d[k] += derivative;
    rhs[k] -= effective * drive;
  }
}

/**
 * After the solve: the current each synapse passed over the step (its linearisation at the solved change
 * `delta`, as the solve used it), and the states decayed to the end of the step. Returns the synaptic charge of
 * the step, pC.
 */
export function finishSynapseStep(system: SynapseSystem, delta: Float64Array, dt: number, slope: Float64Array): number {
  const { count, node, rising, decaying, current, inStep, touched } = system;
  const factors = decayFactors(system, dt);
  let charge = 0;
  for (let s = 0; s < count; s++) {
    current[s] += slope[s] * delta[node[s]];
    charge += current[s] * dt;
    decaying[s] *= factors[4 * s + 2];
    rising[s] *= factors[4 * s + 3];
  }
  // Events that arrived inside the step join the states at its end.
  for (const s of touched) {
    decaying[s] += inStep[4 * s + 2];
    rising[s] += inStep[4 * s + 3];
    inStep.fill(0, 4 * s, 4 * s + 4);
  }
  touched.length = 0;
  return charge;
}
