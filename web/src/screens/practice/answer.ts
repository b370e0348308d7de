/**
 * Reading and checking a student's answer to a practice problem. Pure TS, no DOM.
 *
 * A numeric answer may be written as a person writes it: "−70", "-70", "−70 mV", "-0.07 V", "-7e1",
 * "5.49 × 10⁶", "5.49x10^6", "E = −70 mV", "12 %". Units are read by the library's parseQuantity (src/units), so
 * "-0.07 V" counts as −70 mV and "-12000 J/mol" as −12 kJ/mol; a bare number is taken in the unit the question asks
 * for. An answer counts when it lies within the part's tolerance of the library's value: within
 * max(relative × |answer|, absolute), both stated to the student with the reason for them.
 */
import { parseQuantity, type QuantityKind } from '../../../../src/units/index.js';
import { formatNumber, formatQuantity } from '../../common/format.js';

/**
 * How close an answer must be. Width = max(relative × |answer|, absolute), in the part's unit. `reason` says why
 * (rounded constants, tables, intermediate rounding) and is shown with the problem.
 */
export interface Tolerance {
  /** Fraction of the answer's size (0.01 = 1 %); 0 for a purely absolute tolerance. */
  readonly relative: number;
  /** In the part's unit; 0 for a purely relative tolerance. */
  readonly absolute: number;
  readonly reason: string;
}

/**
 * How an answer's number is read: a physical quantity in the library's units (`voltage`, answered in mV;
 * `energy`, answered in kJ/mol), a `count` (a plain number, "ions" allowed after it), a `fraction` (a plain
 * number, or a percentage written with %), or a `percent` (a number of per cent, with or without %).
 */
export type AnswerKind = Extract<QuantityKind, 'voltage' | 'energy'> | 'count' | 'fraction' | 'percent';

/** A part of a problem answered with a number. */
export interface NumericPart {
  readonly kind: 'number';
  readonly id: string;
  /** The question, e.g. "E_K (mV)". */
  readonly prompt: string;
  /** The quantity's symbol in the worked solution, e.g. "E_K". */
  readonly symbol: string;
  readonly answerKind: AnswerKind;
  /** Unit the answer is asked in and shown with: "mV", "kJ/mol", "%" or "" (counts and fractions). */
  readonly unit: string;
  /** The library's value, in `unit`. */
  readonly answer: number;
  /** Significant digits of the answer as shown. */
  readonly digits: number;
  readonly tolerance: Tolerance;
}

/** A part of a problem answered by choosing one option (a direction, yes or no). */
export interface ChoicePart {
  readonly kind: 'choice';
  readonly id: string;
  readonly prompt: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** The value of the right option, decided by the library (e.g. ionFlow's direction). */
  readonly answer: string;
  /** Why the right option is right, said after a wrong choice. */
  readonly explanation: string;
}

export type AnswerPart = NumericPart | ChoicePart;

export type ParsedAnswer = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** The outcome of checking one part. `value` and `difference` (value − answer) are in the part's unit. */
export interface Verdict {
  readonly correct: boolean;
  /** False when the answer could not be read (nothing counted against the student). */
  readonly readable: boolean;
  readonly message: string;
  readonly value?: number;
  readonly difference?: number;
}

/** The width of the tolerance band around `answer`, in the answer's unit. */
export function toleranceWidth(tolerance: Tolerance, answer: number): number {
  return Math.max(tolerance.relative * Math.abs(answer), tolerance.absolute);
}

/** "within 1 % or 0.5 mV, whichever is larger" / "within 2 %" / "within 0.3 percentage points". */
export function describeTolerance(part: NumericPart): string {
  const { relative, absolute } = part.tolerance;
  const unit = part.unit === '%' ? 'percentage points' : part.unit;
  const absoluteText = absolute > 0 ? formatQuantity(absolute, unit, 2) : '';
  const relativeText = relative > 0 ? `${formatNumber(relative * 100, 2)} %` : '';
  if (absoluteText && relativeText) return `within ${relativeText} or ${absoluteText}, whichever is larger`;
  return `within ${relativeText || absoluteText}`;
}

/** The answer as shown in the worked solution and in feedback ("−84.5 mV", "5.49 × 10⁶"). */
export function formatAnswer(part: NumericPart, value = part.answer, digits = part.digits): string {
  return formatQuantity(value, part.unit, digits);
}

const SUPERSCRIPT_DIGITS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+' };

/**
 * Rewrites what a person types into plain ASCII number syntax: any minus or dash sign to "-", superscript
 * exponents to "^n", "a × 10^n" (×, x, X, *, ·) and "10^n" to "aen", thin and no-break spaces to spaces,
 * thousands separators removed and a lone decimal comma read as a point; a leading "name =" is dropped.
 */
export function normaliseAnswerText(text: string): string {
  let s = text
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u2009\u202F]/g, ' ')
    .replace(/[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (run) => `^${run.split('').map((c) => SUPERSCRIPT_DIGITS[c] ?? c).join('')}`)
    .trim();
  s = s.replace(/^[A-Za-z_\u0394][\w ()/\u0394]*?=\s*/, '');
  s = s.replace(/^([+-]?\s*)10\s*(?:\^|\*\*)\s*\(?\s*([+-]?\d+)\s*\)?/, (_, sign: string, exponent: string) => `${sign.replace(/\s/g, '')}1e${exponent}`);
  s = s.replace(
    /^([+-]?\s*(?:\d+(?:\.\d*)?|\.\d+))\s*(?:[×xX*·⋅]|\\times)\s*10\s*(?:\^|\*\*)\s*\(?\s*([+-]?\d+)\s*\)?/,
    (_, mantissa: string, exponent: string) => `${mantissa.replace(/\s/g, '')}e${exponent}`,
  );
  s = s.replace(/^([+-]?)\s+(?=[\d.])/, '$1');
  const thousands = /^([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![\d,])/.exec(s);
  if (thousands) s = thousands[1].replace(/,/g, '') + s.slice(thousands[1].length);
  else s = s.replace(/^([+-]?\d+),(\d+)(?![\d,])/, '$1.$2');
  return s;
}

const NUMBER_THEN_REST = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/;

const KIND_WORDS: Record<AnswerKind, string> = {
  voltage: 'a voltage',
  energy: 'a molar energy',
  count: 'a number of ions',
  fraction: 'a fraction',
  percent: 'a percentage',
};

function example(part: NumericPart): string {
  switch (part.answerKind) {
    case 'voltage':
      return '−70, −70 mV or −0.07 V';
    case 'energy':
      return '−12.5, −12.5 kJ/mol or −12500 J/mol';
    case 'count':
      return '5.49 × 10^6, 5.49e6 or 5490000';
    case 'fraction':
      return '1.6e-5, 1.6 × 10^-5 or 0.0016 %';
    case 'percent':
      return '12.5 or 12.5 %';
  }
}

/** Reads a typed answer as a number in the part's unit, or says what it could not read and how to write it. */
export function parseAnswer(text: string, part: NumericPart): ParsedAnswer {
  const fail = (why: string): ParsedAnswer => ({ ok: false, message: `${why} Write ${KIND_WORDS[part.answerKind]}${part.unit && part.unit !== '%' ? ` in ${part.unit}` : ''}, e.g. ${example(part)}.` });
  if (typeof text !== 'string' || text.trim() === '') return fail('There is no answer yet.');
  const normal = normaliseAnswerText(text);
  const match = NUMBER_THEN_REST.exec(normal);
  if (!match) return fail(`“${text.trim()}” does not start with a number.`);
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return fail(`“${text.trim()}” is too large a number.`);
  const unit = match[2].trim();
  switch (part.answerKind) {
    case 'voltage':
    case 'energy': {
      if (unit === '') return { ok: true, value: number };
      try {
        const canonical = parseQuantity(`${match[1]} ${unit}`, part.answerKind, 'answer');
        const perUnit = parseQuantity(`1 ${part.unit}`, part.answerKind, 'unit');
        return { ok: true, value: canonical / perUnit };
      } catch {
        return fail(`“${unit}” is not a unit of ${KIND_WORDS[part.answerKind].replace(/^an? /, '')}.`);
      }
    }
    case 'count':
      if (unit === '' || /^(ions?|charges?|elementary charges?|monovalent ions?)$/i.test(unit)) return { ok: true, value: number };
      return fail(`“${unit}” is not expected after a number of ions.`);
    case 'fraction':
      if (unit === '') return { ok: true, value: number };
      if (unit === '%') return { ok: true, value: number / 100 };
      return fail(`A fraction has no unit (“${unit}”).`);
    case 'percent':
      if (unit === '' || unit === '%') return { ok: true, value: number };
      return fail(`A percentage takes only “%” (“${unit}”).`);
  }
}

/** True when `value` is within the tolerance of `answer`. A rounding slack of 1e-9 of the width is allowed. */
function within(value: number, answer: number, width: number): boolean {
  return Math.abs(value - answer) <= width * (1 + 1e-9);
}

/** Checks a typed numeric answer: right or wrong, how far off, and a hint for the usual slips (sign, ×1000, ×2). */
export function checkNumericAnswer(part: NumericPart, text: string): Verdict {
  const parsed = parseAnswer(text, part);
  if (!parsed.ok) return { correct: false, readable: false, message: parsed.message };
  const value = parsed.value;
  const difference = value - part.answer;
  const width = toleranceWidth(part.tolerance, part.answer);
  const tolerance = describeTolerance(part);
  const given = formatAnswer(part, value, 4);
  if (within(value, part.answer, width)) {
    return {
      correct: true,
      readable: true,
      value,
      difference,
      message: `Right: ${given} is ${tolerance} of the library’s ${formatAnswer(part, part.answer, 4)}.`,
    };
  }
  const unit = part.unit === '%' ? 'percentage points' : part.unit;
  const direction = difference > 0 ? 'too high' : 'too low';
  const relative = part.answer !== 0 ? ` (${formatNumber((Math.abs(difference) / Math.abs(part.answer)) * 100, 2)} % off)` : '';
  const hints: string[] = [];
  if (part.answer !== 0 && within(-value, part.answer, width)) hints.push('The size is right but the sign is not: check which side is which.');
  else if (part.answer !== 0 && value !== 0) {
    if (within(value / 1000, part.answer, width) || within(value * 1000, part.answer, width)) hints.push('It is off by a factor of 1000: check the units.');
    else if (within(value / 2, part.answer, width) || within(value * 2, part.answer, width)) hints.push('It is off by a factor of 2: check the valence z or the number of ions.');
  }
  return {
    correct: false,
    readable: true,
    value,
    difference,
    message: `Not yet: ${given} is ${formatQuantity(Math.abs(difference), unit, 2)} ${direction}${relative}; an answer counts ${tolerance}.${hints.length > 0 ? ` ${hints.join(' ')}` : ''}`,
  };
}

/** Checks a chosen option. */
export function checkChoiceAnswer(part: ChoicePart, chosen: string | undefined): Verdict {
  const option = part.options.find((candidate) => candidate.value === chosen);
  if (option === undefined) return { correct: false, readable: false, message: 'Choose one of the options.' };
  if (option.value === part.answer) return { correct: true, readable: true, message: `Right: ${option.label}.` };
  return { correct: false, readable: true, message: `Not this one: ${part.explanation}` };
}

/** Checks one part with the student's response (the typed text, or the chosen option's value). */
export function checkAnswer(part: AnswerPart, response: string | undefined): Verdict {
  return part.kind === 'number' ? checkNumericAnswer(part, response ?? '') : checkChoiceAnswer(part, response);
}
