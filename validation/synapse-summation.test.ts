/**
 * Scenarios 2 and 3 of docs/scenarios-synapses.md: summation in time and in space; shunting inhibition; and whether
 * a synapse excites or inhibits follows from its reversal potential against the threshold, not from its label.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import {
  conductanceMicrosiemens,
  EXPONENTIAL,
  exactPeak,
  PASSIVE,
  passiveEpspModel,
  passiveProblem,
  phasicShuntModel,
  reversalModel,
  runSettings,
  spatialModel,
  tonicShuntModel,
} from './synapse-models.js';

const values = (result: SimulationResult, id: string) => result.traces.find((t) => t.id === id)!.values;
const maximum = (v: Float64Array) => v.reduce((a, b) => Math.max(a, b), -Infinity);
const example = (name: string) => readModelFile(new URL(`../examples/${name}`, import.meta.url).pathname);

describe('temporal summation: two events on one synapse of a passive compartment', () => {
  const run = (times: number[]) => simulate(passiveEpspModel(EXPONENTIAL, times, runSettings(60, 0.01, 'crank-nicolson')));
  const single = values(run([5]), 'v');
  const singlePeak = maximum(single) - PASSIVE.e;

  it('is sublinear (driving force), more so at shorter intervals; every peak within 1e-3 mV of the exact solution', () => {
    const rows: { interval: number; peak: number; linear: number }[] = [];
    for (const interval of [20, 10, 5, 2, 1, 0]) {
      const times = interval === 0 ? [5, 5] : [5, 5 + interval];
      const v = values(run(times), 'v');
      const peak = maximum(v) - PASSIVE.e;
      // The linear prediction: the single EPSP added to itself shifted by the interval (samples every 0.01 ms).
      const shift = Math.round(interval / 0.01);
      let linear = 0;
      for (let i = 0; i < single.length; i++) linear = Math.max(linear, single[i] - PASSIVE.e + (i >= shift ? single[i - shift] - PASSIVE.e : 0));
      const exact = exactPeak(passiveProblem(EXPONENTIAL, times), 5 + interval, 40).voltage - PASSIVE.e;
      expect(Math.abs(peak - exact)).toBeLessThan(1e-3);
      rows.push({ interval, peak, linear });
    }
    console.log(`single EPSP ${singlePeak.toFixed(3)} mV; interval ms: peak mV / linear sum mV / 2x single (ratio peak/linear)`);
    for (const row of rows) console.log(`  ${row.interval}: ${row.peak.toFixed(3)} / ${row.linear.toFixed(3)} / ${(2 * singlePeak).toFixed(3)} (${(row.peak / row.linear).toFixed(4)})`);
    for (const row of rows) expect(row.peak).toBeLessThan(row.linear);
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k].peak).toBeGreaterThan(rows[k - 1].peak); // summation grows as the events come closer...
      expect(rows[k].peak / rows[k].linear).toBeLessThan(rows[k - 1].peak / rows[k - 1].linear); // ...and saturates
    }
    // Simultaneous events (a 4 nS conductance) give far less than twice the EPSP: 65 mV of driving force shrinks.
    expect(rows[rows.length - 1].peak / (2 * singlePeak)).toBeLessThan(0.85);
  });
});

describe('spatial summation on a passive neuron with two dendrites (1 um x 400 um each)', () => {
  // AMPA, 1 nS each, at 0.9 of a dendrite. Close: both on dendA(0.9). Far: dendA(0.9) and dendB(0.9), on different
  // branches, separated by two dendritic lengths and the soma.
  const weight = 0.001;
  const a = { section: 'dendA', position: 0.9 };
  const b = { section: 'dendB', position: 0.9 };
  const somaPeak = (result: SimulationResult) => maximum(values(result, 'soma')) - PASSIVE.e;

  it('is near-linear for synapses on different dendrites (>= 0.98) and sublinear for synapses at one place (<= 0.85)', () => {
    const alone = simulate(spatialModel(a, null, weight));
    const aloneB = simulate(spatialModel(null, b, weight));
    const far = simulate(spatialModel(a, b, weight));
    const close = simulate(spatialModel(a, { ...a }, weight));
    const linear = somaPeak(alone) + somaPeak(aloneB);
    const farRatio = somaPeak(far) / linear;
    const closeRatio = somaPeak(close) / linear;
    console.log(`one synapse: ${maximum(values(alone, 'local0')) + 65} mV locally, ${somaPeak(alone).toFixed(3)} mV at the soma; both far apart: ${somaPeak(far).toFixed(3)} mV (${farRatio.toFixed(4)} of the sum); both at one place: ${somaPeak(close).toFixed(3)} mV (${closeRatio.toFixed(4)})`);
    expect(farRatio).toBeGreaterThan(0.98);
    expect(farRatio).toBeLessThanOrEqual(1);
    expect(closeRatio).toBeLessThan(0.85);
  });
});

describe('shunting inhibition: a conductance that reverses at rest', () => {
  const leak = conductanceMicrosiemens(PASSIVE.area, PASSIVE.g); // 1 nS

  it('alone moves the membrane by less than 1e-9 mV (no IPSP)', () => {
    const v = values(simulate(phasicShuntModel(0, 0.005)), 'v');
    expect(Math.max(...v.map((x) => Math.abs(x - PASSIVE.e)))).toBeLessThan(1e-9);
  });

  it('divides a steady depolarisation by 1 + g_inh / (gL + g_exc) within 1e-5 (relative)', () => {
    const excitation = 0.002;
    const control = values(simulate(tonicShuntModel(excitation, 0)), 'v');
    const controlDepolarisation = control[control.length - 1] - PASSIVE.e;
    // Steady state of C dV/dt = -gL (V - EL) - ge (V - Ee) - gi (V - EL): V - EL = ge (Ee - EL) / (gL + ge + gi).
    expect(Math.abs(controlDepolarisation / ((excitation * (0 - PASSIVE.e)) / (leak + excitation)) - 1)).toBeLessThan(1e-5);
    for (const inhibition of [0.001, 0.003, 0.01]) {
      const v = values(simulate(tonicShuntModel(excitation, inhibition)), 'v');
      const reduction = controlDepolarisation / (v[v.length - 1] - PASSIVE.e);
      const divisor = 1 + inhibition / (leak + excitation);
      console.log(`tonic: g_inh ${inhibition * 1000} nS divides ${controlDepolarisation.toFixed(4)} mV by ${reduction.toFixed(6)} (predicted ${divisor.toFixed(6)})`);
      expect(Math.abs(reduction / divisor - 1)).toBeLessThan(1e-5);
    }
  });

  it('reduces a simultaneous AMPA EPSP; less than the steady divisor, since the shunt acts only while both are open', () => {
    const control = maximum(values(simulate(phasicShuntModel(0.002, 0)), 'v')) - PASSIVE.e;
    let previous = Infinity;
    for (const inhibition of [0.002, 0.005, 0.01]) {
      const peak = maximum(values(simulate(phasicShuntModel(0.002, inhibition)), 'v')) - PASSIVE.e;
      const divisor = 1 + inhibition / (leak + 0.002);
      console.log(`phasic: AMPA 2 nS alone ${control.toFixed(3)} mV; with GABA-A (-65 mV) ${inhibition * 1000} nS ${peak.toFixed(3)} mV, divided by ${(control / peak).toFixed(3)} (steady divisor ${divisor.toFixed(3)})`);
      expect(peak).toBeLessThan(previous);
      expect(control / peak).toBeGreaterThan(1);
      expect(control / peak).toBeLessThan(divisor);
      previous = peak;
    }
  });

  it('example examples/synapse-shunting-inhibition.yaml: EPSP reduced, the shunt alone silent', () => {
    const result = simulate(example('synapse-shunting-inhibition.yaml'));
    const epsp = maximum(values(result, 'v_epsp')) - PASSIVE.e;
    const both = maximum(values(result, 'v_both')) - PASSIVE.e;
    const shunt = values(result, 'v_shunt');
    expect(both).toBeLessThan(epsp);
    expect(Math.max(...shunt.map((x) => Math.abs(x - PASSIVE.e)))).toBeLessThan(1e-9);
  });
});

describe('excitation or inhibition follows from the reversal potential against threshold (HH compartment, GABA-A kinetics, 20 nS at 8 ms)', () => {
  const weight = 0.02;
  const fires = (reversal: number, w: number, pulse: number) => simulate(reversalModel(reversal, w, pulse)).spikes[0].times.length > 0;
  /** The smallest 1 ms pulse (nA, at 10 ms) that fires, by bisection to 1e-4 nA. */
  const rheobase = (reversal: number, w: number) => {
    let lo = 0, hi = 2;
    while (hi - lo > 1e-4) {
      const mid = 0.5 * (lo + hi);
      if (fires(reversal, w, mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  };

  it('reversal 0 mV: 20 nS fires the cell on its own; a weak 0.2 nS synapse brings a subthreshold pulse (0.05 nA) to fire', () => {
    expect(fires(0, weight, 0)).toBe(true);
    expect(fires(0, 0, 0.05)).toBe(false);
    expect(fires(0, 0.0002, 0)).toBe(false);
    expect(fires(0, 0.0002, 0.05)).toBe(true);
  });

  it('reversal -60 mV (between rest and threshold): depolarises alone without firing, and stops a pulse (0.075 nA) that fires alone', () => {
    const alone = simulate(reversalModel(-60, weight, 0));
    const depolarisation = maximum(values(alone, 'v')) + 65;
    expect(alone.spikes[0].times.length).toBe(0);
    expect(depolarisation).toBeGreaterThan(4); // a 4.6 mV "depolarising IPSP"
    expect(fires(-60, 0, 0.075)).toBe(true);
    expect(fires(-60, weight, 0.075)).toBe(false);
  });

  it('the 1 ms rheobase rises with the synapse at -60, -65 and -80 mV, and vanishes at 0 and -55 mV (above this cell\'s threshold)', () => {
    const control = rheobase(0, 0);
    const table = [0, -55, -60, -65, -80].map((reversal) => ({ reversal, current: rheobase(reversal, weight) }));
    console.log(`1 ms rheobase alone ${control.toFixed(4)} nA; with 20 nS: ${table.map((row) => `${row.reversal} mV: ${row.current.toFixed(4)} nA`).join(', ')}`);
    expect(control).toBeGreaterThan(0.06);
    expect(control).toBeLessThan(0.08);
    expect(table[0].current).toBeLessThan(1e-3); // fires on its own
    expect(table[1].current).toBeLessThan(1e-3); // "GABA" at -55 mV excites this HH membrane
    expect(table[2].current).toBeGreaterThan(1.1 * control);
    expect(table[3].current).toBeGreaterThan(table[2].current);
    expect(table[4].current).toBeGreaterThan(table[3].current);
  });

  it('example examples/synapse-reversal-not-label.yaml: the 0 mV cell fires, the -60 mV cell does not', () => {
    const result = simulate(example('synapse-reversal-not-label.yaml'));
    const spikes = (id: string) => result.spikes.find((s) => s.id === id)!.times.length;
    expect(spikes('control')).toBe(1);
    expect(spikes('excited')).toBe(1);
    expect(spikes('strong')).toBe(1);
    expect(spikes('inhibited')).toBe(0);
    expect(spikes('subthreshold')).toBe(0);
  });
});

describe('example examples/synapse-summation-dendrite.yaml', () => {
  it('runs: the soma sums the far pair near-linearly and the close pair sublinearly', () => {
    const result = simulate(example('synapse-summation-dendrite.yaml'));
    const peak = (id: string) => maximum(values(result, id)) + 65;
    expect(peak('soma_far') / (2 * peak('soma_one'))).toBeGreaterThan(0.98);
    expect(peak('soma_close') / (2 * peak('soma_one'))).toBeLessThan(0.85);
  });
});

