/**
 * The model description: a whole simulation as plain, immutable, JSON-serialisable data.
 *
 * These are the types AFTER validation: every quantity is a plain number in the canonical unit of
 * ../units (mV, ms, um, um2, S/cm2, mA/cm2, nA, uS, uF/cm2, ohm*cm, mM, K, MOhm, Hz). The schema in
 * ./schema.ts accepts the same shape with quantities as strings carrying units (`"-65 mV"`), checks
 * them and converts them once. Nothing here knows how to simulate: the engine compiles this.
 */

/** Reference of a mechanism, channel or example: where its numbers come from. */
export interface Citation {
  readonly source: string;
  readonly note?: string;
}

// ---------------------------------------------------------------------------------------------
// Morphology

/** One compartment: a cylinder of the given length and diameter (um), or an area (um2). */
export interface SingleCompartmentMorphology {
  readonly kind: 'single';
  /** Name of the only section; default `soma`. */
  readonly section: string;
  readonly length: number;
  readonly diameter: number;
}

/** An unbranched cable of `compartments` equal segments (NEURON `nseg`). */
export interface CableMorphology {
  readonly kind: 'cable';
  /** Name of the only section; default `cable`. */
  readonly section: string;
  readonly length: number;
  readonly diameter: number;
  readonly compartments: number;
  /** Region name of the whole cable, for mechanism placement; default the section name. */
  readonly region: string;
}

/** A section of a branched tree: a cylinder (or a truncated cone) split into equal compartments. */
export interface Section {
  readonly id: string;
  /** Parent section id; absent for the root. */
  readonly parent?: string;
  /** Where on the parent it attaches, 0..1; default 1 (the parent's far end). */
  readonly parentPosition: number;
  readonly length: number;
  /** Diameter at the start (position 0) and the end (position 1); equal for a cylinder. */
  readonly diameterStart: number;
  readonly diameterEnd: number;
  readonly compartments: number;
  /** Region names this section belongs to (for mechanism placement); default `[id]`. */
  readonly regions: readonly string[];
}

export interface SectionTreeMorphology {
  readonly kind: 'sections';
  readonly sections: readonly Section[];
}

/** SWC-style points (Cannon et al. 1998): type 1 soma, 2 axon, 3 basal, 4 apical dendrite. */
export interface SwcPoint {
  readonly id: number;
  readonly type: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly radius: number;
  /** Parent point id, -1 for the root. */
  readonly parent: number;
}

export interface PointsMorphology {
  readonly kind: 'points';
  readonly points: readonly SwcPoint[];
  /** Longest compartment allowed when unbranched runs of points are split (um); default 20. */
  readonly maximumCompartmentLength: number;
}

export type Morphology = SingleCompartmentMorphology | CableMorphology | SectionTreeMorphology | PointsMorphology;

// ---------------------------------------------------------------------------------------------
// Membrane, ions, mechanisms

export interface MembraneProperties {
  /** Specific membrane capacitance, uF/cm2. */
  readonly capacitance: number;
  /** Axial (cytoplasmic) resistivity, ohm*cm. */
  readonly axialResistivity: number;
  /** Membrane potential at t = 0, mV. */
  readonly initialVoltage: number;
}

export type IonName = 'na' | 'k' | 'cl' | 'ca';

/** Concentrations and reversal potential of one ion in a cell. */
export interface IonSettings {
  readonly ion: IonName;
  /** Inside concentration, mM (when known). */
  readonly inside?: number;
  /** Outside concentration, mM (when known). */
  readonly outside?: number;
  /** A fixed reversal potential (mV), or `nernst` to compute it from the concentrations and temperature. */
  readonly reversal: number | 'nernst';
}

/** A mechanism (from the catalogue or a `channels` entry) placed on regions, with parameter overrides. */
export interface MechanismPlacement {
  /** Catalogue name (`hh`, `pas`, `traub-miles`, ...) or the name of a channel in `Model.channels`. */
  readonly mechanism: string;
  /** Region names; absent means every section of the cell. */
  readonly regions?: readonly string[];
  /** Overrides of the mechanism's parameters, canonical units, keyed by parameter name. */
  readonly parameters: Readonly<Record<string, number>>;
}

/** Membrane properties that differ on some regions (e.g. myelinated internodes: low capacitance). */
export interface RegionMembrane {
  readonly regions: readonly string[];
  /** uF/cm2. */
  readonly capacitance?: number;
  /** ohm*cm. */
  readonly axialResistivity?: number;
}

/**
 * Concentrations that move with the ionic currents (part 3). The ions listed in `dynamic` change inside each
 * compartment (volume from its geometry) by d[C]/dt = -I_ion / (z F volume); their reversal potentials then
 * follow Nernst (the ion's `reversal` must be `nernst`). Optional: a restricted extracellular space around the
 * membrane (Frankenhaeuser & Hodgkin 1956) of the given thickness, exchanging with the bath with a time constant;
 * impermeant anions inside; and a cell volume that follows the osmotic balance.
 */
export interface ConcentrationDynamics {
  readonly dynamic: readonly IonName[];
  readonly outsideSpace?: {
    /** um. */
    readonly thickness: number;
    /** Time constant of exchange with the bath, ms; absent for a closed space (no exchange). */
    readonly bathTimeConstant?: number;
  };
  readonly impermeantAnions?: {
    /** mM inside at t = 0. */
    readonly concentration: number;
    readonly valence: number;
  };
  /** Cell volume follows water flux driven by the osmotic difference (single-compartment models). */
  readonly waterPermeability?: number;
  /**
   * A fast calcium buffer inside (total concentration and dissociation constant, mM), in equilibrium with free
   * Ca2+ at all times: only a fraction of the calcium that enters stays free (Neher & Augustine 1992).
   */
  readonly calciumBuffer?: { readonly total: number; readonly dissociation: number };
}

export interface CellDescription {
  readonly id: string;
  readonly morphology: Morphology;
  readonly membrane: MembraneProperties;
  readonly regionMembrane?: readonly RegionMembrane[];
  readonly mechanisms: readonly MechanismPlacement[];
  readonly ions: readonly IonSettings[];
  readonly concentrations?: ConcentrationDynamics;
}

// ---------------------------------------------------------------------------------------------
// Generic Hodgkin-Huxley-type channels as data (NeuroML2 rate conventions)

/**
 * Rate and steady-state forms, with NeuroML2's conventions (v in mV, rates in 1/ms):
 * - exponential: rate * exp((v - midpoint) / scale)
 * - sigmoid: rate / (1 + exp(-(v - midpoint) / scale))
 * - exp-linear: rate * x / (1 - exp(-x)), x = (v - midpoint) / scale (finite at x = 0)
 * - constant: rate
 */
export type RateFunction =
  | { readonly form: 'exponential'; readonly rate: number; readonly midpoint: number; readonly scale: number }
  | { readonly form: 'sigmoid'; readonly rate: number; readonly midpoint: number; readonly scale: number }
  | { readonly form: 'exp-linear'; readonly rate: number; readonly midpoint: number; readonly scale: number }
  | { readonly form: 'constant'; readonly rate: number };

/** A gate given by opening and closing rates (1/ms). */
export interface RateGate {
  readonly name: string;
  readonly power: number;
  readonly alpha: RateFunction;
  readonly beta: RateFunction;
}

/** A gate given by its steady state (dimensionless, `rate` is its maximum, normally 1) and time constant (ms). */
export interface SteadyStateGate {
  readonly name: string;
  readonly power: number;
  readonly steadyState: RateFunction;
  readonly timeConstant: RateFunction;
}

export type GateDefinition = RateGate | SteadyStateGate;

export interface ChannelDefinition {
  readonly name: string;
  /** The ion it carries (its reversal potential comes from the cell's ion settings), or `nonspecific`. */
  readonly ion: IonName | 'nonspecific';
  /** Default maximal conductance, S/cm2. */
  readonly conductance: number;
  /** Reversal potential (mV), required for `nonspecific`; otherwise an override of the ion's. */
  readonly reversal?: number;
  readonly gates: readonly GateDefinition[];
  /** Temperature at which the rates were measured (K) and their Q10; rates scale by q10^((T - T0)/10). */
  readonly rateTemperature: number;
  readonly q10: number;
  readonly citation?: Citation;
}

// ---------------------------------------------------------------------------------------------
// Locations, stimuli, recordings

/** A point on a cell: a section and a position 0..1 along it (NEURON's `sec(x)`), or an SWC point id. */
export interface Location {
  readonly cell: string;
  readonly section?: string;
  readonly position: number;
  /** For `points` morphologies: the SWC point id (instead of section and position). */
  readonly point?: number;
}

/**
 * A current-clamp waveform (times in ms). Current values are in nA, or, when `perArea` is true, current
 * densities in mA/cm2 that the engine multiplies by the area of the compartment they enter. In a model
 * file the unit of the values decides (`"0.1 nA"` or `"10 uA/cm2"`); all values of one waveform share it.
 */
export type CurrentWaveform =
  | { readonly shape: 'step'; readonly delay: number; readonly duration: number; readonly amplitude: number; readonly perArea: boolean }
  | {
      readonly shape: 'train';
      readonly delay: number;
      /** Width of each pulse. */
      readonly duration: number;
      /** Start-to-start interval between pulses. */
      readonly interval: number;
      readonly count: number;
      readonly amplitude: number;
      readonly perArea: boolean;
    }
  | {
      readonly shape: 'ramp';
      readonly delay: number;
      readonly duration: number;
      /** Values at the start and the end of the ramp. */
      readonly from: number;
      readonly to: number;
      readonly perArea: boolean;
    }
  | {
      readonly shape: 'sine';
      readonly delay: number;
      readonly duration: number;
      readonly amplitude: number;
      /** Hz. */
      readonly frequency: number;
      /** Constant offset added to the sine. */
      readonly offset: number;
      /** Radians. */
      readonly phase: number;
      readonly perArea: boolean;
    }
  | {
      readonly shape: 'noise';
      readonly delay: number;
      readonly duration: number;
      /** Gaussian white noise, a new value every `interval` ms, from a seeded generator. */
      readonly mean: number;
      readonly standardDeviation: number;
      readonly interval: number;
      readonly seed: number;
      readonly perArea: boolean;
    };

export interface CurrentClamp {
  readonly kind: 'current-clamp';
  readonly id: string;
  readonly location: Location;
  readonly waveform: CurrentWaveform;
}

/** One level of a voltage-clamp protocol: hold `voltage` (mV) for `duration` (ms). */
export interface ClampLevel {
  readonly duration: number;
  readonly voltage: number;
}

export interface VoltageClamp {
  readonly kind: 'voltage-clamp';
  readonly id: string;
  readonly location: Location;
  /** Consecutive levels from t = 0; after the last, the clamp releases (no current). */
  readonly levels: readonly ClampLevel[];
  /** Series (access) resistance, MOhm; absent or 0 means an ideal clamp. */
  readonly seriesResistance?: number;
}

export type Stimulus = CurrentClamp | VoltageClamp;

/**
 * A trace to record. `variable` is `v` (mV), an ionic current density `i_na`/`i_k`/`i_cl`/`i_ca`
 * (mA/cm2), a reversal potential `e_na`..., a concentration `na_inside`/`na_outside`... (mM), the amount of an
 * ion moved across the membrane since t = 0 `na_moved`... (mol, positive outward), a mechanism state,
 * conductance or current as `<mechanism>.<name>` (`hh.m`, `hh.gna`, `na-k-pump.i`), `<stimulus id>.i` for a
 * clamp current (nA), `<synapse id>.g` (uS) or `<synapse id>.i` (nA), or `volume` (um3).
 */
export interface Recording {
  readonly id: string;
  readonly location: Location;
  readonly variable: string;
}

/** Spike detection at a location: upward crossings of `threshold` (mV), times interpolated. */
export interface SpikeDetector {
  readonly id: string;
  readonly location: Location;
  readonly threshold: number;
  /** Dead time after a spike (ms) during which crossings are not counted; absent means 0. */
  readonly refractory?: number;
}

/** Conduction velocity from the first spike at one detector to the first spike at another. */
export interface VelocityMeasurement {
  readonly from: string;
  readonly to: string;
}

// ---------------------------------------------------------------------------------------------
// Synapses, spike sources and connections (part 3)

/**
 * A conductance synapse at a location: g(t) in uS, i = g (v - reversal) (nA, outward positive).
 * - exponential: each event of weight w adds w to g, which decays with `decay` (ms);
 * - dual-exponential: the difference of exponentials with `rise` and `decay`, normalised so an event of weight w
 *   peaks at w;
 * `kind` presets (AMPA, NMDA, GABA-A, GABA-B) fill these from Destexhe, Mainen & Sejnowski (1998); NMDA adds the
 * Mg2+ block of Jahr & Stevens (1990) with `magnesium` (mM).
 */
export interface SynapseDescription {
  readonly id: string;
  readonly kind: 'exponential' | 'dual-exponential' | 'ampa' | 'nmda' | 'gaba-a' | 'gaba-b';
  readonly location: Location;
  /** ms; absent for `exponential` (0 for it). */
  readonly rise: number;
  /** ms. */
  readonly decay: number;
  /** mV. */
  readonly reversal: number;
  /** mM external Mg2+ for the NMDA block; 0 for no block. */
  readonly magnesium: number;
}

/** Spike times given in advance, or a Poisson process (rate Hz between start and stop ms, seeded). */
export type SpikeSource =
  | { readonly id: string; readonly kind: 'train'; readonly times: readonly number[] }
  | { readonly id: string; readonly kind: 'poisson'; readonly rate: number; readonly start: number; readonly stop: number; readonly seed: number };

/** From a spike source or a spike detector (a presynaptic cell) to a synapse, with a weight (uS) and a delay (ms). */
export interface Connection {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  readonly delay: number;
}

/** A drug or toxin in the bath, at a concentration (mM): blocks its targets by 1 / (1 + ([D]/IC50)^h). */
export interface DrugApplication {
  readonly drug: string;
  readonly concentration: number;
}

// ---------------------------------------------------------------------------------------------
// Run settings and the whole model

export type IntegratorName = 'backward-euler' | 'crank-nicolson' | 'adaptive';

export interface RunSettings {
  /** Simulated duration (NEURON `tstop`), ms. */
  readonly duration: number;
  /** Time step, ms (initial step for the adaptive integrator). */
  readonly timeStep: number;
  readonly integrator: IntegratorName;
  /** Tolerances of the adaptive integrator (absolute in the state's units, relative dimensionless). */
  readonly absoluteTolerance: number;
  readonly relativeTolerance: number;
  /** Interval between recorded samples, ms; default the time step. */
  readonly recordInterval: number;
  /** Rate functions exactly (`exact`, default) or interpolated from tables (`table`, faster). */
  readonly rates: 'exact' | 'table';
}

export interface Model {
  readonly name: string;
  readonly description?: string;
  readonly citation?: Citation;
  /** Temperature of the simulation, K. */
  readonly temperature: number;
  readonly channels: readonly ChannelDefinition[];
  readonly cells: readonly CellDescription[];
  readonly stimuli: readonly Stimulus[];
  readonly recordings: readonly Recording[];
  readonly spikes: readonly SpikeDetector[];
  readonly velocity?: VelocityMeasurement;
  /** Part 3 additions; absent means none. */
  readonly synapses?: readonly SynapseDescription[];
  readonly sources?: readonly SpikeSource[];
  readonly connections?: readonly Connection[];
  readonly drugs?: readonly DrugApplication[];
  readonly run: RunSettings;
}
