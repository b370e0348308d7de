/**
 * The catalogue of built-in mechanisms, by name. Channels described as data in a model are made into
 * mechanisms by `createChannelMechanism` and looked up alongside these.
 */
import { aTypePotassium } from './a-type-potassium.js';
import { connorStevens } from './connor-stevens.js';
import { ghkLeak } from './ghk-leak.js';
import { hodgkinHuxley } from './hh.js';
import { sodiumCalciumExchanger } from './na-ca-exchanger.js';
import { sodiumPotassiumPump } from './na-k-pump.js';
import { passive } from './passive.js';
import { plasmaMembraneCalciumPump } from './plasma-membrane-calcium-pump.js';
import { traubMiles } from './traub-miles.js';
import type { MechanismDefinition } from './types.js';

export const MECHANISMS: readonly MechanismDefinition[] = [
  hodgkinHuxley,
  passive,
  traubMiles,
  sodiumPotassiumPump,
  sodiumCalciumExchanger,
  plasmaMembraneCalciumPump,
  ghkLeak,
  connorStevens,
  aTypePotassium,
];

/** The catalogue mechanism of this name (exact, case-sensitive), or undefined; never a property of Object.prototype. */
export function findMechanism(name: string): MechanismDefinition | undefined {
  return MECHANISMS.find((mechanism) => mechanism.name === name);
}

/** A record without a prototype: `record.constructor` or `record.toString` is undefined, like any unknown key. */
function prototypeFree<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));
}

/**
 * The catalogue as the model-file parser needs it: each mechanism's parameters with their canonical units, so that
 * `"120 mS/cm2"` for `hh.gnabar` is converted and a misspelt mechanism or parameter is reported with the allowed ones.
 * The records have no prototype, so a lookup by a name from a file (`constructor`, `toString`) finds nothing.
 */
export function parameterUnits(): Record<string, Record<string, string>> {
  return prototypeFree(MECHANISMS.map((mechanism) => [mechanism.name, prototypeFree(mechanism.parameters.map((p) => [p.name, p.unit]))] as const));
}
