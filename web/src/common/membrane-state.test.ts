/**
 * The membrane animation's numbers: dots equal the integrated flux, gates equal the engine's gate products, the
 * pump's cycle rate equals its current over e. Uses the library's simulate on the action-potential screen's model.
 */
import { describe, expect, it } from 'vitest';
import { ghkCurrentDensity } from '../../../src/core/index.js';
import { simulate } from '../../../src/engine/index.js';
import { ELEMENTARY_CHARGE } from '../../../src/units/index.js';
import { AP_AREA, buildActionPotentialModel } from '../screens/action-potential/model.js';
import { defaults } from '../params.js';
import { AP_SPECS } from '../screens/action-potential/model.js';
import {
  actionPotentialSeries,
  chooseIonsPerDot,
  cumulativeIntegral,
  ionsPerMillisecondFromCurrent,
  ionsPerMillisecondFromDensity,
  MembraneState,
  pumpCyclesPerMillisecond,
  pumpSeries,
  restingSeries,
  synapseSeries,
  type MembraneSeries,
} from './membrane-state.js';

const apRun = (() => {
  const result = simulate(buildActionPotentialModel({ ...defaults(AP_SPECS), duration: 30 }));
  return { time: Float64Array.from(result.time), traces: result.traces.map((trace) => ({ id: trace.id, values: Float64Array.from(trace.values) })) };
})();
const apTrace = (id: string) => apRun.traces.find((trace) => trace.id === id)!.values;

/** Sum of dots over irregular frame steps from `from` to `to`. */
function dotsOver(state: MembraneState, from: number, to: number, steps: number[]): { out: number[]; pumpSodium: number; pumpPotassium: number } {
  state.moveTo(from);
  const out = state.channels.map(() => 0);
  let pumpSodium = 0, pumpPotassium = 0;
  let t = from;
  let k = 0;
  while (t < to) {
    t = Math.min(to, t + steps[k++ % steps.length]);
    state.moveTo(t);
    state.channels.forEach((channel, c) => (out[c] += channel.dots));
    pumpSodium += state.pumpSodiumDots;
    pumpPotassium += state.pumpPotassiumDots;
  }
  return { out, pumpSodium, pumpPotassium };
}

describe('ion flux from current', () => {
  it('is I / (z e) per ms: 1 mA/cm² over 1000 µm² is 1e-8 A = 6.24e7 Na⁺ per ms; anions reverse the sign', () => {
    // 1 mA/cm2 × 1e-5 cm2 = 1e-5 mA = 1e-8 A; per ms 1e-11 C / e.
    expect(ionsPerMillisecondFromDensity(1, 1000, 1)).toBeCloseTo(1e-11 / ELEMENTARY_CHARGE, 3);
    expect(ionsPerMillisecondFromDensity(1, 1000, -1)).toBeCloseTo(-1e-11 / ELEMENTARY_CHARGE, 3);
    expect(ionsPerMillisecondFromDensity(1, 1000, 2)).toBeCloseTo(0.5e-11 / ELEMENTARY_CHARGE, 3);
    // 1 nA = 1e-9 A: 1e-12 C per ms.
    expect(ionsPerMillisecondFromCurrent(1, 1)).toBeCloseTo(1e-12 / ELEMENTARY_CHARGE, 3);
    expect(ionsPerMillisecondFromCurrent(0, 1)).toBe(0);
  });

  it('gives the pump one cycle per net elementary charge: 1.5 µA/cm² on a 20 µm sphere', () => {
    const area = Math.PI * 20 * 20;
    const expected = (0.0015 * 1e-3 * area * 1e-8 * 1e-3) / ELEMENTARY_CHARGE;
    expect(pumpCyclesPerMillisecond(0.0015, area)).toBeCloseTo(expected, 6);
    expect(expected).toBeGreaterThan(1e5);
  });
});

describe('MembraneState on an action potential from the library', () => {
  const series = actionPotentialSeries(apRun, AP_AREA);

  it('has gates equal to m³h and n⁴ of the traces at every sample (exactly, interpolated between)', () => {
    const state = new MembraneState();
    state.setSeries(series);
    const m = apTrace('m'), h = apTrace('h'), n = apTrace('n');
    for (const i of [0, 200, 250, 300, 400, 800]) {
      state.moveTo(apRun.time[i]);
      expect(state.channels[0].openProbability).toBeCloseTo(m[i] ** 3 * h[i], 12);
      expect(state.channels[1].openProbability).toBeCloseTo(n[i] ** 4, 12);
      expect(state.channels[0].ionsPerMillisecond).toBeCloseTo(ionsPerMillisecondFromDensity(apTrace('i_na')[i], AP_AREA, 1), 0);
    }
    // Between samples: the linear interpolation of the product.
    const t = 0.5 * (apRun.time[250] + apRun.time[251]);
    state.moveTo(t);
    expect(state.channels[1].openProbability).toBeCloseTo(0.5 * (n[250] ** 4 + n[251] ** 4), 12);
  });

  it('emits dots whose net count over a window equals ∫ flux dt / ionsPerDot within one dot, for any frame steps', () => {
    const sodium = series.channels[0].ionsPerMillisecond;
    const cumulative = cumulativeIntegral(apRun.time, sodium);
    for (const ionsPerDot of [1e4, 1e5, 3e6]) {
      for (const steps of [[0.0167], [0.013, 0.2, 0.0071], [1.3]]) {
        const state = new MembraneState();
        state.setSeries(series);
        state.ionsPerDot = ionsPerDot;
        const { out } = dotsOver(state, 0, 30, steps);
        const exact = cumulative[cumulative.length - 1] / ionsPerDot;
        expect(Math.abs(out[0] - exact)).toBeLessThan(1);
        // The spike moves many dots: the check is not vacuous.
        if (ionsPerDot === 1e4) expect(Math.abs(exact)).toBeGreaterThan(100);
      }
    }
    // A window inside the run (from 6 to 9.4 ms), integral from the raw traces by the trapezoid rule.
    const state = new MembraneState();
    state.setSeries(series);
    state.ionsPerDot = 1e4;
    let exact = 0;
    const from = 6, to = 9.4;
    const dt = apRun.time[1] - apRun.time[0];
    for (let i = 1; i < apRun.time.length; i++) {
      if (apRun.time[i - 1] >= from - 1e-9 && apRun.time[i] <= to + 1e-9) exact += 0.5 * (sodium[i] + sodium[i - 1]) * dt;
    }
    const { out } = dotsOver(state, from, to, [0.0167]);
    expect(Math.abs(out[0] - exact / 1e4)).toBeLessThan(1);
    // Na⁺ enters (negative, inward) and K⁺ leaves during the spike.
    expect(out[0]).toBeLessThan(0);
    expect(out[1]).toBeGreaterThan(0);
  });

  it('emits nothing while the cursor stands still or moves back, and restarts cleanly', () => {
    const state = new MembraneState();
    state.setSeries(series, 7);
    state.ionsPerDot = 1e3;
    state.moveTo(7);
    expect(state.channels.map((c) => c.dots)).toEqual([0, 0]);
    state.moveTo(3);
    expect(state.channels.map((c) => c.dots)).toEqual([0, 0]);
  });
});

describe('MembraneState: zero flux, steady states, synapses, pump', () => {
  it('emits no dot when the flux is zero, however long it runs', () => {
    const series: MembraneSeries = {
      time: Float64Array.of(0, 10, 20),
      channels: [{ id: 'k', label: 'K⁺', ion: 'k', carrier: 'K⁺ ions', gateLabel: 'n⁴', openProbability: Float64Array.of(0.5, 0.5, 0.5), ionsPerMillisecond: new Float64Array(3) }],
      note: '',
    };
    const state = new MembraneState();
    state.setSeries(series);
    const { out } = dotsOver(state, 0, 20, [0.01, 0.3]);
    expect(out[0]).toBe(0);
  });

  it('holds a steady state (one sample) for all time: resting fluxes at the stated rate', () => {
    const series = restingSeries(
      [
        { key: 'k', label: 'K⁺', valence: 1, currentDensity: 1e-3, relativePermeability: 1 },
        { key: 'na', label: 'Na⁺', valence: 1, currentDensity: -1e-3, relativePermeability: 0.05 },
        { key: 'ca', label: 'Ca²⁺', valence: 2, currentDensity: 0, relativePermeability: 0 },
      ],
      1000,
    );
    expect(series.channels.map((c) => c.id)).toEqual(['k', 'na']);
    expect(series.channels[1].openProbability[0]).toBeCloseTo(0.05, 12);
    const state = new MembraneState();
    state.setSeries(series);
    state.ionsPerDot = 1e3;
    const { out } = dotsOver(state, 0, 5000, [16.7]);
    const perMs = ionsPerMillisecondFromDensity(1e-3, 1000, 1);
    expect(Math.abs(out[0] - (perMs * 5000) / 1e3)).toBeLessThan(1);
    expect(Math.abs(out[1] + (perMs * 5000) / 1e3)).toBeLessThan(1);
  });

  it('computes a synapse current as g (V − E): same as the engine\'s own current when recorded', () => {
    const time = Float64Array.of(0, 1, 2);
    const run = {
      time,
      traces: [
        { id: 'v', values: Float64Array.of(-65, -60, -55) },
        { id: 'syn_g', values: Float64Array.of(0, 0.002, 0.001) },
      ],
    };
    const series = synapseSeries(run, [{ id: 'syn', kind: 'ampa', reversal: 0 }]);
    // 0.002 uS × (−60 mV) = −0.12 nA: inward, cations in.
    expect(series.channels[0].ionsPerMillisecond[1]).toBeCloseTo(ionsPerMillisecondFromCurrent(-0.12, 1), 0);
    expect(series.channels[0].openProbability[1]).toBe(1);
    expect(series.channels[0].openProbability[2]).toBeCloseTo(0.5, 12);
    const recorded = synapseSeries({ time, traces: [...run.traces, { id: 'syn_i', values: Float64Array.of(0, -0.12, -0.055) }] }, [{ id: 'syn', kind: 'ampa', reversal: 0 }]);
    expect(recorded.channels[0].ionsPerMillisecond[1]).toBeCloseTo(series.channels[0].ionsPerMillisecond[1], 0);
    // GABA-A: an outward current is Cl⁻ moving in (negative ion flux).
    const gaba = synapseSeries({ time, traces: [{ id: 'v', values: Float64Array.of(-65, -60, -60) }, { id: 'inh_g', values: Float64Array.of(0, 0.01, 0) }] }, [{ id: 'inh', kind: 'gaba-a', reversal: -80 }]);
    expect(gaba.channels[0].ion).toBe('cl');
    expect(gaba.channels[0].ionsPerMillisecond[1]).toBeLessThan(0);
  });

  it('turns the pump at its current / e and emits 3 Na⁺ out and 2 K⁺ in per turn, leaks from the library GHK', () => {
    const time = Float64Array.of(0, 60_000, 120_000);
    const run = {
      time,
      traces: [
        { id: 'v', values: Float64Array.of(-70, -70, -69) },
        { id: 'na_inside', values: Float64Array.of(12, 12, 13) },
        { id: 'k_inside', values: Float64Array.of(140, 140, 139) },
        { id: 'pump', values: Float64Array.of(0.0015, 0.0015, 0.001) },
      ],
    };
    const area = Math.PI * 400;
    const cell = { areaSquareMicrometres: area, sodiumPermeability: 2.5e-8, potassiumPermeability: 5e-7, sodiumOutside: 145, potassiumOutside: 5, temperature: 310.15 };
    const series = pumpSeries(run, cell, ghkCurrentDensity);
    expect(series.pump!.cyclesPerMillisecond[0]).toBeCloseTo(pumpCyclesPerMillisecond(0.0015, area), 6);
    const sodiumLeak = ghkCurrentDensity({ valence: 1, inside: 12, outside: 145, permeability: 2.5e-8 }, -70, 310.15);
    expect(series.channels[0].ionsPerMillisecond[0]).toBeCloseTo(ionsPerMillisecondFromDensity(sodiumLeak, area, 1), 3);
    expect(series.channels[0].ionsPerMillisecond[0]).toBeLessThan(0);
    const state = new MembraneState();
    state.setSeries(series);
    state.ionsPerDot = 1e8;
    const { pumpSodium, pumpPotassium } = dotsOver(state, 0, 120_000, [2000, 37_000]);
    const cycles = cumulativeIntegral(time, series.pump!.cyclesPerMillisecond)[2];
    expect(pumpSodium).toBe(3 * Math.trunc(cycles / 1e8 + 1e-9));
    expect(Math.abs(pumpSodium / 3 - cycles / 1e8)).toBeLessThan(1);
    expect(pumpPotassium).toBe((-2 * pumpSodium) / 3);
    expect(state.pumpTurns).toBeCloseTo(cycles / 1e8, 9);
  });

  it('chooses a round number of ions per dot (1, 2, 5 × 10ⁿ) that keeps the busiest stream at 40–100 % of 150 dots per wall second', () => {
    expect(chooseIonsPerDot(6e7, 2)).toBe(1e6); // 1.2e8 / 150 = 8e5 -> 1e6
    expect(chooseIonsPerDot(7e4, 1)).toBe(500); // 467 -> 500
    expect(chooseIonsPerDot(3e4, 1)).toBe(200); // 200 exactly
    expect(chooseIonsPerDot(0, 1)).toBe(1);
    expect(chooseIonsPerDot(10, 1)).toBe(1);
    for (const [peak, speed] of [[3.3e5, 2.7e6], [6.2e7, 5], [1234, 0.1], [9.99e9, 1]]) {
      const n = chooseIonsPerDot(peak, speed);
      const dotsPerSecond = (peak * speed) / n;
      expect(dotsPerSecond).toBeLessThanOrEqual(150 * (1 + 1e-9));
      expect(dotsPerSecond).toBeGreaterThanOrEqual(0.4 * 150);
      expect([1, 2, 5]).toContain(Math.round(n / 10 ** Math.floor(Math.log10(n))));
    }
  });
});
