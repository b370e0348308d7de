import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate.js';
import { InputError } from '../units/errors.js';
import { firingRate, interspikeIntervals, spikeCount, spikeTimes } from './spikes.js';
import { hhCompartment } from './test-models.js';

/** sin(2 pi f t) at 10 Hz, t in ms, sampled every 0.1 ms from 0 to 999.9 ms. */
function sine(): { time: Float64Array; voltage: Float64Array } {
  const n = 10_000;
  const time = new Float64Array(n);
  const voltage = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = i * 0.1;
    voltage[i] = Math.sin(2 * Math.PI * 0.01 * time[i]);
  }
  return { time, voltage };
}

describe('spikeTimes', () => {
  it('upward crossings of 0.5 by a 10 Hz sine: 8.333 + 100 k ms, ten of them, within 1e-4 ms', () => {
    // Linear interpolation error: |v''| dt^2 / 8 / |v'| = 0.5 w^2 (0.01 ms^2) / 8 / (0.866 w) = 4.5e-5 ms, w = 0.0628/ms.
    const { time, voltage } = sine();
    const times = spikeTimes(time, voltage, 0.5);
    expect(times).toHaveLength(10);
    times.forEach((t, k) => expect(Math.abs(t - (100 / 12 + 100 * k))).toBeLessThan(1e-4));
  });

  it('upward crossings of 0 by the same sine: 100, 200, ..., 900 ms; the start at 0 (no earlier sample) is not one', () => {
    const { time, voltage } = sine();
    const times = spikeTimes(time, voltage);
    expect(times).toHaveLength(9);
    times.forEach((t, k) => expect(Math.abs(t - 100 * (k + 1))).toBeLessThan(1e-4));
  });

  it('a sample exactly at the threshold counts as the crossing (v[i-1] < threshold <= v[i]), at its own time', () => {
    expect(spikeTimes([0, 1, 2, 3], [-1, 0, 1, -1])).toEqual([1]);
  });

  it('no crossing for a signal that stays below the threshold, and for downward crossings', () => {
    expect(spikeTimes([0, 1, 2], [5, -5, -10])).toEqual([]);
  });

  it("the HH compartment at 10 uA/cm2: the same 7 times as the engine's own detector (within 1e-9 ms)", () => {
    const result = simulate(hhCompartment('10 uA/cm2', '100 ms'));
    const times = spikeTimes(result.time, result.traces[0].values, 0);
    expect(times).toHaveLength(7);
    times.forEach((t, i) => expect(Math.abs(t - result.spikes[0].times[i])).toBeLessThan(1e-9));
  });

  it('throws an InputError for a non-finite threshold or mismatched arrays', () => {
    expect(() => spikeTimes([0, 1], [0, 1], Number.NaN)).toThrow(InputError);
    expect(() => spikeTimes([0, 1, 2], [0, 1])).toThrow(InputError);
  });
});

describe('firingRate and spikeCount', () => {
  const times = [10, 20, 30, 40];

  it('counts spikes in [from, to): 3 of [10, 20, 30, 40] in [10, 40), 100 Hz over 30 ms', () => {
    expect(spikeCount(times, 10, 40)).toBe(3);
    expect(firingRate(times, 10, 40)).toBeCloseTo(100, 10);
  });

  it('is 0 Hz for no spikes and 4 spikes over 1 s is 4 Hz', () => {
    expect(firingRate([], 0, 1000)).toBe(0);
    expect(firingRate(times, 0, 1000)).toBeCloseTo(4, 12);
  });

  it('throws an InputError for an empty or reversed window', () => {
    expect(() => firingRate(times, 10, 10)).toThrow(/window: got from 10 ms to 10 ms/);
    expect(() => firingRate(times, 20, 10)).toThrow(InputError);
  });
});

describe('interspikeIntervals', () => {
  it('[1, 3, 6, 10] ms gives [2, 3, 4] ms; fewer than two spikes give none', () => {
    expect(Array.from(interspikeIntervals([1, 3, 6, 10]))).toEqual([2, 3, 4]);
    expect(interspikeIntervals([5])).toHaveLength(0);
    expect(interspikeIntervals([])).toHaveLength(0);
  });

  it('throws an InputError when the times go backwards', () => {
    expect(() => interspikeIntervals([1, 3, 2])).toThrow(/spikeTimes\[2\]: got 2/);
  });
});
