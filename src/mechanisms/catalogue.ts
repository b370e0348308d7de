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

export function findMechanism(name: string): MechanismDefinition | undefined {
  return MECHANISMS.find((mechanism) => mechanism.name === name);
}

/**
 * The catalogue as the model-file parser needs it: each mechanism's parameters with their canonical units, so that
 * `"120 mS/cm2"` for `hh.gnabar` is converted and a misspelt mechanism or parameter is reported with the allowed ones.
 */
export function parameterUnits(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    MECHANISMS.map((mechanism) => [mechanism.name, Object.fromEntries(mechanism.parameters.map((p) => [p.name, p.unit]))]),
  );
}
