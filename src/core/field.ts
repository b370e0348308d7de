/**
 * Electric field across the membrane's hydrophobic core.
 * References: Hille 2001, ch. 1 (field of order 10^7 V/m, 100 kV/cm); Weaver & Chizmadzhev, "Theory of
 * electroporation: a review", Bioelectrochem. Bioenerg. 41:135 (1996) (pores form above about 0.2-1 V);
 * thickness of the bilayer core: about 7.5 nm overall (Alberts et al., Molecular Biology of the Cell, 6th ed., ch. 10: 5-10 nm).
 */
import { describeValue, InputError } from '../units/index.js';
import { requireObject, requirePositive, requireVoltage } from './validation.js';

/** Inputs of membraneField. */
export interface MembraneFieldInput {
  /** Membrane potential, mV. */
  readonly voltage: number;
  /** Membrane thickness, um (canonical length); default 0.0075 um = 7.5 nm. */
  readonly thickness?: number;
}

/** The field, and a warning when the voltage reaches electroporation. */
export interface MembraneField {
  /** Field strength E = V / d, V/m (signed like the voltage). */
  readonly voltsPerMetre: number;
  /** Field strength, kV/cm (1 kV/cm = 1e5 V/m). */
  readonly kilovoltsPerCentimetre: number;
  /** Present when |V| exceeds 200 mV: the range where electroporation and dielectric breakdown begin. */
  readonly breakdownWarning?: string;
}

/** Default membrane thickness, um (7.5 nm). */
export const MEMBRANE_THICKNESS = 0.0075;

/** |V| above this, mV, warns of electroporation (Weaver & Chizmadzhev 1996: 0.2-1 V). */
export const ELECTROPORATION_THRESHOLD = 200;

/**
 * Mean electric field in the membrane, treating it as a uniform slab: E = V / d, with V in volts
 * (mV / 1000) and d in metres (um × 1e-6). −70 mV over 7.5 nm: 9.3e6 V/m = 93 kV/cm.
 * Reference: Hille 2001, ch. 1; warning threshold from Weaver & Chizmadzhev 1996.
 *
 * @throws InputError naming `voltage` or `thickness` (finite and > 0).
 */
export function membraneField(input: MembraneFieldInput): MembraneField {
  requireObject('input', input);
  const voltage = requireVoltage('voltage', input.voltage);
  const thickness = requirePositive('thickness', input.thickness ?? MEMBRANE_THICKNESS, 'a membrane thickness in um, > 0 (e.g. 0.0075 for 7.5 nm)');
  const voltsPerMetre = voltage / 1000 / (thickness * 1e-6);
  const kilovoltsPerCentimetre = voltsPerMetre / 1e5;
  const field: MembraneField = { voltsPerMetre, kilovoltsPerCentimetre };
  if (!Number.isFinite(voltsPerMetre)) {
    throw new InputError('thickness', describeValue(input.thickness), 'a membrane thickness in um large enough for a finite field (e.g. 0.0075)');
  }
  if (Math.abs(voltage) <= ELECTROPORATION_THRESHOLD) return field;
  return { ...field, breakdownWarning: warning(voltage) };
}

function warning(voltage: number): string {
  return (
    `|V| = ${Math.abs(voltage)} mV exceeds ${ELECTROPORATION_THRESHOLD} mV: lipid membranes electroporate ` +
    'and break down at about 0.2-1 V (Weaver & Chizmadzhev 1996); the cell would not hold this voltage'
  );
}
