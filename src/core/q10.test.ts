import { describe, expect, it } from 'vitest';
import { q10Factor } from './q10.js';

describe('q10Factor', () => {
  const hh = { q10: 3, referenceTemperature: 279.45 };
  it('HH (Q10 = 3, 6.3 degC reference): 1 at 6.3 degC, 3 at 16.3 degC, 29.16 at 37 degC', () => {
    expect(q10Factor({ ...hh, temperature: 279.45 })).toBe(1);
    expect(q10Factor({ ...hh, temperature: 289.45 })).toBeCloseTo(3, 12);
    // 3^(30.7/10) = 29.158; quoted to 0.01.
    expect(Math.abs(q10Factor({ ...hh, temperature: 310.15 }) - 29.16)).toBeLessThan(0.005);
  });
  it('cooling slows: 1/3 at -3.7 degC', () => {
    expect(q10Factor({ ...hh, temperature: 269.45 })).toBeCloseTo(1 / 3, 12);
  });
  it('rejects bad input, naming it', () => {
    expect(() => q10Factor({ ...hh, q10: 0, temperature: 300 })).toThrow(/^q10:/);
    expect(() => q10Factor({ ...hh, temperature: -1 })).toThrow(/^temperature:/);
    expect(() => q10Factor({ q10: 1e6, temperature: 1e4, referenceTemperature: 1 })).toThrow(/^temperature:/);
  });
});
