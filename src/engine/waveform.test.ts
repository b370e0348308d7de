import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CurrentWaveform } from '../model/types.js';
import { simulate } from './simulate.js';
import { runSettings, singleCompartment, SOMA } from './test-models.js';
import { gaussianSequence, prepareWaveform, waveformAverage, waveformBreakpoints, waveformIntegral } from './waveform.js';
import { uniform } from '../units/test-arbitraries.js';


const time = (max: number) => uniform(0, max);
const value = uniform(-10, 10);
const positive = (min: number, max: number) => uniform(min, max);

/** Every shape the model allows (schema: durations >= 0, train and noise intervals > 0, count >= 1). */
const waveformArbitrary: fc.Arbitrary<CurrentWaveform> = fc.oneof(
  fc.record({ shape: fc.constant('step' as const), delay: time(20), duration: time(20), amplitude: value, perArea: fc.constant(false) }),
  fc.record({
    shape: fc.constant('train' as const),
    delay: time(20),
    duration: positive(0.01, 5),
    interval: positive(0.1, 5),
    count: fc.integer({ min: 1, max: 10 }),
    amplitude: value,
    perArea: fc.constant(false),
  }),
  fc.record({ shape: fc.constant('ramp' as const), delay: time(20), duration: time(20), from: value, to: value, perArea: fc.constant(false) }),
  fc.record({
    shape: fc.constant('sine' as const),
    delay: time(20),
    duration: time(20),
    amplitude: value,
    frequency: positive(1, 2000),
    offset: value,
    phase: uniform(-Math.PI, Math.PI),
    perArea: fc.constant(false),
  }),
  fc.record({
    shape: fc.constant('noise' as const),
    delay: time(20),
    duration: time(20),
    mean: value,
    standardDeviation: positive(0, 5),
    interval: positive(0.05, 5),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    perArea: fc.constant(false),
  }),
);

/** Largest |value| a waveform takes (bounds |integral| / span). */
function bound(w: CurrentWaveform): number {
  switch (w.shape) {
    case 'step':
    case 'train':
      return Math.abs(w.amplitude);
    case 'ramp':
      return Math.max(Math.abs(w.from), Math.abs(w.to));
    case 'sine':
      return Math.abs(w.offset) + Math.abs(w.amplitude);
    case 'noise':
      return Math.abs(w.mean) + 10 * w.standardDeviation;
  }
}

describe('waveformIntegral', () => {
  it('waveformIntegral over [a, c] equals [a, b] + [b, c] for every shape, to 1e-12 of max|I| (c - a) (round-off)', () => {
    fc.assert(
      fc.property(waveformArbitrary, fc.tuple(time(60), time(60), time(60)), (waveform, times) => {
        const [a, b, c] = [...times].sort((x, y) => x - y);
        const prepared = prepareWaveform(waveform);
        const whole = waveformIntegral(prepared, a, c);
        const parts = waveformIntegral(prepared, a, b) + waveformIntegral(prepared, b, c);
        // Each integral is a sum of a few products of values <= bound with spans <= 60 ms: a few ulp of bound * 60.
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-12 * Math.max(1, bound(waveform)) * 60);
      }),
      { numRuns: 2000 },
    );
  });

  it('waveformIntegral of a train whose pulses overlap (duration 5 > interval 1, 3 pulses of 1 nA) is additive: [0, 4] = [0, 3] + [3, 4] = 9 nA ms', () => {
    // The schema allows duration > interval. Pulses [0, 5], [1, 6], [2, 7]: over [0, 4] they give 4 + 3 + 2 = 9.
    const prepared = prepareWaveform({ shape: 'train', delay: 0, duration: 5, interval: 1, count: 3, amplitude: 1, perArea: false });
    expect(waveformIntegral(prepared, 0, 4)).toBe(9);
    expect(waveformIntegral(prepared, 0, 3) + waveformIntegral(prepared, 3, 4)).toBe(9);
  });

  it('waveformIntegral of a train of 3 pulses of 2 nA, 1 ms every 5 ms from 10 ms, over [0, 100] is 6 nA ms', () => {
    const prepared = prepareWaveform({ shape: 'train', delay: 10, duration: 1, interval: 5, count: 3, amplitude: 2, perArea: false });
    expect(waveformIntegral(prepared, 0, 100)).toBe(6);
    expect(waveformIntegral(prepared, 15.5, 21)).toBe(2 * 0.5 + 2 * 1);
    expect(waveformBreakpoints(prepared)).toEqual([10, 11, 15, 16, 20, 21]);
  });

  it('waveformIntegral of a sine (1 nA, 50 Hz, offset 0.2, phase 0.3, from 5 ms) over [7, 19.3] ms is the analytic 0.2 (t1 - t0) + (A/w)(cos w(t0 - 5) + phi) - cos(...)) to 1e-14', () => {
    const prepared = prepareWaveform({ shape: 'sine', delay: 5, duration: 100, amplitude: 1, frequency: 50, offset: 0.2, phase: 0.3, perArea: false });
    const omega = (2 * Math.PI * 50) / 1000;
    const expected = 0.2 * 12.3 + (1 / omega) * (Math.cos(omega * 2 + 0.3) - Math.cos(omega * 14.3 + 0.3));
    expect(Math.abs(waveformIntegral(prepared, 7, 19.3) - expected)).toBeLessThan(1e-14 * 20);
    // A whole number of periods (20 ms at 50 Hz) of the sine integrates to the offset alone.
    expect(waveformIntegral(prepared, 5, 45)).toBeCloseTo(0.2 * 40, 13);
  });

  it('waveformIntegral of a ramp from 1 to 3 nA over 10 ms from 2 ms is 20 nA ms; over [2, 7] it is 5 * 1.5 = 7.5', () => {
    const prepared = prepareWaveform({ shape: 'ramp', delay: 2, duration: 10, from: 1, to: 3, perArea: false });
    expect(waveformIntegral(prepared, 0, 50)).toBeCloseTo(20, 14);
    expect(waveformIntegral(prepared, 2, 7)).toBeCloseTo(7.5, 14);
  });

  it('a noise waveform is reproducible from its seed: same seed, same values; another seed, other values; mean and sd near the asked ones', () => {
    const w = { shape: 'noise', delay: 0, duration: 1000, mean: 0.5, standardDeviation: 2, interval: 0.1, seed: 42, perArea: false } as const;
    const first = prepareWaveform(w), second = prepareWaveform(w);
    expect(Array.from(first.noise!)).toEqual(Array.from(second.noise!));
    expect(waveformIntegral(first, 3.3, 77.7)).toBe(waveformIntegral(second, 3.3, 77.7));
    const other = prepareWaveform({ ...w, seed: 43 });
    expect(Array.from(other.noise!)).not.toEqual(Array.from(first.noise!));
    expect(first.noise!.length).toBe(10000);
    // 10000 Gaussian samples: the sample mean is within 5 standard errors (5 * 2 / 100 = 0.1) of 0.5, the sd within 5 %.
    const values = first.noise!;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(sd - 2) / 2).toBeLessThan(0.05);
    // Whole-run integral = interval * sum of the values.
    expect(waveformIntegral(first, 0, 1000)).toBeCloseTo(0.1 * values.reduce((a, b) => a + b, 0), 9);
  });

  it('gaussianSequence(7, 3, 0, 1) gives the same first values every time (platform-independent generator)', () => {
    expect(Array.from(gaussianSequence(7, 3, 0, 1))).toEqual(Array.from(gaussianSequence(7, 3, 0, 1)));
    expect(gaussianSequence(7, 3, 10, 0).every((x) => x === 10)).toBe(true);
  });
});

describe('waveformAverage over the steps of a run', () => {
  it('a step pulse of 0.37 nA from 1.013 to 3.4567 ms (edges off the 0.025 ms grid) delivers exactly amplitude x duration: sum of averages x dt = 0.9041 nA ms to 1e-12', () => {
    const dt = 0.025;
    const amplitude = 0.37, delay = 1.013, duration = 3.4567 - 1.013;
    const prepared = prepareWaveform({ shape: 'step', delay, duration, amplitude, perArea: false });
    let charge = 0;
    for (let n = 0; n < 400; n++) charge += waveformAverage(prepared, n * dt, n * dt + dt) * dt;
    // 400 terms of a few ulp each.
    expect(Math.abs(charge - amplitude * duration)).toBeLessThan(1e-12);
    // The two steps holding an edge carry a fraction: 1.013 is 0.52 of the way through [1.0, 1.025].
    expect(waveformAverage(prepared, 1.0, 1.025)).toBeCloseTo(amplitude * 0.48, 12);
  });

  it('simulate: the recorded current of that pulse (clamp.i, nA) summed x dt is amplitude x duration to 1e-12 (backward Euler)', () => {
    const dt = 0.025;
    const amplitude = 0.37, delay = 1.013, duration = 3.4567 - 1.013;
    const model = singleCompartment({
      mechanisms: [{ mechanism: 'pas', parameters: { g: 1e-4, e: -65 } }],
      stimuli: [{ kind: 'current-clamp', id: 'clamp', location: SOMA, waveform: { shape: 'step', delay, duration, amplitude, perArea: false } }],
      recordings: [{ id: 'i', location: SOMA, variable: 'clamp.i' }],
      run: runSettings(10, dt, 'backward-euler'),
    });
    const result = simulate(model);
    const values = result.traces[0].values;
    expect(result.traces[0].unit).toBe('nA');
    // Sample k (k >= 1) holds the average over the step ending at t_k.
    let charge = 0;
    for (let k = 1; k < values.length; k++) charge += values[k] * dt;
    expect(Math.abs(charge - amplitude * duration)).toBeLessThan(1e-12);
  });

  it('waveformAverage over an empty interval is the value at that instant (a ramp from 0 to 10 over 10 ms at 4 ms: 4)', () => {
    const prepared = prepareWaveform({ shape: 'ramp', delay: 0, duration: 10, from: 0, to: 10, perArea: false });
    expect(waveformAverage(prepared, 4, 4)).toBeCloseTo(4, 6);
  });
});
