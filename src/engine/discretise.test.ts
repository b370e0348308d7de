import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellDescription, Morphology, Section, SwcPoint } from '../model/types.js';
import { discretise, nodeAtPosition } from './discretise.js';
import { logUniform } from '../units/test-arbitraries.js';


const cell = (morphology: Morphology, axialResistivity = 100, id = 'c'): CellDescription => ({
  id,
  morphology,
  membrane: { capacitance: 1, axialResistivity, initialVoltage: -65 },
  mechanisms: [],
  ions: [],
});

const cable = (length: number, diameter: number, compartments: number): Morphology => ({ kind: 'cable', section: 'cable', region: 'cable', length, diameter, compartments });

const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);

const section = (id: string, parent: string | undefined, length: number, diameter: number, compartments: number, parentPosition = 1): Section => ({
  id,
  parent,
  parentPosition,
  length,
  diameterStart: diameter,
  diameterEnd: diameter,
  compartments,
  regions: [id],
});

describe('discretise: cable', () => {
  it('a cable of n compartments has n centre nodes + 2 zero-area end nodes, total area pi d L (to 1e-12 relative)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), logUniform(1, 1e4), logUniform(0.1, 500), (n, length, diameter) => {
        const tree = discretise([cell(cable(length, diameter, n))]);
        expect(tree.nodeCount).toBe(n + 2);
        const [s] = tree.sections;
        expect(s.centreNodes.length).toBe(n);
        expect(tree.area[s.startNode]).toBe(0);
        expect(tree.area[s.endNode]).toBe(0);
        for (const node of s.centreNodes) expect(tree.area[node]).toBeGreaterThan(0);
        // Sum of 2n half-segment areas: round-off ~2n ulp.
        expect(Math.abs(sum(tree.area) - Math.PI * diameter * length)).toBeLessThanOrEqual(1e-12 * Math.PI * diameter * length);
      }),
    );
  });

  it('cable axial conductance between neighbouring centres is 100 pi r^2 / (Ra dx) uS (r, dx in um, Ra in ohm cm); 200 pi r^2/(Ra dx) to the end nodes', () => {
    // 1 um = 1e-4 cm: G = pi (r 1e-4)^2 / (Ra dx 1e-4) S = 1e-4 pi r^2/(Ra dx) S = 100 pi r^2/(Ra dx) uS.
    const length = 1000, diameter = 2, n = 10, ra = 35.4;
    const tree = discretise([cell(cable(length, diameter, n), ra)]);
    const [s] = tree.sections;
    const r = diameter / 2, dx = length / n;
    const expected = (100 * Math.PI * r * r) / (ra * dx);
    for (let j = 1; j < n; j++) {
      const node = s.centreNodes[j];
      expect(tree.parent[node]).toBe(s.centreNodes[j - 1]);
      expect(tree.axialConductance[node] / expected).toBeCloseTo(1, 13);
    }
    expect(tree.parent[s.centreNodes[0]]).toBe(s.startNode);
    expect(tree.axialConductance[s.centreNodes[0]] / (2 * expected)).toBeCloseTo(1, 13);
    expect(tree.parent[s.endNode]).toBe(s.centreNodes[n - 1]);
    expect(tree.axialConductance[s.endNode] / (2 * expected)).toBeCloseTo(1, 13);
    expect(tree.axialConductance[s.startNode]).toBe(0);
    // Figures: 1 mm of 1 um axon at 100 ohm cm in 1000 compartments: 100 pi 0.25 / (100 * 1) = 0.785398 uS.
    const rallpack = discretise([cell(cable(1000, 1, 1000), 100)]);
    expect(rallpack.axialConductance[rallpack.sections[0].centreNodes[5]]).toBeCloseTo(Math.PI / 4, 12);
  });

  it('discretise numbers every node after its parent (parent[i] < i) and gives path distances at segment centres', () => {
    const tree = discretise([cell(cable(100, 1, 4))]);
    for (let i = 0; i < tree.nodeCount; i++) expect(tree.parent[i]).toBeLessThan(i);
    const [s] = tree.sections;
    expect(Array.from(s.centreNodes, (node) => tree.distance[node])).toEqual([12.5, 37.5, 62.5, 87.5]);
    expect(tree.distance[s.endNode]).toBe(100);
  });
});

describe('nodeAtPosition: NEURON sec(x)', () => {
  const tree = discretise([cell(cable(300, 1, 3))]);
  const [s] = tree.sections;
  it('nodeAtPosition(0) and (1) are the end nodes; (x) for 0 < x < 1 is the centre of segment floor(n x)', () => {
    expect(nodeAtPosition(s, 0)).toBe(s.startNode);
    expect(nodeAtPosition(s, 1)).toBe(s.endNode);
    expect(nodeAtPosition(s, 0.1)).toBe(s.centreNodes[0]);
    expect(nodeAtPosition(s, 0.5)).toBe(s.centreNodes[1]);
    expect(nodeAtPosition(s, 0.9)).toBe(s.centreNodes[2]);
    expect(nodeAtPosition(s, 0.999999)).toBe(s.centreNodes[2]);
    // A segment boundary belongs to the segment above it, as NEURON's node_index: (int)(x * nseg).
    expect(nodeAtPosition(s, 2 / 3)).toBe(s.centreNodes[2]);
  });

  it('nodeAtPosition(0.5) of nseg 1 is its only centre, and of nseg 2 is the second segment (NEURON: (int)(0.5 * 2) = 1)', () => {
    const one = discretise([cell(cable(100, 1, 1))]).sections[0];
    expect(nodeAtPosition(one, 0.5)).toBe(one.centreNodes[0]);
    const two = discretise([cell(cable(100, 1, 2))]).sections[0];
    expect(nodeAtPosition(two, 0.5)).toBe(two.centreNodes[1]);
  });
});

describe('discretise: single compartment, section trees, SWC points, several cells', () => {
  it('a single compartment is one node of area pi d L with no end nodes and no parent', () => {
    const tree = discretise([cell({ kind: 'single', section: 'soma', length: 20, diameter: 10 })]);
    expect(tree.nodeCount).toBe(1);
    expect(tree.parent[0]).toBe(-1);
    expect(tree.area[0]).toBeCloseTo(Math.PI * 200, 10);
    const [s] = tree.sections;
    expect([s.startNode, s.endNode, nodeAtPosition(s, 0), nodeAtPosition(s, 0.5), nodeAtPosition(s, 1)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('a sections tree attaches a child at parentPosition: 0.5 of a 3-segment parent hangs from its middle centre, 1 from its end', () => {
    const tree = discretise([
      cell({
        kind: 'sections',
        sections: [section('soma', undefined, 30, 10, 3), section('mid', 'soma', 50, 1, 2, 0.5), section('tip', 'soma', 40, 2, 4, 1), section('base', 'soma', 10, 1, 1, 0)],
      }),
    ]);
    const byId = Object.fromEntries(tree.sections.map((s) => [s.id, s]));
    expect(byId.mid.startNode).toBe(byId.soma.centreNodes[1]);
    expect(tree.parent[byId.mid.centreNodes[0]]).toBe(byId.soma.centreNodes[1]);
    expect(byId.tip.startNode).toBe(byId.soma.endNode);
    expect(byId.base.startNode).toBe(byId.soma.startNode);
    expect(byId.mid.distanceAtStart).toBe(15);
    expect(byId.tip.distanceAtStart).toBe(30);
    // Nodes: soma 1 + 3 + 1, mid 2 + 1, tip 4 + 1, base 1 + 1.
    expect(tree.nodeCount).toBe(5 + 3 + 5 + 2);
    for (let i = 0; i < tree.nodeCount; i++) expect(tree.parent[i]).toBeLessThan(i);
    // Membrane area is the sum of the cylinders: pi (10*30 + 1*50 + 2*40 + 1*10).
    expect(sum(tree.area)).toBeCloseTo(Math.PI * (300 + 50 + 80 + 10), 9);
    // Half a segment of the child (25/2 um, d 1 um) joins it to the parent node: G = 200 pi r^2/(Ra dx) uS.
    expect(tree.axialConductance[byId.mid.centreNodes[0]]).toBeCloseTo((100 * Math.PI * 0.25) / (100 * 12.5), 12);
  });

  it('sections listed child before parent are still numbered parent first', () => {
    const tree = discretise([cell({ kind: 'sections', sections: [section('b', 'a', 10, 1, 2), section('a', undefined, 10, 1, 2)] })]);
    expect(tree.sections.map((s) => s.id)).toEqual(['a', 'b']);
    for (let i = 0; i < tree.nodeCount; i++) expect(tree.parent[i]).toBeLessThan(i);
  });

  it('a tapered section (1 to 3 um over 100 um, 1 compartment) has the frustum area pi (r1 + r2) sqrt((r2 - r1)^2 + L^2)', () => {
    const tree = discretise([cell({ kind: 'sections', sections: [{ ...section('cone', undefined, 100, 1, 1), diameterEnd: 3 }] })]);
    // Two frustums of 50 um: 0.5..1 and 1..1.5 um radius.
    const expected = Math.PI * (1.5 * Math.hypot(0.5, 50) + 2.5 * Math.hypot(0.5, 50));
    expect(sum(tree.area)).toBeCloseTo(expected, 9);
  });

  it('a points (SWC) morphology becomes sections: a soma point as a cylinder of the sphere\'s area 4 pi r^2, children as frusta', () => {
    const points: SwcPoint[] = [
      { id: 1, type: 1, x: 0, y: 0, z: 0, radius: 5, parent: -1 },
      { id: 2, type: 3, x: 0, y: 10, z: 0, radius: 1, parent: 1 },
      { id: 3, type: 3, x: 0, y: 40, z: 40, radius: 1, parent: 2 },
      { id: 4, type: 2, x: 10, y: 0, z: 0, radius: 0.5, parent: 1 },
    ];
    const tree = discretise([cell({ kind: 'points', points, maximumCompartmentLength: 20 })]);
    const byPoint = new Map(tree.sections.map((s) => [s.point, s]));
    expect(tree.sections.length).toBe(4);
    const soma = byPoint.get(1)!;
    expect(soma.regions).toEqual(['soma']);
    expect(soma.compartments).toBe(1);
    expect(tree.area[soma.centreNodes[0]]).toBeCloseTo(4 * Math.PI * 25, 10);
    // Point 3 is 50 um from point 2 (3-4-5 triangle): ceil(50/20) = 3 compartments, basal region.
    const far = byPoint.get(3)!;
    expect(far.length).toBeCloseTo(50, 12);
    expect(far.compartments).toBe(3);
    expect(far.regions).toEqual(['basal']);
    expect(far.startNode).toBe(byPoint.get(2)!.endNode);
    // Children of the soma hang from its centre; the axon point is in region axon.
    expect(byPoint.get(2)!.startNode).toBe(soma.centreNodes[0]);
    expect(byPoint.get(4)!.startNode).toBe(soma.centreNodes[0]);
    expect(byPoint.get(4)!.regions).toEqual(['axon']);
    for (let i = 0; i < tree.nodeCount; i++) expect(tree.parent[i]).toBeLessThan(i);
  });

  it('two cells form one forest: each root has parent -1 and cellOfNode tells the cells apart', () => {
    const tree = discretise([cell(cable(100, 1, 2), 100, 'a'), cell({ kind: 'single', section: 'soma', length: 10, diameter: 10 }, 100, 'b')]);
    expect(tree.nodeCount).toBe(4 + 1);
    expect(Array.from(tree.cellOfNode)).toEqual([0, 0, 0, 0, 1]);
    expect(tree.parent[4]).toBe(-1);
    expect(tree.sections[1].startNode).toBe(4);
  });
});
