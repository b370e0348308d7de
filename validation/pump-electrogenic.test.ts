/**
 * Part 3, scenario c: the Na+/K+ pump's electrogenic share of the resting potential. The pump–leak cell of
 * ./pump-models.ts rests at its steady state (solved by Newton's method); 1 mM ouabain blocks the pump and the
 * membrane depolarises within a few membrane time constants (8.6 ms), long before the concentrations change
 * (hours). The depolarisation is compared with
 *   - core's `electrogenicPumpPotential({ pumpCurrent, inputResistance })` = -I R, with R from the leaks' slope
 *     conductance at rest (Thomas 1972, Physiol Rev 52:563): the linear estimate;
 *   - core's `ghkPotential` (Na+, K+, Cl-: where the leaks alone rest) minus core's `mullinsNodaPotential` (coupling
 *     ratio 3/2: where the leaks rest with the pump; Mullins & Noda 1963, J Gen Physiol 47:117): the exact share;
 *   - the exact potential with the 4.6 % of pump that 1 mM ouabain leaves (IC50 48 uM), solved here by bisection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { electrogenicPumpPotential, ghkPotential, mullinsNodaPotential } from '../src/core/index.js';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import { unblockedFraction } from '../src/mechanisms/drugs.js';
import {
  adaptiveRun,
  BATH,
  CELL_AREA,
  CELL_CAPACITANCE,
  ghkFlux,
  LEAK_PERMEABILITY as P,
  luoRudyPump,
  PUMP_LEAK_TEMPERATURE as T,
  pumpLeakCell,
  pumpLeakInput,
  pumpLeakSteadyState,
  steadyStateStart,
  thermalVoltage,
} from './pump-models.js';

const OUABAIN = 1; // mM
const AT = 100; // ms: 11.6 membrane time constants after the block
const VT = thermalVoltage(T);
const valueAt = (result: SimulationResult, id: string, time: number) => {
  const index = result.time.findIndex((t) => Math.abs(t - time) < 1e-9);
  return result.traces.find((trace) => trace.id === id)!.values[index];
};

/** Total leak current density (mA/cm2) at v for the given inside concentrations. */
const leak = (c: { na: number; k: number; cl: number }, v: number) =>
  ghkFlux(1, P.pna, c.na, BATH.na, v, VT) + ghkFlux(1, P.pk, c.k, BATH.k, v, VT) + ghkFlux(-1, P.pcl, c.cl, BATH.cl, v, VT);

/** Where leak + fraction x pump = 0, by bisection (the sum rises with v). */
function restingPotential(c: { na: number; k: number; cl: number }, pumpFraction: number): number {
  const total = (v: number) => leak(c, v) + pumpFraction * luoRudyPump(c.na, BATH.na, BATH.k, v, VT);
  let lo = -150, hi = 50;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (total(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

describe('the pump’s electrogenic share of the resting potential (pump–leak cell, 1 mM ouabain)', () => {
  const rest = pumpLeakSteadyState(pumpLeakInput());
  const left = unblockedFraction(OUABAIN, 0.048, 1);
  let control: SimulationResult;
  let blocked: SimulationResult;
  beforeAll(() => {
    control = simulate(pumpLeakCell({ run: adaptiveRun(200, 1), ...steadyStateStart(rest) }));
    blocked = simulate(pumpLeakCell({ run: adaptiveRun(200, 1), ...steadyStateStart(rest), drugs: [{ drug: 'ouabain', concentration: OUABAIN }] }));
  });
  const ghk = () =>
    ghkPotential(
      [
        { valence: 1, inside: rest.na, outside: BATH.na, permeability: P.pna },
        { valence: 1, inside: rest.k, outside: BATH.k, permeability: P.pk },
        { valence: -1, inside: rest.cl, outside: BATH.cl, permeability: P.pcl },
      ],
      T,
    );
  const mullinsNoda = () =>
    mullinsNodaPotential({
      couplingRatio: 1.5,
      potassium: { inside: rest.k, outside: BATH.k, permeability: P.pk },
      sodium: { inside: rest.na, outside: BATH.na, permeability: P.pna },
      temperature: T,
    });

  it('without ouabain the cell stays at its steady state (Mullins–Noda, -80.336 mV) to 1e-6 mV', () => {
    const v = control.traces.find((trace) => trace.id === 'v')!.values;
    for (const value of v) expect(Math.abs(value - rest.v)).toBeLessThan(1e-6);
    expect(Math.abs(rest.v - mullinsNoda())).toBeLessThan(1e-9);
  });

  it('after the block the membrane settles where the leaks and the 4.6 % of pump left balance, to 1e-3 mV', () => {
    const now = { na: valueAt(blocked, 'na_inside', AT), k: valueAt(blocked, 'k_inside', AT), cl: valueAt(blocked, 'cl_inside', AT) };
    const v = valueAt(blocked, 'v', AT);
    const expected = restingPotential(now, left);
    console.log(
      `1 mM ouabain leaves ${(left * 100).toFixed(2)} % of the pump; V ${rest.v.toFixed(4)} -> ${v.toFixed(4)} mV at ${AT} ms (expected ${expected.toFixed(4)} mV); ` +
        `[Na]i moved ${(now.na - rest.na).toExponential(2)} mM meanwhile; ${blocked.steps} adaptive steps`,
    );
    expect(Math.abs(v - expected)).toBeLessThan(1e-3);
    expect(Math.abs(now.na - rest.na)).toBeLessThan(0.01);
  });

  it('the depolarisation (2.37 mV) matches -I R of the blocked pump current within 5 %, with R from the leaks’ slope conductance', () => {
    const h = 1e-4;
    const slope = (leak(rest, rest.v + h) - leak(rest, rest.v - h)) / (2 * h); // S/cm2
    const inputResistance = 1 / (slope * CELL_AREA * 1e-2); // 1/uS = MOhm
    const pumpCurrent = rest.pumpCurrent * CELL_AREA * 1e-2; // nA
    const linear = -electrogenicPumpPotential({ pumpCurrent: (1 - left) * pumpCurrent, inputResistance });
    const measured = valueAt(blocked, 'v', AT) - rest.v;
    const tau = (CELL_CAPACITANCE * 1e-6) / slope; // s
    console.log(
      `pump ${(pumpCurrent * 1e3).toFixed(3)} pA (${(rest.pumpCurrent * 1e3).toFixed(4)} uA/cm2), leak slope ${(slope * 1e6).toFixed(2)} uS/cm2, R_in ${inputResistance.toFixed(1)} MOhm, ` +
        `tau ${(tau * 1e3).toFixed(2)} ms; depolarisation ${measured.toFixed(4)} mV, -I R ${linear.toFixed(4)} mV (of the blocked ${((1 - left) * 100).toFixed(1)} %)`,
    );
    expect(measured).toBeGreaterThan(0);
    expect(Math.abs(measured - linear) / linear).toBeLessThan(0.05);
  });

  it('the full electrogenic share, GHK - Mullins–Noda = 2.48 mV, is the measured depolarisation scaled to a full block, within 1 %', () => {
    const share = ghk() - mullinsNoda();
    const withoutChloride =
      ghkPotential(
        [
          { valence: 1, inside: rest.na, outside: BATH.na, permeability: P.pna },
          { valence: 1, inside: rest.k, outside: BATH.k, permeability: P.pk },
        ],
        T,
      ) - mullinsNoda();
    const measured = valueAt(blocked, 'v', AT) - rest.v;
    console.log(
      `GHK (Na, K, Cl) ${ghk().toFixed(4)} mV, Mullins–Noda ${mullinsNoda().toFixed(4)} mV: share ${share.toFixed(4)} mV ` +
        `(${withoutChloride.toFixed(4)} mV if chloride did not shunt it); measured / blocked fraction ${(measured / (1 - left)).toFixed(4)} mV`,
    );
    expect(share).toBeGreaterThan(1);
    expect(share).toBeLessThan(5);
    expect(Math.abs(measured / (1 - left) - share) / share).toBeLessThan(0.01);
    // The leaks alone rest at the GHK potential: the exact potential with no pump left.
    expect(Math.abs(restingPotential(rest, 0) - ghk())).toBeLessThan(1e-9);
  });
});

describe('examples/pump-electrogenic-ouabain.yaml', () => {
  it('is the validated model at its steady state: V at 100 ms within 1e-3 mV of the builder', () => {
    const file = simulate(readModelFile(new URL('../examples/pump-electrogenic-ouabain.yaml', import.meta.url).pathname));
    const rest = pumpLeakSteadyState(pumpLeakInput());
    const built = simulate(pumpLeakCell({ run: adaptiveRun(200, 1), ...steadyStateStart(rest), drugs: [{ drug: 'ouabain', concentration: OUABAIN }] }));
    expect(Math.abs(valueAt(file, 'v', 0) - rest.v)).toBeLessThan(1e-3);
    expect(Math.abs(valueAt(file, 'v', AT) - valueAt(built, 'v', AT))).toBeLessThan(1e-3);
  });
});
