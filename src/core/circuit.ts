/**
 * The passive membrane as parallel conductance branches and a capacitor (single compartment).
 * References: Hille 2001, ch. 1 (chord conductance equation); Johnston & Wu, "Foundations of Cellular
 * Neurophysiology" (MIT Press 1995), ch. 2 and 4 (input resistance, τ = R C); Koch, "Biophysics of Computation"
 * (Oxford 1999), ch. 1.
 */
import { describeValue, InputError } from '../units/index.js';
import { requireNonNegative, requireObject, requirePositive, requireVoltage } from './validation.js';

/** One conductance branch: a conductance (S/cm2 for equivalentCircuit) in series with its reversal potential (mV). */
export interface ConductanceBranch {
  /** Optional label, echoed in the results (e.g. "K leak"). */
  readonly name?: string;
  /** Conductance >= 0; specific, S/cm2, for equivalentCircuit; any consistent unit for chordPotential. */
  readonly conductance: number;
  /** Reversal potential, mV. */
  readonly reversal: number;
}

function checkBranches(branches: unknown): ConductanceBranch[] {
  if (!Array.isArray(branches) || branches.length === 0) {
    throw new InputError('branches', describeValue(branches), 'a non-empty list of { conductance, reversal }');
  }
  const checked = branches.map((branch, index) => {
    const value = requireObject(`branches[${index}]`, branch);
    const name = value.name;
    if (name !== undefined && typeof name !== 'string') {
      throw new InputError(`branches[${index}].name`, describeValue(name), 'a text label or nothing');
    }
    return {
      ...(name === undefined ? {} : { name }),
      conductance: requireNonNegative(`branches[${index}].conductance`, value.conductance, 'a conductance >= 0 (S/cm2)'),
      reversal: requireVoltage(`branches[${index}].reversal`, value.reversal),
    };
  });
  const total = checked.reduce((sum, branch) => sum + branch.conductance, 0);
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new InputError('branches', describeValue(branches), 'at least one branch with conductance > 0, and a finite total');
  }
  return checked;
}

function weightedReversal(branches: readonly ConductanceBranch[]): number {
  let total = 0;
  let weighted = 0;
  for (const branch of branches) {
    total += branch.conductance;
    weighted += branch.conductance * branch.reversal;
  }
  // A weighted mean lies within [min E, max E]; clamp away the last rounding ulp.
  const reversals = branches.filter((b) => b.conductance > 0).map((b) => b.reversal);
  return Math.min(Math.max(weighted / total, Math.min(...reversals)), Math.max(...reversals));
}

/**
 * Chord (parallel-conductance) potential, mV: the steady voltage where the branch currents cancel,
 * V = Σ g_i E_i / Σ g_i. Conductances in any one consistent unit. Reference: Hille 2001, ch. 1, eq. 1.12.
 *
 * @throws InputError (field `branches...`) for an empty list, a negative conductance, or no conductance > 0.
 */
export function chordPotential(branches: readonly ConductanceBranch[]): number {
  return weightedReversal(checkBranches(branches));
}

/** Inputs of equivalentCircuit. */
export interface EquivalentCircuitInput {
  /** Conductance branches, each with specific conductance in S/cm2 and reversal in mV. */
  readonly branches: readonly ConductanceBranch[];
  /** Membrane area, um2. */
  readonly area: number;
  /** Specific membrane capacitance, uF/cm2 (typically 1). */
  readonly capacitance: number;
  /** Membrane potential at which branch currents are given, mV; default the resting (chord) potential. */
  readonly voltage?: number;
}

/** The current through one branch. */
export interface BranchCurrent {
  readonly name?: string;
  /** Current, nA, positive outward: I = g A (V − E). */
  readonly current: number;
}

/** Whole-cell equivalent circuit figures, in canonical units. */
export interface EquivalentCircuit {
  /** Total conductance, uS. */
  readonly totalConductance: number;
  /** Input resistance R = 1 / (Σ g A), MOhm. */
  readonly inputResistance: number;
  /** Total capacitance C = c_m A, pF. */
  readonly totalCapacitance: number;
  /** Membrane time constant τ = R C = c_m / Σ g, ms (independent of area). */
  readonly timeConstant: number;
  /** Resting (chord) potential, mV. */
  readonly restingPotential: number;
  /** The voltage used for the currents, mV. */
  readonly voltage: number;
  /** Current through each branch, nA, positive outward, in the order given. */
  readonly branchCurrents: readonly BranchCurrent[];
  /** Net ionic current, nA (zero at the resting potential). */
  readonly totalCurrent: number;
}

/** um2 -> cm2. */
const SQUARE_CENTIMETRES_PER_SQUARE_MICROMETRE = 1e-8;

/**
 * Single-compartment equivalent circuit of a passive membrane.
 * G [S] = Σ g [S/cm2] × A [um2] × 1e-8 (reported in uS: × 1e6); R_in [MOhm] = 1e-6 / G [S];
 * C [pF] = c_m [uF/cm2] × A [um2] × 1e-8 × 1e6 = c_m A × 1e-2; τ [ms] = R C = c_m / Σ g × 1e-3
 * (uF/S = 1e-6 s = 1e-3 ms); I_i [nA] = g_i A (V − E_i) × 1e-8 S × 1e-3 V × 1e9 = g_i A (V − E_i) × 1e-2.
 * Reference: Johnston & Wu 1995, ch. 2 and 4; Koch 1999, ch. 1.
 *
 * @throws InputError naming `branches...`, `area`, `capacitance` or `voltage`.
 */
export function equivalentCircuit(input: EquivalentCircuitInput): EquivalentCircuit {
  requireObject('input', input);
  const branches = checkBranches(input.branches);
  const area = requirePositive('area', input.area, 'a membrane area in um2, > 0 (e.g. 1257 for a 20 um sphere)');
  const capacitance = requirePositive('capacitance', input.capacitance, 'a specific capacitance in uF/cm2, > 0 (e.g. 1)');
  const restingPotential = weightedReversal(branches);
  const voltage = input.voltage === undefined ? restingPotential : requireVoltage('voltage', input.voltage);
  const specificConductance = branches.reduce((sum, branch) => sum + branch.conductance, 0);
  const siemens = specificConductance * area * SQUARE_CENTIMETRES_PER_SQUARE_MICROMETRE;
  if (!(siemens > 0) || !Number.isFinite(siemens) || !Number.isFinite(1 / siemens)) {
    throw new InputError('area', describeValue(input.area), 'an area that, with these conductances, gives a finite, non-zero total conductance');
  }
  const branchCurrents = branches.map((branch) => ({
    ...(branch.name === undefined ? {} : { name: branch.name }),
    current: branch.conductance * area * (voltage - branch.reversal) * 1e-2,
  }));
  const totalCurrent = branchCurrents.reduce((sum, branch) => sum + branch.current, 0);
  const result: EquivalentCircuit = {
    totalConductance: siemens * 1e6,
    inputResistance: 1e-6 / siemens,
    totalCapacitance: capacitance * area * 1e-2,
    timeConstant: (capacitance / specificConductance) * 1e-3,
    restingPotential,
    voltage,
    branchCurrents,
    totalCurrent,
  };
  const numbers = [result.totalConductance, result.inputResistance, result.totalCapacitance, result.timeConstant, totalCurrent];
  if (!numbers.every(Number.isFinite) || !branchCurrents.every((branch) => Number.isFinite(branch.current))) {
    throw new InputError('input', describeValue(input), 'values whose results are finite (these overflow)');
  }
  return result;
}
