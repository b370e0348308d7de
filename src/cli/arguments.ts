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
import { ACCEPTED_RANGES, isInAcceptedRange } from '../core/validation.js';

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

/** A concentration in mM: > 0 and within ACCEPTED_RANGES.concentration (1000 M), as in the core and model files. */
export function concentration(text: string, field: string): number {
  const value = parseQuantity(text, 'concentration', field);
  if (!(value > 0) || !isInAcceptedRange('concentration', value)) {
    throw new InputError(
      field,
      describeValue(text),
      `a concentration > 0 and ${ACCEPTED_RANGES.concentration.text}, such as "140 mM" or "100 nM" (a bare number is taken as mM)`,
    );
  }
  return value;
}

/** An absolute temperature in K (degC accepted), within ACCEPTED_RANGES.temperature (above 0 K, at most 1e4 K). */
export function temperature(text: string, field = '--temperature'): number {
  const value = parseQuantity(text, 'temperature', field);
  if (!isInAcceptedRange('temperature', value)) {
    throw new InputError(field, describeValue(text), `a temperature ${ACCEPTED_RANGES.temperature.text}, such as "37 degC" or "310.15 K"`);
  }
  return value;
}

/** A voltage in mV (any sign), within ACCEPTED_RANGES.voltage, as in the core and model files. */
export function voltage(text: string, field: string): number {
  const value = parseQuantity(text, 'voltage', field);
  if (!isInAcceptedRange('voltage', value)) {
    throw new InputError(field, describeValue(text), `a voltage ${ACCEPTED_RANGES.voltage.text}, such as "-70 mV" (a bare number is taken as mV)`);
  }
  return value;
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
 * Rethrows an InputError raised by a library call as an error on the option that supplied the value, quoting the
 * text typed there: the core says `inside` and shows the canonical number (`1e-323`), the user typed
 * `--in 1e-320nM`, and that is what the message names. `fields` maps each library field (or the first part of a
 * path such as `ions[0].permeability`) to the option and its text; unmapped fields are kept as they are.
 */
export function asOptions<T>(fields: Readonly<Record<string, OptionValue>>, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof InputError) {
      const root = error.field.split(/[.[]/)[0] ?? error.field;
      const target = Object.hasOwn(fields, error.field) ? fields[error.field] : Object.hasOwn(fields, root) ? fields[root] : undefined;
      if (target !== undefined) throw new InputError(target.option, describeValue(target.value), error.allowed);
    }
    throw error;
  }
}

/** An option with the text the user gave (undefined when not given), to name in place of the library's value. */
export interface OptionValue {
  readonly option: string;
  readonly value: string | undefined;
}

/** The option and the text typed for it: `typed('--in', options.in)`. */
export function typed(option: string, value: string | undefined): OptionValue {
  return { option, value };
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
