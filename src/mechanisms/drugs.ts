/**
 * The drug and toxin catalogue: what each blocks, how strongly (IC50, mM) and how steeply (Hill coefficient).
 * A drug at concentration c leaves a fraction 1/(1 + (c/IC50)^h) of each target working; the engine multiplies
 * every mechanism parameter whose `target` names that target (hh's gnabar, the pump's imax, ...) by it.
 *
 * Values are equilibrium, voltage-independent simplifications of blocks that are in reality often voltage and
 * use dependent (TEA, 4-AP): good for "what happens when", not for fitting a dose-response curve to data.
 * Which values were checked against the papers' abstracts and which are from memory is said per entry.
 */
import { describeValue, InputError } from '../units/errors.js';
import { DRUG_TARGETS } from './targets.js';

export interface DrugTargetBlock {
  /** One of DRUG_TARGETS. */
  readonly target: string;
  /** Concentration of half block, mM. */
  readonly ic50: number;
  /** Hill coefficient (1: one drug molecule per blocked channel or pump). */
  readonly hill: number;
  readonly citation: string;
}

export interface DrugDefinition {
  readonly name: string;
  /** Other names accepted by findDrug (matched case-insensitively). */
  readonly aliases: readonly string[];
  readonly description: string;
  readonly targets: readonly DrugTargetBlock[];
}

export const DRUGS: readonly DrugDefinition[] = [
  {
    name: 'ttx',
    aliases: ['tetrodotoxin'],
    description: 'Tetrodotoxin, the pufferfish toxin: blocks TTX-sensitive voltage-gated sodium channels from outside.',
    targets: [
      {
        target: DRUG_TARGETS.sodiumChannel,
        ic50: 3.6e-6,
        hill: 1,
        citation:
          'Schwarz JR, Ulbricht W, Wagner H-H (1973) J Physiol 233:167-194: one-to-one block of sodium channels of Xenopus nodes of Ranvier, K = 3.60 nM at room temperature (checked against the abstract). TTX-resistant Nav1.5/1.8/1.9 need ~1000-fold more.',
      },
    ],
  },
  {
    name: 'tea',
    aliases: ['tetraethylammonium'],
    description: 'Tetraethylammonium applied outside: blocks delayed-rectifier potassium channels.',
    targets: [
      {
        target: DRUG_TARGETS.delayedRectifier,
        ic50: 0.4,
        hill: 1,
        citation:
          'Hille B (1967) J Gen Physiol 50:1287-1302: external TEA on the delayed potassium current of frog nodes of Ranvier, K ~ 0.4 mM (from memory; see Hille 2001, ch. 20). The squid axon delayed rectifier is nearly insensitive to external TEA (blocked from inside); cloned Kv channels range from ~0.2 mM (Kv3) to ~5 mM (Kv2.1).',
      },
    ],
  },
  {
    name: '4-ap',
    aliases: ['4-aminopyridine', '4ap'],
    description: '4-Aminopyridine: blocks A-type and delayed-rectifier potassium channels (from inside, after crossing the membrane uncharged).',
    targets: [
      {
        target: DRUG_TARGETS.aType,
        ic50: 2,
        hill: 1,
        citation:
          'Thompson SH (1977) J Physiol 265:465-488: the transient K+ current of Tritonia neurones, "similar to the fast outward current described by Connor & Stevens (1971)", is blocked by external 4-AP, one 4-AP per receptor with an apparent dissociation constant of 1-5 mM (checked against the abstract). The catalogue A channel (a-type-potassium) is that gastropod current, so its IC50 is taken from this range: 2 mM, near its geometric middle (2.2 mM). Mammalian Kv4 (somatodendritic A-type) currents need ~5 mM (rat Kv4.2) and Kv1 channels 0.1-1 mM (both from memory). The real block of the molluscan A current is voltage and use dependent ("Aminopyridine block of transient potassium current", J Gen Physiol 1982 80:1, abstract checked).',
      },
      {
        target: DRUG_TARGETS.delayedRectifier,
        ic50: 0.8,
        hill: 1,
        citation:
          'Hermann A, Gorman ALF (1981) J Gen Physiol 78:63-86: delayed K+ current of Aplysia neurons, one 4-AP per site, apparent K ~ 0.8 mM at 0 mV, e-fold per 32 mV (checked against the abstract). Selectivity varies between preparations: in Tritonia the delayed current was not affected at concentrations that blocked the transient current (Thompson 1977, abstract checked). Kv1.5: 0.14 mM at +40 mV (Yamane et al. 1995 Am J Physiol 269:H556, abstract checked).',
      },
    ],
  },
  {
    name: 'ouabain',
    aliases: ['g-strophanthin'],
    description: 'Ouabain, a cardiac glycoside: inhibits the Na+/K+-ATPase from outside.',
    targets: [
      {
        target: DRUG_TARGETS.sodiumPump,
        ic50: 0.048,
        hill: 1,
        citation:
          "O'Brien WJ, Lingrel JB, Wallick ET (1994) Arch Biochem Biophys 310:32-39: rat alpha1 isoform (ouabain-resistant, the ubiquitous one) IC50 = 4.8e-5 M = 48 uM for Na,K-ATPase activity (checked against the abstract); the rat alpha2 and alpha3 isoforms bind ~1000-fold tighter (Kd 115 and 1.6 nM), as do human alpha1 pumps.",
      },
    ],
  },
];

export const DRUG_NAMES: readonly string[] = DRUGS.map((drug) => drug.name);

/** The fraction of a target left unblocked by a drug at `concentration` (mM): 1/(1 + (c/IC50)^h); 1 at c = 0. */
export function unblockedFraction(concentration: number, ic50: number, hill: number): number {
  if (concentration <= 0) return 1;
  return 1 / (1 + Math.pow(concentration / ic50, hill));
}

/**
 * The fraction of a drug target left working under several drugs at once: the product over every drug acting on
 * `target` of 1/(1 + ([D]/IC50)^h) (independent binding sites). The engine multiplies every mechanism parameter
 * marked with this target by it; the lab shows the same number as "channels left unblocked".
 * @param applications drugs by catalogue name (or alias) with concentrations in mM.
 */
export function targetUnblockedFraction(applications: readonly { readonly drug: string; readonly concentration: number }[], target: string): number {
  let factor = 1;
  for (const application of applications) {
    for (const block of findDrug(application.drug).targets) {
      if (block.target === target) factor *= unblockedFraction(application.concentration, block.ic50, block.hill);
    }
  }
  return factor;
}

/**
 * The drug named `name` or one of its aliases (case-insensitive, surrounding spaces ignored).
 * @throws InputError (field `drug`) listing the allowed names.
 */
export function findDrug(name: string): DrugDefinition {
  if (typeof name === 'string') {
    const key = name.trim().toLowerCase();
    const found = DRUGS.find((drug) => drug.name === key || drug.aliases.some((alias) => alias.toLowerCase() === key));
    if (found) return found;
  }
  const allowed = DRUGS.map((drug) => [drug.name, ...drug.aliases].join(' / ')).join(', ');
  throw new InputError('drug', describeValue(name), `one of ${allowed}`);
}
