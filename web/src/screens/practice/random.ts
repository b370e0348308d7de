/**
 * A small seeded pseudo-random generator for the practice problems, so that a link (`#practice?seed=42`)
 * reproduces a problem set on every machine. Pure TS, no DOM.
 *
 * Generator: mulberry32 (Tommy Ettinger, 2017, public domain; a 32-bit state advanced by the Weyl increment
 * 0x6D2B79F5 and mixed by two xorshift-multiply rounds). Period 2³², passes gjrand and PractRand to 2³² bytes
 * (the author's tests) — far more than the few dozen draws a problem set takes. It is not cryptographic.
 * Each problem of a set has its own stream, seeded through the "lowbias32" integer hash (C. Wellons,
 * hash-prospector, 2018: xorshift 16, × 0x7feb352d, xorshift 15, × 0x846ca68b, xorshift 16), so that problem k of
 * set s does not depend on how many numbers problem k − 1 drew, and neighbouring seeds give unrelated sets.
 */
import { mulberry32 as libraryMulberry32 } from '../../../../src/engine/random.js';

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/** lowbias32: a bijective 32-bit integer hash (an unsigned 32-bit integer in, one out). */
export function mix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d);
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b);
  return (z ^ (z >>> 16)) >>> 0;
}

/** mulberry32 (the project's one seeded generator, src/engine/random.ts): uniform numbers in [0, 1). */
export function mulberry32(seed: number): RandomSource {
  return libraryMulberry32(seed);
}

/** The generator of one problem (`index`) of one problem set (`seed`): independent streams per problem. */
export function streamFor(seed: number, index: number): RandomSource {
  return mulberry32(mix32(mix32(seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b9)));
}

/** Draws from a RandomSource: ranges, integers and choices. */
export class Draw {
  constructor(private readonly random: RandomSource) {}

  /** Uniform in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /** A uniform integer in [low, high], both included. */
  integer(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick: empty list');
    return items[Math.floor(this.random() * items.length)];
  }

  /**
   * `value` times a factor spread evenly in log between 1 / `spread` and `spread`, rounded to `digits`
   * significant digits (so that the number a student reads is the number computed with).
   */
  around(value: number, spread: number, digits = 2): number {
    const factor = Math.exp(this.uniform(-Math.log(spread), Math.log(spread)));
    return roundSignificant(value * factor, digits);
  }
}

/** `value` rounded to `digits` significant digits, as an exact-looking double (e.g. 0.00012, 145). */
export function roundSignificant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/** The largest seed a link carries (six digits keep the address short). */
export const MAXIMUM_SEED = 999_999;

/** A new seed in [1, MAXIMUM_SEED] from any uniform source (the view passes crypto-backed randomness). */
export function drawSeed(random: RandomSource): number {
  return 1 + Math.floor(random() * MAXIMUM_SEED);
}
