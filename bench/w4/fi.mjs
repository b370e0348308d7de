/**
 * W4 (../../shared/BENCHMARKS.md), the F-I sweep: the code shared by the serial loop (membrane_sweep.mjs) and the
 * piscina workers (sweep-worker.mjs), so that both run exactly the same thing.
 * One run is W1 (bench/models.mjs `w1Model`: one HH compartment of 500 um2, 6.3 degC, backward Euler, dt 0.025 ms,
 * 1000 ms, v recorded, detector at 0 mV) with the clamp's amplitude set to the run's current.
 */
import { prepareSimulation } from '../../dist/index.js';
import { w1Model } from '../models.mjs';

export const DURATION_MS = 1000;

/** Current i of n: i * max / (n - 1) nA, as bench/w4/neuron_sweep.py. */
export function sweepCurrents(n = 100, max = 0.25) {
  return Array.from({ length: n }, (_, i) => (i * max) / (n - 1));
}

/** The W1 model at `amplitude` nA. */
export function fiModel(amplitude, rates = 'table') {
  const model = w1Model(rates);
  model.stimuli[0].waveform.amplitude = amplitude;
  return model;
}

/**
 * Runs the currents listed by `indices` (into `currents`) one after another; returns, in that order, the spike times
 * of each run and the seconds spent in run() alone (prepareSimulation excluded) and in the whole loop.
 */
export function runCurrents(currents, indices, rates = 'table') {
  const spikeTimes = [];
  let runSeconds = 0;
  const start = process.hrtime.bigint();
  for (const i of indices) {
    const prepared = prepareSimulation(fiModel(currents[i], rates));
    const before = process.hrtime.bigint();
    const result = prepared.run();
    runSeconds += Number(process.hrtime.bigint() - before) / 1e9;
    spikeTimes.push(Float64Array.from(result.spikes[0].times));
  }
  return { spikeTimes, runSeconds, loopSeconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * The F-I check against NEURON: per current, the same spike count, with two exceptions of one spike:
 * - near the onset of firing, +-1 (from one current below NEURON's first spiking current to one above its first
 *   current with more than 2 spikes: the band of single spikes and the jump to repetitive firing);
 * - at the end of the run, when the one extra spike (the last of the longer train) lies closer to tstop than that
 *   current's largest |difference| between matched spike times plus one step: the trains drift apart by up to
 *   0.07-0.1 ms over a second (NEURON's NetCon times fall on step boundaries, Membrane interpolates the crossing),
 *   and NetCon only tests its threshold at the step after the crossing, so a spike in the final step is never in
 *   NEURON's count.
 * Matched spikes: the first min(n, n') of each train; the largest |difference| over all is reported too.
 * `ours`, `neuron`: spike-time arrays per current.
 */
export function compareSpikes(ours, neuron, tstop = DURATION_MS, dt = 0.025) {
  if (ours.length !== neuron.length) return { ok: false, why: `${ours.length} currents against ${neuron.length}`, mismatches: [] };
  const counts = neuron.map((t) => t.length);
  const firstSpiking = counts.findIndex((n) => n > 0);
  const firstRepetitive = counts.findIndex((n) => n > 2);
  const lo = firstSpiking < 0 ? counts.length : Math.max(0, firstSpiking - 1);
  const hi = firstRepetitive < 0 ? counts.length - 1 : Math.min(counts.length - 1, firstRepetitive + 1);
  const mismatches = [];
  let exact = 0;
  let maxDifferenceMs = 0;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i];
    const b = neuron[i];
    let drift = 0;
    for (let k = 0; k < Math.min(a.length, b.length); k++) drift = Math.max(drift, Math.abs(a[k] - b[k]));
    maxDifferenceMs = Math.max(maxDifferenceMs, drift);
    const d = a.length - b.length;
    if (d === 0) {
      exact++;
      continue;
    }
    const longer = d > 0 ? a : b;
    const atEnd = Math.abs(d) === 1 && longer[longer.length - 1] > tstop - (drift + dt);
    const atOnset = Math.abs(d) === 1 && i >= lo && i <= hi;
    mismatches.push({
      index: i,
      ours: a.length,
      neuron: b.length,
      allowed: atEnd ? 'end of run' : atOnset ? 'onset' : false,
      lastSpikeMs: longer[longer.length - 1],
      matchedDifferenceMs: drift,
    });
  }
  return { ok: mismatches.every((m) => m.allowed), exact, of: ours.length, onsetWindow: [lo, hi], mismatches, maxDifferenceMs };
}

/** True when two sweeps' spike trains are bit-for-bit identical. */
export function identical(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (!Object.is(x[k], y[k])) return false;
  }
  return true;
}
