/**
 * Traub-Miles Hodgkin-Huxley channels as used in the COBAHH benchmark.
 *
 * Source: Traub RD, Miles R (1991) Neuronal Networks of the Hippocampus, Cambridge University Press; in the form of
 * Brette R et al. (2007) J Comput Neurosci 23:349-398, benchmark 3 (COBAHH), as in Brian2's examples/COBAHH.py.
 * v in mV, rates in 1/ms, no temperature scaling (the benchmark defines none). vt shifts every rate (-63 mV).
 *
 *   alpha_m = 0.32 (13 - v + vt) / (exp((13 - v + vt)/4) - 1)   beta_m = 0.28 (v - vt - 40) / (exp((v - vt - 40)/5) - 1)
 *   alpha_h = 0.128 exp((17 - v + vt)/18)                        beta_h = 4 / (1 + exp((40 - v + vt)/5))
 *   alpha_n = 0.032 (15 - v + vt) / (exp((15 - v + vt)/5) - 1)   beta_n = 0.5 exp((10 - v + vt)/40)
 *   ina = gnabar m^3 h (v - ena),  ik = gkbar n^4 (v - ek),  il = gl (v - el)
 */
import { relativeExponential } from './gate-math.js';
import { createGatedKernels } from './gated-kernels.js';
import { DRUG_TARGETS } from './targets.js';
import {
  accumulateSodiumPotassiumLeak,
  advanceExactAndAccumulateSodiumPotassiumLeak,
  advanceTableAndAccumulateSodiumPotassiumLeak,
} from './sodium-potassium-leak.js';
import type { MechanismDefinition } from './types.js';

/** Default threshold shift vt (mV); the rates are tabulated for one vt per mechanism instance set. */
export const TRAUB_MILES_VT = -63;

export function traubMilesKinetics(v: number, vt: number, out: Float64Array): void {
  const u = v - vt;
  const alphaM = 0.32 * 4 * relativeExponential((13 - u) / 4);
  const betaM = 0.28 * 5 * relativeExponential((u - 40) / 5);
  const alphaH = 0.128 * Math.exp((17 - u) / 18);
  const betaH = 4 / (1 + Math.exp((40 - u) / 5));
  const alphaN = 0.032 * 5 * relativeExponential((15 - u) / 5);
  const betaN = 0.5 * Math.exp((10 - u) / 40);
  let sum = alphaM + betaM;
  out[0] = alphaM / sum;
  out[1] = 1 / sum;
  sum = alphaH + betaH;
  out[2] = alphaH / sum;
  out[3] = 1 / sum;
  sum = alphaN + betaN;
  out[4] = alphaN / sum;
  out[5] = 1 / sum;
}

export const traubMiles: MechanismDefinition = {
  name: 'traub-miles',
  kind: 'channel',
  description: 'Traub-Miles Na, K and leak channels of the COBAHH benchmark (vt = -63 mV).',
  citation:
    'Traub & Miles (1991); Brette et al. (2007) J Comput Neurosci 23:349, benchmark 3 (COBAHH); Brian2 examples/COBAHH.py. No temperature scaling.',
  parameters: [
    { name: 'gnabar', unit: 'S/cm2', defaultValue: 0.1, minimum: 0, maximum: 10, description: 'maximal sodium conductance', target: DRUG_TARGETS.sodiumChannel },
    { name: 'gkbar', unit: 'S/cm2', defaultValue: 0.03, minimum: 0, maximum: 10, description: 'maximal potassium conductance', target: DRUG_TARGETS.delayedRectifier },
    { name: 'gl', unit: 'S/cm2', defaultValue: 5e-5, minimum: 0, maximum: 10, description: 'leak conductance' },
    { name: 'el', unit: 'mV', defaultValue: -60, minimum: -200, maximum: 200, description: 'leak reversal potential' },
  ],
  states: [
    { name: 'm', description: 'sodium activation' },
    { name: 'h', description: 'sodium inactivation' },
    { name: 'n', description: 'potassium activation' },
  ],
  conductances: ['gna', 'gk'],
  ionsRead: ['na', 'k'],
  ionsWritten: ['na', 'k'],
  kernels: createGatedKernels(
    { gateCount: 3, rateFactor: () => 1, evaluate: (v, _factor, out) => traubMilesKinetics(v, TRAUB_MILES_VT, out) },
    accumulateSodiumPotassiumLeak,
    advanceTableAndAccumulateSodiumPotassiumLeak,
    advanceExactAndAccumulateSodiumPotassiumLeak,
  ),
};
