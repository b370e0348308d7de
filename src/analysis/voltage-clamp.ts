/**
 * Voltage-clamp readouts: the peak inward current of a voltage step and the steady current at its end, as read from
 * the clamp's current (nA) in a step experiment (Hodgkin & Huxley 1952, J Physiol 116:449: the early transient
 * inward current, carried by Na+, and the late sustained outward current, carried by K+).
 *
 * Sign: the clamp current is the current the clamp injects into the cell (nA, positive into the cell, the library's
 * `<clamp id>.i`). Once the capacitance is charged, the clamp supplies exactly what the membrane passes, so the
 * clamp current equals the membrane current with the usual convention: inward negative, outward positive.
 *
 * Definitions, over a step from `from` to `to` (ms):
 * - the capacitive transient is skipped: samples in the first `settle` ms of the step (default 0.1 ms; an ideal
 *   clamp charges the membrane within one time step) are not read;
 * - peak inward current: the most negative clamp current from `from + settle` to `to`, and its time; null when
 *   the current there never goes below zero (no inward current, e.g. a step beyond E_Na);
 * - steady current: the clamp current at the last sample at or before `to` (the end of the step), and that
 *   sample's time; positive means outward.
 */
import { InputError } from '../units/errors.js';
import { checkSignal, checkWindow, firstIndexAtOrAfter, lastIndexAtOrBefore, type Samples } from './samples.js';

export interface ClampCurrentSample {
  /** Current, nA (inward negative). */
  readonly current: number;
  /** Time, ms. */
  readonly time: number;
}

export interface VoltageClampCurrents {
  /** The most negative current after the capacitive transient, or null when no current is inward. */
  readonly peakInward: ClampCurrentSample | null;
  /** The current at the end of the step (outward positive). */
  readonly steady: ClampCurrentSample;
}

export interface VoltageClampOptions {
  /** Start and end of the voltage step, ms. */
  readonly from: number;
  readonly to: number;
  /** Time skipped after the step's start for the capacitive transient, ms; default 0.1. */
  readonly settle?: number;
}

/** Peak inward and steady current of a voltage step (see the definitions at the top of this file). */
export function voltageClampCurrents(time: Samples, current: Samples, options: VoltageClampOptions): VoltageClampCurrents {
  checkSignal(time, current, 'current');
  const { from, to } = options;
  checkWindow(from, to);
  const settle = options.settle ?? 0.1;
  if (!(settle >= 0) || !(settle < to - from)) {
    throw new InputError('settle', String(settle), `a time (ms) from 0 to less than the step's duration (${to - from} ms)`);
  }
  const first = firstIndexAtOrAfter(time, from + settle);
  const last = lastIndexAtOrBefore(time, to);
  if (first > last) throw new InputError('window', `from ${from} ms to ${to} ms`, 'a step holding at least one sample after the settling time');
  let lowest = first;
  for (let i = first + 1; i <= last; i++) if (current[i] < current[lowest]) lowest = i;
  return {
    peakInward: current[lowest] < 0 ? { current: current[lowest], time: time[lowest] } : null,
    steady: { current: current[last], time: time[last] },
  };
}
