/**
 * Sampled signals: the checks and the linear interpolation that every analysis in this folder shares.
 *
 * A signal is two equally long arrays, `time` (ms, strictly increasing, not necessarily evenly spaced) and
 * `values` (any unit, usually mV), as `simulate` returns them (`result.time`, `result.traces[k].values`).
 * Between samples a signal is taken to be linear.
 */
import { InputError } from '../units/errors.js';

/** A read-only numeric array: a `Float64Array` from the engine or a plain `number[]`. */
export type Samples = ArrayLike<number>;

/**
 * Checks that `time` and `values` form a signal: the same length, at least two samples, times finite and strictly
 * increasing. Throws an InputError naming `field` otherwise.
 */
export function checkSignal(time: Samples, values: Samples, field = 'voltage'): void {
  if (time.length !== values.length) {
    throw new InputError(field, `${values.length} samples`, `as many samples as time (${time.length})`);
  }
  if (time.length < 2) throw new InputError('time', `${time.length} samples`, 'at least 2 samples');
  for (let i = 1; i < time.length; i++) {
    if (!(time[i] > time[i - 1])) {
      throw new InputError(`time[${i}]`, String(time[i]), `a finite time (ms) greater than time[${i - 1}] = ${time[i - 1]}`);
    }
  }
  if (!Number.isFinite(time[0]) || !Number.isFinite(time[time.length - 1])) {
    throw new InputError('time', `${time[0]}..${time[time.length - 1]}`, 'finite times (ms)');
  }
}

/** Checks that `[from, to]` (ms) is a window of finite times with from < to. */
export function checkWindow(from: number, to: number, field = 'window'): void {
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from)) {
    throw new InputError(field, `from ${from} ms to ${to} ms`, 'finite times (ms) with from < to');
  }
}

/** Index of the first sample at or after `t` (ms); `time.length` when every sample is before `t`. Binary search. */
export function firstIndexAtOrAfter(time: Samples, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last sample at or before `t` (ms); -1 when every sample is after `t`. */
export function lastIndexAtOrBefore(time: Samples, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The signal's value at time `t` (ms), interpolated linearly between the two samples around it (exact at a
 * sample). Throws an InputError when `t` lies outside the sampled range [time[0], time[n - 1]].
 */
export function valueAtTime(time: Samples, values: Samples, t: number, field = 't'): number {
  const last = time.length - 1;
  if (!(t >= time[0] && t <= time[last])) {
    throw new InputError(field, `${t} ms`, `a time within the signal, ${time[0]} to ${time[last]} ms`);
  }
  const k = firstIndexAtOrAfter(time, t);
  if (time[k] === t || k === 0) return values[k];
  return interpolate(time[k - 1], values[k - 1], time[k], values[k], t);
}

/** The value at `t` on the straight line through (t0, v0) and (t1, v1). */
export function interpolate(t0: number, v0: number, t1: number, v1: number, t: number): number {
  return v0 + ((t - t0) / (t1 - t0)) * (v1 - v0);
}

/**
 * The time (ms) at which the straight line through (t0, v0) and (t1, v1) reaches `level`; assumes v0 != v1 and
 * `level` between them.
 */
export function crossingTime(t0: number, v0: number, t1: number, v1: number, level: number): number {
  return t0 + ((level - v0) / (v1 - v0)) * (t1 - t0);
}
