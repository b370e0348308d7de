/**
 * The plasma-membrane Ca2+-ATPase (PMCA, "sarcolemmal calcium pump"): moves Ca2+ out of the cell.
 *
 * Source: Luo CH, Rudy Y (1994) Circ Res 74:1071-1096, I_p(Ca) (guinea-pig ventricular myocyte, 37 degC):
 *
 *   i = imax [Ca]i / (Km + [Ca]i),   imax 1.15 uA/uF = 0.00115 mA/cm2 at 1 uF/cm2,   Km 0.5 uM = 5e-4 mM.
 *
 * Convention (as Luo & Rudy's): the pump is treated as electrogenic, each Ca2+ extruded carrying its 2 elementary
 * charges out, with no counter-transported H+ modelled. The whole current is a calcium current, outward positive:
 * i_ca = i >= 0, and whoever turns currents into concentration changes removes i/(2F) mol of Ca2+ per unit time and
 * area. There is no voltage dependence, so dI/dV = 0: nothing is added to `conductance` or `ionConductance.ca`
 * (0 in both, consistently). The recordable column `i` (`pmca.i`) holds the pump current density, mA/cm2.
 */
import { createGatedKernels } from './gated-kernels.js';
import type { MechanismBlock, MechanismDefinition, MembraneArrays } from './types.js';
import { addTransportCurrent, type Stoichiometry } from './transport-current.js';

const IMAX = 0, KM = 1;

/** PMCA current density, mA/cm2 (outward positive): imax [Ca]i/(Km + [Ca]i), concentrations in mM. */
export function calciumPumpCurrent(imax: number, km: number, calciumInside: number): number {
  return (imax * calciumInside) / (km + calciumInside);
}

/** All of the current is calcium's. */
const PUMP_SHARES: Stoichiometry = [['ca', 1]];

function accumulate(block: MechanismBlock, membrane: MembraneArrays): void {
  const cai = membrane.inside.ca;
  const imax = block.parameters[IMAX], km = block.parameters[KM];
  const iOut = block.conductances[0];
  const reports = block.reportsConductances;
  const node = block.node;
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    const pump = (imax[i] * cai[k]) / (km[i] + cai[k]);
    addTransportCurrent(membrane, k, pump, 0, PUMP_SHARES);
    if (reports) iOut[i] = pump;
  }
}

export const plasmaMembraneCalciumPump: MechanismDefinition = {
  name: 'pmca',
  kind: 'pump',
  description: 'Plasma-membrane Ca2+-ATPase: extrudes Ca2+ (an outward calcium current, 2 charges per Ca2+); voltage independent.',
  citation:
    'Luo CH, Rudy Y (1994) Circ Res 74:1071-1096, I_p(Ca) (guinea-pig ventricular myocyte, 37 degC; imax 1.15 uA/uF = 0.00115 mA/cm2 at 1 uF/cm2, Km 0.5 uM). Outward current positive. No Q10.',
  parameters: [
    { name: 'imax', unit: 'mA/cm2', defaultValue: 0.00115, minimum: 0, maximum: 1, description: 'maximal pump current density' },
    { name: 'km', unit: 'mM', defaultValue: 5e-4, minimum: 1e-9, maximum: 10, description: 'half-activation [Ca]i' },
  ],
  states: [],
  conductances: ['i'],
  ionsRead: ['ca'],
  ionsWritten: ['ca'],
  kernels: createGatedKernels({ gateCount: 0, rateFactor: () => 1, evaluate: () => {} }, accumulate),
};
