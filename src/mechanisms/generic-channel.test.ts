import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate.js';
import { currentStep, HH_TEMPERATURE, preparedBlock, runSettings, singleCompartment, SOMA } from '../engine/test-models.js';
import type { ChannelDefinition, RunSettings } from '../model/types.js';
import { createChannelMechanism } from './generic-channel.js';
import { hhGateKinetics } from './hh.js';

/** HH's sodium and potassium channels written as data in NeuroML2's rate conventions (hh.mod's rates). */
const sodium: ChannelDefinition = {
  name: 'na-hh',
  ion: 'na',
  conductance: 0.12,
  rateTemperature: HH_TEMPERATURE,
  q10: 3,
  gates: [
    {
      name: 'm',
      power: 3,
      alpha: { form: 'exp-linear', rate: 1, midpoint: -40, scale: 10 },
      beta: { form: 'exponential', rate: 4, midpoint: -65, scale: -18 },
    },
    {
      name: 'h',
      power: 1,
      alpha: { form: 'exponential', rate: 0.07, midpoint: -65, scale: -20 },
      beta: { form: 'sigmoid', rate: 1, midpoint: -35, scale: 10 },
    },
  ],
};
const potassium: ChannelDefinition = {
  name: 'k-hh',
  ion: 'k',
  conductance: 0.036,
  rateTemperature: HH_TEMPERATURE,
  q10: 3,
  gates: [
    {
      name: 'n',
      power: 4,
      alpha: { form: 'exp-linear', rate: 0.1, midpoint: -55, scale: 10 },
      beta: { form: 'exponential', rate: 0.125, midpoint: -65, scale: -80 },
    },
  ],
};

function builtIn(run: RunSettings) {
  return singleCompartment({
    mechanisms: [{ mechanism: 'hh', parameters: {} }],
    stimuli: [currentStep(10e-3, 0, 1e9, true)],
    spikes: [{ id: 'spikes', location: SOMA, threshold: 0 }],
    run,
  });
}

function asData(run: RunSettings) {
  return singleCompartment({
    channels: [sodium, potassium],
    mechanisms: [
      { mechanism: 'na-hh', parameters: {} },
      { mechanism: 'k-hh', parameters: {} },
      { mechanism: 'pas', parameters: { g: 0.0003, e: -54.3 } },
    ],
    stimuli: [currentStep(10e-3, 0, 1e9, true)],
    spikes: [{ id: 'spikes', location: SOMA, threshold: 0 }],
    run,
  });
}

describe('createChannelMechanism: a channel described as data', () => {
  it('the data Na channel at 6.3 degC has hh.mod\'s m_inf, tau_m, h_inf, tau_h at -80..40 mV to 1e-13 relative', () => {
    // Same formulas; only the order of a few flops may differ (a few ulp).
    const mechanism = createChannelMechanism(sodium);
    const voltages = [-80, -65, -55, -40, -35, -20, 0, 40];
    const { membrane, block } = preparedBlock(mechanism, voltages, HH_TEMPERATURE, 0.025, 'exact');
    const out = new Float64Array(6);
    voltages.forEach((v, i) => {
      hhGateKinetics(v, 1, out);
      expect(Math.abs(block.states[0][i] - out[0])).toBeLessThanOrEqual(1e-13 * out[0]);
      expect(Math.abs(block.states[1][i] - out[2])).toBeLessThanOrEqual(1e-13 * out[2]);
    });
    // Time constants through the derivatives: d/dt m = (m_inf - m)/tau_m with m = 0.
    for (const column of block.states) column.fill(0);
    const derivatives = [new Float64Array(voltages.length), new Float64Array(voltages.length)];
    mechanism.kernels.derivatives(block, membrane, derivatives);
    voltages.forEach((v, i) => {
      hhGateKinetics(v, 1, out);
      expect(Math.abs(derivatives[0][i] - out[0] / out[1])).toBeLessThanOrEqual(1e-13 * (out[0] / out[1]));
      expect(Math.abs(derivatives[1][i] - out[2] / out[3])).toBeLessThanOrEqual(1e-13 * (out[2] / out[3]));
    });
  });

  it('the data channel metadata: parameter conductance (gbar, S/cm2) defaulting to the channel conductance, states = gate names, conductance g', () => {
    const mechanism = createChannelMechanism(sodium);
    expect(mechanism.name).toBe('na-hh');
    expect(mechanism.parameters.map((p) => [p.name, p.unit, p.defaultValue])).toEqual([['conductance', 'S/cm2', 0.12]]);
    expect(mechanism.states.map((s) => s.name)).toEqual(['m', 'h']);
    expect(mechanism.conductances).toEqual(['g']);
    expect(mechanism.ionsWritten).toEqual(['na']);
  });

  it('the data channel accumulates i = gbar m^3 h (v - ena) into the total and the sodium current (ena 50 mV)', () => {
    const mechanism = createChannelMechanism(sodium);
    const { membrane, block } = preparedBlock(mechanism, [-30], HH_TEMPERATURE, 0.025, 'exact');
    block.states[0][0] = 0.5;
    block.states[1][0] = 0.4;
    mechanism.kernels.accumulate(block, membrane);
    const g = 0.12 * 0.125 * 0.4;
    expect(membrane.current[0]).toBeCloseTo(g * -80, 15);
    expect(membrane.ionCurrent.na[0]).toBeCloseTo(g * -80, 15);
    expect(membrane.conductance[0]).toBeCloseTo(g, 15);
    expect(block.conductances[0][0]).toBeCloseTo(g, 15);
  });

  it('a nonspecific channel with reversal 0 mV and a constant-rate gate uses its own reversal parameter e', () => {
    const leakish: ChannelDefinition = {
      name: 'ih-like',
      ion: 'nonspecific',
      conductance: 0.001,
      reversal: -20,
      rateTemperature: HH_TEMPERATURE,
      q10: 1,
      gates: [{ name: 'q', power: 1, steadyState: { form: 'sigmoid', rate: 1, midpoint: -80, scale: -10 }, timeConstant: { form: 'constant', rate: 50 } }],
    };
    const mechanism = createChannelMechanism(leakish);
    expect(mechanism.parameters.map((p) => [p.name, p.defaultValue])).toEqual([['conductance', 0.001], ['reversal', -20]]);
    const { membrane, block } = preparedBlock(mechanism, [-80], HH_TEMPERATURE, 0.025, 'exact');
    expect(block.states[0][0]).toBe(0.5); // sigmoid at its midpoint
    mechanism.kernels.accumulate(block, membrane);
    expect(membrane.current[0]).toBeCloseTo(0.001 * 0.5 * -60, 15);
    // Time constant 50 ms: one step of 0.025 ms at -80 mV from q = 0 covers 1 - e^(-0.0005) of the way to 0.5.
    block.states[0][0] = 0;
    mechanism.kernels.advance(block, membrane);
    expect(block.states[0][0]).toBeCloseTo(0.5 * -Math.expm1(-0.025 / 50), 15);
  });

  it('HH as data (Na + K channels + pas 0.0003 S/cm2, -54.3 mV) reproduces the built-in hh spike times at 10 uA/cm2 over 50 ms within 1e-6 ms', () => {
    // Same equations with exact rates: only round-off (1e-16 relative) separates the runs; on the stable limit
    // cycle it moves a spike by far less than 1e-6 ms.
    for (const integrator of ['backward-euler', 'crank-nicolson'] as const) {
      const run = runSettings(50, 0.025, integrator);
      const reference = simulate(builtIn(run)).spikes[0].times;
      const data = simulate(asData(run)).spikes[0].times;
      expect(reference.length, integrator).toBeGreaterThanOrEqual(3);
      expect(data.length, integrator).toBe(reference.length);
      data.forEach((t, i) => expect(Math.abs(t - reference[i]), `${integrator} spike ${i}`).toBeLessThan(1e-6));
    }
  });

  it('HH as data at 18.5 degC (Q10 3 from rateTemperature 279.45 K) fires at the built-in hh\'s times within 1e-6 ms', () => {
    const run = runSettings(30, 0.01, 'crank-nicolson');
    const warm = (model: ReturnType<typeof builtIn>) => ({ ...model, temperature: 273.15 + 18.5 });
    const reference = simulate(warm(builtIn(run))).spikes[0].times;
    const data = simulate(warm(asData(run))).spikes[0].times;
    expect(reference.length).toBeGreaterThanOrEqual(2);
    expect(data.length).toBe(reference.length);
    data.forEach((t, i) => expect(Math.abs(t - reference[i])).toBeLessThan(1e-6));
  });
});
