/**
 * Passive properties from the response to a small current step: steady-state deflection, input resistance and
 * membrane time constant. Voltages in mV, times in ms, currents in nA, resistances in MOhm (mV / nA = MOhm).
 */
import { InputError } from '../units/errors.js';
import { checkSignal, checkWindow, crossingTime, firstIndexAtOrAfter, valueAtTime, type Samples } from './samples.js';

export interface InputResistanceInput {
  /** Steady voltage (mV) before the current step. */
  readonly voltageBefore: number;
  /** Steady voltage (mV) at the end of the current step. */
  readonly voltageAfter: number;
  /** The change of injected current (nA), positive for depolarising current; not 0. */
  readonly currentStep: number;
}

/**
 * Input resistance (MOhm) by Ohm's law: `(voltageAfter - voltageBefore) / currentStep`, mV / nA = MOhm.
 * Measured with a small step it is the slope resistance at the resting potential. Throws an InputError for a zero
 * or non-finite current step, or non-finite voltages.
 */
export function inputResistance(input: InputResistanceInput): number {
  const { voltageBefore, voltageAfter, currentStep } = input;
  if (!Number.isFinite(currentStep) || currentStep === 0) {
    throw new InputError('currentStep', String(currentStep), 'a non-zero current step (nA)');
  }
  if (!Number.isFinite(voltageBefore)) throw new InputError('voltageBefore', String(voltageBefore), 'a finite voltage (mV)');
  if (!Number.isFinite(voltageAfter)) throw new InputError('voltageAfter', String(voltageAfter), 'a finite voltage (mV)');
  return (voltageAfter - voltageBefore) / currentStep;
}

export interface SteadyStateDeflection {
  /** Voltage (mV) at `from`, the onset of the step: the resting level. */
  readonly baseline: number;
  /** Voltage (mV) at `to`, once the response has settled (say, the end of the step). */
  readonly steadyState: number;
  /** `steadyState - baseline` (mV). */
  readonly deflection: number;
}

/**
 * Steady-state deflection of a step response: the voltage at `to` (ms) minus the voltage at `from` (ms), both
 * interpolated linearly. `from` is the onset of the step (the membrane voltage is continuous, so the value there is
 * still the baseline) and `to` a time at which the response has settled, such as the end of the step: for a
 * response that relaxes with time constant tau, the deflection falls short of the final one by the fraction
 * exp(-(to - from) / tau). Feed the result to `inputResistance` as voltageBefore = baseline, voltageAfter =
 * steadyState.
 */
export function steadyStateDeflection(time: Samples, voltage: Samples, from: number, to: number): SteadyStateDeflection {
  checkSignal(time, voltage);
  checkWindow(from, to);
  const baseline = valueAtTime(time, voltage, from, 'from');
  const steadyState = valueAtTime(time, voltage, to, 'to');
  return { baseline, steadyState, deflection: steadyState - baseline };
}

/**
 * Membrane time constant (ms) from the response to a small current step that starts at `stepStart` (ms): the time
 * after `stepStart` at which the voltage first covers 1 - 1/e (63.2 %) of the final deflection, interpolated
 * linearly between samples. The final deflection is V(stepEnd) - V(stepStart), with `stepEnd` (ms) the end of
 * the step or any time at which the response has settled; default the last sample.
 *
 * For a single isopotential compartment the response is V(t) = V0 + D (1 - exp(-t / tau)) with tau = Rm Cm
 * (= cm / g for a passive membrane), so this is tau itself; the result is then short by the fraction
 * (e - 1) exp(-(stepEnd - stepStart) / tau) of a deflection that has not fully settled: 1.2 % after 5 tau,
 * 0.008 % after 10 tau. For a cable or a branched cell the response is a sum of exponentials (faster ones
 * from charge spreading along the cell), so the 63 % time is an estimate of the membrane time constant,
 * shorter than it near the injection site.
 *
 * Throws an InputError when the window is outside the signal or the deflection is zero.
 */
export function membraneTimeConstant(time: Samples, voltage: Samples, stepStart: number, stepEnd?: number): number {
  checkSignal(time, voltage);
  const end = stepEnd ?? time[time.length - 1];
  checkWindow(stepStart, end, 'stepStart..stepEnd');
  const { baseline, deflection } = steadyStateDeflection(time, voltage, stepStart, end);
  if (deflection === 0 || !Number.isFinite(deflection)) {
    throw new InputError('voltage', `a deflection of ${deflection} mV from ${stepStart} to ${end} ms`, 'a response to the step (a non-zero, finite deflection)');
  }
  const level = baseline + (1 - Math.exp(-1)) * deflection;
  const sign = Math.sign(deflection);
  let previousTime = stepStart;
  let previousValue = baseline;
  for (let i = firstIndexAtOrAfter(time, stepStart); i < time.length && time[i] <= end; i++) {
    if (time[i] === stepStart) continue;
    if (sign * (voltage[i] - level) >= 0) return crossingTime(previousTime, previousValue, time[i], voltage[i], level) - stepStart;
    previousTime = time[i];
    previousValue = voltage[i];
  }
  // The (interpolated) value at stepEnd is the full deflection, so the level is reached by then at the latest.
  return crossingTime(previousTime, previousValue, end, baseline + deflection, level) - stepStart;
}
