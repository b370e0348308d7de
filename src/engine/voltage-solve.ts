/**
 * One implicit voltage step on the whole tree, in two passes over the nodes (the hot loop of every fixed-step run):
 *
 *   backward pass (leaves to roots): assemble each node's row (C/h + axial + membrane conductance on the diagonal;
 *     stimulus - membrane current - axial flow on the right) and at once eliminate it into its parent (Hines);
 *   forward pass (roots to leaves): back-substitute dV and apply it, V += k dV (k = 1, or 2 for Crank-Nicolson at
 *     nodes with capacitance), checking that V stays physical.
 *
 * The same arithmetic as assembling the system and calling `solveTree` (./hines.ts), fused so that each node is
 * visited twice instead of four times; values passed along unbranched runs are carried in local variables.
 * Units: conductances uS, currents nA, V mV; membrane densities (mA/cm2, S/cm2) scaled by area * 1e-2.
 */
import { VOLTAGE_LIMIT } from './voltage-limit.js';

export interface TreeSystem {
  readonly count: number;
  readonly parent: Int32Array;
  /** Axial conductance to the parent, uS. */
  readonly g: Float64Array;
  /** C/h plus the axial conductances to the parent and to every child, uS. */
  readonly constantDiagonal: Float64Array;
  readonly densityToAbsolute: Float64Array;
  /** Multiplier of dV: 1 (backward Euler), or 2 at nodes with capacitance for Crank-Nicolson. */
  readonly extrapolation: Float64Array;
}

/**
 * On entry d and rhs hold only the stimulus terms (clamp conductances and injected currents; zero elsewhere).
 * On exit rhs holds dV and v is updated. Returns the index of a node whose voltage left the physical range, or -1.
 */
export function solveVoltageStep(
  system: TreeSystem,
  v: Float64Array,
  current: Float64Array,
  conductance: Float64Array,
  d: Float64Array,
  rhs: Float64Array,
): number {
  const { count, parent, g, constantDiagonal, densityToAbsolute, extrapolation } = system;
  let carryD = 0;
  let carryR = 0;
  for (let i = count - 1; i >= 0; i--) {
    const scale = densityToAbsolute[i];
    const di = d[i] + constantDiagonal[i] + conductance[i] * scale + carryD;
    let ri = rhs[i] - current[i] * scale + carryR;
    const p = parent[i];
    if (p < 0) {
      d[i] = di;
      rhs[i] = ri;
      carryD = 0;
      carryR = 0;
      continue;
    }
    const gi = g[i];
    const flow = gi * (v[i] - v[p]);
    ri -= flow;
    const inverse = 1 / di;
    const factor = gi * inverse;
    d[i] = inverse;
    rhs[i] = ri;
    if (p === i - 1) {
      carryD = -factor * gi;
      carryR = flow + factor * ri;
    } else {
      d[p] -= factor * gi;
      rhs[p] += flow + factor * ri;
      carryD = 0;
      carryR = 0;
    }
  }
  let previous = 0;
  let bad = -1;
  for (let i = 0; i < count; i++) {
    const p = parent[i];
    const delta = p < 0 ? rhs[i] / d[i] : (rhs[i] + g[i] * (p === i - 1 ? previous : rhs[p])) * d[i];
    rhs[i] = delta;
    previous = delta;
    const value = v[i] + extrapolation[i] * delta;
    v[i] = value;
    // Report the worst node (NaN counts as worst).
    if (!(value > -VOLTAGE_LIMIT && value < VOLTAGE_LIMIT) && (bad < 0 || !(Math.abs(value) <= Math.abs(v[bad])))) bad = i;
  }
  return bad;
}
