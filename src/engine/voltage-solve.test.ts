import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveTree } from './hines.js';
import { solveVoltageStep, type TreeSystem } from './voltage-solve.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';


/** A random forest of compartments with everything the fused step reads. */
const scenario = fc.integer({ min: 1, max: 40 }).chain((count) => {
  const perNode = <T>(arbitrary: fc.Arbitrary<T>) => fc.array(arbitrary, { minLength: count, maxLength: count });
  return fc.record({
    parents: fc.tuple(...Array.from({ length: count }, (_, i) => (i === 0 ? fc.constant(-1) : fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 6, arbitrary: fc.constant(i - 1) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: i - 1 }) })))),
    g: perNode(logUniform(1e-3, 10)),
    capacitanceOverH: perNode(fc.oneof(fc.constant(0), logUniform(1e-3, 1))),
    area: perNode(logUniform(10, 1e4)),
    v: perNode(uniform(-90, 40)),
    current: perNode(uniform(-1, 1)),
    conductance: perNode(logUniform(1e-5, 0.1)),
    stimulusD: perNode(fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: logUniform(1e-3, 1e3) })),
    stimulusR: perNode(uniform(-1, 1)),
    crankNicolson: fc.boolean(),
  });
});

describe('solveVoltageStep: the fused assemble + Hines + update pass', () => {
  it('solveVoltageStep gives the same dV as assembling the implicit system and calling solveTree, to 1e-9 of the largest dV (round-off), on random forests (backward Euler and Crank-Nicolson)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const count = s.parents.length;
        const parent = Int32Array.from(s.parents);
        const g = Float64Array.from(s.g, (value, i) => (parent[i] < 0 ? 0 : value));
        const scale = Float64Array.from(s.area, (a) => a * 1e-2);
        // A node with no capacitance needs some conductance to ground or to its parent to keep the matrix regular.
        const capacitanceOverH = Float64Array.from(s.capacitanceOverH, (c, i) => (parent[i] < 0 && c === 0 ? 1 : c));
        const constantDiagonal = new Float64Array(count);
        for (let i = 0; i < count; i++) {
          constantDiagonal[i] += capacitanceOverH[i] + g[i];
          if (parent[i] >= 0) constantDiagonal[parent[i]] += g[i];
        }
        const extrapolation = Float64Array.from(capacitanceOverH, (c) => (s.crankNicolson && c > 0 ? 2 : 1));
        const system: TreeSystem = { count, parent, g, constantDiagonal, densityToAbsolute: scale, extrapolation };

        // Reference: the system assembled as in the unfused stepper, solved by solveTree.
        const d = new Float64Array(count), rhs = new Float64Array(count);
        for (let i = 0; i < count; i++) {
          d[i] = constantDiagonal[i] + s.conductance[i] * scale[i] + s.stimulusD[i];
          rhs[i] += -s.current[i] * scale[i] + s.stimulusR[i];
          const p = parent[i];
          if (p >= 0) {
            const flow = g[i] * (s.v[i] - s.v[p]);
            rhs[i] -= flow;
            rhs[p] += flow;
          }
        }
        solveTree(parent, Float64Array.from(g), d, rhs, count);

        const v = Float64Array.from(s.v);
        const fusedD = Float64Array.from(s.stimulusD), fusedR = Float64Array.from(s.stimulusR);
        solveVoltageStep(system, v, Float64Array.from(s.current), Float64Array.from(s.conductance), fusedD, fusedR);
        // The same operations in another order (the axial flow joins the parent's row with the elimination term):
        // agreement to round-off amplified by the conditioning of these random, weakly dominant systems
        // (couplings up to 1e4 times the self terms): 1e-9 of the largest |dV|.
        const largest = Math.max(...Array.from(rhs, Math.abs));
        for (let i = 0; i < count; i++) {
          expect(Math.abs(fusedR[i] - rhs[i]), `dV at node ${i}`).toBeLessThanOrEqual(1e-9 * largest + 1e-300);
          expect(Math.abs(v[i] - (s.v[i] + extrapolation[i] * rhs[i])), `V at node ${i}`).toBeLessThanOrEqual(2e-9 * largest + 1e-13 * Math.abs(s.v[i]));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('solveVoltageStep returns the index of a node pushed beyond 1000 mV (a 1e9 nA injection at node 2 of 4)', () => {
    const count = 4;
    const system: TreeSystem = {
      count,
      parent: Int32Array.of(-1, 0, 1, 2),
      g: Float64Array.of(0, 1, 1, 1),
      constantDiagonal: Float64Array.of(1.01, 2.01, 2.01, 1.01),
      densityToAbsolute: new Float64Array(count).fill(10),
      extrapolation: new Float64Array(count).fill(1),
    };
    const rhs = new Float64Array(count);
    rhs[2] = 1e9;
    const bad = solveVoltageStep(system, new Float64Array(count).fill(-65), new Float64Array(count), new Float64Array(count), new Float64Array(count), rhs);
    expect(bad).toBeGreaterThanOrEqual(0);
  });
});
