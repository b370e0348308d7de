import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveTree } from './hines.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';


/**
 * A random forest in Hines order: parent[i] < i or -1 (a root), couplings g > 0 and a diagonal that dominates
 * strictly (sum of the couplings of the node plus a positive self term), as the cable equation's matrix does.
 */
const forest = (maxNodes: number, rootChance: number) =>
  fc.integer({ min: 1, max: maxNodes }).chain((count) =>
    fc.record({
      parents: fc.tuple(
        ...Array.from({ length: count }, (_, i) =>
          i === 0 ? fc.constant(-1) : fc.oneof({ weight: Math.round(rootChance * 100), arbitrary: fc.constant(-1) }, { weight: 100, arbitrary: fc.integer({ min: 0, max: i - 1 }) }),
        ),
      ),
      g: fc.array(logUniform(1e-3, 1e3), { minLength: count, maxLength: count }),
      self: fc.array(logUniform(1e-3, 1e3), { minLength: count, maxLength: count }),
      rhs: fc.array(uniform(-1e3, 1e3), { minLength: count, maxLength: count }),
    }),
  );

interface System {
  parent: Int32Array;
  g: Float64Array;
  d: Float64Array;
  b: Float64Array;
}

function build(parents: number[], gValues: number[], self: number[], rhs: number[]): System {
  const n = parents.length;
  const parent = Int32Array.from(parents);
  const g = Float64Array.from(gValues, (value, i) => (parent[i] < 0 ? 0 : value));
  const d = Float64Array.from(self);
  for (let i = 0; i < n; i++) {
    if (parent[i] >= 0) {
      d[i] += g[i];
      d[parent[i]] += g[i];
    }
  }
  return { parent, g, d, b: Float64Array.from(rhs) };
}

/**
 * Checks A x = b row by row: |(A x - b)_i| <= 1e-10 (|d_i x_i| + sum_j |g_ij x_j| + |b_i|). Gaussian elimination
 * without pivoting is backward stable on a diagonally dominant matrix: the residual is a few ulp of those terms.
 */
function expectSolves(system: System, x: Float64Array): void {
  const { parent, g, d, b } = system;
  const n = parent.length;
  const residual = Float64Array.from(b, (value, i) => d[i] * x[i] - value);
  const scale = Float64Array.from(b, (value, i) => Math.abs(d[i] * x[i]) + Math.abs(value));
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    if (p < 0) continue;
    residual[i] -= g[i] * x[p];
    residual[p] -= g[i] * x[i];
    scale[i] += Math.abs(g[i] * x[p]);
    scale[p] += Math.abs(g[i] * x[i]);
  }
  for (let i = 0; i < n; i++) expect(Math.abs(residual[i]), `row ${i}`).toBeLessThanOrEqual(1e-10 * scale[i] + 1e-300);
}

function solve(system: System): Float64Array {
  const d = Float64Array.from(system.d);
  const x = Float64Array.from(system.b);
  solveTree(system.parent, Float64Array.from(system.g), d, x, system.parent.length);
  return x;
}

describe('solveTree (Hines 1984)', () => {
  it('solveTree on random trees (one root, parent < i) satisfies the original system to 1e-10 relative per row', () => {
    fc.assert(
      fc.property(forest(60, 0), ({ parents, g, self, rhs }) => {
        const system = build(parents, g, self, rhs);
        expectSolves(system, solve(system));
      }),
      { numRuns: 500 },
    );
  });

  it('solveTree on random forests (several roots, e.g. several cells) satisfies the system to 1e-10 relative per row', () => {
    fc.assert(
      fc.property(forest(60, 0.3), ({ parents, g, self, rhs }) => {
        const system = build(parents, g, self, rhs);
        expectSolves(system, solve(system));
      }),
      { numRuns: 500 },
    );
  });

  it('solveTree on unbranched chains (parent i - 1, the carried fast path) and on stars (all children of node 0) to 1e-10', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        logUniform(1e-3, 1e3),
        logUniform(1e-3, 1e3),
        (n, star, coupling, self) => {
          const parents = Array.from({ length: n }, (_, i) => (i === 0 ? -1 : star ? 0 : i - 1));
          const system = build(parents, parents.map(() => coupling), parents.map(() => self), parents.map((_, i) => Math.sin(i + 1)));
          expectSolves(system, solve(system));
        },
      ),
    );
  });

  it('solveTree of two independent 3-node chains gives x = 0.5 on one and x = 1 on the other: a forest is block diagonal', () => {
    // Chain 0-1-2 with diagonal 3 and couplings 1: b = (1, 0.5, 1) has x = (0.5, 0.5, 0.5) (rows 3x - x = 1,
    // -x + 3x - x = 0.5); the second chain, b doubled, has x = 1 everywhere.
    const system = build([-1, 0, 1, -1, 3, 4], [0, 1, 1, 0, 1, 1], [2, 1, 2, 2, 1, 2], [1, 0.5, 1, 2, 1, 2]);
    const x = solve(system);
    for (let i = 0; i < 3; i++) expect(x[i]).toBeCloseTo(0.5, 14);
    for (let i = 3; i < 6; i++) expect(x[i]).toBeCloseTo(1, 14);
  });

  it('solveTree of a single node is b/d; of zero nodes does nothing', () => {
    const x = Float64Array.of(6);
    solveTree(Int32Array.of(-1), Float64Array.of(0), Float64Array.of(4), x, 1);
    expect(x[0]).toBe(1.5);
    const empty = new Float64Array(0);
    expect(() => solveTree(new Int32Array(0), empty, empty, empty, 0)).not.toThrow();
  });
});
