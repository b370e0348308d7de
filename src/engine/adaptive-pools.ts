/**
 * The moving concentrations of a single compartment as states of the adaptive integrator (./adaptive.ts), beside
 * V and the gates. States are amounts, not concentrations, so that water flux (a changing volume W) keeps them and
 * every conservation law is a linear invariant, which Rosenbrock methods preserve to round-off:
 *   inside amount a (mM um3):       da/dt = -1e4 I_ion A / (z F)   (calcium: free and buffered together)
 *   outside concentration c (mM):   dc/dt = +1e4 I_ion A / (z F W_out) + (c_bath - c)/tau   (restricted space only)
 *   moved out m (mM um3):           dm/dt = +1e4 I_ion A / (z F)
 *   taken from the bath b (mM um3): db/dt = W_out (c_bath - c)/tau
 *   volume W (um3):                 dW/dt = 1.8e-4 Pf A (osm_in - osm_out)                 (with a water permeability)
 *   stimulus charge, other charge (pC): d/dt = I_stimulus (nA), (I_total - sum I_ion) A 1e-2 (nA)
 * (I in mA/cm2, A in um2: I A 1e-2 is nA; 1 mM um3 = 1e-18 mol.)
 */
import type { IonName } from '../model/types.js';
import { FARADAY } from '../units/constants.js';
import type { CompiledModel } from './compile.js';
import {
  insideAmount,
  insideOsmolarity,
  ION_VALENCE,
  outsideOsmolarity,
  setInsideAmount,
  updateReversalPotentials,
  waterFluxCoefficient,
  type ConcentrationSystem,
} from './concentrations.js';

const NODE = 0;

export interface AdaptivePools {
  readonly size: number;
  /** Absolute tolerance of each state, given the run's relative tolerance and the initial values. */
  tolerances(out: Float64Array, offset: number, relativeTolerance: number): void;
  pack(y: Float64Array, offset: number): void;
  /** Sets the concentrations (and reversal potentials) from the states, before the currents are evaluated. */
  load(y: Float64Array, offset: number): void;
  derivatives(y: Float64Array, out: Float64Array, offset: number, stimulus: number): void;
  /** Writes the final states back into the concentration system's records (moved, from bath, charges). */
  store(y: Float64Array, offset: number): void;
  /**
   * Rebuilds the Jacobian rows of the bookkeeping states from the rows they mirror, exactly as their derivatives
   * are made from the same fluxes: moved = -inside; outside = -inside / W_out - rate on its own column; from bath =
   * -W_out rate on the outside column; other charge = stimulus charge - C (V row) - sum z F 1e-6 (moved rows).
   * Finite differences of each row separately agree only to about 1e-9, which Rosenbrock steps would carry into the
   * conservation laws; made consistent, those stay exact linear invariants (to round-off).
   */
  consistentJacobian(jacobian: Float64Array, n: number, offset: number, capacitance: number): void;
}

export function createAdaptivePools(compiled: CompiledModel, system: ConcentrationSystem): AdaptivePools {
  const { membrane, densityToAbsolute } = compiled;
  const ions = system.ions.filter((ion) => system.nodes[ion].includes(NODE));
  const space = system.outsideVolume[NODE];
  const withSpace = space > 0;
  const withWater = system.waterPermeability[NODE] > 0;
  const area = densityToAbsolute[NODE] * 100;
  const perIon = withSpace ? 4 : 2;
  const size = ions.length * perIon + (withWater ? 1 : 0) + 2;
  const volumeAt = (y: Float64Array, offset: number) => (withWater ? y[offset + ions.length * perIon] : system.volume[NODE]);
  const initial = new Float64Array(size);

  const layout = (ionIndex: number) => ionIndex * perIon;

  const pools: AdaptivePools = {
    size,
    tolerances(out, offset, relativeTolerance) {
      for (let i = 0; i < size; i++) out[offset + i] = Math.max(Math.abs(initial[i]), 1e-300) * relativeTolerance;
      ions.forEach((_ion, index) => {
        const base = offset + layout(index);
        // Moved amounts and bath exchange start at 0: scale them by the inside amount.
        out[base + 1] = out[base];
        if (withSpace) out[base + 3] = out[base];
      });
      out[offset + size - 2] = out[offset + size - 1] = 1e-9;
    },
    pack(y, offset) {
      ions.forEach((ion, index) => {
        const base = offset + layout(index);
        y[base] = insideAmount(system, membrane, ion, NODE);
        y[base + 1] = system.moved[ion][NODE] * 1e18;
        if (withSpace) {
          y[base + 2] = membrane.outside[ion][NODE];
          y[base + 3] = system.fromBath[ion][NODE] * 1e18;
        }
      });
      if (withWater) y[offset + ions.length * perIon] = system.volume[NODE];
      y[offset + size - 2] = system.stimulusCharge;
      y[offset + size - 1] = system.otherCharge;
      initial.set(y.subarray(offset, offset + size));
    },
    load(y, offset) {
      const volume = volumeAt(y, offset);
      system.volume[NODE] = volume;
      ions.forEach((ion: IonName, index) => {
        const base = offset + layout(index);
        setInsideAmount(system, membrane, ion, NODE, y[base]);
        if (withSpace) membrane.outside[ion][NODE] = y[base + 2];
      });
      updateReversalPotentials(system, membrane);
    },
    derivatives(y, out, offset, stimulus) {
      // Called after the mechanisms have accumulated their currents at the loaded state.
      let ionic = 0;
      ions.forEach((ion, index) => {
        const base = offset + layout(index);
        const current = membrane.ionCurrent[ion][NODE];
        ionic += current;
        const flux = (1e4 * current * area) / (ION_VALENCE[ion] * FARADAY); // mM um3 per ms, outward
        out[base] = -flux;
        out[base + 1] = flux;
        if (withSpace) {
          const exchange = system.bathRate[NODE] * (system.bath[ion][NODE] - y[base + 2]);
          out[base + 2] = flux / space + exchange;
          out[base + 3] = exchange * space;
        }
      });
      if (withWater) {
        const coefficient = waterFluxCoefficient(system, area, NODE);
        out[offset + ions.length * perIon] = coefficient * (insideOsmolarity(system, membrane, NODE) - outsideOsmolarity(membrane, NODE));
      }
      out[offset + size - 2] = stimulus;
      out[offset + size - 1] = (membrane.current[NODE] - ionic) * densityToAbsolute[NODE];
    },
    consistentJacobian(jacobian, n, offset, capacitance) {
      const row = (state: number) => state * n;
      ions.forEach((_ion, index) => {
        const base = offset + layout(index);
        for (let j = 0; j < n; j++) jacobian[row(base + 1) + j] = -jacobian[row(base) + j];
        if (withSpace) {
          const rate = system.bathRate[NODE];
          for (let j = 0; j < n; j++) {
            jacobian[row(base + 2) + j] = -jacobian[row(base) + j] / space;
            jacobian[row(base + 3) + j] = 0;
          }
          jacobian[row(base + 2) + base + 2] -= rate;
          jacobian[row(base + 3) + base + 2] = -space * rate;
        }
      });
      const stimulus = offset + size - 2;
      const other = offset + size - 1;
      for (let j = 0; j < n; j++) {
        let value = jacobian[row(stimulus) + j] - capacitance * jacobian[row(0) + j];
        ions.forEach((ion, index) => {
          value -= ION_VALENCE[ion] * FARADAY * 1e-6 * jacobian[row(offset + layout(index) + 1) + j];
        });
        jacobian[row(other) + j] = value;
      }
    },
    store(y, offset) {
      pools.load(y, offset);
      ions.forEach((ion, index) => {
        const base = offset + layout(index);
        system.moved[ion][NODE] = y[base + 1] / 1e18;
        if (withSpace) system.fromBath[ion][NODE] = y[base + 3] / 1e18;
      });
      system.stimulusCharge = y[offset + size - 2];
      system.otherCharge = y[offset + size - 1];
    },
  };
  return pools;
}
