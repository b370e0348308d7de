/**
 * The catalogue of built-in mechanisms, by name. Channels described as data in a model are made into
 * mechanisms by `createChannelMechanism` and looked up alongside these.
 */
import { hodgkinHuxley } from './hh.js';
import { passive } from './passive.js';
import { traubMiles } from './traub-miles.js';
import type { MechanismDefinition } from './types.js';

export const MECHANISMS: readonly MechanismDefinition[] = [hodgkinHuxley, passive, traubMiles];

export function findMechanism(name: string): MechanismDefinition | undefined {
  return MECHANISMS.find((mechanism) => mechanism.name === name);
}
