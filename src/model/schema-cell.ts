/**
 * Input schemas of a cell: its morphology, membrane properties, ions and mechanisms placed on regions.
 * Mechanism parameter values stay raw here (a number or text with a unit): their kind depends on the mechanism,
 * so ./resolve.ts converts them.
 */
import { z } from 'zod';
import type { IonSettings, MembraneProperties } from './types.js';
import { morphologySchema } from './schema-morphology.js';
import { listOf, name, quantity, quantityAllowed, quantityWithDefault } from './quantity-schema.js';
import { concentrationsSchema, ION_NAMES } from './schema-concentrations.js';

export { ION_NAMES };

/** Defaults: 1 uF/cm2, 35.4 ohm*cm, -65 mV (NEURON's defaults). */
export const DEFAULT_MEMBRANE: MembraneProperties = Object.freeze({
  capacitance: 1,
  axialResistivity: 35.4,
  initialVoltage: -65,
});

export const membraneSchema = z
  .strictObject({
    capacitance: quantityWithDefault('specificCapacitance', 'positive', DEFAULT_MEMBRANE.capacitance, '1 uF/cm2'),
    axialResistivity: quantityWithDefault('resistivity', 'positive', DEFAULT_MEMBRANE.axialResistivity, '35.4 ohm*cm'),
    initialVoltage: quantityWithDefault('voltage', 'any', DEFAULT_MEMBRANE.initialVoltage, '-65 mV'),
  })
  .default(DEFAULT_MEMBRANE)
  .meta({ description: 'Membrane properties. Default capacitance 1 uF/cm2, axialResistivity 35.4 ohm*cm, initialVoltage -65 mV.' });

/** NEURON's default reversal potentials of hh.mod's ions: ENa 50 mV, EK -77 mV. */
export const DEFAULT_IONS: readonly IonSettings[] = Object.freeze([
  Object.freeze({ ion: 'na', reversal: 50 }),
  Object.freeze({ ion: 'k', reversal: -77 }),
]) as readonly IonSettings[];

const ionNameSchema = z.enum(ION_NAMES);

const reversalSchema = z.union([z.literal('nernst'), quantity('voltage')], {
  error: () => 'a voltage such as "50 mV" (a number in mV), or "nernst" to compute it from inside and outside',
});

export const ionSchema = z
  .strictObject({
    ion: ionNameSchema,
    inside: quantity('concentration', 'positive').optional(),
    outside: quantity('concentration', 'positive').optional(),
    reversal: reversalSchema,
  })
  .transform((input, ctx): IonSettings => {
    if (input.reversal === 'nernst') {
      for (const side of ['inside', 'outside'] as const) {
        if (input[side] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [side],
            input: undefined,
            message: `a positive concentration such as "${side === 'inside' ? '10 mM' : '140 mM'}" (reversal "nernst" needs inside and outside)`,
          });
        }
      }
    }
    const { ion, inside, outside, reversal } = input;
    return {
      ion,
      ...(inside !== undefined ? { inside } : {}),
      ...(outside !== undefined ? { outside } : {}),
      reversal,
    };
  });

const rawParameterSchema = z.union([z.number(), z.string()], {
  error: () => 'a number in the parameter\'s canonical unit, or text with a unit such as "0.12 S/cm2"',
});

export const placementSchema = z
  .strictObject({
    mechanism: name('the mechanism (a catalogue name such as hh, pas, traub-miles, or a channel of this model)'),
    regions: listOf(name('a region'), 'region names').min(1, { error: () => 'a list of at least one region name' }).optional().meta({ description: 'Regions it is placed on. Default every section.' }),
    parameters: z
      .record(z.string(), rawParameterSchema)
      .default({})
      .meta({ description: 'Parameter overrides by name: numbers in canonical units or text with units. Default none.' }),
  });

/** Membrane properties that differ on some regions: `{ regions, capacitance?, axialResistivity? }`. */
export const regionMembraneSchema = z.strictObject({
  regions: listOf(name('a region'), 'region names')
    .min(1, { error: () => 'a list of at least one region name' })
    .meta({ description: 'Regions of this cell the values apply to (required).' }),
  capacitance: quantity('specificCapacitance', 'positive')
    .optional()
    .meta({ description: `${quantityAllowed('specificCapacitance', 'positive')}. Specific capacitance on these regions. Default the cell membrane's.` }),
  axialResistivity: quantity('resistivity', 'positive')
    .optional()
    .meta({ description: `${quantityAllowed('resistivity', 'positive')}. Axial resistivity on these regions. Default the cell membrane's.` }),
});

export const cellSchema = z.strictObject({
  id: name('the cell').optional().meta({ description: 'Default cell0, cell1, ...' }),
  morphology: morphologySchema,
  membrane: membraneSchema,
  mechanisms: listOf(placementSchema, 'mechanism placements { mechanism, regions, parameters }').default([]),
  ions: listOf(ionSchema, 'ion settings { ion, inside, outside, reversal }')
    .default([])
    .meta({ description: 'Ion settings; na (reversal 50 mV) and k (-77 mV) are always present unless given here.' }),
  regionMembrane: listOf(regionMembraneSchema, 'region membranes { regions, capacitance, axialResistivity }')
    .default([])
    .meta({ description: 'Capacitance and axial resistivity that differ on some regions (later entries win). Default none.' }),
  concentrations: concentrationsSchema.optional(),
});

export type RawCell = z.output<typeof cellSchema>;
export type RawPlacement = z.output<typeof placementSchema>;
export type RawRegionMembrane = z.output<typeof regionMembraneSchema>;
