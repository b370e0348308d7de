import { describe, expect, it } from 'vitest';
import { hhGateKinetics } from '../mechanisms/hh.js';
import type { Model, RunSettings, Stimulus } from '../model/types.js';
import { InputError, InstabilityError } from '../units/errors.js';
import { simulate } from './simulate.js';
import { SpikeDetector } from './spike-detector.js';
import { currentStep, runSettings, singleCompartment, SOMA } from './test-models.js';

// The passive test compartment: 1000 um2, cm 1 uF/cm2 -> C = 1e-2 nF; pas g 1e-4 S/cm2 -> G = 1e-3 uS
// (S/cm2 x um2 x 1e-8 cm2/um2 = 1e-12 S per um2... = area x 1e-2 x g uS), so tau = C/G = 10 ms and R = 1000 MOhm.
const AREA = 1000;
const G_LEAK = 1e-4 * AREA * 1e-2; // uS
const TAU = 10; // ms
const REST = -65;
const INJECTED = 0.01; // nA
const V_INFINITY = INJECTED / G_LEAK; // mV above rest: I R = 0.01 nA x 1000 MOhm = 10 mV

function passive(run: RunSettings, stimuli: Stimulus[] = [currentStep(INJECTED)], recordings = [{ id: 'v', location: SOMA, variable: 'v' }]): Model {
  return singleCompartment({ mechanisms: [{ mechanism: 'pas', parameters: { g: 1e-4, e: REST } }], stimuli, recordings, run });
}

/** Largest |V(t) - analytic| over the samples at multiples of `every` ms up to 40 ms. */
function chargingError(integrator: RunSettings['integrator'], dt: number, every = 0.2): number {
  const result = simulate(passive(runSettings(40, dt, integrator)));
  const v = result.traces[0].values;
  let worst = 0;
  for (let k = 0; k < result.time.length; k++) {
    const t = result.time[k];
    if (Math.abs(t / every - Math.round(t / every)) > 1e-6) continue;
    const exact = REST + V_INFINITY * -Math.expm1(-t / TAU);
    worst = Math.max(worst, Math.abs(v[k] - exact));
  }
  return worst;
}

describe('simulate: passive compartment charging, V(t) = V_inf (1 - e^(-t/tau)), tau = 10 ms, V_inf = I R = 10 mV', () => {
  it('backward Euler at dt 0.1 ms follows its exact discrete solution V_inf (1 - (1 + dt/tau)^-n) to 1e-10 mV', () => {
    const dt = 0.1;
    const result = simulate(passive(runSettings(40, dt, 'backward-euler')));
    const v = result.traces[0].values;
    expect(result.traces[0].unit).toBe('mV');
    expect(v.length).toBe(401);
    for (let n = 0; n < v.length; n++) expect(Math.abs(v[n] - (REST + V_INFINITY * (1 - Math.pow(1 + dt / TAU, -n))))).toBeLessThan(1e-10);
  });

  it('Crank-Nicolson at dt 0.1 ms follows V_inf (1 - r^n), r = (1 - dt/2tau)/(1 + dt/2tau), to 1e-10 mV', () => {
    const dt = 0.1;
    const r = (1 - dt / (2 * TAU)) / (1 + dt / (2 * TAU));
    const v = simulate(passive(runSettings(40, dt, 'crank-nicolson'))).traces[0].values;
    for (let n = 0; n < v.length; n++) expect(Math.abs(v[n] - (REST + V_INFINITY * (1 - Math.pow(r, n))))).toBeLessThan(1e-10);
  });

  it('backward Euler error is first order: halving dt (0.2 -> 0.1 -> 0.05 ms) divides the max error by 2 (1.9..2.1)', () => {
    // Leading error term (dt/2tau)(t/tau) V_inf e^(-t/tau); the next term changes the ratio by O(dt/tau) = 2 %.
    const errors = [0.2, 0.1, 0.05].map((dt) => chargingError('backward-euler', dt));
    expect(errors[0]).toBeGreaterThan(1e-3);
    for (let i = 1; i < errors.length; i++) {
      const ratio = errors[i - 1] / errors[i];
      expect(ratio).toBeGreaterThan(1.9);
      expect(ratio).toBeLessThan(2.1);
    }
  });

  it('Crank-Nicolson error is second order: halving dt (0.2 -> 0.1 -> 0.05 ms) divides the max error by 4 (3.8..4.2)', () => {
    const errors = [0.2, 0.1, 0.05].map((dt) => chargingError('crank-nicolson', dt));
    expect(errors[0]).toBeGreaterThan(1e-6);
    expect(errors[0]).toBeLessThan(chargingError('backward-euler', 0.2) / 10);
    for (let i = 1; i < errors.length; i++) {
      const ratio = errors[i - 1] / errors[i];
      expect(ratio).toBeGreaterThan(3.8);
      expect(ratio).toBeLessThan(4.2);
    }
  });

  /** Largest |V - analytic| of an adaptive run over its samples, and its step count. */
  function adaptiveError(absoluteTolerance: number, relativeTolerance: number) {
    const result = simulate(passive(runSettings(40, 0.1, 'adaptive', { absoluteTolerance, relativeTolerance })));
    const v = result.traces[0].values;
    expect(result.time.length).toBe(401);
    let worst = 0;
    for (let k = 0; k < v.length; k++) worst = Math.max(worst, Math.abs(v[k] - (REST + V_INFINITY * -Math.expm1(-result.time[k] / TAU))));
    return { worst, steps: result.steps };
  }

  for (const [atol, rtol] of [[1e-6, 1e-7], [1e-3, 1e-4]]) {
    it(`the adaptive integrator (atol ${atol} mV, rtol ${rtol}) stays within steps x (atol + rtol 65 mV) of the analytic curve, in fewer than 400 steps`, () => {
      // Each accepted step errs locally by at most atol + rtol |V| (|V| <= 65 mV); on this contracting linear
      // system local errors never grow, so the global error is at most their sum. (Typically it is far less:
      // about 17 local tolerances here.)
      const { worst, steps } = adaptiveError(atol, rtol);
      expect(worst).toBeLessThan(steps * (atol + rtol * 65));
      expect(worst).toBeGreaterThan(0);
      expect(steps).toBeLessThan(400);
    });
  }

  it('the adaptive integrator: tolerances 1000 times tighter (1e-3/1e-4 -> 1e-6/1e-7) cut the error at least 30 times (order 2: tol^(2/3) = 100)', () => {
    expect(adaptiveError(1e-3, 1e-4).worst / adaptiveError(1e-6, 1e-7).worst).toBeGreaterThan(30);
  });
});

describe('simulate: voltage clamp', () => {
  const clampTo = (voltage: number, seriesResistance?: number): Stimulus => ({
    kind: 'voltage-clamp',
    id: 'vc',
    location: SOMA,
    levels: [{ duration: 100, voltage }],
    seriesResistance,
  });
  const recordings = [
    { id: 'v', location: SOMA, variable: 'v' },
    { id: 'i', location: SOMA, variable: 'vc.i' },
  ];

  for (const integrator of ['backward-euler', 'crank-nicolson', 'adaptive'] as const) {
    const holdTolerance = integrator === 'adaptive' ? 1e-6 + 1e-7 * 40 : 1e-6;
    it(`an ideal voltage clamp (${integrator}) holds v at -40 mV within ${holdTolerance} mV from the first step on (samples from 0.05 ms)`, () => {
      // Ideal clamp = 1e9 uS: the leak (0.025 nA) moves v by 0.025/1e9 = 2.5e-11 mV. The adaptive integrator is
      // held to its tolerance atol + rtol |Vc| = 5e-6 mV instead, at every recorded sample (step ends and the
      // samples interpolated between them alike: a recorded trace should honour the tolerance asked for).
      const result = simulate(passive(runSettings(10, 0.025, integrator), [clampTo(-40)], recordings));
      const v = result.traces[0].values;
      for (let k = 2; k < v.length; k++) expect(Math.abs(v[k] + 40), `t = ${result.time[k]} ms`).toBeLessThan(holdTolerance);
    });

    it(`an ideal voltage clamp (${integrator}) at -40 mV passes the leak current g area (Vc - e) = 1e-4 S/cm2 x 1000 um2 x 1e-2 x 25 mV = 0.025 nA at steady state, to 2e-5 nA`, () => {
      // Tolerance: the clamp current is 1e9 uS x (Vc - V), and V carries one ulp of 40 mV (7.1e-15 mV): each ulp is
      // 7.1e-6 nA of clamp current, so the ideal clamp's current is known to ~3 ulp, 2e-5 nA.
      const result = simulate(passive(runSettings(10, 0.025, integrator), [clampTo(-40)], recordings));
      const i = result.traces[1].values;
      expect(result.traces[1].unit).toBe('nA');
      expect(Math.abs(i[i.length - 1] - G_LEAK * 25)).toBeLessThan(2e-5);
    });

    it(`a 10 MOhm series resistance (${integrator}) leaves the steady-state error V - Vc = -I Rs: V = (Gs Vc + GL e)/(Gs + GL) = -40.2475 mV, to 1e-8 mV`, () => {
      const rs = 10; // MOhm -> Gs = 0.1 uS; I (nA) x Rs (MOhm) = mV.
      const result = simulate(passive(runSettings(30, 0.025, integrator), [clampTo(-40, rs)], recordings));
      const v = result.traces[0].values, i = result.traces[1].values;
      const last = v.length - 1;
      const expected = (0.1 * -40 + G_LEAK * REST) / (0.1 + G_LEAK);
      expect(Math.abs(v[last] - expected)).toBeLessThan(1e-8);
      expect(Math.abs(v[last] - (-40 - i[last] * rs))).toBeLessThan(1e-8);
      expect(i[last]).toBeCloseTo(G_LEAK * (expected - REST), 10);
    });
  }

  it('an HH voltage-clamp step from -65 to 0 mV: inward sodium current (i_na < -0.5 mA/cm2) peaks within 1 ms of the step, i_k stays outward at gk n_inf(0)^4 (0 + 77) to 1 %', () => {
    const model = singleCompartment({
      mechanisms: [{ mechanism: 'hh', parameters: {} }],
      stimuli: [{ kind: 'voltage-clamp', id: 'vc', location: SOMA, levels: [{ duration: 2, voltage: -65 }, { duration: 12, voltage: 0 }] }],
      recordings: [
        { id: 'ina', location: SOMA, variable: 'i_na' },
        { id: 'ik', location: SOMA, variable: 'i_k' },
      ],
      run: runSettings(14, 0.01, 'backward-euler'),
    });
    const result = simulate(model);
    const [ina, ik] = result.traces.map((trace) => trace.values);
    expect(result.traces[0].unit).toBe('mA/cm2');
    let peak = 0, peakTime = 0;
    for (let k = 0; k < ina.length; k++) {
      if (ina[k] < peak) {
        peak = ina[k];
        peakTime = result.time[k];
      }
    }
    expect(peak).toBeLessThan(-0.5);
    expect(peakTime).toBeGreaterThan(2);
    expect(peakTime).toBeLessThan(3);
    // Sodium inactivates: by the end i_na is under a tenth of its peak.
    expect(Math.abs(ina[ina.length - 1])).toBeLessThan(Math.abs(peak) / 10);
    // 12 ms at 0 mV is > 10 tau_n (tau_n(0) ~ 1.1 ms at 6.3 degC): n has reached n_inf(0) to e^-10.
    const out = new Float64Array(6);
    hhGateKinetics(0, 1, out);
    const sustained = 0.036 * out[4] ** 4 * 77;
    expect(ik[ik.length - 1]).toBeGreaterThan(0);
    expect(Math.abs(ik[ik.length - 1] - sustained)).toBeLessThan(0.01 * sustained);
  });
});

describe('simulate: instability, recordings and errors', () => {
  it('a 1e9 nA injection stops with InstabilityError naming t = 0.025 ms, cell soma, section soma(0.5000) and a smaller time step', () => {
    const model = passive(runSettings(5, 0.025, 'backward-euler'), [currentStep(1e9)]);
    let error: unknown;
    try {
      simulate(model);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InstabilityError);
    const message = (error as Error).message;
    expect(message).toContain('t = 0.025 ms');
    expect(message).toContain('cell soma, section soma(0.5000)');
    expect(message).toContain('smaller time step');
    expect(message).toContain('run.timeStep');
  });

  it('a 1e9 nA injection on a 3-compartment cable (Crank-Nicolson) names the cable section and a position', () => {
    const model: Model = {
      ...passive(runSettings(5, 0.025, 'crank-nicolson')),
      cells: [
        {
          id: 'axon',
          morphology: { kind: 'cable', section: 'cable', region: 'cable', length: 300, diameter: 1, compartments: 3 },
          membrane: { capacitance: 1, axialResistivity: 100, initialVoltage: -65 },
          mechanisms: [{ mechanism: 'pas', parameters: {} }],
          ions: [],
        },
      ],
      stimuli: [{ kind: 'current-clamp', id: 'clamp', location: { cell: 'axon', position: 0.5 }, waveform: { shape: 'step', delay: 0, duration: 1e9, amplitude: 1e9, perArea: false } }],
      recordings: [],
    };
    expect(() => simulate(model)).toThrowError(/t = 0\.025 ms in cell axon, section cable\([01]\.\d{4}\).*smaller time step/);
  });

  it('recordings return their units and consistent values: v mV, hh.m 1, hh.gna S/cm2 = gnabar m^3 h, e_na 50 mV, i_k mA/cm2 = gk (v + 77), hh.gnabar S/cm2 = 0.12', () => {
    const model = singleCompartment({
      mechanisms: [{ mechanism: 'hh', parameters: {} }],
      stimuli: [currentStep(10e-3, 0, 1e9, true)],
      recordings: ['v', 'hh.m', 'hh.h', 'hh.n', 'hh.gna', 'hh.gk', 'e_na', 'i_k', 'hh.gnabar', 'clamp.i'].map((variable) => ({ id: variable, location: SOMA, variable })),
      run: runSettings(20, 0.025, 'crank-nicolson'),
    });
    const result = simulate(model);
    const trace = Object.fromEntries(result.traces.map((t) => [t.id, t]));
    expect(Object.fromEntries(result.traces.map((t) => [t.id, t.unit]))).toEqual({
      v: 'mV',
      'hh.m': '1',
      'hh.h': '1',
      'hh.n': '1',
      'hh.gna': 'S/cm2',
      'hh.gk': 'S/cm2',
      e_na: 'mV',
      i_k: 'mA/cm2',
      'hh.gnabar': 'S/cm2',
      'clamp.i': 'nA',
    });
    // 10 uA/cm2 = 1e-2 mA/cm2 on 1000 um2 = 1e-2 x 1000 x 1e-2 nA = 0.1 nA.
    expect(trace['clamp.i'].values[5]).toBeCloseTo(0.1, 12);
    for (let k = 0; k < result.time.length; k++) {
      const m = trace['hh.m'].values[k], h = trace['hh.h'].values[k], n = trace['hh.n'].values[k], v = trace.v.values[k];
      expect(trace.e_na.values[k]).toBe(50);
      expect(trace['hh.gnabar'].values[k]).toBe(0.12);
      // Same sample, same state: round-off of a few products only.
      expect(Math.abs(trace['hh.gna'].values[k] - 0.12 * m * m * m * h)).toBeLessThan(1e-15);
      expect(Math.abs(trace['hh.gk'].values[k] - 0.036 * n ** 4)).toBeLessThan(1e-15);
      expect(Math.abs(trace.i_k.values[k] - 0.036 * n ** 4 * (v + 77))).toBeLessThan(1e-13);
    }
    expect(Math.max(...trace.v.values)).toBeGreaterThan(20);
  });

  it('a bad recording variable throws InputError at recordings[0].variable; hh.foo lists the names of hh', () => {
    const base = singleCompartment({ mechanisms: [{ mechanism: 'hh', parameters: {} }], run: runSettings(1, 0.025, 'backward-euler') });
    const withVariable = (variable: string): Model => ({ ...base, recordings: [{ id: 'x', location: SOMA, variable }] });
    for (const variable of ['voltage', 'hh.foo', 'pas.g']) {
      let error: unknown;
      try {
        simulate(withVariable(variable));
      } catch (caught) {
        error = caught;
      }
      expect(error, variable).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('recordings[0].variable');
      expect((error as InputError).message).toContain(JSON.stringify(variable));
    }
    expect(() => simulate(withVariable('hh.foo'))).toThrowError(/m, h, n, gna, gk, gnabar/);
  });

  it('an unknown mechanism parameter throws InputError at cells[0].mechanisms[0].parameters.gnabarr, naming the allowed ones', () => {
    const model = singleCompartment({ mechanisms: [{ mechanism: 'hh', parameters: { gnabarr: 0.1 } }], run: runSettings(1, 0.025, 'backward-euler') });
    let error: unknown;
    try {
      simulate(model);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('cells[0].mechanisms[0].parameters.gnabarr');
    expect((error as InputError).allowed).toContain('gnabar');
  });

  it('an unknown mechanism throws InputError at cells[0].mechanisms[1].mechanism; an out-of-range parameter at ...parameters.gl', () => {
    const unknown = singleCompartment({ mechanisms: [{ mechanism: 'pas', parameters: {} }, { mechanism: 'hhh', parameters: {} }], run: runSettings(1, 0.025, 'backward-euler') });
    expect(() => simulate(unknown)).toThrowError(expect.objectContaining({ field: 'cells[0].mechanisms[1].mechanism' }));
    const range = singleCompartment({ mechanisms: [{ mechanism: 'hh', parameters: { gl: -1 } }], run: runSettings(1, 0.025, 'backward-euler') });
    expect(() => simulate(range)).toThrowError(expect.objectContaining({ field: 'cells[0].mechanisms[0].parameters.gl' }));
  });

  it('the adaptive integrator on a 3-compartment cable throws InputError at run.integrator', () => {
    const model: Model = {
      ...passive(runSettings(1, 0.025, 'adaptive')),
      cells: [
        {
          id: 'soma',
          morphology: { kind: 'cable', section: 'soma', region: 'soma', length: 300, diameter: 1, compartments: 3 },
          membrane: { capacitance: 1, axialResistivity: 100, initialVoltage: -65 },
          mechanisms: [],
          ions: [],
        },
      ],
    };
    expect(() => simulate(model)).toThrowError(expect.objectContaining({ field: 'run.integrator' }));
  });
});

describe('spike detection', () => {
  it('SpikeDetector interpolates a linear ramp v = -10 + 4 t sampled every 0.3 ms: crossing 0 mV at 2.5 ms to 1e-12', () => {
    let v = 0;
    const detector = new SpikeDetector(0, () => v);
    for (let k = 0; k <= 20; k++) {
      v = -10 + 4 * (0.3 * k);
      detector.observe(0.3 * k);
    }
    expect(detector.times.length).toBe(1);
    expect(Math.abs(detector.times[0] - 2.5)).toBeLessThan(1e-12);
  });

  it('SpikeDetector counts upward crossings only, once each: a triangle wave over -10..10 mV with period 4 ms gives one spike per period', () => {
    let v = 0;
    const detector = new SpikeDetector(0, () => v);
    for (let k = 0; k <= 1000; k++) {
      const t = 0.013 * k;
      const phase = (t % 4) / 4;
      v = phase < 0.5 ? -10 + 40 * phase : 30 - 40 * phase;
      detector.observe(t);
    }
    // Upward crossings of 0 at phase 0.25: t = 1, 5, 9, 13 (run ends at 13 ms).
    expect(detector.times.length).toBe(4);
    detector.times.forEach((t, i) => expect(Math.abs(t - (1 + 4 * i))).toBeLessThan(1e-9));
  });

  for (const integrator of ['backward-euler', 'crank-nicolson', 'adaptive'] as const) {
    it(`simulate (${integrator}): 0.1 nA into a bare 0.01 nF compartment ramps v at 10 mV/ms; a detector at -21.3 mV reports 4.37 ms to 1e-9 (off the 0.025 ms grid)`, () => {
      // With no membrane current dV/dt = I/C exactly, which every integrator here reproduces exactly.
      const model = singleCompartment({
        mechanisms: [],
        stimuli: [currentStep(0.1)],
        spikes: [{ id: 's', location: SOMA, threshold: -21.3 }],
        run: runSettings(10, 0.025, integrator),
      });
      const result = simulate(model);
      expect(result.spikes[0].times.length).toBe(1);
      expect(Math.abs(result.spikes[0].times[0] - 4.37)).toBeLessThan(1e-9);
    });
  }
});
