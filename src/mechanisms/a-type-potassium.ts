/**
 * The transient A-type potassium current of Connor & Stevens, in the form of Connor, Walter & McKown (1977) as given
 * by Dayan & Abbott (2001).
 *
 * Source: Connor JA, Stevens CF (1971) J Physiol 213:21-30 and 213:31-53 (the A-current of gastropod neurons, Anisodoris
 * and Archidoris); fitted by Connor JA, Walter D, McKown R (1977) Biophys J 18:81-102; equations, E_A and g_A as in
 * Dayan P, Abbott LF (2001) Theoretical Neuroscience, MIT Press, section 6.2 (the Connor-Stevens model). v in mV
 * (inside minus outside, depolarisation positive), time constants in ms, conductance in S/cm2. No temperature
 * scaling: the model defines none, so the rates are those below at any model temperature.
 *
 *   a_inf = (0.0761 exp((v + 94.22)/31.84) / (1 + exp((v + 1.17)/28.93)))^(1/3)
 *   tau_a = 0.3632 + 1.158 / (1 + exp((v + 55.96)/20.12))
 *   b_inf = (1 / (1 + exp((v + 53.3)/14.54)))^4
 *   tau_b = 1.24 + 2.678 / (1 + exp((v + 50)/16.027))
 *   ia = gabar a^3 b (v - ea),  gabar 47.7 mS/cm2,  ea -75 mV
 *
 * As published, a_inf slightly exceeds 1 between +39.8 and +98.7 mV (at most 1.0137, at +65.3 mV): a property of
 * the fitted formula, kept so that the model is the published one.
 *
 * The current is carried by K+ (it is added to i_k), but its reversal potential is the parameter `ea`, not the cell's
 * E_K: the model has E_A = -75 mV beside E_K = -72 mV for the delayed rectifier (Dayan & Abbott). The formulas above
 * agree with several independent implementations of Dayan & Abbott's model (a NEURON mod file and Python versions);
 * the 1977 paper itself was not consulted. The channel is the drug target `A-type potassium channel` (4-AP).
 */
import { createGatedKernels } from './gated-kernels.js';
import { DRUG_TARGETS } from './targets.js';
import type { MechanismBlock, MechanismDefinition, MembraneArrays } from './types.js';

/**
 * Steady states and time constants (ms) of the A-current gates at voltage v (mV): a_inf at out[0], tau_a at out[1],
 * b_inf at out[2], tau_b at out[3]; the time constants divided by `factor` (1: the model has no temperature scaling).
 */
export function aTypePotassiumKinetics(v: number, factor: number, out: Float64Array): void {
  out[0] = Math.cbrt((0.0761 * Math.exp((v + 94.22) / 31.84)) / (1 + Math.exp((v + 1.17) / 28.93)));
  out[1] = (0.3632 + 1.158 / (1 + Math.exp((v + 55.96) / 20.12))) / factor;
  const x = 1 / (1 + Math.exp((v + 53.3) / 14.54));
  const x2 = x * x;
  out[2] = x2 * x2;
  out[3] = (1.24 + 2.678 / (1 + Math.exp((v + 50) / 16.027))) / factor;
}

/** ia = gabar a^3 b (v - ea), added to the total and K+ currents; dI/dV = gabar a^3 b (exact: linear in v). */
function accumulateATypePotassium(block: MechanismBlock, membrane: MembraneArrays): void {
  const { v, current, conductance } = membrane;
  const ik = membrane.ionCurrent.k, potassiumConductance = membrane.ionConductance.k;
  const [gabar, ea] = block.parameters;
  const [a, b] = block.states;
  const gaOut = block.conductances[0];
  const tracksIons = membrane.tracksIonCurrents;
  const reports = block.reportsConductances;
  for (let i = 0; i < block.count; i++) {
    const k = block.node[i];
    const ai = a[i];
    const ga = gabar[i] * ai * ai * ai * b[i];
    const value = ga * (v[k] - ea[i]);
    if (reports) gaOut[i] = ga;
    if (tracksIons) {
      ik[k] += value;
      potassiumConductance[k] += ga;
    }
    current[k] += value;
    conductance[k] += ga;
  }
}

export const aTypePotassium: MechanismDefinition = {
  name: 'a-type-potassium',
  kind: 'channel',
  description: 'Transient A-type K+ current of gastropod neurons (Connor & Stevens 1971), Connor-Stevens model kinetics.',
  citation:
    'Connor JA, Stevens CF (1971) J Physiol 213:21-30, 31-53; Connor JA, Walter D, McKown R (1977) Biophys J 18:81-102, as in Dayan P, Abbott LF (2001) Theoretical Neuroscience, section 6.2. Depolarisation positive; no temperature scaling (the model defines none).',
  parameters: [
    { name: 'gabar', unit: 'S/cm2', defaultValue: 0.0477, minimum: 0, maximum: 10, description: 'maximal A-type potassium conductance', target: DRUG_TARGETS.aType },
    { name: 'ea', unit: 'mV', defaultValue: -75, minimum: -200, maximum: 200, description: 'reversal potential of the A current' },
  ],
  states: [
    { name: 'a', description: 'A-current activation' },
    { name: 'b', description: 'A-current inactivation' },
  ],
  conductances: ['ga'],
  ionsRead: [],
  ionsWritten: ['k'],
  kernels: createGatedKernels({ gateCount: 2, rateFactor: () => 1, evaluate: aTypePotassiumKinetics }, accumulateATypePotassium),
};
