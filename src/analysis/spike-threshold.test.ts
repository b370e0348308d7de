/**
 * The action-potential threshold on the lab's HH patch (1000 um2, 0.01 nF) for spikes that start during a current
 * pulse: the plain dV/dt criterion marks the pulse's start (I/C = 20 mV/ms at 0.2 nA > 10 mV/ms) and reports the
 * resting potential; with the stimulus current given, the criterion reads the membrane's own currents.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.js';
import { actionPotentialShape, ionicSlopes } from './action-potential.js';
import { currentPulse, HH_PATCH_CAPACITANCE, hhPatch } from './test-models.js';

function run(amplitude: number, width: number, temperatureCelsius = 6.3) {
  const result = simulate(hhPatch({ stimulus: currentPulse(amplitude, width), duration: 30, temperatureCelsius }));
  const [v, i] = result.traces.map((trace) => trace.values);
  return { time: result.time, v, i, spikes: result.spikes[0].times };
}

describe('actionPotentialShape with the stimulus current: threshold of spikes that start during a pulse', () => {
  // Spike starts: 0.2 nA / 1 ms fires at 6.3 ms (after the pulse); 0.5 nA, 2 nA and 20 degC fire within the pulse.
  const cases = [
    { label: '0.2 nA, 1 ms (the lab default)', amplitude: 0.2, width: 1, temperature: 6.3 },
    { label: '0.5 nA, 1 ms', amplitude: 0.5, width: 1, temperature: 6.3 },
    { label: '0.2 nA, 1 ms at 20 degC', amplitude: 0.2, width: 1, temperature: 20 },
    { label: '1.5 nA, 0.1 ms (ends before the spike)', amplitude: 1.5, width: 0.1, temperature: 6.3 },
  ];
  for (const c of cases) {
    it(`${c.label}: the threshold lies between -60 and -40 mV, after the pulse's start and before the peak`, () => {
      const { time, v, i, spikes } = run(c.amplitude, c.width, c.temperature);
      expect(spikes.length).toBe(1);
      const shape = actionPotentialShape(time, v, { from: 0, to: 30, stimulus: { current: i, capacitance: HH_PATCH_CAPACITANCE } });
      expect(shape).not.toBeNull();
      expect(shape!.threshold).toBeGreaterThan(-60);
      expect(shape!.threshold).toBeLessThan(-40);
      expect(shape!.thresholdTime).toBeGreaterThan(5);
      expect(shape!.thresholdTime).toBeLessThan(shape!.peakTime);
      // Half-width of the HH spike: ~1.3 ms at 6.3 degC, Q10 3 makes it ~4x shorter at 20 degC.
      expect(shape!.halfWidth).toBeGreaterThan(c.temperature > 10 ? 0.2 : 0.9);
      expect(shape!.halfWidth).toBeLessThan(c.temperature > 10 ? 0.6 : 1.6);
    });
  }

  it('without the stimulus current, a spike that starts during the pulse gets the resting potential as its threshold (the fault this option fixes)', () => {
    const { time, v } = run(0.5, 1);
    expect(actionPotentialShape(time, v, { from: 0, to: 30 })!.threshold).toBeLessThan(-64);
  });

  it('after the pulse the two criteria agree: a spike of a 1.5 nA, 0.1 ms pulse gets the same threshold to 1e-9 mV when read from 5.2 ms', () => {
    const { time, v, i } = run(1.5, 0.1);
    const plain = actionPotentialShape(time, v, { from: 5.2, to: 30 })!;
    const ionic = actionPotentialShape(time, v, { from: 5.2, to: 30, stimulus: { current: i, capacitance: HH_PATCH_CAPACITANCE } })!;
    expect(Math.abs(plain.threshold - ionic.threshold)).toBeLessThan(1e-9);
  });

  it('2 nA: the membrane is charged faster than Na+ channels open, so the ionic criterion is met above -40 mV, where the net ionic current has turned inward', () => {
    const { time, v, i } = run(2, 1);
    const shape = actionPotentialShape(time, v, { from: 0, to: 30, stimulus: { current: i, capacitance: HH_PATCH_CAPACITANCE } })!;
    expect(shape.threshold).toBeGreaterThan(-40);
    expect(shape.threshold).toBeLessThan(-10);
    expect(shape.thresholdTime).toBeLessThan(6); // during the pulse
  });

  it('ionicSlopes: zero at rest, dV/dt less I/C inside a pulse; an interval where the stimulus jumps keeps the previous value', () => {
    const time = [0, 1, 2, 3, 4];
    const current = [0, 0, 0.1, 0.1, 0.1];
    const capacitance = 0.01; // 0.1 nA / 0.01 nF = 10 mV/ms
    const voltage = [-65, -65, -55, -45, -33];
    const slopes = ionicSlopes(time, voltage, current, capacitance);
    expect([...slopes]).toEqual([0, 0, 0, 2]);
    expect(() => ionicSlopes(time, voltage, current, 0)).toThrow(/capacitance/);
    expect(() => ionicSlopes(time, voltage, [0, 0], capacitance)).toThrow(/stimulus\.current/);
  });
});
