/**
 * The checks across fields, and the defaults that need the whole model: generated ids, locations completed
 * (the only cell, the only or root section, the root point), ion defaults merged, mechanism parameters converted,
 * the run's record interval. Takes the field-checked input (./schema.ts `RawModel`) and returns a `Model`, or
 * every problem found.
 */
import { InputError } from '../units/errors.js';
import { CANONICAL_UNITS, QUANTITY_KINDS, type QuantityKind } from '../units/kinds.js';
import { parseQuantity } from '../units/quantity.js';
import type { PathSegment } from './issues.js';
import type {
  CellDescription,
  ChannelDefinition,
  IonSettings,
  Location,
  MechanismPlacement,
  Model,
  Morphology,
  Recording,
  RunSettings,
  SpikeDetector,
  Stimulus,
} from './types.js';
import type { RawModel } from './schema.js';
import type { RawCell, RawPlacement } from './schema-cell.js';
import { DEFAULT_IONS, ION_NAMES } from './schema-cell.js';
import { swcRegion } from './schema-morphology.js';
import type { RawLocation } from './schema-stimulus.js';

/** What the caller knows about the mechanism catalogue (the model layer cannot import it). */
export interface ResolveOptions {
  /**
   * Catalogue mechanisms and the quantity kind of each parameter, e.g. `{ hh: { gnabar: 'specificConductance',
   * el: 'voltage', ... } }`, or its canonical unit (`{ hh: { gnabar: 'S/cm2', el: 'mV' } }`, as in the mechanism
   * metadata). When given, a mechanism that is neither in it nor a channel of the model is an error,
   * so is an unknown parameter, and text values are parsed as the parameter's kind. When absent, any mechanism
   * name passes and text values are parsed by their unit alone.
   */
  readonly catalogue?: Readonly<Record<string, Readonly<Record<string, QuantityKind | string>>>>;
}

/** A problem found across fields: path as segments, the value at fault, what is allowed. */
export interface ResolveIssue {
  readonly path: PathSegment[];
  readonly input: unknown;
  readonly allowed: string;
}

export type ResolveResult = { ok: true; model: Model } | { ok: false; issues: ResolveIssue[] };

/** Parameters a channel of the model accepts when placed, with their kinds. */
const CHANNEL_PARAMETERS: Readonly<Record<string, QuantityKind>> = { conductance: 'specificConductance', reversal: 'voltage' };

/** A quantity kind given by name or by its canonical unit (`S/cm2` -> specificConductance). */
function kindOf(kindOrUnit: string): QuantityKind | undefined {
  if ((QUANTITY_KINDS as readonly string[]).includes(kindOrUnit)) return kindOrUnit as QuantityKind;
  const normal = kindOrUnit.replace(/\s+/g, '');
  return QUANTITY_KINDS.find((kind) => CANONICAL_UNITS[kind] === normal);
}

/** Kinds tried, in order, for a parameter written with a unit whose mechanism is unknown. */
const DETECTABLE_KINDS = QUANTITY_KINDS.filter((kind) => kind !== 'temperature' && kind !== 'dimensionless');

function list(names: Iterable<string>, limit = 12): string {
  const all = [...names];
  return all.length > limit ? `${all.slice(0, limit).join(', ')}, ... (${all.length} in all)` : all.join(', ');
}

/** Fills missing ids with `prefix0`, `prefix1`, ... skipping ids already taken; reports duplicates. */
function assignIds(
  given: readonly (string | undefined)[],
  prefix: (index: number) => string,
  path: (index: number) => PathSegment[],
  report: (issue: ResolveIssue) => void,
): string[] {
  const firstUse = new Map<string, number>();
  given.forEach((id, index) => {
    if (id === undefined) return;
    const earlier = firstUse.get(id);
    if (earlier !== undefined) {
      report({ path: [...path(index), 'id'], input: id, allowed: `a unique id: "${id}" is already used by entry ${earlier}` });
    } else firstUse.set(id, index);
  });
  const counters = new Map<string, number>();
  return given.map((id, index) => {
    if (id !== undefined) return id;
    const base = prefix(index);
    let n = counters.get(base) ?? 0;
    while (firstUse.has(`${base}${n}`)) n++;
    counters.set(base, n + 1);
    const generated = `${base}${n}`;
    firstUse.set(generated, index);
    return generated;
  });
}

/** Checks a parent relation forms one tree: known parents, one root, no cycles. Returns the root or undefined. */
function checkTree<Id extends string | number>(
  ids: readonly Id[],
  parents: readonly (Id | undefined)[],
  what: { list: PathSegment[]; parentKey: string; idKey: string; noun: string },
  report: (issue: ResolveIssue) => void,
): Id | undefined {
  const index = new Map<Id, number>();
  let ok = true;
  ids.forEach((id, i) => {
    if (index.has(id)) {
      report({ path: [...what.list, i, what.idKey], input: id, allowed: `a unique ${what.noun} id: ${JSON.stringify(id)} is already used by entry ${index.get(id)}` });
      ok = false;
    } else index.set(id, i);
  });
  const roots: number[] = [];
  parents.forEach((parent, i) => {
    if (parent === undefined) roots.push(i);
    else if (parent === ids[i]) {
      report({ path: [...what.list, i, what.parentKey], input: parent, allowed: `the id of another ${what.noun} (a ${what.noun} cannot be its own parent)` });
      ok = false;
    } else if (!index.has(parent)) {
      report({ path: [...what.list, i, what.parentKey], input: parent, allowed: `the id of a ${what.noun} in this list: ${list(index.keys() as Iterable<never>)}` });
      ok = false;
    }
  });
  if (roots.length !== 1) {
    const where = roots.length === 0 ? 0 : roots[1];
    report({
      path: roots.length === 0 ? what.list : [...what.list, where, what.parentKey],
      input: roots.length === 0 ? 'no root' : parents[where],
      allowed:
        roots.length === 0
          ? `exactly one root ${what.noun} (one without a parent)`
          : `a parent: only one ${what.noun} may be the root, and entry ${roots[0]} already is`,
    });
    return undefined;
  }
  if (!ok) return undefined;
  // Every chain of parents must reach the root; a chain that revisits a node is a cycle.
  const state = new Array<0 | 1 | 2>(ids.length).fill(0); // 0 unseen, 1 on the current chain, 2 reaches the root
  state[roots[0]] = 2;
  for (let start = 0; start < ids.length; start++) {
    const chain: number[] = [];
    let i = start;
    while (state[i] === 0) {
      state[i] = 1;
      chain.push(i);
      i = index.get(parents[i] as Id) as number;
    }
    if (state[i] === 1) {
      report({
        path: [...what.list, i, what.parentKey],
        input: parents[i],
        allowed: `a parent that leads back to the root: ${what.noun}s ${chain.slice(chain.indexOf(i)).map((k) => JSON.stringify(ids[k])).join(' -> ')} form a cycle`,
      });
      return undefined;
    }
    for (const k of chain) state[k] = 2;
  }
  return ids[roots[0]];
}

interface CellInfo {
  readonly id: string;
  readonly morphology: Morphology;
  /** Section ids (not for points). */
  readonly sections: readonly string[];
  readonly defaultSection?: string;
  readonly pointIds: ReadonlySet<number>;
  readonly rootPoint?: number;
  readonly regions: ReadonlySet<string>;
  /** Regions of a section id, or of a point id (as text) for points morphologies. */
  regionsAt(location: Location): readonly string[];
  readonly mechanisms: readonly MechanismPlacement[];
}

function describeMorphology(raw: Morphology, path: PathSegment[], report: (issue: ResolveIssue) => void) {
  switch (raw.kind) {
    case 'single':
    case 'cable': {
      const region = raw.kind === 'cable' ? raw.region : raw.section;
      return {
        sections: [raw.section],
        defaultSection: raw.section as string | undefined,
        regions: new Set([region]),
        pointIds: new Set<number>(),
        rootPoint: undefined as number | undefined,
        regionsAt: (): readonly string[] => [region],
      };
    }
    case 'sections': {
      const root = checkTree(
        raw.sections.map((s) => s.id),
        raw.sections.map((s) => s.parent),
        { list: [...path, 'sections'], parentKey: 'parent', idKey: 'id', noun: 'section' },
        report,
      );
      const bySection = new Map(raw.sections.map((s) => [s.id, s.regions]));
      return {
        sections: raw.sections.map((s) => s.id),
        defaultSection: root,
        regions: new Set(raw.sections.flatMap((s) => s.regions)),
        pointIds: new Set<number>(),
        rootPoint: undefined,
        regionsAt: (location: Location): readonly string[] => bySection.get(location.section ?? '') ?? [],
      };
    }
    case 'points': {
      const root = checkTree(
        raw.points.map((p) => p.id),
        raw.points.map((p) => (p.parent === -1 ? undefined : p.parent)),
        { list: [...path, 'points'], parentKey: 'parent', idKey: 'id', noun: 'point' },
        report,
      );
      const typeOf = new Map(raw.points.map((p) => [p.id, p.type]));
      return {
        sections: [] as string[],
        defaultSection: undefined,
        regions: new Set(raw.points.map((p) => swcRegion(p.type))),
        pointIds: new Set(raw.points.map((p) => p.id)),
        rootPoint: root,
        regionsAt: (location: Location): readonly string[] => {
          const type = typeOf.get(location.point ?? Number.NaN);
          return type === undefined ? [] : [swcRegion(type)];
        },
      };
    }
  }
}

/** Converts a parameter value: numbers as they are (canonical), text by the kind given or found from its unit. */
function convertParameter(value: number | string, kind: QuantityKind | undefined): { value: number } | { allowed: string } {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { value } : { allowed: 'a finite number' };
  }
  if (kind !== undefined) {
    try {
      return { value: parseQuantity(value, kind, 'value') };
    } catch (error) {
      if (error instanceof InputError) return { allowed: error.allowed };
      throw error;
    }
  }
  for (const candidate of DETECTABLE_KINDS) {
    try {
      return { value: parseQuantity(value, candidate, 'value') };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return { allowed: 'a number in the parameter\'s canonical unit, or text with a known unit such as "0.12 S/cm2" or "-54.3 mV"' };
}

function resolvePlacement(
  placement: RawPlacement,
  path: PathSegment[],
  regions: ReadonlySet<string>,
  channels: ReadonlyMap<string, ChannelDefinition>,
  options: ResolveOptions,
  report: (issue: ResolveIssue) => void,
): MechanismPlacement {
  const channel = channels.has(placement.mechanism);
  let kinds: Readonly<Record<string, QuantityKind | string>> | undefined;
  if (channel) kinds = CHANNEL_PARAMETERS;
  else if (options.catalogue) {
    kinds = options.catalogue[placement.mechanism];
    if (kinds === undefined) {
      report({
        path: [...path, 'mechanism'],
        input: placement.mechanism,
        allowed: `a catalogue mechanism (${list(Object.keys(options.catalogue))}) or a channel of this model${channels.size > 0 ? ` (${list(channels.keys())})` : ''}`,
      });
    }
  }
  placement.regions?.forEach((region, i) => {
    if (!regions.has(region)) {
      report({ path: [...path, 'regions', i], input: region, allowed: `a region of this cell: ${list(regions)}` });
    }
  });
  const parameters: Record<string, number> = {};
  for (const [parameter, value] of Object.entries(placement.parameters)) {
    const written = kinds?.[parameter];
    if (kinds !== undefined && written === undefined) {
      report({
        path: [...path, 'parameters', parameter],
        input: value,
        allowed: `a parameter of ${placement.mechanism}: ${list(Object.keys(kinds))}`,
      });
      continue;
    }
    const converted = convertParameter(value, written === undefined ? undefined : kindOf(written));
    if ('allowed' in converted) report({ path: [...path, 'parameters', parameter], input: value, allowed: converted.allowed });
    else parameters[parameter] = converted.value;
  }
  return {
    mechanism: placement.mechanism,
    ...(placement.regions !== undefined ? { regions: placement.regions } : {}),
    parameters,
  };
}

function resolveIons(given: readonly IonSettings[], path: PathSegment[], report: (issue: ResolveIssue) => void): IonSettings[] {
  const seen = new Map<string, number>();
  given.forEach((ion, i) => {
    const earlier = seen.get(ion.ion);
    if (earlier !== undefined) {
      report({ path: [...path, i, 'ion'], input: ion.ion, allowed: `each ion once: ${ion.ion} is already set by entry ${earlier}` });
    } else seen.set(ion.ion, i);
  });
  // na and k first (given or NEURON's defaults), then the others in the order given.
  const result: IonSettings[] = DEFAULT_IONS.map((fallback) => given.find((ion) => ion.ion === fallback.ion) ?? fallback);
  for (const ion of given) if (!DEFAULT_IONS.some((d) => d.ion === ion.ion) && !result.includes(ion)) result.push(ion);
  return result;
}

function resolveCell(
  raw: RawCell,
  id: string,
  path: PathSegment[],
  channels: ReadonlyMap<string, ChannelDefinition>,
  options: ResolveOptions,
  report: (issue: ResolveIssue) => void,
): { description: CellDescription; info: CellInfo } {
  const morphology = raw.morphology as Morphology;
  const shape = describeMorphology(morphology, [...path, 'morphology'], report);
  const mechanisms = raw.mechanisms.map((placement, i) =>
    resolvePlacement(placement, [...path, 'mechanisms', i], shape.regions, channels, options, report),
  );
  const ions = resolveIons(raw.ions, [...path, 'ions'], report);
  const description: CellDescription = { id, morphology, membrane: raw.membrane, mechanisms, ions };
  return { description, info: { id, morphology, ...shape, mechanisms } };
}

function resolveLocation(
  raw: RawLocation,
  path: PathSegment[],
  cells: ReadonlyMap<string, CellInfo>,
  report: (issue: ResolveIssue) => void,
): { location: Location; cell: CellInfo } | undefined {
  const here = [...path, 'location'];
  let cellId = raw.cell;
  if (cellId === undefined) {
    if (cells.size !== 1) {
      report({ path: [...here, 'cell'], input: undefined, allowed: `the id of a cell (the model has ${cells.size}: ${list(cells.keys())})` });
      return undefined;
    }
    cellId = [...cells.keys()][0];
  }
  const cell = cells.get(cellId);
  if (cell === undefined) {
    report({ path: [...here, 'cell'], input: cellId, allowed: `the id of a cell: ${list(cells.keys())}` });
    return undefined;
  }
  if (cell.morphology.kind === 'points') {
    if (raw.section !== undefined) {
      report({ path: [...here, 'section'], input: raw.section, allowed: `no section: cell ${cellId} is made of points, so give point (an SWC point id)` });
      return undefined;
    }
    const point = raw.point ?? cell.rootPoint;
    if (point === undefined) return undefined; // the tree is broken, already reported
    if (!cell.pointIds.has(point)) {
      report({ path: [...here, 'point'], input: point, allowed: `an SWC point id of cell ${cellId}` });
      return undefined;
    }
    return { location: { cell: cellId, position: raw.position, point }, cell };
  }
  if (raw.point !== undefined) {
    report({ path: [...here, 'point'], input: raw.point, allowed: `no point: cell ${cellId} has sections, so give section and position` });
    return undefined;
  }
  const section = raw.section ?? cell.defaultSection;
  if (section === undefined) return undefined; // the tree is broken, already reported
  if (!cell.sections.includes(section)) {
    report({ path: [...here, 'section'], input: section, allowed: `a section of cell ${cellId}: ${list(cell.sections)}` });
    return undefined;
  }
  return { location: { cell: cellId, section, position: raw.position }, cell };
}

const ION_PATTERN = ION_NAMES.join('|');
const PLAIN_VARIABLES = new RegExp(`^(v|i|i_(${ION_PATTERN})|e_(${ION_PATTERN})|(${ION_PATTERN})_(inside|outside))$`);
const DOTTED_VARIABLE = /^([A-Za-z0-9_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

function checkVariable(
  variable: string,
  location: Location,
  cell: CellInfo,
  stimuli: ReadonlyMap<string, Stimulus>,
  channels: ReadonlyMap<string, ChannelDefinition>,
  path: PathSegment[],
  report: (issue: ResolveIssue) => void,
): void {
  if (PLAIN_VARIABLES.test(variable)) return;
  const here = [...path, 'variable'];
  const placed = [...new Set(cell.mechanisms.map((m) => m.mechanism))];
  const forms =
    `v, i (total membrane current), i_<ion>, e_<ion>, <ion>_inside or <ion>_outside (ion one of ${ION_NAMES.join('|')}), ` +
    `<mechanism>.<state or conductance> for a mechanism placed there${placed.length > 0 ? ` (${list(placed)})` : ''}, ` +
    `or <stimulus id>.i${stimuli.size > 0 ? ` (${list(stimuli.keys())})` : ''}`;
  const match = DOTTED_VARIABLE.exec(variable);
  if (!match) {
    report({ path: here, input: variable, allowed: forms });
    return;
  }
  const [, owner, quantityName] = match;
  if (stimuli.has(owner)) {
    if (quantityName !== 'i') report({ path: here, input: variable, allowed: `${owner}.i, the current of stimulus ${owner} (nA)` });
    return;
  }
  const here_regions = cell.regionsAt(location);
  const placement = cell.mechanisms.find(
    (m) => m.mechanism === owner && (m.regions === undefined || m.regions.some((r) => here_regions.includes(r))),
  );
  if (placement === undefined) {
    const elsewhere = placed.includes(owner);
    report({
      path: here,
      input: variable,
      allowed: elsewhere
        ? `a mechanism placed at this location: ${owner} is on cell ${cell.id} but not in the region${here_regions.length === 1 ? '' : 's'} ${here_regions.join(', ')} of this location`
        : forms,
    });
    return;
  }
  const channel = channels.get(owner);
  if (channel !== undefined) {
    const names = [...channel.gates.map((g) => g.name), 'g', 'i'];
    if (!names.includes(quantityName)) {
      report({ path: here, input: variable, allowed: `one of ${names.map((n) => `${owner}.${n}`).join('|')} (gates, conductance g, current i)` });
    }
  }
}

function resolveRun(raw: RawModel['run'], report: (issue: ResolveIssue) => void): RunSettings {
  if (raw.timeStep > raw.duration) {
    report({ path: ['run', 'timeStep'], input: raw.timeStep, allowed: `a time step no longer than the duration (${raw.duration} ms)` });
  }
  const interval = raw.recordInterval ?? raw.timeStep;
  const ratio = interval / raw.timeStep;
  if (interval < raw.timeStep * (1 - 1e-9) || Math.abs(ratio - Math.round(ratio)) > 1e-6 * ratio) {
    report({
      path: ['run', 'recordInterval'],
      input: interval,
      allowed: `a whole multiple of the time step (${raw.timeStep} ms), such as ${raw.timeStep} or ${Number((raw.timeStep * 4).toPrecision(12))} ms`,
    });
  }
  return {
    duration: raw.duration,
    timeStep: raw.timeStep,
    integrator: raw.integrator,
    absoluteTolerance: raw.absoluteTolerance,
    relativeTolerance: raw.relativeTolerance,
    recordInterval: interval,
    rates: raw.rates,
  };
}

/** Runs every check across fields and completes the defaults that need the whole model. */
export function resolveModel(raw: RawModel, options: ResolveOptions = {}): ResolveResult {
  const issues: ResolveIssue[] = [];
  const report = (issue: ResolveIssue): void => {
    issues.push(issue);
  };

  // Channels: unique names.
  const channels = new Map<string, ChannelDefinition>();
  raw.channels.forEach((channel, i) => {
    if (channels.has(channel.name)) {
      report({ path: ['channels', i, 'name'], input: channel.name, allowed: `a unique channel name: ${channel.name} is defined twice` });
    } else channels.set(channel.name, channel);
  });

  // Cells.
  const cellIds = assignIds(raw.cells.map((c) => c.id), () => 'cell', (i) => ['cells', i], report);
  const cells = new Map<string, CellInfo>();
  const cellDescriptions = raw.cells.map((cell, i) => {
    const { description, info } = resolveCell(cell, cellIds[i], ['cells', i], channels, options, report);
    if (!cells.has(info.id)) cells.set(info.id, info);
    return description;
  });
  const mechanismNames = new Set(cellDescriptions.flatMap((c) => c.mechanisms.map((m) => m.mechanism)));

  // Stimuli.
  const stimulusIds = assignIds(
    raw.stimuli.map((s) => s.id),
    (i) => (raw.stimuli[i].kind === 'current-clamp' ? 'iclamp' : 'vclamp'),
    (i) => ['stimuli', i],
    report,
  );
  const stimuli = new Map<string, Stimulus>();
  raw.stimuli.forEach((input, i) => {
    const id = stimulusIds[i];
    if (input.id !== undefined && (mechanismNames.has(id) || channels.has(id))) {
      report({ path: ['stimuli', i, 'id'], input: id, allowed: `an id that is not a mechanism name (so that "${id}.i" is unambiguous)` });
    }
    const where = resolveLocation(input.location, ['stimuli', i], cells, report);
    if (where === undefined) return;
    const stimulus: Stimulus =
      input.kind === 'current-clamp'
        ? { kind: input.kind, id, location: where.location, waveform: input.waveform }
        : {
            kind: input.kind,
            id,
            location: where.location,
            levels: input.levels,
            ...(input.seriesResistance !== undefined ? { seriesResistance: input.seriesResistance } : {}),
          };
    if (!stimuli.has(id)) stimuli.set(id, stimulus);
  });

  // Recordings.
  const recordingIds = assignIds(
    raw.recordings.map((r) => r.id),
    (i) => raw.recordings[i].variable.replace(/[^A-Za-z0-9_-]/g, '_'),
    (i) => ['recordings', i],
    report,
  );
  const recordings: Recording[] = [];
  raw.recordings.forEach((input, i) => {
    const where = resolveLocation(input.location, ['recordings', i], cells, report);
    if (where === undefined) return;
    checkVariable(input.variable, where.location, where.cell, stimuli, channels, ['recordings', i], report);
    recordings.push({ id: recordingIds[i], location: where.location, variable: input.variable });
  });

  // Spike detectors and velocity.
  const spikeIds = assignIds(raw.spikes.map((s) => s.id), () => 'spike', (i) => ['spikes', i], report);
  const spikes: SpikeDetector[] = [];
  raw.spikes.forEach((input, i) => {
    const where = resolveLocation(input.location, ['spikes', i], cells, report);
    if (where !== undefined) spikes.push({ id: spikeIds[i], location: where.location, threshold: input.threshold });
  });
  if (raw.velocity !== undefined) {
    for (const end of ['from', 'to'] as const) {
      if (!spikeIds.includes(raw.velocity[end])) {
        report({
          path: ['velocity', end],
          input: raw.velocity[end],
          allowed: spikeIds.length > 0 ? `the id of a spike detector: ${list(spikeIds)}` : 'the id of a spike detector (there are none: add spikes)',
        });
      }
    }
    if (raw.velocity.from === raw.velocity.to) {
      report({ path: ['velocity', 'to'], input: raw.velocity.to, allowed: 'a different spike detector from "from"' });
    }
  }

  const run = resolveRun(raw.run, report);
  if (issues.length > 0) return { ok: false, issues };

  const model: Model = {
    name: raw.name,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    ...(raw.citation !== undefined ? { citation: raw.citation } : {}),
    temperature: raw.temperature,
    channels: raw.channels,
    cells: cellDescriptions,
    stimuli: [...stimuli.values()],
    recordings,
    spikes,
    ...(raw.velocity !== undefined ? { velocity: raw.velocity } : {}),
    run,
  };
  return { ok: true, model };
}
