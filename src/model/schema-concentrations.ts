/**
 * Input schema of a cell's moving concentrations (`cells[].concentrations`): which ions change with their currents,
 * an optional restricted space outside the membrane (Frankenhaeuser & Hodgkin 1956), impermeant anions inside, and a
 * volume that follows water flux. The checks against the cell (ion settings, morphology) are in ./resolve.ts.
 */
import { z } from 'zod';
import type { IonName } from './types.js';
import { listOf, quantity, quantityAllowed } from './quantity-schema.js';

export const ION_NAMES = ['na', 'k', 'cl', 'ca'] as const satisfies readonly IonName[];

/**
 * Inside and outside concentrations (mM) given to a dynamic ion that has no entry in the cell's `ions`: NEURON's
 * default ion concentrations (nai0 10, nao0 140, ki0 54.4, ko0 2.5, cai0 5e-5, cao0 2 mM) and cl 10 / 110 mM.
 */
export const DEFAULT_ION_CONCENTRATIONS: Readonly<Record<IonName, { readonly inside: number; readonly outside: number }>> = Object.freeze({
  na: Object.freeze({ inside: 10, outside: 140 }),
  k: Object.freeze({ inside: 54.4, outside: 2.5 }),
  cl: Object.freeze({ inside: 10, outside: 110 }),
  ca: Object.freeze({ inside: 5e-5, outside: 2 }),
});

const NEGATIVE_VALENCE = 'a negative whole number: the charge of one impermeant anion, such as -1';

export const outsideSpaceSchema = z
  .strictObject({
    thickness: quantity('length', 'positive')
      .meta({ description: `${quantityAllowed('length', 'positive')}. Thickness of the space around the membrane (required), e.g. "30 nm".` }),
    bathTimeConstant: quantity('time', 'positive')
      .optional()
      .meta({ description: `${quantityAllowed('time', 'positive')}. Time constant of exchange with the bath. Default none: a closed space, no exchange with the bath.` }),
  })
  .meta({ description: 'A restricted extracellular space (Frankenhaeuser & Hodgkin 1956) whose concentrations move too.' });

export const impermeantAnionsSchema = z
  .strictObject({
    concentration: quantity('concentration', 'positive')
      .meta({ description: `${quantityAllowed('concentration', 'positive')}. Inside concentration at t = 0 (required).` }),
    valence: z
      .number({ error: () => NEGATIVE_VALENCE })
      .int({ error: () => NEGATIVE_VALENCE })
      .negative({ error: () => NEGATIVE_VALENCE })
      .meta({ description: `${NEGATIVE_VALENCE} (required).` }),
  })
  .meta({ description: 'Impermeant anions inside the cell.' });

export const calciumBufferSchema = z
  .strictObject({
    total: quantity('concentration', 'positive')
      .meta({ description: `${quantityAllowed('concentration', 'positive')}. Total buffer concentration (required), e.g. "0.1 mM".` }),
    dissociation: quantity('concentration', 'positive')
      .meta({ description: `${quantityAllowed('concentration', 'positive')}. Dissociation constant Kd (required), e.g. "1 uM".` }),
  })
  .meta({ description: 'A fast Ca2+ buffer in equilibrium with free calcium (needs "ca" among the dynamic ions).' });

export const concentrationsSchema = z
  .strictObject({
    dynamic: listOf(z.enum(ION_NAMES), `ion names (${ION_NAMES.join('|')})`)
      .min(1, { error: () => `a list of at least one ion name (${ION_NAMES.join('|')})` })
      .meta({ description: 'Ions whose inside concentrations move with their currents (required); each needs reversal "nernst".' }),
    outsideSpace: outsideSpaceSchema.optional(),
    impermeantAnions: impermeantAnionsSchema.optional(),
    waterPermeability: quantity('permeability', 'positive')
      .optional()
      .meta({ description: `${quantityAllowed('permeability', 'positive')}. Water permeability: the volume follows the osmotic balance (single morphologies only). Default none: a fixed volume.` }),
    calciumBuffer: calciumBufferSchema.optional(),
  })
  .meta({ description: 'Concentrations that move with the ionic currents. Default none: fixed concentrations.' });

export type RawConcentrations = z.output<typeof concentrationsSchema>;
