/**
 * Input checks shared by the core functions. Each throws the one InputError naming the parameter, the value
 * and what is allowed. The upper bounds are generous physical limits whose only job is to keep every result
 * finite (no NaN, no Infinity) for any input that passes.
 */
import { describeValue, InputError } from '../units/index.js';

/** Largest accepted concentration, mM (1000 M: far above any solution). */
export const MAXIMUM_CONCENTRATION = 1e6;
/** Largest accepted temperature, K. */
export const MAXIMUM_TEMPERATURE = 1e4;
/** Largest accepted |voltage|, mV (10 kV: far above any membrane). */
export const MAXIMUM_VOLTAGE = 1e7;
/** Largest accepted |valence|. */
export const MAXIMUM_VALENCE = 10;

/** The kinds whose range every boundary checks the same way: calculator options, core arguments, model files. */
export type RangedKind = 'concentration' | 'temperature' | 'voltage';

/**
 * The one definition of the accepted range of a concentration (mM), a temperature (K) and a voltage (mV), used by
 * the core checks below, the CLI options and the model-file schema, with the words every message gives it.
 * Concentrations are also >= 0 (or > 0, by the field); temperatures > 0 K; voltages are signed.
 */
export const ACCEPTED_RANGES: Readonly<Record<RangedKind, { readonly maximum: number; readonly text: string }>> = Object.freeze({
  concentration: Object.freeze({ maximum: MAXIMUM_CONCENTRATION, text: `at most ${MAXIMUM_CONCENTRATION} mM (1000 M)` }),
  temperature: Object.freeze({ maximum: MAXIMUM_TEMPERATURE, text: `above 0 K and at most ${MAXIMUM_TEMPERATURE} K` }),
  voltage: Object.freeze({ maximum: MAXIMUM_VOLTAGE, text: `from -${MAXIMUM_VOLTAGE} to ${MAXIMUM_VOLTAGE} mV (10 kV)` }),
});

/** Whether a canonical value lies in the accepted range of its kind (the sign of a concentration is the caller's). */
export function isInAcceptedRange(kind: RangedKind, value: number): boolean {
  const { maximum } = ACCEPTED_RANGES[kind];
  if (!Number.isFinite(value)) return false;
  if (kind === 'temperature') return value > 0 && value <= maximum;
  return Math.abs(value) <= maximum;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A finite number (any sign). */
export function requireFinite(field: string, value: unknown, allowed = 'a finite number'): number {
  if (!isNumber(value)) throw new InputError(field, describeValue(value), allowed);
  return value;
}

/** A finite number > 0. */
export function requirePositive(field: string, value: unknown, what = 'a finite number > 0'): number {
  if (!isNumber(value) || !(value > 0)) throw new InputError(field, describeValue(value), what);
  return value;
}

/** A finite number >= 0. */
export function requireNonNegative(field: string, value: unknown, what = 'a finite number >= 0'): number {
  if (!isNumber(value) || !(value >= 0)) throw new InputError(field, describeValue(value), what);
  return value;
}

/** A concentration in mM, finite, > 0 and at most MAXIMUM_CONCENTRATION. */
export function requireConcentration(field: string, value: unknown): number {
  if (!isNumber(value) || !(value > 0) || value > MAXIMUM_CONCENTRATION) {
    throw new InputError(field, describeValue(value), `a concentration in mM, > 0 and <= ${MAXIMUM_CONCENTRATION} (e.g. 140)`);
  }
  return value;
}

/** A concentration in mM that may be zero (an ion absent on one side), finite and at most MAXIMUM_CONCENTRATION. */
export function requireConcentrationOrZero(field: string, value: unknown): number {
  if (!isNumber(value) || !(value >= 0) || value > MAXIMUM_CONCENTRATION) {
    throw new InputError(field, describeValue(value), `a concentration in mM, >= 0 and <= ${MAXIMUM_CONCENTRATION} (e.g. 140)`);
  }
  return value;
}

/** An absolute temperature in kelvin, > 0 and at most MAXIMUM_TEMPERATURE. */
export function requireTemperature(field: string, value: unknown): number {
  if (!isNumber(value) || !(value > 0) || value > MAXIMUM_TEMPERATURE) {
    throw new InputError(field, describeValue(value), `a temperature in kelvin, > 0 and <= ${MAXIMUM_TEMPERATURE} (e.g. 310.15 for 37 degC)`);
  }
  return value;
}

/** A membrane voltage in mV, finite with |V| <= MAXIMUM_VOLTAGE. */
export function requireVoltage(field: string, value: unknown): number {
  if (!isNumber(value) || Math.abs(value) > MAXIMUM_VOLTAGE) {
    throw new InputError(field, describeValue(value), `a voltage in mV, finite with magnitude <= ${MAXIMUM_VOLTAGE} (e.g. -70)`);
  }
  return value;
}

/** A valence: a non-zero integer with |z| <= MAXIMUM_VALENCE. */
export function requireValence(field: string, value: unknown): number {
  if (!isNumber(value) || !Number.isInteger(value) || value === 0 || Math.abs(value) > MAXIMUM_VALENCE) {
    throw new InputError(field, describeValue(value), `a non-zero integer charge number from -${MAXIMUM_VALENCE} to ${MAXIMUM_VALENCE} (e.g. 1 for K+, -1 for Cl-, 2 for Ca2+)`);
  }
  return value;
}

/** A plain object holding named parameters. */
export function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(field, describeValue(value), 'an object of named parameters');
  }
  return value as Record<string, unknown>;
}

/** Returns the value unless it is NaN or infinite, in which case the inputs were out of range. */
export function requireFiniteResult(field: string, value: number, inputs: unknown): number {
  if (!Number.isFinite(value)) {
    throw new InputError(field, describeValue(inputs), 'inputs whose result is a finite number (these overflow)');
  }
  return value;
}
