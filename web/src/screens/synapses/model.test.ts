import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/index.js';
import { defaults } from '../../params.js';
import { analyseSynapseRun, buildSynapseRuns, describeChange, SYNAPSE_SPECS } from './model.js';

describe('describeChange: words that hold for any reversal', () => {
  it('a sign flip reverses the EPSP (the old text said "131 % less")', () => {
    expect(describeChange(16.6, -5.08)).toBe('reverses the EPSP: from +16.6 mV to −5.08 mV');
  });
  it('a smaller EPSP is cut by the fraction lost; a larger one is added to', () => {
    expect(describeChange(16.6, 8.3)).toBe('cuts the EPSP by 50 % (from +16.6 mV to +8.3 mV)');
    expect(describeChange(10, 12)).toBe('adds to the EPSP: from +10 mV to +12 mV (20 % more)');
  });
});

describe('analyseSynapseRun on the lab models', () => {
  it('an AMPA event of 1 nS on the HH membrane is an action potential triggered by an EPSP of 5-25 mV, not an "EPSP of +104 mV"', () => {
    const run = buildSynapseRuns({ ...defaults(SYNAPSE_SPECS), membrane: 'hh' })[0];
    const result = simulate(run.model);
    const response = analyseSynapseRun(result.time, result.traces, run.model);
    expect(response.peak).toBeGreaterThan(90);
    expect(response.actionPotential!.triggeringPotential).toBeGreaterThan(5);
    expect(response.actionPotential!.triggeringPotential).toBeLessThan(25);
  });
  it('on the passive membrane the same event is an EPSP with no action potential', () => {
    const run = buildSynapseRuns(defaults(SYNAPSE_SPECS))[0];
    const result = simulate(run.model);
    const response = analyseSynapseRun(result.time, result.traces, run.model);
    expect(response.actionPotential).toBeNull();
    expect(response.peak).toBeGreaterThan(0.5);
    expect(response.peak).toBeLessThan(30);
  });
});
