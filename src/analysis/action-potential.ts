/**
 * The shape of an action potential: threshold, peak, amplitude, half-width, undershoot. Voltages in mV, times in
 * ms, rates of change in mV/ms (= V/s).
 *
 * Definitions (as in the Allen Cell Types and eFEL feature sets, which use the same dV/dt criterion):
 * - dV/dt is the slope between consecutive samples, placed at their midpoint (time and voltage);
 * - a spike begins where dV/dt rises through `dvdtThreshold` and peaks at the first local maximum after that;
 * - `threshold` is the voltage where dV/dt last rises through `dvdtThreshold` before the peak, interpolated
 *   linearly between the two midpoints that straddle it;
 * - `peak` is the maximum, refined by the parabola through the highest sample and its two neighbours;
 * - `amplitude = peak - threshold`; `halfWidth` is the time between the upward and downward crossings of
 *   `threshold + amplitude / 2`, each interpolated linearly;
 * - the undershoot (after-hyperpolarisation) is the minimum after the peak, up to the end of the window or the
 *   onset of the next spike, refined by a parabola like the peak; its `depth` is `baseline - minimum`, positive
 *   below the baseline;
 * - `baseline` is the voltage at the window's start (`from`, interpolated): start the window where the membrane
 *   is at rest before the spike.
 *
 * Spikes that start during an injected current: while a stimulus I_stim (nA) charges a membrane of capacitance C
 * (nF), dV/dt holds I_stim / C (nA/nF = mV/ms) on top of the membrane's own currents, so a pulse of 0.2 nA into
 * 10 pF alone rises at 20 mV/ms and the plain criterion marks the pulse's start, not the spike. Given the
 * stimulus current and the capacitance (`stimulus`), the criterion is applied to the ionic part of the slope,
 * dV/dt - I_stim/C = -I_ion/C: the rate at which the membrane's own (voltage-gated, leak) currents move V. It
 * equals dV/dt wherever no stimulus flows, so it gives the same threshold for spikes after a pulse, and it finds
 * the regenerative rise of spikes that start during one. (Thresholds from dV/dt: Sekerli M, Del Negro CA, Lee RH,
 * Butera RJ (2004) IEEE Trans Biomed Eng 51:1665-1672, who compare the definitions; the Allen Cell Types
 * electrophysiology white paper and eFEL's AP_begin_voltage use dV/dt crossing a fixed rate.) Over a sample
 * interval the stimulus is taken as the mean of its two end samples; an interval across which the stimulus jumps
 * (by more than a quarter of the criterion times C, and by more than 4 times the change over either neighbouring
 * interval: a step's edge, not a fast smooth current) is not known from the samples, so it keeps the ionic slope
 * of the interval before it (the threshold time is then off by at most one sample interval).
 */
import { InputError } from '../units/errors.js';
import { checkSignal, checkWindow, crossingTime, firstIndexAtOrAfter, interpolate, lastIndexAtOrBefore, valueAtTime, type Samples } from './samples.js';

export interface ActionPotentialOptions {
  /** Start of the window searched (ms); default the first sample. Its voltage is the baseline. */
  readonly from?: number;
  /** End of the window searched (ms); default the last sample. */
  readonly to?: number;
  /** Rate of rise (mV/ms) that marks the spike's threshold; default 10 mV/ms. */
  readonly dvdtThreshold?: number;
  /**
   * The injected current (nA, positive into the cell, sampled at the voltage's times) and the membrane's
   * capacitance (nF): the threshold criterion is then applied to dV/dt - I_stim/C (see the top of this file).
   */
  readonly stimulus?: { readonly current: Samples; readonly capacitance: number };
}

export interface Undershoot {
  /** The minimum voltage after the peak (mV). */
  readonly voltage: number;
  /** When it is reached (ms). */
  readonly time: number;
  /** `baseline - voltage` (mV): positive when the undershoot goes below the baseline. */
  readonly depth: number;
}

export interface ActionPotentialShape {
  /** Voltage (mV) where dV/dt last rises through dvdtThreshold before the peak, and when (ms). */
  readonly threshold: number;
  readonly thresholdTime: number;
  /** Maximum voltage (mV) and its time (ms). */
  readonly peak: number;
  readonly peakTime: number;
  /** `peak - threshold` (mV). */
  readonly amplitude: number;
  /** Width (ms) at `threshold + amplitude / 2`. */
  readonly halfWidth: number;
  readonly undershoot: Undershoot;
  /** Voltage (mV) at the start of the window. */
  readonly baseline: number;
}

/** A point of a sampled curve: time (ms) and value. */
interface Point {
  readonly time: number;
  readonly value: number;
}

/**
 * The vertex of the parabola through three samples (i - 1, i, i + 1): the refined extremum near sample i. Falls
 * back to the sample itself when the three points are collinear.
 */
function parabolicExtremum(time: Samples, v: Samples, i: number): Point {
  const a = time[i - 1] - time[i];
  const b = time[i + 1] - time[i];
  const p = v[i - 1] - v[i];
  const q = v[i + 1] - v[i];
  const denominator = a * b * (a - b);
  const curvature = (p * b - q * a) / denominator;
  const slope = (q * a * a - p * b * b) / denominator;
  if (!(curvature !== 0) || !Number.isFinite(curvature)) return { time: time[i], value: v[i] };
  const offset = -slope / (2 * curvature);
  if (!(offset >= a && offset <= b)) return { time: time[i], value: v[i] };
  return { time: time[i] + offset, value: v[i] - (slope * slope) / (4 * curvature) };
}

/**
 * The ionic part of dV/dt (mV/ms) over each sample interval i (samples i and i + 1): (v[i + 1] - v[i]) / dt minus
 * the mean stimulus current of the interval over the capacitance; intervals across which the stimulus jumps keep
 * the previous interval's value (see the top of this file). One value fewer than the samples.
 */
export function ionicSlopes(time: Samples, voltage: Samples, stimulusCurrent: Samples, capacitance: number, dvdtThreshold = 10): Float64Array {
  checkSignal(time, voltage);
  checkSignal(time, stimulusCurrent, 'stimulus.current');
  if (!(capacitance > 0) || !Number.isFinite(capacitance)) {
    throw new InputError('stimulus.capacitance', String(capacitance), 'a positive capacitance (nF), such as 0.01 for 1000 um2 at 1 uF/cm2');
  }
  const jump = (dvdtThreshold / 4) * capacitance;
  const n = time.length;
  const change = (i: number) => (i >= 0 && i + 1 < n ? Math.abs(stimulusCurrent[i + 1] - stimulusCurrent[i]) : 0);
  const out = new Float64Array(n - 1);
  for (let i = 0; i + 1 < n; i++) {
    // A jump: a change larger than jump and than 4 times the change of either neighbouring interval (a step's edge,
    // not a fast but smooth current such as a synaptic one, whose neighbouring changes are alike).
    const isJump = change(i) > jump && change(i) > 4 * Math.max(change(i - 1), change(i + 1));
    if (i > 0 && isJump) {
      out[i] = out[i - 1];
      continue;
    }
    const mean = isJump ? stimulusCurrent[i] : (stimulusCurrent[i] + stimulusCurrent[i + 1]) / 2;
    out[i] = (voltage[i + 1] - voltage[i]) / (time[i + 1] - time[i]) - mean / capacitance;
  }
  return out;
}

/**
 * Finds the first action potential in the window and measures its shape (see the definitions at the top of this
 * file). Returns null when the window holds no complete spike: no rise through `dvdtThreshold`, or a rise whose
 * peak is the end of the window, or one that does not fall back below half its amplitude before the next spike or
 * the window's end (then the next candidate in the window is tried).
 */
export function actionPotentialShape(time: Samples, voltage: Samples, options: ActionPotentialOptions = {}): ActionPotentialShape | null {
  checkSignal(time, voltage);
  const from = options.from ?? time[0];
  const to = options.to ?? time[time.length - 1];
  checkWindow(from, to);
  const dvdtThreshold = options.dvdtThreshold ?? 10;
  if (!(dvdtThreshold > 0) || !Number.isFinite(dvdtThreshold)) {
    throw new InputError('dvdtThreshold', String(dvdtThreshold), 'a positive rate of rise (mV/ms), such as 10');
  }
  const baseline = valueAtTime(time, voltage, from, 'from');
  const first = firstIndexAtOrAfter(time, from);
  const last = lastIndexAtOrBefore(time, to);
  const v = voltage;
  const ionic = options.stimulus ? ionicSlopes(time, voltage, options.stimulus.current, options.stimulus.capacitance, dvdtThreshold) : undefined;
  /** dV/dt (mV/ms) between samples i and i + 1, less the stimulus' share when it is given. */
  const slope = ionic ? (i: number) => ionic[i] : (i: number) => (v[i + 1] - v[i]) / (time[i + 1] - time[i]);
  const midTime = (i: number) => (time[i] + time[i + 1]) / 2;
  const midValue = (i: number) => (v[i] + v[i + 1]) / 2;
  /** The first j >= start with slope(j - 1) < dvdtThreshold <= slope(j), all within the window; -1 if none. */
  const nextOnset = (start: number) => {
    for (let j = Math.max(start, first + 1); j + 1 <= last; j++) {
      if (slope(j - 1) < dvdtThreshold && slope(j) >= dvdtThreshold) return j;
    }
    return -1;
  };

  let onset = nextOnset(first + 1);
  while (onset >= 0) {
    let k = onset + 1;
    while (k < last && v[k + 1] > v[k]) k++;
    if (k >= last) return null; // still rising at the end of the window
    const next = nextOnset(k + 1);
    const limit = next < 0 ? last : next;

    // Threshold: the last rise of dV/dt through the threshold before the peak (onset at the latest).
    let m = k - 1;
    while (m > onset && !(slope(m - 1) < dvdtThreshold && slope(m) >= dvdtThreshold)) m--;
    const s0 = slope(m - 1);
    const s1 = slope(m);
    const thresholdTime = interpolate(s0, midTime(m - 1), s1, midTime(m), dvdtThreshold);
    const threshold = interpolate(s0, midValue(m - 1), s1, midValue(m), dvdtThreshold);

    const top = parabolicExtremum(time, v, k);
    const amplitude = top.value - threshold;
    const half = threshold + amplitude / 2;
    if (amplitude > 0) {
      // Upward crossing of the half level, from the threshold point to the peak.
      let previous: Point = { time: thresholdTime, value: threshold };
      let rise = Number.NaN;
      for (let i = m; i <= k && Number.isNaN(rise); i++) {
        if (time[i] <= thresholdTime) continue;
        if (time[i] >= top.time) break;
        if (v[i] >= half) rise = crossingTime(previous.time, previous.value, time[i], v[i], half);
        previous = { time: time[i], value: v[i] };
      }
      if (Number.isNaN(rise)) rise = crossingTime(previous.time, previous.value, top.time, top.value, half);

      // Downward crossing, from the peak to the next spike's onset or the window's end.
      previous = top;
      let fall = Number.NaN;
      let fallIndex = -1;
      for (let i = k; i <= limit; i++) {
        if (time[i] <= top.time) continue;
        if (v[i] <= half) {
          fall = crossingTime(previous.time, previous.value, time[i], v[i], half);
          fallIndex = i;
          break;
        }
        previous = { time: time[i], value: v[i] };
      }

      if (fallIndex >= 0) {
        let low = fallIndex;
        for (let i = fallIndex + 1; i <= limit; i++) if (v[i] < v[low]) low = i;
        const bottom = low < limit && low > fallIndex ? parabolicExtremum(time, v, low) : { time: time[low], value: v[low] };
        return {
          threshold,
          thresholdTime,
          peak: top.value,
          peakTime: top.time,
          amplitude,
          halfWidth: fall - rise,
          undershoot: { voltage: bottom.value, time: bottom.time, depth: baseline - bottom.value },
          baseline,
        };
      }
    }
    onset = next;
  }
  return null;
}
