import { describe, expect, it } from 'vitest';
import { InputError } from '../units/index.js';
import { ION_SPECIES, lookupIon } from './ions.js';

function caught(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('lookupIon', () => {
  it.each([
    ['K', 'K', 1], ['k', 'K', 1], ['K+', 'K', 1], ['potassium', 'K', 1], ['Na+', 'Na', 1], ['NA', 'Na', 1],
    ['Cl-', 'Cl', -1], ['cl', 'Cl', -1], ['Ca2+', 'Ca', 2], ['Ca++', 'Ca', 2], ['ca', 'Ca', 2], ['Mg2+', 'Mg', 2],
    ['H+', 'H', 1], ['HCO3-', 'HCO3', -1], ['hco3', 'HCO3', -1], ['bicarbonate', 'HCO3', -1],
  ])('lookupIon(%j) is %s with valence %d', (text, symbol, valence) => {
    const ion = lookupIon(text);
    expect(ion.symbol).toBe(symbol);
    expect(ion.valence).toBe(valence);
  });

  it('the table holds K, Na, Cl, Ca, Mg, H, HCO3', () => {
    expect(ION_SPECIES.map((ion) => ion.symbol)).toEqual(['K', 'Na', 'Cl', 'Ca', 'Mg', 'H', 'HCO3']);
  });

  it('a given valence overrides a known ion and defines an unknown one', () => {
    expect(lookupIon('Ca', 1).valence).toBe(1);
    expect(lookupIon('NMDG', 1)).toEqual({ symbol: 'NMDG', name: 'NMDG', valence: 1 });
  });

  it('an unknown ion takes an unambiguous written charge: La3+ is +3, Ba++ is +2', () => {
    expect(lookupIon('La3+').valence).toBe(3);
    expect(lookupIon('Ba++').valence).toBe(2);
  });

  it('an unknown ion without a valence is an InputError on field "ion"', () => {
    const error = caught(() => lookupIon('Xx'));
    expect(error.field).toBe('ion');
    expect(error.value).toBe('"Xx"');
    expect(error.allowed).toContain('K, Na, Cl');
    expect(caught(() => lookupIon('')).field).toBe('ion');
  });

  it('a written charge contradicting the table is an InputError: "Cl+"', () => {
    expect(caught(() => lookupIon('Cl+')).field).toBe('ion');
  });

  it.each([0, 1.5, NaN, Infinity, 11])('valence %d is an InputError on field "valence"', (valence) => {
    expect(caught(() => lookupIon('K', valence)).field).toBe('valence');
  });
});
