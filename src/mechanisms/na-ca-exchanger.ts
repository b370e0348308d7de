/**
 * The Na+/Ca2+ exchanger (NCX): 3 Na+ for 1 Ca2+, reversible and electrogenic (one net charge per cycle).
 *
 * Source: Luo CH, Rudy Y (1994) Circ Res 74:1071-1096, I_NaCa (guinea-pig ventricular myocyte, 37 degC), after
 * Mullins (1977) and DiFrancesco & Noble (1985), with the saturation factor ksat at negative potentials:
 *
 *   i = kNaCa / ((KmNa^3 + [Na]o^3)(KmCa + [Ca]o)) · 1/(1 + ksat e^((η−1)u))
 *         · (e^(ηu) [Na]i^3 [Ca]o − e^((η−1)u) [Na]o^3 [Ca]i),            u = VF/RT
 *
 * kNaCa 2000 uA/uF = 2.0 mA/cm2 at 1 uF/cm2, KmNa 87.5 mM, KmCa 1.38 mM, ksat 0.1, η 0.35. No Q10.
 *
 * Sign convention: Luo & Rudy write every membrane current outward positive (dV/dt = −(I_ion + I_st)/Cm), and so
 * does this file, with their formula unchanged. The first term, [Na]i^3 [Ca]o, is the reverse mode (3 Na+ out,
 * 1 Ca2+ in: one net positive charge out, an outward, positive current); the second is the forward mode (Ca2+
 * out, 3 Na+ in: an inward, negative current), which dominates at rest. Per cycle the exchanger moves 3 Na+ one
 * way and 1 Ca2+ (2 charges) the other, so with i the net current:
 *
 *   i_na = 3 i,   i_ca = −2 i,   i_na + i_ca = i.
 *
 * The current vanishes where e^u [Na]i^3 [Ca]o = [Na]o^3 [Ca]i, i.e. at E_NCX = 3 E_Na − 2 E_Ca.
 * dI/dV is analytic (quotient rule on the two exponentials); added to `conductance`, and 3× and −2× of it to the
 * sodium and calcium `ionConductance`. The recordable column `i` (`ncx.i`) holds the exchanger current, mA/cm2.
 */
import { thermalVoltage } from '../core/nernst.js';
import { createGatedKernels } from './gated-kernels.js';
import type { MechanismBlock, MechanismDefinition, MembraneArrays } from './types.js';
import { addTransportCurrent, type Stoichiometry } from './transport-current.js';

const K_NACA = 0, KM_NA = 1, KM_CA = 2, K_SAT = 3, ETA = 4;

export interface ExchangerParameters {
  /** mA/cm2. */
  readonly kNaCa: number;
  /** mM. */
  readonly kmNa: number;
  /** mM. */
  readonly kmCa: number;
  readonly ksat: number;
  readonly eta: number;
}

export interface ExchangerConcentrations {
  readonly sodiumInside: number;
  readonly sodiumOutside: number;
  readonly calciumInside: number;
  readonly calciumOutside: number;
}

/**
 * Exchanger current density (mA/cm2, outward positive) and its derivative dI/dV (S/cm2) at v (mV), written into
 * out[0] and out[1]. `thermal` is RT/F in mV. Concentrations in mM.
 */
export function exchangerCurrent(
  kNaCa: number, kmNa: number, kmCa: number, ksat: number, eta: number,
  nai: number, nao: number, cai: number, cao: number,
  v: number, thermal: number, out: Float64Array | number[],
): void {
  const u = v / thermal;
  const forward = Math.exp(eta * u);
  const backward = Math.exp((eta - 1) * u);
  const x = nai * nai * nai * cao;
  const y = nao * nao * nao * cai;
  const scale = kNaCa / ((kmNa * kmNa * kmNa + nao * nao * nao) * (kmCa + cao));
  const drive = forward * x - backward * y;
  const saturation = 1 + ksat * backward;
  out[0] = (scale * drive) / saturation;
  const dDrive = eta * forward * x - (eta - 1) * backward * y;
  const dSaturation = (eta - 1) * ksat * backward;
  out[1] = (scale * (dDrive * saturation - drive * dSaturation)) / (saturation * saturation * thermal);
}

/** The exchanger current density (mA/cm2, outward positive) for the given parameters and concentrations at v (mV), T (K). */
export function sodiumCalciumExchangerCurrent(p: ExchangerParameters, c: ExchangerConcentrations, v: number, temperature: number): number {
  const out = [0, 0];
  exchangerCurrent(p.kNaCa, p.kmNa, p.kmCa, p.ksat, p.eta, c.sodiumInside, c.sodiumOutside, c.calciumInside, c.calciumOutside, v, thermalVoltage(temperature), out);
  return out[0];
}

/** Two numbers of scratch, made once at load: the kernel writes each row's current and slope here (no allocation). */
const SHARED_OUT = new Float64Array(2);

/** 3 Na+ for each Ca2+: per net charge, Na+ current 3 and Ca2+ current -2. */
const EXCHANGER_SHARES: Stoichiometry = [['na', 3], ['ca', -2]];

function accumulate(block: MechanismBlock, membrane: MembraneArrays): void {
  const { v } = membrane;
  const thermal = thermalVoltage(membrane.temperature);
  const nai = membrane.inside.na, nao = membrane.outside.na, cai = membrane.inside.ca, cao = membrane.outside.ca;
  const parameters = block.parameters;
  const kNaCa = parameters[K_NACA], kmNa = parameters[KM_NA], kmCa = parameters[KM_CA], ksat = parameters[K_SAT], eta = parameters[ETA];
  const out = SHARED_OUT;
  const iOut = block.conductances[0];
  const reports = block.reportsConductances;
  const node = block.node;
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    exchangerCurrent(kNaCa[i], kmNa[i], kmCa[i], ksat[i], eta[i], nai[k], nao[k], cai[k], cao[k], v[k], thermal, out);
    const exchange = out[0], slope = out[1];
    addTransportCurrent(membrane, k, exchange, slope, EXCHANGER_SHARES);
    if (reports) iOut[i] = exchange;
  }
}

export const sodiumCalciumExchanger: MechanismDefinition = {
  name: 'ncx',
  kind: 'exchanger',
  description: 'Na+/Ca2+ exchanger, 3 Na+ : 1 Ca2+, reversible; forward mode (Ca2+ out) is an inward current. Reverses at 3 E_Na - 2 E_Ca.',
  citation:
    'Luo CH, Rudy Y (1994) Circ Res 74:1071-1096, I_NaCa (guinea-pig ventricular myocyte, 37 degC; kNaCa 2000 uA/uF = 2.0 mA/cm2 at 1 uF/cm2, KmNa 87.5 mM, KmCa 1.38 mM, ksat 0.1, eta 0.35). Outward current positive, as in the paper. No Q10.',
  parameters: [
    { name: 'kNaCa', unit: 'mA/cm2', defaultValue: 2.0, minimum: 0, maximum: 100, description: 'exchanger scaling factor' },
    { name: 'kmNa', unit: 'mM', defaultValue: 87.5, minimum: 1e-6, maximum: 1000, description: 'half-saturation [Na]o' },
    { name: 'kmCa', unit: 'mM', defaultValue: 1.38, minimum: 1e-6, maximum: 1000, description: 'half-saturation [Ca]o' },
    { name: 'ksat', unit: '1', defaultValue: 0.1, minimum: 0, maximum: 10, description: 'saturation factor at very negative potentials' },
    { name: 'eta', unit: '1', defaultValue: 0.35, minimum: 0, maximum: 1, description: 'position of the energy barrier in the membrane field' },
  ],
  states: [],
  conductances: ['i'],
  ionsRead: ['na', 'ca'],
  ionsWritten: ['na', 'ca'],
  kernels: createGatedKernels({ gateCount: 0, rateFactor: () => 1, evaluate: () => {} }, accumulate),
};
