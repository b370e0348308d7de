/**
 * Activities and challenges of the resting-potential screen, from the "Try" steps of docs/lab.md (section 1). The
 * explanations read the screen's readouts (RestingScreen.readouts()); the baseline for a comparison is the library's
 * result at the screen's defaults (computeResting, src/core's Nernst and GHK equations).
 */
import type { Activity, Challenge, Readouts } from '../../common/activities.js';
import { formatNumber as f, formatQuantity as q, formatSigned } from '../../common/format.js';
import { defaults } from '../../params.js';
import { computeResting, presetValues, RESTING_SPECS, type RestingResult } from './model.js';

/** The screen's readouts (RestingScreen.readouts()): potentials in mV, currents in µA/cm², τ in ms, R in MΩ. */
export function restingReadouts(result: RestingResult): Readouts {
  const out: Record<string, number> = {
    restingPotential_mV: result.ghk,
    chargeIons: result.charge.ions,
    chargeFraction: result.charge.fraction ?? Number.NaN,
    timeConstant_ms: result.circuit.timeConstant,
    inputResistance_MOhm: result.circuit.inputResistance,
  };
  for (const ion of result.ions) {
    out[`nernst_${ion.key}_mV`] = ion.nernst;
    out[`drivingForce_${ion.key}_mV`] = ion.flow.drivingForce;
    out[`current_${ion.key}_uA_per_cm2`] = ion.currentDensity * 1e3;
    // +1: the ions move into the cell at rest, −1: out of it, 0: no net flow (or impermeant).
    out[`ionsEntering_${ion.key}`] = ion.relativePermeability <= 0 || ion.flow.ionDirection === 'none' ? 0 : ion.flow.ionDirection === 'into the cell' ? 1 : -1;
  }
  return out;
}

const baseline = () => computeResting(defaults(RESTING_SPECS));
const mv = (value: number) => q(value, 'mV');
const need = (readouts: Readouts, key: string): number => {
  const value = readouts[key];
  if (!Number.isFinite(value)) throw new Error(`no ${key}`);
  return value;
};

/** Tolerance of the −80 mV challenge: 0.5 mV, finer than a slider step of K⁺ outside near 3 mM moves V (≈ 0.6 mV). */
export const REST_TARGET_MV = -80;
export const REST_TOLERANCE_MV = 0.5;
/** The chloride challenge asks for Cl⁻ entering with a driving force of at least this much (mV). */
export const CHLORIDE_DRIVE_MV = 10;

export const RESTING_ACTIVITIES: readonly Activity[] = [
  {
    id: 'hyperkalaemia',
    title: 'Raise outside K⁺ (hyperkalaemia)',
    setup: { k_out: 20 },
    predict: { question: 'Outside K⁺ goes from 5 to 20 mM. What does the resting potential do?', choices: ['It depolarises (becomes less negative)', 'It hyperpolarises (becomes more negative)', 'It hardly changes'], answer: 0 },
    observe: 'Look at the big GHK number and at E for K⁺ in the table; drag “K⁺ outside” between 5 and 20 mM and watch the K⁺ arrow shrink.',
    needs: ['restingPotential_mV', 'nernst_k_mV'],
    explain: ({ readouts, values }) => {
      const before = baseline();
      const v = need(readouts, 'restingPotential_mV'), ek = need(readouts, 'nernst_k_mV');
      return `With ${f(Number(values.k_out))} mM K⁺ outside, E_K is ${mv(ek)} (it was ${mv(before.ions[0].nernst)} at 5 mM) and the membrane rests at ${mv(v)} instead of ${mv(before.ghk)}: a change of ${formatSigned(v - before.ghk, 'mV')}. At rest the membrane is mostly permeable to K⁺ (P_Na/P_K = ${f(Number(values.p_na))}), so V follows E_K. This is why a high blood K⁺ depolarises heart and nerve.`;
    },
  },
  {
    id: 'sodium-outside',
    title: 'Raise outside Na⁺ by the same amount',
    setup: { na_out: 160 },
    predict: { question: 'Outside Na⁺ goes up by about the same amount (145 → 158 mM). Compared with 15 mM more K⁺, V moves…', choices: ['much less', 'about as much', 'much more'], answer: 0 },
    observe: 'Compare the GHK number with the default (−64.9 mV) and E for Na⁺ in the table.',
    needs: ['restingPotential_mV', 'nernst_na_mV'],
    explain: ({ readouts }) => {
      const before = baseline();
      const v = need(readouts, 'restingPotential_mV');
      const k20 = computeResting({ ...defaults(RESTING_SPECS), k_out: 20 }).ghk;
      return `E_Na moves to ${mv(need(readouts, 'nernst_na_mV'))}, yet V moves only ${formatSigned(v - before.ghk, 'mV')} (to ${mv(v)}), against ${formatSigned(k20 - before.ghk, 'mV')} for 15 mM more K⁺ (5 → 20 mM). In the GHK equation each concentration is weighted by its permeability, and at rest P_Na is only a twentieth of P_K.`;
    },
  },
  {
    id: 'peak-permeability',
    title: 'Open the Na⁺ channels (P_Na / P_K = 20)',
    setup: { p_na: 20 },
    predict: { question: 'At the peak of an action potential P_Na is about 20 × P_K. Where does V go?', choices: ['Towards E_Na (positive)', 'Towards E_K (more negative)', 'It stays at rest'], answer: 0 },
    observe: 'Watch the GHK number and the arrows: which ions now have the largest driving force?',
    needs: ['restingPotential_mV', 'nernst_na_mV', 'nernst_k_mV'],
    explain: ({ readouts }) => {
      const v = need(readouts, 'restingPotential_mV'), ena = need(readouts, 'nernst_na_mV');
      return `V is now ${mv(v)}, close to E_Na = ${mv(ena)} but short of it: K⁺ (E_K = ${mv(need(readouts, 'nernst_k_mV'))}) and Cl⁻ still conduct. The membrane potential is a permeability-weighted compromise between the ions' Nernst potentials: whichever ion dominates the permeability sets V. This swing is the rising phase of the action potential.`;
    },
  },
  {
    id: 'squid',
    title: 'The squid giant axon',
    setup: presetValues('squid-giant-axon'),
    predict: { question: 'The squid giant axon has ten times more ions on both sides than a mammalian neuron, at 20 °C. What resting potential do you expect?' },
    observe: 'Read the GHK number and compare the Nernst potentials in the table with those of the mammalian neuron (the default).',
    needs: ['restingPotential_mV', 'nernst_k_mV', 'nernst_na_mV'],
    explain: ({ readouts, values }) =>
      `GHK gives ${mv(need(readouts, 'restingPotential_mV'))}, close to the about −60 mV Hodgkin & Katz (1949) measured. What matters is the ratios, not the amounts: ${f(Number(values.k_out))}/${f(Number(values.k_in))} mM K⁺ gives E_K = ${mv(need(readouts, 'nernst_k_mV'))} and ${f(Number(values.na_out))}/${f(Number(values.na_in))} mM Na⁺ gives E_Na = ${mv(need(readouts, 'nernst_na_mV'))}; the temperature sets RT/F.`,
  },
  {
    id: 'charge',
    title: 'How many ions make the resting potential?',
    setup: {},
    predict: { question: 'How many ions must cross the membrane to charge a 20 µm cell to its resting potential?', choices: ['About five thousand', 'About five million', 'About a fifth of its K⁺'], answer: 1 },
    observe: 'Read “Charge on the membrane” below the circuit, and its formula.',
    needs: ['chargeIons', 'chargeFraction'],
    explain: ({ readouts }) => {
      const ions = need(readouts, 'chargeIons'), fraction = need(readouts, 'chargeFraction');
      return `Q = C·V: about ${f(ions)} monovalent ions, a fraction ${f(fraction)} of the cell's K⁺ (1 in ${f(1 / fraction, 2)}). The concentrations do not change measurably when the potential is made: a potential needs only a thin layer of charge on the membrane.`;
    },
  },
  {
    id: 'leak',
    title: 'Currents at rest cancel, they do not vanish',
    setup: {},
    predict: { question: 'At the resting potential, is the Na⁺ current zero?', choices: ['Yes: nothing flows at rest', 'No: Na⁺ leaks in and K⁺ leaks out, and the currents cancel'], answer: 1 },
    observe: 'Look at the arrows and at the current I under each battery of the equivalent circuit.',
    needs: ['current_na_uA_per_cm2', 'current_k_uA_per_cm2', 'current_cl_uA_per_cm2'],
    explain: ({ readouts }) => {
      const na = need(readouts, 'current_na_uA_per_cm2'), k = need(readouts, 'current_k_uA_per_cm2'), cl = need(readouts, 'current_cl_uA_per_cm2');
      return `I_Na = ${q(na, 'µA/cm²')} (inward), I_K = ${formatSigned(k, 'µA/cm²')} (outward), I_Cl = ${q(cl, 'µA/cm²')}: they add up to ${q(na + k + cl + (readouts.current_ca_uA_per_cm2 ?? 0), 'µA/cm²', 2)}. Rest is a steady state, not an equilibrium: Na⁺ keeps leaking in and K⁺ out, and without the Na⁺/K⁺ pump the gradients would run down (see “Pump and gradients”).`;
    },
  },
];

export const RESTING_CHALLENGES: readonly Challenge[] = [
  {
    id: 'rest-at-80',
    title: 'Rest at −80 mV using only the K⁺ sliders',
    goal: `Make the cell rest at −80 mV (within ${f(REST_TOLERANCE_MV)} mV) by changing only the K⁺ concentrations.`,
    start: {},
    onlyChange: ['k_in', 'k_out'],
    needs: ['restingPotential_mV'],
    check: ({ readouts }) => {
      const v = need(readouts, 'restingPotential_mV');
      const off = v - REST_TARGET_MV;
      if (Math.abs(off) <= REST_TOLERANCE_MV) return { solved: true, feedback: `The cell rests at ${mv(v)}. E_K is ${mv(need(readouts, 'nernst_k_mV'))}: V sits above it because Na⁺ still leaks in.` };
      return { solved: false, feedback: `V is ${mv(v)}, ${f(Math.abs(off), 2)} mV ${off > 0 ? 'too positive: make E_K more negative (less K⁺ outside or more inside — outside alone will not do: Na⁺ and Cl⁻ hold V up)' : 'too negative: make E_K less negative'}.` };
    },
  },
  {
    id: 'chloride-in',
    title: 'Make Cl⁻ flow into the cell',
    goal: `In this neuron Cl⁻ sits almost at equilibrium. Using only the Cl⁻ concentrations, make Cl⁻ flow into the cell at rest with a driving force of at least ${f(CHLORIDE_DRIVE_MV)} mV (as in a mature neuron, where opening GABA-A channels then hyperpolarises).`,
    start: {},
    onlyChange: ['cl_in', 'cl_out'],
    needs: ['ionsEntering_cl', 'drivingForce_cl_mV'],
    check: ({ readouts }) => {
      const entering = need(readouts, 'ionsEntering_cl'), drive = need(readouts, 'drivingForce_cl_mV');
      if (entering > 0 && Math.abs(drive) >= CHLORIDE_DRIVE_MV) return { solved: true, feedback: `Cl⁻ now enters, driven by V − E_Cl = ${formatSigned(drive, 'mV')}: E_Cl (${mv(need(readouts, 'nernst_cl_mV'))}) lies below V.` };
      return { solved: false, feedback: `V − E_Cl is ${formatSigned(drive, 'mV')} and Cl⁻ ${entering > 0 ? 'enters, but too weakly' : entering < 0 ? 'leaves the cell' : 'does not move'}. For an anion, E_Cl must lie below V: make [Cl⁻] inside smaller (or outside larger).` };
    },
  },
];
