/**
 * The standard rate and steady-state forms of HH-type gates, in NeuroML2's conventions (v in mV):
 *   exponential  rate * exp((v - midpoint) / scale)                 (NeuroML HHExpRate)
 *   sigmoid      rate / (1 + exp(-(v - midpoint) / scale))          (HHSigmoidRate, HHSigmoidVariable)
 *   exp-linear   rate * x / (1 - exp(-x)), x = (v - midpoint)/scale (HHExpLinearRate; finite at x = 0)
 *   constant     rate
 * Source: NeuroML2 core types, NeuroML2CoreTypes/Channels.xml (Cannon et al. 2014, Front Neuroinform 8:79).
 */
import type { RateFunction } from '../model/types.js';
import { relativeExponential } from './gate-math.js';

export function evaluateRate(rate: RateFunction, v: number): number {
  switch (rate.form) {
    case 'exponential':
      return rate.rate * Math.exp((v - rate.midpoint) / rate.scale);
    case 'sigmoid':
      return rate.rate / (1 + Math.exp(-(v - rate.midpoint) / rate.scale));
    case 'exp-linear':
      return rate.rate * relativeExponential(-(v - rate.midpoint) / rate.scale);
    case 'constant':
      return rate.rate;
  }
}
