/** Presets of the resting-potential screen: the library's ion sets (src/core/presets.ts), each a full screen state. */
import { ION_PRESETS } from '../../../../src/core/index.js';
import type { Preset } from '../../common/presets.js';
import { presetValues } from './model.js';

export const RESTING_PRESETS: readonly Preset[] = [
  ...ION_PRESETS.map((preset) => ({ id: preset.id, label: preset.name, values: presetValues(preset.id), description: preset.description })),
  {
    id: 'hyperkalaemia',
    label: 'Mammalian neuron, hyperkalaemia (K⁺ outside 8 mM)',
    values: { ...presetValues('mammalian-neuron'), k_out: 8 },
    description: 'Outside K⁺ raised from 5 to 8 mM, as in severe hyperkalaemia: the membrane depolarises.',
  },
];
