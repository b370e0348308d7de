/**
 * NeuroML2 / LEMS import: single-compartment Hodgkin-Huxley-type cells, their channels, current pulses, a network
 * of populations and a LEMS Simulation, to a validated `Model` (channels as data). See docs/neuroml.md.
 *
 * Untrusted input: safe XML only (./neuroml-xml.ts). Each unsupported construct gets one `InputError` naming the
 * element, its file and line, and what is supported.
 */
import { basename } from 'node:path';
import type { Model } from '../model/types.js';
import { DEFAULT_RESOURCE_LIMITS, RESOURCE_LIMIT_OPTIONS, validateModel, type ParseOptions } from '../model/index.js';
import { InputError } from '../units/errors.js';
import { CHANNEL_ELEMENTS, ionOf, readChannel, type NeuroMLChannel } from './neuroml-channels.js';
import { CELL_ELEMENTS, cellArea, readCell, type ChannelUse, type NeuroMLCell } from './neuroml-cells.js';
import { neuromlQuantity } from './neuroml-units.js';
import { readXmlWithIncludes, type IncludeOptions } from './neuroml-includes.js';
import { elementError, type XmlElement } from './neuroml-xml.js';

/** Threshold of the spike detectors (mV): the one the NeuroML model-validation (.omt) files use. */
export const NEUROML_SPIKE_THRESHOLD = 0;
/** Temperature when the network gives none: 6.3 degC, as in HH's squid axon (K). */
const DEFAULT_TEMPERATURE = 279.45;

const IGNORED = new Set(['notes', 'annotation', 'property', 'include', 'Include', 'Target']);
const SUPPORTED_TOP = [...CHANNEL_ELEMENTS, ...CELL_ELEMENTS, 'pulseGenerator', 'network', 'Simulation (LEMS)', 'include'];

/** True for file names this importer reads: `.nml` (NeuroML2) and `.xml` (LEMS). */
export function isNeuroMLFileName(fileName: string): boolean {
  return /\.(nml|xml)$/i.test(fileName);
}

interface Registry {
  readonly channels: Map<string, NeuroMLChannel>;
  readonly cells: Map<string, NeuroMLCell>;
  readonly pulses: Map<string, XmlElement>;
  readonly networks: Map<string, XmlElement>;
  readonly simulations: XmlElement[];
}

function register<T>(map: Map<string, T>, element: XmlElement, value: T): void {
  const id = element.attributes.id;
  if (id === undefined) throw elementError(element, 'id', 'nothing', 'an id');
  if (map.has(id)) throw elementError(element, 'id', id, 'an id not used by another element of the same kind');
  map.set(id, value);
}

function collect(roots: readonly XmlElement[]): Registry {
  const registry: Registry = { channels: new Map(), cells: new Map(), pulses: new Map(), networks: new Map(), simulations: [] };
  for (const root of roots) {
    if (root.name !== 'neuroml' && root.name !== 'Lems') {
      // The root's name is not quoted: a file that is not NeuroML (an include pointing elsewhere) is never echoed.
      throw new InputError(`${root.file}:${root.line}`, 'another root element', 'a NeuroML2 file (<neuroml> root) or a LEMS file (<Lems> root)');
    }
    for (const element of root.children) {
      if (IGNORED.has(element.name)) continue;
      if ((CHANNEL_ELEMENTS as readonly string[]).includes(element.name)) register(registry.channels, element, readChannel(element));
      else if ((CELL_ELEMENTS as readonly string[]).includes(element.name)) register(registry.cells, element, readCell(element));
      else if (element.name === 'pulseGenerator') register(registry.pulses, element, element);
      else if (element.name === 'network') register(registry.networks, element, element);
      else if (element.name === 'Simulation' && root.name === 'Lems') registry.simulations.push(element);
      else {
        throw elementError(element, '', `<${element.name}>`, `a supported element: ${SUPPORTED_TOP.join(', ')} (LEMS ComponentType/Component definitions, other cell, channel, input and synapse types are not supported)`);
      }
    }
  }
  return registry;
}

/** A population member named in a target or quantity path: `pop[0]`, `pop/0/cellType`, `../pop/0/cellType`. */
function parseTarget(text: string): { population: string; index: number; rest: string[] } | undefined {
  const parts = text.replace(/^(\.\.\/)+/, '').split('/').filter((part) => part !== '');
  const bracket = /^([A-Za-z0-9_-]+)\[(\d+)\]$/.exec(parts[0] ?? '');
  if (bracket) return { population: bracket[1], index: Number(bracket[2]), rest: parts.slice(1) };
  if (parts.length >= 2 && /^\d+$/.test(parts[1])) return { population: parts[0], index: Number(parts[1]), rest: parts.slice(2) };
  return undefined;
}

interface Member {
  readonly cellId: string;
  readonly cell: NeuroMLCell;
}

/**
 * Options for the import: `parse` is passed on to the model validator; `includeFolder` and `field` are those of
 * ./neuroml-includes.ts (the folder includes must stay in, by default the top-level file's; how errors name the file).
 */
export interface NeuroMLOptions extends IncludeOptions {
  readonly parse?: ParseOptions;
}

/** Imports a NeuroML2 (.nml) or LEMS (.xml) file and every file it includes to a validated `Model`. */
export function readNeuroMLFile(path: string, options: NeuroMLOptions = {}): Model {
  const roots = readXmlWithIncludes(path, { includeFolder: options.includeFolder, field: options.field });
  const registry = collect(roots);
  const simulation = pickSimulation(registry, path);
  const network = pickNetwork(registry, simulation, path);
  const temperature = network.attributes.temperature !== undefined ? neuromlQuantity(network, 'temperature', 'temperature') : DEFAULT_TEMPERATURE;

  // Populations -> cells.
  const populations = new Map<string, { cell: NeuroMLCell; members: Member[] }>();
  const inputs: { pulse: XmlElement; member: Member; element: XmlElement }[] = [];
  const memberOf = (element: XmlElement, population: string, index: number): Member => {
    const found = populations.get(population);
    if (!found) throw elementError(element, 'target', population, `a population of the network: ${[...populations.keys()].join(', ') || '(none)'}`);
    const member = found.members[index];
    if (!member) throw elementError(element, 'target', `${population}[${index}]`, `an index from 0 to ${found.members.length - 1}`);
    return member;
  };
  const pulseOf = (element: XmlElement, id: string | undefined): XmlElement => {
    const pulse = id === undefined ? undefined : registry.pulses.get(id);
    if (!pulse) throw elementError(element, 'input', id ?? 'nothing', `the id of a pulseGenerator: ${[...registry.pulses.keys()].join(', ') || '(none defined; other input types are not supported)'}`);
    return pulse;
  };
  for (const child of network.children) {
    if (IGNORED.has(child.name)) continue;
    if (child.name === 'population') {
      const id = child.attributes.id;
      const component = child.attributes.component;
      const cell = component === undefined ? undefined : registry.cells.get(component);
      if (id === undefined) throw elementError(child, 'id', 'nothing', 'a population id');
      if (!cell) throw elementError(child, 'component', component ?? 'nothing', `the id of a supported cell (cell or pointCellCondBased): ${[...registry.cells.keys()].join(', ') || '(none)'}`);
      const instances = child.children.filter((inner) => inner.name === 'instance').length;
      const size = child.attributes.size !== undefined ? Number(child.attributes.size) : instances;
      if (!Number.isInteger(size) || size < 1) throw elementError(child, 'size', child.attributes.size ?? 'nothing', 'a positive whole number of cells');
      // Each cell is at least one compartment: the compartment limit bounds the cells before any is made.
      const maximum = options.parse?.limits?.compartments ?? DEFAULT_RESOURCE_LIMITS.compartments;
      const before = [...populations.values()].reduce((total, population) => total + population.members.length, 0);
      if (before + size > maximum) {
        throw elementError(child, 'size', child.attributes.size ?? String(size), `at most ${maximum} cells in all populations (each is at least one compartment; raise the limit with ${RESOURCE_LIMIT_OPTIONS.compartments})`);
      }
      const members = Array.from({ length: size }, (_, i) => ({ cellId: `${id}_${i}`, cell }));
      populations.set(id, { cell, members });
    } else if (child.name === 'explicitInput') {
      const target = parseTarget(child.attributes.target ?? '');
      if (!target) throw elementError(child, 'target', child.attributes.target ?? 'nothing', 'a cell of a population such as "pop[0]"');
      inputs.push({ pulse: pulseOf(child, child.attributes.input), member: memberOf(child, target.population, target.index), element: child });
    } else if (child.name === 'inputList') {
      const pulse = pulseOf(child, child.attributes.component);
      for (const input of child.children) {
        if (IGNORED.has(input.name)) continue;
        if (input.name !== 'input') throw elementError(input, '', `<${input.name}>`, 'inside inputList: input (inputW is not supported)');
        const target = parseTarget(input.attributes.target ?? '');
        if (!target) throw elementError(input, 'target', input.attributes.target ?? 'nothing', 'a cell such as "../pop/0/cellType"');
        if ((input.attributes.segmentId ?? '0') !== '0') throw elementError(input, 'segmentId', input.attributes.segmentId, 'segment 0 (single-compartment cells only)');
        inputs.push({ pulse, member: memberOf(input, target.population, target.index), element: input });
      }
    } else {
      throw elementError(child, '', `<${child.name}>`, 'inside network: population, explicitInput, inputList (projections and other connections are not supported)');
    }
  }
  if (populations.size === 0) throw elementError(network, '', 'no population', 'a network with at least one population');

  // Channels used by the cells: one definition per ion channel and (conductance, reversal) pair, so that the
  // densities' values are the definitions' defaults and placements need no parameter overrides.
  const usedCells = [...new Set([...populations.values()].map((p) => p.cell))];
  const uses = new Map<NeuroMLCell, ChannelUse[]>();
  for (const cell of usedCells) uses.set(cell, resolveUses(cell, registry));
  const channelDefinitions = new Map<string, Record<string, unknown>>();
  const definitionNames = new Map<string, string>();
  const definitionOf = (use: ChannelUse): string => {
    const key = JSON.stringify([use.channel, use.conductance, use.reversal, use.ion ?? '']);
    const known = definitionNames.get(key);
    if (known !== undefined) return known;
    const channel = registry.channels.get(use.channel)!;
    let name = channel.id;
    for (let n = 2; channelDefinitions.has(name); n++) name = `${channel.id}_${n}`;
    const ion = channel.species ?? ionOf(use.ion);
    const q10 = channel.q10;
    channelDefinitions.set(name, {
      name,
      ion: ion ?? 'nonspecific',
      conductance: use.conductance,
      reversal: use.reversal,
      gates: channel.gates,
      rateTemperature: `${q10 === undefined ? temperature : q10.kind === 'exp-temp' ? q10.temperature : temperature - 10} K`,
      q10: q10 === undefined ? 1 : q10.kind === 'exp-temp' ? q10.q10 : q10.factor,
      citation: { source: `NeuroML2 ${channel.element.file}`, note: `<${channel.element.name} id="${channel.id}">` },
    });
    definitionNames.set(key, name);
    return name;
  };
  const placed = new Map<NeuroMLCell, { use: ChannelUse; name: string }[]>();
  for (const [cell, list] of uses) placed.set(cell, list.map((use) => ({ use, name: definitionOf(use) })));

  const members = [...populations.values()].flatMap((p) => p.members);
  const at = (member: Member) => ({ cell: member.cellId, position: 0.5 });
  const cells = members.map((member) => ({
    id: member.cellId,
    morphology: { kind: 'single', section: 'soma', length: member.cell.length, diameter: member.cell.diameter },
    membrane: { capacitance: member.cell.capacitance, axialResistivity: member.cell.axialResistivity, initialVoltage: member.cell.initialVoltage },
    mechanisms: placed.get(member.cell)!.map(({ name }) => ({ mechanism: name, parameters: {} })),
    ions: [],
  }));

  const usedIds = new Set<string>();
  const unique = (wanted: string): string => {
    let id = wanted.replace(/[^A-Za-z0-9_-]/g, '_');
    for (let n = 2; usedIds.has(id); n++) id = `${wanted}_${n}`;
    usedIds.add(id);
    return id;
  };
  const stimuli = inputs.map(({ pulse, member }) => ({
    kind: 'current-clamp',
    id: unique(inputs.length === 1 ? pulse.attributes.id! : `${pulse.attributes.id!}_${member.cellId}`),
    location: at(member),
    waveform: {
      shape: 'step',
      delay: `${neuromlQuantity(pulse, 'delay', 'time')} ms`,
      duration: `${neuromlQuantity(pulse, 'duration', 'time')} ms`,
      amplitude: `${neuromlQuantity(pulse, 'amplitude', 'current')} nA`,
    },
  }));
  const spikes = members.map((member) => ({ id: unique(member.cellId), location: at(member), threshold: NEUROML_SPIKE_THRESHOLD }));

  // Recordings: the Display lines and output columns of the simulation that Membrane can record (v, gate states).
  const recordings: { id: string; location: { cell: string; position: number }; variable: string }[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const element of simulation ? outputsOf(simulation) : []) {
    const quantity = element.attributes.quantity ?? '';
    if (seen.has(quantity)) continue;
    seen.add(quantity);
    const variable = recordedVariable(quantity, populations, placed);
    if (!variable) {
      skipped.push(quantity);
      continue;
    }
    recordings.push({ id: unique(element.attributes.id ?? 'trace'), location: at(variable.member), variable: variable.name });
  }
  if (recordings.length === 0) for (const member of members) recordings.push({ id: unique(`${member.cellId}_v`), location: at(member), variable: 'v' });

  const { duration, timeStep } = runOf(simulation, network, path);
  const description =
    `Imported from NeuroML2/LEMS ${path}` +
    (simulation ? ` (Simulation ${simulation.attributes.id ?? ''}, network ${network.attributes.id ?? ''})` : ` (network ${network.attributes.id ?? ''})`) +
    `; spikes detected at ${NEUROML_SPIKE_THRESHOLD} mV.` +
    (skipped.length ? ` Not recorded (unsupported quantities): ${skipped.join(', ')}.` : '');
  const data = {
    name: basename(path).replace(/\.(nml|xml)$/i, ''),
    description,
    temperature: `${temperature} K`,
    channels: [...channelDefinitions.values()],
    cells,
    stimuli,
    recordings,
    spikes,
    run: { duration: `${duration} ms`, timeStep: `${timeStep} ms`, recordInterval: `${timeStep} ms`, integrator: 'crank-nicolson', rates: 'exact' },
  };
  const result = validateModel(data, options.parse ?? {});
  if (!result.ok) {
    const [first] = result.issues;
    throw new InputError(`${path}: imported model ${first.path}`, first.value, `${first.allowed} (the NeuroML file maps to an invalid Membrane model)`);
  }
  return result.model;
}

function resolveUses(cell: NeuroMLCell, registry: Registry): ChannelUse[] {
  const channelOf = (use: { channel: string; element: XmlElement }) => {
    const channel = registry.channels.get(use.channel);
    if (!channel) throw elementError(use.element, 'ionChannel', use.channel, `the id of a supported ion channel: ${[...registry.channels.keys()].join(', ') || '(none defined)'}`);
    return channel;
  };
  const list: ChannelUse[] = cell.channels.map((use) => (channelOf(use), use));
  const area = cellArea(cell) * 1e-8; // cm2
  for (const { use, number } of cell.populations ?? []) {
    const channel = channelOf(use);
    if (channel.element.attributes.conductance === undefined) throw elementError(channel.element, 'conductance', 'nothing', 'the conductance of one channel, such as "10pS" (needed by channelPopulation)');
    const single = neuromlQuantity(channel.element, 'conductance', 'conductance'); // uS
    list.push({ ...use, conductance: (number * single * 1e-6) / area });
  }
  const byChannel = new Map<string, ChannelUse>();
  for (const use of list) {
    const other = byChannel.get(use.channel);
    if (other) throw elementError(use.element, 'ionChannel', use.channel, `a channel placed once per cell (already placed by ${other.id})`);
    byChannel.set(use.channel, use);
  }
  return list;
}

function pickSimulation(registry: Registry, path: string): XmlElement | undefined {
  if (registry.simulations.length > 1) {
    throw elementError(registry.simulations[1], '', `${registry.simulations.length} Simulation elements`, 'one LEMS <Simulation> per file');
  }
  if (registry.simulations.length === 0 && /\.xml$/i.test(path) && registry.networks.size === 0) {
    throw new InputError(path, 'no <Simulation> and no <network>', 'a LEMS file with a <Simulation> whose target is a <network>');
  }
  return registry.simulations[0];
}

function pickNetwork(registry: Registry, simulation: XmlElement | undefined, path: string): XmlElement {
  if (simulation) {
    const target = simulation.attributes.target;
    const network = target === undefined ? undefined : registry.networks.get(target);
    if (!network) throw elementError(simulation, 'target', target ?? 'nothing', `the id of a network: ${[...registry.networks.keys()].join(', ') || '(none)'}`);
    return network;
  }
  if (registry.networks.size !== 1) {
    throw new InputError(path, `${registry.networks.size} networks`, 'a NeuroML file with exactly one <network> (or a LEMS file whose Simulation names one)');
  }
  return [...registry.networks.values()][0];
}

/** Display lines and output-file columns of a LEMS Simulation. */
function outputsOf(simulation: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of simulation.children) {
    if (child.name === 'Display') out.push(...child.children.filter((line) => line.name === 'Line'));
    else if (child.name === 'OutputFile') out.push(...child.children.filter((column) => column.name === 'OutputColumn'));
    else if (!IGNORED.has(child.name) && child.name !== 'EventOutputFile' && child.name !== 'Record') {
      throw elementError(child, '', `<${child.name}>`, 'inside Simulation: Display (Line), OutputFile (OutputColumn)');
    }
  }
  return out;
}

/** `pop[0]/v` -> v; `pop[0]/.../<density>/<channel>/<gate>/q` -> `<channel>.<gate>`; anything else is not recorded. */
function recordedVariable(
  quantity: string,
  populations: ReadonlyMap<string, { cell: NeuroMLCell; members: Member[] }>,
  placed: ReadonlyMap<NeuroMLCell, readonly { use: ChannelUse; name: string }[]>,
): { member: Member; name: string } | undefined {
  const target = parseTarget(quantity);
  if (!target) return undefined;
  const population = populations.get(target.population);
  const member = population?.members[target.index];
  if (!population || !member) return undefined;
  let rest = target.rest;
  if (rest[0] === population.cell.id && rest.length > 1) rest = rest.slice(1);
  if (rest.length === 1 && rest[0] === 'v') return { member, name: 'v' };
  if (rest.length >= 3 && rest[rest.length - 1] === 'q') {
    const channel = rest[rest.length - 3];
    const gate = rest[rest.length - 2];
    const found = placed.get(population.cell)?.find(({ use }) => use.channel === channel);
    if (found && found.use.id === rest[rest.length - 4]) return { member, name: `${found.name}.${gate}` };
    if (found && rest.length === 3) return { member, name: `${found.name}.${gate}` };
  }
  return undefined;
}

function runOf(simulation: XmlElement | undefined, network: XmlElement, path: string): { duration: number; timeStep: number } {
  if (simulation) return { duration: neuromlQuantity(simulation, 'length', 'time'), timeStep: neuromlQuantity(simulation, 'step', 'time') };
  const property = (tag: string) => network.children.find((child) => child.name === 'property' && child.attributes.tag === tag)?.attributes.value;
  const duration = Number(property('recommended_duration_ms'));
  const timeStep = Number(property('recommended_dt_ms'));
  if (!(duration > 0) || !(timeStep > 0)) {
    throw new InputError(path, 'no LEMS <Simulation>', 'a LEMS file with <Simulation length=".." step=".."> that includes this NeuroML file, or a network with properties recommended_duration_ms and recommended_dt_ms');
  }
  return { duration, timeStep };
}
