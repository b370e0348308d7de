/**
 * Passive leak: i = g (v - e). NEURON's `pas` mechanism (nrn/src/nrnoc/passive.mod), same names and defaults.
 */
import { createGatedKernels } from './gated-kernels.js';
import type { MechanismBlock, MechanismDefinition, MembraneArrays } from './types.js';

const G = 0, E = 1;

function accumulate(block: MechanismBlock, membrane: MembraneArrays): void {
  const { v, current, conductance } = membrane;
  const g = block.parameters[G], e = block.parameters[E];
  const node = block.node;
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    current[k] += g[i] * (v[k] - e[i]);
    conductance[k] += g[i];
  }
}

export const passive: MechanismDefinition = {
  name: 'pas',
  kind: 'leak',
  description: 'Passive (leak) conductance with a fixed reversal potential.',
  citation: 'NEURON passive.mod (pas): i = g (v - e); temperature independent.',
  parameters: [
    { name: 'g', unit: 'S/cm2', defaultValue: 0.001, minimum: 0, maximum: 10, description: 'leak conductance' },
    { name: 'e', unit: 'mV', defaultValue: -70, minimum: -200, maximum: 200, description: 'leak reversal potential' },
  ],
  states: [],
  conductances: [],
  ionsRead: [],
  ionsWritten: [],
  kernels: createGatedKernels({ gateCount: 0, rateFactor: () => 1, evaluate: () => {} }, accumulate),
};
