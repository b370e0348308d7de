/**
 * Resolving one cell: its morphology described (sections, regions, points, root), mechanism placements checked and
 * their parameters converted to canonical units, region membranes checked, concentrations and ions completed. Returns
 * the cell's description and the `CellInfo` that locations and recording variables are checked against.
 */
import { InputError } from '../units/errors.js';
import { QUANTITY_KINDS, type QuantityKind } from '../units/kinds.js';
import { parseQuantity } from '../units/quantity.js';
import type { PathSegment } from './issues.js';
import type {
  CellDescription,
  ChannelDefinition,
  IonSettings,
  Location,
  MechanismPlacement,
  Morphology,
  RegionMembrane,
} from './types.js';
import type { RawCell, RawPlacement, RawRegionMembrane } from './schema-cell.js';
import { DEFAULT_IONS } from './schema-cell.js';
import { swcRegion } from './schema-morphology.js';
import { checkTree, kindOf, list, ownValue, type Report, type ResolveOptions } from './resolve-helpers.js';
import { resolveConcentrations } from './resolve-concentrations.js';

/** Parameters a channel of the model accepts when placed, with their kinds. */
const CHANNEL_PARAMETERS: Readonly<Record<string, QuantityKind>> = { conductance: 'specificConductance', reversal: 'voltage' };

/** Kinds tried, in order, for a parameter written with a unit whose mechanism is unknown. */
const DETECTABLE_KINDS = QUANTITY_KINDS.filter((kind) => kind !== 'temperature' && kind !== 'dimensionless');

/** What the checks after the cells need to know of a cell. */
export interface CellInfo {
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

function describeMorphology(raw: Morphology, path: PathSegment[], report: Report) {
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
  report: Report,
): MechanismPlacement {
  const channel = channels.has(placement.mechanism);
  let kinds: Readonly<Record<string, QuantityKind | string>> | undefined;
  if (channel) kinds = CHANNEL_PARAMETERS;
  else if (options.catalogue) {
    kinds = ownValue(options.catalogue, placement.mechanism);
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
  const converted: [string, number][] = [];
  for (const [parameter, value] of Object.entries(placement.parameters)) {
    const written = ownValue(kinds, parameter);
    if (kinds !== undefined && written === undefined) {
      report({
        path: [...path, 'parameters', parameter],
        input: value,
        allowed: `a parameter of ${placement.mechanism}: ${list(Object.keys(kinds))}`,
      });
      continue;
    }
    const result = convertParameter(value, written === undefined ? undefined : kindOf(written));
    if ('allowed' in result) report({ path: [...path, 'parameters', parameter], input: value, allowed: result.allowed });
    else converted.push([parameter, result.value]);
  }
  // Own data properties whatever the names (fromEntries defines, it never assigns through a prototype setter).
  const parameters: Record<string, number> = Object.fromEntries(converted);
  return {
    mechanism: placement.mechanism,
    ...(placement.regions !== undefined ? { regions: placement.regions } : {}),
    parameters,
  };
}

function resolveIons(given: readonly IonSettings[], path: PathSegment[], report: Report): IonSettings[] {
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
  report: Report,
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

export function resolveCell(
  raw: RawCell,
  id: string,
  path: PathSegment[],
  channels: ReadonlyMap<string, ChannelDefinition>,
  options: ResolveOptions,
  report: Report,
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
