import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bernoulli, ghkCurrentDensity, ghkPotential } from '../core/ghk.js';
import { nernstPotential } from '../core/nernst.js';
import { accumulateAtNode } from '../engine/test-models.js';
import { FARADAY } from '../units/constants.js';
import { MECHANISMS } from './catalogue.js';
import { bernoulliDerivative, ghkLeak } from './ghk-leak.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';

const T20 = 293.15;
const T37 = 310.15;

interface Bath {
  na: [number, number];
  k: [number, number];
  cl: [number, number];
}

/** Mammalian neuron: [inside, outside] mM. */
const MAMMAL: Bath = { na: [12, 145], k: [140, 4], cl: [7, 120] };
/** Squid axon (Hodgkin & Katz 1949; Hille 2001 table 1.1): K 400/20, Na 50/440, Cl 52/560 mM. */
const SQUID: Bath = { na: [50, 440], k: [400, 20], cl: [52, 560] };


/** One node at v in `bath`, the leak's permeabilities overridden by `permeabilities`. */
function evaluate(v: number, temperature: number, bath: Bath, permeabilities: { pna?: number; pk?: number; pcl?: number } = {}, tracks = true) {
  const concentrations = Object.fromEntries((['na', 'k', 'cl'] as const).map((ion) => [ion, { inside: bath[ion][0], outside: bath[ion][1] }]));
  return accumulateAtNode(ghkLeak, v, temperature, concentrations, permeabilities, tracks);
}

const DEFAULTS = { pna: 4e-8, pk: 1e-6, pcl: 4.5e-7 };

/** The ions of `bath` as core's PermeantIon list with the given permeabilities. */
function permeant(bath: Bath, p: { pna: number; pk: number; pcl: number }) {
  return [
    { valence: 1, inside: bath.na[0], outside: bath.na[1], permeability: p.pna },
    { valence: 1, inside: bath.k[0], outside: bath.k[1], permeability: p.pk },
    { valence: -1, inside: bath.cl[0], outside: bath.cl[1], permeability: p.pcl },
  ];
}

/** The voltage of zero leak current, by Newton's method on the mechanism's own current and conductance. */
function restingPotential(temperature: number, bath: Bath, p: { pna: number; pk: number; pcl: number }): number {
  let v = -60;
  for (let step = 0; step < 100; step++) {
    const { i, g } = evaluate(v, temperature, bath, p);
    const next = v - i / g;
    if (Math.abs(next - v) < 1e-13) return next;
    v = next;
  }
  return v;
}

describe('bernoulliDerivative', () => {
  it('bernoulliDerivative(0) = -1/2; (x -> +inf) -> 0; (x -> -inf) -> -1; B\'(1) = (e - 1 - e)/(e - 1)^2 = -1/(e-1)^2 = -0.33870 by hand', () => {
    expect(bernoulliDerivative(0)).toBe(-0.5);
    expect(bernoulliDerivative(800)).toBe(0);
    expect(bernoulliDerivative(-800)).toBeCloseTo(-1, 12);
    expect(bernoulliDerivative(1)).toBeCloseTo(-1 / Math.expm1(1) ** 2, 15);
    expect(bernoulliDerivative(1)).toBeCloseTo(-0.33870, 5);
  });

  it('bernoulliDerivative equals the exact (e^x - 1 - x e^x)/(e^x - 1)^2 to 1e-12 relative for |x| in 1e-3..30, and is continuous across the series switch at |x| = 0.1 (to 1e-14)', () => {
    fc.assert(
      fc.property(logUniform(1e-3, 30), fc.boolean(), (magnitude, negative) => {
        const x = negative ? -magnitude : magnitude;
        const e = Math.exp(x);
        const exact = (Math.expm1(x) - x * e) / (Math.expm1(x) * Math.expm1(x));
        // The reference itself loses digits near 0 (~1e-16/|x| relative): 1e-12 covers it down to |x| = 1e-3.
        expect(Math.abs(bernoulliDerivative(x) - exact)).toBeLessThan(1e-12 * Math.abs(exact));
      }),
    );
    for (const edge of [0.1, -0.1]) {
      const below = bernoulliDerivative(edge * (1 - 1e-15));
      const above = bernoulliDerivative(edge * (1 + 1e-15));
      expect(Math.abs(below - above)).toBeLessThan(1e-14);
      expect(Math.abs(below - bernoulliDerivative(edge))).toBeLessThan(1e-14);
    }
  });

  it('bernoulliDerivative agrees with a centred difference of core bernoulli (h = 1e-5) to 1e-8 for x in -50..50', () => {
    fc.assert(
      fc.property(uniform(-50, 50), (x) => {
        const h = 1e-5;
        const difference = (bernoulli(x + h) - bernoulli(x - h)) / (2 * h);
        expect(Math.abs(bernoulliDerivative(x) - difference)).toBeLessThan(1e-8 * Math.max(1, Math.abs(difference)));
      }),
    );
  });
});

describe('ghk-leak (Goldman-Hodgkin-Katz leak channels for Na+, K+, Cl-)', () => {
  it('ghk-leak at 0 mV: I_s = z F P_s (c_in - c_out) * 1e-3 per ion (hand calculation): i_k = +0.013122, i_na = -5.1330e-4, i_cl = +0.0049063 mA/cm2 for mammal concentrations, P = 1e-6, 4e-8, 4.5e-7 cm/s', () => {
    const { membrane, i } = evaluate(0, T37, MAMMAL, DEFAULTS);
    const k = FARADAY * 1e-6 * (140 - 4) * 1e-3;
    const na = FARADAY * 4e-8 * (12 - 145) * 1e-3;
    const cl = -FARADAY * 4.5e-7 * (7 - 120) * 1e-3;
    expect(membrane.ionCurrent.k[0]).toBeCloseTo(k, 15);
    expect(membrane.ionCurrent.na[0]).toBeCloseTo(na, 15);
    expect(membrane.ionCurrent.cl[0]).toBeCloseTo(cl, 15);
    expect(k).toBeCloseTo(0.013122, 6);
    expect(na).toBeCloseTo(-5.1330e-4, 8);
    expect(cl).toBeCloseTo(0.0049063, 7);
    expect(i).toBeCloseTo(k + na + cl, 15);
  });

  it('ghk-leak per-ion currents equal core ghkCurrentDensity to 1e-12 relative (V -150..100 mV, concentrations 1..500 mM, P 1e-9..1e-5 cm/s)', () => {
    fc.assert(
      fc.property(
        uniform(-150, 100),
        fc.tuple(logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500)),
        fc.tuple(logUniform(1e-9, 1e-5), logUniform(1e-9, 1e-5), logUniform(1e-9, 1e-5)),
        uniform(273.15, 313.15),
        (v, [nai, nao, ki, ko, cli, clo], [pna, pk, pcl], t) => {
          const bath: Bath = { na: [nai, nao], k: [ki, ko], cl: [cli, clo] };
          const { membrane } = evaluate(v, t, bath, { pna, pk, pcl });
          const [na, k, cl] = permeant(bath, { pna, pk, pcl }).map((ion) => ghkCurrentDensity(ion, v, t));
          const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b) + 1e-300);
          close(membrane.ionCurrent.na[0], na);
          close(membrane.ionCurrent.k[0], k);
          close(membrane.ionCurrent.cl[0], cl);
        },
      ),
    );
  });

  it('ghk-leak rests at core ghkPotential (Newton on its own current and dI/dV, to 1e-9 mV): squid -59.9 mV at 20 degC (P 1 : 0.04 : 0.45), mammal defaults at 37 degC', () => {
    const squid = restingPotential(T20, SQUID, DEFAULTS);
    expect(Math.abs(squid - ghkPotential(permeant(SQUID, DEFAULTS), T20))).toBeLessThan(1e-9);
    expect(squid).toBeCloseTo(-59.9, 1);
    const mammal = restingPotential(T37, MAMMAL, DEFAULTS);
    expect(Math.abs(mammal - ghkPotential(permeant(MAMMAL, DEFAULTS), T37))).toBeLessThan(1e-9);
  });

  it('ghk-leak resting potential equals ghkPotential for random concentrations and permeabilities (property, 1e-8 mV)', () => {
    fc.assert(
      fc.property(
        fc.tuple(logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500)),
        fc.tuple(logUniform(1e-8, 1e-5), logUniform(1e-8, 1e-5), logUniform(1e-8, 1e-5)),
        (([nai, nao, ki, ko, cli, clo], [pna, pk, pcl]) => {
          const bath: Bath = { na: [nai, nao], k: [ki, ko], cl: [cli, clo] };
          const p = { pna, pk, pcl };
          const expected = ghkPotential(permeant(bath, p), T37);
          expect(Math.abs(restingPotential(T37, bath, p) - expected)).toBeLessThan(1e-8 * Math.max(1, Math.abs(expected)));
        }),
      ),
      { numRuns: 60 },
    );
  });

  it('ghk-leak with only pk > 0 rests at E_K (Nernst), -95.0 mV for K 140/4 mM at 37 degC', () => {
    const rest = restingPotential(T37, MAMMAL, { pna: 0, pk: 1e-6, pcl: 0 });
    const ek = nernstPotential({ valence: 1, inside: 140, outside: 4, temperature: T37 });
    expect(Math.abs(rest - ek)).toBeLessThan(1e-9);
    expect(ek).toBeCloseTo(-95.02, 1);
  });

  it('ghk-leak dI/dV (analytic) equals a centred difference of the current (h = 1e-3 mV) to 1e-7 relative, per ion and in total; slopes are positive', () => {
    fc.assert(
      fc.property(uniform(-150, 100), fc.tuple(logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500), logUniform(1, 500)), (v, [nai, nao, ki, ko, cli, clo]) => {
        const bath: Bath = { na: [nai, nao], k: [ki, ko], cl: [cli, clo] };
        const h = 1e-3;
        const here = evaluate(v, T37, bath, DEFAULTS), up = evaluate(v + h, T37, bath, DEFAULTS), down = evaluate(v - h, T37, bath, DEFAULTS);
        expect(Math.abs(here.g - (up.i - down.i) / (2 * h))).toBeLessThanOrEqual(1e-7 * here.g);
        for (const ion of ['na', 'k', 'cl'] as const) {
          const slope = (up.membrane.ionCurrent[ion][0] - down.membrane.ionCurrent[ion][0]) / (2 * h);
          const g = here.membrane.ionConductance[ion][0];
          expect(g).toBeGreaterThan(0);
          expect(Math.abs(g - slope)).toBeLessThanOrEqual(1e-7 * g);
        }
      }),
    );
  });

  it('ghk-leak dI/dV is smooth through V = 0 and across the series switch at |u| = 0.1 (V = 2.67 mV at 37 degC): mean of g(V -/+ 1e-7 mV) equals g(V) to 1e-13 relative', () => {
    const at = (v: number) => evaluate(v, T37, MAMMAL, DEFAULTS).g;
    const switchVoltage = 0.1 * ((8.314462618 * T37) / FARADAY) * 1000;
    for (const v of [0, switchVoltage, -switchVoltage]) {
      const mean = (at(v - 1e-7) + at(v + 1e-7)) / 2;
      expect(Math.abs(mean / at(v) - 1)).toBeLessThan(1e-13);
    }
  });

  it('ghk-leak per-ion shares sum to the total current and conductance (to 1e-15 relative)', () => {
    fc.assert(
      fc.property(uniform(-150, 100), (v) => {
        const { membrane, i, g } = evaluate(v, T37, MAMMAL, DEFAULTS);
        const sum = membrane.ionCurrent.na[0] + membrane.ionCurrent.k[0] + membrane.ionCurrent.cl[0];
        const slope = membrane.ionConductance.na[0] + membrane.ionConductance.k[0] + membrane.ionConductance.cl[0];
        expect(Math.abs(sum - i)).toBeLessThanOrEqual(1e-15 * (Math.abs(membrane.ionCurrent.k[0]) + Math.abs(membrane.ionCurrent.na[0]) + Math.abs(membrane.ionCurrent.cl[0])));
        expect(Math.abs(slope - g)).toBeLessThanOrEqual(1e-15 * g);
        expect(membrane.ionCurrent.ca[0]).toBe(0);
      }),
    );
  });

  it('ghk-leak outward for a cation inside only and inward for a cation outside only; chloride entering is an outward current', () => {
    const empty: Bath = { na: [0, 0], k: [0, 0], cl: [0, 0] };
    expect(evaluate(-80, T37, { ...empty, k: [140, 0] }, DEFAULTS).i).toBeGreaterThan(0);
    expect(evaluate(-80, T37, { ...empty, na: [0, 145] }, DEFAULTS).i).toBeLessThan(0);
    expect(evaluate(-80, T37, { ...empty, cl: [0, 120] }, DEFAULTS).i).toBeGreaterThan(0);
  });

  it('ghk-leak is finite for extreme inputs (V ±1000 mV, concentrations 0 or 1e4 mM, P up to 1e-2 cm/s)', () => {
    for (const v of [-1000, -200, -1e-12, 0, 1e-12, 200, 1000]) {
      for (const c of [0, 1e-9, 1e4]) {
        for (const p of [0, 1e-2]) {
          const { i, g, membrane } = evaluate(v, T37, { na: [c, c], k: [c, 0], cl: [0, c] }, { pna: p, pk: p, pcl: p });
          expect(Number.isFinite(i) && Number.isFinite(g)).toBe(true);
          expect(Number.isFinite(membrane.ionConductance.cl[0])).toBe(true);
        }
      }
    }
  });

  it('ghk-leak writes its total current to the `i` column; untracked per-ion arrays stay zero with the same total', () => {
    const tracked = evaluate(-65, T37, MAMMAL, DEFAULTS);
    expect(tracked.block.conductances[0][0]).toBe(tracked.i);
    const untracked = evaluate(-65, T37, MAMMAL, DEFAULTS, false);
    expect(untracked.i).toBe(tracked.i);
    expect(untracked.g).toBe(tracked.g);
    expect(untracked.membrane.ionCurrent.k[0]).toBe(0);
  });

  it('ghk-leak metadata: kind leak, pna 4e-8, pk 1e-6, pcl 4.5e-7 cm/s (Hodgkin & Katz ratios), in MECHANISMS', () => {
    expect(ghkLeak.name).toBe('ghk-leak');
    expect(ghkLeak.kind).toBe('leak');
    expect(ghkLeak.parameters.map((p) => [p.name, p.unit, p.defaultValue])).toEqual([
      ['pna', 'cm/s', 4e-8],
      ['pk', 'cm/s', 1e-6],
      ['pcl', 'cm/s', 4.5e-7],
    ]);
    expect(MECHANISMS).toContain(ghkLeak);
  });
});
