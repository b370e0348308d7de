/** Presets of the action-potential screen: the classic experiments on the Hodgkin–Huxley patch and the Connor–Stevens neuron, each a full state. */
import type { Preset } from '../../common/presets.js';

export const AP_PRESETS: readonly Preset[] = [
  { id: 'single-pulse', label: 'One pulse above threshold (default)', values: {}, description: 'A 1 ms pulse of 0.2 nA at 6.3 °C: one action potential.' },
  { id: 'subthreshold', label: 'One pulse below threshold', values: { amplitude: 0.06 }, description: 'A 1 ms pulse of 0.06 nA: no action potential, only a small bump.' },
  { id: 'repetitive', label: 'Long step: repetitive firing', values: { mode: 'step', amplitude: 0.1, duration: 100 }, description: 'A sustained 0.1 nA step: the membrane fires repeatedly.' },
  { id: 'train', label: 'Train of pulses 10 ms apart', values: { mode: 'train' }, description: 'Five pulses 10 ms apart: some fall in the refractory period.' },
  { id: 'voltage-clamp', label: 'Voltage clamp: step to 0 mV', values: { mode: 'vclamp', clamp: 0 }, description: 'Early inward Na⁺ current, late outward K⁺ current.' },
  { id: 'voltage-clamp-ttx', label: 'Voltage clamp with TTX (K⁺ current alone)', values: { mode: 'vclamp', clamp: 0, ttx: 100 }, description: 'TTX removes the inward Na⁺ current: the K⁺ current alone.' },
  { id: 'ttx', label: 'TTX 10 nM: no action potential', values: { ttx: 10 }, description: 'Most Na⁺ channels blocked: no spike.' },
  { id: 'warm', label: 'Warm membrane (20 °C)', values: { temperature: 20 }, description: 'Faster gates: a shorter, smaller spike.' },
  { id: 'connor-stevens', label: 'Connor–Stevens neuron: long step (A-type K⁺ channels)', values: { cell: 'connor-stevens', mode: 'step', amplitude: 0.09, duration: 300 }, description: 'A late first spike and slow, regular firing (type I).' },
  { id: 'connor-stevens-4ap', label: 'Connor–Stevens neuron with 4-AP 1 mM', values: { cell: 'connor-stevens', mode: 'step', amplitude: 0.09, duration: 300, fourap: 1 }, description: '4-AP blocks the A-type (and delayed-rectifier) K⁺ channels: the cell fires sooner and faster.' },
];
