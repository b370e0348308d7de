import { describe, expect, it } from 'vitest';
import { SpikeDetector } from './spike-detector.js';

describe('SpikeDetector refractory (dead time)', () => {
  it('with a 3 ms dead time, crossings at 1, 2 and 5 ms count as spikes at 1 and 5 ms (as Brian2 refractory)', () => {
    let v = -65;
    const detector = new SpikeDetector(0, () => v, 3);
    // A square wave that crosses 0 mV upwards exactly at t = 1, 2 and 5 ms (samples every 0.5 ms).
    const up = new Set([1, 2, 5]);
    for (let t = 0; t <= 6; t += 0.5) {
      v = up.has(t) ? 10 : -10;
      detector.observe(t);
    }
    expect(detector.times.map((t) => Number(t.toFixed(9)))).toEqual([0.75, 4.75]);
  });

  it('without a dead time every upward crossing counts', () => {
    let v = -65;
    const detector = new SpikeDetector(0, () => v);
    for (let t = 0; t <= 6; t += 0.5) {
      v = [1, 2, 5].includes(t) ? 10 : -10;
      detector.observe(t);
    }
    expect(detector.times.length).toBe(3);
  });
});
