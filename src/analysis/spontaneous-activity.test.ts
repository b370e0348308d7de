import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.js';
import { spontaneousActivity } from './spontaneous-activity.js';
import { hhPatch } from './test-models.js';

/** The HH patch without any stimulus, its K+ conductance scaled (TEA at c leaves 1 / (1 + c / 0.4 mM)). */
function unstimulated(gkbarScale: number, duration = 100) {
  const result = simulate(hhPatch({ stimulus: null, duration, gkbarScale }));
  return { time: result.time, v: result.traces[0].values };
}

describe('spontaneousActivity on the HH patch', () => {
  it('intact: quiet at rest near -65 mV', () => {
    const { time, v } = unstimulated(1);
    const activity = spontaneousActivity(time, v);
    expect(activity.kind).toBe('quiet');
    expect(activity.rate).toBeNull();
    expect(Math.abs(activity.finalVoltage + 65)).toBeLessThan(0.5);
  });

  it('half the K+ conductance (TEA at its IC50, 0.4 mM): fires on its own, repetitively, at 40-70 Hz', () => {
    const { time, v } = unstimulated(0.5);
    const activity = spontaneousActivity(time, v);
    expect(activity.kind).toBe('repetitive');
    expect(activity.spikeTimes[0]).toBeLessThan(5); // before the lab's stimulus at 5 ms
    expect(activity.rate!).toBeGreaterThan(40);
    expect(activity.rate!).toBeLessThan(70);
  });

  it('TEA at 10 mM (1/26 of g_K left): one spike, then it stays depolarised near -20 mV', () => {
    const { time, v } = unstimulated(1 / 26);
    const activity = spontaneousActivity(time, v);
    expect(activity.kind).toBe('depolarised');
    expect(activity.spikeTimes.length).toBe(1);
    expect(activity.finalVoltage).toBeGreaterThan(-30);
    expect(activity.finalVoltage).toBeLessThan(-10);
  });

  it('classifies synthetic traces: one spike back to rest is single; the rate is the inverse mean interval', () => {
    const time = Array.from({ length: 101 }, (_, i) => i);
    const single = time.map((t) => (t === 10 ? 30 : -65));
    expect(spontaneousActivity(time, single).kind).toBe('single');
    const train = time.map((t) => (t % 20 === 10 ? 30 : -65)); // spikes at 10, 30, 50, 70, 90 ms
    const activity = spontaneousActivity(time, train);
    expect(activity.kind).toBe('repetitive');
    expect(activity.rate).toBeCloseTo(1000 / 20, 9);
    expect(spontaneousActivity(time, train, { to: 40 }).spikeTimes.length).toBe(2);
  });
});
