/**
 * Scenario 4 of docs/scenarios-synapses.md: the Mg2+ block of NMDA receptors. Compartments voltage-clamped at
 * different holding potentials receive the same NMDA event; the ratio of their peak currents must follow
 * B(V) (V - E) with B(V) = 1 / (1 + [Mg]o exp(-0.062 V) / 3.57) (Jahr & Stevens 1990, J Neurosci 10:3178, as
 * written by Destexhe, Mainen & Sejnowski 1998).
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import { jahrStevens, nmdaClampModel } from './synapse-models.js';

/** The most negative (inward) value of a trace: the peak of an inward current. */
const inwardPeak = (result: SimulationResult, id: string) => result.traces.find((t) => t.id === id)!.values.reduce((a, b) => Math.min(a, b), Infinity);

describe('NMDA Mg2+ block under voltage clamp (rise 2 ms, decay 150 ms, reversal 0 mV, 1 nS)', () => {
  it('peak current at -40 mV over that at -80 mV equals B(-40)(-40) / (B(-80)(-80)) within 1 % (1 mM Mg2+)', () => {
    const result = simulate(nmdaClampModel([-80, -40], 1));
    const ratio = inwardPeak(result, 'i1') / inwardPeak(result, 'i0');
    const expected = (jahrStevens(-40, 1) * -40) / (jahrStevens(-80, 1) * -80);
    console.log(`NMDA, 1 mM Mg: i(-80) ${inwardPeak(result, 'i0').toExponential(4)} nA, i(-40) ${inwardPeak(result, 'i1').toExponential(4)} nA; ratio ${ratio.toFixed(5)}, B(V) predicts ${expected.toFixed(5)}; B(-80) ${jahrStevens(-80, 1).toFixed(5)}, B(-40) ${jahrStevens(-40, 1).toFixed(5)}`);
    expect(Math.abs(ratio / expected - 1)).toBeLessThan(0.01);
    // The EPSC grows with depolarisation although the driving force halves: the block lifts.
    expect(Math.abs(inwardPeak(result, 'i1'))).toBeGreaterThan(Math.abs(inwardPeak(result, 'i0')));
  });

  it('without Mg2+ the ratio is the driving-force ratio 0.5; the whole I-V curve follows g B(V) (V - 0) within 1 %', () => {
    const free = simulate(nmdaClampModel([-80, -40], 0));
    expect(Math.abs(inwardPeak(free, 'i1') / inwardPeak(free, 'i0') - 0.5)).toBeLessThan(1e-6);
    const voltages = [-100, -80, -60, -40, -20, -10, 10, 20, 40];
    const result = simulate(nmdaClampModel(voltages, 1));
    const gMax = inwardPeak(free, 'i0') / -80; // peak conductance without block, uS
    const rows = voltages.map((v, k) => {
      const trace = result.traces.find((t) => t.id === `i${k}`)!.values;
      const peak = v < 0 ? trace.reduce((a, b) => Math.min(a, b), Infinity) : trace.reduce((a, b) => Math.max(a, b), -Infinity);
      return { v, peak, expected: gMax * jahrStevens(v, 1) * v };
    });
    console.log(`I-V (1 mM Mg, 1 nS): ${rows.map((r) => `${r.v} mV ${(r.peak * 1000).toFixed(3)} pA`).join('; ')}`);
    for (const row of rows) expect(Math.abs(row.peak / row.expected - 1)).toBeLessThan(0.01);
    // The region of negative slope: the inward current grows from -100 to about -20 mV, then shrinks towards 0 mV.
    expect(Math.abs(rows[3].peak)).toBeGreaterThan(Math.abs(rows[0].peak));
    expect(Math.abs(rows[5].peak)).toBeLessThan(Math.abs(rows[3].peak));
  });

  it('example examples/synapse-nmda-magnesium.yaml: the -40/-80 mV ratio within 1 % of Jahr & Stevens', () => {
    const result = simulate(readModelFile(new URL('../examples/synapse-nmda-magnesium.yaml', import.meta.url).pathname));
    const ratio = inwardPeak(result, 'i_minus40') / inwardPeak(result, 'i_minus80');
    expect(Math.abs(ratio / ((jahrStevens(-40, 1) * -40) / (jahrStevens(-80, 1) * -80)) - 1)).toBeLessThan(0.01);
  });
});
