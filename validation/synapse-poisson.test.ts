/**
 * Scenario 5 of docs/scenarios-synapses.md: a Poisson source drives an EPSP barrage (the events delivered have the
 * rate asked for, exponential intervals, and the conductance obeys Campbell's theorem); a presynaptic HH cell's
 * spike detector drives a synapse on a second cell after a delay, and the EPSP starts at the spike time plus the
 * delay, within one time step.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import { PASSIVE, poissonModel, prePostModel, runSettings } from './synapse-models.js';

const values = (result: SimulationResult, id: string) => result.traces.find((t) => t.id === id)!.values;

describe('Poisson drive: 20 sources of 40 Hz (seeds 1-20) for 2 s onto exponential synapses (1 nS, decay 5 ms)', () => {
  const count = 20, rate = 40, duration = 2000, weight = 0.001, decay = 5, dt = 0.05;
  const result = simulate(poissonModel(count, rate, duration, weight, decay, dt));
  /**
   * Events delivered, read from the recorded conductance alone: between events g decays by exp(-dt/decay) per step;
   * an event delivered in a step adds w exp(-s/decay), 0 <= s < dt, so round(jump / w) events arrived.
   */
  const delivered = (k: number) => {
    const g = values(result, `g${k}`);
    const times: number[] = [];
    const decayPerStep = Math.exp(-dt / decay);
    for (let i = 1; i < g.length; i++) {
      const events = Math.round((g[i] - g[i - 1] * decayPerStep) / weight);
      for (let e = 0; e < events; e++) times.push(result.time[i]);
    }
    return times;
  };
  const trains = Array.from({ length: count }, (_, k) => delivered(k));

  it('delivers 40 Hz on average (within 3.5 standard deviations of the Poisson count), with Poisson dispersion', () => {
    const counts = trains.map((t) => t.length);
    const total = counts.reduce((a, b) => a + b, 0);
    const expected = (rate * duration * count) / 1000;
    const mean = total / count;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (count - 1);
    console.log(`Poisson: ${total} events in ${count} x ${duration} ms (expected ${expected} +- ${Math.sqrt(expected).toFixed(1)}): ${(total / count / (duration / 1000)).toFixed(2)} Hz; Fano factor ${(variance / mean).toFixed(3)}`);
    expect(Math.abs(total - expected)).toBeLessThan(3.5 * Math.sqrt(expected));
    // Fano factor of Poisson counts is 1; with 19 degrees of freedom, (n-1) s^2 / mean ~ chi-square(19): 99.8 % within [0.35, 2.1].
    expect(variance / mean).toBeGreaterThan(0.35);
    expect(variance / mean).toBeLessThan(2.1);
  });

  it('intervals are exponential: mean 25 ms within 4 %, coefficient of variation 1 within 0.06', () => {
    const intervals = trains.flatMap((t) => t.slice(1).map((time, i) => time - t[i]));
    const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
    const sd = Math.sqrt(intervals.reduce((a, x) => a + (x - mean) ** 2, 0) / (intervals.length - 1));
    console.log(`Poisson intervals: ${intervals.length}, mean ${mean.toFixed(3)} ms, CV ${(sd / mean).toFixed(4)}`);
    expect(Math.abs(mean / 25 - 1)).toBeLessThan(0.04); // ~1600 intervals: the mean's sd is 2.5 %
    expect(Math.abs(sd / mean - 1)).toBeLessThan(0.06);
  });

  it("the mean conductance obeys Campbell's theorem, <g> = rate w decay = 0.2 nS, within 3.5 standard errors", () => {
    // Campbell: <g> = lambda w tau, var g = lambda w^2 tau / 2; the time average over T has variance ~ 2 tau var g / T
    // per source (correlation time tau); over 20 independent sources, divided by 20.
    const lambda = rate / 1000;
    const mean = lambda * weight * decay;
    const sem = Math.sqrt((2 * decay * (lambda * weight * weight * decay) / 2) / duration / count);
    let sum = 0, n = 0;
    for (let k = 0; k < count; k++) {
      const g = values(result, `g${k}`);
      for (let i = Math.round(50 / dt); i < g.length; i++, n++) sum += g[i];
    }
    const measured = sum / n;
    let vSum = 0;
    for (let k = 0; k < count; k++) {
      const v = values(result, `v${k}`);
      for (let i = Math.round(50 / dt); i < v.length; i++) vSum += v[i];
    }
    const meanV = vSum / n - PASSIVE.e;
    console.log(`Campbell: <g> ${(measured * 1000).toFixed(4)} nS, predicted ${(mean * 1000).toFixed(4)} +- ${(sem * 1000).toFixed(4)} nS; mean depolarisation ${meanV.toFixed(3)} mV (steady state under <g>: ${((mean * 65) / (0.001 + mean)).toFixed(3)} mV)`);
    expect(Math.abs(measured - mean)).toBeLessThan(3.5 * sem);
  });
});

describe('a presynaptic HH cell drives an AMPA synapse on a passive cell through its spike detector', () => {
  it.each([0, 1.3, 2.7])('delay %s ms: the EPSP starts within one step of the presynaptic spike time + delay (Crank-Nicolson, dt 0.025 ms)', (delay) => {
    const dt = 0.025;
    const result = simulate(prePostModel(delay, runSettings(20, dt, 'crank-nicolson')));
    const spike = result.spikes[0].times[0];
    const post = values(result, 'post');
    const first = post.findIndex((v) => v > PASSIVE.e + 1e-12);
    // The first sample that moved ends the first step in which the conductance acted: the step starts one dt before.
    const onset = result.time[first] - dt;
    console.log(`delay ${delay} ms: presynaptic spike at ${spike.toFixed(4)} ms, EPSP onset (start of the first step with g > 0) ${onset.toFixed(4)} ms; spike + delay ${(spike + delay).toFixed(4)} ms`);
    expect(result.spikes[0].times).toHaveLength(1);
    expect(Math.abs(onset - (spike + delay))).toBeLessThanOrEqual(dt + 1e-9);
    expect(post.slice(0, first).every((v) => v === PASSIVE.e)).toBe(true);
  });

  it('example examples/synapse-poisson-and-presynaptic.yaml: a barrage on one cell, a delayed EPSP on another', () => {
    const result = simulate(readModelFile(new URL('../examples/synapse-poisson-and-presynaptic.yaml', import.meta.url).pathname));
    const pre = result.spikes.find((s) => s.id === 'pre_spike')!.times;
    expect(pre).toHaveLength(1);
    const post = values(result, 'v_post');
    const first = post.findIndex((v) => v > -65 + 1e-12);
    expect(Math.abs(result.time[first] - 0.025 - (pre[0] + 2))).toBeLessThanOrEqual(0.025 + 1e-9);
    const barrage = values(result, 'v_barrage');
    expect(barrage.reduce((a, b) => Math.max(a, b), -Infinity)).toBeGreaterThan(-60);
  });
});
