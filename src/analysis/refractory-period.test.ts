import { describe, expect, it } from 'vitest';
import { refractoryPeriods } from './refractory-period.js';
import { currentPulse, hhPatch } from './test-models.js';

describe('refractoryPeriods on the HH patch (1 ms pulses, 6.3 degC)', () => {
  // Single 1 ms pulse threshold of this patch: 0.0696 nA (bisection to 1e-4 nA; see the lab's threshold search).
  const single = 0.0696;
  const model = hhPatch({ stimulus: currentPulse(single * 1.5, 1), duration: 50 });
  const intervals = [2, 4, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 25, 30];
  const periods = refractoryPeriods({ model, spikeId: 'spikes', singleThreshold: single, intervals });

  it('absolute period between 6 and 9 ms, found to 0.05 ms; relative period ends between 12 and 20 ms', () => {
    // HH 1952 (J Physiol 117:500, fig. 20) computed at 6.3 degC: no response for several ms, threshold back to
    // normal after about 15 ms.
    expect(periods.absolute!).toBeGreaterThan(6);
    expect(periods.absolute!).toBeLessThan(9);
    expect(periods.relative!).toBeGreaterThan(12);
    expect(periods.relative!).toBeLessThan(20);
    expect(periods.relative!).toBeGreaterThan(periods.absolute!);
  });

  it('the curve: no second spike (null) inside the absolute period; above 1.1x just after it, falling with the interval', () => {
    for (const point of periods.points) {
      if (point.interval < periods.absolute!) expect(point.relativeThreshold).toBeNull();
      else expect(point.relativeThreshold).not.toBeNull();
    }
    const first = periods.points.find((point) => point.relativeThreshold !== null)!;
    expect(first.relativeThreshold!).toBeGreaterThan(2);
    const at = (interval: number) => periods.points.find((point) => point.interval === interval)!.relativeThreshold!;
    expect(at(10)).toBeGreaterThan(at(12));
    expect(at(12)).toBeGreaterThan(at(14));
    // Far from the first spike the threshold is the single-pulse one, within the bisection's 4 %.
    expect(Math.abs(at(30) - 1)).toBeLessThan(0.1);
  });

  it('rejects a conditioning pulse that does not fire, and intervals out of order', () => {
    const weak = hhPatch({ stimulus: currentPulse(single * 0.5, 1), duration: 50 });
    expect(() => refractoryPeriods({ model: weak, spikeId: 'spikes', singleThreshold: single, intervals })).toThrow(/conditioning|fire/);
    expect(() => refractoryPeriods({ model, spikeId: 'spikes', singleThreshold: single, intervals: [4, 2] })).toThrow(/intervals/);
  });
});
