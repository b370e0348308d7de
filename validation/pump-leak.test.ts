/**
 * Part 3, scenario a: a cell builds its gradients and its resting potential from nothing under the Na+/K+ pump, the
 * pump–leak model of Tosteson & Hoffman (1960) J Gen Physiol 44:169-194 (in the form of Keener & Sneyd 2009,
 * Mathematical Physiology I, ch. 2.6), integrated for 5 hours of simulated time by the adaptive integrator.
 *
 * Reference: the algebraic steady state of the same model (zero net flux of Na+, K+ and Cl- with the pump's 3:2
 * stoichiometry and GHK leaks, no osmotic gradient, the charge the ions brought in on the membrane capacitor),
 * solved by Newton's method in ./pump-models.ts with its own GHK and pump functions (no engine code).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ghkPotential, mullinsNodaPotential } from '../src/core/index.js';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import {
  adaptiveRun,
  BATH,
  CELL_VOLUME,
  FROM_SCRATCH,
  LEAK_PERMEABILITY,
  PUMP_LEAK_TEMPERATURE,
  pumpLeakCell,
  pumpLeakInput,
  pumpLeakSteadyState,
} from './pump-models.js';

const HOURS = 3.6e6; // ms
const last = (result: SimulationResult, id: string) => {
  const trace = result.traces.find((candidate) => candidate.id === id);
  if (!trace) throw new Error(`no trace ${id}`);
  return trace.values[trace.values.length - 1];
};
const at = (result: SimulationResult, id: string, time: number) => {
  const trace = result.traces.find((candidate) => candidate.id === id)!;
  let best = 0;
  for (let i = 0; i < result.time.length; i++) if (Math.abs(result.time[i] - time) < Math.abs(result.time[best] - time)) best = i;
  return trace.values[best];
};

describe('pump–leak cell from scratch (Tosteson & Hoffman 1960): 5 h, adaptive', () => {
  const predicted = pumpLeakSteadyState(pumpLeakInput());
  let result: SimulationResult;
  let wallSeconds = 0;
  beforeAll(() => {
    const start = performance.now();
    result = simulate(pumpLeakCell({ run: adaptiveRun(5 * HOURS, 60_000) }));
    wallSeconds = (performance.now() - start) / 1000;
  });

  it('the predicted steady state is a resting cell: V = Mullins–Noda (r = 3/2) and [Cl]i passive', () => {
    // At the pump–leak steady state chloride carries no current, so the Na+ and K+ leaks balance 3:2: exactly the
    // Mullins & Noda (1963) potential, which core computes in closed form.
    const mullinsNoda = mullinsNodaPotential({
      couplingRatio: 1.5,
      potassium: { inside: predicted.k, outside: BATH.k, permeability: LEAK_PERMEABILITY.pk },
      sodium: { inside: predicted.na, outside: BATH.na, permeability: LEAK_PERMEABILITY.pna },
      temperature: PUMP_LEAK_TEMPERATURE,
    });
    const chloride = ghkPotential([{ valence: -1, inside: predicted.cl, outside: BATH.cl, permeability: 1 }], PUMP_LEAK_TEMPERATURE);
    console.log(
      `predicted steady state: V ${predicted.v.toFixed(4)} mV, [Na]i ${predicted.na.toFixed(4)}, [K]i ${predicted.k.toFixed(4)}, [Cl]i ${predicted.cl.toFixed(4)} mM, ` +
        `volume ${predicted.volume.toFixed(2)} um3 (${((predicted.volume / CELL_VOLUME) * 100).toFixed(2)} % of the start), pump ${(predicted.pumpCurrent * 1e3).toFixed(4)} uA/cm2; ` +
        `Newton ${predicted.iterations} iterations`,
    );
    expect(Math.abs(predicted.v - mullinsNoda)).toBeLessThan(1e-9);
    expect(Math.abs(predicted.v - chloride)).toBeLessThan(1e-9);
  });

  it('starts with no gradient and ends at the predicted steady state: V within 1e-3 mV, concentrations and volume within 1e-5 relative', () => {
    // The start: no gradient for Na+ and K+, Cl- lowered by the impermeant anions, V = 0.
    expect(result.traces.find((t) => t.id === 'na_inside')!.values[0]).toBe(BATH.na);
    expect(result.traces.find((t) => t.id === 'k_inside')!.values[0]).toBe(BATH.k);
    expect(result.traces.find((t) => t.id === 'v')!.values[0]).toBe(0);
    const end = { v: last(result, 'v'), na: last(result, 'na_inside'), k: last(result, 'k_inside'), cl: last(result, 'cl_inside'), volume: last(result, 'volume') };
    console.log(
      `after 5 h (${result.steps} adaptive steps, ${wallSeconds.toFixed(3)} s of computing): V ${end.v.toFixed(6)} mV, [Na]i ${end.na.toFixed(6)}, [K]i ${end.k.toFixed(6)}, ` +
        `[Cl]i ${end.cl.toFixed(6)} mM, volume ${end.volume.toFixed(3)} um3, pump ${(last(result, 'na-k-pump.i') * 1e3).toFixed(5)} uA/cm2; ` +
        `differences ${(end.v - predicted.v).toExponential(2)} mV, ${((end.na - predicted.na) / predicted.na).toExponential(2)}, ${((end.k - predicted.k) / predicted.k).toExponential(2)}, ` +
        `${((end.cl - predicted.cl) / predicted.cl).toExponential(2)}, ${((end.volume - predicted.volume) / predicted.volume).toExponential(2)}`,
    );
    for (const hour of [0.25, 0.5, 1, 1.5, 2, 3, 4]) {
      console.log(
        `  t = ${hour} h: V ${at(result, 'v', hour * HOURS).toFixed(3)} mV, [Na]i ${at(result, 'na_inside', hour * HOURS).toFixed(3)}, [K]i ${at(result, 'k_inside', hour * HOURS).toFixed(3)}, ` +
          `[Cl]i ${at(result, 'cl_inside', hour * HOURS).toFixed(3)} mM, volume ${at(result, 'volume', hour * HOURS).toFixed(1)} um3, pump ${(at(result, 'na-k-pump.i', hour * HOURS) * 1e3).toFixed(4)} uA/cm2`,
      );
    }
    expect(Math.abs(end.v - predicted.v)).toBeLessThan(1e-3);
    for (const key of ['na', 'k', 'cl', 'volume'] as const) expect(Math.abs(end[key] - predicted[key]) / predicted[key]).toBeLessThan(1e-5);
  });

  it('builds the gradients over hours, not seconds: after 15 min [Na]i is still above 100 mM, after 3 h within 1 % of its steady value', () => {
    expect(at(result, 'na_inside', 0.25 * HOURS)).toBeGreaterThan(100);
    expect(Math.abs(at(result, 'na_inside', 3 * HOURS) - predicted.na) / predicted.na).toBeLessThan(0.01);
  });

  it('the transient is resolved too: [Na]i and V at 15 min and 1 h within 1e-4 relative of a run with 1e-4 times tighter tolerances', () => {
    const tight = simulate(pumpLeakCell({ run: adaptiveRun(1 * HOURS, 60_000, 0.025, { absolute: 1e-7, relative: 1e-8 }) }));
    console.log(`tight tolerances: ${tight.steps} steps for the first hour; [Na]i at 1 h ${last(tight, 'na_inside').toFixed(5)} mM against ${at(result, 'na_inside', HOURS).toFixed(5)} mM`);
    for (const time of [0.25 * HOURS, HOURS]) {
      for (const id of ['na_inside', 'v']) expect(Math.abs(at(result, id, time) - at(tight, id, time)) / Math.abs(at(tight, id, time)), `${id} at ${time} ms`).toBeLessThan(1e-4);
    }
  });

  it('keeps every ion and the charge (relative drift below 1e-9 of the amounts)', () => {
    const conservation = result.conservation!;
    for (const [ion, amount] of Object.entries(conservation.amounts)) {
      expect(amount.drift, ion).toBeLessThan(1e-9);
    }
  });

  it('the steady state does not depend on the start: from the textbook gradients (Na 12, K 140 mM inside) to the same state', () => {
    // Same amounts of impermeant anions and the same charge: the start is electroneutral like FROM_SCRATCH.
    const initial = { na: 12, k: 140, cl: 27, v: 0, volume: CELL_VOLUME };
    const other = simulate(pumpLeakCell({ run: adaptiveRun(5 * HOURS, 60_000), initial }));
    const expected = pumpLeakSteadyState(pumpLeakInput(1, initial));
    expect(Math.abs(last(other, 'v') - expected.v)).toBeLessThan(1e-3);
    expect(Math.abs(last(other, 'na_inside') - expected.na) / expected.na).toBeLessThan(1e-5);
    expect(Math.abs(expected.v - predicted.v)).toBeLessThan(1e-6);
  });
});

describe('examples/pump-leak-from-scratch.yaml', () => {
  it('is the validated model: the same end state as the builder (V within 1e-3 mV)', () => {
    const file = simulate(readModelFile(new URL('../examples/pump-leak-from-scratch.yaml', import.meta.url).pathname));
    const predicted = pumpLeakSteadyState(pumpLeakInput());
    expect(Math.abs(last(file, 'v') - predicted.v)).toBeLessThan(1e-3);
    expect(Math.abs(last(file, 'na_inside') - predicted.na) / predicted.na).toBeLessThan(1e-4);
    expect(Math.abs(last(file, 'volume') - predicted.volume) / predicted.volume).toBeLessThan(1e-4);
    expect(FROM_SCRATCH.cl).toBe(25);
  });
});
