import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.js';
import { InputError, InstabilityError } from '../units/errors.js';
import { compile } from './compile.js';
import { INPUT_VOLTAGE_LIMIT } from './input-voltages.js';
import { createRingingDetector, RINGING_STEPS, RINGING_SWING } from './oscillation.js';
import { prepareSimulation, simulate } from './simulate.js';
import { checkTimeStep, fastestGate, fastestMembrane, GATE_STEP_FACTOR, largestSafeTimeStep, MEMBRANE_STEP_FACTOR } from './step-check.js';
import { currentStep, HH_TEMPERATURE, runSettings, singleCompartment, SOMA } from './test-models.js';
import type { RunSettings } from '../model/types.js';

/** The hh compartment of examples/hh-squid-compartment.json: 10 uA/cm2 from t = 0, 7 spikes in 100 ms at 6.3 degC. */
function hhCompartment(timeStep: number, integrator: RunSettings['integrator'] = 'backward-euler', temperature = HH_TEMPERATURE, duration = 100): Model {
  return singleCompartment({
    mechanisms: [{ mechanism: 'hh', parameters: {} }],
    stimuli: [currentStep(0.01, 0, 1e9, true)],
    spikes: [{ id: 'spike', location: SOMA, threshold: 0 }],
    run: runSettings(duration, timeStep, integrator),
    temperature,
  });
}

const spikeCount = (model: Model) => simulate(model, { forceTimeStep: true }).spikes[0].times.length;

/** hh's m rates written out again (Hodgkin & Huxley 1952, NEURON's hh.mod), independent of src/mechanisms. */
function hhM(v: number): { inf: number; tau: number } {
  const alpha = Math.abs(v + 40) < 1e-9 ? 1 : (0.1 * (v + 40)) / (1 - Math.exp(-(v + 40) / 10));
  const beta = 4 * Math.exp(-(v + 65) / 18);
  return { inf: alpha / (alpha + beta), tau: 1 / (alpha + beta) };
}
function hhN(v: number): number {
  const alpha = Math.abs(v + 55) < 1e-9 ? 0.1 : (0.01 * (v + 55)) / (1 - Math.exp(-(v + 55) / 10));
  const beta = 0.125 * Math.exp(-(v + 65) / 80);
  return alpha / (alpha + beta);
}
function hhH(v: number): number {
  const alpha = 0.07 * Math.exp(-(v + 65) / 20);
  const beta = 1 / (1 + Math.exp(-(v + 35) / 10));
  return alpha / (alpha + beta);
}

describe('fastestGate and fastestMembrane: from the catalogue kernels over -100..+60 mV', () => {
  it('hh at 6.3 degC: m switching (0.01 <= m_inf <= 0.99) is fastest at -78 mV, tau = 0.1201 ms (formula written out here)', () => {
    let expected = { tau: Infinity, v: 0 };
    for (let v = -100; v <= 60; v++) {
      const { inf, tau } = hhM(v);
      if (inf >= 0.01 && inf <= 0.99 && tau < expected.tau) expected = { tau, v };
    }
    const gate = fastestGate(compile(hhCompartment(0.025)))!;
    expect(gate.mechanism).toBe('hh');
    expect(gate.gate).toBe('m');
    expect(gate.voltage).toBe(expected.v);
    expect(gate.voltage).toBe(-78);
    // Same formula, different code: agreement to 1e-9 relative (rounding only).
    expect(Math.abs(gate.timeConstant - expected.tau) / expected.tau).toBeLessThan(1e-9);
    expect(gate.timeConstant).toBeCloseTo(0.1201, 4);
  });

  it('hh at 16.3 degC: the time constants are 3 times shorter (Q10 = 3)', () => {
    const cold = fastestGate(compile(hhCompartment(0.025)))!.timeConstant;
    const warm = fastestGate(compile(hhCompartment(0.025, 'backward-euler', HH_TEMPERATURE + 10)))!.timeConstant;
    expect(cold / warm).toBeCloseTo(3, 9);
  });

  it('hh membrane: C / max_V (gna m_inf^3 h_inf + gk n_inf^4 + gl) = 0.0301 ms (gk open at +60 mV)', () => {
    let largest = 0;
    for (let v = -100; v <= 60; v++) largest = Math.max(largest, 0.12 * hhM(v).inf ** 3 * hhH(v) + 0.036 * hhN(v) ** 4 + 0.0003);
    const expected = 1e-3 / largest; // cm = 1 uF/cm2; uF/cm2 / (S/cm2) = us = 1e-3 ms
    const membrane = fastestMembrane(compile(hhCompartment(0.025)))!;
    expect(Math.abs(membrane.timeConstant - expected) / expected).toBeLessThan(1e-9);
    expect(membrane.timeConstant).toBeCloseTo(0.0301, 4);
  });

  it('remembered probes (a sweep prepares the same mechanisms again) give what a fresh probe gives, per temperature and parameters', () => {
    const first = fastestGate(compile(hhCompartment(0.025)))!;
    const warm = fastestGate(compile(hhCompartment(0.025, 'backward-euler', HH_TEMPERATURE + 10)))!;
    const again = fastestGate(compile(hhCompartment(0.025)))!;
    expect(again).toEqual(first);
    expect(warm.timeConstant).not.toBe(first.timeConstant);
    // Another conductance is another parameter set: another membrane time constant, not the remembered one.
    const leaky = singleCompartment({ mechanisms: [{ mechanism: 'pas', parameters: { g: 1e-3, e: -65 } }], run: runSettings(10, 0.025, 'crank-nicolson') });
    const tight = singleCompartment({ mechanisms: [{ mechanism: 'pas', parameters: { g: 1e-4, e: -65 } }], run: runSettings(10, 0.025, 'crank-nicolson') });
    expect(fastestMembrane(compile(leaky))!.timeConstant).toBeCloseTo(1, 9);
    expect(fastestMembrane(compile(tight))!.timeConstant).toBeCloseTo(10, 9);
  });

  it('a passive membrane has no gate; its time constant is cm / g_pas (1 uF/cm2 / 0.1 mS/cm2 = 10 ms)', () => {
    const model = singleCompartment({ mechanisms: [{ mechanism: 'pas', parameters: { g: 1e-4, e: -65 } }], run: runSettings(10, 0.025, 'crank-nicolson') });
    const compiled = compile(model);
    expect(fastestGate(compiled)).toBeUndefined();
    expect(fastestMembrane(compiled)!.timeConstant).toBeCloseTo(10, 9);
  });
});

describe('checkTimeStep: the calibration of the limits (dt <= 7 tau_gate, dt <= 10 tau_membrane)', () => {
  it('the largest safe step for hh at 6.3 degC is 10 x 0.0301 = 0.301 ms (the membrane limit; the gate limit is 0.84 ms)', () => {
    expect(largestSafeTimeStep(compile(hhCompartment(0.025)))).toBeCloseTo(MEMBRANE_STEP_FACTOR * 0.0301, 3);
    expect(GATE_STEP_FACTOR * 0.1201).toBeGreaterThan(0.3);
  });

  it('backward Euler at the largest safe step keeps all 7 spikes; at 0.5 ms (refused) it loses one; at 10 ms all', () => {
    expect(spikeCount(hhCompartment(0.025))).toBe(7);
    expect(spikeCount(hhCompartment(0.3))).toBe(7);
    expect(spikeCount(hhCompartment(0.5))).toBe(6);
    expect(spikeCount(hhCompartment(10))).toBe(0);
    expect(() => checkTimeStep(compile(hhCompartment(0.3)))).not.toThrow();
    expect(() => checkTimeStep(compile(hhCompartment(0.5)))).toThrow(InputError);
  });

  it('warm hh at dt 0.025 ms passes: the lab at 35 degC (4.87 tau_gate), the validation suite at 37 degC (6.07 tau_gate)', () => {
    const lab = compile(hhCompartment(0.025, 'backward-euler', 273.15 + 35));
    expect(0.025 / fastestGate(lab)!.timeConstant).toBeCloseTo(4.87, 2);
    expect(() => checkTimeStep(lab)).not.toThrow();
    const warm = compile(hhCompartment(0.025, 'backward-euler', 273.15 + 37));
    expect(0.025 / fastestGate(warm)!.timeConstant).toBeCloseTo(6.07, 2);
    expect(() => checkTimeStep(warm)).not.toThrow();
    // At 37 degC the gates limit the step (7 x 0.0041 = 0.029 ms), not the membrane (0.3 ms).
    expect(() => checkTimeStep(compile(hhCompartment(0.05, 'backward-euler', 273.15 + 37)))).toThrow('the fastest gate (hh m');
  });

  it('hh at dt = 10 ms is refused for either integrator, naming run.timeStep, the step, the gate, tau and the safe step', () => {
    for (const integrator of ['backward-euler', 'crank-nicolson'] as const) {
      let error: unknown;
      try {
        prepareSimulation(hhCompartment(10, integrator));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      const { field, value, message } = error as InputError;
      expect(field).toBe('run.timeStep');
      expect(value).toBe('10 ms');
      for (const part of ['hh m', 'tau = 0.12 ms at -78 mV and 6.3 °C', 'C/g = 0.0301 ms', 'use at most 0.301 ms', '--force-time-step']) {
        expect(message).toContain(part);
      }
    }
  });

  it('forcing skips the check; the adaptive integrator is exempt', () => {
    expect(() => prepareSimulation(hhCompartment(10), { forceTimeStep: true })).not.toThrow();
    expect(() => prepareSimulation(hhCompartment(10, 'adaptive'))).not.toThrow();
  });
});

describe('run-time stops (exit 3 in the CLI): ringing, blow-up', () => {
  it('hh forced to dt = 10 ms under Crank-Nicolson rings (-154 / +5 mV) and stops with time, place and remedy', () => {
    let error: unknown;
    try {
      simulate(hhCompartment(10, 'crank-nicolson'), { forceTimeStep: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InstabilityError);
    const instability = error as InstabilityError;
    expect(instability.location).toBe('cell soma, section soma(0.5000)');
    expect(instability.time).toBeGreaterThan(0);
    expect(instability.time).toBeLessThanOrEqual(10 * 20);
    expect(instability.detail).toContain('Crank-Nicolson ringing');
    expect(instability.remedy).toContain('at most 0.3 ms');
    expect(instability.remedy).toContain('backward-euler');
  });

  it('Crank-Nicolson at the standard step does not ring (7 spikes)', () => {
    expect(simulate(hhCompartment(0.025, 'crank-nicolson')).spikes[0].times.length).toBe(7);
  });

  it('the detector: 4 alternating swings over 10 mV stop; 3, or smaller swings, or same-sign changes do not', () => {
    const run = (values: number[]) => {
      const v = new Float64Array([values[0]]);
      const detector = createRingingDetector(v);
      for (let k = 1; k < values.length; k++) {
        v[0] = values[k];
        if (detector.observe(v) >= 0) return k;
      }
      return -1;
    };
    expect(RINGING_SWING).toBe(10);
    expect(RINGING_STEPS).toBe(4);
    expect(run([0, 20, 0, 20, 0])).toBe(4);
    expect(run([0, 20, 0, 20])).toBe(-1);
    expect(run([0, 9, 0, 9, 0, 9, 0])).toBe(-1);
    expect(run([0, 20, 40, 60, 80, 100])).toBe(-1);
    expect(run([0, 20, 0, 20, 20, 0, 20, 0])).toBe(-1);
  });
});

describe('voltages beyond any membrane in a start or a clamp are bad input (InputError), not an instability', () => {
  it(`an initial voltage of 1e6 mV (limit ±${INPUT_VOLTAGE_LIMIT} mV) is refused by compile`, () => {
    const model = singleCompartment({ mechanisms: [{ mechanism: 'hh', parameters: {} }], run: runSettings(1, 0.025, 'backward-euler'), initialVoltage: 1e6 });
    expect(() => compile(model)).toThrow(InputError);
    expect(() => compile(model)).toThrow('cells[0].membrane.initialVoltage: got 1e6 mV; expected a membrane potential within ±500 mV');
  });

  it('a clamp level of -1e6 mV is refused, naming the level', () => {
    const model = singleCompartment({
      mechanisms: [{ mechanism: 'hh', parameters: {} }],
      stimuli: [{ kind: 'voltage-clamp', id: 'vc', location: SOMA, levels: [{ duration: 1, voltage: -65 }, { duration: 1, voltage: -1e6 }] }],
      run: runSettings(2, 0.025, 'backward-euler'),
    });
    expect(() => compile(model)).toThrow('stimuli[0].levels[1].voltage: got -1e6 mV');
  });

  it('a clamp at 200 mV is fine', () => {
    const model = singleCompartment({
      mechanisms: [{ mechanism: 'hh', parameters: {} }],
      stimuli: [{ kind: 'voltage-clamp', id: 'vc', location: SOMA, levels: [{ duration: 2, voltage: 200 }] }],
      run: runSettings(2, 0.025, 'backward-euler'),
    });
    expect(simulate(model).traces[0].values.at(-1)).toBeCloseTo(200, 3);
  });
});
