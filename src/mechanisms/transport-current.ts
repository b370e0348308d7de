/**
 * The current of an ion transporter (pump or exchanger) at a node: its net current density (mA/cm2, outward
 * positive) and dI/dV (S/cm2) go to the membrane totals, and, when ion currents are tracked, each ion's share by the
 * transporter's stoichiometry, in charges per net charge moved (Na+/K+ pump: Na +3, K -2; Na+/Ca2+ exchanger:
 * Na +3, Ca -2; calcium pump: Ca +1). The shares sum to 1, so the per-ion currents add up to the total.
 */
import type { IonName } from '../model/types.js';
import type { MembraneArrays } from './types.js';

export type Stoichiometry = readonly (readonly [IonName, number])[];

export function addTransportCurrent(membrane: MembraneArrays, node: number, value: number, slope: number, shares: Stoichiometry): void {
  membrane.current[node] += value;
  membrane.conductance[node] += slope;
  if (!membrane.tracksIonCurrents) return;
  for (const [ion, share] of shares) {
    membrane.ionCurrent[ion][node] += share * value;
    membrane.ionConductance[ion][node] += share * slope;
  }
}
