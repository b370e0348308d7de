/**
 * One HH compartment against NEURON 8.2 (../shared/reference/neuron, made by make_reference.py there: 1000 um2,
 * hh at 6.3 degC, CVODE at atol = rtol = 1e-7, NEURON's default rate tables, usetable_hh = 1).
 * Our `table` rate mode reproduces NEURON's tables (1 mV from -100 to 100 mV, linear interpolation), so it is the
 * mode compared here; `exact` rates are compared with NEURON run with usetable_hh = 0 in hh-exact.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/engine/index.js';
import { hhCompartment, runSettings } from './models.js';
import { readCsv, readJson } from './reference-data.js';

const reference = readJson<{ hh_iclamp10_spikes_ms: number[]; hh_threshold_1ms_pulse_uA_cm2: number }>('neuron', 'hh_summary.json');

function spikeTimeErrors(times: readonly number[], expected: readonly number[]): number[] {
  expect(times.length).toBe(expected.length);
  return expected.map((t, i) => Math.abs(times[i] - t));
}

describe('HH compartment at 10 uA/cm2 for 100 ms against NEURON (table rates)', () => {
  it('Crank-Nicolson at dt 0.025 ms: every spike time within 0.05 ms (the issue\'s tolerance)', () => {
    const result = simulate(hhCompartment(10, runSettings(100, 0.025, 'crank-nicolson', 'table')));
    const errors = spikeTimeErrors(result.spikes[0].times, reference.hh_iclamp10_spikes_ms);
    console.log(`CN dt 0.025 table: max spike time error ${Math.max(...errors).toFixed(4)} ms`);
    expect(Math.max(...errors)).toBeLessThan(0.05);
  });

  it('adaptive integrator (rtol 1e-7): every spike time within 0.005 ms, ten times tighter', () => {
    const result = simulate(hhCompartment(10, runSettings(100, 0.025, 'adaptive', 'table')));
    const errors = spikeTimeErrors(result.spikes[0].times, reference.hh_iclamp10_spikes_ms);
    console.log(`adaptive table: max spike time error ${Math.max(...errors).toFixed(4)} ms`);
    expect(Math.max(...errors)).toBeLessThan(0.005);
  });

  it('the voltage at every 0.025 ms sample within 0.5 mV of NEURON\'s, and m, h, n within 0.01', () => {
    // Tolerance: both are near-exact solutions of the same equations; a 0.002 ms timing difference on an
    // upstroke of up to ~250 mV/ms moves the voltage by up to 0.5 mV (and the gates, whose fastest rate of
    // change is ~3/ms, by under 0.01).
    const rows = readCsv('neuron', 'hh_iclamp10_trace.csv');
    const result = simulate(hhCompartment(10, runSettings(100, 0.025, 'adaptive', 'table')));
    const v = result.traces[0].values;
    let worst = 0;
    rows.forEach((row, i) => (worst = Math.max(worst, Math.abs(v[i] - row.v_mV))));
    console.log(`adaptive table: max |V - V_NEURON| = ${worst.toFixed(3)} mV`);
    expect(worst).toBeLessThan(0.5);
    const gates = ['m', 'h', 'n'] as const;
    gates.forEach((gate, g) => {
      const values = result.traces[g + 1].values;
      const gateWorst = Math.max(...rows.map((row, i) => Math.abs(values[i] - row[gate])));
      expect(gateWorst).toBeLessThan(0.01);
    });
  });

  it('backward Euler at dt 0.025 ms is first order: the last spike drifts by 0.2-0.6 ms, halving with dt', () => {
    const last = (dt: number) => {
      const times = simulate(hhCompartment(10, runSettings(100, dt, 'backward-euler', 'table'))).spikes[0].times;
      return times[times.length - 1] - reference.hh_iclamp10_spikes_ms[6];
    };
    const coarse = last(0.025);
    const fine = last(0.0125);
    expect(coarse).toBeGreaterThan(0.2);
    expect(coarse).toBeLessThan(0.6);
    expect(fine / coarse).toBeGreaterThan(0.4);
    expect(fine / coarse).toBeLessThan(0.6);
  });
});

describe('HH F-I curve against NEURON (1 s, rate counted from 200 to 1000 ms)', () => {
  const rows = readCsv('neuron', 'hh_fi_curve.csv');
  const rate = (current: number) => {
    const times = simulate(hhCompartment(current, runSettings(1000, 0.025, 'crank-nicolson', 'table', { recordInterval: 1 }))).spikes[0].times;
    return times.filter((t) => t >= 200).length / 0.8;
  };

  it('every rate within 1 Hz of NEURON\'s', () => {
    for (const row of rows) {
      const ours = rate(row.i_uA_cm2);
      expect(Math.abs(ours - row.rate_hz_200_1000ms), `at ${row.i_uA_cm2} uA/cm2: ${ours} Hz vs ${row.rate_hz_200_1000ms} Hz`).toBeLessThan(1);
    }
  });

  it('repetitive firing begins between 6.0 and 6.3 uA/cm2 (bisection to 0.01 uA/cm2)', () => {
    let lo = 5.0;
    let hi = 7.0;
    expect(rate(lo)).toBe(0);
    expect(rate(hi)).toBeGreaterThan(40);
    while (hi - lo > 0.01) {
      const mid = (lo + hi) / 2;
      if (rate(mid) > 0) hi = mid;
      else lo = mid;
    }
    console.log(`repetitive firing onset: ${lo.toFixed(3)}-${hi.toFixed(3)} uA/cm2`);
    expect(lo).toBeGreaterThanOrEqual(6.0);
    expect(hi).toBeLessThanOrEqual(6.3);
  });
});

describe('threshold of a 1 ms pulse against NEURON', () => {
  it(`within 0.5 % of NEURON's ${reference.hh_threshold_1ms_pulse_uA_cm2} uA/cm2`, () => {
    const fires = (amplitude: number) =>
      simulate(hhCompartment(amplitude, runSettings(30, 0.025, 'adaptive', 'table'), { delay: 5, duration: 1 })).spikes[0].times.length > 0;
    let lo = 0;
    let hi = 100;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (fires(mid)) hi = mid;
      else lo = mid;
    }
    console.log(`1 ms pulse threshold: ${hi.toFixed(4)} uA/cm2 (NEURON ${reference.hh_threshold_1ms_pulse_uA_cm2})`);
    expect(Math.abs(hi - reference.hh_threshold_1ms_pulse_uA_cm2) / reference.hh_threshold_1ms_pulse_uA_cm2).toBeLessThan(0.005);
  });
});
