/**
 * A Hodgkin-Huxley-type channel described as data (a `ChannelDefinition` of the model): gates with exponents and
 * rate functions of the standard forms, or steady-state and time-constant forms. A new channel is data, not code.
 *
 *   g = gbar * prod_k gate_k^power_k,   i = g (v - e)
 * Placed on a cell, its parameters are named as in the channel's definition: `conductance` (gbar, S/cm2) and, for a
 * channel with its own reversal potential, `reversal` (e, mV).
 *   rate gate:          inf = alpha / (alpha + beta),  tau = 1 / (phi (alpha + beta))
 *   steady-state gate:  inf = steadyState(v),          tau = timeConstant(v) / phi
 *   phi = q10^((T - T0) / 10)
 */
import type { ChannelDefinition, GateDefinition } from '../model/types.js';
import { temperatureFactor } from './gate-math.js';
import { createGatedKernels } from './gated-kernels.js';
import { evaluateRate } from './rate-function.js';
import type { MechanismBlock, MechanismDefinition, MembraneArrays } from './types.js';

function evaluateGate(gate: GateDefinition, v: number, factor: number, out: Float64Array, at: number): void {
  if ('alpha' in gate) {
    const alpha = evaluateRate(gate.alpha, v);
    const beta = evaluateRate(gate.beta, v);
    out[at] = alpha / (alpha + beta);
    out[at + 1] = 1 / (factor * (alpha + beta));
  } else {
    out[at] = evaluateRate(gate.steadyState, v);
    out[at + 1] = evaluateRate(gate.timeConstant, v) / factor;
  }
}

export function createChannelMechanism(channel: ChannelDefinition): MechanismDefinition {
  const gates = channel.gates;
  const powers = Int32Array.from(gates, (gate) => gate.power);
  const usesOwnReversal = channel.ion === 'nonspecific' || channel.reversal !== undefined;
  const ion = channel.ion;

  function accumulate(block: MechanismBlock, membrane: MembraneArrays): void {
    const { v, current, conductance } = membrane;
    const gbar = block.parameters[0];
    const ownReversal = usesOwnReversal ? block.parameters[1] : null;
    const ionReversal = ion === 'nonspecific' ? null : membrane.reversal[ion];
    const ionCurrent = ion === 'nonspecific' || !membrane.tracksIonCurrents ? null : membrane.ionCurrent[ion];
    const ionConductance = ion === 'nonspecific' || !membrane.tracksIonCurrents ? null : membrane.ionConductance[ion];
    const gOut = block.conductances[0];
    for (let i = 0; i < block.count; i++) {
      const k = block.node[i];
      let g = gbar[i];
      for (let j = 0; j < gates.length; j++) g *= Math.pow(block.states[j][i], powers[j]);
      const e = ownReversal ? ownReversal[i] : ionReversal![k];
      const value = g * (v[k] - e);
      gOut[i] = g;
      if (ionCurrent) {
        ionCurrent[k] += value;
        ionConductance![k] += g;
      }
      current[k] += value;
      conductance[k] += g;
    }
  }

  return {
    name: channel.name,
    kind: 'channel',
    description: `Channel "${channel.name}" described as data (${gates.length} gates, carries ${channel.ion}).`,
    citation: channel.citation ? channel.citation.source : 'given in the model file',
    parameters: [
      { name: 'conductance', unit: 'S/cm2', defaultValue: channel.conductance, minimum: 0, maximum: 10, description: 'maximal conductance (gbar)' },
      ...(usesOwnReversal
        ? [{ name: 'reversal', unit: 'mV', defaultValue: channel.reversal ?? 0, minimum: -200, maximum: 200, description: 'reversal potential' }]
        : []),
    ],
    states: gates.map((gate) => ({ name: gate.name, description: `gate ${gate.name} (power ${gate.power})` })),
    conductances: ['g'],
    ionsRead: ion === 'nonspecific' ? [] : [ion],
    ionsWritten: ion === 'nonspecific' ? [] : [ion],
    kernels: createGatedKernels(
      {
        gateCount: gates.length,
        rateFactor: (temperature) => temperatureFactor(channel.q10, temperature, channel.rateTemperature),
        evaluate: (v, factor, out) => {
          for (let j = 0; j < gates.length; j++) evaluateGate(gates[j], v, factor, out, 2 * j);
        },
      },
      accumulate,
    ),
  };
}
