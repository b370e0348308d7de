/**
 * Input schemas of the four morphologies: `single` (one compartment), `cable` (an unbranched cable),
 * `sections` (a tree of sections) and `points` (SWC points). Lengths and diameters in um.
 * Tree checks (one root, known parents, no cycles) need the whole list and live in ./resolve.ts.
 */
import { z } from 'zod';
import type { Section, SwcPoint } from './types.js';
import { listOf, name, plainNumber, positiveInteger, quantity, quantityWithDefault } from './quantity-schema.js';

/** A length or diameter of the cell, in the plausible range of a piece of a cell (GEOMETRY_RANGE). */
const length = () => quantity('length', 'geometry');

/**
 * One compartment: `length` and `diameter`, or `area` alone (a cylinder as long as it is wide, the NEURON idiom
 * `L = diam = sqrt(area / PI)`).
 */
export const singleMorphologySchema = z
  .strictObject({
    kind: z.literal('single'),
    section: name('the section').default('soma').meta({ description: 'Name of the only section. Default soma.' }),
    length: length().optional(),
    diameter: length().optional(),
    area: quantity('area', 'positive').optional(),
  })
  .transform((input, ctx) => {
    const { kind, section } = input;
    if (input.area !== undefined) {
      if (input.length !== undefined || input.diameter !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['area'],
          input: input.area,
          message: 'either area alone or length and diameter, not both',
        });
        return z.NEVER;
      }
      const side = Math.sqrt(input.area / Math.PI);
      return { kind, section, length: side, diameter: side };
    }
    if (input.length === undefined || input.diameter === undefined) {
      const missing = input.length === undefined ? 'length' : 'diameter';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        input: undefined,
        message: `a positive ${missing} such as "20 um" (a single compartment needs length and diameter, or area alone)`,
      });
      return z.NEVER;
    }
    return { kind, section, length: input.length, diameter: input.diameter };
  });

export const cableMorphologySchema = z
  .strictObject({
    kind: z.literal('cable'),
    section: name('the section').default('cable').meta({ description: 'Name of the only section. Default cable.' }),
    length: length(),
    diameter: length(),
    compartments: positiveInteger('the number of equal segments, NEURON nseg'),
    region: name('the region').optional().meta({ description: 'Region of the cable, for mechanism placement. Default the section name.' }),
  })
  .transform(({ region, ...rest }) => ({ ...rest, region: region ?? rest.section }));

/** A section: a cylinder (`diameter`) or a truncated cone (`diameterStart`, `diameterEnd`). */
export const sectionSchema = z
  .strictObject({
    id: name('the section'),
    parent: name('the parent section').optional(),
    parentPosition: plainNumber('fraction', 'where on the parent, 0 = start, 1 = end').default(1),
    length: length(),
    diameter: length().optional(),
    diameterStart: length().optional(),
    diameterEnd: length().optional(),
    compartments: positiveInteger('equal segments, NEURON nseg').default(1),
    regions: listOf(name('a region'), 'region names').min(1, { error: () => 'a list of at least one region name' }).optional().meta({ description: 'Regions for mechanism placement. Default [id].' }),
  })
  .transform((input, ctx): Section => {
    const { id, parent, parentPosition, length: sectionLength, compartments } = input;
    let diameterStart: number;
    let diameterEnd: number;
    if (input.diameter !== undefined) {
      if (input.diameterStart !== undefined || input.diameterEnd !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['diameter'],
          input: input.diameter,
          message: 'either diameter (a cylinder) or diameterStart and diameterEnd (a cone), not both',
        });
        return z.NEVER;
      }
      diameterStart = diameterEnd = input.diameter;
    } else if (input.diameterStart !== undefined && input.diameterEnd !== undefined) {
      diameterStart = input.diameterStart;
      diameterEnd = input.diameterEnd;
    } else {
      const missing = input.diameterStart === undefined && input.diameterEnd === undefined ? 'diameter' : input.diameterStart === undefined ? 'diameterStart' : 'diameterEnd';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        input: undefined,
        message: 'a positive length such as "2 um": give diameter (a cylinder) or diameterStart and diameterEnd (a cone)',
      });
      return z.NEVER;
    }
    const section: Section = {
      id,
      ...(parent !== undefined ? { parent } : {}),
      parentPosition,
      length: sectionLength,
      diameterStart,
      diameterEnd,
      compartments,
      regions: input.regions ?? [id],
    };
    return section;
  });

export const sectionsMorphologySchema = z.strictObject({
  kind: z.literal('sections'),
  sections: listOf(sectionSchema, 'sections (at least one)').min(1, { error: () => 'a list of sections (at least one)' }),
});

const swcInteger = (what: string) => {
  const allowed = `a whole number (${what})`;
  return z.number({ error: () => allowed }).int({ error: () => allowed });
};

export const swcPointSchema = z
  .strictObject({
    id: swcInteger('the point id'),
    type: swcInteger('SWC type: 1 soma, 2 axon, 3 basal dendrite, 4 apical dendrite').min(0, { error: () => 'a whole number >= 0 (SWC type: 1 soma, 2 axon, 3 basal dendrite, 4 apical dendrite)' }),
    x: quantity('length'),
    y: quantity('length'),
    z: quantity('length'),
    radius: quantity('length', 'geometry'),
    parent: swcInteger('the parent point id, -1 for the root'),
  })
  .transform((point): SwcPoint => point);

export const pointsMorphologySchema = z.strictObject({
  kind: z.literal('points'),
  points: listOf(swcPointSchema, 'SWC points (at least one)').min(1, { error: () => 'a list of SWC points (at least one)' }),
  maximumCompartmentLength: quantityWithDefault('length', 'positive', 20, '20 um'),
});

export const MORPHOLOGY_KINDS = ['single', 'cable', 'sections', 'points'] as const;

export const morphologySchema = z.discriminatedUnion(
  'kind',
  [singleMorphologySchema, cableMorphologySchema, sectionsMorphologySchema, pointsMorphologySchema],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `one of ${MORPHOLOGY_KINDS.join('|')}`
        : `an object whose kind is one of ${MORPHOLOGY_KINDS.join('|')}`,
  },
);

/** Region names of SWC point types (the engine's discretisation uses the same): 1 soma, 2 axon, 3 basal, 4 apical. */
export function swcRegion(type: number): string {
  switch (type) {
    case 1:
      return 'soma';
    case 2:
      return 'axon';
    case 3:
      return 'basal';
    case 4:
      return 'apical';
    default:
      return `type${type}`;
  }
}
