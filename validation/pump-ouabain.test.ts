/**
 * Part 3, scenario b: after ouabain blocks the Na+/K+ pump, an axon still fires a very large number of action
 * potentials before their amplitude falls noticeably, because each impulse moves only a tiny fraction of the ions.
 *
 * Model (./pump-models.ts, `ouabainAxon`): a 10 um axon segment (one compartment: only area/volume = 4/d matters)
 * with Hodgkin & Huxley's squid membrane at 18.5 degC, Na+ and K+ moving inside, the pump blocked by 1 mM ouabain,
 * a 100 Hz train of 0.5 ms, 40 uA/cm2 pulses. A 10 um axon (a large vertebrate or invertebrate fibre, not the
 * 476 um squid giant axon) keeps the count in the thousands and the run near a second; the count scales with the
 * diameter (checked with 5 um), so the squid giant axon's follows by proportion.
 *
 * Estimate: Hodgkin & Huxley (1952, part 9) computed a sodium entry of 4.33 pmol/cm2 per impulse at 18.5 degC
 * (Keynes measured 3.5-3.7). That is Q_Na = x C dV / F with C dV / F = 1 uF/cm2 x 97.3 mV / F = 1.01 pmol/cm2 (rest
 * to peak), an excess x = 4.3 over the capacitive minimum. Per impulse [Na]i rises by Q_Na A/W = Q_Na 4/d and [K]i
 * falls by about as much (the charge returns as K+). If the peak follows E_Na and the trough follows E_K, the
 * amplitude falls by VT ln([Na]i/[Na]i0) + VT ln([K]i0/[K]i); setting that to 10 % of the first amplitude gives N.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actionPotentialShape, spikeTimes } from '../src/analysis/index.js';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import { unblockedFraction } from '../src/mechanisms/drugs.js';
import { FARADAY } from '../src/units/constants.js';
import { AXON_IONS, AXON_TEMPERATURE, ouabainAxon, thermalVoltage } from './pump-models.js';

const INTERVAL = 10; // ms: 100 Hz
const DELAY = 1; // ms, the first pulse
const HH_SODIUM_ENTRY = 4.33e-12; // mol/cm2 per impulse, Hodgkin & Huxley (1952) at 18.5 degC
const run = (duration: number) => ({ duration, timeStep: 0.025, integrator: 'crank-nicolson' as const, rates: 'table' as const, absoluteTolerance: 1e-3, relativeTolerance: 1e-4, recordInterval: 0.025 });

interface Decline {
  /** Amplitude (peak - following trough, mV) of every impulse. */
  readonly amplitudes: number[];
  readonly peaks: number[];
  readonly troughs: number[];
  /** Impulses fired before the first whose amplitude is below 90 % of the first's. */
  readonly count: number;
  readonly result: SimulationResult;
  readonly wallSeconds: number;
}

const trace = (result: SimulationResult, id: string) => result.traces.find((candidate) => candidate.id === id)!.values;

/** Runs the axon for `pulses` pulses and measures every impulse in its own inter-pulse window. */
function decline(diameter: number, pulses: number): Decline {
  const start = performance.now();
  const result = simulate(ouabainAxon({ diameter, interval: INTERVAL, count: pulses, run: run(DELAY + pulses * INTERVAL) }));
  const wallSeconds = (performance.now() - start) / 1000;
  const v = trace(result, 'v');
  const amplitudes: number[] = [], peaks: number[] = [], troughs: number[] = [];
  for (let k = 0; k < pulses; k++) {
    // From 0.5 ms before the pulse (dV/dt must rise through 10 mV/ms inside the window) to 0.5 ms before the next.
    const from = DELAY + k * INTERVAL - 0.5;
    const shape = actionPotentialShape(result.time, v, { from, to: Math.min(from + INTERVAL, result.time[result.time.length - 1]) });
    if (!shape) break;
    peaks.push(shape.peak);
    troughs.push(shape.undershoot.voltage);
    amplitudes.push(shape.peak - shape.undershoot.voltage);
  }
  const count = amplitudes.findIndex((amplitude) => amplitude < 0.9 * amplitudes[0]);
  return { amplitudes, peaks, troughs, count, result, wallSeconds };
}

/** N from the Nernst shifts: VT [ln((Na0 + N d)/Na0) + ln(K0/(K0 - N d))] = 10 % of the first amplitude, by bisection. */
function estimate(perImpulse: number, firstAmplitude: number): number {
  const vt = thermalVoltage(AXON_TEMPERATURE);
  const fall = (n: number) => vt * (Math.log((AXON_IONS.nai + n * perImpulse) / AXON_IONS.nai) + Math.log(AXON_IONS.ki / (AXON_IONS.ki - n * perImpulse)));
  let lo = 0, hi = (AXON_IONS.ki / perImpulse) * 0.999;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (fall(mid) < 0.1 * firstAmplitude) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('ouabain on an HH axon (10 um, 18.5 degC, 100 Hz): impulses before the amplitude falls by 10 %', () => {
  const diameter = 10;
  const area = Math.PI * diameter * 100 * 1e-8; // cm2
  let d: Decline;
  let moved: Float64Array, naInside: Float64Array, kInside: Float64Array;
  beforeAll(() => {
    d = decline(diameter, 1600);
    moved = trace(d.result, 'na_moved');
    naInside = trace(d.result, 'na_inside');
    kInside = trace(d.result, 'k_inside');
  });
  const sample = (time: number) => Math.round(time / 0.025);

  it('1 mM ouabain leaves 4.6 % of the rat alpha1 pump (IC50 48 uM), and every pulse fires an impulse until the count', () => {
    expect(unblockedFraction(1, 0.048, 1)).toBeCloseTo(0.04581, 4);
    const times = spikeTimes(d.result.time, trace(d.result, 'v'), 0);
    console.log(`${d.result.steps} steps, ${d.wallSeconds.toFixed(2)} s of computing; ${times.length} impulses (0 mV crossings) from ${d.amplitudes.length} pulses`);
    expect(d.count).toBeGreaterThan(0);
    expect(times.length).toBeGreaterThanOrEqual(d.count);
    // One impulse per pulse up to the count: the k-th crossing falls in the k-th window.
    for (let k = 0; k < d.count; k++) expect(Math.floor((times[k] - DELAY) / INTERVAL)).toBe(k);
  });

  it('each impulse lets in 4.1 pmol/cm2 of Na+ (Hodgkin & Huxley 1952 computed 4.33 at 18.5 degC): within 10 %', () => {
    const entry = -(moved[sample(DELAY + INTERVAL)] - moved[sample(DELAY)]) / area; // mol/cm2, inward positive
    const minimum = (1e-6 * (d.peaks[0] + 65) * 1e-3) / FARADAY; // C dV / F, rest to peak
    console.log(
      `first impulse: Na+ entry ${(entry * 1e12).toFixed(3)} pmol/cm2 (HH 1952: 4.33), minimum C dV/F ${(minimum * 1e12).toFixed(3)} pmol/cm2 (rest -65 mV to peak ` +
        `${d.peaks[0].toFixed(2)} mV), excess ${(entry / minimum).toFixed(2)}; [Na]i +${(naInside[sample(DELAY + INTERVAL)] - naInside[sample(DELAY)]).toFixed(5)} mM per impulse`,
    );
    expect(Math.abs(entry - HH_SODIUM_ENTRY) / HH_SODIUM_ENTRY).toBeLessThan(0.1);
  });

  it('fires ~1400 impulses before the amplitude falls by 10 %: within 25 % of the estimate from the Na+ entry per impulse', () => {
    const perImpulse = (HH_SODIUM_ENTRY * 4) / (diameter * 1e-4) * 1e6; // mol/cm3 -> mM
    const predicted = estimate(perImpulse, d.amplitudes[0]);
    const measuredEntry = naInside[sample(DELAY + INTERVAL)] - naInside[sample(DELAY)];
    const predictedMeasuredEntry = estimate(measuredEntry, d.amplitudes[0]);
    const atCount = sample(DELAY + d.count * INTERVAL);
    const vt = thermalVoltage(AXON_TEMPERATURE);
    const eNaFall = vt * Math.log(naInside[atCount] / AXON_IONS.nai);
    const eKRise = vt * Math.log(AXON_IONS.ki / kInside[atCount]);
    console.log(
      `count ${d.count} (first amplitude ${d.amplitudes[0].toFixed(2)} mV, now ${d.amplitudes[d.count].toFixed(2)} mV); estimate ${predicted.toFixed(0)} with HH's 4.33 pmol/cm2, ` +
        `${predictedMeasuredEntry.toFixed(0)} with the first impulse's entry; at the count [Na]i ${naInside[atCount].toFixed(3)} mM, [K]i ${kInside[atCount].toFixed(3)} mM: ` +
        `E_Na fell ${eNaFall.toFixed(2)} mV, the peak ${(d.peaks[0] - d.peaks[d.count]).toFixed(2)} mV; E_K rose ${eKRise.toFixed(2)} mV, the trough ${(d.troughs[d.count] - d.troughs[0]).toFixed(2)} mV`,
    );
    expect(d.count / predicted).toBeGreaterThan(0.8);
    expect(d.count / predicted).toBeLessThan(1.25);
    expect(d.count / predictedMeasuredEntry).toBeGreaterThan(0.8);
    expect(d.count / predictedMeasuredEntry).toBeLessThan(1.25);
  });

  it('the count is proportional to the diameter (volume per area): a 5 um axon fires half as many, within 3 %', () => {
    const half = decline(5, 900);
    console.log(`5 um: count ${half.count} (${half.wallSeconds.toFixed(2)} s); 10 um: ${d.count}; so a 476 um squid giant axon: ~${Math.round((d.count * 476) / 10)}`);
    expect(Math.abs(d.count / half.count - 2) / 2).toBeLessThan(0.03);
  });

  it('examples/pump-ouabain-axon.yaml is this model: the same impulse times', () => {
    const file = simulate(readModelFile(new URL('../examples/pump-ouabain-axon.yaml', import.meta.url).pathname));
    const fileTimes = file.spikes[0].times;
    const builtTimes = d.result.spikes[0].times;
    expect(fileTimes.length).toBe(builtTimes.length);
    // The file rounds [Na]o and [K]o to 5 significant digits.
    for (const k of [0, 100, d.count]) expect(Math.abs(fileTimes[k] - builtTimes[k])).toBeLessThan(1e-3);
  });
});
