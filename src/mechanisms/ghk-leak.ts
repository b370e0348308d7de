/**
 * Leak channels for Na+, K+ and Cl− as Goldman-Hodgkin-Katz (constant-field) currents, with permeabilities
 * pna, pk, pcl (cm/s). The membrane rests where their sum vanishes: at core's `ghkPotential` for the same
 * concentrations and permeabilities.
 *
 * Source: Goldman (1943) J Gen Physiol 27:37; Hodgkin & Katz (1949) J Physiol 108:37 (squid axon, relative
 * permeabilities P_K : P_Na : P_Cl = 1 : 0.04 : 0.45 at rest); Hille (2001) Ion Channels of Excitable Membranes,
 * 3rd ed., ch. 14, eq. 14.5. Per ion, outward positive, mA/cm2:
 *
 *   I_s = z F P_s (c_in B(−u) − c_out B(u)) · 1e-3,   u = z V F/(R T),   B(x) = x/(e^x − 1)
 *
 * the exact rewriting of the GHK current used by core's `ghkCurrentDensity` (same `bernoulli`, no 0/0 at V = 0).
 * The kernel evaluates it inline rather than calling `ghkCurrentDensity`, which validates its arguments into a new
 * object on every call (kernels never allocate); the tests check the two agree to 1e-12 relative.
 *
 * dI/dV is analytic: dI_s/dV = F P_s z²/(R T/F) · (−c_in B'(−u) − c_out B'(u)) · 1e-3, with B'(x) from
 * `bernoulliDerivative` (a Taylor series for |x| < 0.1, B (1 − B)/x − B beyond), relative error below ~1e-14
 * (checked against a centred difference in the tests). Each ion's current and slope go to `ionCurrent[ion]` and
 * `ionConductance[ion]`; the sums to `current` and `conductance`. Concentrations come from `membrane.inside` and
 * `membrane.outside` (mM), temperature from `membrane.temperature` (K); no temperature scaling of P.
 *
 * Default permeabilities: Hodgkin & Katz's ratios with P_K = 1e-6 cm/s (our choice of scale: with mammalian
 * concentrations it gives a resting slope conductance of the order of 1e-4 S/cm2, like hh's gl = 3e-4 S/cm2).
 * The recordable column `i` (`ghk-leak.i`) holds the total leak current density, mA/cm2.
 */
import { bernoulli } from '../core/ghk.js';
import { thermalVoltage } from '../core/nernst.js';
import { FARADAY } from '../units/constants.js';
import { createGatedKernels } from './gated-kernels.js';
import type { MechanismBlock, MechanismDefinition, MembraneArrays } from './types.js';

const PNA = 0, PK = 1, PCL = 2;

/** F × 1e-3: z F P c with P in cm/s and c in mM (1e-6 mol/cm3) gives 1e-6 A/cm2 = 1e-3 mA/cm2. */
const CURRENT_FACTOR = FARADAY * 1e-3;

/**
 * Derivative of the Bernoulli function B(x) = x/(e^x − 1): B'(x) = B(x)(1 − B(x))/x − B(x), which loses digits to
 * cancellation near x = 0 (relative error ~ 1e-16/|x|), so for |x| < 0.1 the Taylor series
 * −1/2 + x/6 − x³/180 + x⁵/5040 − x⁷/151200 + x⁹/4790016 (from the Bernoulli numbers) is used instead; the omitted
 * x¹¹ term is below 1e-19 there and the closed form beyond is good to ~3e-15 relative.
 * B'(0) = −1/2; B'(x) → 0 as x → +∞ and → −1 as x → −∞.
 */
export function bernoulliDerivative(x: number): number {
  if (Math.abs(x) < 0.1) {
    const x2 = x * x;
    return -0.5 + x * (1 / 6 + x2 * (-1 / 180 + x2 * (1 / 5040 + x2 * (-1 / 151200 + x2 / 4790016))));
  }
  const b = bernoulli(x);
  return (b * (1 - b)) / x - b;
}

/** One ion's GHK current density (mA/cm2) and its derivative (S/cm2), written into out[0] and out[1]. */
export function ghkLeakIon(valence: number, permeability: number, inside: number, outside: number, v: number, thermal: number, out: Float64Array | number[]): void {
  if (permeability === 0) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  const u = (valence * v) / thermal;
  const scale = CURRENT_FACTOR * valence * permeability;
  out[0] = scale * (inside * bernoulli(-u) - outside * bernoulli(u));
  out[1] = ((scale * valence) / thermal) * (-inside * bernoulliDerivative(-u) - outside * bernoulliDerivative(u));
}

/** Scratch made once at load: each ion's current and slope (the kernel never allocates). */
const OUT = new Float64Array(2);

function accumulate(block: MechanismBlock, membrane: MembraneArrays): void {
  const { v, current, conductance } = membrane;
  const thermal = thermalVoltage(membrane.temperature);
  const nai = membrane.inside.na, nao = membrane.outside.na;
  const ki = membrane.inside.k, ko = membrane.outside.k;
  const cli = membrane.inside.cl, clo = membrane.outside.cl;
  const ina = membrane.ionCurrent.na, ik = membrane.ionCurrent.k, icl = membrane.ionCurrent.cl;
  const gna = membrane.ionConductance.na, gk = membrane.ionConductance.k, gcl = membrane.ionConductance.cl;
  const pna = block.parameters[PNA], pk = block.parameters[PK], pcl = block.parameters[PCL];
  const iOut = block.conductances[0];
  const tracksIons = membrane.tracksIonCurrents;
  const reports = block.reportsConductances;
  const node = block.node;
  const out = OUT;
  for (let i = 0; i < block.count; i++) {
    const k = node[i];
    const vk = v[k];
    ghkLeakIon(1, pna[i], nai[k], nao[k], vk, thermal, out);
    const sodium = out[0], sodiumSlope = out[1];
    ghkLeakIon(1, pk[i], ki[k], ko[k], vk, thermal, out);
    const potassium = out[0], potassiumSlope = out[1];
    ghkLeakIon(-1, pcl[i], cli[k], clo[k], vk, thermal, out);
    const chloride = out[0], chlorideSlope = out[1];
    const total = sodium + potassium + chloride;
    current[k] += total;
    conductance[k] += sodiumSlope + potassiumSlope + chlorideSlope;
    if (tracksIons) {
      ina[k] += sodium;
      ik[k] += potassium;
      icl[k] += chloride;
      gna[k] += sodiumSlope;
      gk[k] += potassiumSlope;
      gcl[k] += chlorideSlope;
    }
    if (reports) iOut[i] = total;
  }
}

export const ghkLeak: MechanismDefinition = {
  name: 'ghk-leak',
  kind: 'leak',
  description: 'Na+, K+ and Cl- leak channels as Goldman-Hodgkin-Katz currents (permeabilities in cm/s); rests at the GHK potential.',
  citation:
    'Goldman (1943) J Gen Physiol 27:37; Hodgkin & Katz (1949) J Physiol 108:37 (P_K : P_Na : P_Cl = 1 : 0.04 : 0.45, squid axon); Hille (2001) ch. 14, eq. 14.5. Outward current positive; no Q10 (temperature enters only through RT/F).',
  parameters: [
    { name: 'pna', unit: 'cm/s', defaultValue: 4e-8, minimum: 0, maximum: 1e-2, description: 'sodium permeability' },
    { name: 'pk', unit: 'cm/s', defaultValue: 1e-6, minimum: 0, maximum: 1e-2, description: 'potassium permeability' },
    { name: 'pcl', unit: 'cm/s', defaultValue: 4.5e-7, minimum: 0, maximum: 1e-2, description: 'chloride permeability' },
  ],
  states: [],
  conductances: ['i'],
  ionsRead: ['na', 'k', 'cl'],
  ionsWritten: ['na', 'k', 'cl'],
  kernels: createGatedKernels({ gateCount: 0, rateFactor: () => 1, evaluate: () => {} }, accumulate),
};
