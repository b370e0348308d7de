/**
 * The Na+/K+-ATPase (sodium pump): 3 Na+ out and 2 K+ in per ATP, one net positive charge out per cycle.
 *
 * Source: Luo CH, Rudy Y (1994) A dynamic model of the cardiac ventricular action potential. I. Simulations of
 * ionic currents and concentration changes. Circ Res 74:1071-1096, equations for I_NaK (guinea-pig ventricular
 * myocyte, 37 degC; the voltage dependence f_NaK after Hamada & Kimura and Gadsby, the [Na]o dependence sigma after
 * Gadsby & Nakao 1989). No temperature scaling beyond the VF/RT inside f(V) (the paper gives no Q10).
 *
 *   i      = imax · f(V) · 1/(1 + (KmNai/[Na]i)^1.5) · [K]o/([K]o + KmKo)
 *   f(V)   = 1/(1 + 0.1245 exp(−0.1 VF/RT) + 0.0365 σ exp(−VF/RT)),   σ = (exp([Na]o/67.3 mM) − 1)/7
 *   i_na   = +3 i,   i_k = −2 i   (so i_na + i_k = i)
 *
 * Units and sign: current densities mA/cm2, outward positive (NEURON): the pump current is outward (i >= 0) for
 * every voltage and concentration. Luo & Rudy give imax = 1.5 uA/uF, i.e. 0.0015 mA/cm2 at 1 uF/cm2: the default
 * here, a plausible density for a neuron as well (pump currents of 0.5-10 uA/cm2 are reported across cell types).
 *
 * dI/dV is analytic: i · (0.1 A + B)/(D · VT), where D = 1 + A + B is f's denominator (A = 0.1245 e^(−0.1u),
 * B = 0.0365 σ e^(−u), u = V/VT). It is added to `conductance`, and 3× and −2× of it to the sodium and potassium
 * `ionConductance`, so that the per-ion shares of both the current and its derivative sum to the totals.
 * The recordable column `i` (`na-k-pump.i`) holds the pump's own current density, mA/cm2.
 */
import { thermalVoltage } from '../core/nernst.js';
import { createGatedKernels } from './gated-kernels.js';
import { DRUG_TARGETS } from './targets.js';
import type { MechanismBlock, MechanismDefinition, MembraneArrays } from './types.js';
import { addTransportCurrent, type Stoichiometry } from './transport-current.js';

const IMAX = 0, KM_NAI = 1, KM_KO = 2;

/** The voltage factor f(V) of Luo & Rudy (1994) and its derivative; written into out[0] (f) and out[1] (df/dV, 1/mV). */
export function sodiumPumpVoltageFactor(v: number, outsideSodium: number, thermal: number, out: Float64Array | number[]): void {
  const u = v / thermal;
  const sigma = Math.expm1(outsideSodium / 67.3) / 7;
  const a = 0.1245 * Math.exp(-0.1 * u);
  const b = 0.0365 * sigma * Math.exp(-u);
  const d = 1 + a + b;
  if (!(d < Infinity)) {
    // Only at absurd voltages (u < -700): f -> 1/b -> 0 and so does its slope.
    out[0] = 0;
    out[1] = 0;
    return;
  }
  const f = 1 / d;
  out[0] = f;
  out[1] = (f * f * (0.1 * a + b)) / thermal;
}

/** The pump current density (mA/cm2, outward positive) for the given parameters, concentrations (mM), v (mV), T (K). */
export function sodiumPumpCurrent(
  parameters: { imax: number; kmNai: number; kmKo: number },
  concentrations: { sodiumInside: number; sodiumOutside: number; potassiumOutside: number },
  v: number,
  temperature: number,
): number {
  const out = [0, 0];
  sodiumPumpVoltageFactor(v, concentrations.sodiumOutside, thermalVoltage(temperature), out);
  return parameters.imax * out[0] * sodiumSaturation(concentrations.sodiumInside, parameters.kmNai) * (concentrations.potassiumOutside / (concentrations.potassiumOutside + parameters.kmKo));
}

/** 1/(1 + (Km/[Na]i)^1.5), written as [Na]i^1.5/([Na]i^1.5 + Km^1.5) so that [Na]i = 0 gives 0 exactly. */
/** 3 Na+ out and 2 K+ in per net charge out. */
const PUMP_SHARES: Stoichiometry = [['na', 3], ['k', -2]];

function sodiumSaturation(sodiumInside: number, km: number): number {
  const x = sodiumInside * Math.sqrt(sodiumInside);
  const k = km * Math.sqrt(km);
  return x / (x + k);
}

function accumulate(block: MechanismBlock, membrane: MembraneArrays): void {
  const { v } = membrane;
  const thermal = thermalVoltage(membrane.temperature);
  const nai = membrane.inside.na, nao = membrane.outside.na, ko = membrane.outside.k;
  const imax = block.parameters[IMAX], kmNai = block.parameters[KM_NAI], kmKo = block.parameters[KM_KO];
  const iOut = block.conductances[0];
  const reports = block.reportsConductances;
  const node = block.node;
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    const u = v[k] / thermal;
    const sigma = Math.expm1(nao[k] / 67.3) / 7;
    const a = 0.1245 * Math.exp(-0.1 * u);
    const b = 0.0365 * sigma * Math.exp(-u);
    const d = 1 + a + b;
    const potassium = ko[k] / (ko[k] + kmKo[i]);
    const scale = imax[i] * sodiumSaturation(nai[k], kmNai[i]) * potassium;
    let pump = 0, slope = 0;
    if (d < Infinity) {
      pump = scale / d;
      slope = (pump * (0.1 * a + b)) / (d * thermal);
    }
    addTransportCurrent(membrane, k, pump, slope, PUMP_SHARES);
    if (reports) iOut[i] = pump;
  }
}

export const sodiumPotassiumPump: MechanismDefinition = {
  name: 'na-k-pump',
  kind: 'pump',
  description: 'Na+/K+-ATPase: 3 Na+ out, 2 K+ in per cycle, one net charge out (outward current).',
  citation:
    'Luo CH, Rudy Y (1994) Circ Res 74:1071-1096, I_NaK (guinea-pig ventricular myocyte, 37 degC; imax 1.5 uA/uF = 0.0015 mA/cm2 at 1 uF/cm2, KmNai 10 mM, KmKo 1.5 mM). Voltage convention: inside minus outside, outward current positive. No Q10.',
  parameters: [
    { name: 'imax', unit: 'mA/cm2', defaultValue: 0.0015, minimum: 0, maximum: 1, description: 'maximal pump current density (at saturating [Na]i and [K]o, f(V) = 1)', target: DRUG_TARGETS.sodiumPump },
    { name: 'kmNai', unit: 'mM', defaultValue: 10, minimum: 1e-6, maximum: 1000, description: 'half-activation [Na]i (Hill exponent 1.5)' },
    { name: 'kmKo', unit: 'mM', defaultValue: 1.5, minimum: 1e-6, maximum: 1000, description: 'half-activation [K]o' },
  ],
  states: [],
  conductances: ['i'],
  ionsRead: ['na', 'k'],
  ionsWritten: ['na', 'k'],
  kernels: createGatedKernels({ gateCount: 0, rateFactor: () => 1, evaluate: () => {} }, accumulate),
};
