import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { celsiusToKelvin, kelvinToCelsius } from './temperature.js';

describe('temperature conversion', () => {
  it('celsiusToKelvin(37) = 310.15 and kelvinToCelsius(273.15) = 0', () => {
    expect(celsiusToKelvin(37)).toBeCloseTo(310.15, 12);
    expect(kelvinToCelsius(273.15)).toBe(0);
    expect(celsiusToKelvin(6.3)).toBeCloseTo(279.45, 12);
  });
  it('property: the two conversions invert each other (to 1e-12 K: one rounding each way)', () => {
    fc.assert(
      fc.property(fc.double({ min: -273, max: 1e4, noNaN: true }), (celsius) => {
        expect(Math.abs(kelvinToCelsius(celsiusToKelvin(celsius)) - celsius)).toBeLessThan(1e-12 * 1e4);
      }),
    );
  });
});
