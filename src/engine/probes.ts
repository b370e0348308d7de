/**
 * Recording probes: each turns a recording request (`v`, `i_na`, `e_k`, `hh.m`, `hh.gna`, `<stimulus>.i`) into a
 * function that reads the present value from the engine's arrays, with its unit.
 */
import type { Recording } from '../model/types.js';
import { InputError } from '../units/errors.js';
import { ION_NAMES, locateNode, type CompiledModel } from './compile.js';
import type { FixedStepper } from './fixed-step.js';

export interface Probe {
  readonly id: string;
  readonly variable: string;
  readonly unit: string;
  read(): number;
}

/** Reads the clamp and stimulus currents of whichever stepper is running. */
export interface StimulusCurrents {
  current: Pick<FixedStepper, 'clampCurrent' | 'stimulusCurrent'> | null;
}

export function createProbe(compiled: CompiledModel, recording: Recording, index: number, currents: StimulusCurrents): Probe {
  const field = `recordings[${index}]`;
  const { membrane } = compiled;
  const variable = recording.variable;
  const base = { id: recording.id, variable };

  const stimulusMatch = /^(.+)\.i$/.exec(variable);
  if (stimulusMatch) {
    const clampIndex = compiled.voltageClamps.findIndex((clamp) => clamp.id === stimulusMatch[1]);
    if (clampIndex >= 0) return { ...base, unit: 'nA', read: () => currents.current?.clampCurrent[clampIndex] ?? 0 };
    const stimulusIndex = compiled.currentClamps.findIndex((clamp) => clamp.id === stimulusMatch[1]);
    if (stimulusIndex >= 0) return { ...base, unit: 'nA', read: () => currents.current?.stimulusCurrent[stimulusIndex] ?? 0 };
  }

  const synapseMatch = /^(.+)\.(g|i)$/.exec(variable);
  const synapseIndex = synapseMatch && compiled.synapses ? compiled.synapses.ids.indexOf(synapseMatch[1]) : -1;
  if (synapseMatch && synapseIndex >= 0) {
    const synapses = compiled.synapses!;
    return synapseMatch[2] === 'g'
      ? { ...base, unit: 'uS', read: () => synapses.conductance[synapseIndex] }
      : { ...base, unit: 'nA', read: () => synapses.current[synapseIndex] };
  }

  const node = locateNode(compiled, recording.location, `${field}.location`);
  if (variable === 'v') return { ...base, unit: 'mV', read: () => membrane.v[node] };
  const pools = compiled.concentrations;
  if (variable === 'volume') return { ...base, unit: 'um3', read: () => (pools ? pools.volume[node] : compiled.tree.volume[node]) };
  if (variable === 'i') return { ...base, unit: 'mA/cm2', read: () => membrane.current[node] };
  for (const ion of ION_NAMES) {
    if (variable === `i_${ion}`) {
      membrane.tracksIonCurrents = true;
      return { ...base, unit: 'mA/cm2', read: () => membrane.ionCurrent[ion][node] };
    }
    if (variable === `e_${ion}`) return { ...base, unit: 'mV', read: () => membrane.reversal[ion][node] };
    if (variable === `${ion}_inside`) return { ...base, unit: 'mM', read: () => membrane.inside[ion][node] };
    if (variable === `${ion}_outside`) return { ...base, unit: 'mM', read: () => membrane.outside[ion][node] };
    if (variable === `${ion}_moved`) return { ...base, unit: 'mol', read: () => (pools ? pools.moved[ion][node] : 0) };
  }
  const dot = variable.indexOf('.');
  if (dot > 0) {
    const mechanismName = variable.slice(0, dot);
    const name = variable.slice(dot + 1);
    const placed = compiled.mechanisms.find((m) => m.definition.name === mechanismName && m.block.node.includes(node));
    if (!placed) {
      throw new InputError(`${field}.variable`, JSON.stringify(variable), `a mechanism present at that location (${compiled.mechanisms.filter((m) => m.block.node.includes(node)).map((m) => m.definition.name).join(', ') || 'none there'})`);
    }
    const { definition, block } = placed;
    const row = block.node.indexOf(node);
    const stateIndex = definition.states.findIndex((s) => s.name === name);
    if (stateIndex >= 0) return { ...base, unit: '1', read: () => block.states[stateIndex][row] };
    const conductanceIndex = definition.conductances.indexOf(name);
    if (conductanceIndex >= 0) {
      block.reportsConductances = true;
      // Output columns are conductances (S/cm2), except a mechanism's own current `i` (mA/cm2).
      return { ...base, unit: name === 'i' ? 'mA/cm2' : 'S/cm2', read: () => block.conductances[conductanceIndex][row] };
    }
    const parameter = definition.parameters.findIndex((p) => p.name === name);
    if (parameter >= 0) return { ...base, unit: definition.parameters[parameter].unit, read: () => block.parameters[parameter][row] };
    const names = [...definition.states.map((s) => s.name), ...definition.conductances, ...definition.parameters.map((p) => p.name)];
    throw new InputError(`${field}.variable`, JSON.stringify(variable), `${mechanismName}.<name> with name one of ${names.join(', ')}`);
  }
  throw new InputError(
    `${field}.variable`,
    JSON.stringify(variable),
    'v, i, volume, i_<ion>, e_<ion>, <ion>_inside, <ion>_outside, <ion>_moved (ion: na, k, cl, ca), <mechanism>.<state, conductance or i>, or <stimulus id>.i',
  );
}
