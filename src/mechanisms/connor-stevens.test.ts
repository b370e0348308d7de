import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preparedBlock } from '../engine/test-models.js';
import { findMechanism } from './catalogue.js';
import { connorStevens, connorStevensKinetics } from './connor-stevens.js';
import { hhGateKinetics } from './hh.js';
import { DRUG_TARGETS } from './targets.js';
import type { RateMode } from './types.js';
import { uniform } from '../units/test-arbitraries.js';

const ZERO_CELSIUS = 273.15;

describe('connorStevensKinetics (Dayan & Abbott 2001, section 6.2)', () => {
  it('m, h, n steady states and time constants at -68, -40 and 0 mV equal a hand calculation (Python, 6 decimals) to 6e-7', () => {
    // Computed separately from the printed rates (alpha_m = 0.38 (v+29.7)/(1 - exp(-0.1 (v+29.7))), ...) with
    // Python's math module, rounded to 6 decimals: the rounding is at most 5e-7.
    const table: [number, ...number[]][] = [
      [-68, 0.010041, 0.03109, 0.966021, 1.336013, 0.155627, 2.896153],
      [-40, 0.244568, 0.112541, 0.319912, 1.794182, 0.560848, 2.137494],
      [0, 0.942473, 0.079224, 0.007346, 0.304405, 0.881115, 0.954036],
    ];
    const out = new Float64Array(6);
    for (const [v, ...expected] of table) {
      connorStevensKinetics(v, 1, out);
      expected.forEach((value, k) => expect(Math.abs(out[k] - value), `entry ${k} at ${v} mV`).toBeLessThan(6e-7));
    }
  });

  it('is finite at the 0/0 points -29.7 mV (alpha_m = 3.8/ms) and -45.7 mV (alpha_n = 0.2/ms)', () => {
    const out = new Float64Array(6);
    connorStevensKinetics(-29.7, 1, out);
    const betaM = 15.2 * Math.exp(-0.0556 * 25);
    expect(out[0]).toBeCloseTo(3.8 / (3.8 + betaM), 14);
    expect(out[1]).toBeCloseTo(1 / (3.8 + betaM), 14);
    connorStevensKinetics(-45.7, 1, out);
    const betaN = 0.25 * Math.exp(-0.0125 * 10);
    expect(out[4]).toBeCloseTo(0.2 / (0.2 + betaN), 14);
  });

  it('is HH (hh.mod at 6.3 degC) shifted: h by +17 mV and 3.8 times faster, n by +9.3 mV and 2 times faster, exactly (1e-12)', () => {
    // alpha_h = 0.266 exp(-(v+48)/20) = 3.8 * 0.07 exp(-((v-17)+65)/20), beta_h = 3.8 / (1 + exp(-((v-17)+35)/10));
    // alpha_n = 0.02 (v+45.7)/... = 2 * 0.01 ((v-9.3)+55)/..., beta_n = 0.25 exp(-((v-9.3)+65)/80).
    const cs = new Float64Array(6), hh = new Float64Array(6);
    fc.assert(
      fc.property(uniform(-120, 60), (v) => {
        connorStevensKinetics(v, 1, cs);
        hhGateKinetics(v - 17, 1, hh);
        expect(Math.abs(cs[2] - hh[2])).toBeLessThan(1e-12);
        expect(Math.abs(cs[3] * 3.8 / hh[3] - 1)).toBeLessThan(1e-12);
        hhGateKinetics(v - 9.3, 1, hh);
        expect(Math.abs(cs[4] - hh[4])).toBeLessThan(1e-12);
        expect(Math.abs(cs[5] * 2 / hh[5] - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  it('m is HH m shifted by +10.3 mV and 3.8 times faster, to 0.3 % (beta_m has 0.0556/mV where HH has 1/18 = 0.05556)', () => {
    // The exponents differ by 0.0556 - 1/18 = 4.4e-5 per mV: over |v + 54.7| <= 115 mV that is <= 0.5 % in beta_m,
    // and less in m_inf and tau_m (beta_m is one of two terms).
    const cs = new Float64Array(6), hh = new Float64Array(6);
    for (let v = -120; v <= 60; v += 2.5) {
      connorStevensKinetics(v, 1, cs);
      hhGateKinetics(v - 10.3, 1, hh);
      expect(Math.abs(cs[0] / hh[0] - 1), `m_inf at ${v}`).toBeLessThan(3e-3);
      expect(Math.abs(cs[1] * 3.8 / hh[1] - 1), `tau_m at ${v}`).toBeLessThan(3e-3);
    }
  });
});

describe('connor-stevens mechanism', () => {
  it('is in the catalogue as connor-stevens: gnabar 0.12, gkbar 0.02, gl 0.0003 S/cm2, el -17 mV, with the Na and delayed-rectifier drug targets', () => {
    expect(findMechanism('connor-stevens')).toBe(connorStevens);
    expect(connorStevens.parameters.map((p) => [p.name, p.unit, p.defaultValue, p.target])).toEqual([
      ['gnabar', 'S/cm2', 0.12, DRUG_TARGETS.sodiumChannel],
      ['gkbar', 'S/cm2', 0.02, DRUG_TARGETS.delayedRectifier],
      ['gl', 'S/cm2', 0.0003, undefined],
      ['el', 'mV', -17, undefined],
    ]);
    expect(connorStevens.states.map((s) => s.name)).toEqual(['m', 'h', 'n']);
  });

  it('initialise at -68 mV sets m, h, n to their steady states; accumulate gives ina, ik, il with the membrane reversals', () => {
    const { membrane, block } = preparedBlock(connorStevens, [-68], ZERO_CELSIUS + 20, 0.025, 'exact');
    membrane.reversal.na[0] = 55;
    membrane.reversal.k[0] = -72;
    const out = new Float64Array(6);
    connorStevensKinetics(-68, 1, out);
    expect([block.states[0][0], block.states[1][0], block.states[2][0]]).toEqual([out[0], out[2], out[4]]);
    connorStevens.kernels.accumulate(block, membrane);
    const gna = 0.12 * out[0] ** 3 * out[2];
    const gk = 0.02 * out[4] ** 4;
    // ina = gna (-68 - 55), ik = gk (-68 + 72), il = 0.0003 (-68 + 17), mA/cm2.
    expect(membrane.ionCurrent.na[0]).toBeCloseTo(gna * -123, 15);
    expect(membrane.ionCurrent.k[0]).toBeCloseTo(gk * 4, 15);
    expect(membrane.current[0]).toBeCloseTo(gna * -123 + gk * 4 + 0.0003 * -51, 15);
    expect(membrane.conductance[0]).toBeCloseTo(gna + gk + 0.0003, 15);
  });

  it('has no temperature dependence: gate derivatives at 6.3 and 36 degC are identical', () => {
    const voltages = [-80, -60, -40, -20, 0];
    const cold = preparedBlock(connorStevens, voltages, ZERO_CELSIUS + 6.3, 0.025, 'exact');
    const warm = preparedBlock(connorStevens, voltages, ZERO_CELSIUS + 36, 0.025, 'exact');
    for (const run of [cold, warm]) run.block.states.forEach((column) => column.fill(0.3));
    const out = () => [0, 1, 2].map(() => new Float64Array(voltages.length));
    const dCold = out(), dWarm = out();
    connorStevens.kernels.derivatives(cold.block, cold.membrane, dCold);
    connorStevens.kernels.derivatives(warm.block, warm.membrane, dWarm);
    expect(dWarm.map((c) => Array.from(c))).toEqual(dCold.map((c) => Array.from(c)));
    expect(dCold[0][0]).not.toBe(0);
  });

  it('table mode agrees with exact rates to 1e-3 in every gate after 1 ms at -37.3 mV (1 mV table spacing)', () => {
    // Linear interpolation over 1 mV errs by at most h^2/8 max|g_inf''|; max|h_inf''| is 2.1e-3/mV^2, so < 3e-4.
    const exact = preparedBlock(connorStevens, [-68], ZERO_CELSIUS + 20, 0.025, 'exact');
    const table = preparedBlock(connorStevens, [-68], ZERO_CELSIUS + 20, 0.025, 'table');
    for (const run of [exact, table]) {
      run.membrane.v[0] = -37.3;
      for (let step = 0; step < 40; step++) connorStevens.kernels.advanceAndAccumulate(run.block, run.membrane);
    }
    for (let g = 0; g < 3; g++) expect(Math.abs(table.block.states[g][0] - exact.block.states[g][0])).toBeLessThan(1e-3);
  });

  it('advanceAndAccumulate (fused) equals advance then accumulate bit for bit, for voltages -150..150 mV', () => {
    fc.assert(
      fc.property(fc.array(uniform(-150, 150), { minLength: 1, maxLength: 20 }), fc.constantFrom<RateMode>('exact', 'table'), (voltages, rates) => {
        const fused = preparedBlock(connorStevens, voltages.map(() => -68), ZERO_CELSIUS + 20, 0.025, rates);
        const split = preparedBlock(connorStevens, voltages.map(() => -68), ZERO_CELSIUS + 20, 0.025, rates);
        fused.membrane.v.set(voltages);
        split.membrane.v.set(voltages);
        connorStevens.kernels.advanceAndAccumulate(fused.block, fused.membrane);
        connorStevens.kernels.advance(split.block, split.membrane);
        connorStevens.kernels.accumulate(split.block, split.membrane);
        for (let g = 0; g < 3; g++) expect(Array.from(fused.block.states[g])).toEqual(Array.from(split.block.states[g]));
        expect(Array.from(fused.membrane.current)).toEqual(Array.from(split.membrane.current));
      }),
      { numRuns: 200 },
    );
  });
});
