/**
 * The checks across fields, and the defaults that need the whole model: generated ids, locations completed
 * (the only cell, the only or root section, the root point), ion defaults merged, mechanism parameters converted,
 * the run's record interval; region membranes and moving concentrations checked against their cell; synapse presets
 * filled; ids shared by stimuli, spike detectors, synapses and sources; connections and drugs checked. Takes the
 * field-checked input (./schema.ts `RawModel`) and returns a `Model`, or
 * every problem found.
 */
import { InputError } from '../units/errors.js';
import { CANONICAL_UNITS, QUANTITY_KINDS, type QuantityKind } from '../units/kinds.js';
import { parseQuantity } from '../units/quantity.js';
import type { PathSegment } from './issues.js';
import type {
  CellDescription,
  ChannelDefinition,
  ConcentrationDynamics,
  Connection,
  DrugApplication,
  IonName,
  IonSettings,
  Location,
  MechanismPlacement,
  Model,
  Morphology,
  Recording,
  RegionMembrane,
  RunSettings,
  SpikeDetector,
  SpikeSource,
  Stimulus,
  SynapseDescription,
} from './types.js';
import type { RawModel } from './schema.js';
import type { RawCell, RawPlacement, RawRegionMembrane } from './schema-cell.js';
import { DEFAULT_IONS, ION_NAMES } from './schema-cell.js';
import { DEFAULT_ION_CONCENTRATIONS, type RawConcentrations } from './schema-concentrations.js';
import { swcRegion } from './schema-morphology.js';
import type { RawLocation } from './schema-stimulus.js';
import { DEFAULT_SYNAPSE_REVERSAL, SYNAPSE_PRESETS, type RawConnection, type RawDrug, type RawSource, type RawSynapse } from './schema-synapse.js';

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
  /**
   * Names of the drugs the engine knows (its catalogue, e.g. `['TTX', 'TEA', '4-AP']`). When given, a drug not in it
   * (compared without regard to case) is an error, and the model takes the catalogue's spelling. When absent, any
   * name passes as written.
   */
  readonly drugs?: readonly string[];
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

/**
 * Fills missing ids with `prefix0`, `prefix1`, ... skipping ids already taken (in this list or `reserved`, the ids
 * given in other lists that share the name space); reports duplicates within the list.
 */
function assignIds(
  given: readonly (string | undefined)[],
  prefix: (index: number) => string,
  path: (index: number) => PathSegment[],
  report: (issue: ResolveIssue) => void,
  reserved: ReadonlySet<string> = new Set(),
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
    while (firstUse.has(`${base}${n}`) || reserved.has(`${base}${n}`)) n++;
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

function resolveRegionMembrane(
  raw: readonly RawRegionMembrane[],
  path: PathSegment[],
  regions: ReadonlySet<string>,
  report: (issue: ResolveIssue) => void,
): RegionMembrane[] {
  return raw.map((entry, i) => {
    entry.regions.forEach((region, k) => {
      if (!regions.has(region)) report({ path: [...path, i, 'regions', k], input: region, allowed: `a region of this cell: ${list(regions)}` });
    });
    if (entry.capacitance === undefined && entry.axialResistivity === undefined) {
      report({
        path: [...path, i],
        input: entry,
        allowed: 'an entry that sets capacitance, axialResistivity or both (one with neither changes nothing)',
      });
    }
    return {
      regions: entry.regions,
      ...(entry.capacitance !== undefined ? { capacitance: entry.capacitance } : {}),
      ...(entry.axialResistivity !== undefined ? { axialResistivity: entry.axialResistivity } : {}),
    };
  });
}

/**
 * Checks the moving concentrations against the cell and completes its ion settings: a dynamic ion without an entry
 * in `ions` gets one with reversal `nernst` and DEFAULT_ION_CONCENTRATIONS; one with a fixed reversal is an error.
 * Returns the ion entries to add (after those given) and the resolved dynamics.
 */
function resolveConcentrations(
  raw: RawConcentrations,
  cell: RawCell,
  path: PathSegment[],
  report: (issue: ResolveIssue) => void,
): { added: IonSettings[]; dynamics: ConcentrationDynamics } {
  const here = [...path, 'concentrations'];
  const added: IonSettings[] = [];
  const seen = new Map<IonName, number>();
  raw.dynamic.forEach((ion, i) => {
    const earlier = seen.get(ion);
    if (earlier !== undefined) {
      report({ path: [...here, 'dynamic', i], input: ion, allowed: `each ion once: ${ion} is already listed at dynamic[${earlier}]` });
      return;
    }
    seen.set(ion, i);
    const index = cell.ions.findIndex((entry) => entry.ion === ion);
    if (index < 0) {
      const { inside, outside } = DEFAULT_ION_CONCENTRATIONS[ion];
      added.push({ ion, inside, outside, reversal: 'nernst' });
    } else if (cell.ions[index].reversal !== 'nernst') {
      report({
        path: [...path, 'ions', index, 'reversal'],
        input: cell.ions[index].reversal,
        allowed: `"nernst" with inside and outside concentrations: ${ion} is in concentrations.dynamic, so its reversal potential follows its concentrations`,
      });
    }
  });
  if (raw.waterPermeability !== undefined && cell.morphology.kind !== 'single') {
    report({
      path: [...here, 'waterPermeability'],
      input: raw.waterPermeability,
      allowed: `no waterPermeability: the volume follows water flux only in single-compartment cells (morphology kind single), and this morphology is ${cell.morphology.kind}`,
    });
  }
  if (raw.calciumBuffer !== undefined && !seen.has('ca')) {
    report({
      path: [...here, 'calciumBuffer'],
      input: raw.calciumBuffer,
      allowed: 'a calcium buffer only with "ca" among the dynamic ions (it buffers the calcium that moves)',
    });
  }
  const dynamics: ConcentrationDynamics = {
    dynamic: [...seen.keys()],
    ...(raw.outsideSpace !== undefined
      ? {
          outsideSpace: {
            thickness: raw.outsideSpace.thickness,
            // Absent: a closed space, no exchange with the bath.
            ...(raw.outsideSpace.bathTimeConstant !== undefined ? { bathTimeConstant: raw.outsideSpace.bathTimeConstant } : {}),
          },
        }
      : {}),
    ...(raw.impermeantAnions !== undefined ? { impermeantAnions: { ...raw.impermeantAnions } } : {}),
    ...(raw.calciumBuffer !== undefined ? { calciumBuffer: { ...raw.calciumBuffer } } : {}),
    ...(raw.waterPermeability !== undefined ? { waterPermeability: raw.waterPermeability } : {}),
  };
  return { added, dynamics };
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
  const regionMembrane = resolveRegionMembrane(raw.regionMembrane, [...path, 'regionMembrane'], shape.regions, report);
  const concentrations = raw.concentrations === undefined ? undefined : resolveConcentrations(raw.concentrations, raw, path, report);
  const ions = resolveIons([...raw.ions, ...(concentrations?.added ?? [])], [...path, 'ions'], report);
  const description: CellDescription = {
    id,
    morphology,
    membrane: raw.membrane,
    regionMembrane,
    mechanisms,
    ions,
    ...(concentrations !== undefined ? { concentrations: concentrations.dynamics } : {}),
  };
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
const PLAIN_VARIABLES = new RegExp(`^(v|i|volume|i_(${ION_PATTERN})|e_(${ION_PATTERN})|(${ION_PATTERN})_(inside|outside|moved))$`);
const DOTTED_VARIABLE = /^([A-Za-z0-9_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

function checkVariable(
  variable: string,
  location: Location,
  cell: CellInfo,
  stimuli: ReadonlyMap<string, Stimulus>,
  synapses: ReadonlyMap<string, SynapseDescription>,
  channels: ReadonlyMap<string, ChannelDefinition>,
  path: PathSegment[],
  report: (issue: ResolveIssue) => void,
): void {
  if (PLAIN_VARIABLES.test(variable)) return;
  const here = [...path, 'variable'];
  const placed = [...new Set(cell.mechanisms.map((m) => m.mechanism))];
  const forms =
    `v, i (total membrane current), i_<ion>, e_<ion>, <ion>_inside, <ion>_outside or <ion>_moved (ion one of ${ION_NAMES.join('|')}), volume, ` +
    `<mechanism>.<state, conductance or i> for a mechanism placed there${placed.length > 0 ? ` (${list(placed)})` : ''}, ` +
    `<stimulus id>.i${stimuli.size > 0 ? ` (${list(stimuli.keys())})` : ''}, ` +
    `or <synapse id>.g or .i${synapses.size > 0 ? ` (${list(synapses.keys())})` : ''}`;
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
  if (synapses.has(owner)) {
    if (quantityName !== 'g' && quantityName !== 'i') {
      report({ path: here, input: variable, allowed: `${owner}.g (conductance, uS) or ${owner}.i (current, nA) of synapse ${owner}` });
    }
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

/** Reports an id used in two of the lists that share one name space (within one list, assignIds reports it). */
function checkSharedIds(lists: readonly (readonly [string, readonly string[]])[], report: (issue: ResolveIssue) => void): void {
  const owner = new Map<string, string>();
  for (const [name, ids] of lists) {
    ids.forEach((id, i) => {
      const earlier = owner.get(id);
      if (earlier === undefined) owner.set(id, `${name}[${i}]`);
      else if (!earlier.startsWith(`${name}[`)) {
        report({
          path: [name, i, 'id'],
          input: id,
          allowed: `a unique id: "${id}" is already used by ${earlier} (stimuli, spike detectors, synapses and sources share one set of ids)`,
        });
      }
    });
  }
}

/** Rise, decay, reversal and magnesium of a synapse: the values given, else its kind's preset or the generic defaults. */
function resolveSynapseKinetics(
  input: RawSynapse,
  path: PathSegment[],
  report: (issue: ResolveIssue) => void,
): Pick<SynapseDescription, 'rise' | 'decay' | 'reversal' | 'magnesium'> | undefined {
  const preset = input.kind === 'exponential' || input.kind === 'dual-exponential' ? undefined : SYNAPSE_PRESETS[input.kind];
  const reversal = input.reversal ?? preset?.reversal ?? DEFAULT_SYNAPSE_REVERSAL;
  const magnesium = input.magnesium ?? preset?.magnesium ?? 0;
  let ok = true;
  const decay = input.decay ?? preset?.decay;
  if (decay === undefined) {
    report({ path: [...path, 'decay'], input: undefined, allowed: `a positive time such as "5 ms": a synapse of kind ${input.kind} needs decay` });
    ok = false;
  }
  if (input.kind === 'exponential') {
    if (input.rise !== undefined && input.rise !== 0) {
      report({
        path: [...path, 'rise'],
        input: input.rise,
        allowed: 'no rise (or 0): an exponential synapse rises at once; use kind dual-exponential for a finite rise',
      });
      ok = false;
    }
    return ok && decay !== undefined ? { rise: 0, decay, reversal, magnesium } : undefined;
  }
  const rise = input.rise ?? preset?.rise;
  if (rise === undefined) {
    report({ path: [...path, 'rise'], input: undefined, allowed: `a positive time shorter than decay, such as "0.5 ms": a synapse of kind ${input.kind} needs rise` });
    return undefined;
  }
  if (!ok || decay === undefined) return undefined;
  if (rise === 0) {
    report({ path: [...path, 'rise'], input: input.rise, allowed: `a positive time shorter than decay (${decay} ms); for a rise at once use kind exponential` });
    return undefined;
  }
  if (rise >= decay) {
    // Blame the field that was given (when both were, the rise).
    const field = input.rise !== undefined ? 'rise' : 'decay';
    report({
      path: [...path, field],
      input: input[field],
      allowed:
        field === 'rise'
          ? `a rise time shorter than decay (${decay} ms${input.decay === undefined ? `, the ${input.kind} preset` : ''})`
          : `a decay time longer than rise (${rise} ms, the ${input.kind} preset)`,
    });
    return undefined;
  }
  return { rise, decay, reversal, magnesium };
}

function resolveSource(input: RawSource, id: string, path: PathSegment[], duration: number, report: (issue: ResolveIssue) => void): SpikeSource {
  if (input.kind === 'train') {
    input.times.forEach((time, j) => {
      if (j > 0 && time <= input.times[j - 1]) {
        report({ path: [...path, 'times', j], input: time, allowed: `a time after the previous one (${input.times[j - 1]} ms): spike times must increase` });
      }
    });
    return { id, kind: 'train', times: input.times };
  }
  const stop = input.stop ?? duration;
  if (stop <= input.start) {
    if (input.stop !== undefined) report({ path: [...path, 'stop'], input: input.stop, allowed: `a time after start (${input.start} ms)` });
    else report({ path: [...path, 'start'], input: input.start, allowed: `a time before stop (default the run duration, ${duration} ms)` });
  }
  return { id, kind: 'poisson', rate: input.rate, start: input.start, stop, seed: input.seed };
}

function resolveConnection(
  input: RawConnection,
  path: PathSegment[],
  sourceIds: readonly string[],
  spikeIds: readonly string[],
  synapseIds: readonly string[],
  report: (issue: ResolveIssue) => void,
): Connection {
  if (!sourceIds.includes(input.source) && !spikeIds.includes(input.source)) {
    const known = [...sourceIds, ...spikeIds];
    report({
      path: [...path, 'source'],
      input: input.source,
      allowed:
        known.length > 0
          ? `the id of a spike source or a spike detector: ${list(known)}`
          : 'the id of a spike source or a spike detector (there are none: add sources or spikes)',
    });
  }
  if (!synapseIds.includes(input.target)) {
    report({
      path: [...path, 'target'],
      input: input.target,
      allowed: synapseIds.length > 0 ? `the id of a synapse: ${list(synapseIds)}` : 'the id of a synapse (there are none: add synapses)',
    });
  }
  return { source: input.source, target: input.target, weight: input.weight, delay: input.delay };
}

function resolveDrugs(raw: readonly RawDrug[], options: ResolveOptions, report: (issue: ResolveIssue) => void): DrugApplication[] {
  const seen = new Map<string, number>();
  return raw.map((input, i) => {
    let drug = input.drug;
    if (options.drugs !== undefined) {
      const known = options.drugs.find((name) => name.toLowerCase() === input.drug.toLowerCase());
      if (known === undefined) {
        report({
          path: ['drugs', i, 'drug'],
          input: input.drug,
          allowed: options.drugs.length > 0 ? `a known drug (case does not matter): ${list(options.drugs, 50)}` : 'a known drug (the catalogue has none)',
        });
      } else drug = known;
    }
    const key = drug.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report({ path: ['drugs', i, 'drug'], input: input.drug, allowed: `each drug once: ${drug} is already applied by drugs[${earlier}]` });
    } else seen.set(key, i);
    return { drug, concentration: input.concentration };
  });
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

  // Ids of stimuli, spike detectors, synapses and sources share one name space (recordings and connections name
  // them): generated ids skip the ids given in any of these lists, and an id given twice is an error.
  const given = (list: readonly { id?: string | undefined }[]) => list.flatMap((item) => (item.id === undefined ? [] : [item.id]));
  const stimulusIds = assignIds(
    raw.stimuli.map((s) => s.id),
    (i) => (raw.stimuli[i].kind === 'current-clamp' ? 'iclamp' : 'vclamp'),
    (i) => ['stimuli', i],
    report,
    new Set([...given(raw.spikes), ...given(raw.synapses), ...given(raw.sources)]),
  );
  const spikeIds = assignIds(
    raw.spikes.map((s) => s.id),
    () => 'spike',
    (i) => ['spikes', i],
    report,
    new Set([...given(raw.stimuli), ...given(raw.synapses), ...given(raw.sources)]),
  );
  const synapseIds = assignIds(raw.synapses.map((s) => s.id), () => 'synapse', (i) => ['synapses', i], report);
  const sourceIds = assignIds(raw.sources.map((s) => s.id), () => 'source', (i) => ['sources', i], report);
  checkSharedIds(
    [
      ['stimuli', stimulusIds],
      ['spikes', spikeIds],
      ['synapses', synapseIds],
      ['sources', sourceIds],
    ],
    report,
  );

  // Stimuli.
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

  // Synapses.
  const synapses = new Map<string, SynapseDescription>();
  raw.synapses.forEach((input, i) => {
    const id = synapseIds[i];
    if (mechanismNames.has(id) || channels.has(id)) {
      report({ path: ['synapses', i, 'id'], input: id, allowed: `an id that is not a mechanism name (so that "${id}.g" and "${id}.i" are unambiguous)` });
    }
    const kinetics = resolveSynapseKinetics(input, ['synapses', i], report);
    const where = resolveLocation(input.location, ['synapses', i], cells, report);
    if (kinetics === undefined || where === undefined) return;
    if (!synapses.has(id)) synapses.set(id, { id, kind: input.kind, location: where.location, ...kinetics });
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
    checkVariable(input.variable, where.location, where.cell, stimuli, synapses, channels, ['recordings', i], report);
    recordings.push({ id: recordingIds[i], location: where.location, variable: input.variable });
  });

  // Spike detectors and velocity.
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

  // Spike sources, connections, drugs.
  const sources = raw.sources.map((input, i) => resolveSource(input, sourceIds[i], ['sources', i], raw.run.duration, report));
  const connections = raw.connections.map((input, i) => resolveConnection(input, ['connections', i], sourceIds, spikeIds, synapseIds, report));
  const drugs = resolveDrugs(raw.drugs, options, report);

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
    synapses: [...synapses.values()],
    sources,
    connections,
    drugs,
    run,
  };
  return { ok: true, model };
}
