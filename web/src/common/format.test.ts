import { describe, expect, it } from 'vitest';
import { formatNumber, formatSigned, MINUS, withTrueMinus } from './format.js';

describe('formatNumber', () => {
  it('writes small and large numbers as a × 10ⁿ, never in computer notation', () => {
    expect(formatNumber(1e-4)).toBe('10⁻⁴');
    expect(formatNumber(3.7e-14)).toBe('3.7 × 10⁻¹⁴');
    expect(formatNumber(5.09e6)).toBe('5.09 × 10⁶');
    expect(formatNumber(5_490_000, 3)).toBe('5.49 × 10⁶');
    for (const value of [1e-9, 2.5e-7, 4e8, 1.234e21]) expect(formatNumber(value)).not.toMatch(/e/i);
  });
  it('uses the true minus sign and significant digits without trailing zeros', () => {
    expect(formatNumber(-64.83, 3)).toBe(`${MINUS}64.8`);
    expect(formatNumber(-2e-5)).toBe(`${MINUS}2 × 10⁻⁵`);
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(140)).toBe('140');
    expect(formatNumber(999.96, 4)).toBe('1000');
    expect(formatNumber(-0.0012345, 2)).toBe(`${MINUS}0.0012`);
  });
  it('shows a dash for values that are not numbers', () => {
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('—');
  });
  it('signs changes and replaces hyphen-minus signs in text', () => {
    expect(formatSigned(3.21, 'mV')).toBe('+3.21 mV');
    expect(formatSigned(-3.21, 'mV')).toBe(`${MINUS}3.21 mV`);
    expect(withTrueMinus('V = -65 mV (from -70)')).toBe(`V = ${MINUS}65 mV (from ${MINUS}70)`);
    expect(withTrueMinus('Na-K pump')).toBe('Na-K pump');
  });
});
