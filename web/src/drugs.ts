/**
 * Drugs and toxins for the lab, from the library's catalogue (src/mechanisms/drugs.ts: IC50s and Hill coefficients
 * with their sources). A drug at concentration c leaves 1 / (1 + (c/IC50)^h) of its target working; the lab scales
 * the mechanism parameters whose `target` names that target (hh's gnabar, gkbar; the pump's imax), as the engine does
 * for a model's `drugs`, so that the sliders can show each factor.
 */
import { findMechanism } from '../../src/mechanisms/catalogue.js';
import { DRUGS, unblockedFraction, type DrugDefinition } from '../../src/mechanisms/drugs.js';

export const LAB_DRUGS: readonly DrugDefinition[] = DRUGS;

export function findLabDrug(name: string): DrugDefinition | undefined {
  return LAB_DRUGS.find((drug) => drug.name === name);
}

export function unblocked(concentration: number, ic50: number, hill: number): number {
  return concentration <= 0 ? 1 : unblockedFraction(concentration, ic50, hill);
}

/** The drug target of a mechanism parameter, from the catalogue's parameter metadata. */
export function parameterTarget(mechanism: string, parameter: string): string | undefined {
  return findMechanism(mechanism)?.parameters.find((p) => p.name === parameter)?.target;
}

/** The factor by which drugs at the given concentrations (mM, by drug name) scale a mechanism parameter. */
export function drugFactor(mechanism: string, parameter: string, concentrations: Readonly<Record<string, number>>): number {
  const target = parameterTarget(mechanism, parameter);
  if (!target) return 1;
  let factor = 1;
  for (const [name, concentration] of Object.entries(concentrations)) {
    for (const block of findLabDrug(name)?.targets ?? []) if (block.target === target) factor *= unblocked(concentration, block.ic50, block.hill);
  }
  return factor;
}
