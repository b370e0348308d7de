/**
 * Drugs and toxins for the lab, from the library's catalogue (src/mechanisms/drugs.ts: IC50s and Hill coefficients
 * with their sources). The lab passes drugs to the engine in the model (`Model.drugs`); what it shows ("channels
 * left unblocked") is the catalogue's own targetUnblockedFraction of the parameter's drug target, the number the
 * engine applies. No drug arithmetic here.
 */
import { findMechanism } from '../../src/mechanisms/catalogue.js';
import { DRUGS, targetUnblockedFraction, type DrugDefinition } from '../../src/mechanisms/drugs.js';
import type { DrugApplication } from '../../src/model/types.js';

export const LAB_DRUGS: readonly DrugDefinition[] = DRUGS;

export function findLabDrug(name: string): DrugDefinition | undefined {
  return LAB_DRUGS.find((drug) => drug.name === name);
}

/** The drug target of a mechanism parameter, from the catalogue's parameter metadata. */
export function parameterTarget(mechanism: string, parameter: string): string | undefined {
  return findMechanism(mechanism)?.parameters.find((p) => p.name === parameter)?.target;
}

/** Drug applications for a model from concentrations (mM) by catalogue name; drugs at zero are left out. */
export function drugApplications(concentrations: Readonly<Record<string, number>>): DrugApplication[] {
  return Object.entries(concentrations)
    .filter(([, concentration]) => concentration > 0)
    .map(([drug, concentration]) => ({ drug, concentration }));
}

/** The fraction of a mechanism parameter the engine keeps under these drugs (mM, by drug name): 1 without a target. */
export function drugFactor(mechanism: string, parameter: string, concentrations: Readonly<Record<string, number>>): number {
  const target = parameterTarget(mechanism, parameter);
  return target ? targetUnblockedFraction(drugApplications(concentrations), target) : 1;
}
