/**
 * Goldman-Hodgkin-Katz (constant-field) current and voltage equations.
 * References: Goldman, J. Gen. Physiol. 27:37 (1943); Hodgkin & Katz, J. Physiol. 108:37 (1949);
 * Hille, "Ion Channels of Excitable Membranes", 3rd ed. (2001), ch. 14, eqs. 14.5 (current) and 14.7 (voltage).
 * Sign convention: membrane current is positive outward (NEURON; Hines & Carnevale, The NEURON Book, 2006).
 */
import { describeValue, FARADAY, InputError } from '../units/index.js';
import { brentRoot } from './brent.js';
import { thermalVoltage } from './nernst.js';
import {
  MAXIMUM_VOLTAGE,
  requireConcentrationOrZero,
  requireFiniteResult,
  requireNonNegative,
  requireObject,
  requireTemperature,
  requireValence,
  requireVoltage,
} from './validation.js';

/**
 * An ion that crosses the membrane. Concentrations in mM (zero allowed: an ion absent on one side).
 * Permeability in cm/s, or relative (e.g. 1 : 0.04 : 0.45): the GHK voltage equation only uses ratios.
 */
export interface PermeantIon {
  /** Charge number z (non-zero integer). */
  readonly valence: number;
  /** Intracellular concentration, mM (>= 0). */
  readonly inside: number;
  /** Extracellular concentration, mM (>= 0). */
  readonly outside: number;
  /** Permeability, cm/s (>= 0), or a relative permeability for ghkPotential. */
  readonly permeability: number;
}

function checkIon(field: string, ion: unknown): PermeantIon {
  const value = requireObject(field, ion);
  return {
    valence: requireValence(`${field}.valence`, value.valence),
    inside: requireConcentrationOrZero(`${field}.inside`, value.inside),
    outside: requireConcentrationOrZero(`${field}.outside`, value.outside),
    permeability: requireNonNegative(`${field}.permeability`, value.permeability, 'a permeability >= 0, in cm/s or relative (e.g. 1e-6 or 0.04)'),
  };
}

function checkIons(ions: unknown): PermeantIon[] {
  if (!Array.isArray(ions) || ions.length === 0) {
    throw new InputError('ions', describeValue(ions), 'a non-empty list of { valence, inside, outside, permeability }');
  }
  return ions.map((ion, index) => checkIon(`ions[${index}]`, ion));
}

/**
 * The Bernoulli function B(x) = x / (e^x - 1), with B(0) = 1, computed with expm1 so that it is exact near 0
 * and finite everywhere (B(x) -> 0 for large x, B(x) -> -x for large negative x).
 * Reference: Scharfetter & Gummel, IEEE Trans. Electron Devices 16:64 (1969), where it plays the same role.
 */
export function bernoulli(x: number): number {
  return x === 0 ? 1 : x / Math.expm1(x);
}

/** Unit factor: z F [C/mol] × P [cm/s] × c [mM = 1e-6 mol/cm3] gives A/cm2 × 1e-6 = mA/cm2 × 1e-3. */
const MILLIAMPERES_PER_SQUARE_CENTIMETRE = 1e-3;

/** Σ z P (c_in B(-u) - c_out B(u)) in (cm/s)·mM: the GHK current without the factor F·1e-3. */
function scaledCurrent(ion: PermeantIon, voltage: number, thermal: number): number {
  if (ion.permeability === 0) return 0;
  const u = (ion.valence * voltage) / thermal;
  return ion.valence * ion.permeability * (ion.inside * bernoulli(-u) - ion.outside * bernoulli(u));
}

/**
 * GHK current density of one ion, mA/cm2, positive outward:
 * I = P z² F² V / (R T) · (c_in − c_out e^(−u)) / (1 − e^(−u)),  u = z F V / (R T),
 * rewritten exactly as I = z F P (c_in B(−u) − c_out B(u)) with the Bernoulli function B(x) = x / (e^x − 1)
 * (expm1-based), so there is no 0/0 at V = 0, where I = z F P (c_in − c_out).
 * Units: P in cm/s, c in mM = mol/m3 = 1e-6 mol/cm3, F in C/mol: z F P c is in 1e-6 A/cm2 = 1e-3 mA/cm2.
 * Reference: Hille 2001, ch. 14, eq. 14.5; Goldman 1943; Hodgkin & Katz 1949.
 *
 * @param ion         valence, inside and outside (mM), permeability (cm/s).
 * @param voltage     membrane potential, mV (inside minus outside).
 * @param temperature absolute temperature, K.
 * @throws InputError naming `ion.*`, `voltage` or `temperature`.
 */
export function ghkCurrentDensity(ion: PermeantIon, voltage: number, temperature: number): number {
  const checked = checkIon('ion', ion);
  requireVoltage('voltage', voltage);
  const thermal = thermalVoltage(requireTemperature('temperature', temperature));
  const current = FARADAY * MILLIAMPERES_PER_SQUARE_CENTIMETRE * scaledCurrent(checked, voltage, thermal);
  return requireFiniteResult('ion', current, ion);
}

/**
 * Total GHK current density of several ions, mA/cm2, positive outward: the sum of ghkCurrentDensity.
 * Reference: Hille 2001, ch. 14.
 *
 * @throws InputError naming `ions[i].*`, `voltage` or `temperature`.
 */
export function ghkTotalCurrentDensity(ions: readonly PermeantIon[], voltage: number, temperature: number): number {
  const checked = checkIons(ions);
  requireVoltage('voltage', voltage);
  const thermal = thermalVoltage(requireTemperature('temperature', temperature));
  let total = 0;
  for (const ion of checked) total += scaledCurrent(ion, voltage, thermal);
  return requireFiniteResult('ions', FARADAY * MILLIAMPERES_PER_SQUARE_CENTIMETRE * total, ions);
}

/** log(Σ exp(x_i)) without overflow. */
function logSumExp(values: number[]): number {
  const largest = Math.max(...values);
  let sum = 0;
  for (const value of values) sum += Math.exp(value - largest);
  return largest + Math.log(sum);
}

/** Throws unless some permeant ion can carry outward current and some can carry inward current. */
function checkBalance(ions: readonly PermeantIon[], original: unknown): PermeantIon[] {
  const permeant = ions.filter((ion) => ion.permeability > 0);
  if (permeant.length === 0) {
    throw new InputError('ions', describeValue(original), 'at least one ion with permeability > 0');
  }
  // A cation inside or an anion outside carries outward current; a cation outside or an anion inside, inward.
  const outward = permeant.some((ion) => (ion.valence > 0 ? ion.inside : ion.outside) > 0);
  const inward = permeant.some((ion) => (ion.valence > 0 ? ion.outside : ion.inside) > 0);
  if (!outward || !inward) {
    throw new InputError(
      'ions',
      describeValue(original),
      'permeant ions whose currents can cancel (no zero crossing: every permeant cation is on one side only, ' +
        'with anions on the other, so the net current never changes sign)',
    );
  }
  return permeant;
}

/**
 * GHK potential solved numerically for any valences: the V where the total GHK current is zero.
 * The total current is strictly increasing in V (each ion's term is), so the root is unique; it is bracketed
 * from ±1000 mV, widening by doubling, then refined by Brent's method to a relative tolerance of 1e-12
 * (plus 1e-12 mV absolute). Reference: Hille 2001, ch. 14; Brent 1973.
 *
 * @param ions        the permeant ions (permeabilities relative or in cm/s).
 * @param temperature absolute temperature, K.
 * @returns membrane potential, mV.
 * @throws InputError when no ion is permeant, or the currents cannot cancel.
 */
export function ghkPotentialNumeric(ions: readonly PermeantIon[], temperature: number): number {
  const permeant = checkBalance(checkIons(ions), ions);
  const thermal = thermalVoltage(requireTemperature('temperature', temperature));
  const total = (voltage: number): number => {
    let sum = 0;
    for (const ion of permeant) sum += scaledCurrent(ion, voltage, thermal);
    return sum;
  };
  let lower = -1000;
  let upper = 1000;
  while (total(lower) > 0) {
    if (lower === -MAXIMUM_VOLTAGE) throw noRoot(ions);
    upper = lower;
    lower = Math.max(2 * lower, -MAXIMUM_VOLTAGE);
  }
  while (total(upper) < 0) {
    if (upper === MAXIMUM_VOLTAGE) throw noRoot(ions);
    lower = upper;
    upper = Math.min(2 * upper, MAXIMUM_VOLTAGE);
  }
  return brentRoot(total, lower, upper, 1e-12, 1e-12);
}

function noRoot(ions: unknown): InputError {
  return new InputError('ions', describeValue(ions), `ions whose GHK potential lies within ±${MAXIMUM_VOLTAGE} mV (these permeabilities or concentrations are too extreme)`);
}

/**
 * Goldman-Hodgkin-Katz resting potential, mV: the voltage of zero total GHK current.
 * When every permeant ion is monovalent it is the closed form (Hille 2001, eq. 14.7)
 *   V = (R T / F) ln( (Σ_cations P c_out + Σ_anions P c_in) / (Σ_cations P c_in + Σ_anions P c_out) ),
 * evaluated as a difference of log-sum-exps so that no product can overflow or underflow; otherwise (e.g. with
 * Ca2+) it is found numerically by ghkPotentialNumeric. Squid axon (K 400/20, Na 50/440, Cl 52/560 mM,
 * P 1 : 0.04 : 0.45, 20 degC): -59.9 mV. References: Goldman 1943; Hodgkin & Katz 1949; Hille 2001, ch. 14.
 *
 * @param ions        the ions; permeabilities relative or in cm/s (only ratios matter); ions with P = 0 are ignored.
 * @param temperature absolute temperature, K.
 * @throws InputError when no ion has permeability > 0, or the currents can never cancel.
 */
export function ghkPotential(ions: readonly PermeantIon[], temperature: number): number {
  const permeant = checkBalance(checkIons(ions), ions);
  const thermal = thermalVoltage(requireTemperature('temperature', temperature));
  if (!permeant.every((ion) => Math.abs(ion.valence) === 1)) return ghkPotentialNumeric(ions, temperature);
  const numerator: number[] = [];
  const denominator: number[] = [];
  for (const ion of permeant) {
    const logP = Math.log(ion.permeability);
    const [up, down] = ion.valence > 0 ? [ion.outside, ion.inside] : [ion.inside, ion.outside];
    if (up > 0) numerator.push(logP + Math.log(up));
    if (down > 0) denominator.push(logP + Math.log(down));
  }
  return thermal * (logSumExp(numerator) - logSumExp(denominator));
}
