/**
 * Small models for the engine's and the mechanisms' unit tests, written as validated `Model` objects (plain data in
 * canonical units), so that the engine is tested apart from the file format. Test support only: nothing in the
 * library imports this file.
 */
import type { MechanismBlock, MechanismDefinition, MembraneArrays, RateMode } from '../mechanisms/types.js';
import type { CellDescription, IonName, MechanismPlacement, Model, Recording, RunSettings, SpikeDetector, Stimulus } from '../model/types.js';

/** Temperature of the HH rates, 6.3 degC in K. */
export const HH_TEMPERATURE = 279.45;
/** Diameter (= length) of a cylinder of lateral area 1000 um2: pi d L = pi d^2 = 1000. */
export const SIDE_1000_UM2 = Math.sqrt(1000 / Math.PI);
/** The location of the one compartment of `singleCompartment`. */
export const SOMA = { cell: 'soma', section: 'soma', position: 0.5 } as const;

export function runSettings(
  duration: number,
  timeStep: number,
  integrator: RunSettings['integrator'],
  extra: Partial<RunSettings> = {},
): RunSettings {
  return {
    duration,
    timeStep,
    integrator,
    rates: 'exact',
    absoluteTolerance: 1e-6,
    relativeTolerance: 1e-7,
    recordInterval: timeStep,
    ...extra,
  };
}

export interface SingleCompartmentOptions {
  readonly mechanisms?: readonly MechanismPlacement[];
  readonly stimuli?: readonly Stimulus[];
  readonly recordings?: readonly Recording[];
  readonly spikes?: readonly SpikeDetector[];
  readonly run: RunSettings;
  readonly channels?: Model['channels'];
  readonly initialVoltage?: number;
  readonly capacitance?: number;
  readonly temperature?: number;
}

/** One cylinder of 1000 um2 lateral area (section `soma` of cell `soma`), cm 1 uF/cm2 unless told otherwise. */
export function singleCompartment(options: SingleCompartmentOptions): Model {
  const cell: CellDescription = {
    id: 'soma',
    morphology: { kind: 'single', section: 'soma', length: SIDE_1000_UM2, diameter: SIDE_1000_UM2 },
    membrane: { capacitance: options.capacitance ?? 1, axialResistivity: 35.4, initialVoltage: options.initialVoltage ?? -65 },
    mechanisms: options.mechanisms ?? [],
    ions: [],
  };
  return {
    name: 'single-compartment',
    temperature: options.temperature ?? HH_TEMPERATURE,
    channels: options.channels ?? [],
    cells: [cell],
    stimuli: options.stimuli ?? [],
    recordings: options.recordings ?? [{ id: 'v', location: SOMA, variable: 'v' }],
    spikes: options.spikes ?? [],
    run: options.run,
  };
}

/** A constant current (nA, or mA/cm2 when `perArea`) into the soma from `delay` for `duration`. */
export function currentStep(amplitude: number, delay = 0, duration = 1e9, perArea = false): Stimulus {
  return { kind: 'current-clamp', id: 'clamp', location: SOMA, waveform: { shape: 'step', delay, duration, amplitude, perArea } };
}

/** Membrane arrays for one node per voltage (ena 50, ek -77 mV, as NEURON's defaults), tracking ion currents. */
export function membraneAt(voltages: readonly number[], temperature: number): MembraneArrays {
  const count = voltages.length;
  const perIon = (): Record<IonName, Float64Array> => ({
    na: new Float64Array(count),
    k: new Float64Array(count),
    cl: new Float64Array(count),
    ca: new Float64Array(count),
  });
  const reversal = perIon();
  reversal.na.fill(50);
  reversal.k.fill(-77);
  return {
    v: Float64Array.from(voltages),
    current: new Float64Array(count),
    conductance: new Float64Array(count),
    ionCurrent: perIon(),
    ionConductance: perIon(),
    reversal,
    inside: perIon(),
    outside: perIon(),
    temperature,
    tracksIonCurrents: true,
  };
}

/** A block of `definition` on nodes 0..count-1 with its default parameters, reporting its conductances. */
export function blockOf(definition: MechanismDefinition, count: number): MechanismBlock {
  return {
    count,
    node: Int32Array.from({ length: count }, (_, i) => i),
    parameters: definition.parameters.map((p) => new Float64Array(count).fill(p.defaultValue)),
    states: definition.states.map(() => new Float64Array(count)),
    conductances: definition.conductances.map(() => new Float64Array(count)),
    reportsConductances: true,
    scratch: null,
  };
}

/** A block prepared (rate mode, time step) and initialised at the given voltages. */
export function preparedBlock(definition: MechanismDefinition, voltages: readonly number[], temperature: number, timeStep: number, rates: RateMode) {
  const membrane = membraneAt(voltages, temperature);
  const block = blockOf(definition, voltages.length);
  definition.kernels.prepare(block, membrane, { timeStep, rates });
  definition.kernels.initialise(block, membrane);
  return { membrane, block };
}

/** Inside and outside concentrations (mM) of some ions at a node. */
export type NodeConcentrations = Partial<Record<IonName, { readonly inside: number; readonly outside: number }>>;

/**
 * One node at v with the given concentrations, the mechanism's defaults overridden by `parameters`, prepared,
 * initialised and accumulated once (exact rates): the mechanism's current i (mA/cm2) and dI/dV g (S/cm2).
 */
export function accumulateAtNode(
  definition: MechanismDefinition,
  v: number,
  temperature: number,
  concentrations: NodeConcentrations,
  parameters: Readonly<Record<string, number>> = {},
  tracks = true,
) {
  const membrane = membraneAt([v], temperature);
  membrane.tracksIonCurrents = tracks;
  for (const [ion, c] of Object.entries(concentrations) as [IonName, { inside: number; outside: number }][]) {
    membrane.inside[ion][0] = c.inside;
    membrane.outside[ion][0] = c.outside;
  }
  const block = blockOf(definition, 1);
  definition.parameters.forEach((p, index) => {
    if (p.name in parameters && parameters[p.name] !== undefined) block.parameters[index][0] = parameters[p.name];
  });
  definition.kernels.prepare(block, membrane, { timeStep: 0.025, rates: 'exact' });
  definition.kernels.initialise(block, membrane);
  definition.kernels.accumulate(block, membrane);
  return { membrane, block, i: membrane.current[0], g: membrane.conductance[0] };
}
