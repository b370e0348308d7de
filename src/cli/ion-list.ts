/**
 * Builds the list of ions a command works on from an optional `--preset` and repeatable `--ion` specs
 * (`K:in=140mM,out=5mM,p=1,z=1`). A spec naming an ion of the preset overrides just the fields it gives;
 * a spec naming a new ion must give its concentrations.
 */
import type { Command } from 'commander';
import { findPreset, lookupIon, type IonPreset } from '../core/index.js';
import { describeValue, InputError } from '../units/index.js';
import { concentration, nonNegativeNumber, quantity, temperature, valence } from './arguments.js';
import { parseIonSpec, specValue, type IonEntry, type IonSpec } from './ion-argument.js';

export interface IonListOptions {
  ion?: string[];
  preset?: string;
  temperature: string;
}

/** Reads `--preset`, naming the option in the error. */
export function presetOption(id: string | undefined, field = '--preset'): IonPreset | undefined {
  if (id === undefined) return undefined;
  try {
    return findPreset(id);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(field, error.value, `${error.allowed} (see "membrane presets")`);
    throw error;
  }
}

/** The temperature, K: `--temperature` if given, else the preset's, else the option's default. */
export function temperatureWithPreset(command: Command, options: { temperature: string }, preset: IonPreset | undefined): number {
  const given = command.getOptionValueSource('temperature') !== 'default';
  return preset !== undefined && !given ? preset.temperature : temperature(options.temperature);
}

/** A plain number, without a unit: a relative permeability. */
const PLAIN_NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/; // linear: no two ways to split the digits

/** A relative permeability (plain number >= 0) or a permeability with a unit (cm/s). */
function permeability(text: string, field: string): number {
  const allowed = 'a permeability >= 0: relative (a plain number such as "0.04") or with a unit ("1e-6 cm/s")';
  if (PLAIN_NUMBER.test(text)) return nonNegativeNumber(text, field, allowed);
  const value = quantity(text, 'permeability', field);
  if (!(value >= 0)) throw new InputError(field, describeValue(text), allowed);
  return value;
}

interface Keys {
  /** Allowed keys of a spec with descriptions. */
  readonly keys: Readonly<Record<string, string>>;
  /** An example spec. */
  readonly example: string;
}

export const GHK_KEYS: Keys = {
  keys: { in: 'inside concentration', out: 'outside concentration', p: 'relative permeability', z: 'valence' },
  example: 'K:in=140mM,out=5mM,p=1',
};

export const ION_KEYS: Keys = {
  keys: { in: 'inside concentration', out: 'outside concentration', z: 'valence' },
  example: 'K:in=140mM,out=5mM',
};

/**
 * Refuses a list that mixes relative permeabilities (plain numbers, a preset's ratios) with absolute ones (with a
 * unit, in cm/s): GHK weighs each ion by its permeability, and 1 (relative) against 1e-6 cm/s is a silent
 * factor of a million. A zero permeability is zero on either scale and mixes with both.
 */
function requireOneScale(entries: readonly IonEntry[], sources: ReadonlyMap<string, string>, option: string): void {
  const weighted = entries.filter((entry) => entry.permeability !== undefined && entry.permeability > 0);
  const relative = weighted.find((entry) => entry.permeabilityScale === 'relative');
  const absolute = weighted.find((entry) => entry.permeabilityScale === 'absolute');
  if (relative === undefined || absolute === undefined) return;
  // Name the one given last of the two (the one that broke the agreement), and the other for reference.
  const order = [...sources.keys()];
  const later = order.indexOf(relative.symbol) > order.indexOf(absolute.symbol) ? relative : absolute;
  const other = later === relative ? absolute : relative;
  const text = sources.get(later.symbol) ?? later.symbol;
  const otherText = sources.get(other.symbol) ?? other.symbol;
  throw new InputError(
    option,
    describeValue(text),
    `permeabilities all relative (plain numbers such as p=0.04) or all absolute (with a unit such as p=1e-6cm/s), not mixed: ` +
      `${later.symbol} is ${later.permeabilityScale} but ${other.symbol} is ${other.permeabilityScale} (from ${describeValue(otherText)})`,
  );
}

/** Merges the preset's ions with the specs, in order: the preset's first, then new ones. */
export function ionList(options: IonListOptions, preset: IonPreset | undefined, keys: Keys, option = '--ion'): IonEntry[] {
  const entries: IonEntry[] = (preset?.ions ?? []).map((ion) => ({
    symbol: ion.symbol,
    valence: lookupIon(ion.symbol).valence,
    inside: ion.inside,
    outside: ion.outside,
    // Presets give permeabilities relative to K+ (presets.ts).
    ...(ion.permeability === undefined ? {} : { permeability: ion.permeability, permeabilityScale: 'relative' as const }),
  }));
  /** Where each entry's permeability came from (the spec, in the order given; the preset first), for messages. */
  const sources = new Map<string, string>(entries.map((entry) => [entry.symbol, `--preset ${preset?.id ?? ''}`]));
  const seen = new Set<string>();
  for (const text of options.ion ?? []) {
    const spec: IonSpec = parseIonSpec(text, option, keys.keys, keys.example);
    const z = spec.fields.has('z') ? specValue(spec, option, 'z', valence) : undefined;
    let species;
    try {
      species = lookupIon(spec.name, z);
    } catch (error) {
      if (error instanceof InputError) {
        throw new InputError(option, describeValue(spec.text), `${error.allowed}; for another ion add its valence, e.g. "La:...,z=3"`);
      }
      throw error;
    }
    if (seen.has(species.symbol)) {
      throw new InputError(option, describeValue(spec.text), `each ion once (${species.symbol} is given twice)`);
    }
    seen.add(species.symbol);
    const index = entries.findIndex((entry) => entry.symbol === species.symbol);
    const previous = index >= 0 ? entries[index] : undefined;
    const read = (key: string, fallback: number | undefined, parse: (text: string, field: string) => number): number | undefined =>
      spec.fields.has(key) ? specValue(spec, option, key, parse) : fallback;
    const inside = read('in', previous?.inside, concentration);
    const outside = read('out', previous?.outside, concentration);
    const p = 'p' in keys.keys ? read('p', previous?.permeability, permeability) : undefined;
    if (inside === undefined || outside === undefined) {
      const missing = inside === undefined ? 'in' : 'out';
      throw new InputError(
        option,
        describeValue(spec.text),
        `both concentrations for ${species.symbol} (no ${missing}=${preset ? ` and ${preset.id} has no ${species.symbol}` : ''}), as in "${keys.example}"`,
      );
    }
    const pText = spec.fields.get('p');
    const scale = pText === undefined ? previous?.permeabilityScale : PLAIN_NUMBER.test(pText) ? 'relative' : 'absolute';
    const entry: IonEntry = {
      symbol: species.symbol,
      valence: species.valence,
      inside,
      outside,
      ...(p === undefined ? {} : { permeability: p, ...(scale === undefined ? {} : { permeabilityScale: scale }) }),
    };
    if (pText !== undefined) {
      sources.delete(species.symbol);
      sources.set(species.symbol, spec.text);
    }
    if (index >= 0) entries[index] = entry;
    else entries.push(entry);
  }
  requireOneScale(entries, sources, option);
  if (entries.length === 0) {
    throw new InputError(option, 'nothing', `at least one ion, as in "${keys.example}" (repeat ${option} for more), or --preset <id>`);
  }
  return entries;
}
