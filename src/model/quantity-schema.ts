/**
 * zod schemas for quantities in a model file: a number already in the canonical unit (mV, ms, um, ...) or a
 * string with its unit (`"-65 mV"`, `"120 mS/cm2"`), converted once by ../units `parseQuantity`.
 * Temperatures are strings with units only (`"6.3 degC"`, `"279.45 K"`): a bare number would be ambiguous.
 */
import { z } from 'zod';
import { ACCEPTED_RANGES, isInAcceptedRange, type RangedKind } from '../core/validation.js';
import { InputError } from '../units/errors.js';
import { CANONICAL_UNITS, QUANTITY_EXAMPLES, QUANTITY_KIND_NAMES, type QuantityKind } from '../units/kinds.js';
import { parseQuantity } from '../units/quantity.js';

/** A range check applied after conversion. */
export type Constraint = 'any' | 'positive' | 'nonnegative' | 'fraction' | 'geometry';

/**
 * The plausible size of a piece of a cell (a length or a diameter, um): from 1 nm, below the thickness of the
 * membrane itself (~5 nm) and so below any compartment a cable model can mean, to 10 m, longer than the longest axon
 * (a few metres, in whales and giraffes). Outside it a number is a slip of the unit (1e-320 nm, 1e300 um), and the
 * simulation would only fail later with a meaningless NaN.
 */
export const GEOMETRY_RANGE = Object.freeze({ minimum: 1e-3, maximum: 1e7, text: 'from 0.001 to 1e7 um (1 nm to 10 m)' });

const CONSTRAINT_TEXT: Record<Constraint, string> = {
  any: '',
  positive: 'positive ',
  nonnegative: 'non-negative ',
  fraction: '',
  geometry: 'positive ',
};

function satisfies(value: number, constraint: Constraint): boolean {
  switch (constraint) {
    case 'positive':
      return value > 0;
    case 'nonnegative':
      return value >= 0;
    case 'fraction':
      return value >= 0 && value <= 1;
    case 'geometry':
      return value >= GEOMETRY_RANGE.minimum && value <= GEOMETRY_RANGE.maximum;
    default:
      return true;
  }
}

/** "a positive length: a number in um or text with a unit such as \"20 um\"". */
export function quantityAllowed(kind: QuantityKind, constraint: Constraint = 'any'): string {
  const name = QUANTITY_KIND_NAMES[kind].replace(/^an? /, '');
  const qualifier = CONSTRAINT_TEXT[constraint];
  const article = /^[aeiou]/.test(qualifier || name) ? 'an' : 'a';
  const range = constraint === 'fraction' ? ' from 0 to 1' : constraint === 'geometry' ? ` ${GEOMETRY_RANGE.text}` : '';
  if (kind === 'temperature') return `${article} ${qualifier}${name} written with its unit, such as "6.3 degC" or "279.45 K"`;
  return `${article} ${qualifier}${name}${range}: a number in ${CANONICAL_UNITS[kind]} or text with a unit such as "${QUANTITY_EXAMPLES[kind]}"`;
}

/** Reports a failed conversion or range check as a custom zod issue whose message is the "allowed" text. */
type Context = { addIssue(issue: { code: 'custom'; message: string; input: unknown }): void };

function convert(value: number | string, kind: QuantityKind, constraint: Constraint, ctx: Context): number {
  let result: number;
  try {
    result = parseQuantity(value, kind, 'value');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.allowed, input: value });
    return z.NEVER;
  }
  if (!satisfies(result, constraint)) {
    ctx.addIssue({ code: 'custom', message: quantityAllowed(kind, constraint), input: value });
    return z.NEVER;
  }
  if (isRanged(kind) && !isInAcceptedRange(kind, result)) {
    ctx.addIssue({ code: 'custom', message: `${quantityAllowed(kind, constraint)}, ${ACCEPTED_RANGES[kind].text}`, input: value });
    return z.NEVER;
  }
  return result;
}

/**
 * Concentrations, temperatures and voltages get the range the calculators accept (../core/validation.ts
 * ACCEPTED_RANGES), so a model file cannot hold a value that `membrane nernst` or `ghk` would refuse.
 */
function isRanged(kind: QuantityKind): kind is RangedKind {
  return kind === 'concentration' || kind === 'temperature' || kind === 'voltage';
}

/** A quantity of `kind`, checked against `constraint`, converted to the canonical unit. */
export function quantity(kind: QuantityKind, constraint: Constraint = 'any') {
  const allowed = quantityAllowed(kind, constraint);
  const base =
    kind === 'temperature'
      ? z.string({ error: () => allowed })
      : z.union([z.number(), z.string()], { error: () => allowed });
  return base
    .transform((value, ctx) => convert(value, kind, constraint, ctx))
    .meta({ description: `${allowed}.` });
}

/** Same as `quantity`, with a default (canonical value, and how to write it in a file, for the docs). */
export function quantityWithDefault(kind: QuantityKind, constraint: Constraint, canonical: number, written: string) {
  return quantity(kind, constraint)
    .default(canonical)
    .meta({ description: `${quantityAllowed(kind, constraint)}. Default ${written}.` });
}

/** A whole number > 0 (compartments, gate powers, pulse counts). */
export function positiveInteger(what: string) {
  const allowed = `a positive whole number (${what})`;
  return z.number({ error: () => allowed }).int({ error: () => allowed }).positive({ error: () => allowed });
}

/** A rate in 1/ms: a number, or text in a frequency unit (`"0.1 /ms"`, `"100 Hz"`). */
export function rate(constraint: Constraint = 'any') {
  const allowed = `a ${CONSTRAINT_TEXT[constraint]}rate: a number in 1/ms or text with a unit such as "0.1 /ms" or "100 Hz"`;
  return z
    .union([z.number(), z.string()], { error: () => allowed })
    .transform((value, ctx) => {
      let perSecond: number;
      try {
        perSecond = typeof value === 'number' ? value * 1000 : parseQuantity(value, 'frequency', 'value');
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        ctx.addIssue({ code: 'custom', message: allowed, input: value });
        return z.NEVER;
      }
      // Numbers pass through untouched (no round trip through Hz), text is converted from Hz.
      const perMs = typeof value === 'number' ? value : perSecond / 1000;
      if (!Number.isFinite(perMs) || !satisfies(perMs, constraint)) {
        ctx.addIssue({ code: 'custom', message: allowed, input: value });
        return z.NEVER;
      }
      return perMs;
    })
    .meta({ description: `${allowed}.` });
}

/** A finite plain number, with a range check. */
export function plainNumber(constraint: Constraint, what: string) {
  const allowed = `a ${CONSTRAINT_TEXT[constraint]}number${constraint === 'fraction' ? ' from 0 to 1' : ''} (${what})`;
  return z
    .number({ error: () => allowed })
    .refine((value) => Number.isFinite(value) && satisfies(value, constraint), { error: () => allowed })
    .meta({ description: `${allowed}.` });
}

/** Identifier-like names (ids, sections, regions, mechanisms): non-empty, no spaces or dots. */
export function name(what: string) {
  const allowed = `a name for ${what}: letters, digits, _ and - (no spaces or dots)`;
  return z
    .string({ error: () => allowed })
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_-]*$/, { error: () => allowed })
    .meta({ description: allowed });
}

/** A list, with an error that says what it is a list of. */
export function listOf<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: () => `a list of ${what}` });
}
