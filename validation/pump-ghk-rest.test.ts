/**
 * Part 3, scenario d: the resting potential set by leak permeabilities is part 1's GHK equation. A compartment with
 * `ghk-leak` alone and fixed concentrations relaxes to core's `ghkPotential` (closed form, Hille 2001 eq. 14.7)
 * within 1e-6 mV, for several permeability sets (the squid preset of Hodgkin & Katz 1949 among them), with the
 * backward-Euler and the adaptive integrators.
 */
import { describe, expect, it } from 'vitest';
import { ghkPotential, ION_PRESETS } from '../src/core/index.js';
import { simulate } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import type { RunSettings } from '../src/model/types.js';
import { ghkFlux, ghkLeakCell, thermalVoltage, type LeakSet } from './pump-models.js';

const preset = (id: string) => {
  const found = ION_PRESETS.find((candidate) => candidate.id === id)!;
  const ion = (symbol: string) => {
    const entry = found.ions.find((candidate) => candidate.symbol === symbol)!;
    return { inside: entry.inside, outside: entry.outside, permeability: entry.permeability };
  };
  return { preset: found, na: ion('Na'), k: ion('K'), cl: ion('Cl') };
};

const PK = 1e-6; // cm/s: the scale of every set (the ghk-leak default)
const squid = preset('squid-giant-axon');
const neuron = preset('mammalian-neuron');
const muscle = preset('mammalian-skeletal-muscle');

const SETS: LeakSet[] = [
  {
    id: 'squid',
    source: `${squid.preset.source} (preset squid-giant-axon, 20 degC)`,
    temperature: squid.preset.temperature,
    na: squid.na,
    k: squid.k,
    cl: squid.cl,
    pna: PK * squid.na.permeability!,
    pk: PK * squid.k.permeability!,
    pcl: PK * squid.cl.permeability!,
  },
  {
    id: 'mammalian-neuron',
    source: `${neuron.preset.source}; P_K : P_Na : P_Cl = 1 : 0.05 : 0.45 (ours)`,
    temperature: neuron.preset.temperature,
    na: neuron.na,
    k: neuron.k,
    cl: neuron.cl,
    pna: 0.05 * PK,
    pk: PK,
    pcl: 0.45 * PK,
  },
  {
    id: 'skeletal-muscle',
    source: `${muscle.preset.source}; chloride-dominated rest, P_Cl = 2 P_K (Hodgkin & Horowicz 1959, J Physiol 148:127, frog muscle), P_Na = 0.01 P_K`,
    temperature: muscle.preset.temperature,
    na: muscle.na,
    k: muscle.k,
    cl: muscle.cl,
    pna: 0.01 * PK,
    pk: PK,
    pcl: 2 * PK,
  },
  {
    id: 'squid-peak',
    source: 'Squid concentrations at the peak of the action potential, P_K : P_Na : P_Cl = 1 : 20 : 0.45 (Hodgkin & Katz 1949)',
    temperature: squid.preset.temperature,
    na: squid.na,
    k: squid.k,
    cl: squid.cl,
    pna: 20 * PK,
    pk: PK,
    pcl: 0.45 * PK,
  },
];

const expected = (set: LeakSet) =>
  ghkPotential(
    [
      { valence: 1, inside: set.na.inside, outside: set.na.outside, permeability: set.pna },
      { valence: 1, inside: set.k.inside, outside: set.k.outside, permeability: set.pk },
      { valence: -1, inside: set.cl.inside, outside: set.cl.outside, permeability: set.pcl },
    ],
    set.temperature,
  );

/** Membrane time constant (ms) from the GHK slope conductance at rest, 1 uF/cm2. */
function timeConstant(set: LeakSet, v: number): number {
  const vt = thermalVoltage(set.temperature);
  const total = (x: number) =>
    ghkFlux(1, set.pna, set.na.inside, set.na.outside, x, vt) + ghkFlux(1, set.pk, set.k.inside, set.k.outside, x, vt) + ghkFlux(-1, set.pcl, set.cl.inside, set.cl.outside, x, vt);
  const slope = (total(v + 1e-4) - total(v - 1e-4)) / 2e-4; // S/cm2
  return 1e-3 / slope;
}

describe('ghk-leak alone rests at core’s ghkPotential (part 1) within 1e-6 mV', () => {
  for (const set of SETS) {
    it(`${set.id}: backward-euler and adaptive`, () => {
      const target = expected(set);
      const tau = timeConstant(set, target);
      // 40 time constants: a 100 mV start decays to 4e-16 of itself.
      const duration = Math.ceil(40 * tau);
      const fixed: RunSettings = { duration, timeStep: 0.025, integrator: 'backward-euler', rates: 'exact', absoluteTolerance: 1e-3, relativeTolerance: 1e-4, recordInterval: duration };
      const adaptive: RunSettings = { ...fixed, integrator: 'adaptive', absoluteTolerance: 1e-9, relativeTolerance: 1e-10 };
      const start = target > -30 ? -65 : 0;
      const ends = [fixed, adaptive].map((run) => {
        const result = simulate(ghkLeakCell(set, run, start));
        const v = result.traces[0].values;
        return { value: v[v.length - 1], steps: result.steps };
      });
      console.log(
        `${set.id}: GHK ${target.toFixed(6)} mV; tau ${tau.toFixed(2)} ms; from ${start} mV over ${duration} ms: backward-euler ${(ends[0].value - target).toExponential(2)} mV, ` +
          `adaptive ${(ends[1].value - target).toExponential(2)} mV (${ends[1].steps} steps)`,
      );
      for (const end of ends) expect(Math.abs(end.value - target)).toBeLessThan(1e-6);
    });
  }

  it('the squid preset rests at -59.9 mV (the textbook figure of core’s ghkPotential)', () => {
    expect(expected(SETS[0])).toBeCloseTo(-59.9, 1);
  });
});

describe('examples/pump-ghk-leak-rest.yaml', () => {
  it('rests at the squid preset’s GHK potential within 1e-6 mV', () => {
    const result = simulate(readModelFile(new URL('../examples/pump-ghk-leak-rest.yaml', import.meta.url).pathname));
    const v = result.traces.find((trace) => trace.id === 'v')!.values;
    expect(Math.abs(v[v.length - 1] - expected(SETS[0]))).toBeLessThan(1e-6);
  });
});
