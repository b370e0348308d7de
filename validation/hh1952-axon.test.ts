/**
 * Conduction velocity of the Hodgkin & Huxley (1952) squid axon (J Physiol 117:500, part IV): they computed
 * 18.8 m/s (21.2 m/s measured); a converged cable simulation gives about 18.7 m/s (../shared/reference/README.md).
 * Acceptance from the issue: within 1 % of 18.7 m/s once the discretisation has converged.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/engine/index.js';
import { runSettings, squidAxon } from './models.js';

const velocity = (compartments: number, dt: number) =>
  simulate(squidAxon(compartments, runSettings(8, dt, 'crank-nicolson', 'exact'))).velocity!.metresPerSecond;

describe('HH 1952 propagating squid axon', () => {
  it('conducts within 1 % of 18.7 m/s at 50 um compartments and dt 5 us, and the answer has converged', () => {
    const coarse = velocity(500, 0.01);
    const fine = velocity(1000, 0.005);
    console.log(`velocity: 100 um, 10 us: ${coarse.toFixed(3)} m/s; 50 um, 5 us: ${fine.toFixed(3)} m/s`);
    expect(Math.abs(fine - 18.7) / 18.7).toBeLessThan(0.01);
    // Converged: halving both steps changes the velocity by less than 0.2 %.
    expect(Math.abs(fine - coarse) / fine).toBeLessThan(0.002);
  });
});
