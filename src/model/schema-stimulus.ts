/**
 * Input schemas of locations, stimuli (current and voltage clamps), recordings and spike detectors.
 *
 * Current values of a waveform are currents (`"0.1 nA"`, `"100 pA"`) or current densities (`"10 uA/cm2"`):
 * the unit decides `perArea`. A bare number is nA; a bare 0 fits either. One waveform may not mix the two.
 * Locations and ids are completed in ./resolve.ts, which knows the cells.
 */
import { z } from 'zod';
import { InputError } from '../units/errors.js';
import { parseQuantity } from '../units/quantity.js';
import type { CurrentWaveform } from './types.js';
import { name, plainNumber, positiveInteger, quantity, quantityWithDefault } from './quantity-schema.js';

export const locationSchema = z
  .strictObject({
    cell: name('the cell').optional().meta({ description: 'Cell id. Default the only cell.' }),
    section: name('the section').optional().meta({ description: 'Section id. Default the only section, or the root section.' }),
    position: plainNumber('fraction', 'position along the section, 0 = start, 1 = end').default(0.5),
    point: z.number().int().optional().meta({ description: 'SWC point id, for points morphologies. Default the root point.' }),
  })
  .default({ position: 0.5 })
  .meta({ description: 'Where: { cell, section, position } or { cell, point }. Default the middle of the only (root) section.' });

export type RawLocation = z.output<typeof locationSchema>;

/** A current value before its kind is known across the waveform. `perArea` is undefined for a bare 0. */
export interface CurrentValue {
  readonly value: number;
  readonly perArea: boolean | undefined;
  /** As written, for error messages. */
  readonly input: number | string;
}

const CURRENT_ALLOWED =
  'a current such as "0.1 nA" (a number is nA) or a current density such as "10 uA/cm2"';

const currentValue = () =>
  z
    .union([z.number(), z.string()], { error: () => CURRENT_ALLOWED })
    .transform((input, ctx): CurrentValue => {
      if (typeof input === 'number') {
        if (!Number.isFinite(input)) {
          ctx.addIssue({ code: 'custom', message: CURRENT_ALLOWED, input });
          return z.NEVER;
        }
        return { value: input, perArea: input === 0 ? undefined : false, input };
      }
      try {
        return { value: parseQuantity(input, 'current', 'value'), perArea: false, input };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
      try {
        return { value: parseQuantity(input, 'currentDensity', 'value'), perArea: true, input };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        ctx.addIssue({ code: 'custom', message: CURRENT_ALLOWED, input });
        return z.NEVER;
      }
    })
    .meta({ description: `${CURRENT_ALLOWED}.` });

const zeroCurrent: CurrentValue = { value: 0, perArea: undefined, input: 0 };

const time = () => quantity('time', 'nonnegative');
const positiveTime = () => quantity('time', 'positive');
const delay = () => quantityWithDefault('time', 'nonnegative', 0, '0 ms');

const stepSchema = z.strictObject({
  shape: z.literal('step'),
  delay: delay(),
  duration: time(),
  amplitude: currentValue(),
});
const trainSchema = z.strictObject({
  shape: z.literal('train'),
  delay: delay(),
  duration: positiveTime(),
  interval: positiveTime(),
  count: positiveInteger('the number of pulses'),
  amplitude: currentValue(),
});
const rampSchema = z.strictObject({
  shape: z.literal('ramp'),
  delay: delay(),
  duration: time(),
  from: currentValue(),
  to: currentValue(),
});
const sineSchema = z.strictObject({
  shape: z.literal('sine'),
  delay: delay(),
  duration: time(),
  amplitude: currentValue(),
  frequency: quantity('frequency', 'positive'),
  offset: currentValue().default(zeroCurrent).meta({ description: 'Constant added to the sine. Default 0.' }),
  phase: plainNumber('any', 'radians').default(0),
});
const noiseSchema = z.strictObject({
  shape: z.literal('noise'),
  delay: delay(),
  duration: time(),
  mean: currentValue().default(zeroCurrent).meta({ description: 'Mean current. Default 0.' }),
  standardDeviation: currentValue(),
  interval: positiveTime(),
  seed: z.number().int().nonnegative().default(1).meta({ description: 'Seed of the generator, a whole number >= 0. Default 1.' }),
});

export const WAVEFORM_SHAPES = ['step', 'train', 'ramp', 'sine', 'noise'] as const;

/** The fields of each shape that hold currents, in the order they are checked for a consistent kind. */
const CURRENT_FIELDS: Record<(typeof WAVEFORM_SHAPES)[number], readonly string[]> = {
  step: ['amplitude'],
  train: ['amplitude'],
  ramp: ['from', 'to'],
  sine: ['amplitude', 'offset'],
  noise: ['mean', 'standardDeviation'],
};

export const waveformSchema = z
  .discriminatedUnion('shape', [stepSchema, trainSchema, rampSchema, sineSchema, noiseSchema], {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `one of ${WAVEFORM_SHAPES.join('|')}`
        : `an object whose shape is one of ${WAVEFORM_SHAPES.join('|')}`,
  })
  .transform((waveform, ctx): CurrentWaveform => {
    const fields = CURRENT_FIELDS[waveform.shape];
    const record = waveform as unknown as Record<string, CurrentValue>;
    let perArea: boolean | undefined;
    let first = '';
    for (const field of fields) {
      const kind = record[field].perArea;
      if (kind === undefined) continue;
      if (perArea === undefined) {
        perArea = kind;
        first = field;
      } else if (perArea !== kind) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          input: record[field].input,
          message:
            `${perArea ? 'a current density such as "10 uA/cm2"' : 'a current such as "0.1 nA" (a bare number is nA)'}, ` +
            `like ${first}: one waveform may not mix currents and current densities`,
        });
        return z.NEVER;
      }
    }
    const flag = perArea ?? false;
    switch (waveform.shape) {
      case 'step':
        return { ...waveform, amplitude: waveform.amplitude.value, perArea: flag };
      case 'train':
        return { ...waveform, amplitude: waveform.amplitude.value, perArea: flag };
      case 'ramp':
        return { ...waveform, from: waveform.from.value, to: waveform.to.value, perArea: flag };
      case 'sine':
        return { ...waveform, amplitude: waveform.amplitude.value, offset: waveform.offset.value, perArea: flag };
      case 'noise':
        return {
          ...waveform,
          mean: waveform.mean.value,
          standardDeviation: waveform.standardDeviation.value,
          perArea: flag,
        };
    }
  });

export const currentClampSchema = z.strictObject({
  kind: z.literal('current-clamp'),
  id: name('the stimulus').optional().meta({ description: 'Default iclamp0, iclamp1, ...' }),
  location: locationSchema,
  waveform: waveformSchema,
});

export const clampLevelSchema = z.strictObject({
  duration: positiveTime(),
  voltage: quantity('voltage'),
});

export const voltageClampSchema = z.strictObject({
  kind: z.literal('voltage-clamp'),
  id: name('the stimulus').optional().meta({ description: 'Default vclamp0, vclamp1, ...' }),
  location: locationSchema,
  levels: z
    .array(clampLevelSchema, { error: () => 'a list of at least one level { duration, voltage }' })
    .min(1, { error: () => 'a list of at least one level { duration, voltage }' }),
  seriesResistance: quantity('resistance', 'nonnegative').optional(),
});

export const STIMULUS_KINDS = ['current-clamp', 'voltage-clamp'] as const;

export const stimulusSchema = z.discriminatedUnion('kind', [currentClampSchema, voltageClampSchema], {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `one of ${STIMULUS_KINDS.join('|')}`
      : `an object whose kind is one of ${STIMULUS_KINDS.join('|')}`,
});

export const recordingSchema = z.strictObject({
  id: name('the recording').optional().meta({ description: 'Default <variable><n>, e.g. v0, hh_m0.' }),
  location: locationSchema,
  variable: z
    .string()
    .min(1)
    .default('v')
    .meta({ description: 'v, i_na, e_k, ca_inside, <mechanism>.<state or conductance>, <stimulus id>.i. Default v.' }),
});

export const spikeDetectorSchema = z.strictObject({
  id: name('the spike detector').optional().meta({ description: 'Default spike0, spike1, ...' }),
  location: locationSchema,
  threshold: quantityWithDefault('voltage', 'any', 0, '0 mV'),
  refractory: quantity('time', 'nonnegative')
    .optional()
    .meta({ description: 'Dead time after a spike during which crossings are not counted (as Brian2\'s refractory). Default 0.' }),
});

export const velocitySchema = z.strictObject({
  from: name('a spike detector'),
  to: name('a spike detector'),
});

export type RawStimulus = z.output<typeof stimulusSchema>;
export type RawRecording = z.output<typeof recordingSchema>;
export type RawSpikeDetector = z.output<typeof spikeDetectorSchema>;
