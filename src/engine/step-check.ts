/**
 * Before a fixed-step run: can the time step resolve the model's kinetics? A step much longer than the fastest time
 * constants does not fail loudly: exponential Euler takes every gate straight to its steady state at the old voltage,
 * the staggered voltage solve then overshoots or lags (backward Euler damps spikes away, Crank-Nicolson swings between
 * extremes every step), and the run ends "successfully" with wrong spikes. So the step is compared with two
 * time constants, both evaluated from the catalogue's own kernels at the model's temperature, with each placement's
 * parameters, at every millivolt of the physiological range -100..+60 mV:
 *
 * - the fastest switching gate: for every gate, tau(V) from the mechanism's `derivatives` kernel (a gate obeys
 *   dx/dt = (x_inf - x) / tau, so 1 / tau = f(0) - f(1)), where the gate is switching (0.01 <= x_inf <= 0.99).
 *   Where a gate is saturated its tau does not matter: exponential Euler is exact for a relaxation at fixed V and
 *   the gate relaxes to 0 or 1 either way (hh's m has tau = 0.036 ms at -100 mV and 6.3 degC, and does nothing
 *   there). Where it switches it shapes the spike (hh's m: tau = 0.12 ms at -78 mV);
 * - the fastest membrane time constant, C_m / g, with g the largest steady-state membrane conductance of any node
 *   (the sum over its mechanisms, gates at steady state, the chord conductance the implicit solve uses): the time
 *   scale of the voltage itself during a spike (hh: 0.030 ms, gK fully open at +60 mV). For Crank-Nicolson it also
 *   bounds ringing: its amplification of a decaying mode, (1 - x/2) / (1 + x/2) with x = dt / tau, tends to -1.
 *
 * The criterion: dt <= GATE_STEP_FACTOR * tau_gate and dt <= MEMBRANE_STEP_FACTOR * tau_membrane, with
 * GATE_STEP_FACTOR = 7 and MEMBRANE_STEP_FACTOR = 10, calibrated on hh (step-check.test.ts):
 * - what must pass: every example model, the Rallpacks at their standard 0.025 ms, the validation suite and the
 *   lab's screens. The gate limit is set by warm hh, whose rates are 3^((T - 6.3)/10) times faster while its
 *   membrane time constant does not change: the validation suite's hh at 37 degC with dt = 0.025 ms is 6.07
 *   tau_gate (m switches with tau = 0.0041 ms), the lab's action-potential screen at its warmest, 35 degC, 4.87.
 *   The membrane limit has room: the largest ratio in the suite is 0.84 tau_membrane (hh, 0.025 ms);
 * - what must fail: hh at dt = 10 ms (83 tau_gate, 330 tau_membrane: Crank-Nicolson swings between -154 and +5 mV,
 *   backward Euler fires no spike); the Rallpack 3 axon at dt = 1 ms (8.3 tau_gate, 33 tau_membrane: its spikes late
 *   by a quarter of their interval); the hh compartment at dt = 0.5 ms (4.2 tau_gate but 17 tau_membrane), where
 *   backward Euler loses one spike in seven.
 * The gate limit alone cannot do it (hh at 0.5 ms is under-resolved at fewer gate taus than the lab at 35 degC,
 * which is fine); with the membrane limit the largest accepted step for hh at 6.3 degC is 0.3 ms, where backward
 * Euler keeps all seven spikes (5 % late). It is a limit on gross under-resolution, not an accuracy guarantee:
 * accuracy needs a convergence check (halve dt, compare). Axial coupling is not included: fine compartments under
 * Crank-Nicolson can still ring after a stimulus edge, which the run-time check (oscillation.ts) stops if it
 * persists.
 *
 * The adaptive integrator chooses its own steps and is exempt.
 */
import type { MechanismBlock, MechanismDefinition, MembraneArrays } from '../mechanisms/types.js';
import { ZERO_CELSIUS } from '../units/constants.js';
import { InputError } from '../units/errors.js';
import { ION_NAMES, type CompiledModel } from './compile.js';
import { describeNode } from './describe-node.js';

/** The physiological voltage range over which kinetics are sampled, mV (every 1 mV). */
export const PHYSIOLOGICAL_VOLTAGES = { lowest: -100, highest: 60 } as const;
/** Largest step, in units of the fastest switching gate's time constant. */
export const GATE_STEP_FACTOR = 7;
/** Largest step, in units of the fastest membrane time constant. */
export const MEMBRANE_STEP_FACTOR = 10;
/** A gate is switching where its steady state lies in [SWITCHING, 1 - SWITCHING]. */
const SWITCHING = 0.01;

export interface FastestGate {
  readonly mechanism: string;
  readonly gate: string;
  /** ms */
  readonly timeConstant: number;
  /** mV, where the time constant is smallest. */
  readonly voltage: number;
}

export interface FastestMembrane {
  /** ms */
  readonly timeConstant: number;
  readonly node: number;
}

const VOLTAGES = Float64Array.from(
  { length: PHYSIOLOGICAL_VOLTAGES.highest - PHYSIOLOGICAL_VOLTAGES.lowest + 1 },
  (_, k) => PHYSIOLOGICAL_VOLTAGES.lowest + k,
);

/** The distinct parameter sets of a placed mechanism block: the set of each row, and one representative row per set. */
interface ParameterSets {
  readonly setOfRow: Int32Array;
  readonly representative: readonly number[];
  /** Everything the probe's result depends on, as text (the cache key). */
  readonly key: string;
}

function parameterSets(compiled: CompiledModel, definition: MechanismDefinition, placed: MechanismBlock, timeStep: number): ParameterSets {
  const setOfRow = new Int32Array(placed.count);
  const representative: number[] = [];
  const index = new Map<string, number>();
  const membrane = compiled.membrane;
  let key = `${definition.name}|${timeStep}|${membrane.temperature}`;
  for (let i = 0; i < placed.count; i++) {
    let parameters = '';
    for (const column of placed.parameters) parameters += `${column[i]},`;
    let set = index.get(parameters);
    if (set === undefined) {
      set = representative.length;
      index.set(parameters, set);
      representative.push(i);
      // A set's result also depends on its node's ions (reversal potentials, concentrations: GHK leaks, pumps).
      const node = placed.node[i];
      key += `|${parameters}`;
      for (const ion of ION_NAMES) key += `${membrane.reversal[ion][node]},${membrane.inside[ion][node]},${membrane.outside[ion][node]};`;
    }
    setOfRow[i] = set;
  }
  return { setOfRow, representative, key };
}

/**
 * A probe of one mechanism: one row per (distinct parameter set, voltage), on a membrane of its own whose ion
 * concentrations and reversal potentials are those of a node holding that parameter set. The model's own arrays are
 * never touched.
 */
interface Probe {
  readonly block: MechanismBlock;
  readonly membrane: MembraneArrays;
}

function makeProbe(compiled: CompiledModel, definition: MechanismDefinition, placed: MechanismBlock, representative: readonly number[], timeStep: number): Probe {
  const voltages = VOLTAGES.length;
  const count = representative.length * voltages;
  const rowOf = (r: number) => representative[Math.floor(r / voltages)];
  const nodeOf = (r: number) => placed.node[rowOf(r)];
  const source = compiled.membrane;
  const perIon = (from: Readonly<Record<string, Float64Array>>) =>
    Object.fromEntries(ION_NAMES.map((ion) => [ion, Float64Array.from({ length: count }, (_, r) => from[ion][nodeOf(r)])])) as MembraneArrays['reversal'];
  const zeros = () => Object.fromEntries(ION_NAMES.map((ion) => [ion, new Float64Array(count)])) as MembraneArrays['reversal'];
  const membrane: MembraneArrays = {
    v: Float64Array.from({ length: count }, (_, r) => VOLTAGES[r % voltages]),
    current: new Float64Array(count),
    conductance: new Float64Array(count),
    ionCurrent: zeros(),
    ionConductance: zeros(),
    reversal: perIon(source.reversal),
    inside: perIon(source.inside),
    outside: perIon(source.outside),
    temperature: source.temperature,
    tracksIonCurrents: true,
  };
  const block: MechanismBlock = {
    count,
    node: Int32Array.from({ length: count }, (_, r) => r),
    parameters: placed.parameters.map((column) => Float64Array.from({ length: count }, (_, r) => column[rowOf(r)])),
    states: definition.states.map(() => new Float64Array(count)),
    conductances: definition.conductances.map(() => new Float64Array(count)),
    reportsConductances: false,
    scratch: null,
  };
  definition.kernels.prepare(block, membrane, { timeStep, rates: 'exact' });
  return { block, membrane };
}

/** The fastest switching gate of one probed mechanism, over its parameter sets and the voltage range. */
function probeFastestGate(definition: MechanismDefinition, { block, membrane }: Probe): FastestGate | undefined {
  let fastest: FastestGate | undefined;
  const states = block.states;
  const at = (value: number) => {
    for (const state of states) state.fill(value);
    const out = states.map(() => new Float64Array(block.count));
    definition.kernels.derivatives(block, membrane, out);
    return out;
  };
  const closed = at(0);
  const open = at(1);
  const half = at(0.5);
  states.forEach((_, s) => {
    for (let r = 0; r < block.count; r++) {
      const rate = closed[s][r] - open[s][r];
      // A gate relaxes linearly in its own state: f(1/2) is the mean of f(0) and f(1). Anything else is not a gate.
      const linear = Math.abs(half[s][r] - (closed[s][r] + open[s][r]) / 2) <= 1e-9 * (Math.abs(closed[s][r]) + Math.abs(open[s][r]));
      if (!(rate > 0) || !Number.isFinite(rate) || !linear) continue;
      const steadyState = closed[s][r] / rate;
      if (!(steadyState >= SWITCHING && steadyState <= 1 - SWITCHING)) continue;
      const timeConstant = 1 / rate;
      if (!fastest || timeConstant < fastest.timeConstant) {
        fastest = { mechanism: definition.name, gate: definition.states[s].name, timeConstant, voltage: membrane.v[r] };
      }
    }
  });
  return fastest;
}

/** The largest steady-state conductance of each parameter set of one probed mechanism over the voltage range. */
function probeLargestConductance(definition: MechanismDefinition, probe: Probe, sets: number): Float64Array {
  definition.kernels.initialise(probe.block, probe.membrane);
  probe.membrane.current.fill(0);
  probe.membrane.conductance.fill(0);
  definition.kernels.accumulate(probe.block, probe.membrane);
  const largest = new Float64Array(sets);
  const g = probe.membrane.conductance;
  for (let r = 0; r < g.length; r++) {
    const set = Math.floor(r / VOLTAGES.length);
    if (g[r] > largest[set]) largest[set] = g[r];
  }
  return largest;
}

interface BlockSummary {
  readonly gate: FastestGate | undefined;
  readonly largestConductance: Float64Array;
}

/**
 * Probe results by everything they depend on (mechanism, time step, temperature, each parameter set with its node's
 * ions): a parameter sweep prepares the same mechanisms hundreds of times, and probing them costs about 0.5 ms a
 * model. Bounded: cleared when it holds SUMMARY_CACHE_SIZE entries.
 */
const summaries = new Map<string, BlockSummary>();
const SUMMARY_CACHE_SIZE = 256;

function summarise(compiled: CompiledModel, definition: MechanismDefinition, placed: MechanismBlock, timeStep: number): { sets: ParameterSets; summary: BlockSummary } {
  const sets = parameterSets(compiled, definition, placed, timeStep);
  let summary = summaries.get(sets.key);
  if (summary === undefined) {
    const probe = makeProbe(compiled, definition, placed, sets.representative, timeStep);
    // The gates first (they fill the states); the conductances after initialising the states to steady state.
    const gate = definition.states.length > 0 ? probeFastestGate(definition, probe) : undefined;
    summary = { gate, largestConductance: probeLargestConductance(definition, probe, sets.representative.length) };
    if (summaries.size >= SUMMARY_CACHE_SIZE) summaries.clear();
    summaries.set(sets.key, summary);
  }
  return { sets, summary };
}

/**
 * The fastest switching gate of the model: the smallest tau over the physiological range where the gate's steady
 * state is between 0.01 and 0.99, over every placed mechanism and parameter set. Undefined without gates.
 */
export function fastestGate(compiled: CompiledModel, timeStep = compiled.model.run.timeStep): FastestGate | undefined {
  let fastest: FastestGate | undefined;
  for (const { definition, block: placed } of compiled.mechanisms) {
    if (definition.states.length === 0 || placed.count === 0) continue;
    const { gate } = summarise(compiled, definition, placed, timeStep).summary;
    if (gate && (!fastest || gate.timeConstant < fastest.timeConstant)) fastest = gate;
  }
  return fastest;
}

/**
 * The fastest membrane time constant of any node with capacitance: C / g, with g the sum over the node's mechanisms
 * of each one's largest steady-state conductance (gates at steady state, chord conductance as the implicit solve
 * sees it) over the physiological range. Undefined when no node has a mechanism.
 */
export function fastestMembrane(compiled: CompiledModel, timeStep = compiled.model.run.timeStep): FastestMembrane | undefined {
  const conductance = new Float64Array(compiled.tree.nodeCount);
  for (const { definition, block: placed } of compiled.mechanisms) {
    if (placed.count === 0) continue;
    const { sets, summary } = summarise(compiled, definition, placed, timeStep);
    for (let i = 0; i < placed.count; i++) conductance[placed.node[i]] += summary.largestConductance[sets.setOfRow[i]];
  }
  let fastest: FastestMembrane | undefined;
  for (let node = 0; node < conductance.length; node++) {
    const absolute = conductance[node] * compiled.densityToAbsolute[node];
    if (!(absolute > 0) || !(compiled.capacitance[node] > 0)) continue;
    // nF / uS = ms.
    const timeConstant = compiled.capacitance[node] / absolute;
    if (!fastest || timeConstant < fastest.timeConstant) fastest = { timeConstant, node };
  }
  return fastest;
}

/** A step for a message: 3 significant digits, rounded down, so that "use at most" is safe as printed. */
function safeStep(limit: number): string {
  const digits = 10 ** (Math.floor(Math.log10(limit)) - 2);
  return `${Number((Math.floor(limit / digits) * digits).toPrecision(3))} ms`;
}

function shown(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** The largest fixed step that passes `checkTimeStep` for this model, ms (Infinity: no limit). */
export function largestSafeTimeStep(compiled: CompiledModel): number {
  const gate = fastestGate(compiled);
  const membrane = fastestMembrane(compiled);
  return Math.min(
    gate ? GATE_STEP_FACTOR * gate.timeConstant : Number.POSITIVE_INFINITY,
    membrane ? MEMBRANE_STEP_FACTOR * membrane.timeConstant : Number.POSITIVE_INFINITY,
  );
}

/**
 * Refuses (InputError on run.timeStep) a fixed step that cannot resolve the model's fastest switching gate or its
 * fastest membrane time constant; the message names the limiting time constant and the largest safe step. `force`
 * skips the check. The adaptive integrator is exempt.
 */
export function checkTimeStep(compiled: CompiledModel, options: { readonly force?: boolean } = {}): void {
  const { run } = compiled.model;
  if (options.force || run.integrator === 'adaptive') return;
  const dt = run.timeStep;
  const limit = largestSafeTimeStep(compiled);
  if (!(dt > limit)) return;
  const gate = fastestGate(compiled);
  const membrane = fastestMembrane(compiled);
  const celsius = `${shown(compiled.membrane.temperature - ZERO_CELSIUS)} °C`;
  const reasons: string[] = [];
  if (gate && dt > GATE_STEP_FACTOR * gate.timeConstant) {
    reasons.push(`the fastest gate (${gate.mechanism} ${gate.gate}, tau = ${shown(gate.timeConstant)} ms at ${gate.voltage} mV and ${celsius}; a step may be at most ${GATE_STEP_FACTOR} tau)`);
  }
  if (membrane && dt > MEMBRANE_STEP_FACTOR * membrane.timeConstant) {
    reasons.push(`the fastest membrane time constant (C/g = ${shown(membrane.timeConstant)} ms in ${describeNode(compiled, membrane.node)}; a step may be at most ${MEMBRANE_STEP_FACTOR} tau)`);
  }
  throw new InputError(
    'run.timeStep',
    `${dt} ms`,
    `at most ${safeStep(limit)}: ${dt} ms cannot resolve ${reasons.join(' nor ')}; use at most ${safeStep(limit)}, ` +
      'or force the step with --force-time-step (forceTimeStep in the library) and compare with a run at half the step',
  );
}
