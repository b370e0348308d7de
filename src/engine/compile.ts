/**
 * Compiles a validated model description into flat typed arrays: the node tree, the membrane arrays, one block
 * of parameter and state columns per placed mechanism, the stimuli bound to their nodes and the recording probes.
 * Nothing here steps time; the integrators do.
 */
import { nernstPotential } from '../core/nernst.js';
import { targetUnblockedFraction } from '../mechanisms/drugs.js';
import { createChannelMechanism } from '../mechanisms/generic-channel.js';
import { findMechanism, MECHANISMS } from '../mechanisms/catalogue.js';
import type { MechanismBlock, MechanismDefinition, MembraneArrays, RateMode } from '../mechanisms/types.js';
import type { IonName, Model } from '../model/types.js';
import { InputError } from '../units/errors.js';
import { discretise, regionProperty, type Discretisation } from './discretise.js';
import { locateNode } from './locate.js';
import { createConcentrationSystem, initialAmounts, updateReversalPotentials, type ConcentrationSystem } from './concentrations.js';
import { createSynapseSystem, type SynapseSystem } from './synapses.js';
import { checkInputVoltages } from './input-voltages.js';
import { prepareWaveform, type PreparedWaveform } from './waveform.js';

export const ION_NAMES: readonly IonName[] = ['na', 'k', 'cl', 'ca'];

/** NEURON's default reversal potentials (mV) when a model gives none: ena 50, ek -77; ecl and eca ours. */
const DEFAULT_REVERSAL: Record<IonName, number> = { na: 50, k: -77, cl: -65, ca: 132.5 };
/**
 * Concentrations (mM) when a model gives none: NEURON's defaults for Na+, K+ and Ca2+ (nai 10, nao 140, ki 54.4,
 * ko 2.5, cai 5e-5, cao 2); Cl- 10 inside and 110 outside (ours; NEURON has no default chloride).
 */
export const DEFAULT_CONCENTRATIONS: Record<IonName, { inside: number; outside: number }> = {
  na: { inside: 10, outside: 140 },
  k: { inside: 54.4, outside: 2.5 },
  cl: { inside: 10, outside: 110 },
  ca: { inside: 5e-5, outside: 2 },
};
export const VALENCE: Record<IonName, number> = { na: 1, k: 1, cl: -1, ca: 2 };

export interface PlacedMechanism {
  readonly definition: MechanismDefinition;
  /** Every node of the model that holds the mechanism, one row each. */
  readonly block: MechanismBlock;
}

export interface BoundCurrentClamp {
  readonly id: string;
  readonly node: number;
  readonly waveform: PreparedWaveform;
  /** nA per unit of the waveform: 1 for nA, area * 1e-2 for mA/cm2 densities. */
  readonly scale: number;
}

export interface BoundVoltageClamp {
  readonly id: string;
  readonly node: number;
  /** Level end times (ms) and voltages (mV). */
  readonly ends: Float64Array;
  readonly voltages: Float64Array;
  /** Clamp conductance, uS: 1 / series resistance, or 1e9 uS for an ideal clamp. */
  readonly conductance: number;
}

export interface CompiledModel {
  readonly model: Model;
  readonly tree: Discretisation;
  readonly membrane: MembraneArrays;
  /** Capacitance of each node, nF. */
  readonly capacitance: Float64Array;
  /** area * 1e-2: converts mA/cm2 and S/cm2 densities at a node into nA and uS. */
  readonly densityToAbsolute: Float64Array;
  readonly mechanisms: readonly PlacedMechanism[];
  readonly currentClamps: readonly BoundCurrentClamp[];
  readonly voltageClamps: readonly BoundVoltageClamp[];
  readonly rates: RateMode;
  /** Moving concentrations, when any cell has them; with the state at t = 0 for the conservation check. */
  readonly concentrations: ConcentrationSystem | null;
  /** Conductance synapses and their event queue, when the model has any. */
  readonly synapses: SynapseSystem | null;
  readonly initialVoltage: Float64Array;
  readonly initialAmounts: Readonly<Record<string, number>>;
}

/** Conductance standing for an ideal voltage clamp, uS (an access resistance of 1 milliohm... 1e-9 MOhm). */
export const IDEAL_CLAMP_CONDUCTANCE = 1e9;

function makeMembrane(nodeCount: number, temperature: number): MembraneArrays {
  const perIon = () =>
    Object.fromEntries(ION_NAMES.map((ion) => [ion, new Float64Array(nodeCount)])) as Record<IonName, Float64Array>;
  return {
    v: new Float64Array(nodeCount),
    current: new Float64Array(nodeCount),
    conductance: new Float64Array(nodeCount),
    ionCurrent: perIon(),
    ionConductance: perIon(),
    reversal: perIon(),
    inside: perIon(),
    outside: perIon(),
    temperature,
    tracksIonCurrents: false,
  };
}

export { locateNode } from './locate.js';

/** The fraction of a drug target left unblocked by the model's drugs (see targetUnblockedFraction). */
function drugFactor(model: Model, target: string): number {
  return targetUnblockedFraction(model.drugs ?? [], target);
}

function mechanismDefinitions(model: Model): Map<string, MechanismDefinition> {
  const definitions = new Map<string, MechanismDefinition>(MECHANISMS.map((m) => [m.name, m]));
  for (const channel of model.channels) definitions.set(channel.name, createChannelMechanism(channel));
  return definitions;
}

/**
 * One block per mechanism for the whole model: every placement of a mechanism, in every cell, adds its nodes as rows
 * (with that placement's parameter values), so that a population of cells is one sweep of each kernel and one
 * rate table, not one per cell.
 */
function placeMechanisms(model: Model, tree: Discretisation): PlacedMechanism[] {
  const definitions = mechanismDefinitions(model);
  const rows = new Map<string, { definition: MechanismDefinition; nodes: number[]; values: number[][] }>();
  model.cells.forEach((cell, cellIndex) => {
    const owner = new Map<string, Set<number>>();
    cell.mechanisms.forEach((placement, placementIndex) => {
      const field = `cells[${cellIndex}].mechanisms[${placementIndex}]`;
      const definition = definitions.get(placement.mechanism) ?? findMechanism(placement.mechanism);
      if (!definition) {
        throw new InputError(`${field}.mechanism`, JSON.stringify(placement.mechanism), `one of ${[...definitions.keys()].join(', ')}`);
      }
      const sections = tree.sections.filter(
        (section) => section.cell === cellIndex && (!placement.regions || section.regions.some((r) => placement.regions!.includes(r))),
      );
      if (placement.regions && sections.length === 0) {
        const known = [...new Set(tree.sections.filter((s) => s.cell === cellIndex).flatMap((s) => s.regions))];
        throw new InputError(`${field}.regions`, JSON.stringify(placement.regions), `region names of the cell: ${known.slice(0, 12).join(', ')}`);
      }
      for (const name of Object.keys(placement.parameters)) {
        if (!definition.parameters.some((p) => p.name === name)) {
          throw new InputError(`${field}.parameters.${name}`, String(placement.parameters[name]), `a parameter of ${definition.name}: ${definition.parameters.map((p) => p.name).join(', ')}`);
        }
      }
      const values = definition.parameters.map((info) => {
        const value = placement.parameters[info.name] ?? info.defaultValue;
        if (!(value >= info.minimum && value <= info.maximum)) {
          throw new InputError(`${field}.parameters.${info.name}`, String(value), `${info.minimum} to ${info.maximum} ${info.unit}`);
        }
        return value * (info.target ? drugFactor(model, info.target) : 1);
      });
      const entry = rows.get(definition.name) ?? { definition, nodes: [], values: definition.parameters.map(() => []) };
      rows.set(definition.name, entry);
      const taken = owner.get(definition.name) ?? new Set<number>();
      owner.set(definition.name, taken);
      for (const section of sections) {
        for (const node of section.centreNodes) {
          if (taken.has(node)) {
            throw new InputError(`${field}.regions`, JSON.stringify(placement.regions ?? 'all'), `regions not already holding ${definition.name} (section ${section.id} has it twice)`);
          }
          taken.add(node);
          entry.nodes.push(node);
          values.forEach((value, p) => entry.values[p].push(value));
        }
      }
    });
  });
  return [...rows.values()].map(({ definition, nodes, values }) => {
    const count = nodes.length;
    const block: MechanismBlock = {
      count,
      node: Int32Array.from(nodes),
      parameters: values.map((column) => Float64Array.from(column)),
      states: definition.states.map(() => new Float64Array(count)),
      conductances: definition.conductances.map(() => new Float64Array(count)),
      reportsConductances: false,
      scratch: null,
    };
    return { definition, block };
  });
}

/** Fills the concentrations and reversal potentials of every node from its cell's ion settings. */
function setIons(model: Model, tree: Discretisation, membrane: MembraneArrays): void {
  model.cells.forEach((cell, cellIndex) => {
    for (const ion of ION_NAMES) {
      const settings = cell.ions.find((entry) => entry.ion === ion);
      const inside = settings?.inside ?? DEFAULT_CONCENTRATIONS[ion].inside;
      const outside = settings?.outside ?? DEFAULT_CONCENTRATIONS[ion].outside;
      let reversal = DEFAULT_REVERSAL[ion];
      if (settings) {
        reversal =
          settings.reversal === 'nernst'
            ? nernstPotential({ valence: VALENCE[ion], inside, outside, temperature: model.temperature })
            : settings.reversal;
      }
      for (let node = 0; node < tree.nodeCount; node++) {
        if (tree.cellOfNode[node] !== cellIndex) continue;
        membrane.reversal[ion][node] = reversal;
        membrane.inside[ion][node] = inside;
        membrane.outside[ion][node] = outside;
      }
    }
  });
}

export function compile(model: Model): CompiledModel {
  // Voltages beyond any membrane's range are bad input, not a numerical instability (so `check` refuses them too).
  checkInputVoltages(model);
  const tree = discretise(model.cells);
  const membrane = makeMembrane(tree.nodeCount, model.temperature);
  const capacitance = new Float64Array(tree.nodeCount);
  const densityToAbsolute = new Float64Array(tree.nodeCount);
  for (let node = 0; node < tree.nodeCount; node++) {
    const cell = model.cells[tree.cellOfNode[node]];
    densityToAbsolute[node] = tree.area[node] * 1e-2;
    membrane.v[node] = cell.membrane.initialVoltage;
  }
  for (const section of tree.sections) {
    const cm = regionProperty(model.cells[section.cell], section.regions, 'capacitance');
    // cm [uF/cm2] * area [um2] * 1e-8 [cm2/um2] = uF * 1e-8 = nF * 1e-5.
    for (const node of section.centreNodes) capacitance[node] = cm * tree.area[node] * 1e-5;
  }
  setIons(model, tree, membrane);
  const concentrations = createConcentrationSystem(model, tree, membrane);
  if (concentrations) updateReversalPotentials(concentrations, membrane);
  const mechanisms = placeMechanisms(model, tree);
  const partial = { tree, model };
  const currentClamps: BoundCurrentClamp[] = [];
  const voltageClamps: BoundVoltageClamp[] = [];
  model.stimuli.forEach((stimulus, index) => {
    const node = locateNode(partial, stimulus.location, `stimuli[${index}].location`);
    if (stimulus.kind === 'current-clamp') {
      if (stimulus.waveform.perArea && tree.area[node] === 0) {
        throw new InputError(`stimuli[${index}].location.position`, String(stimulus.location.position), 'a position inside the section (0 < x < 1) for a current density: its ends have no membrane area');
      }
      const scale = stimulus.waveform.perArea ? densityToAbsolute[node] : 1;
      currentClamps.push({ id: stimulus.id, node, waveform: prepareWaveform(stimulus.waveform), scale });
    } else {
      let end = 0;
      const ends = Float64Array.from(stimulus.levels, (level) => (end += level.duration));
      voltageClamps.push({
        id: stimulus.id,
        node,
        ends,
        voltages: Float64Array.from(stimulus.levels, (level) => level.voltage),
        conductance: stimulus.seriesResistance ? 1 / stimulus.seriesResistance : IDEAL_CLAMP_CONDUCTANCE,
      });
    }
  });
  return {
    model,
    tree,
    membrane,
    capacitance,
    densityToAbsolute,
    mechanisms,
    currentClamps,
    voltageClamps,
    rates: model.run.rates,
    concentrations,
    synapses: createSynapseSystem(model, partial),
    initialVoltage: Float64Array.from(membrane.v),
    initialAmounts: concentrations ? initialAmounts(concentrations, membrane) : {},
  };
}

/** The command voltage of a clamp at time t, or NaN once the protocol has ended (the clamp is released). */
export function clampCommand(clamp: BoundVoltageClamp, t: number): number {
  for (let i = 0; i < clamp.ends.length; i++) if (t < clamp.ends[i]) return clamp.voltages[i];
  return Number.NaN;
}
