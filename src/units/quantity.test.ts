import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from './errors.js';
import { QUANTITY_KINDS, type QuantityKind } from './kinds.js';
import { acceptedUnits, formatQuantity, normalizeUnit, parseQuantity } from './quantity.js';

// Conversions multiply or divide by exact powers of ten, so results agree to a few ulps: relative 1e-12.
const RELATIVE = 1e-12;
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE * Math.max(1, Math.abs(expected)));
}

function caught(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const accepted: [string, QuantityKind, number][] = [
  ['140 mM', 'concentration', 140],
  ['140mM', 'concentration', 140],
  ['0.14 M', 'concentration', 140],
  ['140 mmol/L', 'concentration', 140],
  ['140 mmol/l', 'concentration', 140],
  ['140 mol/m3', 'concentration', 140],
  ['100 nM', 'concentration', 1e-4],
  ['5 uM', 'concentration', 5e-3],
  ['5 µM', 'concentration', 5e-3],
  ['5 μM', 'concentration', 5e-3],
  ['37 degC', 'temperature', 310.15],
  ['37C', 'temperature', 310.15],
  ['37 °C', 'temperature', 310.15],
  ['37 ℃', 'temperature', 310.15],
  ['310.15 K', 'temperature', 310.15],
  ['6.3 degC', 'temperature', 279.45],
  ['-70 mV', 'voltage', -70],
  ['−70 mV', 'voltage', -70],
  ['-0.07 V', 'voltage', -70],
  ['+40 mV', 'voltage', 40],
  ['20 um', 'length', 20],
  ['20 µm', 'length', 20],
  ['0.02 mm', 'length', 20],
  ['2e-3 cm', 'length', 20],
  ['7.5 nm', 'length', 0.0075],
  ['1 uF/cm2', 'specificCapacitance', 1],
  ['1 uF/cm^2', 'specificCapacitance', 1],
  ['1 uF cm-2', 'specificCapacitance', 1],
  ['1 µF/cm²', 'specificCapacitance', 1],
  ['0.01 F/m2', 'specificCapacitance', 1],
  ['0.01 pF/um2', 'specificCapacitance', 1],
  ['10 pF', 'capacitance', 10],
  ['10 uA/cm2', 'currentDensity', 0.01],
  ['10 µA cm-2', 'currentDensity', 0.01],
  ['0.1 nA', 'current', 0.1],
  ['100 pA', 'current', 0.1],
  ['0.12 S/cm2', 'specificConductance', 0.12],
  ['120 mS/cm2', 'specificConductance', 0.12],
  ['36 mS cm^-2', 'specificConductance', 0.036],
  ['10 nS', 'conductance', 0.01],
  ['35.4 ohm cm', 'resistivity', 35.4],
  ['35.4 ohm*cm', 'resistivity', 35.4],
  ['35.4 Ω·cm', 'resistivity', 35.4],
  ['0.354 ohm m', 'resistivity', 35.4],
  ['25 us', 'time', 0.025],
  ['25 µs', 'time', 0.025],
  ['0.025 ms', 'time', 0.025],
  ['1 s', 'time', 1000],
  ['100 Hz', 'frequency', 100],
  ['1 kHz', 'frequency', 1000],
  ['10 MOhm', 'resistance', 10],
  ['10 MΩ', 'resistance', 10],
  ['10 kOhm', 'resistance', 0.01],
  ['1 GOhm', 'resistance', 1000],
  ['1e-6 cm/s', 'permeability', 1e-6],
  ['1e-8 m/s', 'permeability', 1e-6],
  ['1000 um2', 'area', 1000],
  ['1e-5 cm2', 'area', 1000],
  ['1 pL', 'volume', 1000],
  ['1 fL', 'volume', 1],
  ['-50 kJ/mol', 'energy', -50000],
  ['1 kcal/mol', 'energy', 4184],
  ['1.5E+2 mM', 'concentration', 150],
  ['.5 mV', 'voltage', 0.5],
  ['  140   mM  ', 'concentration', 140],
  ['140', 'concentration', 140],
  ['-70', 'voltage', -70],
  ['0.5', 'dimensionless', 0.5],
];

describe('parseQuantity accepts every documented form', () => {
  it.each(accepted)('parseQuantity(%j, %s) = %d', (input, kind, expected) => {
    expectClose(parseQuantity(input, kind, 'x'), expected);
  });

  it('parseQuantity(140, "concentration") = 140: a JS number is already canonical', () => {
    expect(parseQuantity(140, 'concentration', 'x')).toBe(140);
    expect(parseQuantity(-70, 'voltage', 'x')).toBe(-70);
  });

  it('parseQuantity("100 pA") is exactly 0.1 nA (division by an exact power of ten)', () => {
    expect(parseQuantity('100 pA', 'current', 'x')).toBe(0.1);
  });
});

describe('parseQuantity rejects bad input with an InputError naming field, value and what is allowed', () => {
  it('rejects a unit of another kind and says which kind it is: "5 mV" as a concentration', () => {
    const error = caught(() => parseQuantity('5 mV', 'concentration', 'inside'));
    expect(error.field).toBe('inside');
    expect(error.value).toBe('"5 mV"');
    expect(error.allowed).toContain('a voltage, not a concentration');
    expect(error.allowed).toContain('140 mM');
    expect(error.allowed).toContain('mmol/L');
  });

  it('distinguishes uS (conductance) from us (time), and S from s', () => {
    expect(caught(() => parseQuantity('25 uS', 'time', 'dt')).allowed).toContain('a conductance, not a time');
    expect(caught(() => parseQuantity('1 s', 'conductance', 'g')).allowed).toContain('a time, not a conductance');
    expect(caught(() => parseQuantity('1 mm', 'concentration', 'c')).allowed).toContain('a length, not a concentration');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'does not start with a number'],
    ['mM', 'does not start with a number'],
    ['NaN mM', 'does not start with a number'],
    ['Infinity', 'does not start with a number'],
    ['1e999 mM', 'finite'],
    ['5 foo', 'not a known unit'],
    ['5 mM mM', 'not a known unit'],
    ['5 MM', 'not a known unit'],
    ['5 m/', 'not a known unit'],
    ['1,5 mM', 'not a known unit'],
  ])('rejects %j as a concentration (%s)', (input, reason) => {
    const error = caught(() => parseQuantity(input, 'concentration', 'outside'));
    expect(error.field).toBe('outside');
    expect(error.value).toBe(JSON.stringify(input));
    expect(error.allowed).toContain(reason);
  });

  it.each([NaN, Infinity, -Infinity])('rejects the number %d', (input) => {
    expect(caught(() => parseQuantity(input, 'voltage', 'v')).allowed).toContain('finite');
  });

  it('rejects values that are neither string nor number', () => {
    expect(caught(() => parseQuantity(null as unknown as string, 'voltage', 'v')).value).toBe('null');
  });

  it('rejects a bare temperature, as a number or a string: ambiguous between K and degC', () => {
    expect(caught(() => parseQuantity(310, 'temperature', 'temperature')).allowed).toContain('ambiguous');
    expect(caught(() => parseQuantity('37', 'temperature', 'temperature')).allowed).toContain('ambiguous');
  });

  it('rejects a temperature at or below absolute zero: "-300 degC", "0 K", "-273.15 degC"', () => {
    for (const input of ['-300 degC', '0 K', '-273.15 degC', '-5 K']) {
      expect(caught(() => parseQuantity(input, 'temperature', 't')).allowed).toContain('absolute zero');
    }
  });

  it('rejects a unit for a dimensionless quantity', () => {
    expect(caught(() => parseQuantity('3 mV', 'dimensionless', 'q10')).allowed).toContain('a voltage');
  });
});

describe('unit tables', () => {
  it('no normalized unit belongs to two kinds (so "a voltage, not a concentration" is never ambiguous)', () => {
    const owner = new Map<string, QuantityKind>();
    for (const kind of QUANTITY_KINDS) {
      for (const unit of acceptedUnits(kind)) {
        expect(owner.get(unit), `${unit} in ${kind} and ${owner.get(unit)}`).toBeUndefined();
        owner.set(unit, kind);
      }
    }
  });

  it('the canonical unit of every kind parses to a factor of exactly 1', () => {
    const canonical: Partial<Record<QuantityKind, string>> = {
      concentration: 'mM', voltage: 'mV', time: 'ms', length: 'um', area: 'um2', volume: 'um3',
      specificCapacitance: 'uF/cm2', capacitance: 'pF', current: 'nA', currentDensity: 'mA/cm2', conductance: 'uS',
      specificConductance: 'S/cm2', resistivity: 'ohm*cm', resistance: 'MOhm', frequency: 'Hz', permeability: 'cm/s',
      energy: 'J/mol', temperature: 'K',
    };
    for (const [kind, unit] of Object.entries(canonical) as [QuantityKind, string][]) {
      expect(parseQuantity(`3.7 ${unit}`, kind, 'x')).toBe(3.7);
    }
  });

  it('normalizeUnit writes equivalent spellings the same way', () => {
    expect(normalizeUnit('uF cm-2')).toBe('uF/cm2');
    expect(normalizeUnit('µF/cm^2')).toBe('uF/cm2');
    expect(normalizeUnit('cm·Ω')).toBe(normalizeUnit('ohm*cm'));
    expect(normalizeUnit('1/ms')).toBe('1/ms');
    expect(normalizeUnit('m/s/')).toBeUndefined();
  });

  it('property: any finite number with "mV" parses to itself', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(parseQuantity(`${value} mV`, 'voltage', 'v')).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

describe('formatQuantity', () => {
  it('formatQuantity(-84.0123, "voltage") = "-84.01 mV"', () => {
    expect(formatQuantity(-84.0123, 'voltage')).toBe('-84.01 mV');
  });
  it('drops trailing zeros and uses the canonical unit', () => {
    expect(formatQuantity(140, 'concentration')).toBe('140 mM');
    expect(formatQuantity(310.15, 'temperature', 5)).toBe('310.15 K');
    expect(formatQuantity(0.12, 'specificConductance')).toBe('0.12 S/cm2');
    expect(formatQuantity(0.5, 'dimensionless')).toBe('0.5');
    expect(formatQuantity(-0, 'voltage')).toBe('0 mV');
  });
  it('round-trips through parseQuantity to the stated precision', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), (value) => {
        const back = parseQuantity(formatQuantity(value, 'voltage', 12), 'voltage', 'v');
        expect(Math.abs(back - value)).toBeLessThanOrEqual(1e-11 * Math.abs(value) + 1e-300);
      }),
    );
  });
  it('rejects NaN and bad digit counts', () => {
    expect(caught(() => formatQuantity(NaN, 'voltage')).field).toBe('value');
    expect(caught(() => formatQuantity(1, 'voltage', 0)).field).toBe('significantDigits');
    expect(caught(() => formatQuantity(1, 'voltage', 2.5)).field).toBe('significantDigits');
  });
});
