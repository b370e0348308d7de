import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../units/index.js';
import { nernstPotential, thermalVoltage } from './nernst.js';

// Textbook figures are quoted to 0.01 mV; CODATA 2018 constants reproduce them to well within 0.005 mV.
const TEXTBOOK = 0.005;
const concentration = fc.double({ min: -6, max: 5, noNaN: true }).map((e) => 10 ** e);
const temperature = fc.double({ min: 250, max: 400, noNaN: true });
const valence = fc.constantFrom(-2, -1, 1, 2, 3);

describe('thermalVoltage', () => {
  it('thermalVoltage(310.15 K) = 26.73 mV (37 degC)', () => {
    expect(Math.abs(thermalVoltage(310.15) - 26.73)).toBeLessThan(TEXTBOOK);
  });
  it('thermalVoltage(293.15 K) = 25.26 mV (20 degC)', () => {
    expect(Math.abs(thermalVoltage(293.15) - 25.26)).toBeLessThan(TEXTBOOK);
  });
  it.each([0, -1, NaN, Infinity])('rejects temperature %d with InputError on "temperature"', (t) => {
    expect(() => thermalVoltage(t)).toThrow(InputError);
    expect(() => thermalVoltage(t)).toThrow(/^temperature:/);
  });
});

describe('nernstPotential', () => {
  it('E_K = -84.18 mV for 140 mM in / 5 mM out at 20 degC', () => {
    const e = nernstPotential({ valence: 1, inside: 140, outside: 5, temperature: 293.15 });
    expect(Math.abs(e - -84.18)).toBeLessThan(TEXTBOOK);
  });
  it('E_Cl = -82.61 mV for 5 mM in / 110 mM out at 37 degC', () => {
    const e = nernstPotential({ valence: -1, inside: 5, outside: 110, temperature: 310.15 });
    expect(Math.abs(e - -82.61)).toBeLessThan(TEXTBOOK);
  });
  it('E_Ca = +132.34 mV for 100 nM in / 2 mM out at 37 degC', () => {
    const e = nernstPotential({ valence: 2, inside: 1e-4, outside: 2, temperature: 310.15 });
    expect(Math.abs(e - 132.34)).toBeLessThan(TEXTBOOK);
  });
  it('is exactly 0 for equal concentrations', () => {
    expect(nernstPotential({ valence: 1, inside: 10, outside: 10, temperature: 300 })).toBe(0);
  });

  it.each([
    ['valence', { valence: 0, inside: 1, outside: 1, temperature: 300 }],
    ['valence', { valence: 1.5, inside: 1, outside: 1, temperature: 300 }],
    ['inside', { valence: 1, inside: 0, outside: 1, temperature: 300 }],
    ['inside', { valence: 1, inside: -3, outside: 1, temperature: 300 }],
    ['outside', { valence: 1, inside: 1, outside: NaN, temperature: 300 }],
    ['outside', { valence: 1, inside: 1, outside: Infinity, temperature: 300 }],
    ['temperature', { valence: 1, inside: 1, outside: 1, temperature: 0 }],
  ])('names %s in the InputError', (field, input) => {
    try {
      nernstPotential(input);
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
  });

  it('property: swapping inside and outside negates E (antisymmetry), to 1e-12 relative', () => {
    fc.assert(
      fc.property(valence, concentration, concentration, temperature, (z, a, b, t) => {
        const forward = nernstPotential({ valence: z, inside: a, outside: b, temperature: t });
        const swapped = nernstPotential({ valence: z, inside: b, outside: a, temperature: t });
        expect(Math.abs(forward + swapped)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(forward)));
      }),
    );
  });

  it('property: always finite, even for extreme ratios (5e-324 to 1e6 mM)', () => {
    fc.assert(
      fc.property(valence, fc.constantFrom(5e-324, 1e-300, 1, 1e6), fc.constantFrom(5e-324, 1e-300, 1, 1e6), (z, a, b) => {
        expect(Number.isFinite(nernstPotential({ valence: z, inside: a, outside: b, temperature: 1e4 }))).toBe(true);
      }),
    );
  });
});
