import { describe, expect, it } from 'vitest';
import { brentRoot } from './brent.js';

describe('brentRoot', () => {
  it('finds sqrt(2) as the root of x^2 - 2 on [0, 2] to 1e-14 relative', () => {
    expect(Math.abs(brentRoot((x) => x * x - 2, 0, 2, 1e-15, 0) - Math.SQRT2)).toBeLessThan(1e-14 * Math.SQRT2);
  });
  it('finds the root of a step-like function (where interpolation is useless) by bisection', () => {
    const root = brentRoot((x) => (x < 0.3 ? -1 : 1), -10, 10, 1e-12, 1e-12);
    expect(Math.abs(root - 0.3)).toBeLessThan(1e-10);
  });
  it('returns an endpoint that is already a root', () => {
    expect(brentRoot((x) => x - 1, 1, 3, 1e-12, 0)).toBe(1);
  });
  it('throws when the interval does not bracket a root', () => {
    expect(() => brentRoot((x) => x * x + 1, -1, 1, 1e-12, 0)).toThrow(/bracket/);
  });
});
