/** Presets of the synapses screen, each a full state. */
import type { Preset } from '../../common/presets.js';

export const SYNAPSE_PRESETS_LAB: readonly Preset[] = [
  { id: 'epsp', label: 'One AMPA EPSP (default)', values: {}, description: 'One AMPA event of 1 nS on a passive membrane.' },
  { id: 'nmda', label: 'One NMDA EPSP (slow, Mg²⁺ block)', values: { kind: 'nmda' }, description: 'A slow NMDA event, partly blocked by Mg²⁺ at rest.' },
  { id: 'ipsp', label: 'One GABA-A IPSP', values: { kind: 'gaba-a', weight: 5 }, description: 'An inhibitory event of 5 nS.' },
  { id: 'temporal', label: 'Temporal summation, 5 ms apart', values: { experiment: 'temporal' }, description: 'Two events 5 ms apart against their linear sum.' },
  { id: 'spatial', label: 'Spatial summation on a cable', values: { experiment: 'spatial' }, description: 'Two synapses 100 and 400 µm from the recording site.' },
  { id: 'shunting', label: 'Shunting inhibition', values: { experiment: 'shunting' }, description: 'AMPA with a GABA-A conductance reversing at rest.' },
  { id: 'fires', label: 'Excitable membrane: an EPSP that fires', values: { membrane: 'hh', weight: 10 }, description: '10 nS of AMPA on a Hodgkin–Huxley membrane: an action potential.' },
];
