/**
 * The current of the classic three-conductance membrane shared by `hh` and `traub-miles`:
 *   ina = gnabar m^3 h (v - ena),  ik = gkbar n^4 (v - ek),  il = gl (v - el)
 * Parameters in the order gnabar, gkbar, gl (S/cm2), el (mV); states m, h, n; reported conductances gna, gk.
 * The conductance added for the implicit solver is dI/dV = gna + gk + gl, exact for this linear current.
 */
import type { VoltageTable } from './gate-math.js';
import type { MechanismBlock, MembraneArrays } from './types.js';

export function accumulateSodiumPotassiumLeak(block: MechanismBlock, membrane: MembraneArrays): void {
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
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    const vk = v[k];
    const mi = m[i], ni = n[i];
    const gna = gnabar[i] * mi * mi * mi * h[i];
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

/**
 * The hot path of table mode, fused: advance m, h, n by exponential Euler from the rate table (rows of
 * inf, tau, factor per gate) at the present voltage, then add the current at that voltage, in one pass.
 * Same arithmetic as `advance` followed by `accumulateSodiumPotassiumLeak`.
 */
export function advanceTableAndAccumulateSodiumPotassiumLeak(block: MechanismBlock, membrane: MembraneArrays, table: VoltageTable): void {
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
  const { minimum, inverseStep, values, lastRow, stride } = table;
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    const vk = v[k];
    let x = (vk - minimum) * inverseStep;
    if (!(x > 0)) x = 0;
    else if (x > lastRow) x = lastRow;
    const row = x | 0;
    const f = x - row;
    // Row layout (value, slope) for m_inf, m_tau, m_factor, h_inf, h_tau, h_factor, n_inf, n_tau, n_factor.
    const a = row * stride;
    const mi = m[i] + (values[a] + f * values[a + 1] - m[i]) * (values[a + 4] + f * values[a + 5]);
    const hi = h[i] + (values[a + 6] + f * values[a + 7] - h[i]) * (values[a + 10] + f * values[a + 11]);
    const ni = n[i] + (values[a + 12] + f * values[a + 13] - n[i]) * (values[a + 16] + f * values[a + 17]);
    m[i] = mi;
    h[i] = hi;
    n[i] = ni;
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

/**
 * The hot path of exact mode, fused: for each node, evaluate the gate kinetics exactly (`evaluate` writes
 * m_inf, tau_m, h_inf, tau_h, n_inf, tau_n into `kinetics`), advance m, h, n by exponential Euler over `timeStep`,
 * then add the current at that voltage. Same arithmetic as `advance` followed by `accumulateSodiumPotassiumLeak`.
 */
export function advanceExactAndAccumulateSodiumPotassiumLeak(
  block: MechanismBlock,
  membrane: MembraneArrays,
  evaluate: (v: number, factor: number, out: Float64Array) => void,
  factor: number,
  timeStep: number,
  kinetics: Float64Array,
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
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    const vk = v[k];
    evaluate(vk, factor, kinetics);
    const mi = m[i] + (kinetics[0] - m[i]) * -Math.expm1(-timeStep / kinetics[1]);
    const hi = h[i] + (kinetics[2] - h[i]) * -Math.expm1(-timeStep / kinetics[3]);
    const ni = n[i] + (kinetics[4] - n[i]) * -Math.expm1(-timeStep / kinetics[5]);
    m[i] = mi;
    h[i] = hi;
    n[i] = ni;
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
