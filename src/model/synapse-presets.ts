/**
 * Synapse kinds and the presets of the receptor kinds, as plain data (no schema library), so that the browser lab
 * and the model-file schema read the same figures.
 */
import type { SynapseDescription } from './types.js';

export const SYNAPSE_KINDS = ['exponential', 'dual-exponential', 'ampa', 'nmda', 'gaba-a', 'gaba-b'] as const satisfies readonly SynapseDescription['kind'][];

export type SynapseKind = (typeof SYNAPSE_KINDS)[number];

/** What a preset fills: rise and decay (ms), reversal (mV), magnesium (mM). */
export interface SynapsePreset {
  readonly rise: number;
  readonly decay: number;
  readonly reversal: number;
  readonly magnesium: number;
}

/**
 * Presets of the receptor kinds: difference-of-exponentials fits to the two-state kinetic models of Destexhe, Mainen &
 * Sejnowski (1998) "Kinetic models of synaptic transmission" (in Koch & Segev, Methods in Neuronal Modeling, 2nd ed.,
 * MIT Press, pp. 1-25; rate constants as in their NEURON files, ModelDB 18500), reversal potentials from the same
 * chapter, and the 1 mM external Mg2+ of its NMDA model (block of Jahr & Stevens 1990).
 *
 * The fit (reproduced by ./synapse-presets.test.ts): `decay` is the decay time constant of the kinetic model after
 * the transmitter pulse (1 / beta; for GABA-B the late decay of G^4 / (G^4 + Kd), 1 / (4 K2)); `rise` is the value
 * that makes the difference of exponentials peak when the kinetic model peaks (at the end of the 1 ms transmitter
 * pulse for AMPA, NMDA and GABA-A; at 102 ms for GABA-B). Rounded to two significant figures.
 * - AMPA: alpha 1.1 /(mM ms), beta 0.19 /ms -> decay 5.3 ms, rise 0.34 ms; reversal 0 mV.
 * - NMDA: alpha 0.072 /(mM ms), beta 0.0066 /ms -> decay 150 ms, rise 0.14 ms; reversal 0 mV; Mg2+ 1 mM.
 * - GABA-A: alpha 5 /(mM ms), beta 0.18 /ms -> decay 5.6 ms, rise 0.33 ms; reversal -80 mV.
 * - GABA-B: K1 0.09 /(mM ms), K2 0.0012 /ms, K3 0.18 /ms, K4 0.034 /ms, Kd 100, n 4 (0.5 mM for 0.3 ms)
 *   -> decay 210 ms, rise 57 ms; reversal -95 mV.
 */
export const SYNAPSE_PRESETS: Readonly<Record<'ampa' | 'nmda' | 'gaba-a' | 'gaba-b', SynapsePreset>> = Object.freeze({
  ampa: Object.freeze({ rise: 0.34, decay: 5.3, reversal: 0, magnesium: 0 }),
  nmda: Object.freeze({ rise: 0.14, decay: 150, reversal: 0, magnesium: 1 }),
  'gaba-a': Object.freeze({ rise: 0.33, decay: 5.6, reversal: -80, magnesium: 0 }),
  'gaba-b': Object.freeze({ rise: 57, decay: 210, reversal: -95, magnesium: 0 }),
});

