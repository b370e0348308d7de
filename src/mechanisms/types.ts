/**
 * A mechanism (channel, pump, synapse, concentration pool) is metadata as data plus a few stateless kernels that
 * loop over engine-owned typed arrays. The CLI help, the schema checks, the web sliders and importers all read the
 * metadata; the engine calls the kernels. Kernels never allocate.
 */
import type { IonName } from '../model/types.js';

export interface ParameterInfo {
  readonly name: string;
  /** Canonical unit, e.g. `S/cm2`, `mV`. */
  readonly unit: string;
  readonly defaultValue: number;
  readonly minimum: number;
  readonly maximum: number;
  readonly description: string;
  /**
   * The molecular target this parameter stands for, when a drug can scale it (e.g. `voltage-gated sodium channel`
   * for hh's gnabar, `Na+/K+-ATPase` for the pump's imax): a drug blocking that target multiplies the parameter by
   * its unblocked fraction. Names are those of `DRUG_TARGETS` (targets.ts).
   */
  readonly target?: string;
}

export interface StateInfo {
  readonly name: string;
  readonly description: string;
}

/**
 * The membrane arrays a kernel reads and writes, one entry per node (struct of arrays). Densities: currents in
 * mA/cm2 (outward positive), conductances in S/cm2, voltages in mV. Zero-area nodes carry no mechanisms.
 */
export interface MembraneArrays {
  readonly v: Float64Array;
  /** Total ionic current density accumulated by the kernels, mA/cm2. */
  readonly current: Float64Array;
  /** dI/dV of that current, S/cm2 (the implicit solver's linearisation). */
  readonly conductance: Float64Array;
  /** Per-ion current densities (mA/cm2) and reversal potentials (mV). */
  readonly ionCurrent: Readonly<Record<IonName, Float64Array>>;
  /** dI_ion/dV of each per-ion current, S/cm2: whoever adds to ionCurrent adds its derivative here too. */
  readonly ionConductance: Readonly<Record<IonName, Float64Array>>;
  readonly reversal: Readonly<Record<IonName, Float64Array>>;
  /** Concentrations inside and just outside the membrane, mM (constant unless the cell's concentrations move). */
  readonly inside: Readonly<Record<IonName, Float64Array>>;
  readonly outside: Readonly<Record<IonName, Float64Array>>;
  /** Temperature of the simulation, K. */
  readonly temperature: number;
  /**
   * Whether anything reads the per-ion currents (a recording, a concentration pool). When false, kernels may skip
   * writing them: the total current and conductance are always written.
   */
  tracksIonCurrents: boolean;
}

/** One mechanism placed on some nodes: its parameters and states as columns, one row per placed node. */
export interface MechanismBlock {
  readonly count: number;
  /** Node index of each row. */
  readonly node: Int32Array;
  /** Parameter columns, in the order of the definition's `parameters`. */
  readonly parameters: readonly Float64Array[];
  /** State columns, in the order of the definition's `states`. */
  readonly states: readonly Float64Array[];
  /** Conductance columns the mechanism reports (e.g. gna, gk), S/cm2, in the order of `conductances`. */
  readonly conductances: readonly Float64Array[];
  /** Whether anything reads the `conductances` columns (a recording); when false, kernels may skip them. */
  reportsConductances: boolean;
  /** Scratch owned by the kernels (e.g. rate tables), made once by `prepare`. */
  scratch: unknown;
}

/** How the kernels evaluate their rate functions. */
export type RateMode = 'exact' | 'table';

export interface Kernels {
  /**
   * Called once after the block is built and before `initialise`: precompute whatever depends only on the
   * temperature, the time step and the parameters (Q10 factors, rate tables).
   */
  prepare(block: MechanismBlock, membrane: MembraneArrays, options: { timeStep: number; rates: RateMode }): void;
  /** Set the states to their steady state at the present voltage. */
  initialise(block: MechanismBlock, membrane: MembraneArrays): void;
  /** Add this mechanism's current and conductance densities to the membrane arrays (and per-ion currents). */
  accumulate(block: MechanismBlock, membrane: MembraneArrays): void;
  /** Advance the states by the fixed time step given to `prepare` (exponential Euler at the present voltage). */
  advance(block: MechanismBlock, membrane: MembraneArrays): void;
  /**
   * `advance`, then `accumulate` at the same (new) voltage, in one pass when the mechanism can fuse them: the
   * fixed-step integrator calls this right after each voltage solve, which prepares the next step's currents.
   */
  advanceAndAccumulate(block: MechanismBlock, membrane: MembraneArrays): void;
  /** Advance by an arbitrary step (exact rates); used by the adaptive integrator's fallbacks and by tests. */
  advanceBy(block: MechanismBlock, membrane: MembraneArrays, timeStep: number): void;
  /** Time derivatives of the states at the present voltage, written into `out` (same layout as `states`). */
  derivatives(block: MechanismBlock, membrane: MembraneArrays, out: readonly Float64Array[]): void;
}

export interface MechanismDefinition {
  readonly name: string;
  readonly kind: 'channel' | 'leak' | 'pump' | 'exchanger' | 'synapse' | 'pool';
  readonly description: string;
  /** Paper, voltage convention, temperature and Q10 of the kinetics. */
  readonly citation: string;
  readonly parameters: readonly ParameterInfo[];
  readonly states: readonly StateInfo[];
  /** Names of the conductances it reports, recordable as `<mechanism>.<name>`. */
  readonly conductances: readonly string[];
  readonly ionsRead: readonly IonName[];
  readonly ionsWritten: readonly IonName[];
  readonly kernels: Kernels;
}
