/**
 * Input schemas of synapses, spike sources, connections and drugs (part 3). Presets of rise, decay, reversal and
 * magnesium by synapse kind are filled in ./resolve.ts, which also checks ids and references across the model.
 */
import { z } from 'zod';
import type { SynapseDescription } from './types.js';
import { listOf, name, quantity, quantityAllowed, quantityWithDefault } from './quantity-schema.js';
import { locationSchema } from './schema-stimulus.js';

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

/** Defaults of the generic kinds (`exponential`, `dual-exponential`): reversal 0 mV, no magnesium block. */
export const DEFAULT_SYNAPSE_REVERSAL = 0;

export const synapseSchema = z.strictObject({
  id: name('the synapse').meta({ description: 'Unique among synapses, stimuli, spike detectors and sources (required): connections name it.' }),
  kind: z.enum(SYNAPSE_KINDS),
  location: locationSchema,
  rise: quantity('time', 'nonnegative')
    .optional()
    .meta({ description: `${quantityAllowed('time', 'nonnegative')}. Rise time constant, shorter than decay. Required for dual-exponential; not for exponential (0); default by preset.` }),
  decay: quantity('time', 'positive')
    .optional()
    .meta({ description: `${quantityAllowed('time', 'positive')}. Decay time constant. Required for exponential and dual-exponential; default by preset.` }),
  reversal: quantity('voltage', 'any')
    .optional()
    .meta({ description: `${quantityAllowed('voltage', 'any')}. Reversal potential. Default 0 mV, or by preset (GABA-A -80 mV, GABA-B -95 mV).` }),
  magnesium: quantity('concentration', 'nonnegative')
    .optional()
    .meta({ description: `${quantityAllowed('concentration', 'nonnegative')}. External Mg2+ for the NMDA block (Jahr & Stevens 1990). Default 1 mM for nmda, else 0 (no block).` }),
});

export const SOURCE_KINDS = ['train', 'poisson'] as const;

const TIMES_ALLOWED = 'a list of spike times, each >= 0, increasing (numbers in ms or text such as "5 ms")';

export const trainSourceSchema = z.strictObject({
  id: name('the spike source').meta({ description: 'Unique among synapses, stimuli, spike detectors and sources (required).' }),
  kind: z.literal('train'),
  times: z.array(quantity('time', 'nonnegative'), { error: () => TIMES_ALLOWED }).meta({ description: `${TIMES_ALLOWED} (required).` }),
});

export const poissonSourceSchema = z.strictObject({
  id: name('the spike source').meta({ description: 'Unique among synapses, stimuli, spike detectors and sources (required).' }),
  kind: z.literal('poisson'),
  rate: quantity('frequency', 'nonnegative')
    .meta({ description: `${quantityAllowed('frequency', 'nonnegative')}. Mean rate of the Poisson process (required), e.g. "20 Hz".` }),
  start: quantityWithDefault('time', 'nonnegative', 0, '0 ms'),
  stop: quantity('time', 'nonnegative')
    .optional()
    .meta({ description: `${quantityAllowed('time', 'nonnegative')}. End of the spikes, after start. Default the run duration.` }),
  seed: z.number().int().nonnegative().default(1).meta({ description: 'Seed of the generator, a whole number >= 0. Default 1.' }),
});

export const sourceSchema = z.discriminatedUnion('kind', [trainSourceSchema, poissonSourceSchema], {
  error: (issue) =>
    issue.code === 'invalid_union' ? `one of ${SOURCE_KINDS.join('|')}` : `an object whose kind is one of ${SOURCE_KINDS.join('|')}`,
});

export const connectionSchema = z.strictObject({
  source: name('a spike source or spike detector').meta({ description: 'Id of a spike source (sources) or a spike detector (spikes) (required).' }),
  target: name('a synapse').meta({ description: 'Id of a synapse (required).' }),
  weight: quantity('conductance', 'nonnegative')
    .meta({ description: `${quantityAllowed('conductance', 'nonnegative')}. The peak conductance one event adds (required), e.g. "2 nS" (0.002 uS).` }),
  delay: quantityWithDefault('time', 'nonnegative', 0, '0 ms'),
});

const DRUG_NAME = 'text: the name of a drug or toxin, such as "TTX"';

export const drugSchema = z.strictObject({
  drug: z
    .string({ error: () => DRUG_NAME })
    .trim()
    .min(1, { error: () => DRUG_NAME })
    .meta({ description: 'Name of the drug (required), e.g. TTX, TEA; matched to the catalogue without regard to case.' }),
  concentration: quantity('concentration', 'positive')
    .meta({ description: `${quantityAllowed('concentration', 'positive')}. Concentration in the bath (required), e.g. "10 nM".` }),
});

export const synapsesSchema = listOf(synapseSchema, 'synapses { id, kind, location, rise, decay, reversal, magnesium }').default([]);
export const sourcesSchema = listOf(sourceSchema, 'spike sources { id, kind: train | poisson, ... }').default([]);
export const connectionsSchema = listOf(connectionSchema, 'connections { source, target, weight, delay }').default([]);
export const drugsSchema = listOf(drugSchema, 'drugs { drug, concentration }').default([]);

export type RawSynapse = z.output<typeof synapseSchema>;
export type RawSource = z.output<typeof sourceSchema>;
export type RawConnection = z.output<typeof connectionSchema>;
export type RawDrug = z.output<typeof drugSchema>;
