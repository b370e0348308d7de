/**
 * Rallpacks 1-3 (Bhalla, Bilitch & Bower 1992, Trends Neurosci 15:453) against ../shared/reference/rallpack.
 * Acceptance, as used by mature simulators: RMS error below 0.1 % and maximum error below 0.5 % of the reference's
 * range, at both ends (../shared/reference/README.md).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/engine/index.js';
import { rallpackCable, rallpackTree, runSettings } from './models.js';
import { rallpackErrors, readRallpack } from './reference-data.js';

const RMS_LIMIT = 0.001;
const MAX_LIMIT = 0.005;

function expectAgreement(name: string, result: ReturnType<typeof simulate>) {
  const near = rallpackErrors(readRallpack(`${name}.0${name.includes('axon') ? '.neuron' : ''}`), result.time, result.traces[0].values);
  const far = rallpackErrors(readRallpack(`${name}.x${name.includes('axon') ? '.neuron' : ''}`), result.time, result.traces[1].values);
  console.log(`${name}: x=0 rms ${(near.rms * 100).toFixed(4)} % max ${(near.max * 100).toFixed(4)} %; x=end rms ${(far.rms * 100).toFixed(4)} % max ${(far.max * 100).toFixed(4)} %`);
  expect(near.rms).toBeLessThan(RMS_LIMIT);
  expect(near.max).toBeLessThan(MAX_LIMIT);
  expect(far.rms).toBeLessThan(RMS_LIMIT);
  expect(far.max).toBeLessThan(MAX_LIMIT);
}

describe('Rallpack 1: passive cable against the analytic solution', () => {
  it('backward Euler, dt 0.025 ms: rms < 0.1 %, max < 0.5 % at both ends', () => {
    expectAgreement('ref_cable', simulate(rallpackCable(false, runSettings(250, 0.025, 'backward-euler'))));
  });
  it('Crank-Nicolson, dt 0.025 ms: rms < 0.1 %, max < 0.5 % at both ends', () => {
    expectAgreement('ref_cable', simulate(rallpackCable(false, runSettings(250, 0.025, 'crank-nicolson'))));
  });
});

describe('Rallpack 2: branched tree (3/2 power rule) against the analytic solution', () => {
  it('Crank-Nicolson, dt 0.025 ms, 1 compartment per branch: within the Rallpack limits', () => {
    expectAgreement('ref_branch', simulate(rallpackTree(9, runSettings(250, 0.025, 'crank-nicolson'))));
  });
});

describe('Rallpack 3: HH axon against NEURON', () => {
  // The reference was computed by NEURON with backward Euler at a fine step and exact rates: our backward Euler at
  // dt = 1 us reproduces it (docs/validation.md shows how the error falls with dt and why Crank-Nicolson
  // converges to the true solution, which differs from this reference by about 0.05 ms in spike timing).
  it('backward Euler, dt 0.001 ms, exact rates: within the Rallpack limits and 17 spikes at the far end', () => {
    const result = simulate(rallpackCable(true, runSettings(250, 0.001, 'backward-euler', 'exact', { recordInterval: 0.025 })));
    expectAgreement('ref_axon', result);
    expect(result.spikes.find((train) => train.id === 'far')!.times.length).toBe(17);
  });
});
