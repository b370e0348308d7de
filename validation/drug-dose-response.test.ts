/**
 * Scenario 6 of docs/scenarios-synapses.md (issue 4, items 5 and 8): each drug's dose-response curve through its
 * IC50, and temperature acting on both Nernst potentials (RT/zF) and kinetics (Q10).
 *
 * Under an ideal voltage clamp the gates follow the command voltage alone, so they do not depend on the maximal
 * conductance a drug scales: the peak sodium current at a step to 0 mV, the steady potassium current at +20 mV and
 * the pump current at a held voltage are each exactly proportional to the unblocked fraction. The IC50s and Hill
 * coefficients below are the cited values, written here independently of the engine's catalogue (src/mechanisms/drugs.ts):
 *   TTX      3.6 nM, h 1: Schwarz, Ulbricht & Wagner (1973) J Physiol 233:167 (frog node of Ranvier);
 *   TEA      0.4 mM, h 1: Hille (1967) J Gen Physiol 50:1287 (external TEA, frog node delayed rectifier);
 *   4-AP     0.8 mM, h 1: Hermann & Gorman (1981) J Gen Physiol 78:63 (Aplysia delayed K+ current, 0 mV);
 *   ouabain  48 uM,  h 1: O'Brien, Lingrel & Wallick (1994) Arch Biochem Biophys 310:32 (rat alpha1 Na,K-ATPase).
 */
import { describe, expect, it } from 'vitest';
import { actionPotentialShape } from '../src/analysis/index.js';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import type { CellDescription, Model } from '../src/model/types.js';
import { assemble, hhCell, runSettings, SOMA_1000_UM2 } from './synapse-models.js';

const CITED = {
  ttx: { ic50: 3.6e-6, hill: 1, record: 'i_na' },
  tea: { ic50: 0.4, hill: 1, record: 'i_k' },
  '4-ap': { ic50: 0.8, hill: 1, record: 'i_k' },
  ouabain: { ic50: 0.048, hill: 1, record: 'na-k-pump.i' },
} as const;
type DrugName = keyof typeof CITED;

const hill = (concentration: number, ic50: number, h: number) => 1 / (1 + Math.pow(concentration / ic50, h));
const at = { cell: 'cell', position: 0.5 };
const values = (result: SimulationResult, id: string) => result.traces.find((t) => t.id === id)!.values;

/** An HH compartment clamped at -65 mV for 5 ms, then at `step` mV for 15 ms; records i_na and i_k. */
function hhClampModel(step: number, drugs: Model['drugs']): Model {
  return {
    ...assemble({
      name: 'hh-clamp',
      cells: [hhCell('cell')],
      stimuli: [{ kind: 'voltage-clamp', id: 'clamp', location: at, levels: [{ duration: 5, voltage: -65 }, { duration: 15, voltage: step }] }],
      recordings: [
        { id: 'i_na', location: at, variable: 'i_na' },
        { id: 'i_k', location: at, variable: 'i_k' },
      ],
      run: runSettings(20, 0.01, 'backward-euler'),
    }),
    drugs,
  };
}

/** A compartment with GHK leak channels and the Na+/K+ pump (mammalian concentrations, 37 degC), clamped at -70 mV. */
function pumpClampModel(drugs: Model['drugs']): Model {
  const cell: CellDescription = {
    id: 'cell',
    morphology: { kind: 'single', section: 'soma', length: SOMA_1000_UM2, diameter: SOMA_1000_UM2 },
    membrane: { capacitance: 1, axialResistivity: 35.4, initialVoltage: -70 },
    mechanisms: [
      { mechanism: 'ghk-leak', parameters: {} },
      { mechanism: 'na-k-pump', parameters: {} },
    ],
    ions: [
      { ion: 'na', inside: 10, outside: 145, reversal: 'nernst' },
      { ion: 'k', inside: 140, outside: 5, reversal: 'nernst' },
      { ion: 'cl', inside: 10, outside: 110, reversal: 'nernst' },
    ],
  };
  return {
    ...assemble({
      name: 'pump-clamp',
      temperature: 310.15,
      cells: [cell],
      stimuli: [{ kind: 'voltage-clamp', id: 'clamp', location: at, levels: [{ duration: 10, voltage: -70 }] }],
      recordings: [{ id: 'na-k-pump.i', location: at, variable: 'na-k-pump.i' }],
      run: runSettings(10, 0.025, 'backward-euler'),
    }),
    drugs,
  };
}

/** The effect a drug reduces: peak inward i_na at 0 mV (TTX), i_k at the end of +20 mV (TEA, 4-AP), pump current (ouabain). */
function effect(drug: DrugName | null, concentration: number, which: DrugName): number {
  const drugs = drug ? [{ drug, concentration }] : [];
  if (which === 'ouabain') {
    const i = values(simulate(pumpClampModel(drugs)), 'na-k-pump.i');
    return i[i.length - 1];
  }
  if (which === 'ttx') return -values(simulate(hhClampModel(0, drugs)), 'i_na').reduce((a, b) => Math.min(a, b), Infinity);
  const i = values(simulate(hhClampModel(20, drugs)), 'i_k');
  return i[i.length - 1];
}

describe.each(Object.keys(CITED) as DrugName[])('dose-response of %s', (drug) => {
  const { ic50, hill: h, record } = CITED[drug];
  const control = effect(null, 0, drug);

  it(`at the cited IC50 the ${record} left is half the control within 1 %`, () => {
    const half = effect(drug, ic50, drug) / control;
    console.log(`${drug}: control ${record} ${control.toExponential(5)} mA/cm2; at IC50 ${half.toFixed(6)} of it`);
    expect(control).toBeGreaterThan(0);
    expect(Math.abs(half / 0.5 - 1)).toBeLessThan(0.01);
  });

  it('five concentrations (IC50 / 10 to 10 IC50) follow 1/(1 + ([D]/IC50)^h) within 1 %; a fit recovers IC50 and h within 1 %', () => {
    const doses = [0.1, 0.3, 1, 3, 10].map((x) => x * ic50);
    const fractions = doses.map((c) => effect(drug, c, drug) / control);
    console.log(`${drug}: ${doses.map((c, k) => `${c.toExponential(2)} mM -> ${fractions[k].toFixed(5)} (Hill ${hill(c, ic50, h).toFixed(5)})`).join('; ')}`);
    doses.forEach((c, k) => expect(Math.abs(fractions[k] / hill(c, ic50, h) - 1)).toBeLessThan(0.01));
    // Least squares on the Hill plot: log(1/f - 1) = h log c - h log IC50.
    const xs = doses.map(Math.log), ys = fractions.map((f) => Math.log(1 / f - 1));
    const mx = xs.reduce((a, b) => a + b) / xs.length, my = ys.reduce((a, b) => a + b) / ys.length;
    const slope = xs.reduce((a, x, k) => a + (x - mx) * (ys[k] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const fittedIc50 = Math.exp(mx - my / slope);
    console.log(`${drug}: fitted IC50 ${fittedIc50.toExponential(4)} mM (cited ${ic50}), h ${slope.toFixed(4)}`);
    expect(Math.abs(fittedIc50 / ic50 - 1)).toBeLessThan(0.01);
    expect(Math.abs(slope / h - 1)).toBeLessThan(0.01);
  });
});

describe('selectivity', () => {
  it('TTX at 100 IC50 leaves the potassium current unchanged; TEA at 100 IC50 leaves the sodium current unchanged', () => {
    const ik = (drugs: Model['drugs']) => values(simulate(hhClampModel(20, drugs)), 'i_k').at(-1)!;
    const ina = (drugs: Model['drugs']) => values(simulate(hhClampModel(0, drugs)), 'i_na').reduce((a, b) => Math.min(a, b), Infinity);
    // Not bit for bit: the ideal clamp is a very large conductance, so V departs from the command by I / g_clamp.
    expect(Math.abs(ik([{ drug: 'ttx', concentration: 3.6e-4 }]) / ik([]) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(ina([{ drug: 'tea', concentration: 40 }]) / ina([]) - 1)).toBeLessThan(1e-9);
  });
});

describe('examples/drug-*.yaml at each IC50 against the same model without the drug', () => {
  it.each([
    ['drug-ttx-sodium-current.yaml', 'i_na', 'peak'],
    ['drug-tea-potassium-current.yaml', 'i_k', 'last'],
    ['drug-ouabain-pump-current.yaml', 'i_pump', 'last'],
  ])('%s: the %s left is half within 1 %', (file, id, how) => {
    const model = readModelFile(new URL(`../examples/${file}`, import.meta.url).pathname);
    const measure = (m: Model) => {
      const v = values(simulate(m), id);
      return how === 'peak' ? v.reduce((a, b) => Math.min(a, b), Infinity) : v[v.length - 1];
    };
    const ratio = measure(model) / measure({ ...model, drugs: [] });
    expect(Math.abs(ratio / 0.5 - 1)).toBeLessThan(0.01);
  });
});

describe('temperature acts on Nernst potentials and on kinetics', () => {
  // From the exact SI 2019 defining constants (k_B, e, N_A), independently of src/units: R = k_B N_A, F = e N_A.
  // (The rounded CODATA figures 8.314462618 and 96485.33212 differ from these by 2e-11 and 3e-12 relative.)
  const R = 1.380649e-23 * 6.02214076e23, F = 1.602176634e-19 * 6.02214076e23;

  it('reversal potentials follow RT/zF ln(co/ci) at 6.3 and 37 degC for K+ (z = 1), Cl- (z = -1) and Ca2+ (z = 2) within 1e-11 (relative)', () => {
    for (const celsius of [6.3, 37]) {
      const kelvin = 273.15 + celsius;
      const cell: CellDescription = {
        ...hhCell('cell'),
        ions: [
          { ion: 'k', inside: 400, outside: 20, reversal: 'nernst' },
          { ion: 'cl', inside: 40, outside: 560, reversal: 'nernst' },
          { ion: 'ca', inside: 1e-4, outside: 10, reversal: 'nernst' },
        ],
      };
      const model = assemble({
        name: 'nernst-temperature',
        temperature: kelvin,
        cells: [cell],
        recordings: ['e_k', 'e_cl', 'e_ca'].map((variable) => ({ id: variable, location: at, variable })),
        run: runSettings(0.1, 0.025, 'backward-euler'),
      });
      const result = simulate(model);
      const nernst = (z: number, inside: number, outside: number) => ((1000 * R * kelvin) / (z * F)) * Math.log(outside / inside);
      const rows = [
        ['e_k', nernst(1, 400, 20)],
        ['e_cl', nernst(-1, 40, 560)],
        ['e_ca', nernst(2, 1e-4, 10)],
      ] as const;
      console.log(`${celsius} degC: ${rows.map(([id, e]) => `${id} ${values(result, id)[0].toFixed(4)} mV (RT/zF: ${e.toFixed(4)})`).join(', ')}`);
      for (const [id, e] of rows) expect(Math.abs(values(result, id)[0] / e - 1)).toBeLessThan(1e-11);
    }
  });

  it('the HH spike narrows with temperature (Q10 = 3 for the rates): half-width at 16.3 degC below 0.55 of that at 6.3 degC', () => {
    const shape = (celsius: number) => {
      const model = assemble({
        name: 'hh-temperature',
        temperature: 273.15 + celsius,
        cells: [hhCell('cell')],
        stimuli: [{ kind: 'current-clamp', id: 'pulse', location: at, waveform: { shape: 'step', delay: 2, duration: 0.5, amplitude: 0.5, perArea: false } }],
        recordings: [{ id: 'v', location: at, variable: 'v' }],
        run: runSettings(20, 0.005, 'crank-nicolson'),
      });
      const result = simulate(model);
      return actionPotentialShape(result.time, values(result, 'v'), { from: 1.9 })!;
    };
    const cold = shape(6.3), warm = shape(16.3);
    console.log(`HH half-width 6.3 degC ${cold.halfWidth.toFixed(4)} ms, 16.3 degC ${warm.halfWidth.toFixed(4)} ms (ratio ${(warm.halfWidth / cold.halfWidth).toFixed(3)}); peak ${cold.peak.toFixed(2)} / ${warm.peak.toFixed(2)} mV`);
    expect(warm.halfWidth / cold.halfWidth).toBeLessThan(0.55);
    expect(warm.halfWidth / cold.halfWidth).toBeGreaterThan(1 / 3 - 0.05); // not faster than the rates themselves
  });
});
