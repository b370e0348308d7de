import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateAtNode as evaluate, type NodeConcentrations } from '../engine/test-models.js';
import { FARADAY, GAS_CONSTANT } from '../units/constants.js';
import { MECHANISMS } from './catalogue.js';
import { sodiumPotassiumPump, sodiumPumpCurrent, sodiumPumpVoltageFactor } from './na-k-pump.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';

const T37 = 310.15;



const REST: NodeConcentrations = { na: { inside: 10, outside: 140 }, k: { inside: 145, outside: 5.4 } };

/** Luo & Rudy (1994) I_NaK written out independently of the kernel. */
function handPump(v: number, t: number, nai: number, nao: number, ko: number, imax = 0.0015, kmNai = 10, kmKo = 1.5): number {
  const vfrt = (v * FARADAY) / (GAS_CONSTANT * t * 1000);
  const sigma = (Math.exp(nao / 67.3) - 1) / 7;
  const f = 1 / (1 + 0.1245 * Math.exp(-0.1 * vfrt) + 0.0365 * sigma * Math.exp(-vfrt));
  return (imax * f * (1 / (1 + Math.pow(kmNai / nai, 1.5))) * ko) / (ko + kmKo);
}

describe('na-k-pump (Luo & Rudy 1994 I_NaK)', () => {
  it('na-k-pump at -85 mV, 37 degC, Na 10/140, Ko 5.4 mM: i = 2.863e-4 mA/cm2 (hand calculation: f = 0.4878, Na term 0.5, K term 0.7826), to 1e-12 relative', () => {
    const { i } = evaluate(sodiumPotassiumPump, -85, T37, REST);
    const expected = handPump(-85, T37, 10, 140, 5.4);
    expect(Math.abs(i - expected)).toBeLessThan(1e-12 * expected);
    // RT/F = 26.727 mV, VF/RT = -3.1803; sigma = (e^(140/67.3) - 1)/7 = 1.00097;
    // f = 1/(1 + 0.1245 e^0.31803 + 0.0365 sigma e^3.1803) = 1/(1 + 0.17111 + 0.87882) = 0.48782.
    expect(i).toBeCloseTo(0.0015 * 0.48782 * 0.5 * (5.4 / 6.9), 8);
    expect(i).toBeCloseTo(2.8633e-4, 8);
  });

  it('na-k-pump at 0 mV with [Na]i = KmNai and [K]o = KmKo: i = imax f(0)/4 exactly, f(0) = 1/(1.1245 + 0.0365 sigma)', () => {
    const { i } = evaluate(sodiumPotassiumPump, 0, T37, { na: { inside: 10, outside: 140 }, k: { inside: 140, outside: 1.5 } });
    const sigma = Math.expm1(140 / 67.3) / 7;
    expect(i).toBeCloseTo((0.0015 / (1.1245 + 0.0365 * sigma)) / 4, 15);
  });

  it('na-k-pump current is outward (>= 0) for any voltage -200..200 mV and concentrations 0..1000 mM, and at most imax', () => {
    fc.assert(
      fc.property(uniform(-200, 200), uniform(0, 1000), uniform(0, 1000), uniform(0, 1000), (v, nai, nao, ko) => {
        const { i } = evaluate(sodiumPotassiumPump, v, T37, { na: { inside: nai, outside: nao }, k: { inside: 140, outside: ko } });
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThanOrEqual(0.0015);
      }),
    );
  });

  it('na-k-pump shares: i_na = 3 i, i_k = -2 i, i_na + i_k = i, and the same for dI/dV in ionConductance', () => {
    fc.assert(
      fc.property(uniform(-150, 100), logUniform(1, 100), logUniform(50, 200), logUniform(0.5, 20), (v, nai, nao, ko) => {
        const { membrane, i, g } = evaluate(sodiumPotassiumPump, v, T37, { na: { inside: nai, outside: nao }, k: { inside: 140, outside: ko } });
        expect(membrane.ionCurrent.na[0]).toBe(3 * i);
        expect(membrane.ionCurrent.k[0]).toBe(-2 * i);
        expect(Math.abs(membrane.ionCurrent.na[0] + membrane.ionCurrent.k[0] - i)).toBeLessThan(1e-15 * i + 1e-300);
        expect(membrane.ionConductance.na[0]).toBe(3 * g);
        expect(membrane.ionConductance.k[0]).toBe(-2 * g);
        expect(membrane.ionCurrent.cl[0]).toBe(0);
        expect(membrane.ionCurrent.ca[0]).toBe(0);
      }),
    );
  });

  it('na-k-pump dI/dV (analytic) equals a centred difference of the current (h = 1e-3 mV) to 1e-6 relative, -150..100 mV', () => {
    fc.assert(
      fc.property(uniform(-150, 100), logUniform(1, 100), logUniform(50, 200), logUniform(0.5, 20), (v, nai, nao, ko) => {
        const c = { na: { inside: nai, outside: nao }, k: { inside: 140, outside: ko } };
        const h = 1e-3;
        const { g } = evaluate(sodiumPotassiumPump, v, T37, c);
        const slope = (evaluate(sodiumPotassiumPump, v + h, T37, c).i - evaluate(sodiumPotassiumPump, v - h, T37, c).i) / (2 * h);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(Math.abs(g - slope)).toBeLessThanOrEqual(1e-6 * Math.abs(slope) + 1e-16);
      }),
    );
  });

  it('na-k-pump saturation: [Na]i -> infinity gives imax f(V) [K]o/([K]o + KmKo); both saturating, [Na]o = 0 and V = +1000 mV give imax to 0.5%; [Na]i = 0 or [K]o = 0 give 0', () => {
    const f = [0, 0];
    for (const v of [-120, -60, 0, 40]) {
      sodiumPumpVoltageFactor(v, 140, (GAS_CONSTANT * T37 * 1000) / FARADAY, f);
      const { i } = evaluate(sodiumPotassiumPump, v, T37, { na: { inside: 1e12, outside: 140 }, k: { inside: 140, outside: 5.4 } });
      expect(i).toBeCloseTo(0.0015 * f[0] * (5.4 / 6.9), 12);
    }
    // f(+1000 mV) = 1/(1 + 0.1245 e^(-3.7416)) = 0.99706 with no sigma term.
    const saturated = evaluate(sodiumPotassiumPump, 1000, T37, { na: { inside: 1e12, outside: 0 }, k: { inside: 140, outside: 1e12 } }).i;
    expect(saturated / 0.0015).toBeCloseTo(1 / (1 + 0.1245 * Math.exp((-0.1 * 1000 * FARADAY) / (GAS_CONSTANT * T37 * 1000))), 9);
    expect(saturated / 0.0015).toBeGreaterThan(0.995);
    expect(saturated).toBeLessThanOrEqual(0.0015);
    expect(evaluate(sodiumPotassiumPump, -60, T37, { na: { inside: 0, outside: 140 }, k: { inside: 140, outside: 5.4 } }).i).toBe(0);
    expect(evaluate(sodiumPotassiumPump, -60, T37, { na: { inside: 10, outside: 140 }, k: { inside: 140, outside: 0 } }).i).toBe(0);
  });

  it('na-k-pump f(V) rises with depolarisation (dI/dV > 0) and [Na]o lowers it (sigma term): f(-100 mV) < f(0) < f(+60 mV); f(-100, Nao 0) > f(-100, Nao 140)', () => {
    const vt = (GAS_CONSTANT * T37 * 1000) / FARADAY;
    const at = (v: number, nao: number) => {
      const out = [0, 0];
      sodiumPumpVoltageFactor(v, nao, vt, out);
      return out[0];
    };
    expect(at(-100, 140)).toBeLessThan(at(0, 140));
    expect(at(0, 140)).toBeLessThan(at(60, 140));
    expect(at(-100, 0)).toBeGreaterThan(at(-100, 140));
    expect(at(-100, 0)).toBeCloseTo(1 / (1 + 0.1245 * Math.exp((0.1 * 100) / vt)), 14);
  });

  it('na-k-pump results are finite for extreme inputs (V = ±1e4 mV, concentrations 0 or 1e4 mM, T 273..373 K)', () => {
    for (const v of [-1e4, -1000, -200, 0, 200, 1000, 1e4]) {
      for (const c of [0, 1e-9, 10, 1e4]) {
        for (const t of [273.15, 373.15]) {
          const { membrane, i, g } = evaluate(sodiumPotassiumPump, v, t, { na: { inside: c, outside: c }, k: { inside: c, outside: c } });
          expect(Number.isFinite(i) && Number.isFinite(g)).toBe(true);
          expect(Number.isFinite(membrane.ionConductance.na[0]) && Number.isFinite(membrane.ionConductance.k[0])).toBe(true);
        }
      }
    }
  });

  it('na-k-pump writes its current to the `i` column when reporting, and leaves the per-ion arrays alone when not tracked (same total)', () => {
    const tracked = evaluate(sodiumPotassiumPump, -70, T37, REST);
    expect(sodiumPotassiumPump.conductances).toEqual(['i']);
    expect(tracked.block.conductances[0][0]).toBe(tracked.i);
    const untracked = evaluate(sodiumPotassiumPump, -70, T37, REST, {}, false);
    expect(untracked.i).toBe(tracked.i);
    expect(untracked.g).toBe(tracked.g);
    expect(untracked.membrane.ionCurrent.na[0]).toBe(0);
    expect(untracked.membrane.ionConductance.k[0]).toBe(0);
  });

  it('sodiumPumpCurrent (library form) equals the kernel; imax scales the current linearly (ouabain at its IC50 halves it)', () => {
    const i = sodiumPumpCurrent({ imax: 0.0015, kmNai: 10, kmKo: 1.5 }, { sodiumInside: 10, sodiumOutside: 140, potassiumOutside: 5.4 }, -85, T37);
    expect(Math.abs(i - evaluate(sodiumPotassiumPump, -85, T37, REST).i)).toBeLessThan(1e-15 * i);
    expect(evaluate(sodiumPotassiumPump, -85, T37, REST, { imax: 0.00075 }).i).toBeCloseTo(i / 2, 18);
  });

  it('na-k-pump metadata: kind pump, imax 0.0015 mA/cm2 with target Na+/K+-ATPase, KmNai 10 mM, KmKo 1.5 mM, in MECHANISMS', () => {
    const byName = Object.fromEntries(sodiumPotassiumPump.parameters.map((p) => [p.name, p]));
    expect(sodiumPotassiumPump.kind).toBe('pump');
    expect(byName.imax).toMatchObject({ unit: 'mA/cm2', defaultValue: 0.0015, target: 'Na+/K+-ATPase' });
    expect(byName.kmNai).toMatchObject({ unit: 'mM', defaultValue: 10 });
    expect(byName.kmKo).toMatchObject({ unit: 'mM', defaultValue: 1.5 });
    expect(sodiumPotassiumPump.citation).toMatch(/Luo.*Rudy.*1994/);
    expect(MECHANISMS).toContain(sodiumPotassiumPump);
  });
});
