/**
 * Input schemas of synapses, spike sources, connections and drugs (part 3). Presets of rise, decay, reversal and
 * magnesium by synapse kind are filled in ./resolve.ts, which also checks ids and references across the model.
 */
import { z } from 'zod';
import { listOf, name, quantity, quantityAllowed, quantityWithDefault } from './quantity-schema.js';
import { locationSchema } from './schema-stimulus.js';
import { SYNAPSE_KINDS } from './synapse-presets.js';

export { SYNAPSE_KINDS, SYNAPSE_PRESETS, type SynapseKind, type SynapsePreset } from './synapse-presets.js';

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
