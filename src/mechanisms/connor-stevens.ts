/**
 * Sodium, delayed-rectifier potassium and leak channels of the Connor-Stevens model neuron: Hodgkin-Huxley rate forms
 * shifted and sped up to fit gastropod neurons. With `a-type-potassium` (a-type-potassium.ts) on the same membrane it
 * is the whole Connor-Stevens model, a type I neuron that starts firing at arbitrarily low rates.
 *
 * Source: Connor JA, Walter D, McKown R (1977) Biophys J 18:81-102 (after Connor & Stevens 1971 J Physiol
 * 213:21-53); in the form of Dayan P, Abbott LF (2001) Theoretical Neuroscience, MIT Press, section 6.2, with their
 * g_Na 120, g_K 20, g_L 0.3 mS/cm2, E_L -17 mV (E_Na 55 and E_K -72 mV are the cell's ion settings). v in mV,
 * depolarisation positive, rates in 1/ms, conductances in S/cm2. No temperature scaling: the model defines none.
 *
 *   alpha_m = 0.38 (v+29.7) / (1 - exp(-0.1 (v+29.7)))   beta_m = 15.2 exp(-0.0556 (v+54.7))
 *   alpha_h = 0.266 exp(-0.05 (v+48))                     beta_h = 3.8 / (1 + exp(-0.1 (v+18)))
 *   alpha_n = 0.02 (v+45.7) / (1 - exp(-0.1 (v+45.7)))   beta_n = 0.25 exp(-0.0125 (v+55.7))
 *   ina = gnabar m^3 h (v - ena),  ik = gkbar n^4 (v - ek),  il = gl (v - el)
 *
 * These are HH's rates (hh.ts, at 6.3 degC) shifted by +10.3 (m), +17 (h) and +9.3 mV (n), with m and h rates
 * multiplied by 3.8 and n rates by 2 (beta_m's 0.0556/mV is HH's 1/18 rounded): `hh` has no parameters for shifts or
 * rate factors, and its Q10 scaling would apply, so the model has its own mechanism (sharing hh's kernels). The formulas agree with several independent
 * implementations of Dayan & Abbott's model (a NEURON mod file and Python versions); the 1977 paper itself was not
 * consulted (one Python version instead takes HH's n rates with tau_n = 2 / (3.8 (alpha_n + beta_n)), a factor 1.9
 * where Dayan & Abbott have 2: not used here).
 */
import { relativeExponential } from './gate-math.js';
import { createGatedKernels } from './gated-kernels.js';
import {
  accumulateSodiumPotassiumLeak,
  advanceExactAndAccumulateSodiumPotassiumLeak,
  advanceTableAndAccumulateSodiumPotassiumLeak,
} from './sodium-potassium-leak.js';
import { DRUG_TARGETS } from './targets.js';
import type { MechanismDefinition } from './types.js';

/**
 * Steady states and time constants (ms) of m, h, n at voltage v (mV), time constants divided by `factor` (1: no
 * temperature scaling): m_inf, tau_m, h_inf, tau_h, n_inf, tau_n at out[0..5].
 */
export function connorStevensKinetics(v: number, factor: number, out: Float64Array): void {
  const alphaM = 3.8 * relativeExponential(-(v + 29.7) / 10); // 0.38 (v+29.7)/(1 - exp(-(v+29.7)/10))
  const betaM = 15.2 * Math.exp(-0.0556 * (v + 54.7));
  const alphaH = 0.266 * Math.exp(-0.05 * (v + 48));
  const betaH = 3.8 / (1 + Math.exp(-0.1 * (v + 18)));
  const alphaN = 0.2 * relativeExponential(-(v + 45.7) / 10); // 0.02 (v+45.7)/(1 - exp(-(v+45.7)/10))
  const betaN = 0.25 * Math.exp(-0.0125 * (v + 55.7));
  let sum = alphaM + betaM;
  out[0] = alphaM / sum;
  out[1] = 1 / (factor * sum);
  sum = alphaH + betaH;
  out[2] = alphaH / sum;
  out[3] = 1 / (factor * sum);
  sum = alphaN + betaN;
  out[4] = alphaN / sum;
  out[5] = 1 / (factor * sum);
}

export const connorStevens: MechanismDefinition = {
  name: 'connor-stevens',
  kind: 'channel',
  description: 'Connor-Stevens model Na, delayed-rectifier K and leak channels (add a-type-potassium for the A current).',
  citation:
    'Connor JA, Walter D, McKown R (1977) Biophys J 18:81-102; Dayan P, Abbott LF (2001) Theoretical Neuroscience, section 6.2. Depolarisation positive; E_Na 55 and E_K -72 mV from the cell; no temperature scaling (the model defines none).',
  parameters: [
    { name: 'gnabar', unit: 'S/cm2', defaultValue: 0.12, minimum: 0, maximum: 10, description: 'maximal sodium conductance', target: DRUG_TARGETS.sodiumChannel },
    { name: 'gkbar', unit: 'S/cm2', defaultValue: 0.02, minimum: 0, maximum: 10, description: 'maximal delayed-rectifier potassium conductance', target: DRUG_TARGETS.delayedRectifier },
    { name: 'gl', unit: 'S/cm2', defaultValue: 0.0003, minimum: 0, maximum: 10, description: 'leak conductance' },
    { name: 'el', unit: 'mV', defaultValue: -17, minimum: -200, maximum: 200, description: 'leak reversal potential' },
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
    { gateCount: 3, rateFactor: () => 1, evaluate: connorStevensKinetics },
    accumulateSodiumPotassiumLeak,
    advanceTableAndAccumulateSodiumPotassiumLeak,
    advanceExactAndAccumulateSodiumPotassiumLeak,
  ),
};
