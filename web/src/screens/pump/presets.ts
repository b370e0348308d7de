/** Presets of the pump screen, each a full state. */
import type { Preset } from '../../common/presets.js';

export const PUMP_PRESETS: readonly Preset[] = [
  { id: 'ouabain', label: 'Ouabain 1 mM after 30 min (default)', values: {}, description: 'The pump stops; over hours the gradients run down.' },
  { id: 'control', label: 'No ouabain: the steady state', values: { ouabain: 0 }, description: 'The pump balances the leaks: nothing changes.' },
  { id: 'partial', label: 'Ouabain 10 µM: a partial block', values: { ouabain: 10 }, description: 'The pump slows but does not stop: a new steady state.' },
  { id: 'big-cell', label: 'Big cell (100 µm) with ouabain', values: { diameter: 100 }, description: 'More ions per unit of membrane: a slower run-down.' },
  { id: 'long', label: 'Two days with ouabain', values: { duration_h: 48 }, description: 'The gradients almost vanish.' },
];
