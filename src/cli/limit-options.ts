/**
 * The options that raise the resource limits of `membrane run` and `membrane check` (../model/resource-estimate.ts,
 * docs/model-format.md "Limits"): one per limit, for machines larger than the defaults suit. Both commands take the
 * same options, so `check` with them refuses exactly what `run` with them would.
 */
import type { Command } from 'commander';
import { DEFAULT_RESOURCE_LIMITS, RESOURCE_LIMIT_OPTIONS, type ResourceLimits } from '../model/index.js';
import { InputError } from '../units/errors.js';

/** What each option counts, for its help line; memory is given in GB (1e9 bytes). */
const DESCRIPTIONS: Readonly<Record<keyof ResourceLimits, string>> = {
  compartments: 'most compartments in the model',
  steps: 'most time steps (duration / timeStep)',
  compartmentSteps: 'most compartments x steps',
  recordedValues: 'most recorded values (samples x (recordings + time))',
  events: 'most spike times, events and noise values drawn before the run',
  memoryBytes: 'most memory the run may need, in GB',
};

const KEYS = Object.keys(DEFAULT_RESOURCE_LIMITS) as (keyof ResourceLimits)[];

/** The option's property name as commander stores it: `--max-compartment-steps` -> `maxCompartmentSteps`. */
function propertyOf(option: string): string {
  return option.replace(/^--/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Adds `--max-compartments`, `--max-steps`, ... with their defaults in the help. */
export function addLimitOptions(command: Command): Command {
  for (const key of KEYS) {
    const option = RESOURCE_LIMIT_OPTIONS[key];
    const fallback = key === 'memoryBytes' ? DEFAULT_RESOURCE_LIMITS[key] / 1e9 : DEFAULT_RESOURCE_LIMITS[key];
    command.option(`${option} <number>`, `${DESCRIPTIONS[key]} (default ${fallback}; see docs/model-format.md, "Limits")`);
  }
  return command;
}

/** The limits given on the command line (each a positive number, such as 1e10), the others left to their defaults. */
export function limitsOf(options: Readonly<Record<string, unknown>>): Partial<ResourceLimits> {
  const limits: Partial<Record<keyof ResourceLimits, number>> = {};
  for (const key of KEYS) {
    const option = RESOURCE_LIMIT_OPTIONS[key];
    const text = options[propertyOf(option)];
    if (text === undefined) continue;
    const typed = String(text);
    const value = /^\s*[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(typed) ? Number(typed) : Number.NaN;
    if (!(value > 0) || !Number.isFinite(value)) {
      const shown = typed.length > 80 ? `${JSON.stringify(typed.slice(0, 77))}...` : JSON.stringify(typed);
      throw new InputError(option, shown, `a positive number such as ${key === 'memoryBytes' ? '16 (GB)' : '1e10'}`);
    }
    limits[key] = key === 'memoryBytes' ? value * 1e9 : value;
  }
  return limits;
}
