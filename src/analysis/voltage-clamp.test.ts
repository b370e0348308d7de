import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.js';
import { voltageClampCurrents } from './voltage-clamp.js';
import { hhPatch } from './test-models.js';

function clampRun(step: number) {
  const stimulus = { kind: 'voltage-clamp', id: 'clamp', location: { cell: 'neuron', section: 'soma', position: 0.5 }, levels: [{ duration: 5, voltage: -65 }, { duration: 10, voltage: step }, { duration: 1e6, voltage: -65 }] } as const;
  const result = simulate(hhPatch({ stimulus, duration: 20 }));
  return { time: result.time, current: result.traces[1].values };
}

describe('voltageClampCurrents', () => {
  it('HH step from -65 to 0 mV (1000 um2, 6.3 degC): peak inward Na+ current about -13 nA near 0.6 ms into the step, steady outward K+ current about +19 nA at its end', () => {
    const { time, current } = clampRun(0);
    const readout = voltageClampCurrents(time, current, { from: 5, to: 15 });
    // HH 1952 at 0 mV: peak g_Na ~ 0.12 * m^3 h ~ 15 mS/cm2 x (0 - 50 mV) ~ -1.3 mA/cm2 = -13 nA on 1000 um2;
    // g_K n_inf^4 ~ 2.4 mS/cm2 x 77 mV + leak 0.3 mS/cm2 x 54 mV = 0.19 mA/cm2 = 19 nA.
    expect(readout.peakInward!.current).toBeGreaterThan(-15);
    expect(readout.peakInward!.current).toBeLessThan(-10);
    expect(readout.peakInward!.time).toBeGreaterThan(5.3);
    expect(readout.peakInward!.time).toBeLessThan(6);
    expect(readout.steady.current).toBeGreaterThan(17);
    expect(readout.steady.current).toBeLessThan(21);
    expect(readout.steady.time).toBeCloseTo(15, 9);
  });

  it('the capacitive transient of a hyperpolarising step is not taken for the peak inward current', () => {
    const { time, current } = clampRun(-100);
    // The first sample of the step carries the charging current (about -1e9 uS x 35 mV x ...: tens of nA inward).
    const first = current[time.findIndex((t) => t > 5)];
    const readout = voltageClampCurrents(time, current, { from: 5, to: 15 });
    expect(first).toBeLessThan(-10);
    // Only the leak and the closing K+ channels are left: a small inward current, |I| < 1 nA.
    expect(readout.peakInward!.current).toBeGreaterThan(-1);
    expect(readout.steady.current).toBeLessThan(0);
  });

  it('a step beyond E_Na (+80 mV) passes no inward current: peakInward is null', () => {
    const { time, current } = clampRun(80);
    expect(voltageClampCurrents(time, current, { from: 5, to: 15 }).peakInward).toBeNull();
  });

  it('rejects a settling time as long as the step', () => {
    expect(() => voltageClampCurrents([0, 1, 2], [0, 0, 0], { from: 0, to: 2, settle: 2 })).toThrow(/settle/);
  });
});
