/**
 * Spike trains: spike times from a voltage trace, firing rates and interspike intervals. Times in ms, rates in Hz.
 */
import { InputError } from '../units/errors.js';
import { checkSignal, checkWindow, crossingTime, type Samples } from './samples.js';

/**
 * Spike times (ms): every upward crossing of `threshold` (mV), i.e. every pair of consecutive samples with
 * `v[i - 1] < threshold <= v[i]`, timed by linear interpolation between the two samples. This is the rule of the
 * engine's spike detectors, so on the same trace both give the same times. A trace that starts at or above the
 * threshold has no crossing at its first sample.
 */
export function spikeTimes(time: Samples, voltage: Samples, threshold = 0): number[] {
  checkSignal(time, voltage);
  if (!Number.isFinite(threshold)) throw new InputError('threshold', String(threshold), 'a finite voltage (mV)');
  const times: number[] = [];
  for (let i = 1; i < time.length; i++) {
    const before = voltage[i - 1];
    const after = voltage[i];
    if (before < threshold && after >= threshold) times.push(crossingTime(time[i - 1], before, time[i], after, threshold));
  }
  return times;
}

/** Number of spike times `t` (ms) with `from <= t < to`. */
export function spikeCount(spikeTimes: readonly number[], from: number, to: number): number {
  checkWindow(from, to);
  let count = 0;
  for (const t of spikeTimes) if (t >= from && t < to) count++;
  return count;
}

/**
 * Mean firing rate (Hz) in the window [from, to) (ms): the number of spikes with `from <= t < to` divided by the
 * window's duration in seconds, `(to - from) / 1000`.
 */
export function firingRate(spikeTimes: readonly number[], from: number, to: number): number {
  return spikeCount(spikeTimes, from, to) / ((to - from) / 1000);
}

/**
 * Interspike intervals (ms): `t[i + 1] - t[i]` for consecutive spike times, one fewer than the spikes (empty for
 * fewer than two). The times must be in non-decreasing order.
 */
export function interspikeIntervals(spikeTimes: readonly number[]): Float64Array {
  const intervals = new Float64Array(Math.max(0, spikeTimes.length - 1));
  for (let i = 0; i < intervals.length; i++) {
    const interval = spikeTimes[i + 1] - spikeTimes[i];
    if (!(interval >= 0)) {
      throw new InputError(`spikeTimes[${i + 1}]`, String(spikeTimes[i + 1]), `a time (ms) at or after spikeTimes[${i}] = ${spikeTimes[i]}`);
    }
    intervals[i] = interval;
  }
  return intervals;
}
