/**
 * Hodgkin-Huxley sodium, potassium and leak channels, in the conventions of NEURON's `hh.mod`.
 *
 * Source: Hodgkin & Huxley (1952) J Physiol 117:500-544, rates re-expressed for a resting potential of -65 mV
 * and depolarisation positive, as in NEURON's hh.mod (nrn/src/nrnoc/hh.mod). Rates measured at 6.3 degC and
 * scaled by Q10 = 3: factor 3^((celsius - 6.3)/10). Units: v mV, rates 1/ms, conductances S/cm2.
 *
 *   alpha_m = 0.1 (v+40) / (1 - exp(-(v+40)/10))    beta_m = 4 exp(-(v+65)/18)
 *   alpha_h = 0.07 exp(-(v+65)/20)                  beta_h = 1 / (1 + exp(-(v+35)/10))
 *   alpha_n = 0.01 (v+55) / (1 - exp(-(v+55)/10))   beta_n = 0.125 exp(-(v+65)/80)
 *   ina = gnabar m^3 h (v - ena),  ik = gkbar n^4 (v - ek),  il = gl (v - el)
 */
import { ZERO_CELSIUS } from '../units/constants.js';
import { relativeExponential, temperatureFactor } from './gate-math.js';
import { createGatedKernels } from './gated-kernels.js';
import { DRUG_TARGETS } from './targets.js';
import {
  accumulateSodiumPotassiumLeak,
  advanceExactAndAccumulateSodiumPotassiumLeak,
  advanceTableAndAccumulateSodiumPotassiumLeak,
} from './sodium-potassium-leak.js';
import type { MechanismDefinition } from './types.js';

const REFERENCE_CELSIUS = 6.3;
const Q10 = 3;

const EXP_3 = Math.exp(3);

/**
 * Steady states and time constants (ms) of m, h, n at voltage v, with rates multiplied by `q`. Five
 * transcendental calls instead of six: exp(-(v+65)/20) is exp(-(v+65)/80)^4, and exp(-(v+35)/10) is
 * e^3 exp(-(v+65)/10) (equal to round-off).
 */
export function hhGateKinetics(v: number, q: number, out: Float64Array): void {
  const u = v + 65;
  const slow = Math.exp(-u / 80);
  const slow2 = slow * slow;
  const alphaM = relativeExponential(-(v + 40) / 10); // 0.1 * vtrap(-(v+40), 10) = 0.1*10*x/(e^x-1)
  const betaM = 4 * Math.exp(-u / 18);
  const alphaH = 0.07 * slow2 * slow2;
  const betaH = 1 / (EXP_3 * Math.exp(-u / 10) + 1);
  const alphaN = 0.1 * relativeExponential(-(v + 55) / 10); // 0.01 * vtrap(-(v+55), 10)
  const betaN = 0.125 * slow;
  let sum = alphaM + betaM;
  out[0] = alphaM / sum;
  out[1] = 1 / (q * sum);
  sum = alphaH + betaH;
  out[2] = alphaH / sum;
  out[3] = 1 / (q * sum);
  sum = alphaN + betaN;
  out[4] = alphaN / sum;
  out[5] = 1 / (q * sum);
}

const kernels = createGatedKernels(
  {
    gateCount: 3,
    rateFactor: (temperature) => temperatureFactor(Q10, temperature - ZERO_CELSIUS, REFERENCE_CELSIUS),
    evaluate: hhGateKinetics,
  },
  accumulateSodiumPotassiumLeak,
  advanceTableAndAccumulateSodiumPotassiumLeak,
  advanceExactAndAccumulateSodiumPotassiumLeak,
);

export const hodgkinHuxley: MechanismDefinition = {
  name: 'hh',
  kind: 'channel',
  description: 'Hodgkin-Huxley squid axon Na, K and leak channels (NEURON hh.mod conventions).',
  citation:
    'Hodgkin AL, Huxley AF (1952) J Physiol 117:500-544; NEURON hh.mod conventions (rest -65 mV, depolarisation positive), rates at 6.3 degC with Q10 = 3.',
  parameters: [
    { name: 'gnabar', unit: 'S/cm2', defaultValue: 0.12, minimum: 0, maximum: 10, description: 'maximal sodium conductance', target: DRUG_TARGETS.sodiumChannel },
    { name: 'gkbar', unit: 'S/cm2', defaultValue: 0.036, minimum: 0, maximum: 10, description: 'maximal potassium conductance', target: DRUG_TARGETS.delayedRectifier },
    { name: 'gl', unit: 'S/cm2', defaultValue: 0.0003, minimum: 0, maximum: 10, description: 'leak conductance' },
    { name: 'el', unit: 'mV', defaultValue: -54.3, minimum: -200, maximum: 200, description: 'leak reversal potential' },
  ],
  states: [
    { name: 'm', description: 'sodium activation' },
    { name: 'h', description: 'sodium inactivation' },
    { name: 'n', description: 'potassium activation' },
  ],
  conductances: ['gna', 'gk'],
  ionsRead: ['na', 'k'],
  ionsWritten: ['na', 'k'],
  kernels,
};
