/**
 * Models and independent references for the synapse scenarios of part 3 (issue 4, items 4 and 8): validated `Model`
 * objects built in code (the examples/synapse-*.yaml files hold the same models as files), and the exact solution
 * of a passive compartment driven by conductance synapses, evaluated with our own adaptive Gauss-Kronrod quadrature
 * (nothing here imports the engine).
 */
import type { CellDescription, Connection, Model, RunSettings, SpikeSource, Stimulus, SynapseDescription } from '../src/model/types.js';
import { HH_TEMPERATURE, runSettings, SOMA_1000_UM2 } from './models.js';

export { HH_TEMPERATURE, runSettings, SOMA_1000_UM2 };

/** The passive compartment of the EPSP scenarios: 1000 um2, 1 uF/cm2, pas g 0.1 mS/cm2 (tau 10 ms), e -65 mV. */
export const PASSIVE = { area: 1000, capacitance: 1, g: 1e-4, e: -65 } as const;

/** Capacitance (nF) and leak conductance (uS) of an area (um2) with a specific capacitance (uF/cm2) and conductance (S/cm2). */
export const capacitanceNanofarads = (area: number, capacitance: number) => capacitance * area * 1e-5;
export const conductanceMicrosiemens = (area: number, g: number) => g * area * 1e-2;

const at = (cell: string, section?: string, position = 0.5) => ({ cell, section, position });

export function passiveCell(id: string, initialVoltage: number = PASSIVE.e): CellDescription {
  return {
    id,
    morphology: { kind: 'single', section: 'soma', length: SOMA_1000_UM2, diameter: SOMA_1000_UM2 },
    membrane: { capacitance: PASSIVE.capacitance, axialResistivity: 35.4, initialVoltage },
    mechanisms: [{ mechanism: 'pas', parameters: { g: PASSIVE.g, e: PASSIVE.e } }],
    ions: [],
  };
}

export function hhCell(id: string): CellDescription {
  return {
    id,
    morphology: { kind: 'single', section: 'soma', length: SOMA_1000_UM2, diameter: SOMA_1000_UM2 },
    membrane: { capacitance: 1, axialResistivity: 35.4, initialVoltage: -65 },
    mechanisms: [{ mechanism: 'hh', parameters: {} }],
    ions: [],
  };
}

export function synapse(id: string, cell: string, kind: SynapseDescription['kind'], fields: Partial<Omit<SynapseDescription, 'id' | 'kind' | 'location'>> & { section?: string; position?: number } = {}): SynapseDescription {
  return {
    id,
    kind,
    location: at(cell, fields.section, fields.position ?? 0.5),
    rise: fields.rise ?? 0,
    decay: fields.decay ?? 5,
    reversal: fields.reversal ?? 0,
    magnesium: fields.magnesium ?? 0,
  };
}

interface Parts {
  readonly name: string;
  readonly cells: readonly CellDescription[];
  readonly run: RunSettings;
  readonly synapses?: readonly SynapseDescription[];
  readonly sources?: readonly SpikeSource[];
  readonly connections?: readonly Connection[];
  readonly stimuli?: readonly Stimulus[];
  readonly recordings?: Model['recordings'];
  readonly spikes?: Model['spikes'];
  readonly temperature?: number;
}

export function assemble(parts: Parts): Model {
  return {
    name: parts.name,
    temperature: parts.temperature ?? HH_TEMPERATURE,
    channels: [],
    cells: parts.cells,
    stimuli: parts.stimuli ?? [],
    recordings: parts.recordings ?? [],
    spikes: parts.spikes ?? [],
    synapses: parts.synapses ?? [],
    sources: parts.sources ?? [],
    connections: parts.connections ?? [],
    run: parts.run,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenario 1 and 2: a passive compartment driven by one synapse

/** Kinetics of the synapse of the EPSP scenarios: exponential (decay only) or dual exponential. */
export interface SynapseKinetics {
  readonly rise: number;
  readonly decay: number;
  readonly reversal: number;
}

export const EXPONENTIAL: SynapseKinetics = { rise: 0, decay: 3, reversal: 0 };
export const DUAL_EXPONENTIAL: SynapseKinetics = { rise: 0.5, decay: 5, reversal: 0 };
/** Peak conductance of one event, uS (2 nS: twice the compartment's leak conductance of 1 nS). */
export const EPSP_WEIGHT = 0.002;

/** A passive compartment with one synapse driven by a spike train; records v, the synapse's g and i. */
export function passiveEpspModel(kinetics: SynapseKinetics, times: readonly number[], run: RunSettings, weight = EPSP_WEIGHT): Model {
  return assemble({
    name: 'passive-epsp',
    cells: [passiveCell('cell')],
    synapses: [synapse('syn', 'cell', kinetics.rise > 0 ? 'dual-exponential' : 'exponential', kinetics)],
    sources: [{ id: 'train', kind: 'train', times }],
    connections: [{ source: 'train', target: 'syn', weight, delay: 0 }],
    recordings: [
      { id: 'v', location: at('cell'), variable: 'v' },
      { id: 'g', location: at('cell'), variable: 'syn.g' },
      { id: 'i', location: at('cell'), variable: 'syn.i' },
    ],
    run,
  });
}

// ---------------------------------------------------------------------------------------------
// The exact solution, by an integrating factor and adaptive Gauss-Kronrod quadrature

// Gauss-Kronrod 7-15 nodes and weights on [-1, 1] (Piessens et al. 1983, QUADPACK qk15).
const XGK = [0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926, 0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961, 0.207784955007898467600689403773245, 0];
const WGK = [0.022935322010529224963732008058970, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518, 0.140653259715525918745189590510238, 0.169004726639267902826583426598550, 0.190350578064785409913256402421014, 0.204432940075298892414161999234649, 0.209482141084727828012999174891714];
const WG = [0.129484966168869693270611432679082, 0.279705391489276667901467771423780, 0.381830050505118944950369775488975, 0.417959183673469387755102040816327];

function kronrod(f: (x: number) => number, a: number, b: number): { value: number; error: number } {
  const centre = 0.5 * (a + b), half = 0.5 * (b - a);
  const fc = f(centre);
  let kronrodSum = fc * WGK[7];
  let gaussSum = fc * WG[3];
  for (let j = 0; j < 7; j++) {
    const x = half * XGK[j];
    const pair = f(centre - x) + f(centre + x);
    kronrodSum += WGK[j] * pair;
    if (j % 2 === 1) gaussSum += WG[(j - 1) / 2] * pair;
  }
  return { value: kronrodSum * half, error: Math.abs((kronrodSum - gaussSum) * half) };
}

/** ∫_a^b f by adaptive bisection with the 15-point Gauss-Kronrod rule, to an absolute tolerance. */
export function integrate(f: (x: number) => number, a: number, b: number, tolerance = 1e-12, depth = 0): number {
  if (b === a) return 0;
  const { value, error } = kronrod(f, a, b);
  if (error <= tolerance || depth > 40) return value;
  const m = 0.5 * (a + b);
  return integrate(f, a, m, tolerance / 2, depth + 1) + integrate(f, m, b, tolerance / 2, depth + 1);
}

export interface PassiveSynapseProblem {
  /** nF and uS. */
  readonly capacitance: number;
  readonly leak: number;
  /** mV. */
  readonly leakReversal: number;
  readonly kinetics: SynapseKinetics;
  /** uS, peak of one event. */
  readonly weight: number;
  /** Event times, ms, increasing. */
  readonly times: readonly number[];
}

export function passiveProblem(kinetics: SynapseKinetics, times: readonly number[], weight = EPSP_WEIGHT): PassiveSynapseProblem {
  return {
    capacitance: capacitanceNanofarads(PASSIVE.area, PASSIVE.capacitance),
    leak: conductanceMicrosiemens(PASSIVE.area, PASSIVE.g),
    leakReversal: PASSIVE.e,
    kinetics,
    weight,
    times,
  };
}

/** Peak normalisation of a difference of exponentials (NEURON's Exp2Syn), 1 without a rise. */
export function peakFactor({ rise, decay }: SynapseKinetics): number {
  if (!(rise > 0)) return 1;
  const peak = (rise * decay * Math.log(decay / rise)) / (decay - rise);
  return 1 / (Math.exp(-peak / decay) - Math.exp(-peak / rise));
}

/** g(t) (uS) and its integral from 0 to t (uS ms), in closed form. */
export function conductanceFunctions(problem: PassiveSynapseProblem): { g: (t: number) => number; integral: (t: number) => number } {
  const { rise, decay } = problem.kinetics;
  const scale = problem.weight * peakFactor(problem.kinetics);
  const g = (t: number) => {
    let sum = 0;
    for (const ti of problem.times) {
      if (t < ti) break;
      const s = t - ti;
      sum += Math.exp(-s / decay) - (rise > 0 ? Math.exp(-s / rise) : 0);
    }
    return scale * sum;
  };
  const integral = (t: number) => {
    let sum = 0;
    for (const ti of problem.times) {
      if (t < ti) break;
      const s = t - ti;
      sum += -decay * Math.expm1(-s / decay) + (rise > 0 ? rise * Math.expm1(-s / rise) : 0);
    }
    return scale * sum;
  };
  return { g, integral };
}

/** First and second time derivatives of g (uS/ms, uS/ms2) between events (right limits at an event). */
export function conductanceDerivatives(problem: PassiveSynapseProblem): { first: (t: number) => number; second: (t: number) => number } {
  const { rise, decay } = problem.kinetics;
  const scale = problem.weight * peakFactor(problem.kinetics);
  const derivative = (order: 1 | 2) => (t: number) => {
    let sum = 0;
    for (const ti of problem.times) {
      if (t < ti) break;
      const s = t - ti;
      sum += Math.pow(-1 / decay, order) * Math.exp(-s / decay) - (rise > 0 ? Math.pow(-1 / rise, order) * Math.exp(-s / rise) : 0);
    }
    return scale * sum;
  };
  return { first: derivative(1), second: derivative(2) };
}

/**
 * The exact membrane potential at each of `sampleTimes` (increasing, from 0) of C dV/dt = -gL (V - EL) - g(t) (V - Es),
 * V(0) = EL. With u = V - EL and A(t) = (gL t + ∫_0^t g) / C (closed form):
 *   u(t1) = u(t0) exp(-(A(t1) - A(t0))) + ∫_{t0}^{t1} g(s) (Es - EL) / C · exp(-(A(t1) - A(s))) ds,
 * stepped from sample to sample; the remaining integral by adaptive Gauss-Kronrod, split at the event times (where
 * g jumps or kinks), to an absolute 1e-12 mV per interval.
 */
export function exactPassiveVoltage(problem: PassiveSynapseProblem, sampleTimes: ArrayLike<number>): Float64Array {
  const { capacitance: c, leak, leakReversal, kinetics } = problem;
  const { g, integral } = conductanceFunctions(problem);
  const A = (t: number) => (leak * t + integral(t)) / c;
  const drive = (kinetics.reversal - leakReversal) / c;
  const out = new Float64Array(sampleTimes.length);
  let u = 0;
  let previous = 0;
  for (let k = 0; k < sampleTimes.length; k++) {
    const t1 = sampleTimes[k];
    if (t1 > previous) {
      const a1 = A(t1);
      const cuts = [previous, ...problem.times.filter((ti) => ti > previous && ti < t1), t1];
      let piece = 0;
      for (let j = 0; j + 1 < cuts.length; j++) piece += integrate((s) => g(s) * drive * Math.exp(A(s) - a1), cuts[j], cuts[j + 1], 1e-13);
      u = u * Math.exp(A(previous) - a1) + piece;
      previous = t1;
    }
    out[k] = leakReversal + u;
  }
  return out;
}

/** The exact peak (mV) and its time (ms) within [from, to], by golden-section search on the exact solution. */
export function exactPeak(problem: PassiveSynapseProblem, from: number, to: number): { voltage: number; time: number } {
  const value = (t: number) => exactPassiveVoltage(problem, [t])[0];
  // Bracket on a 0.01 ms grid first, then refine.
  let best = from;
  let bestValue = -Infinity;
  for (let t = from; t <= to; t += 0.01) {
    const x = value(t);
    if (x > bestValue) {
      bestValue = x;
      best = t;
    }
  }
  let a = Math.max(from, best - 0.01), b = Math.min(to, best + 0.01);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const x1 = b - ratio * (b - a), x2 = a + ratio * (b - a);
    if (value(x1) > value(x2)) b = x2;
    else a = x1;
  }
  const time = 0.5 * (a + b);
  return { voltage: value(time), time };
}

// ---------------------------------------------------------------------------------------------
// Scenario 2: spatial summation on a passive dendrite

/** Soma (20 x 20 um) with two passive dendrites of 1 um diameter and 400 um (0.44 λ), 40 compartments each. */
export const DENDRITE = { length: 400, diameter: 1, compartments: 40, axialResistivity: 150, g: 5e-5, e: -65 } as const;

export function dendriteCell(): CellDescription {
  const dendrite = (id: string) => ({ id, parent: 'soma', parentPosition: 1, length: DENDRITE.length, diameterStart: DENDRITE.diameter, diameterEnd: DENDRITE.diameter, compartments: DENDRITE.compartments, regions: ['dendrite'] });
  return {
    id: 'neuron',
    morphology: {
      kind: 'sections',
      sections: [{ id: 'soma', parentPosition: 1, length: 20, diameterStart: 20, diameterEnd: 20, compartments: 1, regions: ['soma'] }, dendrite('dendA'), dendrite('dendB')],
    },
    membrane: { capacitance: 1, axialResistivity: DENDRITE.axialResistivity, initialVoltage: DENDRITE.e },
    mechanisms: [{ mechanism: 'pas', parameters: { g: DENDRITE.g, e: DENDRITE.e } }],
    ions: [],
  };
}

/** Two AMPA synapses at given places, each driven (or not) by one event at 5 ms; records v at the soma and at both synapses. */
export function spatialModel(first: { section: string; position: number } | null, second: { section: string; position: number } | null, weight: number): Model {
  const synapses: SynapseDescription[] = [];
  const connections: Connection[] = [];
  const recordings: Model['recordings'][number][] = [{ id: 'soma', location: at('neuron', 'soma'), variable: 'v' }];
  [first, second].forEach((place, index) => {
    if (!place) return;
    synapses.push(synapse(`s${index}`, 'neuron', 'ampa', { rise: 0.34, decay: 5.3, reversal: 0, section: place.section, position: place.position }));
    connections.push({ source: 'train', target: `s${index}`, weight, delay: 0 });
    recordings.push({ id: `local${index}`, location: at('neuron', place.section, place.position), variable: 'v' });
  });
  return assemble({
    name: 'spatial-summation',
    cells: [dendriteCell()],
    synapses,
    sources: [{ id: 'train', kind: 'train', times: [5] }],
    connections,
    recordings,
    run: runSettings(40, 0.025, 'crank-nicolson', 'exact', { recordInterval: 0.025 }),
  });
}

// ---------------------------------------------------------------------------------------------
// Scenario 3: shunting inhibition and excitation vs inhibition

/** A tonic conductance: an exponential synapse whose decay (1e9 ms) makes one event at t = 0 a constant conductance. */
export function tonicSynapse(id: string, cell: string, reversal: number): SynapseDescription {
  return synapse(id, cell, 'exponential', { decay: 1e9, reversal });
}

/** A passive compartment with a tonic excitatory (0 mV) and a tonic shunting (-65 mV, at rest) conductance, uS. */
export function tonicShuntModel(excitation: number, inhibition: number): Model {
  const synapses = [tonicSynapse('exc', 'cell', 0), tonicSynapse('inh', 'cell', PASSIVE.e)];
  const connections: Connection[] = [];
  if (excitation > 0) connections.push({ source: 'onset', target: 'exc', weight: excitation, delay: 0 });
  if (inhibition > 0) connections.push({ source: 'onset', target: 'inh', weight: inhibition, delay: 0 });
  return assemble({
    name: 'tonic-shunt',
    cells: [passiveCell('cell')],
    synapses,
    sources: [{ id: 'onset', kind: 'train', times: [0] }],
    connections,
    recordings: [{ id: 'v', location: at('cell'), variable: 'v' }],
    run: runSettings(150, 0.025, 'crank-nicolson', 'exact', { recordInterval: 0.5 }),
  });
}

/** Transient shunting: an AMPA and a GABA-A (reversal at rest, -65 mV) synapse, each optionally hit at 5 ms. */
export function phasicShuntModel(excitation: number, inhibition: number): Model {
  const connections: Connection[] = [];
  if (excitation > 0) connections.push({ source: 'train', target: 'ampa', weight: excitation, delay: 0 });
  if (inhibition > 0) connections.push({ source: 'train', target: 'gaba', weight: inhibition, delay: 0 });
  return assemble({
    name: 'phasic-shunt',
    cells: [passiveCell('cell')],
    synapses: [synapse('ampa', 'cell', 'ampa', { rise: 0.34, decay: 5.3, reversal: 0 }), synapse('gaba', 'cell', 'gaba-a', { rise: 0.33, decay: 5.6, reversal: PASSIVE.e })],
    sources: [{ id: 'train', kind: 'train', times: [5] }],
    connections,
    recordings: [{ id: 'v', location: at('cell'), variable: 'v' }],
    run: runSettings(40, 0.025, 'crank-nicolson', 'exact'),
  });
}

/**
 * An HH compartment (hh.mod, 6.3 degC), a 1 ms current pulse at 10 ms of `pulse` nA, and a GABA-A-kinetics synapse
 * (dual exponential 0.33 / 5.6 ms) of `weight` uS at 8 ms whose reversal is the only thing that changes.
 */
export function reversalModel(reversal: number, weight: number, pulse: number): Model {
  return assemble({
    name: 'reversal-not-label',
    cells: [hhCell('cell')],
    synapses: [synapse('syn', 'cell', 'gaba-a', { rise: 0.33, decay: 5.6, reversal })],
    sources: [{ id: 'train', kind: 'train', times: [8] }],
    connections: weight > 0 ? [{ source: 'train', target: 'syn', weight, delay: 0 }] : [],
    stimuli: pulse > 0 ? [{ kind: 'current-clamp', id: 'pulse', location: at('cell'), waveform: { shape: 'step', delay: 10, duration: 1, amplitude: pulse, perArea: false } }] : [],
    recordings: [{ id: 'v', location: at('cell'), variable: 'v' }],
    spikes: [{ id: 'spikes', location: at('cell'), threshold: 0 }],
    run: runSettings(40, 0.025, 'crank-nicolson', 'exact'),
  });
}

// ---------------------------------------------------------------------------------------------
// Scenario 4: NMDA Mg2+ block under voltage clamp

/** Jahr & Stevens (1990) as in Destexhe et al. (1998): the unblocked fraction at v (mV) and [Mg2+]o (mM). */
export const jahrStevens = (v: number, magnesium: number) => 1 / (1 + (magnesium / 3.57) * Math.exp(-0.062 * v));

/** One clamped compartment per holding voltage, each with an NMDA synapse hit at 5 ms by the same train. */
export function nmdaClampModel(voltages: readonly number[], magnesium: number, weight = 0.001): Model {
  const cells = voltages.map((_, k) => passiveCell(`c${k}`, voltages[k]));
  return assemble({
    name: 'nmda-magnesium',
    cells,
    synapses: voltages.map((_, k) => synapse(`nmda${k}`, `c${k}`, 'nmda', { rise: 2, decay: 150, reversal: 0, magnesium })),
    sources: [{ id: 'train', kind: 'train', times: [5] }],
    connections: voltages.map((_, k) => ({ source: 'train', target: `nmda${k}`, weight, delay: 0 })),
    stimuli: voltages.map((v, k) => ({ kind: 'voltage-clamp', id: `clamp${k}`, location: at(`c${k}`), levels: [{ duration: 1000, voltage: v }] })),
    recordings: voltages.map((_, k) => ({ id: `i${k}`, location: at(`c${k}`), variable: `nmda${k}.i` })),
    run: runSettings(60, 0.025, 'backward-euler', 'exact'),
  });
}

// ---------------------------------------------------------------------------------------------
// Scenario 5: Poisson drive and a presynaptic cell

/**
 * `count` passive compartments, each with an exponential synapse (decay `decay` ms, reversal 0 mV) driven by its own
 * Poisson source (rate Hz, seeds 1..count); records each synapse's g.
 */
export function poissonModel(count: number, rate: number, duration: number, weight: number, decay: number, timeStep: number): Model {
  const cells = Array.from({ length: count }, (_, k) => passiveCell(`c${k}`));
  return assemble({
    name: 'poisson-barrage',
    cells,
    synapses: cells.map((cell, k) => synapse(`s${k}`, cell.id, 'exponential', { decay, reversal: 0 })),
    sources: cells.map((_, k) => ({ id: `p${k}`, kind: 'poisson', rate, start: 0, stop: duration, seed: k + 1 })),
    connections: cells.map((_, k) => ({ source: `p${k}`, target: `s${k}`, weight, delay: 0 })),
    recordings: cells.flatMap((cell, k) => [
      { id: `g${k}`, location: at(cell.id), variable: `s${k}.g` },
      { id: `v${k}`, location: at(cell.id), variable: 'v' },
    ]),
    run: runSettings(duration, timeStep, 'crank-nicolson', 'exact'),
  });
}

/** A presynaptic HH cell fired by a 1 ms, 0.2 nA pulse at 5 ms; its detector drives an AMPA synapse on a passive cell after `delay`. */
export function prePostModel(delay: number, run: RunSettings): Model {
  return assemble({
    name: 'presynaptic-cell',
    cells: [hhCell('pre'), passiveCell('post')],
    synapses: [synapse('ampa', 'post', 'ampa', { rise: 0.34, decay: 5.3, reversal: 0 })],
    spikes: [{ id: 'pre-spike', location: at('pre'), threshold: 0 }],
    connections: [{ source: 'pre-spike', target: 'ampa', weight: 0.002, delay }],
    stimuli: [{ kind: 'current-clamp', id: 'pulse', location: at('pre'), waveform: { shape: 'step', delay: 5, duration: 1, amplitude: 0.2, perArea: false } }],
    recordings: [
      { id: 'pre', location: at('pre'), variable: 'v' },
      { id: 'post', location: at('post'), variable: 'v' },
    ],
    run,
  });
}
