/**
 * The current of the classic three-conductance membrane shared by `hh` and `traub-miles`:
 *   ina = gnabar m^3 h (v - ena),  ik = gkbar n^4 (v - ek),  il = gl (v - el)
 * Parameters in the order gnabar, gkbar, gl (S/cm2), el (mV); states m, h, n; reported conductances gna, gk.
 * The conductance added for the implicit solver is dI/dV = gna + gk + gl, exact for this linear current.
 *
 * One sweep serves three uses, chosen per call: add the current at the present gates; or first advance m, h, n by
 * exponential Euler from the rate table (rows of inf, tau, factor per gate, value and slope) and then add the
 * current, in one pass (table mode's hot path); or the same with the kinetics evaluated exactly (exact mode's).
 */
import type { VoltageTable } from './gate-math.js';
import type { MechanismBlock, MembraneArrays } from './types.js';

const ACCUMULATE = 0;
const TABLE = 1;
const EXACT = 2;

/** Kinetics for exact mode: writes m_inf, tau_m, h_inf, tau_h, n_inf, tau_n into `out`, rates scaled by `factor`. */
type Evaluate = (v: number, factor: number, out: Float64Array) => void;

function sweep(
  block: MechanismBlock,
  membrane: MembraneArrays,
  mode: number,
  table: VoltageTable | null,
  evaluate: Evaluate | null,
  factor: number,
  timeStep: number,
  kinetics: Float64Array | null,
): void {
  const { v, current, conductance } = membrane;
  const ina = membrane.ionCurrent.na, ik = membrane.ionCurrent.k;
  const sodiumConductance = membrane.ionConductance.na, potassiumConductance = membrane.ionConductance.k;
  const ena = membrane.reversal.na, ek = membrane.reversal.k;
  const node = block.node;
  const [gnabar, gkbar, gl, el] = block.parameters;
  const [m, h, n] = block.states;
  const [gnaOut, gkOut] = block.conductances;
  const tracksIons = membrane.tracksIonCurrents;
  const reports = block.reportsConductances;
  const minimum = table ? table.minimum : 0;
  const inverseStep = table ? table.inverseStep : 0;
  const lastRow = table ? table.lastRow : 0;
  const stride = table ? table.stride : 0;
  const values = table ? table.values : null;
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    const vk = v[k];
    let mi = m[i], hi = h[i], ni = n[i];
    if (mode === TABLE) {
      let x = (vk - minimum) * inverseStep;
      if (!(x > 0)) x = 0;
      else if (x > lastRow) x = lastRow;
      const row = x | 0;
      const f = x - row;
      // Row layout (value, slope) for m_inf, m_tau, m_factor, h_inf, h_tau, h_factor, n_inf, n_tau, n_factor.
      const a = row * stride;
      const t = values!;
      mi += (t[a] + f * t[a + 1] - mi) * (t[a + 4] + f * t[a + 5]);
      hi += (t[a + 6] + f * t[a + 7] - hi) * (t[a + 10] + f * t[a + 11]);
      ni += (t[a + 12] + f * t[a + 13] - ni) * (t[a + 16] + f * t[a + 17]);
    } else if (mode === EXACT) {
      const out = kinetics!;
      evaluate!(vk, factor, out);
      mi += (out[0] - mi) * -Math.expm1(-timeStep / out[1]);
      hi += (out[2] - hi) * -Math.expm1(-timeStep / out[3]);
      ni += (out[4] - ni) * -Math.expm1(-timeStep / out[5]);
    }
    if (mode !== ACCUMULATE) {
      m[i] = mi;
      h[i] = hi;
      n[i] = ni;
    }
    const gna = gnabar[i] * mi * mi * mi * hi;
    const n2 = ni * ni;
    const gk = gkbar[i] * n2 * n2;
    const sodium = gna * (vk - ena[k]);
    const potassium = gk * (vk - ek[k]);
    if (reports) {
      gnaOut[i] = gna;
      gkOut[i] = gk;
    }
    if (tracksIons) {
      ina[k] += sodium;
      ik[k] += potassium;
      sodiumConductance[k] += gna;
      potassiumConductance[k] += gk;
    }
    current[k] += sodium + potassium + gl[i] * (vk - el[i]);
    conductance[k] += gna + gk + gl[i];
  }
}

/** Adds the current at the present gates. */
export function accumulateSodiumPotassiumLeak(block: MechanismBlock, membrane: MembraneArrays): void {
  sweep(block, membrane, ACCUMULATE, null, null, 0, 0, null);
}

/** Table mode's hot path: advance the gates from the rate table, then add the current, in one pass. */
export function advanceTableAndAccumulateSodiumPotassiumLeak(block: MechanismBlock, membrane: MembraneArrays, table: VoltageTable): void {
  sweep(block, membrane, TABLE, table, null, 0, 0, null);
}

/** Exact mode's hot path: advance the gates with exact kinetics over `timeStep`, then add the current. */
export function advanceExactAndAccumulateSodiumPotassiumLeak(
  block: MechanismBlock,
  membrane: MembraneArrays,
  evaluate: Evaluate,
  factor: number,
  timeStep: number,
  kinetics: Float64Array,
): void {
  sweep(block, membrane, EXACT, null, evaluate, factor, timeStep, kinetics);
}
