/**
 * Resting potential: every figure from the library's electrochemistry (src/core). Pure TS, no DOM.
 * Permeabilities are relative to P_K; P_K itself (cm/s) sets the conductances, so the circuit and the time constant
 * have absolute values. Conductances are the GHK chord conductances at the resting potential,
 * g_i = I_i(V_rest) / (V_rest - E_i), so the circuit's chord potential is the GHK potential exactly.
 */
import {
  chargeSeparation,
  equivalentCircuit,
  ghkCurrentDensity,
  ghkPotential,
  ionFlow,
  ION_PRESETS,
  lookupIon,
  nernstPotential,
  sphereGeometry,
  thermalVoltage,
  transferFreeEnergy,
  type ChargeSeparation,
  type EquivalentCircuit,
  type IonFlow,
} from '../../../../src/core/index.js';
import { AVOGADRO, ELEMENTARY_CHARGE, ZERO_CELSIUS } from '../../../../src/units/index.js';
import { parameterSlider } from '../../common/parameter-slider.js';
import type { ParamSpec, ParamValues } from '../../params.js';
import type { ScreenModel } from '../../screen.js';

export const RESTING_IONS = [
  { key: 'k', symbol: 'K', label: 'K⁺', valence: 1 },
  { key: 'na', symbol: 'Na', label: 'Na⁺', valence: 1 },
  { key: 'cl', symbol: 'Cl', label: 'Cl⁻', valence: -1 },
  { key: 'ca', symbol: 'Ca', label: 'Ca²⁺', valence: 2 },
] as const;
export type RestingIonKey = (typeof RESTING_IONS)[number]['key'];

const neuron = ION_PRESETS.find((preset) => preset.id === 'mammalian-neuron') ?? ION_PRESETS[0];
const presetValue = (symbol: string, side: 'inside' | 'outside', fallback: number) =>
  neuron.ions.find((ion) => ion.symbol === symbol)?.[side] ?? fallback;

const concentration = (key: string, label: string, value: number, min: number, max: number): ParamSpec => ({
  kind: 'number',
  key,
  label,
  unit: 'mM',
  min,
  max,
  step: 0.01,
  default: value,
  log: true,
  digits: 3,
});

/** P_K in absolute terms, a slider built from the catalogue's GHK leak (`ghk-leak` pk): the lab's 5 nm/s (5 × 10⁻⁷ cm/s). */
export const POTASSIUM_PERMEABILITY = parameterSlider('ghk-leak', 'pk', {
  key: 'p_k_abs',
  label: 'P_K (absolute)',
  unit: 'nm/s',
  parseUnit: 'nm/s',
  min: 0.01,
  max: 100,
  step: 0.01,
  log: true,
  default: 5,
  help: 'It sets the size of every conductance and current; the potentials depend only on the ratios.',
});

export const RESTING_SPECS: readonly ParamSpec[] = [
  { kind: 'number', key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, default: neuron.temperature - ZERO_CELSIUS },
  concentration('k_in', 'K⁺ inside', presetValue('K', 'inside', 140), 1, 500),
  concentration('k_out', 'K⁺ outside', presetValue('K', 'outside', 5), 0.1, 500),
  concentration('na_in', 'Na⁺ inside', presetValue('Na', 'inside', 12), 1, 500),
  concentration('na_out', 'Na⁺ outside', presetValue('Na', 'outside', 145), 1, 600),
  concentration('cl_in', 'Cl⁻ inside', presetValue('Cl', 'inside', 10), 1, 600),
  concentration('cl_out', 'Cl⁻ outside', presetValue('Cl', 'outside', 110), 1, 600),
  concentration('ca_in', 'Ca²⁺ inside', presetValue('Ca', 'inside', 1e-4), 1e-5, 1),
  concentration('ca_out', 'Ca²⁺ outside', presetValue('Ca', 'outside', 2), 0.1, 20),
  POTASSIUM_PERMEABILITY.spec,
  { kind: 'number', key: 'p_na', label: 'P_Na / P_K', unit: '', min: 1e-4, max: 30, step: 0.01, default: 0.05, log: true },
  { kind: 'number', key: 'p_cl', label: 'P_Cl / P_K', unit: '', min: 1e-4, max: 10, step: 0.01, default: 0.45, log: true, zeroAtMin: true },
  { kind: 'number', key: 'p_ca', label: 'P_Ca / P_K', unit: '', min: 1e-4, max: 10, step: 0.01, default: 0, log: true, zeroAtMin: true, help: 'Leftmost: impermeant.' },
  { kind: 'number', key: 'diameter', label: 'Cell diameter (sphere)', unit: 'µm', min: 1, max: 200, step: 0.01, default: 20, log: true },
];

export interface IonResult {
  readonly key: RestingIonKey;
  readonly label: string;
  readonly valence: number;
  readonly inside: number;
  readonly outside: number;
  readonly relativePermeability: number;
  /** Nernst potential, mV. */
  readonly nernst: number;
  readonly flow: IonFlow;
  /** GHK current density at rest, mA/cm2 (outward positive). */
  readonly currentDensity: number;
  /** Chord conductance at rest, S/cm2. */
  readonly conductance: number;
  /** Free energy of moving one mole from outside to inside at rest, kJ/mol, and per ion in meV. */
  readonly entryKilojoulesPerMole: number;
  readonly entryMillielectronvoltsPerIon: number;
}

export interface RestingResult {
  readonly temperatureKelvin: number;
  readonly thermalVoltage: number;
  /** GHK potential, mV. */
  readonly ghk: number;
  readonly ions: readonly IonResult[];
  readonly circuit: EquivalentCircuit;
  readonly area: number;
  readonly volume: number;
  readonly charge: ChargeSeparation;
}

export function permeantIons(values: ParamValues) {
  const pk = 1;
  return RESTING_IONS.map((ion) => ({
    key: ion.key,
    valence: ion.valence,
    inside: Number(values[`${ion.key}_in`]),
    outside: Number(values[`${ion.key}_out`]),
    permeability: ion.key === 'k' ? pk : Number(values[`p_${ion.key}`]),
  }));
}

export function computeResting(values: ParamValues): RestingResult {
  const temperatureKelvin = Number(values.temperature) + ZERO_CELSIUS;
  const ions = permeantIons(values);
  const ghk = ghkPotential(ions.filter((ion) => ion.permeability > 0), temperatureKelvin);
  const absolute = POTASSIUM_PERMEABILITY.toCanonical(Number(values.p_k_abs));
  const results: IonResult[] = RESTING_IONS.map((ion, i) => {
    const { inside, outside, permeability } = ions[i];
    const valence = lookupIon(ion.symbol).valence;
    const nernst = nernstPotential({ valence, inside, outside, temperature: temperatureKelvin });
    const currentDensity = ghkCurrentDensity({ valence, inside, outside, permeability: permeability * absolute }, ghk, temperatureKelvin);
    const force = ghk - nernst;
    const conductance = Math.abs(force) > 1e-9 ? Math.max(0, currentDensity / force) : 0;
    const energy = transferFreeEnergy({ valence, fromConcentration: outside, toConcentration: inside, fromVoltage: 0, toVoltage: ghk, temperature: temperatureKelvin });
    return {
      key: ion.key,
      label: ion.label,
      valence,
      inside,
      outside,
      relativePermeability: permeability,
      nernst,
      flow: ionFlow({ valence, inside, outside, voltage: ghk, temperature: temperatureKelvin }),
      currentDensity,
      conductance,
      entryKilojoulesPerMole: energy.kilojoulesPerMole,
      entryMillielectronvoltsPerIon: (energy.joulesPerMole / AVOGADRO / ELEMENTARY_CHARGE) * 1000,
    };
  });
  const { area, volume } = sphereGeometry(Number(values.diameter));
  const branches = results.filter((ion) => ion.conductance > 0).map((ion) => ({ name: ion.label, conductance: ion.conductance, reversal: ion.nernst }));
  const circuit = equivalentCircuit({ branches, area, capacitance: 1, voltage: ghk });
  const charge = chargeSeparation({ voltage: ghk, area, capacitance: 1, volume, concentration: Number(values.k_in) });
  return { temperatureKelvin, thermalVoltage: thermalVoltage(temperatureKelvin), ghk, ions: results, circuit, area, volume, charge };
}

/** Preset values for the controls (concentrations, temperature, permeabilities where the preset gives them). */
export function presetValues(id: string): ParamValues {
  const preset = ION_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) return {};
  const values: ParamValues = { temperature: Number((preset.temperature - ZERO_CELSIUS).toFixed(2)) };
  for (const ion of preset.ions) {
    const key = ion.symbol.toLowerCase();
    if (!RESTING_IONS.some((known) => known.key === key)) continue;
    values[`${key}_in`] = ion.inside;
    values[`${key}_out`] = ion.outside;
    if (ion.permeability !== undefined && key !== 'k') values[`p_${key}`] = ion.permeability;
  }
  return values;
}

/** The model of the screen: the result, and an animation phase for the flow arrows (wall-clock driven). */
export class RestingModel implements ScreenModel {
  /** Phase of the flow animation, 0..1 (advanced by wall-clock seconds). */
  phase = 0;
  result: RestingResult;
  constructor(public values: ParamValues) {
    this.result = computeResting(values);
  }
  update(values: ParamValues): RestingResult {
    this.values = values;
    this.result = computeResting(values);
    return this.result;
  }
  step(wallSeconds: number): void {
    this.phase = (this.phase + wallSeconds * 0.5) % 1;
  }
  reset(): void {
    this.phase = 0;
  }
}
