/**
 * Current-clamp waveforms evaluated as their AVERAGE over a step [t0, t1] (ms). Using the exact integral of the
 * waveform rather than its value at one instant honours every edge exactly: a pulse that starts or ends inside a
 * step delivers exactly its charge, wherever the edge falls. `breakpoints` lists the edges, so that the adaptive
 * integrator can stop on them.
 */
import type { CurrentWaveform } from '../model/types.js';
import { mulberry32 } from './random.js';

/** Integral over [t0, t1] of a constant c switched on during [start, end]. */
function boxIntegral(c: number, start: number, end: number, t0: number, t1: number): number {
  const overlap = Math.min(end, t1) - Math.max(start, t0);
  return overlap > 0 ? c * overlap : 0;
}

/** Seeded Gaussian values (mulberry32 generator, Box-Muller transform), reproducible across platforms. */
export function gaussianSequence(seed: number, count: number, mean: number, standardDeviation: number): Float64Array {
  const uniform = mulberry32(seed);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const u = 1 - uniform();
    const w = uniform();
    values[i] = mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
  }
  return values;
}

/** A waveform prepared for repeated evaluation (noise samples drawn once). */
export interface PreparedWaveform {
  readonly waveform: CurrentWaveform;
  readonly noise: Float64Array | null;
}

export function prepareWaveform(waveform: CurrentWaveform): PreparedWaveform {
  if (waveform.shape !== 'noise') return { waveform, noise: null };
  const count = Math.max(1, Math.ceil(waveform.duration / waveform.interval));
  return { waveform, noise: gaussianSequence(waveform.seed, count, waveform.mean, waveform.standardDeviation) };
}

/** Integral of the waveform over [t0, t1] (value unit x ms). */
export function waveformIntegral(prepared: PreparedWaveform, t0: number, t1: number): number {
  const w = prepared.waveform;
  const start = w.delay;
  const end = w.delay + w.duration;
  if (t1 <= start) return 0;
  switch (w.shape) {
    case 'step':
      return boxIntegral(w.amplitude, start, end, t0, t1);
    case 'train': {
      let total = 0;
      // Pulses may be longer than the interval (they then overlap and add): start from the first that can still be on.
      const first = Math.max(0, Math.floor((t0 - start - w.duration) / w.interval));
      for (let k = first; k < w.count; k++) {
        const pulseStart = start + k * w.interval;
        if (pulseStart >= t1) break;
        total += boxIntegral(w.amplitude, pulseStart, pulseStart + w.duration, t0, t1);
      }
      return total;
    }
    case 'ramp': {
      const a = Math.max(start, t0);
      const b = Math.min(end, t1);
      if (b <= a) return 0;
      const slope = w.duration > 0 ? (w.to - w.from) / w.duration : 0;
      const valueAt = (t: number) => w.from + slope * (t - start);
      return ((valueAt(a) + valueAt(b)) / 2) * (b - a);
    }
    case 'sine': {
      const a = Math.max(start, t0);
      const b = Math.min(end, t1);
      if (b <= a) return 0;
      const omega = (2 * Math.PI * w.frequency) / 1000; // rad per ms
      if (omega === 0) return (w.offset + w.amplitude * Math.sin(w.phase)) * (b - a);
      const phaseAt = (t: number) => omega * (t - start) + w.phase;
      return w.offset * (b - a) + (w.amplitude / omega) * (Math.cos(phaseAt(a)) - Math.cos(phaseAt(b)));
    }
    case 'noise': {
      const noise = prepared.noise!;
      let total = 0;
      const firstBin = Math.max(0, Math.floor((t0 - start) / w.interval));
      for (let k = firstBin; k < noise.length; k++) {
        const binStart = start + k * w.interval;
        if (binStart >= t1) break;
        total += boxIntegral(noise[k], binStart, Math.min(binStart + w.interval, end), t0, t1);
      }
      return total;
    }
  }
}

/** Average of the waveform over [t0, t1]; its value at t0 when the interval is empty. */
export function waveformAverage(prepared: PreparedWaveform, t0: number, t1: number): number {
  const span = t1 - t0;
  if (span > 0) return waveformIntegral(prepared, t0, t1) / span;
  const epsilon = 1e-9;
  return waveformIntegral(prepared, t0, t0 + epsilon) / epsilon;
}

/** Times (ms) at which the waveform switches or has a kink, in increasing order. */
export function waveformBreakpoints(prepared: PreparedWaveform): number[] {
  const w = prepared.waveform;
  const end = w.delay + w.duration;
  switch (w.shape) {
    case 'train': {
      const times: number[] = [];
      for (let k = 0; k < w.count; k++) times.push(w.delay + k * w.interval, w.delay + k * w.interval + w.duration);
      return times;
    }
    case 'noise': {
      const times: number[] = [];
      for (let k = 0; k <= prepared.noise!.length; k++) times.push(Math.min(w.delay + k * w.interval, end));
      return times;
    }
    default:
      return [w.delay, end];
  }
}
