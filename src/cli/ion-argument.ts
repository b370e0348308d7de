/**
 * Parses ion specs given on the command line, such as `--ion K:in=140mM,out=5mM,p=1` or `--ion Ca:in=100nM,out=2mM,z=2`.
 * The grammar is `NAME[:key=value[,key=value]...]`; which keys are allowed depends on the command.
 * Only the text is split here: the values are parsed (with their units) by the command that knows their kind.
 */
import { describeValue, InputError } from '../units/errors.js';

export interface IonSpec {
  /** The ion's name as written, e.g. `K` or `Ca`. */
  readonly name: string;
  /** key -> value text, in the order given. */
  readonly fields: ReadonlyMap<string, string>;
  /** The whole spec as given, for error messages. */
  readonly text: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9_+\-]*$/;

/**
 * Splits one spec. `keys` lists the allowed keys with a short description each (used in the error message);
 * `example` shows a full valid spec.
 */
export function parseIonSpec(text: string, option: string, keys: Readonly<Record<string, string>>, example: string): IonSpec {
  const keyList = Object.entries(keys)
    .map(([key, description]) => `${key} (${description})`)
    .join(', ');
  const allowed = `NAME:key=value,... such as "${example}", with keys ${keyList}`;
  const fail = (why: string): never => {
    throw new InputError(option, describeValue(text), `${allowed}${why ? ` (${why})` : ''}`);
  };
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const name = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim();
  if (!NAME.test(name)) fail('the ion name must come first');
  const fields = new Map<string, string>();
  if (colon >= 0) {
    const rest = trimmed.slice(colon + 1);
    if (rest.trim() === '') fail('nothing after ":"');
    for (const part of rest.split(',')) {
      const equals = part.indexOf('=');
      if (equals < 0) fail(`${describeValue(part.trim())} has no "="`);
      const key = part.slice(0, equals).trim();
      const value = part.slice(equals + 1).trim();
      if (!Object.hasOwn(keys, key)) fail(`unknown key ${describeValue(key)}`);
      if (value === '') fail(`no value for ${describeValue(key)}`);
      if (fields.has(key)) fail(`${describeValue(key)} given twice`);
      fields.set(key, value);
    }
  }
  return { name, fields, text };
}

/** Commander argument collector for a repeatable option: keeps every occurrence, in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** One ion after merging a preset with the `--ion` specs: canonical units (mM). */
export interface IonEntry {
  readonly symbol: string;
  readonly valence: number;
  readonly inside: number;
  readonly outside: number;
  /** Relative permeability (or cm/s), when known. */
  readonly permeability?: number;
  /**
   * How the permeability was written: `relative` (a plain number, or a preset's ratio) or `absolute` (with a unit,
   * converted to cm/s). The two cannot be mixed in one calculation: 1 (relative) and 1e-6 cm/s are not comparable.
   */
  readonly permeabilityScale?: 'relative' | 'absolute';
}

/** Rethrows a failure to read one value of a spec as an error on the option, naming the value, key and spec. */
export function specValue<T>(spec: IonSpec, option: string, key: string, read: (text: string, field: string) => T): T {
  const text = spec.fields.get(key) as string;
  try {
    return read(text, option);
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(option, `${describeValue(text)} for ${key}= in ${describeValue(spec.text)}`, error.allowed);
    }
    throw error;
  }
}
