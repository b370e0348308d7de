import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.js';
import type { Model } from '../model/types.js';
import { postsynapticResponse } from './postsynaptic-potential.js';

/** The lab's synapse compartment: 1000 um2 (0.01 nF) of hh at 6.3 degC, one AMPA synapse (rise 0.2, decay 2 ms, 0 mV). */
function ampaOnHh(weightNanosiemens: number) {
  const side = Math.sqrt(1000 / Math.PI);
  const at = { cell: 'cell', section: 'soma', position: 0.5 } as const;
  const model = {
    name: 'ampa-hh',
    temperature: 279.45,
    channels: [],
    cells: [{ id: 'cell', morphology: { kind: 'single', section: 'soma', length: side, diameter: side }, membrane: { capacitance: 1, axialResistivity: 150, initialVoltage: -65 }, mechanisms: [{ mechanism: 'hh', parameters: {} }], ions: [] }],
    stimuli: [],
    recordings: [{ id: 'v', location: at, variable: 'v' }, { id: 'g', location: at, variable: 'syn.g' }],
    spikes: [],
    synapses: [{ id: 'syn', kind: 'ampa', location: at, rise: 0.2, decay: 2, reversal: 0 }],
    sources: [{ id: 'pre', kind: 'train', times: [10] }],
    connections: [{ source: 'pre', target: 'syn', weight: weightNanosiemens * 1e-3, delay: 0 }],
    run: { duration: 40, timeStep: 0.025, integrator: 'backward-euler', rates: 'exact', absoluteTolerance: 1e-6, relativeTolerance: 1e-7, recordInterval: 0.025 },
  } as unknown as Model;
  const result = simulate(model);
  const [v, g] = result.traces.map((trace) => trace.values);
  // Synaptic current into the cell: -g (V - E_rev), uS x mV = nA.
  const current = v.map((x, i) => -g[i] * (x - 0));
  return { time: result.time, v, current };
}

describe('postsynapticResponse on an HH compartment with an AMPA synapse', () => {
  it('a weak input (0.5 nS) is an EPSP: a few mV, no action potential', () => {
    const { time, v, current } = ampaOnHh(0.5);
    const response = postsynapticResponse(time, v, { rest: -65, stimulus: { current, capacitance: 0.01 } });
    expect(response.actionPotential).toBeNull();
    expect(response.peak).toBeGreaterThan(1);
    expect(response.peak).toBeLessThan(30);
  });

  it('a stronger input (2 nS) fires: the response is an action potential (peak > 0 mV) triggered by an EPSP of 5-25 mV, not an "EPSP of +100 mV"', () => {
    const { time, v, current } = ampaOnHh(2);
    const response = postsynapticResponse(time, v, { rest: -65, stimulus: { current, capacitance: 0.01 } });
    expect(response.peak).toBeGreaterThan(80); // the whole spike above rest
    const spike = response.actionPotential!;
    expect(spike.peak).toBeGreaterThan(0);
    expect(spike.triggeringPotential).toBeGreaterThan(5);
    expect(spike.triggeringPotential).toBeLessThan(25);
    expect(spike.thresholdTime).toBeGreaterThan(10);
  });

  it('a hyperpolarising trace gives a negative peak', () => {
    const time = [0, 1, 2, 3];
    expect(postsynapticResponse(time, [-65, -70, -68, -66], { rest: -65 }).peak).toBe(-5);
  });
});
