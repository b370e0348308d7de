/**
 * What names other parts of the model: locations completed and checked against the cells (the only cell, the root
 * section or point), recording variables checked against what is placed at their location, and the one name space
 * shared by stimuli, spike detectors, synapses and sources.
 */
import type { PathSegment } from './issues.js';
import type { ChannelDefinition, Location, Stimulus, SynapseDescription } from './types.js';
import { ION_NAMES } from './schema-cell.js';
import type { RawLocation } from './schema-stimulus.js';
import { list, type Report } from './resolve-helpers.js';
import type { CellInfo } from './resolve-cell.js';

export function resolveLocation(
  raw: RawLocation,
  path: PathSegment[],
  cells: ReadonlyMap<string, CellInfo>,
  report: Report,
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

export function checkVariable(
  variable: string,
  location: Location,
  cell: CellInfo,
  stimuli: ReadonlyMap<string, Stimulus>,
  synapses: ReadonlyMap<string, SynapseDescription>,
  channels: ReadonlyMap<string, ChannelDefinition>,
  path: PathSegment[],
  report: Report,
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
export function checkSharedIds(lists: readonly (readonly [string, readonly string[]])[], report: Report): void {
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
