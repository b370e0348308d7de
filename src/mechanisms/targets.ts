/**
 * The names of the molecular targets that drugs and toxins act on (see drugs.ts). A mechanism parameter that a
 * drug scales carries one of these as its `target` (e.g. hh's gnabar: the voltage-gated sodium channel), so that
 * applying a drug multiplies every parameter with that target by the drug's unblocked fraction.
 */
export const DRUG_TARGETS = {
  sodiumChannel: 'voltage-gated sodium channel',
  delayedRectifier: 'delayed-rectifier potassium channel',
  aType: 'A-type potassium channel',
  sodiumPump: 'Na+/K+-ATPase',
} as const;

export type DrugTarget = (typeof DRUG_TARGETS)[keyof typeof DRUG_TARGETS];
