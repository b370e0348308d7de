/**
 * A postsynaptic response: the potential change a synapse causes, or, when it fires the cell, the action
 * potential and the EPSP that triggered it. Voltages in mV, times in ms.
 *
 * Definitions:
 * - `peak`: the signed largest deviation from `rest` (mV): depolarising positive, hyperpolarising negative,
 *   whichever is larger in size;
 * - the response is an action potential when the voltage crosses `spikeThreshold` (default 0 mV, the rule of
 *   spikes.ts); then its threshold is found as for any action potential (actionPotentialShape: dV/dt of the
 *   membrane's own currents crossing 10 mV/ms, the synaptic current being given as the `stimulus` when known, since
 *   a large fast conductance alone can raise V faster than 10 mV/ms), and the triggering EPSP is the depolarisation
 *   from rest at that threshold, `threshold - rest`: what the synaptic input had done when the membrane's own
 *   currents took over (the "EPSP at spike onset"; Sekerli et al. 2004 IEEE TBME 51:1665 for threshold
 *   definitions).
 */
import { actionPotentialShape } from './action-potential.js';
import { checkSignal, type Samples } from './samples.js';

export interface TriggeredActionPotential {
  /** Peak voltage (mV) and the spike's threshold (mV) and time (ms). */
  readonly peak: number;
  readonly threshold: number;
  readonly thresholdTime: number;
  /** The EPSP that triggered it: depolarisation from rest at the threshold, mV. */
  readonly triggeringPotential: number;
}

export interface PostsynapticResponse {
  /** Signed largest deviation from rest, mV. */
  readonly peak: number;
  /** The action potential the input fired, or null when it stayed subthreshold. */
  readonly actionPotential: TriggeredActionPotential | null;
}

export interface PostsynapticOptions {
  /** Resting potential, mV. */
  readonly rest: number;
  /** Spike detection level, mV; default 0. */
  readonly spikeThreshold?: number;
  /** The synaptic current into the cell (nA, positive depolarising) and the capacitance (nF) at the recording site. */
  readonly stimulus?: { readonly current: Samples; readonly capacitance: number };
}

/** The response to synaptic input (see the definitions at the top of this file). */
export function postsynapticResponse(time: Samples, voltage: Samples, options: PostsynapticOptions): PostsynapticResponse {
  checkSignal(time, voltage);
  const level = options.spikeThreshold ?? 0;
  let high = -Infinity;
  let low = Infinity;
  let crossed = false;
  for (let i = 0; i < voltage.length; i++) {
    high = Math.max(high, voltage[i] - options.rest);
    low = Math.min(low, voltage[i] - options.rest);
    if (i > 0 && voltage[i - 1] < level && voltage[i] >= level) crossed = true;
  }
  const peak = Math.abs(high) >= Math.abs(low) ? high : low;
  if (!crossed) return { peak, actionPotential: null };
  const shape = actionPotentialShape(time, voltage, { stimulus: options.stimulus });
  if (!shape) return { peak, actionPotential: null };
  return {
    peak,
    actionPotential: { peak: shape.peak, threshold: shape.threshold, thresholdTime: shape.thresholdTime, triggeringPotential: shape.threshold - options.rest },
  };
}
