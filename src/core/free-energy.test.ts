import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FARADAY, GAS_CONSTANT, InputError } from '../units/index.js';
import { ATP_HYDROLYSIS_FREE_ENERGY, ionEntryFreeEnergy, pumpCycleFreeEnergy, transferFreeEnergy } from './free-energy.js';
import { nernstPotential } from './nernst.js';

describe('transferFreeEnergy', () => {
  it('moving K+ from 140 to 5 mM at constant voltage, 37 degC: RT ln(5/140) = -8.59 kJ/mol, spontaneous', () => {
    const g = transferFreeEnergy({ valence: 1, fromConcentration: 140, toConcentration: 5, fromVoltage: 0, toVoltage: 0, temperature: 310.15 });
    expect(Math.abs(g.kilojoulesPerMole - (GAS_CONSTANT * 310.15 * Math.log(5 / 140)) / 1000)).toBeLessThan(1e-12);
    expect(Math.abs(g.kilojoulesPerMole - -8.593)).toBeLessThan(0.001);
    expect(g.spontaneous).toBe(true);
  });
  it('moving a cation up 100 mV at equal concentrations costs F × 0.1 V = 9.65 kJ/mol', () => {
    const g = transferFreeEnergy({ valence: 1, fromConcentration: 1, toConcentration: 1, fromVoltage: -50, toVoltage: 50, temperature: 300 });
    expect(g.joulesPerMole).toBeCloseTo(FARADAY * 0.1, 8);
    expect(g.spontaneous).toBe(false);
  });
  it('property: ΔG = 0 (within 1e-9 of RT) for ion entry at the Nernst potential', () => {
    const c = fc.double({ min: -5, max: 3, noNaN: true }).map((e) => 10 ** e);
    fc.assert(
      fc.property(fc.constantFrom(-2, -1, 1, 2, 3), c, c, fc.double({ min: 250, max: 350, noNaN: true }), (z, a, b, t) => {
        const e = nernstPotential({ valence: z, inside: a, outside: b, temperature: t });
        const g = ionEntryFreeEnergy({ valence: z, inside: a, outside: b, voltage: e, temperature: t });
        expect(Math.abs(g.joulesPerMole)).toBeLessThan(1e-9 * GAS_CONSTANT * t * Math.max(1, Math.abs(Math.log(b / a))));
      }),
    );
  });
  it('Na+ entry into a resting neuron (12 in / 145 out, -70 mV, 37 degC) is spontaneous: -13.2 kJ/mol', () => {
    const g = ionEntryFreeEnergy({ valence: 1, inside: 12, outside: 145, voltage: -70, temperature: 310.15 });
    expect(g.spontaneous).toBe(true);
    // RT ln(12/145) + F(-0.07) = -6.42 - 6.75 = -13.17 kJ/mol; quoted to 0.01.
    expect(Math.abs(g.kilojoulesPerMole - -13.17)).toBeLessThan(0.01);
  });
  it('names the bad parameter', () => {
    expect(() => transferFreeEnergy({ valence: 1, fromConcentration: -1, toConcentration: 1, fromVoltage: 0, toVoltage: 0, temperature: 300 })).toThrow(/^fromConcentration:/);
    expect(() => ionEntryFreeEnergy({ valence: 0, inside: 1, outside: 1, voltage: 0, temperature: 300 })).toThrow(/^valence:/);
  });
});

describe('pumpCycleFreeEnergy', () => {
  const muscle = { sodiumInside: 12, sodiumOutside: 145, potassiumInside: 155, potassiumOutside: 4, voltage: -90, temperature: 310.15 };
  it('mammalian muscle at -90 mV needs 46.8 kJ/mol per cycle; one ATP (-50 kJ/mol) suffices with 3.2 kJ/mol to spare', () => {
    const r = pumpCycleFreeEnergy(muscle);
    // 3 [RT ln(145/12) + F 0.09] + 2 [RT ln(155/4) − F 0.09] = 45.33 + 1.49 = 46.82 kJ/mol.
    expect(Math.abs(r.requiredJoulesPerMole - 46822)).toBeLessThan(1);
    expect(r.availableJoulesPerMole).toBe(-ATP_HYDROLYSIS_FREE_ENERGY);
    expect(r.marginJoulesPerMole).toBeCloseTo(50000 - r.requiredJoulesPerMole, 8);
    expect(r.atpSuffices).toBe(true);
    expect(r.sodiumJoulesPerMole + r.potassiumJoulesPerMole).toBeCloseTo(r.requiredJoulesPerMole, 8);
  });
  it('with a weaker ATP (-40 kJ/mol) one ATP does not suffice', () => {
    expect(pumpCycleFreeEnergy({ ...muscle, atpFreeEnergy: -40000 }).atpSuffices).toBe(false);
  });
  it('rejects a non-negative ATP free energy and names it', () => {
    try {
      pumpCycleFreeEnergy({ ...muscle, atpFreeEnergy: 50000 });
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('atpFreeEnergy');
    }
    expect(() => pumpCycleFreeEnergy({ ...muscle, voltage: NaN })).toThrow(/^voltage:/);
  });
});
