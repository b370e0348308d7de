/** Presets of the propagation screen, each a full state. */
import type { Preset } from '../../common/presets.js';

export const PROPAGATION_PRESETS: readonly Preset[] = [
  { id: 'thin-unmyelinated', label: 'Unmyelinated axon, 10 µm (default)', values: {}, description: 'An HH axon of 10 µm at 20 °C.' },
  { id: 'myelinated', label: 'Myelinated axon, 10 µm', values: { fibre: 'myelinated' }, description: 'HH nodes of Ranvier every millimetre: saltatory conduction.' },
  { id: 'squid', label: 'Squid giant axon (476 µm, 18.5 °C)', values: { diameter: 476, temperature: 18.5, length: 50 }, description: 'Hodgkin & Huxley’s axon: about 20 m/s.' },
  { id: 'thin-fibre', label: 'Thin unmyelinated fibre (1 µm)', values: { diameter: 1, length: 5 }, description: 'A C-fibre-sized axon: under 1 m/s.' },
  { id: 'ttx', label: 'Unmyelinated axon with TTX 5 nM', values: { ttx: 5 }, description: 'Part of the Na⁺ channels blocked: slower conduction.' },
];
