import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FARADAY, InputError } from '../units/index.js';
import { bernoulli, ghkCurrentDensity, ghkPotential, ghkPotentialNumeric, ghkTotalCurrentDensity, type PermeantIon } from './ghk.js';
import { nernstPotential, thermalVoltage } from './nernst.js';

const concentration = fc.double({ min: -4, max: 3, noNaN: true }).map((e) => 10 ** e);
const permeability = fc.double({ min: -3, max: 1, noNaN: true }).map((e) => 10 ** e);
const temperature = fc.double({ min: 273.15, max: 320, noNaN: true });
const valence = fc.constantFrom(-2, -1, 1, 2, 3);
const ion = fc.record({ valence, inside: concentration, outside: concentration, permeability });
const ions = fc.array(ion, { minLength: 1, maxLength: 5 });

const SQUID: PermeantIon[] = [
  { valence: 1, inside: 400, outside: 20, permeability: 1 },
  { valence: 1, inside: 50, outside: 440, permeability: 0.04 },
  { valence: -1, inside: 52, outside: 560, permeability: 0.45 },
];

function caught(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

/**
 * The total current is increasing in V, so V is within δ of its zero when I(V − δ) <= 0 <= I(V + δ).
 * δ = 1e-9 × max(1 mV, |V|): the solver's tolerance (1e-12 relative) with room for rounding in the sum.
 */
function expectZeroCurrentNear(list: PermeantIon[], v: number, t: number): void {
  const delta = 1e-9 * Math.max(1, Math.abs(v));
  expect(ghkTotalCurrentDensity(list, v - delta, t)).toBeLessThanOrEqual(0);
  expect(ghkTotalCurrentDensity(list, v + delta, t)).toBeGreaterThanOrEqual(0);
}

describe('ghkPotential', () => {
  it('squid axon (K 400/20, Na 50/440, Cl 52/560 mM, P 1 : 0.04 : 0.45, 20 degC) = -59.93 mV', () => {
    // 25.26 mV × ln((20 + 17.6 + 23.4) / (400 + 2 + 252)) = -59.93 mV; quoted to 0.01 mV.
    expect(Math.abs(ghkPotential(SQUID, 293.15) - -59.93)).toBeLessThan(0.005);
  });

  it('absolute permeabilities (cm/s) give the same potential as relative ones (only ratios matter), to 1e-12', () => {
    const absolute = SQUID.map((one) => ({ ...one, permeability: one.permeability * 1e-6 }));
    expect(Math.abs(ghkPotential(absolute, 293.15) - ghkPotential(SQUID, 293.15))).toBeLessThan(1e-12);
  });

  it('ignores ions of zero permeability', () => {
    const withInert = [...SQUID, { valence: 2, inside: 1e-4, outside: 10, permeability: 0 }];
    expect(ghkPotential(withInert, 293.15)).toBe(ghkPotential(SQUID, 293.15));
  });

  it('reduces to the Nernst potential for a single ion, including Ca2+ (numeric path), to 1e-9 mV', () => {
    const calcium = { valence: 2, inside: 1e-4, outside: 2, permeability: 1 };
    const e = nernstPotential({ ...calcium, temperature: 310.15 });
    expect(Math.abs(ghkPotential([calcium], 310.15) - e)).toBeLessThan(1e-9);
  });

  it('accepts an ion absent on one side (Na-free inside)', () => {
    const v = ghkPotential([{ valence: 1, inside: 140, outside: 5, permeability: 1 }, { valence: 1, inside: 0, outside: 145, permeability: 0.05 }], 310.15);
    expect(v).toBeGreaterThan(-100);
    expect(v).toBeLessThan(0);
  });

  it('throws InputError when no ion is permeant', () => {
    expect(caught(() => ghkPotential([{ ...SQUID[0], permeability: 0 }], 300)).allowed).toContain('permeability > 0');
  });

  it('throws InputError when there is no zero crossing (all cations inside only)', () => {
    const error = caught(() => ghkPotential([{ valence: 1, inside: 140, outside: 0, permeability: 1 }, { valence: 2, inside: 1, outside: 0, permeability: 1 }], 300));
    expect(error.allowed).toContain('no zero crossing');
  });

  it('names the bad field: ions[1].inside, ions[0].valence, temperature, ions', () => {
    expect(caught(() => ghkPotential([SQUID[0], { ...SQUID[1], inside: -1 }], 300)).field).toBe('ions[1].inside');
    expect(caught(() => ghkPotential([{ ...SQUID[0], valence: 0 }], 300)).field).toBe('ions[0].valence');
    expect(caught(() => ghkPotential(SQUID, -1)).field).toBe('temperature');
    expect(caught(() => ghkPotential([], 300)).field).toBe('ions');
  });

  it('property: the numeric solver agrees with the monovalent closed form to 1e-9 mV', () => {
    const monovalent = fc.array(fc.record({ valence: fc.constantFrom(-1, 1), inside: concentration, outside: concentration, permeability }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(monovalent, temperature, (list, t) => {
        expect(Math.abs(ghkPotentialNumeric(list, t) - ghkPotential(list, t))).toBeLessThan(1e-9 * Math.max(1, Math.abs(ghkPotential(list, t))));
      }),
    );
  });

  it('property: zero net GHK current at the GHK potential, any valences (the current changes sign within 1e-9 relative of V)', () => {
    fc.assert(
      fc.property(ions, temperature, (list, t) => {
        const v = ghkPotential(list, t);
        expect(Number.isFinite(v)).toBe(true);
        expectZeroCurrentNear(list, v, t);
      }),
    );
  });

  it('property: with Ca2+ present, zero net current at the GHK potential', () => {
    const calcium = fc.record({ valence: fc.constant(2), inside: fc.double({ min: 1e-5, max: 1e-3, noNaN: true }), outside: fc.double({ min: 0.5, max: 10, noNaN: true }), permeability });
    fc.assert(
      fc.property(ions, calcium, temperature, (list, ca, t) => {
        const all = [...list, ca];
        const v = ghkPotential(all, t);
        expectZeroCurrentNear(all, v, t);
      }),
    );
  });

  it('property: the GHK potential tends to an ion\'s Nernst potential as its permeability dominates (1e12 : <= 1, within 0.01 mV)', () => {
    // Near E the dominant ion's one-way flux is >= 1e12 × 1e-4 mM × |u| while the others' total is at most
    // 5 × 1 × 1e3 mM × |u'| with |u|, |u'| <= ~50: a ratio <= ~1e-3, which moves V by <= ~1e-3 × RT/F ≈ 0.003 mV.
    fc.assert(
      fc.property(ion, ions, temperature, (dominant, others, t) => {
        const list = [{ ...dominant, permeability: 1e12 }, ...others.map((o) => ({ ...o, permeability: o.permeability * 1e-1 }))];
        const e = nernstPotential({ ...dominant, temperature: t });
        expect(Math.abs(ghkPotential(list, t) - e)).toBeLessThan(0.01);
      }),
    );
  });

  it('property: with extreme inputs (0 to 1e6 mM, P 5e-324 to 1e300, z up to 10, T 1e-3 to 1e4 K) the result is finite or an InputError', () => {
    const c = fc.constantFrom(0, 5e-324, 1e-300, 1e-4, 1, 1e6);
    const p = fc.constantFrom(0, 5e-324, 1e-300, 1e-6, 1, 1e300);
    const extreme = fc.record({ valence: fc.constantFrom(-10, -3, -2, -1, 1, 2, 3, 10), inside: c, outside: c, permeability: p });
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 1, maxLength: 4 }), fc.constantFrom(1e-3, 300, 1e4), (list, t) => {
        for (const solve of [ghkPotential, ghkPotentialNumeric]) {
          try {
            expect(Number.isFinite(solve(list, t))).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: lies between the smallest and largest Nernst potential of the permeant ions', () => {
    fc.assert(
      fc.property(ions, temperature, (list, t) => {
        const reversals = list.map((one) => nernstPotential({ ...one, temperature: t }));
        const v = ghkPotential(list, t);
        const slack = 1e-9 * Math.max(1, ...reversals.map(Math.abs));
        expect(v).toBeGreaterThanOrEqual(Math.min(...reversals) - slack);
        expect(v).toBeLessThanOrEqual(Math.max(...reversals) + slack);
      }),
    );
  });
});

describe('ghkCurrentDensity', () => {
  it('at V = 0 is exactly z F P (c_in - c_out) × 1e-3 mA/cm2 (no 0/0)', () => {
    const one = { valence: 2, inside: 1e-4, outside: 2, permeability: 1e-6 };
    expect(ghkCurrentDensity(one, 0, 310.15)).toBeCloseTo(2 * FARADAY * 1e-6 * (1e-4 - 2) * 1e-3, 15);
  });

  it('1 cm/s of 1 mM inside, none outside, at V = 0 carries F × 1e-3 = 96.485 mA/cm2 outward (unit factor)', () => {
    expect(ghkCurrentDensity({ valence: 1, inside: 1, outside: 0, permeability: 1 }, 0, 300)).toBeCloseTo(96.48533212, 8);
  });

  it('matches the textbook form P z² F² V/(RT) (c_in − c_out e^−u)/(1 − e^−u) away from 0, to 1e-12 relative', () => {
    const one = { valence: 1, inside: 140, outside: 5, permeability: 1e-5 };
    for (const v of [-80, -20, 15, 50]) {
      const u = v / thermalVoltage(310.15);
      const textbook = 1e-5 * FARADAY * u * (140 - 5 * Math.exp(-u)) / (1 - Math.exp(-u)) * 1e-3;
      expect(Math.abs(ghkCurrentDensity(one, v, 310.15) - textbook)).toBeLessThan(1e-12 * Math.abs(textbook));
    }
  });

  it('is zero at the Nernst potential and outward (positive) above it for K+', () => {
    const k = { valence: 1, inside: 140, outside: 5, permeability: 1e-5 };
    const e = nernstPotential({ ...k, temperature: 310.15 });
    expect(Math.abs(ghkCurrentDensity(k, e, 310.15))).toBeLessThan(1e-15);
    expect(ghkCurrentDensity(k, e + 10, 310.15)).toBeGreaterThan(0);
    expect(ghkCurrentDensity(k, e - 10, 310.15)).toBeLessThan(0);
  });

  it('property: continuous through V = 0: I(1e-9 mV) − I(0) is within 1e-9 mV × the slope, plus rounding', () => {
    fc.assert(
      fc.property(ion, temperature, (one, t) => {
        const atZero = ghkCurrentDensity(one, 0, t);
        const near = ghkCurrentDensity(one, 1e-9, t);
        const slope = Math.abs(ghkCurrentDensity(one, 1e-3, t) - ghkCurrentDensity(one, -1e-3, t)) / 2e-3;
        expect(Math.abs(near - atZero)).toBeLessThanOrEqual(2 * slope * 1e-9 + 1e-14 * Math.abs(atZero));
      }),
    );
  });

  it('property: always finite, even at ±1e7 mV and 0 or 1e6 mM', () => {
    fc.assert(
      fc.property(valence, fc.constantFrom(0, 1e-300, 1, 1e6), fc.constantFrom(0, 1e-300, 1, 1e6), fc.constantFrom(-1e7, -1e-300, 0, 1e-300, 1e7), (z, a, b, v) => {
        expect(Number.isFinite(ghkCurrentDensity({ valence: z, inside: a, outside: b, permeability: 1 }, v, 310))).toBe(true);
      }),
    );
  });

  it('bernoulli(0) = 1, bernoulli(1e-300) = 1, bernoulli(-800) = 800, bernoulli(800) = 0', () => {
    expect(bernoulli(0)).toBe(1);
    expect(bernoulli(1e-300)).toBe(1);
    expect(bernoulli(-800)).toBe(800);
    expect(bernoulli(800)).toBe(0);
  });

  it('rejects a non-finite voltage and a negative permeability', () => {
    expect(caught(() => ghkCurrentDensity(SQUID[0], NaN, 300)).field).toBe('voltage');
    expect(caught(() => ghkCurrentDensity({ ...SQUID[0], permeability: -1 }, 0, 300)).field).toBe('ion.permeability');
  });

  it('ghkTotalCurrentDensity is the sum of the ions\' currents', () => {
    const sum = SQUID.reduce((s, one) => s + ghkCurrentDensity(one, -30, 293.15), 0);
    // Summation order differs by one rounding per term: 1e-14 relative.
    expect(Math.abs(ghkTotalCurrentDensity(SQUID, -30, 293.15) - sum)).toBeLessThan(1e-14 * Math.abs(sum));
  });
});
