/**
 * Error messages stay short whatever the input (describeValue, InputError), and unit lookups never reach
 * Object.prototype: `constructor`, `toString`, `__proto__` and `hasOwnProperty` are unknown units like any other text.
 */
import { describe, expect, it } from 'vitest';
import { clipText, describeValue, InputError, MAXIMUM_QUOTED_LENGTH } from './errors.js';
import { QUANTITY_KINDS } from './kinds.js';
import { parseQuantity } from './quantity.js';

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('describeValue: the value as typed, cut to about 80 characters', () => {
  it('a 120 kB string gives exactly 80 characters: the quote of its start, "…" and the closing quote', () => {
    const text = '1'.repeat(120_000);
    const described = describeValue(text);
    expect(described).toBe(`"${'1'.repeat(MAXIMUM_QUOTED_LENGTH - 3)}…"`);
    expect(described.length).toBe(MAXIMUM_QUOTED_LENGTH);
  });

  it('short strings are quoted whole and unchanged ("1e-320nm" stays "1e-320nm", not a converted number)', () => {
    expect(describeValue('1e-320nm')).toBe('"1e-320nm"');
    expect(describeValue('x'.repeat(78))).toBe(`"${'x'.repeat(78)}"`);
  });

  it('escapes count as written: 1000 NUL characters give at most 80 characters, never a broken escape', () => {
    const described = describeValue('\u0000'.repeat(1000));
    expect(described.length).toBeLessThanOrEqual(MAXIMUM_QUOTED_LENGTH);
    expect(described).toMatch(/^"(\\u0000)+…"$/);
  });

  it('never splits a surrogate pair: 100 emoji give whole characters', () => {
    const described = describeValue('😀'.repeat(100));
    expect(described).toMatch(/^"(😀)+…"$/u);
  });

  it('objects as JSON, cut to 80 characters with an ellipsis; numbers as written; undefined as "nothing"', () => {
    const described = describeValue({ list: Array.from({ length: 1000 }, (_, i) => i) });
    expect(described.length).toBe(MAXIMUM_QUOTED_LENGTH);
    expect(described.endsWith('…')).toBe(true);
    expect(describeValue(1e-323)).toBe('1e-323');
    expect(describeValue(undefined)).toBe('nothing');
  });

  it('clipText cuts to the maximum with "…" and leaves shorter text alone', () => {
    expect(clipText('abcdef', 4)).toBe('abc…');
    expect(clipText('abc', 4)).toBe('abc');
  });
});

describe('InputError: every part bounded, so no input makes a long line', () => {
  it('a 100 kB field, value and allowed text give a message under 1.5 kB', () => {
    const huge = 'k'.repeat(100_000);
    const error = new InputError(`parameters.${huge}`, huge, `a parameter: ${huge}`);
    expect(error.message.length).toBeLessThan(1500);
    expect(error.field.endsWith('…')).toBe(true);
    expect(error.value.endsWith('…')).toBe(true);
    expect(error.allowed.endsWith('…')).toBe(true);
  });

  it('short parts are kept exactly', () => {
    const error = new InputError('--in', '"140 mM"', 'a concentration');
    expect(error.message).toBe('--in: got "140 mM"; expected a concentration');
  });
});

describe('parseQuantity: unit lookups are own-property lookups', () => {
  for (const kind of QUANTITY_KINDS.filter((k) => k !== 'dimensionless')) {
    it(`${kind}: "300 <prototype name>" is refused as an unknown unit, naming it`, () => {
      for (const name of PROTOTYPE_NAMES) {
        let error: unknown;
        try {
          parseQuantity(`300 ${name}`, kind, 'field');
        } catch (caught) {
          error = caught;
        }
        expect(error, `${kind} "300 ${name}"`).toBeInstanceOf(InputError);
        expect((error as InputError).allowed).toContain(`"${name}" is not a known unit`);
      }
    });
  }

  it('a 120 kB unit is quoted cut, in the value and in the note', () => {
    let error: InputError | undefined;
    try {
      parseQuantity(`1 ${'x'.repeat(120_000)}`, 'concentration', '--in');
    } catch (caught) {
      error = caught as InputError;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message.length).toBeLessThan(500);
  });
});
