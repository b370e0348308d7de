/**
 * The one seeded uniform generator of the project: mulberry32 (Tommy Ettinger, 2017, public domain), a 32-bit state
 * advanced by the Weyl increment 0x6D2B79F5 and mixed by two multiply-xorshift rounds. Fast, reproducible on every
 * platform (only 32-bit integer arithmetic through Math.imul), statistically adequate for stimuli, Poisson trains,
 * problem sets and test walks; not for cryptography.
 */

/** Uniform numbers in [0, 1) with 32-bit resolution, the same sequence for the same integer seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
