/**
 * Spontaneous activity: what a membrane does with no stimulus. A run without any injected current (or the part of
 * a run before its stimulus) is classified as
 * - `quiet`: no spike (no upward crossing of `spikeThreshold`, the rule of spikes.ts);
 * - `depolarised`: it spiked, and from the last spike's peak to the end of the window the voltage never fell back
 *   below `depolarisedAbove` (default -40 mV): it fires and then stays depolarised, unable to fire again
 *   (depolarisation block: the K+ current that would repolarise it is missing, and Na+ channels stay inactivated);
 * - `repetitive`: two spikes or more; `rate` (Hz) is 1000 (n - 1) / (t_n - t_1), the inverse of the mean
 *   interspike interval;
 * - `single`: one spike that returns below `depolarisedAbove` (a transient from the starting state).
 * Times in ms, voltages in mV.
 */
import { checkSignal, checkWindow, firstIndexAtOrAfter, lastIndexAtOrBefore, valueAtTime, type Samples } from './samples.js';
import { spikeTimes } from './spikes.js';

export type SpontaneousKind = 'quiet' | 'single' | 'repetitive' | 'depolarised';

export interface SpontaneousActivity {
  readonly kind: SpontaneousKind;
  /** Spike times in the window (ms). */
  readonly spikeTimes: readonly number[];
  /** Mean firing rate from the interspike intervals (Hz); null with fewer than two spikes. */
  readonly rate: number | null;
  /** The voltage at the end of the window (mV). */
  readonly finalVoltage: number;
}

export interface SpontaneousActivityOptions {
  /** Window (ms); default the whole trace. Pass `to` = the stimulus' onset to read only the time before it. */
  readonly from?: number;
  readonly to?: number;
  /** Spike detection level (mV); default 0. */
  readonly spikeThreshold?: number;
  /** Above this voltage (mV) after a spike the membrane counts as staying depolarised; default -40. */
  readonly depolarisedAbove?: number;
}

/** Classifies the activity of an unstimulated membrane (see the definitions at the top of this file). */
export function spontaneousActivity(time: Samples, voltage: Samples, options: SpontaneousActivityOptions = {}): SpontaneousActivity {
  checkSignal(time, voltage);
  const from = options.from ?? time[0];
  const to = options.to ?? time[time.length - 1];
  checkWindow(from, to);
  const level = options.spikeThreshold ?? 0;
  const depolarisedAbove = options.depolarisedAbove ?? -40;
  const spikes = spikeTimes(time, voltage, level).filter((t) => t >= from && t < to);
  const finalVoltage = valueAtTime(time, voltage, to, 'to');
  if (spikes.length === 0) return { kind: 'quiet', spikeTimes: spikes, rate: null, finalVoltage };
  // From the last spike's peak (the maximum after its crossing) to the window's end.
  const start = firstIndexAtOrAfter(time, spikes[spikes.length - 1]);
  const end = lastIndexAtOrBefore(time, to);
  let peak = start;
  for (let i = start; i <= end; i++) if (voltage[i] > voltage[peak]) peak = i;
  let lowest = Infinity;
  for (let i = peak; i <= end; i++) lowest = Math.min(lowest, voltage[i]);
  lowest = Math.min(lowest, finalVoltage);
  const rate = spikes.length >= 2 ? (1000 * (spikes.length - 1)) / (spikes[spikes.length - 1] - spikes[0]) : null;
  if (lowest > depolarisedAbove) return { kind: 'depolarised', spikeTimes: spikes, rate, finalVoltage };
  return { kind: spikes.length >= 2 ? 'repetitive' : 'single', spikeTimes: spikes, rate, finalVoltage };
}
