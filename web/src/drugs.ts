/**
 * Drugs and toxins for the lab. The library's catalogue (src/mechanisms/drugs.ts: IC50s and Hill coefficients with
 * their sources) is used when it is present at build time; otherwise the fallback below, with the same figures and
 * sources. A drug at concentration c leaves 1 / (1 + (c/IC50)^h) of its target working; the lab scales the mechanism
 * parameters whose `target` names that target (hh's gnabar, gkbar; the pump's imax), computed here rather than passed
 * as `model.drugs`, so the figures do not depend on whether the engine applies `drugs` yet.
 */
import { findMechanism } from '../../src/mechanisms/catalogue.js';

export interface DrugBlock {
  readonly target: string;
  /** mM. */
  readonly ic50: number;
  readonly hill: number;
  readonly citation: string;
}

export interface LabDrug {
  readonly name: string;
  readonly description: string;
  readonly targets: readonly DrugBlock[];
}

const SODIUM = 'voltage-gated sodium channel';
const DELAYED_RECTIFIER = 'delayed-rectifier potassium channel';
const PUMP = 'Na+/K+-ATPase';

/** Used only when the library has no drug catalogue. */
const FALLBACK: readonly LabDrug[] = [
  { name: 'ttx', description: 'Tetrodotoxin', targets: [{ target: SODIUM, ic50: 3.6e-6, hill: 1, citation: 'Schwarz, Ulbricht & Wagner (1973) J Physiol 233:167: K = 3.6 nM, one-to-one block (frog node).' }] },
  { name: 'tea', description: 'Tetraethylammonium', targets: [{ target: DELAYED_RECTIFIER, ic50: 0.4, hill: 1, citation: 'Hille (1967) J Gen Physiol 50:1287: external TEA on the delayed K+ current of frog node, K ~ 0.4 mM.' }] },
  { name: '4-ap', description: '4-Aminopyridine', targets: [{ target: DELAYED_RECTIFIER, ic50: 0.8, hill: 1, citation: 'Hermann & Gorman (1981) J Gen Physiol 78:63: delayed K+ current of Aplysia neurons, K ~ 0.8 mM.' }] },
  { name: 'ouabain', description: 'Ouabain', targets: [{ target: PUMP, ic50: 0.048, hill: 1, citation: "O'Brien, Lingrel & Wallick (1994) Arch Biochem Biophys 310:32: rat alpha1 Na,K-ATPase, IC50 48 uM." }] },
];

const FALLBACK_TARGETS: Record<string, Record<string, string>> = {
  hh: { gnabar: SODIUM, gkbar: DELAYED_RECTIFIER },
  'na-k-pump': { imax: PUMP },
};

type CatalogueModule = { DRUGS?: readonly LabDrug[] };
const modules = import.meta.glob<CatalogueModule>('../../src/mechanisms/drugs.ts', { eager: true });
const catalogue = Object.values(modules)[0]?.DRUGS;

/** True when the figures come from the library's catalogue. */
export const FROM_LIBRARY_CATALOGUE = Array.isArray(catalogue) && catalogue.length > 0;
export const LAB_DRUGS: readonly LabDrug[] = FROM_LIBRARY_CATALOGUE ? (catalogue as readonly LabDrug[]) : FALLBACK;

export function findLabDrug(name: string): LabDrug | undefined {
  return LAB_DRUGS.find((drug) => drug.name === name);
}

export function unblocked(concentration: number, ic50: number, hill: number): number {
  return concentration <= 0 ? 1 : 1 / (1 + Math.pow(concentration / ic50, hill));
}

/** The drug target of a mechanism parameter (from the catalogue's parameter metadata, or the fallback map). */
export function parameterTarget(mechanism: string, parameter: string): string | undefined {
  const definition = findMechanism(mechanism);
  const spec = definition?.parameters.find((p) => p.name === parameter) as { target?: string } | undefined;
  return spec?.target ?? FALLBACK_TARGETS[mechanism]?.[parameter];
}

/** The factor by which drugs at the given concentrations (mM, by drug name) scale a mechanism parameter. */
export function drugFactor(mechanism: string, parameter: string, concentrations: Readonly<Record<string, number>>): number {
  const target = parameterTarget(mechanism, parameter);
  if (!target) return 1;
  let factor = 1;
  for (const [name, concentration] of Object.entries(concentrations)) {
    const drug = findLabDrug(name);
    for (const block of drug?.targets ?? []) if (block.target === target) factor *= unblocked(concentration, block.ic50, block.hill);
  }
  return factor;
}
