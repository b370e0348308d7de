/**
 * Comparing a trace with a reference, as the Rallpacks do (Bhalla, Bilitch & Bower 1992, Trends Neurosci 15:453):
 * the RMS and the maximum of the difference, each divided by the reference's range (max - min), as fractions.
 * Our trace (uniformly sampled from time[0]) is interpolated linearly at the reference's times.
 */
import { InputError } from '../units/errors.js';
import type { Samples } from './samples.js';

export interface TraceErrors {
  /** RMS difference / reference range. */
  readonly rms: number;
  /** Maximum absolute difference / reference range. */
  readonly max: number;
}

export function relativeTraceErrors(
  reference: { readonly time: Samples; readonly values: Samples },
  time: Samples,
  values: Samples,
): TraceErrors {
  if (time.length < 2 || values.length !== time.length) {
    throw new InputError('values', `${values.length} samples at ${time.length} times`, 'at least two samples, one per time');
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < reference.values.length; i++) {
    lo = Math.min(lo, reference.values[i]);
    hi = Math.max(hi, reference.values[i]);
  }
  const range = hi - lo;
  if (!(range > 0)) throw new InputError('reference', 'a constant trace', 'a reference whose values vary');
  const start = time[0];
  const step = time[1] - time[0];
  let sum = 0;
  let max = 0;
  for (let i = 0; i < reference.time.length; i++) {
    const t = reference.time[i];
    const k = Math.max(0, Math.min(time.length - 2, Math.floor((t - start) / step + 1e-9)));
    const fraction = (t - time[k]) / step;
    const ours = values[k] + fraction * (values[k + 1] - values[k]);
    const error = ours - reference.values[i];
    sum += error * error;
    max = Math.max(max, Math.abs(error));
  }
  return { rms: Math.sqrt(sum / reference.time.length) / range, max: max / range };
}
