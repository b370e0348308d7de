import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateAtNode } from '../engine/test-models.js';
import { MECHANISMS } from './catalogue.js';
import { calciumPumpCurrent, plasmaMembraneCalciumPump } from './plasma-membrane-calcium-pump.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';

const T37 = 310.15;


/** One node at v with [Ca]i = cai (2 mM outside), 37 degC. */
function evaluate(v: number, cai: number, parameters: { imax?: number; km?: number } = {}, tracks = true) {
  return accumulateAtNode(plasmaMembraneCalciumPump, v, T37, { ca: { inside: cai, outside: 2 } }, parameters, tracks);
}

describe('pmca (Luo & Rudy 1994 I_p(Ca))', () => {
  it('pmca at [Ca]i = 0.1 uM: i = 1.15e-3 * 1e-4/(5e-4 + 1e-4) = 1.9167e-4 mA/cm2 (hand calculation), at any voltage', () => {
    for (const v of [-90, -65, 0, 40]) {
      const { i } = evaluate(v, 1e-4);
      expect(i).toBeCloseTo((1.15e-3 * 1e-4) / 6e-4, 18);
      expect(i).toBeCloseTo(1.9167e-4, 8);
    }
  });

  it('pmca at [Ca]i = Km = 0.5 uM gives imax/2 exactly; [Ca]i -> infinity gives imax; [Ca]i = 0 gives 0', () => {
    expect(evaluate(-65, 5e-4).i).toBe(1.15e-3 / 2);
    expect(Math.abs(evaluate(-65, 1e9).i / 1.15e-3 - 1)).toBeLessThan(1e-12);
    expect(evaluate(-65, 0).i).toBe(0);
  });

  it('pmca current is outward (>= 0) and below imax, all of it i_ca; dI/dV = 0 in both conductance and ionConductance.ca', () => {
    fc.assert(
      fc.property(uniform(-200, 200), logUniform(1e-7, 10), (v, cai) => {
        const { membrane, i, g } = evaluate(v, cai);
        expect(i).toBeGreaterThan(0);
        expect(i).toBeLessThan(1.15e-3);
        expect(membrane.ionCurrent.ca[0]).toBe(i);
        expect(g).toBe(0);
        expect(membrane.ionConductance.ca[0]).toBe(0);
        expect(membrane.ionCurrent.na[0] + membrane.ionCurrent.k[0] + membrane.ionCurrent.cl[0]).toBe(0);
      }),
    );
  });

  it('pmca is finite for extreme inputs ([Ca]i 0..1e6 mM, Km down to 1e-9 mM, V ±1e4 mV)', () => {
    for (const v of [-1e4, 0, 1e4]) {
      for (const cai of [0, 1e-12, 1, 1e6]) {
        for (const km of [1e-9, 5e-4, 10]) {
          const { i, g } = evaluate(v, cai, { km });
          expect(Number.isFinite(i) && Number.isFinite(g)).toBe(true);
        }
      }
    }
  });

  it('pmca writes its current to the `i` column; untracked: i_ca stays 0, the total is unchanged; calciumPumpCurrent equals the kernel', () => {
    const tracked = evaluate(-65, 2e-4);
    expect(tracked.block.conductances[0][0]).toBe(tracked.i);
    const untracked = evaluate(-65, 2e-4, {}, false);
    expect(untracked.i).toBe(tracked.i);
    expect(untracked.membrane.ionCurrent.ca[0]).toBe(0);
    expect(calciumPumpCurrent(1.15e-3, 5e-4, 2e-4)).toBe(tracked.i);
  });

  it('pmca metadata: kind pump, imax 0.00115 mA/cm2, Km 5e-4 mM, reads and writes ca, in MECHANISMS', () => {
    const [imax, km] = plasmaMembraneCalciumPump.parameters;
    expect(plasmaMembraneCalciumPump.name).toBe('pmca');
    expect(plasmaMembraneCalciumPump.kind).toBe('pump');
    expect(imax).toMatchObject({ name: 'imax', unit: 'mA/cm2', defaultValue: 0.00115 });
    expect(km).toMatchObject({ name: 'km', unit: 'mM', defaultValue: 5e-4 });
    expect(plasmaMembraneCalciumPump.ionsWritten).toEqual(['ca']);
    expect(MECHANISMS).toContain(plasmaMembraneCalciumPump);
  });
});
