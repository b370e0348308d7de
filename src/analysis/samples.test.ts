import { describe, expect, it } from 'vitest';
import { InputError } from '../units/errors.js';
import { checkSignal, crossingTime, firstIndexAtOrAfter, lastIndexAtOrBefore, valueAtTime } from './samples.js';

const time = Float64Array.from([0, 1, 2, 4]);
const values = Float64Array.from([0, 10, 20, 0]);

describe('samples', () => {
  it('valueAtTime(t) is exact at samples and linear between them: 15 at 1.5 ms, 10 at 3 ms', () => {
    expect(valueAtTime(time, values, 1)).toBe(10);
    expect(valueAtTime(time, values, 1.5)).toBeCloseTo(15, 12);
    expect(valueAtTime(time, values, 3)).toBeCloseTo(10, 12);
    expect(valueAtTime(time, values, 0)).toBe(0);
    expect(valueAtTime(time, values, 4)).toBe(0);
  });

  it('valueAtTime outside the sampled range throws an InputError naming the field', () => {
    expect(() => valueAtTime(time, values, 4.5, 'to')).toThrow(/^to: got 4.5 ms; expected a time within the signal, 0 to 4 ms$/);
    expect(() => valueAtTime(time, values, -1)).toThrow(InputError);
  });

  it('index searches: first sample at or after 1.5 ms is 2, last at or before is 1; exact hits included', () => {
    expect(firstIndexAtOrAfter(time, 1.5)).toBe(2);
    expect(lastIndexAtOrBefore(time, 1.5)).toBe(1);
    expect(firstIndexAtOrAfter(time, 2)).toBe(2);
    expect(lastIndexAtOrBefore(time, 2)).toBe(2);
    expect(firstIndexAtOrAfter(time, 5)).toBe(4);
    expect(lastIndexAtOrBefore(time, -1)).toBe(-1);
  });

  it('crossingTime of the line (0, 0)-(2, 10) through 2.5 is 0.5 ms', () => {
    expect(crossingTime(0, 0, 2, 10, 2.5)).toBeCloseTo(0.5, 12);
  });

  it('checkSignal rejects mismatched lengths, fewer than two samples and times that do not increase', () => {
    expect(() => checkSignal([0, 1], [0])).toThrow(/voltage: got 1 samples; expected as many samples as time \(2\)/);
    expect(() => checkSignal([0], [0])).toThrow(/at least 2 samples/);
    expect(() => checkSignal([0, 1, 1], [0, 0, 0])).toThrow(/time\[2\]: got 1/);
    expect(() => checkSignal([0, Number.NaN], [0, 0])).toThrow(InputError);
    expect(() => checkSignal([0, 1], [5, 6])).not.toThrow();
  });
});
