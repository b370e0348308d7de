import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUS } from './format.js';
import { niceNumber, niceTicks, paddedRange, tickLabels, ticksWithin } from './ticks.js';

/** Mantissa of a positive step (1, 2 or 5 for a nice one), to 9 significant digits. */
const mantissa = (step: number) => Number((step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12))).toPrecision(9));

describe('nice numbers (Heckbert 1990)', () => {
  it('rounds to 1, 2, 5 or 10 × 10ⁿ', () => {
    expect(niceNumber(1.4, true)).toBe(1);
    expect(niceNumber(1.6, true)).toBe(2);
    expect(niceNumber(34, true)).toBe(50);
    expect(niceNumber(0.071, true)).toBe(0.1);
    expect(niceNumber(160, false)).toBe(200);
    expect(niceNumber(0.003, false)).toBe(0.005);
  });
});

describe('niceTicks', () => {
  it('gives the phase plane round, evenly spaced Vm ticks (today −68, −36, −4, 28)', () => {
    const ticks = niceTicks(-68, 28, 4);
    expect(ticks.step).toBe(20);
    expect(ticks.values).toEqual([-80, -60, -40, -20, 0, 20, 40]);
    expect(tickLabels(ticks.values, ticks.step)).toEqual([`${MINUS}80`, `${MINUS}60`, `${MINUS}40`, `${MINUS}20`, '0', '20', '40']);
  });

  it('writes decimal ticks without binary noise', () => {
    const ticks = niceTicks(0, 1, 5);
    expect(ticks.values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(tickLabels(niceTicks(0.1, 0.7, 6).values, 0.1)).toEqual(['0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7']);
    expect(tickLabels(niceTicks(2e-14, 9e-14, 4).values, 2e-14)).toEqual(['2 × 10⁻¹⁴', '4 × 10⁻¹⁴', '6 × 10⁻¹⁴', '8 × 10⁻¹⁴', '10⁻¹³']);
  });

  it('gives a nearly flat trace several ticks, not a single "0"', () => {
    const flatAtZero = niceTicks(1.2e-17, 1.2e-17 + 1e-30, 4);
    expect(flatAtZero.values.length).toBeGreaterThanOrEqual(3);
    const flatAtRest = niceTicks(-65, -65, 4);
    expect(flatAtRest.values.length).toBeGreaterThanOrEqual(3);
    expect(flatAtRest.min).toBeLessThan(-65);
    expect(flatAtRest.max).toBeGreaterThan(-65);
    expect(paddedRange(0, 0, 5)).toEqual([-2.5, 2.5]);
  });

  it('for any data range: 1, 2 or 5 × 10ⁿ steps, evenly spaced, covering the data, with 2 to ~3× the asked count', () => {
    const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: 2, max: 10 }), (a, b, count) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const ticks = niceTicks(low, high, count);
        expect([1, 2, 5, 10]).toContain(mantissa(ticks.step));
        expect(ticks.values.length).toBeGreaterThanOrEqual(2);
        expect(ticks.values.length).toBeLessThanOrEqual(3 * count + 2);
        const [paddedLow, paddedHigh] = paddedRange(low, high);
        expect(ticks.min).toBeLessThanOrEqual(paddedLow);
        expect(ticks.max).toBeGreaterThanOrEqual(paddedHigh);
        for (let i = 1; i < ticks.values.length; i++) {
          // Even spacing to 1e-9 of the step (the values are decimal roundings of k × step).
          expect(Math.abs(ticks.values[i] - ticks.values[i - 1] - ticks.step)).toBeLessThanOrEqual(ticks.step * 1e-9);
        }
        // Labels are distinct (enough digits) and never computer notation.
        const labels = tickLabels(ticks.values, ticks.step);
        expect(new Set(labels).size).toBe(labels.length);
        for (const label of labels) expect(label).not.toMatch(/e|-|NaN/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ticksWithin', () => {
  it('keeps a fixed range and puts round ticks inside it', () => {
    const ticks = ticksWithin(-100, 60, 8);
    expect([ticks.min, ticks.max]).toEqual([-100, 60]);
    expect(ticks.values).toEqual([-100, -80, -60, -40, -20, 0, 20, 40, 60]);
    const zoomed = ticksWithin(3.3, 4.1, 5);
    expect(zoomed.values).toEqual([3.4, 3.6, 3.8, 4]);
    // A narrow window still gets two ticks.
    expect(ticksWithin(0.95, 1.05, 1).values.length).toBeGreaterThanOrEqual(2);
  });
});
