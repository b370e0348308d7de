/**
 * How much charge separation a membrane potential takes, and simple cell geometries.
 * References: Hille 2001, ch. 1 ("a tiny fraction of the ions"); Johnston & Wu 1995, ch. 2 (Q = C V);
 * Hines & Carnevale, "The NEURON Book" (2006), ch. 5 (a cylindrical segment's area excludes its ends).
 */
import { AVOGADRO, describeValue, ELEMENTARY_CHARGE, InputError } from '../units/index.js';
import { requireConcentration, requireObject, requirePositive, requireVoltage } from './validation.js';

/** Area (um2) and volume (um3) of a simple shape. */
export interface Geometry {
  /** Membrane area, um2. */
  readonly area: number;
  /** Enclosed volume, um3. */
  readonly volume: number;
}

function finiteGeometry(geometry: Geometry, field: string, value: unknown): Geometry {
  if (!Number.isFinite(geometry.area) || !Number.isFinite(geometry.volume) || !(geometry.area > 0) || !(geometry.volume > 0)) {
    throw new InputError(field, describeValue(value), 'a size whose area and volume are finite and > 0');
  }
  return geometry;
}

/**
 * Sphere of diameter d (um): area = π d² (um2), volume = π d³ / 6 (um3). A 20 um sphere: 1256.6 um2, 4188.8 um3.
 *
 * @throws InputError (field `diameter`) unless finite and > 0.
 */
export function sphereGeometry(diameter: number): Geometry {
  const d = requirePositive('diameter', diameter, 'a diameter in um, > 0 (e.g. 20)');
  return finiteGeometry({ area: Math.PI * d * d, volume: (Math.PI * d * d * d) / 6 }, 'diameter', diameter);
}

/**
 * Cylinder of diameter d and length L (um): lateral area = π d L (um2, no end caps, as in NEURON),
 * volume = π d² L / 4 (um3). Reference: Hines & Carnevale 2006, ch. 5.
 *
 * @throws InputError (field `diameter` or `length`) unless finite and > 0.
 */
export function cylinderGeometry(diameter: number, length: number): Geometry {
  const d = requirePositive('diameter', diameter, 'a diameter in um, > 0 (e.g. 1)');
  const l = requirePositive('length', length, 'a length in um, > 0 (e.g. 100)');
  return finiteGeometry({ area: Math.PI * d * l, volume: (Math.PI * d * d * l) / 4 }, 'length', length);
}

/** Inputs of chargeSeparation. */
export interface ChargeSeparationInput {
  /** Membrane potential, mV. */
  readonly voltage: number;
  /** Membrane area, um2. */
  readonly area: number;
  /** Specific membrane capacitance, uF/cm2; default 1 (Hille 2001, ch. 1; Gentet et al., Biophys. J. 79:314, 2000: 0.9). */
  readonly capacitance?: number;
  /** Cell volume, um3; with `concentration`, gives the fraction of the cell's ions. */
  readonly volume?: number;
  /** Concentration of the ion in the cell, mM; with `volume`, gives the fraction of the cell's ions. */
  readonly concentration?: number;
}

/** Charge separated across the membrane. */
export interface ChargeSeparation {
  /** Membrane capacitance, pF. */
  readonly totalCapacitance: number;
  /** Charge on the inner face, C (signed: negative inside for negative V): Q = C V. */
  readonly chargeCoulombs: number;
  /** Number of monovalent ions: |Q| / e. */
  readonly ions: number;
  /** Moles of monovalent ions: ions / N_A. */
  readonly moles: number;
  /** Fraction of the cell's ions (of `concentration` in `volume`) that make up the charge, when both are given. */
  readonly fraction?: number;
}

/**
 * Charge needed to hold a membrane potential: Q = c_m A V.
 * Units: C [F] = c_m [uF/cm2] × 1e-6 × A [um2] × 1e-8; V [V] = mV / 1000; ions = |Q| / e; moles = ions / N_A;
 * the cell holds c [mM = mol/m3] × vol [um3] × 1e-18 mol of the ion, so fraction = moles / (c × vol × 1e-18).
 * A 20 um sphere at −70 mV with 1 uF/cm2: C = 12.57 pF, Q = −8.80e-13 C, 5.49e6 ions, a fraction 1.6e-5 of
 * 140 mM K+. Reference: Hille 2001, ch. 1; Johnston & Wu 1995, ch. 2.
 *
 * @throws InputError naming `voltage`, `area`, `capacitance`, `volume` or `concentration` (the last two go
 *   together: giving one without the other is an error).
 */
export function chargeSeparation(input: ChargeSeparationInput): ChargeSeparation {
  requireObject('input', input);
  const voltage = requireVoltage('voltage', input.voltage);
  const area = requirePositive('area', input.area, 'a membrane area in um2, > 0 (e.g. 1257)');
  const capacitance = requirePositive('capacitance', input.capacitance ?? 1, 'a specific capacitance in uF/cm2, > 0 (e.g. 1)');
  const farads = capacitance * 1e-6 * area * 1e-8;
  const chargeCoulombs = farads * (voltage / 1000);
  const ions = Math.abs(chargeCoulombs) / ELEMENTARY_CHARGE;
  const moles = ions / AVOGADRO;
  const result: ChargeSeparation = { totalCapacitance: farads * 1e12, chargeCoulombs, ions, moles };
  if (![farads, chargeCoulombs, ions].every(Number.isFinite)) {
    throw new InputError('area', describeValue(input.area), 'an area and capacitance whose product is finite');
  }
  if (input.volume === undefined && input.concentration === undefined) return result;
  if (input.volume === undefined) {
    throw new InputError('volume', 'nothing', 'a cell volume in um3 (needed with concentration to give the fraction)');
  }
  if (input.concentration === undefined) {
    throw new InputError('concentration', 'nothing', 'a concentration in mM (needed with volume to give the fraction)');
  }
  const volume = requirePositive('volume', input.volume, 'a cell volume in um3, > 0 (e.g. 4189)');
  const concentration = requireConcentration('concentration', input.concentration);
  const cellMoles = concentration * volume * 1e-18;
  const fraction = moles / cellMoles;
  if (!Number.isFinite(fraction)) {
    throw new InputError('volume', describeValue(input.volume), 'a volume and concentration holding a finite, non-zero amount of ions');
  }
  return { ...result, fraction };
}
