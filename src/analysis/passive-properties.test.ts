import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate.js';
import { parseModel } from '../model/validate.js';
import { InputError } from '../units/errors.js';
import { inputResistance, membraneTimeConstant, steadyStateDeflection } from './passive-properties.js';

/** -65 mV until `start`, then -65 + deflection (1 - exp(-(t - start) / tau)); dt 0.1 ms to 300 ms. */
function charging(tau: number, deflection: number, start = 20): { time: Float64Array; voltage: Float64Array } {
  const n = 3001;
  const time = new Float64Array(n);
  const voltage = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = i * 0.1;
    voltage[i] = -65 + (time[i] > start ? deflection * -Math.expm1(-(time[i] - start) / tau) : 0);
  }
  return { time, voltage };
}

describe('membraneTimeConstant', () => {
  it('an exponential charging curve with tau = 10 ms, settled (28 tau): 10 ms within 0.1 %', () => {
    const { time, voltage } = charging(10, 5);
    const tau = membraneTimeConstant(time, voltage, 20);
    expect(Math.abs(tau - 10) / 10).toBeLessThan(0.001);
  });

  it('a hyperpolarising response (-8 mV) with tau = 25 ms and a step end at 220 ms (8 tau): 25 ms within 0.1 %', () => {
    const { time, voltage } = charging(25, -8);
    const tau = membraneTimeConstant(time, voltage, 20, 220);
    expect(Math.abs(tau - 25) / 25).toBeLessThan(0.001);
  });

  it('a step end only 5 tau after the start: short by (e - 1) exp(-5) = 1.16 %, as documented (within 0.05 %)', () => {
    const { time, voltage } = charging(10, 5);
    const tau = membraneTimeConstant(time, voltage, 20, 70);
    const expected = 10 * (1 - Math.log(1 + (Math.E - 1) * Math.exp(-5)));
    expect(Math.abs(tau - expected) / expected).toBeLessThan(0.0005);
    expect(tau).toBeLessThan(9.9);
  });

  it('throws an InputError for a flat response and for a window outside the signal', () => {
    const flat = charging(10, 0);
    expect(() => membraneTimeConstant(flat.time, flat.voltage, 20)).toThrow(/a non-zero, finite deflection/);
    const { time, voltage } = charging(10, 5);
    expect(() => membraneTimeConstant(time, voltage, 20, 400)).toThrow(InputError);
    expect(() => membraneTimeConstant(time, voltage, 50, 40)).toThrow(InputError);
  });
});

describe('steadyStateDeflection and inputResistance', () => {
  it('the charging curve from 20 to 300 ms: baseline -65 mV, deflection 5 mV (within 1e-9 mV)', () => {
    const { time, voltage } = charging(10, 5);
    const result = steadyStateDeflection(time, voltage, 20, 300);
    expect(result.baseline).toBe(-65);
    expect(Math.abs(result.deflection - 5)).toBeLessThan(1e-9);
    expect(result.steadyState).toBeCloseTo(-60, 9);
  });

  it('10 mV for 0.01 nA is 1000 MOhm; -5 mV for -0.02 nA is 250 MOhm', () => {
    expect(inputResistance({ voltageBefore: -65, voltageAfter: -55, currentStep: 0.01 })).toBeCloseTo(1000, 9);
    expect(inputResistance({ voltageBefore: -65, voltageAfter: -70, currentStep: -0.02 })).toBeCloseTo(250, 9);
  });

  it('throws an InputError for a zero current step or a NaN voltage', () => {
    expect(() => inputResistance({ voltageBefore: -65, voltageAfter: -55, currentStep: 0 })).toThrow(/currentStep: got 0; expected a non-zero current step \(nA\)/);
    expect(() => inputResistance({ voltageBefore: Number.NaN, voltageAfter: -55, currentStep: 1 })).toThrow(InputError);
  });
});

// Backward Euler lengthens tau by dt / (2 tau) = 0.125 % at dt = 0.025 ms; Crank-Nicolson by (dt / tau)^2 / 12.
for (const integrator of ['crank-nicolson', 'backward-euler'] as const) {
  describe(`a passive single compartment (pas g = 1e-4 S/cm2, cm = 1 uF/cm2) and a 0.01 nA step, ${integrator} at dt 0.025 ms`, () => {
    const g = 1e-4; // S/cm2
    const length = 20; // um, = diameter
    const areaSquareCentimetres = Math.PI * length * length * 1e-8; // lateral area, 1256.6 um2
    const tauExpected = (1e-6 / g) * 1000; // cm / g = 1 uF/cm2 / 1e-4 S/cm2 = 0.01 s = 10 ms
    const resistanceExpected = 1 / (g * areaSquareCentimetres) / 1e6; // 795.8 MOhm
    const step = 0.01; // nA, from 10 ms on
    const model = parseModel({
      name: 'passive-compartment',
      cells: [
        {
          id: 'soma',
          morphology: { kind: 'single', length: `${length} um`, diameter: `${length} um` },
          membrane: { capacitance: '1 uF/cm2', initialVoltage: '-65 mV' },
          mechanisms: [{ mechanism: 'pas', parameters: { g: `${g} S/cm2`, e: '-65 mV' } }],
        },
      ],
      stimuli: [{ kind: 'current-clamp', id: 'step', waveform: { shape: 'step', delay: '10 ms', duration: '1e9 ms', amplitude: `${step} nA` } }],
      recordings: [{ id: 'v', variable: 'v' }],
      run: { duration: '160 ms', timeStep: '0.025 ms', integrator },
    });
    const result = simulate(model);
    const v = result.traces[0].values;

    it(`tau = ${tauExpected} ms within 0.5 %`, () => {
      const tau = membraneTimeConstant(result.time, v, 10, 160);
      expect(Math.abs(tau - tauExpected) / tauExpected).toBeLessThan(0.005);
    });

    it(`input resistance = 1 / (g area) = ${resistanceExpected.toFixed(1)} MOhm within 0.5 %`, () => {
      const { baseline, steadyState } = steadyStateDeflection(result.time, v, 10, 160);
      expect(Math.abs(baseline + 65)).toBeLessThan(1e-9);
      const resistance = inputResistance({ voltageBefore: baseline, voltageAfter: steadyState, currentStep: step });
      expect(Math.abs(resistance - resistanceExpected) / resistanceExpected).toBeLessThan(0.005);
    });
  });
}
