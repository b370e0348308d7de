/**
 * Refractory periods by paired pulses: after a conditioning pulse fires an action potential, a second pulse of the
 * same width follows after an interval (start to start, ms), and the smallest amplitude that fires a second action
 * potential is found by bisection. Its ratio to the threshold of one pulse alone is the relative threshold at that
 * interval (Hodgkin & Huxley 1952, J Physiol 117:500, fig. 20; Hille 2001, Ion Channels of Excitable Membranes,
 * ch. 2).
 *
 * Definitions:
 * - a second action potential is a second upward crossing of the model's spike detector `spikeId` (its
 *   threshold, usually 0 mV) in the run;
 * - the absolute refractory period is the shortest interval at which a second pulse of `maximumRatio` (default
 *   10) times the single-pulse threshold fires a second action potential: no stimulus up to that strength can
 *   fire one before it. It is found by bisection on the interval to `resolution` (default 0.05 ms);
 * - the relative refractory period lasts from there until the relative threshold first falls back to
 *   1 + `recoveredWithin` (default 0.1: within 10 % of the single-pulse threshold), interpolated linearly between
 *   the two sampled intervals around that crossing; null when it does not within the intervals given.
 */
import { simulate } from '../engine/index.js';
import type { Model, Stimulus } from '../model/types.js';
import { InputError } from '../units/errors.js';

export interface PairedPulseOptions {
  /**
   * A model whose first current clamp is a step (the conditioning pulse, which must fire) and which detects spikes
   * with `spikeId`. Its recordings are dropped (only the spike times are read).
   */
  readonly model: Model;
  readonly spikeId: string;
  /** Threshold amplitude of the pulse alone (the step's unit, usually nA). */
  readonly singleThreshold: number;
  /** Intervals between the starts of the two pulses, ms, increasing. */
  readonly intervals: readonly number[];
  /** Strongest second pulse tried, as a multiple of `singleThreshold`; default 10. */
  readonly maximumRatio?: number;
  /** Bisection steps on each amplitude; default 8 (resolution maximumRatio / 256). */
  readonly iterations?: number;
}

export interface PairedPulsePoint {
  /** Interval between the pulses' starts, ms. */
  readonly interval: number;
  /** Threshold of the second pulse over the single-pulse threshold; null when none up to `maximumRatio` fires. */
  readonly relativeThreshold: number | null;
}

export interface RefractoryPeriods {
  /** Absolute refractory period, ms; null when even the longest interval given fails to fire at `maximumRatio`. */
  readonly absolute: number | null;
  /** End of the relative refractory period, ms (from the first pulse's start); null when not reached. */
  readonly relative: number | null;
  /** The paired-pulse curve it was read from. */
  readonly points: readonly PairedPulsePoint[];
}

function conditioningPulse(model: Model): Extract<Stimulus, { kind: 'current-clamp' }> & { waveform: { shape: 'step' } } {
  const first = model.stimuli.find((stimulus) => stimulus.kind === 'current-clamp');
  if (!first || first.kind !== 'current-clamp' || first.waveform.shape !== 'step') {
    throw new InputError('model.stimuli', first ? `a ${first.kind} ${first.kind === 'current-clamp' ? first.waveform.shape : ''}`.trim() : 'no current clamp', 'a current-clamp step (the conditioning pulse)');
  }
  return first as Extract<Stimulus, { kind: 'current-clamp' }> & { waveform: { shape: 'step' } };
}

/** Counts the spikes of `spikeId` with a second pulse of `amplitude` after `interval` ms. */
function pairedSpikes(model: Model, spikeId: string, interval: number, amplitude: number): number {
  const first = conditioningPulse(model);
  const second: Stimulus = { ...first, id: `${first.id}-second`, waveform: { ...first.waveform, delay: first.waveform.delay + interval, amplitude } };
  const result = simulate({ ...model, recordings: [], stimuli: [first, second] });
  const train = result.spikes.find((spikes) => spikes.id === spikeId);
  if (!train) throw new InputError('spikeId', spikeId, `one of the model's spike detectors (${result.spikes.map((s) => s.id).join(', ') || 'none'})`);
  return train.times.length;
}

function checkOptions(options: PairedPulseOptions): { maximumRatio: number; iterations: number } {
  const maximumRatio = options.maximumRatio ?? 10;
  const iterations = options.iterations ?? 8;
  if (!(options.singleThreshold > 0) || !Number.isFinite(options.singleThreshold)) {
    throw new InputError('singleThreshold', String(options.singleThreshold), 'a positive, finite threshold amplitude');
  }
  if (!(maximumRatio > 1) || !Number.isFinite(maximumRatio)) throw new InputError('maximumRatio', String(maximumRatio), 'a finite number above 1');
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 40) throw new InputError('iterations', String(iterations), 'an integer from 1 to 40');
  options.intervals.forEach((interval, i) => {
    if (!(interval > 0) || !Number.isFinite(interval) || (i > 0 && !(interval > options.intervals[i - 1]))) {
      throw new InputError(`intervals[${i}]`, String(interval), 'positive, finite intervals (ms) in increasing order');
    }
  });
  if (pairedSpikes(options.model, options.spikeId, 1e6, 0) < 1) {
    throw new InputError('model', 'a conditioning pulse that does not fire', 'a first current step strong enough to fire an action potential');
  }
  return { maximumRatio, iterations };
}

/** The relative threshold of a second pulse at each interval (see the top of this file). */
export function pairedPulseThresholds(options: PairedPulseOptions): PairedPulsePoint[] {
  const { maximumRatio, iterations } = checkOptions(options);
  const { model, spikeId, singleThreshold } = options;
  return options.intervals.map((interval) => {
    const fires = (amplitude: number) => pairedSpikes(model, spikeId, interval, amplitude) >= 2;
    let low = 0;
    let high = singleThreshold * maximumRatio;
    if (!fires(high)) return { interval, relativeThreshold: null };
    for (let i = 0; i < iterations; i++) {
      const middle = (low + high) / 2;
      if (fires(middle)) high = middle;
      else low = middle;
    }
    return { interval, relativeThreshold: high / singleThreshold };
  });
}

export interface RefractoryPeriodOptions extends PairedPulseOptions {
  /** Resolution of the absolute period's bisection, ms; default 0.05. */
  readonly resolution?: number;
  /** The relative period ends when the relative threshold is at most 1 + this; default 0.1. */
  readonly recoveredWithin?: number;
}

/** Absolute and relative refractory periods, with the paired-pulse curve (see the top of this file). */
export function refractoryPeriods(options: RefractoryPeriodOptions): RefractoryPeriods {
  const resolution = options.resolution ?? 0.05;
  const recoveredWithin = options.recoveredWithin ?? 0.1;
  if (!(resolution > 0) || !Number.isFinite(resolution)) throw new InputError('resolution', String(resolution), 'a positive time (ms), such as 0.05');
  if (!(recoveredWithin >= 0) || !Number.isFinite(recoveredWithin)) throw new InputError('recoveredWithin', String(recoveredWithin), 'a fraction at or above 0, such as 0.1');
  const points = pairedPulseThresholds(options);
  const firstFiring = points.findIndex((point) => point.relativeThreshold !== null);
  if (firstFiring < 0) return { absolute: null, relative: null, points };
  // Absolute: bisection on the interval between the last silent and the first firing one, at the strongest pulse.
  const strongest = options.singleThreshold * (options.maximumRatio ?? 10);
  let silent = firstFiring > 0 ? points[firstFiring - 1].interval : 0;
  let firing = points[firstFiring].interval;
  while (firing - silent > resolution) {
    const middle = (silent + firing) / 2;
    if (pairedSpikes(options.model, options.spikeId, middle, strongest) >= 2) firing = middle;
    else silent = middle;
  }
  const absolute = (silent + firing) / 2;
  // Relative: the first fall of the relative threshold to 1 + recoveredWithin after the absolute period.
  const level = 1 + recoveredWithin;
  let relative: number | null = null;
  for (let i = firstFiring; i < points.length && relative === null; i++) {
    const ratio = points[i].relativeThreshold as number | null;
    if (ratio === null || ratio > level) continue;
    const before = i > firstFiring ? points[i - 1] : undefined;
    const previousRatio = before?.relativeThreshold;
    relative = before && typeof previousRatio === 'number' && previousRatio > level
      ? before.interval + ((previousRatio - level) / (previousRatio - ratio)) * (points[i].interval - before.interval)
      : Math.max(absolute, points[i].interval);
  }
  return { absolute, relative, points };
}
