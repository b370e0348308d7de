import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preparedBlock } from '../engine/test-models.js';
import { aTypePotassium, aTypePotassiumKinetics } from './a-type-potassium.js';
import { findMechanism } from './catalogue.js';
import { DRUG_TARGETS } from './targets.js';
import type { RateMode } from './types.js';
import { logUniform, uniform } from '../units/test-arbitraries.js';

const ZERO_CELSIUS = 273.15;

/** Dayan & Abbott (2001) section 6.2, written out again here as printed (divisions by the slope factors). */
function printed(v: number) {
  return {
    aInf: Math.pow((0.0761 * Math.exp((v + 94.22) / 31.84)) / (1 + Math.exp((v + 1.17) / 28.93)), 1 / 3),
    tauA: 0.3632 + 1.158 / (1 + Math.exp((v + 55.96) / 20.12)),
    bInf: Math.pow(1 / (1 + Math.exp((v + 53.3) / 14.54)), 4),
    tauB: 1.24 + 2.678 / (1 + Math.exp((v + 50) / 16.027)),
  };
}

describe('aTypePotassiumKinetics (Connor-Stevens A current, Dayan & Abbott 2001)', () => {
  it('a_inf, tau_a, b_inf, tau_b at -68, -40 and 0 mV equal a hand calculation (Python, 6 decimals) to 6e-7', () => {
    // Computed separately from the printed formulas with Python's math module and rounded to 6 decimals: the rounding
    // is at most 5e-7.
    const table: [number, number, number, number, number][] = [
      [-68, 0.540308, 1.110449, 0.289021, 3.260723],
      [-40, 0.691901, 0.723886, 0.006694, 2.174312],
      [0, 0.895802, 0.430761, 0.0, 1.353281],
    ];
    const out = new Float64Array(4);
    for (const [v, aInf, tauA, bInf, tauB] of table) {
      aTypePotassiumKinetics(v, 1, out);
      expect(Math.abs(out[0] - aInf), `a_inf at ${v}`).toBeLessThan(6e-7);
      expect(Math.abs(out[1] - tauA), `tau_a at ${v}`).toBeLessThan(6e-7);
      expect(Math.abs(out[2] - bInf), `b_inf at ${v}`).toBeLessThan(6e-7);
      expect(Math.abs(out[3] - tauB), `tau_b at ${v}`).toBeLessThan(6e-7);
    }
  });

  it('equals the printed formulas at any voltage from -120 to +60 mV, to 1e-13 relative (cbrt against pow(x, 1/3))', () => {
    const out = new Float64Array(4);
    fc.assert(
      fc.property(uniform(-120, 60), (v) => {
        aTypePotassiumKinetics(v, 1, out);
        const expected = printed(v);
        expect(Math.abs(out[0] / expected.aInf - 1)).toBeLessThan(1e-13);
        expect(Math.abs(out[1] / expected.tauA - 1)).toBeLessThan(1e-13);
        expect(Math.abs(out[2] - expected.bInf)).toBeLessThanOrEqual(1e-13 * expected.bInf);
        expect(Math.abs(out[3] / expected.tauB - 1)).toBeLessThan(1e-13);
      }),
    );
  });

  it('the A current is transient: activation rises and inactivation falls with voltage; tau_a in (0.3632, 1.5212) ms, tau_b in (1.24, 3.918) ms', () => {
    // The time constants are a constant plus a falling sigmoid: bounded by the constant and constant + amplitude.
    const out = new Float64Array(4);
    let previous = new Float64Array(4);
    aTypePotassiumKinetics(-120, 1, previous);
    for (let v = -119; v <= 60; v += 1) {
      aTypePotassiumKinetics(v, 1, out);
      expect(out[0]).toBeGreaterThan(previous[0]);
      expect(out[2]).toBeLessThan(previous[2]);
      expect(out[1]).toBeGreaterThan(0.3632);
      expect(out[1]).toBeLessThan(0.3632 + 1.158);
      expect(out[3]).toBeGreaterThan(1.24);
      expect(out[3]).toBeLessThan(1.24 + 2.678);
      previous = Float64Array.from(out);
    }
    // At rest (-68 mV) part of the A conductance is available: a^3 b = 0.0456 of gabar, most of it inactivated.
    aTypePotassiumKinetics(-68, 1, out);
    expect(out[0] ** 3 * out[2]).toBeCloseTo(0.540308 ** 3 * 0.289021, 5);
  });

  it('a rate factor q divides both time constants by q and leaves the steady states', () => {
    const one = new Float64Array(4), three = new Float64Array(4);
    for (const v of [-90, -60, -30, 0, 30]) {
      aTypePotassiumKinetics(v, 1, one);
      aTypePotassiumKinetics(v, 3, three);
      expect(three[0]).toBe(one[0]);
      expect(three[2]).toBe(one[2]);
      expect(Math.abs(three[1] * 3 - one[1])).toBeLessThan(1e-14 * one[1]);
      expect(Math.abs(three[3] * 3 - one[3])).toBeLessThan(1e-14 * one[3]);
    }
  });
});

describe('a-type-potassium mechanism', () => {
  it('is in the catalogue as a-type-potassium: gabar 0.0477 S/cm2 (the A-type drug target), ea -75 mV, states a, b, conductance ga', () => {
    expect(findMechanism('a-type-potassium')).toBe(aTypePotassium);
    expect(aTypePotassium.parameters.map((p) => [p.name, p.unit, p.defaultValue, p.target])).toEqual([
      ['gabar', 'S/cm2', 0.0477, DRUG_TARGETS.aType],
      ['ea', 'mV', -75, undefined],
    ]);
    expect(aTypePotassium.states.map((s) => s.name)).toEqual(['a', 'b']);
    expect(aTypePotassium.conductances).toEqual(['ga']);
    expect(aTypePotassium.ionsWritten).toEqual(['k']);
  });

  it('initialise at -68 mV sets a, b to their steady states; accumulate adds ia = gabar a^3 b (v - ea) to the total and K+ currents', () => {
    const { membrane, block } = preparedBlock(aTypePotassium, [-68], ZERO_CELSIUS + 20, 0.025, 'exact');
    const out = new Float64Array(4);
    aTypePotassiumKinetics(-68, 1, out);
    expect(block.states[0][0]).toBe(out[0]);
    expect(block.states[1][0]).toBe(out[2]);
    aTypePotassium.kernels.accumulate(block, membrane);
    const ga = 0.0477 * out[0] ** 3 * out[2];
    // The reversal is ea = -75 mV, not the membrane's E_K (-77 mV in these test arrays): i = ga * 7 mV.
    expect(membrane.current[0]).toBeCloseTo(ga * 7, 15);
    expect(membrane.ionCurrent.k[0]).toBeCloseTo(ga * 7, 15);
    expect(membrane.ionCurrent.na[0]).toBe(0);
    expect(membrane.conductance[0]).toBeCloseTo(ga, 15);
    expect(membrane.ionConductance.k[0]).toBeCloseTo(ga, 15);
    expect(block.conductances[0][0]).toBeCloseTo(ga, 15);
  });

  it('has no temperature dependence: gate derivatives at 6.3 and 36 degC are identical', () => {
    const voltages = [-80, -60, -40, -20, 0];
    const cold = preparedBlock(aTypePotassium, voltages, ZERO_CELSIUS + 6.3, 0.025, 'exact');
    const warm = preparedBlock(aTypePotassium, voltages, ZERO_CELSIUS + 36, 0.025, 'exact');
    for (const run of [cold, warm]) run.block.states.forEach((column) => column.fill(0.3));
    const out = () => [new Float64Array(voltages.length), new Float64Array(voltages.length)];
    const dCold = out(), dWarm = out();
    aTypePotassium.kernels.derivatives(cold.block, cold.membrane, dCold);
    aTypePotassium.kernels.derivatives(warm.block, warm.membrane, dWarm);
    expect(dWarm.map((c) => Array.from(c))).toEqual(dCold.map((c) => Array.from(c)));
    expect(dCold[0][0]).not.toBe(0);
  });

  it('exponential Euler at a clamped voltage equals the exact relaxation to 1e-14 (a step from -68 to -30 mV, 0.7 ms)', () => {
    const { membrane, block } = preparedBlock(aTypePotassium, [-68], ZERO_CELSIUS + 20, 0.1, 'exact');
    const start = [block.states[0][0], block.states[1][0]];
    membrane.v[0] = -30;
    const out = new Float64Array(4);
    aTypePotassiumKinetics(-30, 1, out);
    for (let step = 0; step < 7; step++) aTypePotassium.kernels.advance(block, membrane);
    for (let g = 0; g < 2; g++) {
      const exact = out[2 * g] + (start[g] - out[2 * g]) * Math.exp(-0.7 / out[2 * g + 1]);
      expect(Math.abs(block.states[g][0] - exact)).toBeLessThan(1e-14);
    }
  });

  it('table mode agrees with exact rates to 1e-3 in both gates after 2 ms at -37.3 mV (1 mV table spacing)', () => {
    // Linear interpolation over 1 mV errs by at most h^2/8 max|f''|: max|b_inf''| is 1.0e-3/mV^2, so < 2e-4.
    const exact = preparedBlock(aTypePotassium, [-68], ZERO_CELSIUS + 20, 0.025, 'exact');
    const table = preparedBlock(aTypePotassium, [-68], ZERO_CELSIUS + 20, 0.025, 'table');
    for (const run of [exact, table]) {
      run.membrane.v[0] = -37.3;
      for (let step = 0; step < 80; step++) aTypePotassium.kernels.advanceAndAccumulate(run.block, run.membrane);
    }
    for (let g = 0; g < 2; g++) expect(Math.abs(table.block.states[g][0] - exact.block.states[g][0])).toBeLessThan(1e-3);
  });

  it('a_inf exceeds 1 between +39.8 and +98.7 mV, at most 1.01375 (+65.3 mV): a property of the fitted formula, kept as published', () => {
    const out = new Float64Array(4);
    let largest = 0;
    for (let v = -150; v <= 150; v += 0.1) {
      aTypePotassiumKinetics(v, 1, out);
      largest = Math.max(largest, out[0]);
    }
    expect(largest).toBeCloseTo(1.01375, 5);
    aTypePotassiumKinetics(30, 1, out);
    expect(out[0]).toBeLessThan(1);
    aTypePotassiumKinetics(65.3, 1, out);
    expect(out[0]).toBeGreaterThan(1);
  });

  it('gates stay in [0, 1] (a in [0, 1.01375], its largest steady state) for random voltages (-150..150 mV), steps and start states (exact and table modes)', () => {
    fc.assert(
      fc.property(
        fc.array(uniform(-150, 150), { minLength: 1, maxLength: 20 }),
        logUniform(1e-4, 10),
        fc.constantFrom<RateMode>('exact', 'table'),
        fc.tuple(uniform(0, 1), uniform(0, 1)),
        (voltages, timeStep, rates, start) => {
          const { membrane, block } = preparedBlock(aTypePotassium, [voltages[0]], ZERO_CELSIUS + 20, timeStep, rates);
          block.states.forEach((column, g) => (column[0] = start[g]));
          for (const v of voltages) {
            membrane.v[0] = v;
            aTypePotassium.kernels.advanceAndAccumulate(block, membrane);
            aTypePotassium.kernels.advanceBy(block, membrane, timeStep / 3);
            expect(block.states[0][0]).toBeGreaterThanOrEqual(0);
            expect(block.states[0][0]).toBeLessThanOrEqual(1.01375);
            expect(block.states[1][0]).toBeGreaterThanOrEqual(0);
            expect(block.states[1][0]).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
