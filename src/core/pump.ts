/**
 * Electrogenic pumps and the membrane potential.
 * References: Mullins & Noda, "The influence of sodium-free solutions on the membrane potential of frog
 * muscle fibers", J. Gen. Physiol. 47:117 (1963); Thomas, "Electrogenic sodium pump in nerve and muscle cells",
 * Physiol. Rev. 52:563 (1972).
 */
import { describeValue, InputError } from '../units/index.js';
import { thermalVoltage } from './nernst.js';
import { requireConcentration, requireFinite, requireNonNegative, requireObject, requirePositive, requireTemperature } from './validation.js';

/** Inputs of electrogenicPumpPotential. */
export interface ElectrogenicPumpInput {
  /** Net pump current, nA, positive outward (the Na+/K+ pump moves one net positive charge out per cycle). */
  readonly pumpCurrent: number;
  /** Input resistance of the cell, MOhm. */
  readonly inputResistance: number;
}

/**
 * Direct contribution of an electrogenic pump current to the membrane potential, mV: ΔV = −I_pump × R_in
 * (nA × MOhm = mV). With the outward-positive convention an outward pump current hyperpolarizes, so the result
 * is negative for the Na+/K+ pump. Reference: Thomas 1972.
 *
 * @throws InputError naming `pumpCurrent` (finite) or `inputResistance` (> 0).
 */
export function electrogenicPumpPotential(input: ElectrogenicPumpInput): number {
  requireObject('input', input);
  const current = requireFinite('pumpCurrent', input.pumpCurrent, 'a current in nA, positive outward (e.g. 0.05)');
  const resistance = requirePositive('inputResistance', input.inputResistance, 'a resistance in MOhm, > 0 (e.g. 100)');
  const result = -current * resistance;
  if (!Number.isFinite(result)) {
    throw new InputError('pumpCurrent', describeValue(current), 'a current that, times the input resistance, is finite');
  }
  return result === 0 ? 0 : result;
}

/** One ion in mullinsNodaPotential: concentrations in mM, permeability in cm/s or relative. */
export interface PumpIon {
  readonly inside: number;
  readonly outside: number;
  readonly permeability: number;
}

/** Inputs of mullinsNodaPotential. */
export interface MullinsNodaInput {
  /** Pump coupling ratio r = Na+ moved out / K+ moved in (3/2 for the Na+/K+-ATPase). */
  readonly couplingRatio: number;
  readonly potassium: PumpIon;
  readonly sodium: PumpIon;
  /** Absolute temperature, K. */
  readonly temperature: number;
}

function checkPumpIon(field: string, value: unknown): PumpIon {
  const ion = requireObject(field, value);
  return {
    inside: requireConcentration(`${field}.inside`, ion.inside),
    outside: requireConcentration(`${field}.outside`, ion.outside),
    permeability: requireNonNegative(`${field}.permeability`, ion.permeability, 'a permeability >= 0, in cm/s or relative'),
  };
}

/**
 * Steady membrane potential with an electrogenic Na+/K+ pump of coupling ratio r, mV:
 * V = (R T / F) ln( (r P_K K_o + P_Na Na_o) / (r P_K K_i + P_Na Na_i) ).
 * With r = 1 it is the GHK equation for K+ and Na+; r = 3/2 for the Na+/K+-ATPase. Computed with logarithms
 * (log-sum-exp) so that no product overflows. Reference: Mullins & Noda 1963, eq. 3.
 *
 * @throws InputError naming `couplingRatio` (> 0), `potassium.*`, `sodium.*`, or `temperature`;
 *   at least one permeability must be > 0.
 */
export function mullinsNodaPotential(input: MullinsNodaInput): number {
  requireObject('input', input);
  const ratio = requirePositive('couplingRatio', input.couplingRatio, 'a coupling ratio > 0 (3/2 = 1.5 for the Na+/K+ pump)');
  const potassium = checkPumpIon('potassium', input.potassium);
  const sodium = checkPumpIon('sodium', input.sodium);
  const thermal = thermalVoltage(requireTemperature('temperature', input.temperature));
  if (!(potassium.permeability > 0) && !(sodium.permeability > 0)) {
    throw new InputError('potassium.permeability', describeValue(potassium.permeability), 'a permeability > 0 for potassium or sodium');
  }
  const terms = (k: number, na: number): number[] => {
    const out: number[] = [];
    if (potassium.permeability > 0) out.push(Math.log(ratio) + Math.log(potassium.permeability) + Math.log(k));
    if (sodium.permeability > 0) out.push(Math.log(sodium.permeability) + Math.log(na));
    return out;
  };
  const logSum = (values: number[]): number => {
    const largest = Math.max(...values);
    return largest + Math.log(values.reduce((sum, value) => sum + Math.exp(value - largest), 0));
  };
  return thermal * (logSum(terms(potassium.outside, sodium.outside)) - logSum(terms(potassium.inside, sodium.inside)));
}
