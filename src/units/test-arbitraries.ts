/**
 * fast-check arbitraries shared by the property tests (not built into dist/). fc.double draws mostly values near 0
 * and the ends of its range; these draw evenly over a range, or evenly over its logarithm.
 */
import fc from 'fast-check';

/** Uniform over [min, max] (2^30 evenly spaced values). */
export const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 2 ** 30 }).map((k) => min + ((max - min) * k) / 2 ** 30);

/** Log-uniform over [min, max], min > 0. */
export const logUniform = (min: number, max: number) => uniform(Math.log(min), Math.log(max)).map(Math.exp);
