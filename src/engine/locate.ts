/**
 * Locations to nodes: a model location (cell, section, position, or an SWC point) to the index of the node that
 * stands for it, as NEURON's `sec(x)`.
 */
import type { Location, Model } from '../model/types.js';
import { InputError } from '../units/errors.js';
import { nodeAtPosition, type Discretisation, type DiscreteSection } from './discretise.js';

function findSection(tree: Discretisation, model: Model, location: Location, field: string): DiscreteSection {
  const cellIndex = model.cells.findIndex((cell) => cell.id === location.cell);
  if (cellIndex < 0) throw new InputError(`${field}.cell`, JSON.stringify(location.cell), `one of ${model.cells.map((c) => c.id).join(', ')}`);
  const sections = tree.sections.filter((section) => section.cell === cellIndex);
  if (location.point !== undefined) {
    const section = sections.find((s) => s.point === location.point);
    if (!section) throw new InputError(`${field}.point`, String(location.point), 'the id of a point of the cell');
    return section;
  }
  const name = location.section ?? sections[0].id;
  const section = sections.find((s) => s.id === name);
  if (!section) throw new InputError(`${field}.section`, JSON.stringify(name), `one of ${sections.map((s) => s.id).slice(0, 10).join(', ')}`);
  return section;
}

/** The node index of a location (NEURON's `sec(x)`); an SWC point stands for its section's end. */
export function locateNode(compiled: { readonly tree: Discretisation; readonly model: Model }, location: Location, field: string): number {
  const section = findSection(compiled.tree, compiled.model, location, field);
  return nodeAtPosition(section, location.point !== undefined ? 1 : location.position);
}

