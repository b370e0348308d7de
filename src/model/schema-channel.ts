/**
 * Input schemas of channels written as data: Hodgkin-Huxley-type gates with NeuroML2's rate forms.
 * A gate is either a rate gate (`alpha`, `beta` in 1/ms) or a steady-state gate (`steadyState` dimensionless,
 * `timeConstant` in ms). Voltages (`midpoint`, `scale`) in mV.
 */
import { z } from 'zod';
import type { ChannelDefinition, GateDefinition, RateFunction } from './types.js';
import { ION_NAMES } from './schema-cell.js';
import { listOf, name, plainNumber, positiveInteger, quantity, quantityWithDefault, rate } from './quantity-schema.js';

export const RATE_FORMS = ['exponential', 'sigmoid', 'exp-linear', 'constant'] as const;

/**
 * A rate function whose `rate` is in the given unit: 1/ms for alpha and beta, dimensionless for a steady state,
 * ms for a time constant.
 */
function rateFunctionSchema(role: 'rate' | 'steadyState' | 'timeConstant') {
  const value =
    role === 'rate'
      ? () => rate('any')
      : role === 'timeConstant'
        ? () => quantity('time')
        : () => plainNumber('any', 'the maximum of the steady state, normally 1');
  const voltageShaped = <Form extends 'exponential' | 'sigmoid' | 'exp-linear'>(form: Form) =>
    z.strictObject({
      form: z.literal(form),
      rate: value(),
      midpoint: quantity('voltage'),
      scale: quantity('voltage').refine((s) => s !== 0, { error: () => 'a non-zero voltage such as "10 mV" (the scale divides v - midpoint)' }),
    });
  return z
    .discriminatedUnion(
      'form',
      [
        voltageShaped('exponential'),
        voltageShaped('sigmoid'),
        voltageShaped('exp-linear'),
        z.strictObject({ form: z.literal('constant'), rate: value() }),
      ],
      {
        error: (issue) =>
          issue.code === 'invalid_union'
            ? `one of ${RATE_FORMS.join('|')}`
            : `an object whose form is one of ${RATE_FORMS.join('|')}`,
      },
    )
    .transform((f): RateFunction => f);
}

export const gateSchema = z
  .strictObject({
    name: name('the gate'),
    power: positiveInteger('how many times the gate multiplies the conductance').default(1),
    alpha: rateFunctionSchema('rate').optional(),
    beta: rateFunctionSchema('rate').optional(),
    steadyState: rateFunctionSchema('steadyState').optional(),
    timeConstant: rateFunctionSchema('timeConstant').optional(),
  })
  .transform((gate, ctx): GateDefinition => {
    const { name: gateName, power, alpha, beta, steadyState, timeConstant } = gate;
    const hasRates = alpha !== undefined || beta !== undefined;
    const hasSteady = steadyState !== undefined || timeConstant !== undefined;
    if (hasRates && hasSteady) {
      ctx.addIssue({
        code: 'custom',
        path: [alpha !== undefined ? 'alpha' : 'beta'],
        input: alpha ?? beta,
        message: 'either alpha and beta (a rate gate) or steadyState and timeConstant (a steady-state gate), not both',
      });
      return z.NEVER;
    }
    if (hasSteady) {
      if (steadyState === undefined || timeConstant === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [steadyState === undefined ? 'steadyState' : 'timeConstant'],
          input: undefined,
          message: 'a rate function such as { form: sigmoid, rate: 1, midpoint: "-40 mV", scale: "10 mV" } (a steady-state gate needs steadyState and timeConstant)',
        });
        return z.NEVER;
      }
      return { name: gateName, power, steadyState, timeConstant };
    }
    if (alpha === undefined || beta === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [alpha === undefined ? 'alpha' : 'beta'],
        input: undefined,
        message: 'a rate function such as { form: exp-linear, rate: 1, midpoint: "-40 mV", scale: "10 mV" } (a rate gate needs alpha and beta)',
      });
      return z.NEVER;
    }
    return { name: gateName, power, alpha, beta };
  });

const citationObject = z.strictObject({ source: z.string().min(1), note: z.string().optional() });

/** A citation: `{ source, note? }`, or just the source as text. */
export const citationSchema = z
  .union([z.string().min(1), citationObject], { error: () => 'text naming the source, or an object { source, note }' })
  .transform((c) => (typeof c === 'string' ? { source: c } : c));

export const channelSchema = z
  .strictObject({
    name: name('the channel'),
    ion: z.enum([...ION_NAMES, 'nonspecific']),
    conductance: quantity('specificConductance', 'nonnegative').meta({ description: 'Default maximal conductance, S/cm2.' }),
    reversal: quantity('voltage').optional(),
    gates: listOf(gateSchema, 'gates { name, power, alpha, beta } or { name, power, steadyState, timeConstant }').default([]),
    rateTemperature: quantityWithDefault('temperature', 'any', 279.45, '6.3 degC'),
    q10: plainNumber('positive', 'the factor per 10 degC of the rates').default(1),
    citation: citationSchema.optional(),
  })
  .transform((channel, ctx): ChannelDefinition => {
    if (channel.ion === 'nonspecific' && channel.reversal === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reversal'],
        input: undefined,
        message: 'a voltage such as "-54.3 mV" (a nonspecific channel needs its reversal potential)',
      });
      return z.NEVER;
    }
    const { reversal, citation, ...rest } = channel;
    return {
      ...rest,
      ...(reversal !== undefined ? { reversal } : {}),
      ...(citation !== undefined ? { citation } : {}),
    };
  });
