/**
 * The run settings: the time step checked against the duration, the record interval completed (default the time
 * step) and checked to be a whole multiple of the time step.
 */
import type { RunSettings } from './types.js';
import type { RawModel } from './schema.js';
import type { Report } from './resolve-helpers.js';

/** Checks the run settings and completes the record interval. */
export function resolveRun(raw: RawModel['run'], report: Report): RunSettings {
  if (raw.timeStep > raw.duration) {
    report({ path: ['run', 'timeStep'], input: raw.timeStep, allowed: `a time step no longer than the duration (${raw.duration} ms)` });
  }
  const interval = raw.recordInterval ?? raw.timeStep;
  const ratio = interval / raw.timeStep;
  if (interval < raw.timeStep * (1 - 1e-9) || Math.abs(ratio - Math.round(ratio)) > 1e-6 * ratio) {
    report({
      path: ['run', 'recordInterval'],
      input: interval,
      allowed: `a whole multiple of the time step (${raw.timeStep} ms), such as ${raw.timeStep} or ${Number((raw.timeStep * 4).toPrecision(12))} ms`,
    });
  }
  return {
    duration: raw.duration,
    timeStep: raw.timeStep,
    integrator: raw.integrator,
    absoluteTolerance: raw.absoluteTolerance,
    relativeTolerance: raw.relativeTolerance,
    recordInterval: interval,
    rates: raw.rates,
  };
}
