/**
 * The current of the classic three-conductance membrane shared by `hh` and `traub-miles`:
 *   ina = gnabar m^3 h (v - ena),  ik = gkbar n^4 (v - ek),  il = gl (v - el)
 * Parameters in the order gnabar, gkbar, gl (S/cm2), el (mV); states m, h, n; reported conductances gna, gk.
 * The conductance added for the implicit solver is dI/dV = gna + gk + gl, exact for this linear current.
 */
import type { MechanismBlock, MembraneArrays } from './types.js';

export function accumulateSodiumPotassiumLeak(block: MechanismBlock, membrane: MembraneArrays): void {
  const { v, current, conductance } = membrane;
  const ina = membrane.ionCurrent.na, ik = membrane.ionCurrent.k;
  const ena = membrane.reversal.na, ek = membrane.reversal.k;
  const node = block.node;
  const [gnabar, gkbar, gl, el] = block.parameters;
  const [m, h, n] = block.states;
  const [gnaOut, gkOut] = block.conductances;
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    const vk = v[k];
    const mi = m[i], ni = n[i];
    const gna = gnabar[i] * mi * mi * mi * h[i];
    const n2 = ni * ni;
    const gk = gkbar[i] * n2 * n2;
    const sodium = gna * (vk - ena[k]);
    const potassium = gk * (vk - ek[k]);
    gnaOut[i] = gna;
    gkOut[i] = gk;
    ina[k] += sodium;
    ik[k] += potassium;
    current[k] += sodium + potassium + gl[i] * (vk - el[i]);
    conductance[k] += gna + gk + gl[i];
  }
}
