import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../units/index.js';
import { ghkPotential } from './ghk.js';
import { electrogenicPumpPotential, mullinsNodaPotential } from './pump.js';
import { nernstPotential } from './nernst.js';

describe('electrogenicPumpPotential', () => {
  it('0.05 nA outward through 100 MOhm hyperpolarizes by 5 mV (nA × MOhm = mV)', () => {
    expect(electrogenicPumpPotential({ pumpCurrent: 0.05, inputResistance: 100 })).toBeCloseTo(-5, 12);
  });
  it('rejects a non-positive resistance', () => {
    expect(() => electrogenicPumpPotential({ pumpCurrent: 0.05, inputResistance: 0 })).toThrow(/^inputResistance:/);
  });
});

describe('mullinsNodaPotential', () => {
  const base = {
    potassium: { inside: 140, outside: 5, permeability: 1 },
    sodium: { inside: 12, outside: 145, permeability: 0.05 },
    temperature: 310.15,
  };
  it('r = 3/2, P_Na/P_K = 0.05, mammalian neuron: -71.06 mV, more negative than GHK (r = 1)', () => {
    const pumped = mullinsNodaPotential({ ...base, couplingRatio: 1.5 });
    // 26.727 × ln((1.5 × 5 + 0.05 × 145) / (1.5 × 140 + 0.05 × 12)) = 26.727 × ln(14.75 / 210.6) = -71.06 mV.
    expect(Math.abs(pumped - -71.06)).toBeLessThan(0.005);
    const plain = mullinsNodaPotential({ ...base, couplingRatio: 1 });
    expect(pumped).toBeLessThan(plain);
  });
  it('with r = 1 equals the GHK potential for K+ and Na+ (to 1e-12 mV)', () => {
    const ghk = ghkPotential(
      [
        { valence: 1, ...base.potassium },
        { valence: 1, ...base.sodium },
      ],
      base.temperature,
    );
    expect(Math.abs(mullinsNodaPotential({ ...base, couplingRatio: 1 }) - ghk)).toBeLessThan(1e-12);
  });
  it('property: with P_Na = 0 it is E_K for any r (to 1e-12 relative)', () => {
    const c = fc.double({ min: -3, max: 3, noNaN: true }).map((e) => 10 ** e);
    fc.assert(
      fc.property(c, c, fc.double({ min: 0.1, max: 10, noNaN: true }), (ki, ko, r) => {
        const v = mullinsNodaPotential({ ...base, couplingRatio: r, potassium: { inside: ki, outside: ko, permeability: 1 }, sodium: { ...base.sodium, permeability: 0 } });
        const e = nernstPotential({ valence: 1, inside: ki, outside: ko, temperature: base.temperature });
        expect(Math.abs(v - e)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e)));
      }),
    );
  });
  it('rejects a non-positive coupling ratio and no permeability', () => {
    expect(() => mullinsNodaPotential({ ...base, couplingRatio: 0 })).toThrow(/^couplingRatio:/);
    expect(() =>
      mullinsNodaPotential({ ...base, couplingRatio: 1.5, potassium: { ...base.potassium, permeability: 0 }, sodium: { ...base.sodium, permeability: 0 } }),
    ).toThrow(InputError);
    expect(() => mullinsNodaPotential({ ...base, couplingRatio: 1.5, sodium: { ...base.sodium, inside: -1 } })).toThrow(/^sodium\.inside:/);
  });
});
