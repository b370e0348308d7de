/**
 * Practice problems in the style of a textbook's hands-on section, each drawn with fresh values from a seeded
 * generator and answered by the library (src/core): the numbers a student reads in a statement are exactly the
 * numbers the library is called with, and every answer and every "yes/no" or direction is the library's.
 * The worked solutions show the formula, the numbers put in and the intermediate values (RT/F at that
 * temperature, ratios, logarithms); their final line is the library's answer. Pure TS, no DOM.
 *
 * Concentrations start from the library's presets (ION_PRESETS: Purves et al. 2018, Kandel et al. 2000, Hille 2001,
 * Luo & Rudy 1994) and are varied by up to ±25 % (rounded to 2 significant digits); temperatures are whole °C between
 * 0 and 40 (squid axon 0–25 °C, sea temperatures); membrane potentials whole mV.
 */
import {
  chargeSeparation,
  drivingForce,
  findPreset,
  ghkPotential,
  ionEntryFreeEnergy,
  ionFlow,
  lookupIon,
  mullinsNodaPotential,
  nernstPotential,
  pumpCycleFreeEnergy,
  sphereGeometry,
  thermalVoltage,
  transferFreeEnergy,
  type IonPreset,
  type PresetIon,
} from '../../../../src/core/index.js';
import { AVOGADRO, ELEMENTARY_CHARGE, FARADAY, GAS_CONSTANT, ZERO_CELSIUS, type QuantityKind } from '../../../../src/units/index.js';
import { formatNumber, formatQuantity, formatSigned } from '../../common/format.js';
import { formatAnswer, type AnswerPart, type ChoicePart, type NumericPart, type Tolerance } from './answer.js';
import { Draw, roundSignificant, streamFor } from './random.js';

/** The problem families, in the order of a problem set. */
export const FAMILIES = [
  'nernst',
  'cooling',
  'valence',
  'ghk',
  'driving-force',
  'ion-free-energy',
  'pump-cycle',
  'membrane-charge',
  'pump-share',
] as const;
export type FamilyId = (typeof FAMILIES)[number];

/** A number given in a statement: its value in the library's unit (`kind`'s canonical unit) and its text there. */
export interface Given {
  readonly name: string;
  readonly kind: QuantityKind;
  /** In the canonical unit of `kind` (mM, K, mV, um, uF/cm2, J/mol), or a plain number. */
  readonly value: number;
  /** As written in the statement, e.g. "0.12 µM", "23 °C". */
  readonly text: string;
}

/** One line of a worked solution. `result` lines give a part's answer (`part` is its id) as the library computed it. */
export interface SolutionLine {
  readonly kind: 'formula' | 'step' | 'result';
  readonly text: string;
  readonly part?: string;
}

export interface Problem {
  /** Unique in a set: "<number>-<family>". */
  readonly id: string;
  readonly family: FamilyId;
  readonly title: string;
  readonly statement: string;
  readonly given: readonly Given[];
  readonly parts: readonly AnswerPart[];
  readonly solution: readonly SolutionLine[];
  readonly hint: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Tolerances, with the reason shown to the student.

/** Potentials. R, F and T to 3–4 figures or RT/F from a table (e.g. 25 mV for 25.26 mV at 20 °C) move E by ~1 %. */
export const POTENTIAL_TOLERANCE: Tolerance = {
  relative: 0.01,
  absolute: 0.5,
  reason: 'RT/F or ln taken from a table or rounded to 3 figures moves a potential by up to about 1 %; 0.5 mV allows rounding a small potential to the nearest mV.',
};
/** A change of a potential (a difference of two): rounding each potential to 0.1 mV moves it by up to 0.2 mV. */
export const CHANGE_TOLERANCE: Tolerance = {
  relative: 0.03,
  absolute: 0.3,
  reason: 'The change is a difference of two potentials: rounding each to 0.1 mV moves it by up to 0.2 mV.',
};
/** Molar free energies: R, F and T rounded to 3–4 figures move ΔG by up to ~1 %. */
export const ENERGY_TOLERANCE: Tolerance = {
  relative: 0.01,
  absolute: 0.1,
  reason: 'R, F and T rounded to 3–4 figures move ΔG by up to about 1 %; 0.1 kJ/mol allows rounding a small ΔG.',
};
/** A pump cycle: five ion moves, each rounded to 0.05 kJ/mol, add up to 0.25 kJ/mol. */
export const CYCLE_TOLERANCE: Tolerance = {
  relative: 0.01,
  absolute: 0.3,
  reason: 'Five ion moves add up; rounding each to 0.1 kJ/mol moves the sum by up to 0.25 kJ/mol, and rounded constants by about 1 %.',
};
/** Counts of ions and fractions: π, e, N_A and the cell's size cubed, each to 3 figures, move them by up to ~2 %. */
export const COUNT_TOLERANCE: Tolerance = {
  relative: 0.02,
  absolute: 0,
  reason: 'π, e, N_A and the cell’s area and volume rounded to 3 figures move the count by up to about 2 %.',
};
/** The pump's share (per cent): a small difference of two potentials, each rounded to 0.1 mV, over one of them. */
export const SHARE_TOLERANCE: Tolerance = {
  relative: 0.05,
  absolute: 0.5,
  reason: 'The share is a small difference of two potentials divided by one: rounding each potential to 0.1 mV moves it by up to about 0.3 percentage points.',
};

// ---------------------------------------------------------------------------------------------------------------
// Formatting.

const ION_LABELS: Record<string, string> = { K: 'K⁺', Na: 'Na⁺', Cl: 'Cl⁻', Ca: 'Ca²⁺', Mg: 'Mg²⁺', H: 'H⁺', HCO3: 'HCO₃⁻' };
const SUPERSCRIPT_CHARGE: Record<number, string> = { 1: '⁺', 2: '²⁺', [-1]: '⁻', [-2]: '²⁻' };

function ionLabel(symbol: string): string {
  return ION_LABELS[symbol] ?? `${symbol}${SUPERSCRIPT_CHARGE[lookupIon(symbol).valence] ?? ''}`;
}

/** A potential: "−84.5 mV". */
const mv = (value: number, digits = 3): string => formatQuantity(value, 'mV', digits);
/** A concentration in the unit a person would use: mM down to 0.1 mM, then µM, then nM. */
function concentrationText(millimolar: number): string {
  if (millimolar >= 0.1) return formatQuantity(millimolar, 'mM');
  if (millimolar >= 1e-4) return formatQuantity(millimolar * 1e3, 'µM');
  return formatQuantity(millimolar * 1e6, 'nM');
}
/** A concentration in mM for a ratio, whatever unit the statement used. */
const mM = (millimolar: number): string => formatQuantity(millimolar, 'mM', 3);
const kelvin = (temperature: number): string => formatQuantity(temperature, 'K', 5);
const valenceText = (valence: number): string => formatSigned(valence, '', 1);
const kj = (joulesPerMole: number, digits = 3): string => formatQuantity(joulesPerMole / 1000, 'kJ/mol', digits);
const R_TEXT = `${formatNumber(GAS_CONSTANT, 5)} J/(mol·K)`;
const F_TEXT = `${formatNumber(FARADAY, 6)} C/mol`;
/** A factor in a product, in parentheses when negative: "× (−2.97)". */
const factor = (text: string): string => (text.startsWith('\u2212') ? `(${text})` : text);

/** How a preparation is named in a statement. */
const PREPARATION: Record<string, string> = {
  'mammalian-neuron': 'a mammalian neuron',
  'squid-giant-axon': 'a squid giant axon',
  'mammalian-skeletal-muscle': 'a mammalian skeletal muscle fibre',
  'cardiac-ventricular-myocyte': 'a guinea-pig ventricular muscle cell',
};
const preparation = (preset: IonPreset): string => PREPARATION[preset.id] ?? preset.name.toLowerCase();
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Collects the numbers given in a statement. */
class Givens {
  readonly list: Given[] = [];
  add(name: string, kind: QuantityKind, value: number, text: string): string {
    this.list.push({ name, kind, value, text });
    return text;
  }
  concentration(name: string, millimolar: number): string {
    return this.add(name, 'concentration', millimolar, concentrationText(millimolar));
  }
  /** A temperature given in whole °C; its value is in K. */
  celsius(name: string, degrees: number): string {
    return this.add(name, 'temperature', degrees + ZERO_CELSIUS, `${formatNumber(degrees, 3)} °C`);
  }
  voltage(name: string, millivolts: number): string {
    return this.add(name, 'voltage', millivolts, mv(millivolts));
  }
  plain(name: string, value: number): string {
    return this.add(name, 'dimensionless', value, formatNumber(value, 3));
  }
}

function voltagePart(id: string, prompt: string, symbol: string, answer: number, tolerance: Tolerance = POTENTIAL_TOLERANCE): NumericPart {
  return { kind: 'number', id, prompt, symbol, answerKind: 'voltage', unit: 'mV', answer, digits: 3, tolerance };
}

function resultLine(part: NumericPart, prefix = ''): SolutionLine {
  return { kind: 'result', part: part.id, text: `${prefix}${part.symbol} = ${formatAnswer(part)}` };
}

/** The thermal voltage line: RT/F at T, from the library's thermalVoltage. */
function thermalLine(temperature: number): SolutionLine {
  return { kind: 'step', text: `RT/F = ${R_TEXT} × ${kelvin(temperature)} / ${F_TEXT} = ${mv(thermalVoltage(temperature), 4)}` };
}

/** The steps of one Nernst potential (ratio, ln, result), ending with the library's nernstPotential. */
function nernstSteps(label: string, valence: number, inside: number, outside: number, temperature: number, symbol: string): { lines: SolutionLine[]; value: number } {
  const value = nernstPotential({ valence, inside, outside, temperature });
  const thermal = thermalVoltage(temperature);
  const ratio = outside / inside;
  return {
    value,
    lines: [
      { kind: 'step', text: `[${label}]out / [${label}]in = ${mM(outside)} / ${mM(inside)} = ${formatNumber(ratio, 4)}` },
      { kind: 'step', text: `ln(${formatNumber(ratio, 4)}) = ${formatNumber(Math.log(ratio), 4)}` },
      { kind: 'step', text: `${symbol} = (${mv(thermal, 4)} / (${valenceText(valence)})) × ${factor(formatNumber(Math.log(ratio), 4))} = ${mv(value, 4)}` },
    ],
  };
}

const NERNST_FORMULA: SolutionLine = { kind: 'formula', text: 'E = (RT / zF) · ln([ion]out / [ion]in)' };

function presetIon(preset: IonPreset, symbol: string): PresetIon {
  const ion = preset.ions.find((candidate) => candidate.symbol === symbol);
  if (ion === undefined) throw new Error(`preset ${preset.id} has no ${symbol}`);
  return ion;
}

/** Inside and outside concentrations near a preset's (±25 %, 2 significant digits), never equal. */
function concentrations(draw: Draw, ion: PresetIon): { inside: number; outside: number } {
  const inside = draw.around(ion.inside, 1.25, 2);
  let outside = draw.around(ion.outside, 1.25, 2);
  if (outside === inside) outside = roundSignificant(outside * 1.2, 2);
  return { inside, outside };
}

/** A preparation's temperature for a problem: whole °C, 0–25 for the squid axon, otherwise 0–40 or body heat. */
function temperatureFor(draw: Draw, preset: IonPreset, any = false): number {
  if (preset.id === 'squid-giant-axon') return draw.integer(0, 25);
  return any ? draw.integer(0, 40) : 37;
}

const MAMMALIAN = ['mammalian-neuron', 'mammalian-skeletal-muscle', 'cardiac-ventricular-myocyte'];
const ALL_PREPARATIONS = [...MAMMALIAN, 'squid-giant-axon'];

// ---------------------------------------------------------------------------------------------------------------
// The families.

function nernstProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(ALL_PREPARATIONS));
  const ion = draw.pick(preset.ions.filter((candidate) => Math.abs(lookupIon(candidate.symbol).valence) === 1));
  const valence = lookupIon(ion.symbol).valence;
  const label = ionLabel(ion.symbol);
  const given = new Givens();
  const { inside, outside } = concentrations(draw, ion);
  const degrees = temperatureFor(draw, preset, true);
  const temperature = degrees + ZERO_CELSIUS;
  const statement =
    `In ${preparation(preset)}, ${label} is ${given.concentration('inside', inside)} inside the cell and ` +
    `${given.concentration('outside', outside)} outside. What is the Nernst (equilibrium) potential of ${label} ` +
    `at ${given.celsius('temperature', degrees)}? (Valence z = ${valenceText(valence)}.)`;
  given.plain('valence', valence);
  const symbol = `E_${ion.symbol}`;
  const steps = nernstSteps(label, valence, inside, outside, temperature, symbol);
  const part = voltagePart('e', `Nernst potential ${symbol}`, symbol, steps.value);
  return {
    family: 'nernst',
    title: `Nernst potential of ${label}`,
    statement,
    given: given.list,
    parts: [part],
    hint: 'Convert the temperature to kelvin first; RT/F is about 25 mV at room temperature and 26.7 mV at 37 °C.',
    solution: [NERNST_FORMULA, { kind: 'step', text: `T = ${formatNumber(degrees, 3)} °C + 273.15 = ${kelvin(temperature)}` }, thermalLine(temperature), ...steps.lines, resultLine(part)],
  };
}

function coolingProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(MAMMALIAN));
  const ion = presetIon(preset, draw.pick(['K', 'Na', 'Cl'].filter((symbol) => preset.ions.some((candidate) => candidate.symbol === symbol))));
  const valence = lookupIon(ion.symbol).valence;
  const label = ionLabel(ion.symbol);
  const given = new Givens();
  const { inside, outside } = concentrations(draw, ion);
  const warmDegrees = 37;
  const coldDegrees = draw.integer(0, 30);
  const warm = warmDegrees + ZERO_CELSIUS;
  const cold = coldDegrees + ZERO_CELSIUS;
  const statement =
    `${capitalised(preparation(preset))} is cooled from ${given.celsius('warm', warmDegrees)} to ` +
    `${given.celsius('cold', coldDegrees)}; ${label} stays at ${given.concentration('inside', inside)} inside and ` +
    `${given.concentration('outside', outside)} outside. By how much does the Nernst potential of ${label} change ` +
    `(E at ${formatNumber(coldDegrees, 3)} °C minus E at ${warmDegrees} °C)? Does cooling move it toward 0 mV or away from it?`;
  given.plain('valence', valence);
  const symbol = `E_${ion.symbol}`;
  const warmSteps = nernstSteps(label, valence, inside, outside, warm, `${symbol}(${warmDegrees} °C)`);
  const coldSteps = nernstSteps(label, valence, inside, outside, cold, `${symbol}(${formatNumber(coldDegrees, 3)} °C)`);
  const change = coldSteps.value - warmSteps.value;
  const changePart = voltagePart('change', `Change of ${symbol} on cooling (cold minus warm)`, `ΔE`, change, CHANGE_TOLERANCE);
  const toward = Math.abs(coldSteps.value) < Math.abs(warmSteps.value);
  const directionPart: ChoicePart = {
    kind: 'choice',
    id: 'direction',
    prompt: `Cooling moves ${symbol}`,
    options: [
      { value: 'toward', label: 'toward 0 mV (smaller in size)' },
      { value: 'away', label: 'away from 0 mV (larger in size)' },
    ],
    answer: toward ? 'toward' : 'away',
    explanation: `the library gives ${mv(warmSteps.value)} at ${warmDegrees} °C and ${mv(coldSteps.value)} at ${formatNumber(coldDegrees, 3)} °C: RT/F, and with it E, is proportional to the absolute temperature.`,
  };
  return {
    family: 'cooling',
    title: 'The effect of cooling',
    statement,
    given: given.list,
    parts: [changePart, directionPart],
    hint: 'Only RT/F depends on temperature: work out E at both temperatures with the same ratio and logarithm.',
    solution: [
      NERNST_FORMULA,
      { kind: 'step', text: `At ${warmDegrees} °C: T = ${kelvin(warm)}` },
      thermalLine(warm),
      ...warmSteps.lines,
      { kind: 'step', text: `At ${formatNumber(coldDegrees, 3)} °C: T = ${kelvin(cold)}` },
      thermalLine(cold),
      ...coldSteps.lines,
      { kind: 'step', text: `ΔE = ${mv(coldSteps.value, 4)} − (${mv(warmSteps.value, 4)}); |E| ${toward ? 'falls' : 'rises'} with the absolute temperature, so cooling moves ${symbol} ${toward ? 'toward' : 'away from'} 0 mV` },
      resultLine(changePart),
    ],
  };
}

function valenceProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(ALL_PREPARATIONS));
  const ion = presetIon(preset, 'Ca');
  const label = ionLabel('Ca');
  const given = new Givens();
  const { inside, outside } = concentrations(draw, ion);
  const degrees = preset.id === 'squid-giant-axon' ? draw.integer(5, 25) : draw.pick([25, 30, 35, 37]);
  const temperature = degrees + ZERO_CELSIUS;
  const otherValence = draw.pick([1, -1, -2]);
  const otherLabel = `X${SUPERSCRIPT_CHARGE[otherValence]}`;
  const statement =
    `In ${preparation(preset)} at ${given.celsius('temperature', degrees)}, free ${label} is ` +
    `${given.concentration('inside', inside)} inside and ${given.concentration('outside', outside)} outside. ` +
    `(a) What is E_Ca? (b) What would the Nernst potential be for an ion ${otherLabel} of valence ` +
    `${valenceText(otherValence)} with exactly the same concentrations?`;
  given.plain('valence', 2);
  given.plain('otherValence', otherValence);
  const calcium = nernstSteps(label, 2, inside, outside, temperature, 'E_Ca');
  const other = nernstSteps(otherLabel, otherValence, inside, outside, temperature, `E_X`);
  const calciumPart = voltagePart('calcium', '(a) E_Ca', 'E_Ca', calcium.value);
  const otherPart = voltagePart('other', `(b) E for ${otherLabel} (z = ${valenceText(otherValence)})`, 'E_X', other.value);
  return {
    family: 'valence',
    title: 'Valence: Ca²⁺ and a hypothetical ion',
    statement,
    given: given.list,
    parts: [calciumPart, otherPart],
    hint: 'z divides RT/F: a divalent ion needs only half the potential to balance the same gradient, and a negative z flips the sign.',
    solution: [
      NERNST_FORMULA,
      { kind: 'step', text: `T = ${kelvin(temperature)}` },
      thermalLine(temperature),
      ...calcium.lines,
      resultLine(calciumPart, '(a) '),
      { kind: 'step', text: `(b) Same ratio and logarithm, z = ${valenceText(otherValence)}:` },
      other.lines[2],
      resultLine(otherPart, '(b) '),
    ],
  };
}

interface GhkSet {
  readonly k: { inside: number; outside: number };
  readonly na: { inside: number; outside: number };
  readonly cl: { inside: number; outside: number };
}

function ghkIons(set: GhkSet, pNa: number, pCl: number) {
  return [
    { valence: 1, inside: set.k.inside, outside: set.k.outside, permeability: 1 },
    { valence: 1, inside: set.na.inside, outside: set.na.outside, permeability: pNa },
    { valence: -1, inside: set.cl.inside, outside: set.cl.outside, permeability: pCl },
  ];
}

/** The GHK steps with relative permeabilities (P_K = 1), ending with the library's ghkPotential. */
function ghkSteps(set: GhkSet, pNa: number, pCl: number, temperature: number, symbol: string): { lines: SolutionLine[]; value: number } {
  const value = ghkPotential(ghkIons(set, pNa, pCl), temperature);
  const numerator = set.k.outside + pNa * set.na.outside + pCl * set.cl.inside;
  const denominator = set.k.inside + pNa * set.na.inside + pCl * set.cl.outside;
  const n = (x: number) => formatNumber(x, 4);
  return {
    value,
    lines: [
      { kind: 'step', text: `numerator = 1 × ${n(set.k.outside)} + ${n(pNa)} × ${n(set.na.outside)} + ${n(pCl)} × ${n(set.cl.inside)} = ${n(numerator)} mM` },
      { kind: 'step', text: `denominator = 1 × ${n(set.k.inside)} + ${n(pNa)} × ${n(set.na.inside)} + ${n(pCl)} × ${n(set.cl.outside)} = ${n(denominator)} mM` },
      { kind: 'step', text: `ln(${n(numerator)} / ${n(denominator)}) = ln(${n(numerator / denominator)}) = ${n(Math.log(numerator / denominator))}` },
      { kind: 'step', text: `${symbol} = ${mv(thermalVoltage(temperature), 4)} × ${factor(n(Math.log(numerator / denominator)))} = ${mv(value, 4)}` },
    ],
  };
}

function ghkProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(['squid-giant-axon', 'mammalian-neuron']));
  const squid = preset.id === 'squid-giant-axon';
  const set: GhkSet = {
    k: concentrations(draw, presetIon(preset, 'K')),
    na: concentrations(draw, presetIon(preset, 'Na')),
    cl: concentrations(draw, presetIon(preset, 'Cl')),
  };
  // Resting ratios: Hodgkin & Katz 1949 for the squid axon (1 : 0.04 : 0.45); a neuron's P_Na/P_K is similar (0.05).
  const restNa = squid ? 0.04 : 0.05;
  const pCl = 0.45;
  const changedNa = draw.pick([0.5, 1, 1, 2, 5, 10, 20]);
  const degrees = squid ? draw.integer(5, 25) : 37;
  const temperature = degrees + ZERO_CELSIUS;
  const given = new Givens();
  const statement =
    `In ${preparation(preset)} at ${given.celsius('temperature', degrees)}: K⁺ ${given.concentration('kInside', set.k.inside)} inside, ` +
    `${given.concentration('kOutside', set.k.outside)} outside; Na⁺ ${given.concentration('naInside', set.na.inside)} inside, ` +
    `${given.concentration('naOutside', set.na.outside)} outside; Cl⁻ ${given.concentration('clInside', set.cl.inside)} inside, ` +
    `${given.concentration('clOutside', set.cl.outside)} outside. At rest P_K : P_Na : P_Cl = 1 : ${given.plain('restNa', restNa)} : ` +
    `${given.plain('pCl', pCl)}. (a) What is the resting potential (Goldman–Hodgkin–Katz)? (b) At the peak of an action ` +
    `potential P_Na rises to ${changedNa === 1 ? 'equal P_K' : `${given.plain('changedNa', changedNa)} × P_K`}` +
    ` (P_K and P_Cl unchanged). What is the membrane potential then?`;
  if (changedNa === 1) given.add('changedNa', 'dimensionless', 1, '1');
  const rest = ghkSteps(set, restNa, pCl, temperature, 'V_rest');
  const changed = ghkSteps(set, changedNa, pCl, temperature, 'V_peak');
  const restPart = voltagePart('rest', '(a) Resting potential V_rest', 'V_rest', rest.value);
  const changedPart = voltagePart('changed', `(b) Potential with P_Na = ${changedNa === 1 ? 'P_K' : `${formatNumber(changedNa)} × P_K`}`, 'V_peak', changed.value);
  return {
    family: 'ghk',
    title: 'Goldman–Hodgkin–Katz with a changed permeability',
    statement,
    given: given.list,
    parts: [restPart, changedPart],
    hint: 'Only the ratios of permeabilities matter; Cl⁻ is an anion, so its inside concentration goes on top.',
    solution: [
      { kind: 'formula', text: 'V = (RT/F) · ln((P_K[K⁺]out + P_Na[Na⁺]out + P_Cl[Cl⁻]in) / (P_K[K⁺]in + P_Na[Na⁺]in + P_Cl[Cl⁻]out))' },
      { kind: 'step', text: `T = ${kelvin(temperature)}` },
      thermalLine(temperature),
      { kind: 'step', text: `(a) P_K : P_Na : P_Cl = 1 : ${formatNumber(restNa)} : ${formatNumber(pCl)}` },
      ...rest.lines,
      resultLine(restPart, '(a) '),
      { kind: 'step', text: `(b) P_K : P_Na : P_Cl = 1 : ${formatNumber(changedNa)} : ${formatNumber(pCl)}` },
      ...changed.lines,
      resultLine(changedPart, '(b) '),
    ],
  };
}

function drivingForceProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(['mammalian-neuron', 'mammalian-skeletal-muscle', 'squid-giant-axon']));
  const degrees = Number((preset.temperature - ZERO_CELSIUS).toFixed(2));
  const temperature = degrees + ZERO_CELSIUS;
  let attempt = 0;
  for (;;) {
    const ion = presetIon(preset, draw.pick(['K', 'Na', 'Cl', 'Ca']));
    const valence = lookupIon(ion.symbol).valence;
    const { inside, outside } = concentrations(draw, ion);
    const voltage = draw.pick([-1, -1, 1]) < 0 ? draw.integer(-90, -40) : draw.integer(10, 40);
    const flow = ionFlow({ valence, inside, outside, voltage, temperature });
    attempt += 1;
    if (Math.abs(flow.drivingForce) < 3 && attempt < 50) continue;
    const label = ionLabel(ion.symbol);
    const given = new Givens();
    const statement =
      `In ${preparation(preset)} at ${given.celsius('temperature', degrees)}, ${label} is ${given.concentration('inside', inside)} ` +
      `inside and ${given.concentration('outside', outside)} outside, and the membrane potential is ` +
      `${given.voltage('voltage', voltage)}${voltage > 0 ? ' (near the peak of an action potential)' : ''}. ` +
      `When ${label} channels open: (a) what is the driving force V_m − E_${ion.symbol}? (b) Which way do the ${label} ions move? ` +
      `(c) Is the ${label} current inward or outward?`;
    given.plain('valence', valence);
    const symbol = `E_${ion.symbol}`;
    const steps = nernstSteps(label, valence, inside, outside, temperature, symbol);
    const force = drivingForce(voltage, steps.value);
    const width = Math.max(0.5, 0.01 * Math.abs(steps.value));
    const forcePart = voltagePart('force', `(a) Driving force V_m − ${symbol}`, `V_m − ${symbol}`, force, {
      relative: 0,
      absolute: Number(width.toPrecision(2)),
      reason: `That is 1 % of ${symbol} or 0.5 mV, whichever is larger: the error of E from rounded constants carries over into V_m − E.`,
    });
    const outward = flow.currentDirection === 'outward';
    const ionPart: ChoicePart = {
      kind: 'choice',
      id: 'ions',
      prompt: `(b) ${label} ions move`,
      options: [
        { value: 'into the cell', label: 'into the cell' },
        { value: 'out of the cell', label: 'out of the cell' },
      ],
      answer: flow.ionDirection,
      explanation: `V_m − ${symbol} is ${formatSigned(force, 'mV')}: a ${outward ? 'positive' : 'negative'} driving force pushes positive charge ${outward ? 'out' : 'in'}, so ${valence > 0 ? 'cations' : 'anions'} move ${flow.ionDirection}.`,
    };
    const currentPart: ChoicePart = {
      kind: 'choice',
      id: 'current',
      prompt: `(c) The ${label} current is`,
      options: [
        { value: 'inward', label: 'inward (positive charge entering)' },
        { value: 'outward', label: 'outward (positive charge leaving)' },
      ],
      answer: flow.currentDirection,
      explanation: `I = g (V_m − E) has the sign of the driving force, ${formatSigned(force, 'mV')}: ${outward ? 'outward' : 'inward'}${valence < 0 ? ` (an anion moving ${flow.ionDirection} is an ${outward ? 'outward' : 'inward'} current)` : ''}.`,
    };
    return {
      family: 'driving-force',
      title: `Driving force and direction (${label})`,
      statement,
      given: given.list,
      parts: [forcePart, ionPart, currentPart],
      hint: 'First the Nernst potential; then V_m − E. A positive driving force is an outward current: cations leave, anions enter.',
      solution: [
        NERNST_FORMULA,
        { kind: 'step', text: `T = ${kelvin(temperature)}` },
        thermalLine(temperature),
        ...steps.lines,
        { kind: 'formula', text: 'driving force = V_m − E; I = g (V_m − E) is outward (positive) when V_m > E' },
        { kind: 'step', text: `V_m − ${symbol} = ${mv(voltage)} − (${mv(steps.value, 4)})` },
        resultLine(forcePart, '(a) '),
        { kind: 'step', text: `(b) ${label} ions move ${flow.ionDirection}; (c) the current is ${flow.currentDirection}.` },
      ],
    };
  }
}

function ionFreeEnergyProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(ALL_PREPARATIONS));
  const degrees = Number((preset.temperature - ZERO_CELSIUS).toFixed(2));
  const temperature = degrees + ZERO_CELSIUS;
  for (let attempt = 0; ; attempt++) {
    const ion = presetIon(preset, draw.pick(['Na', 'K', 'Ca', 'Cl'].filter((symbol) => preset.ions.some((candidate) => candidate.symbol === symbol))));
    const valence = lookupIon(ion.symbol).valence;
    const { inside, outside } = concentrations(draw, ion);
    const voltage = draw.integer(-90, -50);
    const entering = draw.pick([true, false]);
    const energy = entering
      ? ionEntryFreeEnergy({ valence, inside, outside, voltage, temperature })
      : transferFreeEnergy({ valence, fromConcentration: inside, toConcentration: outside, fromVoltage: voltage, toVoltage: 0, temperature });
    if (Math.abs(energy.kilojoulesPerMole) < 0.3 && attempt < 50) continue;
    const label = ionLabel(ion.symbol);
    const given = new Givens();
    const statement =
      `${capitalised(preparation(preset))} at ${given.celsius('temperature', degrees)} rests at ${given.voltage('voltage', voltage)}, ` +
      `with ${label} ${given.concentration('inside', inside)} inside and ${given.concentration('outside', outside)} outside. ` +
      `(a) What is the free energy change ΔG of moving one mole of ${label} ${entering ? 'into' : 'out of'} the cell? ` +
      `(b) Can it happen passively (through an open channel, without another energy source)?`;
    given.plain('valence', valence);
    given.add('entering', 'dimensionless', entering ? 1 : 0, entering ? 'into' : 'out of');
    const [from, to, fromV, toV] = entering ? [outside, inside, 0, voltage] : [inside, outside, voltage, 0];
    const chemical = GAS_CONSTANT * temperature * Math.log(to / from);
    const electrical = valence * FARADAY * ((toV - fromV) / 1000);
    const part: NumericPart = {
      kind: 'number',
      id: 'energy',
      prompt: `(a) ΔG of moving ${label} ${entering ? 'in' : 'out'}`,
      symbol: 'ΔG',
      answerKind: 'energy',
      unit: 'kJ/mol',
      answer: energy.kilojoulesPerMole,
      digits: 3,
      tolerance: ENERGY_TOLERANCE,
    };
    const choice: ChoicePart = {
      kind: 'choice',
      id: 'passive',
      prompt: '(b) Passively?',
      options: [
        { value: 'yes', label: 'yes: ΔG < 0, it runs downhill' },
        { value: 'no', label: 'no: ΔG > 0, it needs energy' },
      ],
      answer: energy.spontaneous ? 'yes' : 'no',
      explanation: `ΔG is ${kj(energy.joulesPerMole)}: ${energy.spontaneous ? 'negative, so the move runs by itself' : 'positive, so it must be driven (by a pump or a co-transporter)'}.`,
    };
    return {
      family: 'ion-free-energy',
      title: `Free energy of moving ${label}`,
      statement,
      given: given.list,
      parts: [part, choice],
      hint: 'Add a chemical term (RT ln of the concentration ratio, destination over origin) and an electrical term (zF times the voltage change, in volts).',
      solution: [
        { kind: 'formula', text: 'ΔG = RT · ln([ion]to / [ion]from) + zF · (V_to − V_from)' },
        { kind: 'step', text: `From ${entering ? 'outside (0 mV)' : `inside (${mv(voltage)})`} to ${entering ? `inside (${mv(voltage)})` : 'outside (0 mV)'}, T = ${kelvin(temperature)}` },
        { kind: 'step', text: `RT = ${R_TEXT} × ${kelvin(temperature)} = ${kj(GAS_CONSTANT * temperature, 4)}` },
        { kind: 'step', text: `chemical: RT · ln(${mM(to)} / ${mM(from)}) = ${kj(GAS_CONSTANT * temperature, 4)} × ${factor(formatNumber(Math.log(to / from), 4))} = ${kj(chemical, 4)}` },
        { kind: 'step', text: `electrical: zF · ΔV = ${valenceText(valence)} × ${formatNumber(FARADAY, 6)} C/mol × ${factor(formatQuantity((toV - fromV) / 1000, 'V', 3))} = ${kj(electrical, 4)}` },
        { kind: 'step', text: `ΔG = ${kj(chemical, 4)} + (${kj(electrical, 4)}); ${energy.spontaneous ? 'negative: it runs passively' : 'positive: it needs energy'}` },
        resultLine(part, '(a) '),
      ],
    };
  }
}

function pumpCycleProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(MAMMALIAN));
  const degrees = Number((preset.temperature - ZERO_CELSIUS).toFixed(2));
  const temperature = degrees + ZERO_CELSIUS;
  const sodium = concentrations(draw, presetIon(preset, 'Na'));
  const potassium = concentrations(draw, presetIon(preset, 'K'));
  const voltage = draw.integer(-95, -50);
  const atpKilojoules = -draw.pick([45, 48, 50, 50, 52, 55, 57, 60]);
  const atp = atpKilojoules * 1000;
  const given = new Givens();
  const statement =
    `${capitalised(preparation(preset))} at ${given.celsius('temperature', degrees)} rests at ${given.voltage('voltage', voltage)}, with ` +
    `Na⁺ ${given.concentration('sodiumInside', sodium.inside)} inside and ${given.concentration('sodiumOutside', sodium.outside)} outside, ` +
    `K⁺ ${given.concentration('potassiumInside', potassium.inside)} inside and ${given.concentration('potassiumOutside', potassium.outside)} outside. ` +
    `One cycle of the Na⁺/K⁺ pump moves 3 Na⁺ out and 2 K⁺ in and hydrolyses one ATP; in this cell ` +
    `ΔG_ATP = ${given.add('atp', 'energy', atp, kj(atp))}. (a) How much free energy does the transport of one cycle ` +
    `need (per mole of cycles)? (b) Is one ATP enough?`;
  const cycle = pumpCycleFreeEnergy({
    sodiumInside: sodium.inside,
    sodiumOutside: sodium.outside,
    potassiumInside: potassium.inside,
    potassiumOutside: potassium.outside,
    voltage,
    temperature,
    atpFreeEnergy: atp,
  });
  const rt = GAS_CONSTANT * temperature;
  const fv = FARADAY * (voltage / 1000);
  const oneSodium = cycle.sodiumJoulesPerMole / 3;
  const onePotassium = cycle.potassiumJoulesPerMole / 2;
  const part: NumericPart = {
    kind: 'number',
    id: 'required',
    prompt: '(a) Free energy needed per cycle',
    symbol: 'ΔG_transport',
    answerKind: 'energy',
    unit: 'kJ/mol',
    answer: cycle.requiredJoulesPerMole / 1000,
    digits: 3,
    tolerance: CYCLE_TOLERANCE,
  };
  const choice: ChoicePart = {
    kind: 'choice',
    id: 'enough',
    prompt: '(b) Is one ATP enough?',
    options: [
      { value: 'yes', label: 'yes' },
      { value: 'no', label: 'no' },
    ],
    answer: cycle.atpSuffices ? 'yes' : 'no',
    explanation: `the transport needs ${kj(cycle.requiredJoulesPerMole)} and one ATP gives ${kj(cycle.availableJoulesPerMole)}: ${cycle.atpSuffices ? 'enough' : 'not enough'}.`,
  };
  return {
    family: 'pump-cycle',
    title: 'One pump cycle against ATP',
    statement,
    given: given.list,
    parts: [part, choice],
    hint: 'Each Na⁺ goes uphill chemically and electrically (out, against V_m < 0); each K⁺ goes up its concentration gradient but is helped by the voltage.',
    solution: [
      { kind: 'formula', text: 'ΔG = 3 [RT · ln([Na⁺]out / [Na⁺]in) − F V_m] + 2 [RT · ln([K⁺]in / [K⁺]out) + F V_m]' },
      { kind: 'step', text: `RT = ${kj(rt, 4)} at ${kelvin(temperature)}; F V_m = ${formatNumber(FARADAY, 6)} C/mol × ${factor(formatQuantity(voltage / 1000, 'V', 3))} = ${kj(fv, 4)}` },
      { kind: 'step', text: `one Na⁺ out: ${kj(rt, 4)} × ln(${mM(sodium.outside)} / ${mM(sodium.inside)}) − (${kj(fv, 4)}) = ${kj(oneSodium, 4)}; × 3 = ${kj(cycle.sodiumJoulesPerMole, 4)}` },
      { kind: 'step', text: `one K⁺ in: ${kj(rt, 4)} × ln(${mM(potassium.inside)} / ${mM(potassium.outside)}) + (${kj(fv, 4)}) = ${kj(onePotassium, 4)}; × 2 = ${kj(cycle.potassiumJoulesPerMole, 4)}` },
      { kind: 'step', text: `needed = ${kj(cycle.sodiumJoulesPerMole, 4)} + ${kj(cycle.potassiumJoulesPerMole, 4)}; ATP gives ${kj(cycle.availableJoulesPerMole)}, a margin of ${kj(cycle.marginJoulesPerMole)} (${cycle.atpSuffices ? 'enough' : 'not enough'})` },
      resultLine(part, '(a) '),
    ],
  };
}

function membraneChargeProblem(draw: Draw): Omit<Problem, 'id'> {
  const diameter = draw.pick([8, 10, 12, 15, 20, 25, 30, 40, 50]);
  const voltage = draw.integer(-90, -50);
  const capacitance = draw.pick([1, 1, 0.9]);
  const potassium = draw.around(presetIon(findPreset('mammalian-neuron'), 'K').inside, 1.15, 2);
  const given = new Givens();
  const statement =
    `A spherical cell ${given.add('diameter', 'length', diameter, `${formatNumber(diameter)} µm`)} in diameter, with a membrane ` +
    `capacitance of ${given.add('capacitance', 'specificCapacitance', capacitance, `${formatNumber(capacitance)} µF/cm²`)}, rests at ` +
    `${given.voltage('voltage', voltage)} and holds ${given.concentration('potassium', potassium)} K⁺. (a) How many monovalent ions ` +
    `(net charge) must cross the membrane to charge it to that potential? (b) What fraction of the cell’s K⁺ ions is that?`;
  const geometry = sphereGeometry(diameter);
  const charge = chargeSeparation({ voltage, area: geometry.area, capacitance, volume: geometry.volume, concentration: potassium });
  const fraction = charge.fraction ?? Number.NaN;
  const cellIons = potassium * geometry.volume * 1e-18 * AVOGADRO;
  const ionsPart: NumericPart = { kind: 'number', id: 'ions', prompt: '(a) Number of ions', symbol: 'N', answerKind: 'count', unit: '', answer: charge.ions, digits: 3, tolerance: COUNT_TOLERANCE };
  const fractionPart: NumericPart = { kind: 'number', id: 'fraction', prompt: '(b) Fraction of the cell’s K⁺', symbol: 'fraction', answerKind: 'fraction', unit: '', answer: fraction, digits: 3, tolerance: COUNT_TOLERANCE };
  const area_cm2 = geometry.area * 1e-8;
  return {
    family: 'membrane-charge',
    title: 'Ions that charge the membrane',
    statement,
    given: given.list,
    parts: [ionsPart, fractionPart],
    hint: 'Q = C V with C = c_m × area (1 µF/cm² = 10⁻⁶ F/cm², 1 µm² = 10⁻⁸ cm²); divide by e for the ions; the cell holds c × volume × N_A ions.',
    solution: [
      { kind: 'formula', text: 'Q = c_m · A · V;  N = |Q| / e;  fraction = N / ([K⁺] · volume · N_A)' },
      { kind: 'step', text: `A = π d² = π × (${formatNumber(diameter)} µm)² = ${formatQuantity(geometry.area, 'µm²', 4)} = ${formatQuantity(area_cm2, 'cm²', 4)}` },
      { kind: 'step', text: `C = ${formatNumber(capacitance)} µF/cm² × ${formatQuantity(area_cm2, 'cm²', 4)} = ${formatQuantity(charge.totalCapacitance, 'pF', 4)}` },
      { kind: 'step', text: `Q = ${formatQuantity(charge.totalCapacitance * 1e-12, 'F', 4)} × ${factor(formatQuantity(voltage / 1000, 'V', 3))} = ${formatQuantity(charge.chargeCoulombs, 'C', 4)}` },
      { kind: 'step', text: `N = ${formatQuantity(Math.abs(charge.chargeCoulombs), 'C', 4)} / ${formatQuantity(ELEMENTARY_CHARGE, 'C', 5)} = ${formatNumber(charge.ions, 4)} ions` },
      resultLine(ionsPart, '(a) '),
      { kind: 'step', text: `volume = π d³ / 6 = ${formatQuantity(geometry.volume, 'µm³', 4)} = ${formatQuantity(geometry.volume * 1e-15, 'L', 4)}` },
      { kind: 'step', text: `K⁺ ions in the cell = ${formatQuantity(potassium / 1000, 'mol/L', 3)} × ${formatQuantity(geometry.volume * 1e-15, 'L', 4)} × ${formatNumber(AVOGADRO, 6)} /mol = ${formatNumber(cellIons, 4)}` },
      { kind: 'step', text: `fraction = ${formatNumber(charge.ions, 4)} / ${formatNumber(cellIons, 4)} (about 1 in ${formatNumber(1 / fraction, 2)})` },
      resultLine(fractionPart, '(b) '),
    ],
  };
}

/** Mullins–Noda coupling ratio of the Na⁺/K⁺-ATPase: 3 Na⁺ out per 2 K⁺ in (Post & Jolly 1957). */
const PUMP_COUPLING_RATIO = 1.5;

function pumpShareProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(MAMMALIAN));
  const degrees = Number((preset.temperature - ZERO_CELSIUS).toFixed(2));
  const temperature = degrees + ZERO_CELSIUS;
  const potassium = concentrations(draw, presetIon(preset, 'K'));
  const sodium = concentrations(draw, presetIon(preset, 'Na'));
  const ratio = draw.pick([0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08]);
  const given = new Givens();
  const statement =
    `${capitalised(preparation(preset))} at ${given.celsius('temperature', degrees)} has K⁺ ${given.concentration('kInside', potassium.inside)} inside and ` +
    `${given.concentration('kOutside', potassium.outside)} outside, Na⁺ ${given.concentration('naInside', sodium.inside)} inside and ` +
    `${given.concentration('naOutside', sodium.outside)} outside, and P_Na / P_K = ${given.plain('ratio', ratio)}; Cl⁻ is at equilibrium. ` +
    `The Na⁺/K⁺ pump runs at steady state, moving 3 Na⁺ out for every 2 K⁺ in (coupling ratio r = 3/2). ` +
    `(a) What is the resting potential, by the Mullins–Noda equation? (b) What share of it (per cent) is due to ` +
    `the pump being electrogenic, i.e. the difference from the same equation with r = 1?`;
  given.plain('couplingRatio', PUMP_COUPLING_RATIO);
  const ions = (r: number) => ({
    couplingRatio: r,
    potassium: { inside: potassium.inside, outside: potassium.outside, permeability: 1 },
    sodium: { inside: sodium.inside, outside: sodium.outside, permeability: ratio },
    temperature,
  });
  const withPump = mullinsNodaPotential(ions(PUMP_COUPLING_RATIO));
  const neutral = mullinsNodaPotential(ions(1));
  const share = ((withPump - neutral) / withPump) * 100;
  const restPart = voltagePart('rest', '(a) Resting potential with the pump (r = 3/2)', 'V_m', withPump);
  const sharePart: NumericPart = {
    kind: 'number',
    id: 'share',
    prompt: '(b) The electrogenic pump’s share',
    symbol: 'share',
    answerKind: 'percent',
    unit: '%',
    answer: share,
    digits: 3,
    tolerance: SHARE_TOLERANCE,
  };
  const n = (x: number) => formatNumber(x, 4);
  const steps = (r: number, value: number, symbol: string): SolutionLine[] => {
    const top = r * potassium.outside + ratio * sodium.outside;
    const bottom = r * potassium.inside + ratio * sodium.inside;
    return [
      { kind: 'step', text: `r = ${n(r)}: (${n(r)} × ${n(potassium.outside)} + ${n(ratio)} × ${n(sodium.outside)}) / (${n(r)} × ${n(potassium.inside)} + ${n(ratio)} × ${n(sodium.inside)}) = ${n(top)} / ${n(bottom)} = ${n(top / bottom)}` },
      { kind: 'step', text: `${symbol} = ${mv(thermalVoltage(temperature), 4)} × ln(${n(top / bottom)}) = ${mv(thermalVoltage(temperature), 4)} × ${factor(n(Math.log(top / bottom)))} = ${mv(value, 4)}` },
    ];
  };
  return {
    family: 'pump-share',
    title: 'The electrogenic pump’s share of the resting potential',
    statement,
    given: given.list,
    parts: [restPart, sharePart],
    hint: 'The pump’s extra outward current counts like extra K⁺ permeability: r multiplies the K⁺ terms. Compare r = 3/2 with r = 1.',
    solution: [
      { kind: 'formula', text: 'V_m = (RT/F) · ln((r P_K[K⁺]out + P_Na[Na⁺]out) / (r P_K[K⁺]in + P_Na[Na⁺]in))   (Mullins & Noda 1963)' },
      thermalLine(temperature),
      ...steps(PUMP_COUPLING_RATIO, withPump, 'V_m'),
      resultLine(restPart, '(a) '),
      ...steps(1, neutral, 'V (r = 1)'),
      { kind: 'step', text: `pump’s part = ${mv(withPump, 4)} − (${mv(neutral, 4)}) = ${mv(withPump - neutral, 3)}; share = ${mv(withPump - neutral, 4)} / ${mv(withPump, 4)} × 100` },
      resultLine(sharePart, '(b) '),
    ],
  };
}

const GENERATORS: Record<FamilyId, (draw: Draw) => Omit<Problem, 'id'>> = {
  nernst: nernstProblem,
  cooling: coolingProblem,
  valence: valenceProblem,
  ghk: ghkProblem,
  'driving-force': drivingForceProblem,
  'ion-free-energy': ionFreeEnergyProblem,
  'pump-cycle': pumpCycleProblem,
  'membrane-charge': membraneChargeProblem,
  'pump-share': pumpShareProblem,
};

/** One problem of a family, drawn from problem `index`'s own stream of set `seed`. */
export function generateProblem(family: FamilyId, seed: number, index: number): Problem {
  const problem = GENERATORS[family](new Draw(streamFor(seed, index)));
  return { id: `${index + 1}-${family}`, ...problem };
}

/** A problem set: one problem of each family, in FAMILIES order, reproducible from its seed. */
export function generateProblemSet(seed: number): Problem[] {
  return FAMILIES.map((family, index) => generateProblem(family, seed, index));
}

