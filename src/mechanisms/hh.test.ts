import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preparedBlock } from '../engine/test-models.js';
import { hhGateKinetics, hodgkinHuxley } from './hh.js';
import type { RateMode } from './types.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';


const ZERO_CELSIUS = 273.15;

/** NEURON's initial m, h, n at -65 mV: the first row of ../shared/reference/neuron/hh_iclamp10_trace.csv (read in place). */
function neuronInitialGates(): { m: number; h: number; n: number } {
  const root = process.env.MEMBRANE_REFERENCE ?? join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), '..', 'shared', 'reference');
  const path = join(root, 'neuron', 'hh_iclamp10_trace.csv');
  if (!existsSync(path)) throw new Error(`reference data not found: ${path} (set MEMBRANE_REFERENCE)`);
  const [header, first] = readFileSync(path, 'utf8').split('\n');
  const names = header.trim().split(',');
  const values = first.trim().split(',').map(Number);
  const at = (name: string) => values[names.indexOf(name)];
  expect(at('v_mV')).toBe(-65);
  return { m: at('m'), h: at('h'), n: at('n') };
}

const prepared = preparedBlock;

describe('hhGateKinetics (NEURON hh.mod rates)', () => {
  it('hhGateKinetics(-65 mV) gives m_inf 0.05293, h_inf 0.5961, n_inf 0.3177: NEURON\'s initial values to 6e-7', () => {
    // The reference file prints 6 decimals: its rounding is at most 5e-7; the rates are the same formulas.
    const reference = neuronInitialGates();
    const out = new Float64Array(6);
    hhGateKinetics(-65, 1, out);
    expect(Math.abs(out[0] - reference.m)).toBeLessThan(6e-7);
    expect(Math.abs(out[2] - reference.h)).toBeLessThan(6e-7);
    expect(Math.abs(out[4] - reference.n)).toBeLessThan(6e-7);
    expect(out[0]).toBeCloseTo(0.05293, 5);
    expect(out[2]).toBeCloseTo(0.5961, 4);
    expect(out[4]).toBeCloseTo(0.3177, 4);
  });

  it('hhGateKinetics(-65 mV) time constants: tau_m 0.2368, tau_h 8.5160, tau_n 5.4586 ms at 6.3 degC (hand calculation to 1e-4)', () => {
    // alpha_m = 2.5/(e^2.5 - 1) = 0.22356, beta_m = 4; alpha_h = 0.07, beta_h = 1/(e^3 + 1) = 0.047426;
    // alpha_n = 0.1/(e - 1) = 0.058198, beta_n = 0.125; tau = 1/(alpha + beta).
    const out = new Float64Array(6);
    hhGateKinetics(-65, 1, out);
    const alphaM = 2.5 / Math.expm1(2.5), betaH = 1 / (Math.exp(3) + 1), alphaN = 0.1 / Math.expm1(1);
    expect(out[1]).toBeCloseTo(1 / (alphaM + 4), 12);
    expect(out[3]).toBeCloseTo(1 / (0.07 + betaH), 12);
    expect(out[5]).toBeCloseTo(1 / (alphaN + 0.125), 12);
    expect(out[1]).toBeCloseTo(0.2368, 4);
    expect(out[3]).toBeCloseTo(8.5160, 4);
    expect(out[5]).toBeCloseTo(5.4586, 4);
  });

  it('hhGateKinetics is finite at the 0/0 points -40 mV (alpha_m = 1/ms) and -55 mV (alpha_n = 0.1/ms)', () => {
    const out = new Float64Array(6);
    hhGateKinetics(-40, 1, out);
    const betaM = 4 * Math.exp(-25 / 18);
    expect(out[0]).toBeCloseTo(1 / (1 + betaM), 14);
    hhGateKinetics(-55, 1, out);
    const betaN = 0.125 * Math.exp(-10 / 80);
    expect(out[4]).toBeCloseTo(0.1 / (0.1 + betaN), 14);
  });

  it('hhGateKinetics with rate factor q divides every tau by q and leaves the steady states (q = 3)', () => {
    const one = new Float64Array(6), three = new Float64Array(6);
    for (const v of [-90, -65, -40, -20, 0, 30]) {
      hhGateKinetics(v, 1, one);
      hhGateKinetics(v, 3, three);
      for (const g of [0, 2, 4]) {
        expect(three[g]).toBe(one[g]);
        expect(Math.abs(three[g + 1] * 3 - one[g + 1])).toBeLessThan(1e-14 * one[g + 1]);
      }
    }
  });
});

describe('hh mechanism kernels', () => {
  it('hh at 16.3 degC: every gate derivative is 3 times that at 6.3 degC (Q10 = 3 per 10 degC), to 1e-12 relative', () => {
    // Rounding of 289.45 - 273.15 in binary moves the exponent by ~1e-15: far below 1e-12.
    const voltages = [-80, -65, -50, -30, 0, 20];
    const cold = prepared(hodgkinHuxley, voltages, ZERO_CELSIUS + 6.3, 0.025, 'exact');
    const warm = prepared(hodgkinHuxley, voltages, ZERO_CELSIUS + 16.3, 0.025, 'exact');
    // Same states in both (off steady state so that the derivatives are not zero).
    for (const block of [cold.block, warm.block]) block.states.forEach((column, g) => column.fill([0.3, 0.4, 0.5][g]));
    const out = (n: number) => [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    const dCold = out(voltages.length), dWarm = out(voltages.length);
    hodgkinHuxley.kernels.derivatives(cold.block, cold.membrane, dCold);
    hodgkinHuxley.kernels.derivatives(warm.block, warm.membrane, dWarm);
    for (let g = 0; g < 3; g++) {
      for (let i = 0; i < voltages.length; i++) {
        expect(Math.abs(dWarm[g][i] - 3 * dCold[g][i])).toBeLessThanOrEqual(1e-12 * Math.abs(3 * dCold[g][i]));
      }
    }
  });

  it('hh initialise at -65 mV sets m, h, n to their steady states and accumulate gives ina, ik, il of hh.mod', () => {
    const { membrane, block } = prepared(hodgkinHuxley, [-65], ZERO_CELSIUS + 6.3, 0.025, 'exact');
    const out = new Float64Array(6);
    hhGateKinetics(-65, 1, out);
    expect(block.states[0][0]).toBe(out[0]);
    expect(block.states[1][0]).toBe(out[2]);
    expect(block.states[2][0]).toBe(out[4]);
    hodgkinHuxley.kernels.accumulate(block, membrane);
    const gna = 0.12 * out[0] ** 3 * out[2];
    const gk = 0.036 * out[4] ** 4;
    // ina = gna (v - 50), ik = gk (v + 77), il = 0.0003 (v + 54.3), mA/cm2; round-off of a few terms: 1e-15.
    expect(membrane.ionCurrent.na[0]).toBeCloseTo(gna * -115, 15);
    expect(membrane.ionCurrent.k[0]).toBeCloseTo(gk * 12, 15);
    expect(membrane.current[0]).toBeCloseTo(gna * -115 + gk * 12 + 0.0003 * -10.7, 15);
    expect(membrane.conductance[0]).toBeCloseTo(gna + gk + 0.0003, 15);
    expect(block.conductances[0][0]).toBeCloseTo(gna, 15);
    expect(block.conductances[1][0]).toBeCloseTo(gk, 15);
  });

  it('hh advance by exponential Euler at a clamped voltage equals the exact relaxation g_inf + (g0 - g_inf) e^(-dt/tau) to 1e-14', () => {
    // At a fixed voltage the gate equation is linear, so exponential Euler is exact.
    const { membrane, block } = prepared(hodgkinHuxley, [-65], ZERO_CELSIUS + 6.3, 0.1, 'exact');
    const start = [block.states[0][0], block.states[1][0], block.states[2][0]];
    membrane.v[0] = -20;
    const out = new Float64Array(6);
    hhGateKinetics(-20, 1, out);
    for (let step = 0; step < 7; step++) hodgkinHuxley.kernels.advance(block, membrane);
    for (let g = 0; g < 3; g++) {
      const exact = out[2 * g] + (start[g] - out[2 * g]) * Math.exp(-0.7 / out[2 * g + 1]);
      expect(Math.abs(block.states[g][0] - exact)).toBeLessThan(1e-14);
    }
  });

  it('hh table mode agrees with exact rates to 1e-3 in every gate after 1 ms at -17.3 mV (1 mV table spacing)', () => {
    // Linear interpolation over 1 mV: error <= h^2/8 max|g_inf''| ~ 1/8 * 0.006/mV^2 < 1e-3.
    const exact = prepared(hodgkinHuxley, [-65], ZERO_CELSIUS + 6.3, 0.025, 'exact');
    const table = prepared(hodgkinHuxley, [-65], ZERO_CELSIUS + 6.3, 0.025, 'table');
    for (const run of [exact, table]) {
      run.membrane.v[0] = -17.3;
      for (let step = 0; step < 40; step++) hodgkinHuxley.kernels.advance(run.block, run.membrane);
    }
    for (let g = 0; g < 3; g++) expect(Math.abs(table.block.states[g][0] - exact.block.states[g][0])).toBeLessThan(1e-3);
  });

  it('exponential-Euler gates stay in [0, 1] for random voltages (-150..150 mV), steps and start states (exact and table modes)', () => {
    const voltage = uniform(-150, 150);
    fc.assert(
      fc.property(
        fc.array(voltage, { minLength: 1, maxLength: 30 }),
        logUniform(1e-4, 10),
        fc.constantFrom<RateMode>('exact', 'table'),
        fc.tuple(uniform(0, 1), uniform(0, 1), uniform(0, 1)),
        uniform(0, 40),
        (voltages, timeStep, rates, start, celsius) => {
          const { membrane, block } = prepared(hodgkinHuxley, [voltages[0]], ZERO_CELSIUS + celsius, timeStep, rates);
          block.states.forEach((column, g) => (column[0] = start[g]));
          for (const v of voltages) {
            membrane.v[0] = v;
            hodgkinHuxley.kernels.advance(block, membrane);
            hodgkinHuxley.kernels.advanceAndAccumulate(block, membrane);
            hodgkinHuxley.kernels.advanceBy(block, membrane, timeStep / 3);
            for (const column of block.states) {
              expect(column[0]).toBeGreaterThanOrEqual(0);
              expect(column[0]).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hh advanceAndAccumulate (fused in table mode) equals advance then accumulate bit for bit, for voltages -150..150 mV', () => {
    // The fused kernel is documented as "exactly the same arithmetic": no tolerance.
    fc.assert(
      fc.property(
        fc.array(uniform(-150, 150), { minLength: 1, maxLength: 20 }),
        fc.constantFrom<RateMode>('exact', 'table'),
        (voltages, rates) => {
          const fused = prepared(hodgkinHuxley, voltages.map(() => -65), ZERO_CELSIUS + 6.3, 0.025, rates);
          const split = prepared(hodgkinHuxley, voltages.map(() => -65), ZERO_CELSIUS + 6.3, 0.025, rates);
          fused.membrane.v.set(voltages);
          split.membrane.v.set(voltages);
          hodgkinHuxley.kernels.advanceAndAccumulate(fused.block, fused.membrane);
          hodgkinHuxley.kernels.advance(split.block, split.membrane);
          hodgkinHuxley.kernels.accumulate(split.block, split.membrane);
          for (let g = 0; g < 3; g++) expect(Array.from(fused.block.states[g])).toEqual(Array.from(split.block.states[g]));
          expect(Array.from(fused.membrane.current)).toEqual(Array.from(split.membrane.current));
          expect(Array.from(fused.membrane.conductance)).toEqual(Array.from(split.membrane.conductance));
          expect(Array.from(fused.membrane.ionCurrent.na)).toEqual(Array.from(split.membrane.ionCurrent.na));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hh table mode at and above +100 mV takes the +100 mV row as it is (NEURON TABLE clamping): advance and advanceAndAccumulate at 100, 120 mV all equal advance at exactly 100 mV', () => {
    // Beyond TO NEURON uses the last entry unchanged; advanceTable does (row 200, fraction 0). No tolerance.
    const stepFromZero = (kernel: 'advance' | 'advanceAndAccumulate', v: number) => {
      const run = prepared(hodgkinHuxley, [v], ZERO_CELSIUS + 6.3, 0.025, 'table');
      run.block.states.forEach((column) => (column[0] = 0));
      hodgkinHuxley.kernels[kernel](run.block, run.membrane);
      return run.block.states.map((column) => column[0]);
    };
    const reference = stepFromZero('advance', 100);
    expect(reference[0]).toBeGreaterThan(0);
    for (const kernel of ['advance', 'advanceAndAccumulate'] as const) {
      for (const v of [100, 120, 1e4]) expect(stepFromZero(kernel, v), `${kernel} at ${v} mV`).toEqual(reference);
    }
  });
});
