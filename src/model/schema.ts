/**
 * The input schema of a whole model file, checked field by field. ./model-schema.ts adds the checks across fields
 * (./resolve.ts) to make `modelSchema`, which parses straight to a `Model`.
 *
 * Concepts live in their own files: ./quantity-schema.ts (numbers with units), ./schema-morphology.ts,
 * ./schema-cell.ts, ./schema-concentrations.ts, ./schema-channel.ts, ./schema-stimulus.ts, ./schema-synapse.ts.
 * Every object is strict: an unknown key (a typo) is an error, never silently ignored.
 */
import { z } from 'zod';
import { cellSchema } from './schema-cell.js';
import { channelSchema, citationSchema } from './schema-channel.js';
import { recordingSchema, spikeDetectorSchema, stimulusSchema, velocitySchema } from './schema-stimulus.js';
import { connectionsSchema, drugsSchema, sourcesSchema, synapsesSchema } from './schema-synapse.js';
import { listOf, plainNumber, quantity, quantityWithDefault } from './quantity-schema.js';

export const INTEGRATORS = ['backward-euler', 'crank-nicolson', 'adaptive'] as const;

/** Run defaults: backward Euler at 0.025 ms (NEURON's), exact rates, adaptive tolerances 1e-3 and 1e-4. */
export const DEFAULT_RUN = Object.freeze({
  timeStep: 0.025,
  integrator: 'backward-euler' as const,
  absoluteTolerance: 1e-3,
  relativeTolerance: 1e-4,
  rates: 'exact' as const,
});

export const runSchema = z.strictObject({
  duration: quantity('time', 'positive').meta({
    description: 'Simulated time, NEURON tstop (required): a positive time, a number in ms or text such as "100 ms".',
  }),
  timeStep: quantityWithDefault('time', 'positive', DEFAULT_RUN.timeStep, '0.025 ms'),
  integrator: z.enum(INTEGRATORS).default(DEFAULT_RUN.integrator),
  absoluteTolerance: plainNumber('positive', 'absolute tolerance of the adaptive integrator').default(DEFAULT_RUN.absoluteTolerance),
  relativeTolerance: plainNumber('positive', 'relative tolerance of the adaptive integrator').default(DEFAULT_RUN.relativeTolerance),
  recordInterval: quantity('time', 'positive').optional().meta({ description: 'Interval between samples. Default the time step.' }),
  rates: z.enum(['exact', 'table']).default(DEFAULT_RUN.rates),
});

/** Default temperature 6.3 degC (279.45 K), the temperature of Hodgkin and Huxley's rate constants. */
export const DEFAULT_TEMPERATURE = 279.45;

/** The model as written in a file, checked field by field; ids, locations and cross references not yet resolved. */
export const modelInputSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Optional link to the JSON schema, for editors; ignored.' }),
    name: z
      .string({ error: () => 'text: the name of the model' })
      .min(1, { error: () => 'text: the name of the model' })
      .meta({ description: 'Name of the model (required).' }),
    description: z.string().optional(),
    citation: citationSchema.optional(),
    temperature: quantityWithDefault('temperature', 'any', DEFAULT_TEMPERATURE, '6.3 degC'),
    channels: listOf(channelSchema, 'channel definitions').default([]),
    cells: listOf(cellSchema, 'cells (at least one)').min(1, { error: () => 'a list of cells (at least one)' }),
    stimuli: listOf(stimulusSchema, 'stimuli').default([]),
    recordings: listOf(recordingSchema, 'recordings').default([]),
    spikes: listOf(spikeDetectorSchema, 'spike detectors').default([]),
    velocity: velocitySchema.optional(),
    synapses: synapsesSchema,
    sources: sourcesSchema,
    connections: connectionsSchema,
    drugs: drugsSchema,
    run: runSchema,
  })
  .meta({
    title: 'Membrane model file',
    description:
      'A whole simulation: cells, channels, stimuli, recordings, synapses and their inputs, drugs and run settings. Quantities are numbers in ' +
      'canonical units (mV, ms, um, S/cm2, ...) or text with units ("-65 mV"). See docs/model-format.md.',
  });

export type RawModel = z.output<typeof modelInputSchema>;
