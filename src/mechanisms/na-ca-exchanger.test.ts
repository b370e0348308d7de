import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nernstPotential } from '../core/nernst.js';
import { accumulateAtNode as evaluate, type NodeConcentrations } from '../engine/test-models.js';
import { FARADAY, GAS_CONSTANT } from '../units/constants.js';
import { MECHANISMS } from './catalogue.js';
import { sodiumCalciumExchanger, sodiumCalciumExchangerCurrent } from './na-ca-exchanger.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';

const T37 = 310.15;



/** Luo-Rudy 1994 resting concentrations: Na 10/140, Ca 0.12 uM / 1.8 mM. */
const REST: NodeConcentrations = { na: { inside: 10, outside: 140 }, ca: { inside: 1.2e-4, outside: 1.8 } };

function concentrations(nai: number, nao: number, cai: number, cao: number): NodeConcentrations {
  return { na: { inside: nai, outside: nao }, ca: { inside: cai, outside: cao } };
}

/** I_NaCa of Luo & Rudy (1994), written out independently of the kernel, mA/cm2. */
function handExchanger(v: number, t: number, nai: number, nao: number, cai: number, cao: number): number {
  const vfrt = (v * FARADAY) / (GAS_CONSTANT * t * 1000);
  return (
    (2.0 / (Math.pow(87.5, 3) + Math.pow(nao, 3))) *
    (1 / (1.38 + cao)) *
    (1 / (1 + 0.1 * Math.exp((0.35 - 1) * vfrt))) *
    (Math.exp(0.35 * vfrt) * Math.pow(nai, 3) * cao - Math.exp((0.35 - 1) * vfrt) * Math.pow(nao, 3) * cai)
  );
}

/** E_NCX = 3 E_Na - 2 E_Ca, mV. */
function exchangerReversal(nai: number, nao: number, cai: number, cao: number, temperature: number): number {
  return 3 * nernstPotential({ valence: 1, inside: nai, outside: nao, temperature }) - 2 * nernstPotential({ valence: 2, inside: cai, outside: cao, temperature });
}

describe('ncx (Luo & Rudy 1994 I_NaCa)', () => {
  it('ncx at -85 mV, 37 degC, Na 10/140 mM, Ca 0.12 uM/1.8 mM: i = -2.0693e-4 mA/cm2, inward (forward mode: Ca2+ out), to 1e-12 relative of the hand formula', () => {
    const { i } = evaluate(sodiumCalciumExchanger, -85, T37, REST);
    const expected = handExchanger(-85, T37, 10, 140, 1.2e-4, 1.8);
    expect(Math.abs(i - expected)).toBeLessThan(1e-12 * Math.abs(expected));
    // u = -3.1803: e^(0.35u) = 0.3285, e^(-0.65u) = 7.9026; drive = 0.3285*1800 - 7.9026*329.28 = -2011.1;
    // saturation 1.79026; scale 2/((669921.9 + 2744000) * 3.18) = 1.8422e-7.
    expect(i).toBeCloseTo(-2.0693e-4, 8);
    expect(i).toBeLessThan(0);
  });

  it('ncx at 0 mV (above E_NCX = -45.4 mV for these concentrations) is outward: i = +2.4631e-4 mA/cm2 = kNaCa (Nai^3 Cao - Nao^3 Cai)/((KmNa^3 + Nao^3)(KmCa + Cao)(1 + ksat))', () => {
    const { i } = evaluate(sodiumCalciumExchanger, 0, T37, REST);
    const expected = (2.0 * (1000 * 1.8 - 140 ** 3 * 1.2e-4)) / ((87.5 ** 3 + 140 ** 3) * (1.38 + 1.8) * 1.1);
    expect(i).toBeCloseTo(expected, 15);
    expect(i).toBeCloseTo(2.4631e-4, 8);
    expect(exchangerReversal(10, 140, 1.2e-4, 1.8, T37)).toBeCloseTo(-45.399, 3);
  });

  it('ncx current vanishes at E_NCX = 3 E_Na - 2 E_Ca (core nernstPotential) for any concentrations and temperature (|i| < 1e-9 of the one-way flux)', () => {
    fc.assert(
      fc.property(logUniform(1, 100), logUniform(10, 500), logUniform(1e-5, 1e-2), logUniform(0.1, 10), uniform(273.15, 313.15), (nai, nao, cai, cao, t) => {
        const reversal = exchangerReversal(nai, nao, cai, cao, t);
        const { i } = evaluate(sodiumCalciumExchanger, reversal, t, concentrations(nai, nao, cai, cao));
        // Compare with the forward flux alone at that voltage (the two terms cancel there).
        const vfrt = (reversal * FARADAY) / (GAS_CONSTANT * t * 1000);
        const oneWay = ((2.0 / (87.5 ** 3 + nao ** 3)) * (1 / (1.38 + cao)) * Math.exp(0.35 * vfrt) * nai ** 3 * cao) / (1 + 0.1 * Math.exp(-0.65 * vfrt));
        expect(Math.abs(i)).toBeLessThan(1e-9 * oneWay);
      }),
    );
  });

  it('ncx current has the sign of V - E_NCX: outward (reverse mode) above, inward (forward mode) below', () => {
    fc.assert(
      fc.property(logUniform(1, 100), logUniform(10, 500), logUniform(1e-5, 1e-2), logUniform(0.1, 10), uniform(0.5, 100), (nai, nao, cai, cao, offset) => {
        const c = concentrations(nai, nao, cai, cao);
        const reversal = exchangerReversal(nai, nao, cai, cao, T37);
        expect(evaluate(sodiumCalciumExchanger, reversal + offset, T37, c).i).toBeGreaterThan(0);
        expect(evaluate(sodiumCalciumExchanger, reversal - offset, T37, c).i).toBeLessThan(0);
      }),
    );
  });

  it('ncx shares: i_na = 3 i, i_ca = -2 i (sum i), and dI/dV split the same way in ionConductance; potassium and chloride untouched', () => {
    fc.assert(
      fc.property(uniform(-150, 100), logUniform(1, 100), logUniform(10, 500), logUniform(1e-5, 1e-2), logUniform(0.1, 10), (v, nai, nao, cai, cao) => {
        const { membrane, i, g } = evaluate(sodiumCalciumExchanger, v, T37, concentrations(nai, nao, cai, cao));
        expect(membrane.ionCurrent.na[0]).toBe(3 * i);
        expect(membrane.ionCurrent.ca[0]).toBe(-2 * i);
        expect(Math.abs(membrane.ionCurrent.na[0] + membrane.ionCurrent.ca[0] - i)).toBeLessThanOrEqual(1e-15 * Math.abs(i));
        expect(membrane.ionConductance.na[0]).toBe(3 * g);
        expect(membrane.ionConductance.ca[0]).toBe(-2 * g);
        expect(Math.abs(membrane.ionConductance.na[0] + membrane.ionConductance.ca[0] - g)).toBeLessThanOrEqual(1e-15 * Math.abs(g));
        expect(membrane.ionCurrent.k[0]).toBe(0);
        expect(membrane.ionConductance.cl[0]).toBe(0);
      }),
    );
  });

  it('ncx dI/dV (analytic) equals a centred difference of the current (h = 1e-3 mV) to 1e-6 relative, -150..100 mV', () => {
    fc.assert(
      fc.property(uniform(-150, 100), logUniform(1, 100), logUniform(10, 500), logUniform(1e-5, 1e-2), logUniform(0.1, 10), (v, nai, nao, cai, cao) => {
        const c = concentrations(nai, nao, cai, cao);
        const h = 1e-3;
        const { g } = evaluate(sodiumCalciumExchanger, v, T37, c);
        const slope = (evaluate(sodiumCalciumExchanger, v + h, T37, c).i - evaluate(sodiumCalciumExchanger, v - h, T37, c).i) / (2 * h);
        expect(Math.abs(g - slope)).toBeLessThanOrEqual(1e-6 * Math.abs(slope) + 1e-15);
      }),
    );
  });

  it('ncx saturates at very negative potentials through ksat: i(-300 mV) -> -kNaCa Nao^3 Cai/((KmNa^3 + Nao^3)(KmCa + Cao) ksat) to 1%', () => {
    const { i } = evaluate(sodiumCalciumExchanger, -300, T37, REST);
    const limit = -(2.0 * 140 ** 3 * 1.2e-4) / ((87.5 ** 3 + 140 ** 3) * (1.38 + 1.8) * 0.1);
    expect(Math.abs(i / limit - 1)).toBeLessThan(0.01);
    // With ksat = 0 there is no saturation: the forward current keeps growing e-fold per (RT/F)/0.65.
    const unsaturated = evaluate(sodiumCalciumExchanger, -300, T37, REST, { ksat: 0 }).i;
    expect(unsaturated / limit).toBeGreaterThan(100);
  });

  it('ncx results are finite for extreme inputs (V = ±1000 mV, concentrations 0 or 1e3 mM, T 273..373 K); kNaCa = 0 gives exactly 0', () => {
    for (const v of [-1000, -200, 0, 200, 1000]) {
      for (const c of [0, 1e-9, 1, 1e3]) {
        for (const t of [273.15, 373.15]) {
          const { i, g, membrane } = evaluate(sodiumCalciumExchanger, v, t, concentrations(c, c, c, c));
          expect(Number.isFinite(i) && Number.isFinite(g)).toBe(true);
          expect(Number.isFinite(membrane.ionCurrent.ca[0]) && Number.isFinite(membrane.ionConductance.na[0])).toBe(true);
        }
      }
    }
    const off = evaluate(sodiumCalciumExchanger, -60, T37, REST, { kNaCa: 0 });
    expect(off.i === 0 && off.g === 0).toBe(true);
  });

  it('ncx writes its current to the `i` column; untracked per-ion arrays stay zero with the same total; library form equals kernel', () => {
    const tracked = evaluate(sodiumCalciumExchanger, -70, T37, REST);
    expect(tracked.block.conductances[0][0]).toBe(tracked.i);
    const untracked = evaluate(sodiumCalciumExchanger, -70, T37, REST, {}, false);
    expect(untracked.i).toBe(tracked.i);
    expect(untracked.membrane.ionCurrent.ca[0]).toBe(0);
    const library = sodiumCalciumExchangerCurrent(
      { kNaCa: 2, kmNa: 87.5, kmCa: 1.38, ksat: 0.1, eta: 0.35 },
      { sodiumInside: 10, sodiumOutside: 140, calciumInside: 1.2e-4, calciumOutside: 1.8 },
      -70,
      T37,
    );
    expect(library).toBe(tracked.i);
  });

  it('ncx metadata: kind exchanger, kNaCa 2.0 mA/cm2, KmNa 87.5 mM, KmCa 1.38 mM, ksat 0.1, eta 0.35, reads and writes na and ca, in MECHANISMS', () => {
    const byName = Object.fromEntries(sodiumCalciumExchanger.parameters.map((p) => [p.name, p]));
    expect(sodiumCalciumExchanger.name).toBe('ncx');
    expect(sodiumCalciumExchanger.kind).toBe('exchanger');
    expect(byName.kNaCa).toMatchObject({ unit: 'mA/cm2', defaultValue: 2.0 });
    expect(byName.kmNa).toMatchObject({ unit: 'mM', defaultValue: 87.5 });
    expect(byName.kmCa).toMatchObject({ unit: 'mM', defaultValue: 1.38 });
    expect(byName.ksat.defaultValue).toBe(0.1);
    expect(byName.eta.defaultValue).toBe(0.35);
    expect(sodiumCalciumExchanger.ionsWritten).toEqual(['na', 'ca']);
    expect(MECHANISMS).toContain(sodiumCalciumExchanger);
  });
});
