/**
 * Ion concentrations that move with the ionic currents (the cell's `concentrations` in the model).
 *
 * Inside each compartment of volume W (um3), a dynamic ion of valence z changes by
 *   d[C]i/dt = -I_ion A / (z F W)                       (I_ion outward positive)
 * which in canonical units (I mA/cm2, A um2, t ms, C mM, F C/mol) is d[C]i/dt = -1e4 I A / (z F W) mM/ms.
 * A restricted space outside (Frankenhaeuser & Hodgkin 1956, J Physiol 131:341) of thickness d has volume A d and
 * takes up what leaves: d[C]o/dt = +1e4 I A / (z F A d) + ([C]bath - [C]o)/tau (no bath term when closed).
 * Reversal potentials of dynamic ions follow Nernst after every update. Volume changes with water flux when a
 * water permeability Pf (cm/s) is given: dW/dt = Pf A Vw (osm_in - osm_out) with Vw = 0.018 L/mol, i.e.
 * dW/dt = 1.8e-4 Pf A (osm_in - osm_out) um3/ms with osmolarities in mM; the amounts inside are then conserved and
 * the concentrations scale.
 *
 * Fixed steps use the currents the voltage solve used, I + G dV (dV the solved change: the half step for
 * Crank-Nicolson), so that sum over ions of z F (moles moved) equals exactly the charge the capacitors took up
 * less the stimulus and non-ionic currents: `conservation` checks it at any time.
 */
import type { IonName, Model } from '../model/types.js';
import type { MembraneArrays } from '../mechanisms/types.js';
import { FARADAY, GAS_CONSTANT } from '../units/constants.js';
import type { Discretisation } from './discretise.js';

export const ION_VALENCE: Readonly<Record<IonName, number>> = { na: 1, k: 1, cl: -1, ca: 2 };
const ALL_IONS: readonly IonName[] = ['na', 'k', 'cl', 'ca'];
/** Molar volume of water, L/mol. */
const WATER_MOLAR_VOLUME = 0.018;

export interface ConcentrationSystem {
  /** Ions dynamic in at least one cell, and the nodes (with volume) where each is. */
  readonly ions: readonly IonName[];
  readonly nodes: Readonly<Record<IonName, Int32Array>>;
  /** Cytoplasmic volume of each node (um3); changes when water moves. */
  readonly volume: Float64Array;
  /** Volume of the restricted space outside each node (um3); 0 where the membrane faces the bath. */
  readonly outsideVolume: Float64Array;
  /** 1/tau of exchange with the bath (1/ms); 0 for a closed space. */
  readonly bathRate: Float64Array;
  /** Bath concentrations (mM), the outside concentrations at t = 0. */
  readonly bath: Readonly<Record<IonName, Float64Array>>;
  /** Amount of each ion moved out across the membrane since t = 0, mol. */
  readonly moved: Readonly<Record<IonName, Float64Array>>;
  /** Amount taken into the outside space from the bath since t = 0, mol. */
  readonly fromBath: Readonly<Record<IonName, Float64Array>>;
  /** Impermeant anions inside: amount (mM um3) and valence, per node. */
  readonly impermeantAmount: Float64Array;
  readonly impermeantValence: Float64Array;
  /** Water permeability (cm/s) per node; 0 where the volume is fixed. */
  readonly waterPermeability: Float64Array;
  /** A fast calcium buffer per node: total and dissociation constant (mM); total 0 where there is none. */
  readonly bufferTotal: Float64Array;
  readonly bufferDissociation: Float64Array;
  /** Charge injected by stimuli and carried by currents of no tracked ion (nonspecific, leak), pC, since t = 0. */
  stimulusCharge: number;
  otherCharge: number;
}

const perIon = (count: number) =>
  Object.fromEntries(ALL_IONS.map((ion) => [ion, new Float64Array(count)])) as Record<IonName, Float64Array>;

export function createConcentrationSystem(model: Model, tree: Discretisation, membrane: MembraneArrays): ConcentrationSystem | null {
  const dynamicCells = model.cells.map((cell) => cell.concentrations).filter((c) => c !== undefined);
  if (dynamicCells.length === 0) return null;
  const count = tree.nodeCount;
  const volume = Float64Array.from(tree.volume);
  const outsideVolume = new Float64Array(count);
  const bathRate = new Float64Array(count);
  const impermeantAmount = new Float64Array(count);
  const impermeantValence = new Float64Array(count);
  const waterPermeability = new Float64Array(count);
  const bufferTotal = new Float64Array(count);
  const bufferDissociation = new Float64Array(count);
  const nodeLists: Record<IonName, number[]> = { na: [], k: [], cl: [], ca: [] };
  for (let node = 0; node < count; node++) {
    const settings = model.cells[tree.cellOfNode[node]].concentrations;
    if (!settings || volume[node] <= 0) continue;
    for (const ion of settings.dynamic) nodeLists[ion].push(node);
    if (settings.outsideSpace) {
      outsideVolume[node] = tree.area[node] * settings.outsideSpace.thickness;
      bathRate[node] = settings.outsideSpace.bathTimeConstant ? 1 / settings.outsideSpace.bathTimeConstant : 0;
    }
    if (settings.impermeantAnions) {
      impermeantAmount[node] = settings.impermeantAnions.concentration * volume[node];
      impermeantValence[node] = settings.impermeantAnions.valence;
    }
    waterPermeability[node] = settings.waterPermeability ?? 0;
    if (settings.calciumBuffer) {
      bufferTotal[node] = settings.calciumBuffer.total;
      bufferDissociation[node] = settings.calciumBuffer.dissociation;
    }
  }
  const ions = ALL_IONS.filter((ion) => nodeLists[ion].length > 0);
  const bath = perIon(count);
  for (const ion of ALL_IONS) bath[ion].set(membrane.outside[ion]);
  membrane.tracksIonCurrents = true;
  return {
    ions,
    nodes: Object.fromEntries(ALL_IONS.map((ion) => [ion, Int32Array.from(nodeLists[ion])])) as Record<IonName, Int32Array>,
    volume,
    outsideVolume,
    bathRate,
    bath,
    moved: perIon(count),
    fromBath: perIon(count),
    impermeantAmount,
    impermeantValence,
    waterPermeability,
    bufferTotal,
    bufferDissociation,
    stimulusCharge: 0,
    otherCharge: 0,
  };
}

/**
 * Calcium with a fast buffer (Neher & Augustine 1992, J Physiol 450:273): the buffer B (total, mM) binds Ca2+ with
 * dissociation constant K, always in equilibrium, so the total calcium T = c + B c / (K + c). Given T, the free
 * concentration c is the positive root of c^2 + (K + B - T) c - T K = 0, taken in a form free of cancellation.
 * Moving the total and solving for the free calcium conserves calcium exactly.
 */
export function totalCalcium(free: number, total: number, dissociation: number): number {
  return free + (total * free) / (dissociation + free);
}

export function freeCalcium(totalCalciumConcentration: number, total: number, dissociation: number): number {
  const b = dissociation + total - totalCalciumConcentration;
  const root = Math.sqrt(b * b + 4 * totalCalciumConcentration * dissociation);
  return b > 0 ? (2 * totalCalciumConcentration * dissociation) / (b + root) : (root - b) / 2;
}

/** Inside amount of an ion at a node in mM um3, counting buffered calcium. */
export function insideAmount(system: ConcentrationSystem, membrane: MembraneArrays, ion: IonName, node: number): number {
  const free = membrane.inside[ion][node];
  const buffer = ion === 'ca' ? system.bufferTotal[node] : 0;
  const total = buffer > 0 ? totalCalcium(free, buffer, system.bufferDissociation[node]) : free;
  return total * system.volume[node];
}

/** Sets the inside concentration of an ion at a node from its amount (mM um3), unbinding buffered calcium. */
export function setInsideAmount(system: ConcentrationSystem, membrane: MembraneArrays, ion: IonName, node: number, amount: number): void {
  const total = amount / system.volume[node];
  const buffer = ion === 'ca' ? system.bufferTotal[node] : 0;
  membrane.inside[ion][node] = buffer > 0 ? freeCalcium(total, buffer, system.bufferDissociation[node]) : total;
}

/** Nernst potentials (mV) of the dynamic ions at their present concentrations. */
export function updateReversalPotentials(system: ConcentrationSystem, membrane: MembraneArrays): void {
  for (const ion of system.ions) {
    const factor = (GAS_CONSTANT * membrane.temperature * 1000) / (ION_VALENCE[ion] * FARADAY);
    const inside = membrane.inside[ion], outside = membrane.outside[ion], reversal = membrane.reversal[ion];
    for (const node of system.nodes[ion]) reversal[node] = factor * Math.log(outside[node] / inside[node]);
  }
}

/** Osmolarity inside a node (mM): every tracked ion plus the impermeant anions. */
export function insideOsmolarity(system: ConcentrationSystem, membrane: MembraneArrays, node: number): number {
  let total = system.impermeantAmount[node] / system.volume[node];
  for (const ion of ALL_IONS) total += membrane.inside[ion][node];
  return total;
}

export function outsideOsmolarity(membrane: MembraneArrays, node: number): number {
  let total = 0;
  for (const ion of ALL_IONS) total += membrane.outside[ion][node];
  return total;
}

/**
 * Moves the ions of one fixed step of length dt (ms). `delta` is the voltage change the solve used with the
 * currents (rhs after the solve), `densityToAbsolute` converts mA/cm2 at a node to nA, and `injected` holds the
 * stimulus current into each node (nA) over the step.
 */
export function stepConcentrations(
  system: ConcentrationSystem,
  membrane: MembraneArrays,
  densityToAbsolute: Float64Array,
  delta: Float64Array,
  dt: number,
): void {
  // Charge carried by currents of no moving ion (pC = nA ms): the total less the moving ions' currents.
  let other = 0;
  for (let node = 0; node < delta.length; node++) {
    other += (membrane.current[node] + membrane.conductance[node] * delta[node]) * densityToAbsolute[node] * dt;
  }
  for (const ion of system.ions) {
    const current = membrane.ionCurrent[ion], conductance = membrane.ionConductance[ion];
    for (const node of system.nodes[ion]) other -= (current[node] + conductance[node] * delta[node]) * densityToAbsolute[node] * dt;
  }
  system.otherCharge += other;
  for (const ion of system.ions) {
    const z = ION_VALENCE[ion];
    const current = membrane.ionCurrent[ion], conductance = membrane.ionConductance[ion];
    const inside = membrane.inside[ion], outside = membrane.outside[ion];
    const moved = system.moved[ion], fromBath = system.fromBath[ion], bath = system.bath[ion];
    for (const node of system.nodes[ion]) {
      // Outward amount this step, mol: (I + G dV) [mA/cm2] * area * 1e-2 [nA] * dt [ms] * 1e-12 [C/(nA ms)] / (z F).
      const out = ((current[node] + conductance[node] * delta[node]) * densityToAbsolute[node] * dt * 1e-12) / (z * FARADAY);
      moved[node] += out;
      // mol -> mM um3: mol / (1e-15 L per um3) * 1e3 mM per M = mol * 1e18.
      if (ion === 'ca' && system.bufferTotal[node] > 0) {
        setInsideAmount(system, membrane, ion, node, insideAmount(system, membrane, ion, node) - out * 1e18);
      } else {
        inside[node] -= (out * 1e18) / system.volume[node];
      }
      const space = system.outsideVolume[node];
      if (space > 0) {
        outside[node] += (out * 1e18) / space;
        const rate = system.bathRate[node];
        if (rate > 0) {
          const change = (bath[node] - outside[node]) * -Math.expm1(-dt * rate);
          outside[node] += change;
          fromBath[node] += (change * space) / 1e18;
        }
      }
    }
  }
  stepWater(system, membrane, densityToAbsolute, dt);
  updateReversalPotentials(system, membrane);
}

/** Water flux for the nodes with a water permeability: the volume changes, amounts stay, concentrations scale. */
function stepWater(system: ConcentrationSystem, membrane: MembraneArrays, densityToAbsolute: Float64Array, dt: number): void {
  for (let node = 0; node < system.volume.length; node++) {
    const permeability = system.waterPermeability[node];
    if (permeability === 0) continue;
    const before = system.volume[node];
    const rate = waterFluxCoefficient(system, densityToAbsolute[node] * 100, node);
    const after = before + rate * (insideOsmolarity(system, membrane, node) - outsideOsmolarity(membrane, node)) * dt;
    const amounts = system.ions.map((ion) => insideAmount(system, membrane, ion, node));
    system.volume[node] = after;
    system.ions.forEach((ion, index) => setInsideAmount(system, membrane, ion, node, amounts[index]));
  }
}

/**
 * Water flux coefficient of a node (um3/ms per mM of osmotic difference): Pf [cm/s] * 1e4 um/cm * 1e-3 s/ms * A [um2]
 * * Vw [L/mol] * 1e-3 mol/L per mM = 1.8e-4 Pf A.
 */
export function waterFluxCoefficient(system: ConcentrationSystem, area: number, node: number): number {
  return system.waterPermeability[node] * 1e4 * 1e-3 * area * WATER_MOLAR_VOLUME * 1e-3;
}

export interface ConservationReport {
  /** Charge on the membrane capacitors now and at t = 0, pC. */
  readonly membraneCharge: number;
  readonly initialMembraneCharge: number;
  /** Charge that entered the cells as tracked ions (sum of z F times moles in), pC. */
  readonly ionCharge: number;
  /** Charge from stimuli, and carried by currents of no tracked ion, pC. */
  readonly stimulusCharge: number;
  readonly otherCharge: number;
  /** (change of membrane charge - ion charge - stimulus charge + other charge) / max(|terms|): should be ~1e-15. */
  readonly chargeImbalance: number;
  /** For each dynamic ion: amount inside + in the outside space - taken from the bath, mol, and its relative drift. */
  readonly amounts: Readonly<Record<string, { readonly now: number; readonly initial: number; readonly drift: number }>>;
}

export function initialAmounts(system: ConcentrationSystem, membrane: MembraneArrays): Record<string, number> {
  return Object.fromEntries(system.ions.map((ion) => [ion, totalAmount(system, membrane, ion)]));
}

function totalAmount(system: ConcentrationSystem, membrane: MembraneArrays, ion: IonName): number {
  let total = 0;
  for (const node of system.nodes[ion]) {
    total += insideAmount(system, membrane, ion, node) / 1e18;
    total += (membrane.outside[ion][node] * system.outsideVolume[node]) / 1e18;
    total -= system.fromBath[ion][node];
    // Ions leaving into the bath directly (no outside space) are counted by `moved`.
    if (system.outsideVolume[node] === 0) total += system.moved[ion][node];
  }
  return total;
}

export function conservationReport(
  system: ConcentrationSystem,
  membrane: MembraneArrays,
  capacitance: Float64Array,
  initialVoltage: Float64Array,
  initial: Record<string, number>,
): ConservationReport {
  let membraneCharge = 0;
  let initialMembraneCharge = 0;
  for (let node = 0; node < capacitance.length; node++) {
    membraneCharge += capacitance[node] * membrane.v[node]; // nF mV = pC
    initialMembraneCharge += capacitance[node] * initialVoltage[node];
  }
  let ionCharge = 0;
  for (const ion of ALL_IONS) {
    const z = ION_VALENCE[ion];
    for (let node = 0; node < capacitance.length; node++) ionCharge -= system.moved[ion][node] * z * FARADAY * 1e12;
  }
  const change = membraneCharge - initialMembraneCharge;
  const imbalance = change - ionCharge - system.stimulusCharge + system.otherCharge;
  const scale = Math.max(Math.abs(change), Math.abs(ionCharge), Math.abs(system.stimulusCharge), Math.abs(system.otherCharge), 1e-300);
  const amounts: Record<string, { now: number; initial: number; drift: number }> = {};
  for (const ion of system.ions) {
    const now = totalAmount(system, membrane, ion);
    amounts[ion] = { now, initial: initial[ion], drift: Math.abs(now - initial[ion]) / Math.abs(initial[ion]) };
  }
  return { membraneCharge, initialMembraneCharge, ionCharge, stimulusCharge: system.stimulusCharge, otherCharge: system.otherCharge, chargeImbalance: imbalance / scale, amounts };
}
