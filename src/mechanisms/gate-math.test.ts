import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildVoltageTable,
  relativeExponential,
  relaxationFactor,
  TABLE_INTERVALS,
  TABLE_MAXIMUM,
  TABLE_MINIMUM,
  tablePosition,
  tableValue,
  temperatureFactor,
} from './gate-math.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';


describe('relativeExponential(x) = x / (e^x - 1)', () => {
  it('relativeExponential(0) is exactly 1 (the limit of the 0/0 point)', () => {
    expect(relativeExponential(0)).toBe(1);
    expect(relativeExponential(-0)).toBe(1);
  });

  it('relativeExponential(+-1e-12) differs from relativeExponential(0) by 5e-13 (slope -1/2), below 1e-12', () => {
    // Taylor: f(x) = 1 - x/2 + x^2/12 - ...; at |x| = 1e-12 the step from f(0) is 5e-13, plus at most an ulp (1.1e-16).
    expect(Math.abs(relativeExponential(1e-12) - relativeExponential(0))).toBeLessThan(1e-12);
    expect(Math.abs(relativeExponential(-1e-12) - relativeExponential(0))).toBeLessThan(1e-12);
    expect(relativeExponential(1e-12)).toBeLessThan(1);
    expect(relativeExponential(-1e-12)).toBeGreaterThan(1);
  });

  it('relativeExponential matches its Taylor series 1 - x/2 + x^2/12 - x^4/720 to 1e-15 for |x| <= 1e-3', () => {
    // The series truncated after x^4 errs by < x^6/30240 < 4e-23 there; the rest is round-off (a few ulp of 1).
    fc.assert(
      fc.property(uniform(-1e-3, 1e-3), (x) => {
        const series = 1 - x / 2 + (x * x) / 12 - (x * x * x * x) / 720;
        expect(Math.abs(relativeExponential(x) - series)).toBeLessThan(1e-15);
      }),
    );
  });

  it('relativeExponential matches x / (e^x - 1) to 1e-14 relative for 0.5 <= |x| <= 700', () => {
    // Away from 0 the naive quotient has no cancellation: exp, the subtraction and the division each err by at most
    // an ulp relative (the subtraction's error is amplified by e^x / |e^x - 1| <= 2.6 for |x| >= 0.5), so a few 1e-16.
    const magnitude = logUniform(0.5, 700);
    fc.assert(
      fc.property(magnitude, fc.boolean(), (m, negative) => {
        const x = negative ? -m : m;
        const naive = x / (Math.exp(x) - 1);
        expect(Math.abs(relativeExponential(x) - naive)).toBeLessThanOrEqual(1e-14 * Math.abs(naive));
      }),
    );
  });

  it('relativeExponential(-800) = 800 and relativeExponential(800) = 0: finite far beyond exp overflow', () => {
    expect(relativeExponential(-800)).toBe(800);
    expect(relativeExponential(800)).toBe(0);
  });
});

describe('relaxationFactor(dt, tau) = 1 - exp(-dt/tau)', () => {
  it('relaxationFactor(tau, tau) = 1 - 1/e to 1e-15', () => {
    expect(relaxationFactor(0.025, 0.025)).toBeCloseTo(1 - Math.exp(-1), 15);
  });

  it('relaxationFactor(1e-10, 1) = 1e-10 to 1e-9 relative (expm1 keeps small factors exact; 1 - exp would lose 6 digits)', () => {
    expect(Math.abs(relaxationFactor(1e-10, 1) - 1e-10)).toBeLessThan(1e-19);
  });

  it('relaxationFactor lies in [0, 1] and halving tau makes it larger (monotone), for any dt >= 0 and tau > 0', () => {
    fc.assert(
      fc.property(uniform(0, 1e3), logUniform(1e-6, 1e3), (dt, tau) => {
        const f = relaxationFactor(dt, tau);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
        expect(relaxationFactor(dt, tau / 2)).toBeGreaterThanOrEqual(f);
      }),
    );
  });

  it('relaxationFactor(dt, tau) over two half steps composes to the full step: 1 - (1 - f(dt/2))^2 = f(dt) to 1e-15', () => {
    fc.assert(
      fc.property(logUniform(1e-4, 10), logUniform(0.01, 100), (dt, tau) => {
        const half = relaxationFactor(dt / 2, tau);
        expect(Math.abs(1 - (1 - half) * (1 - half) - relaxationFactor(dt, tau))).toBeLessThan(1e-15);
      }),
    );
  });
});

describe('temperatureFactor(q10, T, T0) = q10^((T - T0)/10)', () => {
  it('temperatureFactor(3, 16.3, 6.3) = 3 (one decade of 10 degrees at Q10 3) to 1e-15 relative', () => {
    expect(Math.abs(temperatureFactor(3, 16.3, 6.3) - 3)).toBeLessThan(3e-15);
  });

  it('temperatureFactor(3, 6.3, 6.3) = 1 exactly, and temperatureFactor(3, 26.3, 6.3) = 9', () => {
    expect(temperatureFactor(3, 6.3, 6.3)).toBe(1);
    expect(temperatureFactor(3, 26.3, 6.3)).toBeCloseTo(9, 13);
  });

  it('temperatureFactor(2, 27, 37) = 1/2 in kelvin just as in degC (only the difference matters)', () => {
    expect(temperatureFactor(2, 300.15, 310.15)).toBeCloseTo(0.5, 13);
    expect(temperatureFactor(2, 27, 37)).toBeCloseTo(0.5, 15);
  });
});

describe('buildVoltageTable / tablePosition / tableValue: NEURON TABLE FROM -100 TO 100 WITH 200', () => {
  const table = buildVoltageTable(2, (v, row) => {
    row[0] = v; // linear: interpolation reproduces it exactly (on these binary-exact 1 mV rows)
    row[1] = v * v;
  });
  const at = (v: number, j: number) => {
    const { offset, fraction } = tablePosition(table, v);
    return tableValue(table, offset, fraction, j);
  };

  it('the table has 201 rows of 1 mV from -100 mV to 100 mV, 2 functions each', () => {
    expect(TABLE_MINIMUM).toBe(-100);
    expect(TABLE_MAXIMUM).toBe(100);
    expect(TABLE_INTERVALS).toBe(200);
    expect(table.minimum).toBe(-100);
    expect(table.inverseStep).toBe(1);
    expect(table.lastRow).toBe(200);
    expect(table.width).toBe(2);
    expect(at(-100, 0)).toBe(-100);
    expect(at(100, 0)).toBe(100);
    expect(at(100, 1)).toBe(10000);
    expect(at(-100, 1)).toBe(10000);
  });

  it('tablePosition(-37.25) is row 62 with fraction 0.75, and tableValue of v there is -37.25 exactly', () => {
    const { offset, fraction } = tablePosition(table, -37.25);
    expect(offset).toBe(62 * table.stride);
    expect(fraction).toBe(0.75);
    expect(at(-37.25, 0)).toBe(-37.25);
  });

  it('tablePosition clamps at and below -100 mV to the first row with fraction 0 (-100, -100.5, -1e6, -Infinity): the -100 mV values', () => {
    for (const v of [-100, -100.5, -1e6, -Infinity]) {
      expect(tablePosition(table, v)).toEqual({ offset: 0, fraction: 0 });
      expect(at(v, 1)).toBe(10000);
    }
  });

  it('tablePosition clamps at and above +100 mV to the last row with fraction 0 (100, 100.5, 1e6, Infinity): the +100 mV values', () => {
    for (const v of [100, 100.5, 1e6, Infinity]) {
      expect(tablePosition(table, v)).toEqual({ offset: 200 * table.stride, fraction: 0 });
      expect(at(v, 0)).toBe(100);
      expect(at(v, 1)).toBe(10000);
    }
  });

  it('tableValue(99.5) interpolates linearly between the last two rows: v^2 = (9801 + 10000)/2 = 9900.5 (not 9900.25)', () => {
    const { offset, fraction } = tablePosition(table, 99.5);
    expect(offset).toBe(199 * table.stride);
    expect(fraction).toBe(0.5);
    expect(at(99.5, 1)).toBe(9900.5);
  });

  it('tableValue is continuous across rows: just below and at a row boundary (12 mV) agree to 1e-12', () => {
    for (const j of [0, 1]) expect(Math.abs(at(12 - 1e-13, j) - at(12, j))).toBeLessThan(1e-9);
  });

  it('tablePosition always gives a row in [0, 200] and a fraction in [0, 1) for any voltage; tableValue stays between the neighbouring rows', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }), uniform(-120, 120)), (v) => {
        const { offset, fraction } = tablePosition(table, v);
        expect(offset % table.stride).toBe(0);
        expect(offset / table.stride).toBeGreaterThanOrEqual(0);
        expect(offset / table.stride).toBeLessThanOrEqual(200);
        expect(fraction).toBeGreaterThanOrEqual(0);
        expect(fraction).toBeLessThan(1);
        const clamped = Math.min(100, Math.max(-100, v));
        expect(Math.abs(at(v, 0) - clamped)).toBeLessThan(1e-12);
      }),
    );
  });
});
