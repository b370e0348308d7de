/**
 * Ion concentration presets for common preparations, each with its source. Concentrations in mM
 * (free, not total), temperature in K, permeabilities relative to K+ where the source gives them.
 */
import { describeValue, InputError } from '../units/index.js';
import type { PermeantIon } from './ghk.js';
import { lookupIon } from './ions.js';

/** One ion of a preset: symbol (see ions.ts), concentrations in mM, optional relative permeability. */
export interface PresetIon {
  readonly symbol: string;
  readonly inside: number;
  readonly outside: number;
  /** Permeability relative to K+ (dimensionless), where the source gives one. */
  readonly permeability?: number;
}

/** A named set of ion concentrations with its source. */
export interface IonPreset {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly source: string;
  /** Absolute temperature, K. */
  readonly temperature: number;
  readonly ions: readonly PresetIon[];
}

function freeze(preset: IonPreset): IonPreset {
  return Object.freeze({ ...preset, ions: Object.freeze(preset.ions.map((ion) => Object.freeze({ ...ion }))) });
}

/** The presets. */
export const ION_PRESETS: readonly IonPreset[] = Object.freeze([
  freeze({
    id: 'mammalian-neuron',
    name: 'Mammalian neuron',
    description:
      'Typical mammalian neuron at 37 degC. Where the source gives a range, a value inside it is used: ' +
      'Na+ in 12 (5-15), Cl- in 10 (4-30), Ca2+ out 2 (1-2).',
    source: 'Purves et al., Neuroscience, 6th ed. (Oxford University Press 2018), Table 2.1',
    temperature: 310.15,
    ions: [
      { symbol: 'K', inside: 140, outside: 5 },
      { symbol: 'Na', inside: 12, outside: 145 },
      { symbol: 'Cl', inside: 10, outside: 110 },
      { symbol: 'Ca', inside: 0.0001, outside: 2 },
    ],
  }),
  freeze({
    id: 'squid-giant-axon',
    name: 'Squid giant axon',
    description:
      'Loligo giant axon in sea water, with the resting permeability ratios P_K : P_Na : P_Cl = 1 : 0.04 : 0.45 ' +
      'of Hodgkin & Katz. GHK gives about -60 mV at the 20 degC used here (room temperature, as in the textbook example).',
    source:
      'K+, Na+, Cl-: Kandel, Schwartz & Jessell, Principles of Neural Science, 4th ed. (McGraw-Hill 2000), Table 7-1; ' +
      'Ca2+: Purves et al., Neuroscience, 6th ed. (2018), Table 2.1; permeabilities: Hodgkin & Katz, J. Physiol. 108:37 (1949)',
    temperature: 293.15,
    ions: [
      { symbol: 'K', inside: 400, outside: 20, permeability: 1 },
      { symbol: 'Na', inside: 50, outside: 440, permeability: 0.04 },
      { symbol: 'Cl', inside: 52, outside: 560, permeability: 0.45 },
      { symbol: 'Ca', inside: 0.0001, outside: 10 },
    ],
  }),
  freeze({
    id: 'mammalian-skeletal-muscle',
    name: 'Mammalian skeletal muscle',
    description:
      'Free ion concentrations in mammalian skeletal muscle at 37 degC; internal Ca2+ is given as < 1e-4 mM, ' +
      'and that bound is used.',
    source:
      'Hille, Ion Channels of Excitable Membranes, 3rd ed. (Sinauer 2001), Table 1.1',
    temperature: 310.15,
    ions: [
      { symbol: 'Na', inside: 12, outside: 145 },
      { symbol: 'K', inside: 155, outside: 4 },
      { symbol: 'Ca', inside: 0.0001, outside: 1.5 },
      { symbol: 'Cl', inside: 4.2, outside: 123 },
      { symbol: 'HCO3', inside: 12, outside: 27 },
    ],
  }),
  freeze({
    id: 'cardiac-ventricular-myocyte',
    name: 'Cardiac ventricular myocyte (guinea pig)',
    description: 'Standard concentrations of the Luo-Rudy dynamic (LRd) ventricular model at 37 degC.',
    source:
      'Luo & Rudy, "A dynamic model of the cardiac ventricular action potential", Circ. Res. 74:1071 (1994), Table 1',
    temperature: 310.15,
    ions: [
      { symbol: 'Na', inside: 10, outside: 140 },
      { symbol: 'K', inside: 145, outside: 5.4 },
      { symbol: 'Ca', inside: 0.00012, outside: 1.8 },
    ],
  }),
]);

/**
 * Finds a preset by id (case-insensitive).
 *
 * @throws InputError (field `preset`) for an unknown id, listing the allowed ids.
 */
export function findPreset(id: string): IonPreset {
  const wanted = typeof id === 'string' ? id.trim().toLowerCase() : undefined;
  const preset = ION_PRESETS.find((candidate) => candidate.id === wanted);
  if (preset === undefined) {
    throw new InputError('preset', describeValue(id), `one of ${ION_PRESETS.map((p) => `"${p.id}"`).join(', ')}`);
  }
  return preset;
}

/**
 * The ions of a preset that have a permeability, with their valences, ready for ghkPotential.
 * Reference for valences: ions.ts.
 *
 * @throws InputError (field `ions`) when no ion of the preset has a permeability.
 */
export function presetPermeantIons(preset: IonPreset): PermeantIon[] {
  const ions = preset.ions
    .filter((ion) => ion.permeability !== undefined)
    .map((ion) => ({
      valence: lookupIon(ion.symbol).valence,
      inside: ion.inside,
      outside: ion.outside,
      permeability: ion.permeability as number,
    }));
  if (ions.length === 0) {
    throw new InputError('ions', describeValue(preset.id), 'a preset that gives permeabilities (e.g. "squid-giant-axon")');
  }
  return ions;
}
