/**
 * Writing practice problems: the tolerances (with the reason shown to the student), how numbers, ions and
 * concentrations are written in statements, the numbers a statement gives, and the steps shared by several worked
 * solutions (RT/F, a Nernst potential), each computed by the library.
 */
import {
  lookupIon,
  nernstPotential,
  thermalVoltage,
  type IonPreset,
  type PresetIon,
} from '../../../../src/core/index.js';
import { FARADAY, GAS_CONSTANT, ZERO_CELSIUS, type QuantityKind } from '../../../../src/units/index.js';
import { formatNumber, formatQuantity, formatSigned } from '../../common/format.js';
import { formatAnswer, type NumericPart, type Tolerance } from './answer.js';
import { Draw, roundSignificant } from './random.js';
import type { Given, SolutionLine } from './problem-types.js';

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

export const ION_LABELS: Record<string, string> = { K: 'K⁺', Na: 'Na⁺', Cl: 'Cl⁻', Ca: 'Ca²⁺', Mg: 'Mg²⁺', H: 'H⁺', HCO3: 'HCO₃⁻' };
export const SUPERSCRIPT_CHARGE: Record<number, string> = { 1: '⁺', 2: '²⁺', [-1]: '⁻', [-2]: '²⁻' };

export function ionLabel(symbol: string): string {
  return ION_LABELS[symbol] ?? `${symbol}${SUPERSCRIPT_CHARGE[lookupIon(symbol).valence] ?? ''}`;
}

/** A potential: "−84.5 mV". */
export const mv = (value: number, digits = 3): string => formatQuantity(value, 'mV', digits);
/** A concentration in the unit a person would use: mM down to 0.1 mM, then µM, then nM. */
export function concentrationText(millimolar: number): string {
  if (millimolar >= 0.1) return formatQuantity(millimolar, 'mM');
  if (millimolar >= 1e-4) return formatQuantity(millimolar * 1e3, 'µM');
  return formatQuantity(millimolar * 1e6, 'nM');
}
/** A concentration in mM for a ratio, whatever unit the statement used. */
export const mM = (millimolar: number): string => formatQuantity(millimolar, 'mM', 3);
export const kelvin = (temperature: number): string => formatQuantity(temperature, 'K', 5);
export const valenceText = (valence: number): string => formatSigned(valence, '', 1);
export const kj = (joulesPerMole: number, digits = 3): string => formatQuantity(joulesPerMole / 1000, 'kJ/mol', digits);
export const R_TEXT = `${formatNumber(GAS_CONSTANT, 5)} J/(mol·K)`;
export const F_TEXT = `${formatNumber(FARADAY, 6)} C/mol`;
/** A factor in a product, in parentheses when negative: "× (−2.97)". */
export const factor = (text: string): string => (text.startsWith('\u2212') ? `(${text})` : text);

/** How a preparation is named in a statement. */
export const PREPARATION: Record<string, string> = {
  'mammalian-neuron': 'a mammalian neuron',
  'squid-giant-axon': 'a squid giant axon',
  'mammalian-skeletal-muscle': 'a mammalian skeletal muscle fibre',
  'cardiac-ventricular-myocyte': 'a guinea-pig ventricular muscle cell',
};
export const preparation = (preset: IonPreset): string => PREPARATION[preset.id] ?? preset.name.toLowerCase();
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Collects the numbers given in a statement. */
export class Givens {
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

export function voltagePart(id: string, prompt: string, symbol: string, answer: number, tolerance: Tolerance = POTENTIAL_TOLERANCE): NumericPart {
  return { kind: 'number', id, prompt, symbol, answerKind: 'voltage', unit: 'mV', answer, digits: 3, tolerance };
}

export function resultLine(part: NumericPart, prefix = ''): SolutionLine {
  return { kind: 'result', part: part.id, text: `${prefix}${part.symbol} = ${formatAnswer(part)}` };
}

/** The thermal voltage line: RT/F at T, from the library's thermalVoltage. */
export function thermalLine(temperature: number): SolutionLine {
  return { kind: 'step', text: `RT/F = ${R_TEXT} × ${kelvin(temperature)} / ${F_TEXT} = ${mv(thermalVoltage(temperature), 4)}` };
}

/** The steps of one Nernst potential (ratio, ln, result), ending with the library's nernstPotential. */
export function nernstSteps(label: string, valence: number, inside: number, outside: number, temperature: number, symbol: string): { lines: SolutionLine[]; value: number } {
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

export const NERNST_FORMULA: SolutionLine = { kind: 'formula', text: 'E = (RT / zF) · ln([ion]out / [ion]in)' };

export function presetIon(preset: IonPreset, symbol: string): PresetIon {
  const ion = preset.ions.find((candidate) => candidate.symbol === symbol);
  if (ion === undefined) throw new Error(`preset ${preset.id} has no ${symbol}`);
  return ion;
}

/** Inside and outside concentrations near a preset's (±25 %, 2 significant digits), never equal. */
export function concentrations(draw: Draw, ion: PresetIon): { inside: number; outside: number } {
  const inside = draw.around(ion.inside, 1.25, 2);
  let outside = draw.around(ion.outside, 1.25, 2);
  if (outside === inside) outside = roundSignificant(outside * 1.2, 2);
  return { inside, outside };
}

/** A preparation's temperature for a problem: whole °C, 0–25 for the squid axon, otherwise 0–40 or body heat. */
export function temperatureFor(draw: Draw, preset: IonPreset, any = false): number {
  if (preset.id === 'squid-giant-axon') return draw.integer(0, 25);
  return any ? draw.integer(0, 40) : 37;
}

export const MAMMALIAN = ['mammalian-neuron', 'mammalian-skeletal-muscle', 'cardiac-ventricular-myocyte'];
export const ALL_PREPARATIONS = [...MAMMALIAN, 'squid-giant-axon'];

