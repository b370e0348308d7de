/**
 * Part 3, item 8: charge and ion conservation over long runs with everything moving at once: Hodgkin-Huxley spikes,
 * Na+, K+ and Cl- moving inside and in a closed space outside (nothing leaves the model), the Na+/K+ pump, a Cl-
 * leak, and (single compartment) impermeant anions and water flux. `result.conservation` reports
 *   chargeImbalance: (change of the capacitors' charge - charge carried in by the ions - stimulus charge + charge of
 *     the other currents) / the largest of those terms;
 *   amounts[ion].drift: |amount inside + outside now - at t = 0| / at t = 0.
 * Each must stay below 1e-9, for backward Euler, Crank-Nicolson and the adaptive integrator.
 * Models: ./pump-models.ts (`conservationModel`, `pumpLeakCell`).
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import type { IntegratorName, RunSettings } from '../src/model/types.js';
import { adaptiveRun, conservationModel, pumpLeakCell } from './pump-models.js';

const LIMIT = 1e-9;
const settings = (duration: number, integrator: IntegratorName): RunSettings => ({
  duration,
  timeStep: 0.025,
  integrator,
  rates: 'exact',
  absoluteTolerance: 1e-3,
  relativeTolerance: 1e-4,
  recordInterval: 1,
});

function report(label: string, result: SimulationResult, wallSeconds: number): void {
  const c = result.conservation!;
  const drifts = Object.entries(c.amounts).map(([ion, amount]) => `${ion} ${amount.drift.toExponential(1)}`);
  console.log(
    `${label}: ${result.steps} steps, ${result.spikes[0]?.times.length ?? 0} spikes, ${wallSeconds.toFixed(2)} s; charge imbalance ${c.chargeImbalance.toExponential(2)} ` +
      `(capacitors ${(c.membraneCharge - c.initialMembraneCharge).toExponential(3)} pC, ions ${c.ionCharge.toExponential(3)} pC, stimulus ${c.stimulusCharge.toExponential(3)} pC, ` +
      `other ${c.otherCharge.toExponential(3)} pC); drift ${drifts.join(', ')}`,
  );
}

function check(label: string, run: () => SimulationResult, minimumSpikes: number): void {
  const start = performance.now();
  const result = run();
  report(label, result, (performance.now() - start) / 1000);
  const c = result.conservation!;
  expect(result.spikes.length === 0 || result.spikes[0].times.length >= minimumSpikes, 'spiking').toBe(true);
  expect(Object.keys(c.amounts).sort()).toEqual(['cl', 'k', 'na']);
  expect(Math.abs(c.chargeImbalance), 'charge').toBeLessThan(LIMIT);
  for (const [ion, amount] of Object.entries(c.amounts)) expect(amount.drift, ion).toBeLessThan(LIMIT);
}

describe('charge and ion conservation over long runs (relative drift below 1e-9)', () => {
  for (const integrator of ['backward-euler', 'crank-nicolson'] as const) {
    it(`${integrator}: one compartment with water and impermeant anions, 5 s of spikes at 50 Hz (200,000 steps)`, () => {
      check(`single, ${integrator}`, () => simulate(conservationModel({ morphology: 'single', run: settings(5000, integrator) })), 200);
    });
    it(`${integrator}: a 10-compartment cable, 2 s of impulses at 50 Hz`, () => {
      check(`cable, ${integrator}`, () => simulate(conservationModel({ morphology: 'cable', run: settings(2000, integrator) })), 90);
    });
  }

  it('adaptive: one compartment, 2 s of spikes at 50 Hz', () => {
    check('single, adaptive, train', () => simulate(conservationModel({ morphology: 'single', run: settings(2000, 'adaptive') })), 90);
  });

  // Fails with src/engine/adaptive.ts as of 1f7e1a5: `solveDense` swaps whole rows (columns 0..n-1, the stored L
  // multipliers included) while `luSolve` applies the interchanges one at a time between eliminations; the two
  // conventions do not mix, so any row interchange after the first column gives a wrong stage vector (residual 0.5
  // here). The interchanges happen when an ion amount's row (mM um3, large) outgrows a gate's diagonal near
  // threshold: repetitive firing shows it. Measured: charge imbalance -7.3e-6, Na+ drift 9.4e-9, 35,137 steps;
  // swapping only columns k..n-1 gives -9e-14, 9e-16 and 9,573 steps.
  it('adaptive: one compartment firing repetitively under a constant 20 uA/cm2, 300 ms', () => {
    check('single, adaptive, constant current', () => simulate(conservationModel({ morphology: 'single', run: settings(300, 'adaptive'), drive: 'constant' })), 70);
  });

  // Fails with src/engine/adaptive.ts as of 1f7e1a5 (2.8e-9): the finite-difference Jacobian gives the bookkeeping
  // states (ions moved, outside concentrations, charges) rows of their own, equal to the rows they mirror only up
  // to round-off / delta (~1e-9 relative), so Rosenbrock keeps the linear invariants only to that level. Here the
  // net charge (1 pC on the capacitor) is 1e-5 of what each ion carries (8e4 pC of Na+ out, of K+ in), so that
  // level shows. Deriving those rows from the ones they mirror gives -2.8e-11.
  it('adaptive: the pump–leak cell building its gradients from scratch, 5 h', () => {
    check('pump-leak, adaptive, 5 h', () => simulate(pumpLeakCell({ run: adaptiveRun(5 * 3.6e6, 60_000) })), 0);
  });
});
