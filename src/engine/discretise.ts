/**
 * Morphology to compartments, with NEURON's discretisation: a section of n segments has a node at the centre of
 * each segment (carrying the membrane of that segment) and a zero-area node at its far end (position 1); the root
 * section also has a zero-area node at position 0. A child's segments hang from the parent's node at the
 * attachment point. Neighbouring nodes are joined by the axial resistance of the half segments between them.
 * Nodes are numbered so that every parent comes before its children (what the Hines solver needs).
 *
 * Units: lengths um, areas um2, axial conductance uS (uS * mV = nA).
 * Truncated cones: lateral area pi (r1 + r2) sqrt((r1 - r2)^2 + L^2); axial resistance Ra L / (pi r1 r2).
 */
import type { CellDescription, Morphology, Section, SwcPoint } from '../model/types.js';
import { InputError } from '../units/errors.js';

export interface DiscreteSection {
  readonly cell: number;
  readonly id: string;
  readonly regions: readonly string[];
  readonly compartments: number;
  readonly length: number;
  /** Node index of position 0 (the parent's attachment node) and of position 1 (this section's end node). */
  readonly startNode: number;
  readonly endNode: number;
  /** Node index of each segment centre, in order from position 0 to 1. */
  readonly centreNodes: Int32Array;
  /** Path distance from the cell's root to position 0 of this section, um. */
  readonly distanceAtStart: number;
  /** For sections made from SWC points: the point at position 1. */
  readonly point?: number;
}

export interface Discretisation {
  readonly nodeCount: number;
  readonly parent: Int32Array;
  /** Membrane area of each node, um2 (0 for end nodes). */
  readonly area: Float64Array;
  /** Cytoplasmic volume of each node, um3 (0 for end nodes). */
  readonly volume: Float64Array;
  /** Axial conductance between each node and its parent, uS (0 for roots). */
  readonly axialConductance: Float64Array;
  /** Path distance of each node from its cell's root, um. */
  readonly distance: Float64Array;
  /** Cell index of each node. */
  readonly cellOfNode: Int32Array;
  readonly sections: readonly DiscreteSection[];
}

/** A section in the common form every morphology is turned into before numbering. */
interface SectionSpec {
  id: string;
  parent?: string;
  parentPosition: number;
  length: number;
  diameterStart: number;
  diameterEnd: number;
  compartments: number;
  regions: readonly string[];
  point?: number;
}

const SWC_REGIONS: Record<number, string> = { 1: 'soma', 2: 'axon', 3: 'basal', 4: 'apical' };

function pointsToSections(points: readonly SwcPoint[], maximumLength: number): SectionSpec[] {
  const byId = new Map(points.map((point) => [point.id, point]));
  const root = points.find((point) => point.parent === -1);
  if (!root) throw new InputError('morphology.points', 'no root', 'one point with parent -1');
  // The root point stands for a spherical soma: a cylinder as long as it is wide (same area as the sphere).
  const sections: SectionSpec[] = [
    {
      id: `point${root.id}`,
      parentPosition: 1,
      length: 2 * root.radius,
      diameterStart: 2 * root.radius,
      diameterEnd: 2 * root.radius,
      compartments: 1,
      regions: [SWC_REGIONS[root.type] ?? `type${root.type}`],
      point: root.id,
    },
  ];
  for (const point of points) {
    if (point === root) continue;
    const parent = byId.get(point.parent)!;
    const length = Math.hypot(point.x - parent.x, point.y - parent.y, point.z - parent.z);
    const isRootChild = parent === root;
    sections.push({
      id: `point${point.id}`,
      parent: `point${parent.id}`,
      parentPosition: isRootChild ? 0.5 : 1,
      length: Math.max(length, 1e-3),
      diameterStart: 2 * (isRootChild ? point.radius : parent.radius),
      diameterEnd: 2 * point.radius,
      compartments: Math.max(1, Math.ceil(length / maximumLength)),
      regions: [SWC_REGIONS[point.type] ?? `type${point.type}`],
      point: point.id,
    });
  }
  return sections;
}

function sectionSpecs(morphology: Morphology): SectionSpec[] {
  switch (morphology.kind) {
    case 'single':
      return [
        {
          id: morphology.section,
          parentPosition: 1,
          length: morphology.length,
          diameterStart: morphology.diameter,
          diameterEnd: morphology.diameter,
          compartments: 1,
          regions: [morphology.section],
        },
      ];
    case 'cable':
      return [
        {
          id: morphology.section,
          parentPosition: 1,
          length: morphology.length,
          diameterStart: morphology.diameter,
          diameterEnd: morphology.diameter,
          compartments: morphology.compartments,
          regions: [morphology.region],
        },
      ];
    case 'sections':
      return morphology.sections.map((section: Section) => ({ ...section }));
    case 'points':
      return pointsToSections(morphology.points, morphology.maximumCompartmentLength);
  }
}

/** Sections in an order where every parent precedes its children. */
function topologicalOrder(specs: SectionSpec[]): SectionSpec[] {
  const children = new Map<string, SectionSpec[]>();
  const roots: SectionSpec[] = [];
  for (const spec of specs) {
    if (spec.parent === undefined) roots.push(spec);
    else {
      const list = children.get(spec.parent) ?? [];
      list.push(spec);
      children.set(spec.parent, list);
    }
  }
  const ordered: SectionSpec[] = [];
  const stack = roots.reverse();
  while (stack.length > 0) {
    const spec = stack.pop()!;
    ordered.push(spec);
    const kids = children.get(spec.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return ordered;
}

/**
 * Lateral area (um2), volume (um3) and axial resistance (ohm) of a truncated cone of length L (um) and end
 * diameters d1, d2 (um).
 */
function frustum(length: number, d1: number, d2: number, resistivity: number): { area: number; volume: number; resistance: number } {
  const r1 = d1 / 2, r2 = d2 / 2;
  const area = Math.PI * (r1 + r2) * Math.sqrt((r1 - r2) * (r1 - r2) + length * length);
  const volume = (Math.PI * length * (r1 * r1 + r1 * r2 + r2 * r2)) / 3;
  // Ra [ohm cm] * L [um] / (pi r1 r2 [um2]) -> ohm: * 1e-4 cm/um / 1e-8 cm2/um2 = * 1e4.
  const resistance = (resistivity * length * 1e4) / (Math.PI * r1 * r2);
  return { area, volume, resistance };
}

/**
 * A membrane property of a section: the last of the cell's region overrides that names one of the section's regions
 * and sets it, else the cell's own value.
 */
export function regionProperty(cell: CellDescription, regions: readonly string[], property: 'capacitance' | 'axialResistivity'): number {
  let value = cell.membrane[property];
  for (const entry of cell.regionMembrane ?? []) {
    const override = entry[property];
    if (override !== undefined && entry.regions.some((region) => regions.includes(region))) value = override;
  }
  return value;
}

/** Discretises every cell into one forest of nodes. */
export function discretise(cells: readonly CellDescription[]): Discretisation {
  const parent: number[] = [];
  const area: number[] = [];
  const volume: number[] = [];
  const resistanceToParent: number[] = [];
  const distance: number[] = [];
  const cellOfNode: number[] = [];
  const sections: DiscreteSection[] = [];

  const addNode = (parentNode: number, nodeArea: number, resistance: number, nodeDistance: number, cell: number, nodeVolume = 0): number => {
    parent.push(parentNode);
    area.push(nodeArea);
    volume.push(nodeVolume);
    resistanceToParent.push(resistance);
    distance.push(nodeDistance);
    cellOfNode.push(cell);
    return parent.length - 1;
  };

  cells.forEach((cell, cellIndex) => {
    const specs = topologicalOrder(sectionSpecs(cell.morphology));
    const placed = new Map<string, DiscreteSection>();
    const single = cell.morphology.kind === 'single';
    for (const spec of specs) {
      const n = spec.compartments;
      const dx = spec.length / n;
      const resistivity = regionProperty(cell, spec.regions, 'axialResistivity');
      const diameterAt = (x: number) => spec.diameterStart + (spec.diameterEnd - spec.diameterStart) * x;
      let startNode: number;
      let distanceAtStart: number;
      if (spec.parent === undefined) {
        distanceAtStart = 0;
        // A lone compartment needs no end nodes: they would carry no current (NEURON's are inert there too).
        startNode = single ? -1 : addNode(-1, 0, 0, 0, cellIndex);
      } else {
        const parentSection = placed.get(spec.parent)!;
        startNode = nodeAtPosition(parentSection, spec.parentPosition);
        distanceAtStart = parentSection.distanceAtStart + spec.parentPosition * parentSection.length;
      }
      const centreNodes = new Int32Array(n);
      let previous = startNode;
      let previousHalfResistance = 0;
      for (let j = 0; j < n; j++) {
        const left = frustum(dx / 2, diameterAt(j / n), diameterAt((j + 0.5) / n), resistivity);
        const right = frustum(dx / 2, diameterAt((j + 0.5) / n), diameterAt((j + 1) / n), resistivity);
        const node = addNode(
          previous,
          left.area + right.area,
          previousHalfResistance + left.resistance,
          distanceAtStart + (j + 0.5) * dx,
          cellIndex,
          left.volume + right.volume,
        );
        centreNodes[j] = node;
        previous = node;
        previousHalfResistance = right.resistance;
      }
      const endNode = single ? centreNodes[n - 1] : addNode(previous, 0, previousHalfResistance, distanceAtStart + spec.length, cellIndex);
      if (single) startNode = centreNodes[0];
      const section: DiscreteSection = {
        cell: cellIndex,
        id: spec.id,
        regions: spec.regions,
        compartments: n,
        length: spec.length,
        startNode,
        endNode,
        centreNodes,
        distanceAtStart,
        point: spec.point,
      };
      placed.set(spec.id, section);
      sections.push(section);
    }
  });

  const nodeCount = parent.length;
  const axialConductance = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) axialConductance[i] = parent[i] < 0 ? 0 : 1e6 / resistanceToParent[i];
  return {
    nodeCount,
    parent: Int32Array.from(parent),
    area: Float64Array.from(area),
    volume: Float64Array.from(volume),
    axialConductance,
    distance: Float64Array.from(distance),
    cellOfNode: Int32Array.from(cellOfNode),
    sections,
  };
}

/**
 * The node that stands for position x of a section, as NEURON's `sec(x)`: the end nodes at 0 and 1, otherwise the
 * centre of the segment that contains x.
 */
export function nodeAtPosition(section: DiscreteSection, position: number): number {
  if (position <= 0) return section.startNode;
  if (position >= 1) return section.endNode;
  const index = Math.min(section.compartments - 1, Math.floor(position * section.compartments));
  return section.centreNodes[index];
}
