/**
 * The thermal voltage and the Nernst equilibrium potential.
 * Reference: Hille, "Ion Channels of Excitable Membranes", 3rd ed. (Sinauer 2001), ch. 1, eq. 1.8.
 */
import { FARADAY, GAS_CONSTANT } from '../units/index.js';
import { requireConcentration, requireObject, requireTemperature, requireValence } from './validation.js';

/**
 * Thermal voltage RT/F in mV: 26.73 mV at 310.15 K (37 degC), 25.26 mV at 293.15 K (20 degC).
 * Formula: V_T = R T / F × 1000 mV/V, with R in J/(mol K), T in K, F in C/mol (CODATA 2018).
 * Reference: Hille 2001, ch. 1.
 *
 * @param temperature absolute temperature, K (> 0).
 * @throws InputError (field `temperature`) unless 0 < T <= 1e4 K.
 */
export function thermalVoltage(temperature: number): number {
  requireTemperature('temperature', temperature);
  return ((GAS_CONSTANT * temperature) / FARADAY) * 1000;
}

/** Inputs of nernstPotential: valence z, concentrations in mM, temperature in K. */
export interface NernstInput {
  /** Charge number z (non-zero integer): +1 K+, -1 Cl-, +2 Ca2+. */
  readonly valence: number;
  /** Intracellular concentration, mM (> 0). */
  readonly inside: number;
  /** Extracellular concentration, mM (> 0). */
  readonly outside: number;
  /** Absolute temperature, K. */
  readonly temperature: number;
}

/**
 * Nernst equilibrium (reversal) potential, mV, inside relative to outside:
 * E = (R T / z F) ln(c_out / c_in).
 * E_K = -84.2 mV for 140 mM in / 5 mM out at 20 degC; E_Ca = +132 mV for 100 nM in / 2 mM out at 37 degC.
 * Computed as ln(c_out) - ln(c_in) so that extreme ratios cannot overflow.
 * Reference: Nernst, Z. Phys. Chem. 4:129 (1889); Hille 2001, ch. 1, eq. 1.8.
 *
 * @throws InputError naming `valence`, `inside`, `outside` or `temperature`.
 */
export function nernstPotential(input: NernstInput): number {
  requireObject('input', input);
  const valence = requireValence('valence', input.valence);
  const inside = requireConcentration('inside', input.inside);
  const outside = requireConcentration('outside', input.outside);
  const temperature = requireTemperature('temperature', input.temperature);
  return (thermalVoltage(temperature) / valence) * (Math.log(outside) - Math.log(inside));
}
