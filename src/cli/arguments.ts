/**
 * Reading option values: each value is parsed with its unit once, here, and checked against what the
 * command allows; failures are InputErrors naming the option (`--in`), the text given and what is allowed.
 */
import {
  describeValue,
  InputError,
  parseQuantity,
  QUANTITY_EXAMPLES,
  QUANTITY_KIND_NAMES,
  type QuantityKind,
} from '../units/index.js';
import { ION_SPECIES, lookupIon, type IonSpecies } from '../core/index.js';

/** Largest concentration accepted, mM (as in the core). */
const MAXIMUM_CONCENTRATION = 1e6;
/** Largest temperature accepted, K (as in the core). */
const MAXIMUM_TEMPERATURE = 1e4;

/** Parses a quantity of `kind` into its canonical unit. */
export function quantity(text: string, kind: QuantityKind, field: string): number {
  return parseQuantity(text, kind, field);
}

/** A quantity that must be > 0 (and at most `maximum`, canonical units). */
export function positiveQuantity(text: string, kind: QuantityKind, field: string, maximum = Number.MAX_VALUE): number {
  const value = parseQuantity(text, kind, field);
  if (!(value > 0) || value > maximum) {
    const bound = maximum < Number.MAX_VALUE ? ` and at most ${maximum}` : '';
    throw new InputError(field, describeValue(text), `${QUANTITY_KIND_NAMES[kind]} > 0${bound} such as "${QUANTITY_EXAMPLES[kind]}"`);
  }
  return value;
}

/** A quantity that must be >= 0. */
export function nonNegativeQuantity(text: string, kind: QuantityKind, field: string): number {
  const value = parseQuantity(text, kind, field);
  if (!(value >= 0)) {
    throw new InputError(field, describeValue(text), `${QUANTITY_KIND_NAMES[kind]} >= 0 such as "${QUANTITY_EXAMPLES[kind]}"`);
  }
  return value;
}

/** A concentration in mM: > 0 and at most 1000 M. */
export function concentration(text: string, field: string): number {
  const value = parseQuantity(text, 'concentration', field);
  if (!(value > 0) || value > MAXIMUM_CONCENTRATION) {
    throw new InputError(
      field,
      describeValue(text),
      `a concentration > 0 and at most 1000 M, such as "140 mM" or "100 nM" (a bare number is taken as mM)`,
    );
  }
  return value;
}

/** An absolute temperature in K (degC accepted): above 0 K and at most 1e4 K. */
export function temperature(text: string, field = '--temperature'): number {
  const value = parseQuantity(text, 'temperature', field);
  if (value > MAXIMUM_TEMPERATURE) {
    throw new InputError(field, describeValue(text), `a temperature above 0 K and at most ${MAXIMUM_TEMPERATURE} K, such as "37 degC" or "310.15 K"`);
  }
  return value;
}

/** A voltage in mV (any sign). */
export function voltage(text: string, field: string): number {
  return parseQuantity(text, 'voltage', field);
}

/** A plain finite number (no unit). */
export function plainNumber(text: string, field: string, allowed = 'a plain finite number such as "0.5"'): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) throw new InputError(field, describeValue(text), allowed);
  return value;
}

/** A plain number >= 0 (a relative permeability, a count). */
export function nonNegativeNumber(text: string, field: string, what = 'a plain number >= 0 such as "0.04"'): number {
  const value = plainNumber(text, field, what);
  if (!(value >= 0)) throw new InputError(field, describeValue(text), what);
  return value;
}

/** A valence: non-zero integer from -10 to 10. */
export function valence(text: string, field = '--valence'): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value === 0 || Math.abs(value) > 10) {
    throw new InputError(
      field,
      describeValue(text),
      'a non-zero integer charge number from -10 to 10 (e.g. 1 for K+, -1 for Cl-, 2 for Ca2+)',
    );
  }
  return value;
}

/**
 * Rethrows an InputError raised by a library call with its field renamed to the option that supplied it
 * (the core says `inside`, the user typed `--in`). Unmapped fields are kept.
 */
export function asOptions<T>(fields: Readonly<Record<string, string | OptionValue>>, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof InputError) {
      const root = error.field.split(/[.[]/)[0] ?? error.field;
      const target = fields[error.field] ?? fields[root];
      if (typeof target === 'string' && target !== error.field) throw new InputError(target, error.value, error.allowed);
      if (typeof target === 'object') throw new InputError(target.option, describeValue(target.value), error.allowed);
    }
    throw error;
  }
}

/** An option with the text the user gave, to name in place of the library's canonical value. */
export interface OptionValue {
  readonly option: string;
  readonly value: string;
}

/**
 * Looks an ion up by symbol (`K`, `Ca2+`, `potassium`); `valenceText` (from `--valence` or `z=`) overrides the
 * table and is required for an ion not in it.
 */
export function ion(symbol: string, field: string, valenceText?: string, valenceField = '--valence'): IonSpecies {
  const z = valenceText === undefined ? undefined : valence(valenceText, valenceField);
  try {
    return lookupIon(symbol, z);
  } catch (error) {
    if (error instanceof InputError && error.field === 'ion') {
      const allowed =
        z === undefined
          ? `a known ion (${ION_SPECIES.map((item) => item.symbol).join(', ')}), or another ion with its valence given by ${valenceField} ` +
            `(e.g. ${field} La ${valenceField} 3) or written in its name ("La3+")`
          : error.allowed;
      throw new InputError(field, error.value, allowed);
    }
    throw error;
  }
}
