/**
 * Parsing and formatting of physical quantities at the boundary ("140 mM", "37 degC", "-0.07 V").
 * Each value is converted once into the canonical unit of its kind (see kinds.ts); inside the library
 * every quantity is a plain number in that unit.
 *
 * Unit symbols and SI prefixes follow the SI Brochure, 9th ed. (BIPM 2019), sections 3 and 4:
 * symbols are case-sensitive (`mM` millimolar vs `MM`; `S` siemens vs `s` second; `uS` microsiemens vs
 * `us` microsecond). `u`, `µ` (U+00B5) and `μ` (U+03BC) all mean micro; `Ω` and `ohm` both mean ohm.
 */
import { describeValue, InputError } from './errors.js';
import {
  CANONICAL_UNITS,
  QUANTITY_EXAMPLES,
  QUANTITY_KIND_NAMES,
  QUANTITY_KINDS,
  type QuantityKind,
} from './kinds.js';
import { ZERO_CELSIUS } from './constants.js';

/** How one unit converts to the canonical unit of its kind: canonical = value * multiplier / divisor + offset. */
interface Conversion {
  readonly multiplier: number;
  readonly divisor: number;
  readonly offset: number;
}

const PREFIXES: Readonly<Record<string, number>> = {
  T: 1e12, G: 1e9, M: 1e6, k: 1e3, '': 1, c: 1e-2, m: 1e-3, u: 1e-6, n: 1e-9, p: 1e-12, f: 1e-15,
};

function prefixed(symbol: string, prefixes: string): [string, number][] {
  return [...prefixes === '' ? [''] : prefixes.split(',')].map((p) => [p + symbol, PREFIXES[p]]);
}

const LENGTHS: [string, number][] = prefixed('m', ',c,m,u,n');
const AREAS: [string, number][] = LENGTHS.map(([s, f]) => [s + '2', f * f]);
const VOLUMES: [string, number][] = [
  ...LENGTHS.map(([s, f]): [string, number] => [s + '3', f * f * f]),
  ...prefixed('L', ',m,u,n,p,f').map(([s, f]): [string, number] => [s, f * 1e-3]),
  ...prefixed('l', ',m,u,n,p,f').map(([s, f]): [string, number] => [s, f * 1e-3]),
];
const TIMES: [string, number][] = [...prefixed('s', ',m,u,n'), ['min', 60], ['h', 3600]];

function combine(top: [string, number][], bottom: [string, number][]): [string, number][] {
  const out: [string, number][] = [];
  for (const [t, tf] of top) for (const [b, bf] of bottom) out.push([`${t}/${b}`, tf / bf]);
  return out;
}

function product(left: [string, number][], right: [string, number][]): [string, number][] {
  const out: [string, number][] = [];
  for (const [l, lf] of left) for (const [r, rf] of right) out.push([`${l}*${r}`, lf * rf]);
  return out;
}

/** Units of each kind with their SI factor, and the SI factor of the canonical unit. */
const UNIT_TABLE: Record<Exclude<QuantityKind, 'temperature' | 'dimensionless'>, { canonical: number; units: [string, number][] }> = {
  // SI: mol/m3, which is exactly mM.
  concentration: {
    canonical: 1,
    units: [
      ...prefixed('M', ',m,u,n,p').map(([s, f]): [string, number] => [s, f * 1e3]),
      ...prefixed('mol', ',m,u,n,p').flatMap(([s, f]): [string, number][] => [
        [`${s}/L`, f * 1e3],
        [`${s}/l`, f * 1e3],
        [`${s}/dm3`, f * 1e3],
        [`${s}/m3`, f],
      ]),
    ],
  },
  voltage: { canonical: 1e-3, units: prefixed('V', 'k,,m,u,n') },
  time: { canonical: 1e-3, units: TIMES },
  length: { canonical: 1e-6, units: [...LENGTHS, ['micron', 1e-6]] },
  area: { canonical: 1e-12, units: AREAS },
  volume: { canonical: 1e-18, units: VOLUMES },
  specificCapacitance: { canonical: 1e-2, units: combine(prefixed('F', ',m,u,n,p,f'), AREAS) },
  capacitance: { canonical: 1e-12, units: prefixed('F', ',m,u,n,p,f') },
  current: { canonical: 1e-9, units: prefixed('A', ',m,u,n,p,f') },
  currentDensity: { canonical: 10, units: combine(prefixed('A', ',m,u,n,p,f'), AREAS) },
  conductance: { canonical: 1e-6, units: prefixed('S', ',m,u,n,p') },
  specificConductance: { canonical: 1e4, units: combine(prefixed('S', ',m,u,n,p'), AREAS) },
  resistivity: { canonical: 1e-2, units: product(prefixed('Ohm', ',k,M'), LENGTHS) },
  resistance: { canonical: 1e6, units: prefixed('Ohm', ',k,M,G,T') },
  frequency: {
    canonical: 1,
    units: [...prefixed('Hz', ',k,M,m'), ...TIMES.map(([s, f]): [string, number] => [`1/${s}`, 1 / f])],
  },
  permeability: { canonical: 1e-2, units: combine(LENGTHS, TIMES) },
  energy: {
    canonical: 1,
    // Thermochemical calorie: 1 cal = 4.184 J exactly (NIST SP 811, B.8).
    units: [...combine(prefixed('J', ',k'), [['mol', 1]]), ['cal/mol', 4.184], ['kcal/mol', 4184]],
  },
};

/** The unit names shown in error messages, one curated line per kind. */
const ACCEPTED_UNITS_TEXT: Readonly<Record<QuantityKind, string>> = {
  concentration: 'M, mM, uM, nM, pM, mol/L, mmol/L, umol/L, mol/m3',
  temperature: 'K, degC (also C, °C)',
  voltage: 'V, mV, uV',
  time: 's, ms, us, ns, min, h',
  length: 'm, cm, mm, um, nm',
  area: 'm2, cm2, mm2, um2, nm2',
  volume: 'm3, cm3, um3, L, mL, uL, nL, pL, fL',
  specificCapacitance: 'uF/cm2, F/m2, pF/um2, fF/um2 (also written uF/cm^2, uF cm-2)',
  capacitance: 'F, uF, nF, pF, fF',
  current: 'A, mA, uA, nA, pA, fA',
  currentDensity: 'mA/cm2, uA/cm2, A/m2, pA/um2',
  conductance: 'S, mS, uS, nS, pS',
  specificConductance: 'S/cm2, mS/cm2, S/m2, pS/um2',
  resistivity: 'ohm*cm, ohm cm, Ω·cm, ohm*m, kohm*cm',
  resistance: 'ohm, kOhm, MOhm, GOhm (also Ω, kΩ, MΩ)',
  frequency: 'Hz, kHz, 1/s, 1/ms',
  permeability: 'cm/s, m/s, um/s, nm/s',
  energy: 'J/mol, kJ/mol, cal/mol, kcal/mol',
  dimensionless: 'none: a plain number',
};

/**
 * Rewrites a unit written in any accepted spelling into one normal form: micro as `u`, ohm as `Ohm`,
 * degrees Celsius as `degC`, exponents without `^`, factors sorted and joined by `*`, negative exponents
 * moved below one `/` (so `uF cm-2`, `uF/cm^2` and `uF/cm2` all become `uF/cm2`). Returns undefined when the
 * text is not a product of unit symbols with integer exponents.
 */
export function normalizeUnit(text: string): string | undefined {
  const s = text
    .trim()
    .replace(/[\u00B5\u03BC]/g, 'u')
    .replace(/[\u03A9\u2126]/g, 'Ohm')
    .replace(/ohms?/gi, 'Ohm')
    .replace(/\u2103/g, 'degC')
    .replace(/\u00B0\s*C\b/g, 'degC')
    .replace(/\bdeg\s*C\b/gi, 'degC')
    .replace(/^celsius$/i, 'degC')
    .replace(/^kelvin$/i, 'K')
    .replace(/\u00B2/g, '2')
    .replace(/\u00B3/g, '3')
    .replace(/\u00B9/g, '1')
    .replace(/[\u207B\u2212]/g, '-')
    .replace(/\^/g, '')
    .replace(/[\u00B7\u22C5*\u00D7]/g, ' ');
  if (s === '') return '';
  const numerator: string[] = [];
  const denominator: string[] = [];
  const parts = s.split('/');
  for (let i = 0; i < parts.length; i++) {
    const factors = parts[i].trim().split(/\s+/).filter((f) => f !== '');
    if (factors.length === 0 && !(i === 0 && parts.length > 1)) return undefined;
    for (const factor of factors) {
      if (factor === '1' && i === 0) continue;
      const match = /^([A-Za-z]+)(-?\d+)?$/.exec(factor);
      if (!match) return undefined;
      let exponent = match[2] === undefined ? 1 : Number(match[2]);
      if (exponent === 0) return undefined;
      if (i > 0) exponent = -exponent;
      const magnitude = Math.abs(exponent);
      const written = magnitude === 1 ? match[1] : `${match[1]}${magnitude}`;
      (exponent > 0 ? numerator : denominator).push(written);
    }
  }
  numerator.sort();
  denominator.sort();
  const top = numerator.length > 0 ? numerator.join('*') : '1';
  return denominator.length > 0 ? `${top}/${denominator.join('*')}` : top;
}

function exactConversion(scale: number, offset = 0): Conversion {
  // Multiply or divide by an exact integer where possible, so that "100 pA" gives 0.1 rather than 0.1000...02.
  const rounded = Math.round(scale);
  if (scale >= 1 && Math.abs(scale - rounded) <= 1e-9 * scale) return { multiplier: rounded, divisor: 1, offset };
  const inverse = 1 / scale;
  const roundedInverse = Math.round(inverse);
  if (inverse >= 1 && Math.abs(inverse - roundedInverse) <= 1e-9 * inverse) {
    return { multiplier: 1, divisor: roundedInverse, offset };
  }
  return { multiplier: scale, divisor: 1, offset };
}

function buildConversions(): Map<QuantityKind, Map<string, Conversion>> {
  const all = new Map<QuantityKind, Map<string, Conversion>>();
  for (const [kind, { canonical, units }] of Object.entries(UNIT_TABLE) as [QuantityKind, { canonical: number; units: [string, number][] }][]) {
    const map = new Map<string, Conversion>();
    for (const [unit, factor] of units) {
      const key = normalizeUnit(unit);
      if (key === undefined) throw new Error(`internal: bad unit table entry ${unit}`);
      map.set(key, exactConversion(factor / canonical));
    }
    all.set(kind, map);
  }
  all.set(
    'temperature',
    new Map<string, Conversion>([
      ['K', { multiplier: 1, divisor: 1, offset: 0 }],
      ['mK', { multiplier: 1, divisor: 1000, offset: 0 }],
      ['degC', { multiplier: 1, divisor: 1, offset: ZERO_CELSIUS }],
      ['C', { multiplier: 1, divisor: 1, offset: ZERO_CELSIUS }],
    ]),
  );
  all.set('dimensionless', new Map<string, Conversion>());
  return all;
}

const CONVERSIONS = buildConversions();

/** The normalized unit keys accepted for a kind (e.g. `mM`, `mol/L`), for help texts and tests. */
export function acceptedUnits(kind: QuantityKind): readonly string[] {
  return [...(CONVERSIONS.get(kind)?.keys() ?? [])];
}

/** The kind whose table holds this normalized unit, if any (used to say "that is a voltage"). */
function kindOfUnit(key: string): QuantityKind | undefined {
  return QUANTITY_KINDS.find((kind) => CONVERSIONS.get(kind)?.has(key));
}

function allowedText(kind: QuantityKind, note?: string): string {
  const base =
    kind === 'dimensionless'
      ? `a plain finite number such as "${QUANTITY_EXAMPLES[kind]}"`
      : `${QUANTITY_KIND_NAMES[kind]} such as "${QUANTITY_EXAMPLES[kind]}" (accepted units: ${ACCEPTED_UNITS_TEXT[kind]}` +
        (kind === 'temperature' ? '' : `; a bare number is taken as ${CANONICAL_UNITS[kind]}`) +
        ')';
  return note === undefined ? base : `${base}; ${note}`;
}

const NUMBER_THEN_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(.*)$/;

/**
 * Parses a quantity written with its unit (or a bare number already in the canonical unit) and returns the
 * value in the canonical unit of `kind` (CANONICAL_UNITS: mM, K, mV, ms, um, ...).
 *
 * Conversion: canonical = value × (SI factor of the unit / SI factor of the canonical unit), plus the offset
 * 273.15 K for degC (SI Brochure, 9th ed., BIPM 2019, tables 2, 7 and 8).
 *
 * A JS number, or a string holding only a number, is taken as already canonical, except for temperature where
 * a bare number is refused (kelvin or degC?). Temperature must come out above 0 K. No other range checks:
 * positivity is the caller's business.
 *
 * @param input  e.g. `"140 mM"`, `"0.14 M"`, `"37 degC"`, `"-0.07 V"`, `"1 uF/cm^2"`, or a number.
 * @param kind   the kind expected.
 * @param field  the name of the field, used in the error.
 * @throws InputError naming `field`, the input and what is allowed: empty, non-numeric, NaN/Infinity,
 *   unknown unit, a unit of another kind, a bare temperature, a temperature at or below 0 K.
 */
export function parseQuantity(input: string | number, kind: QuantityKind, field: string): number {
  const fail = (note?: string): never => {
    throw new InputError(field, describeValue(input), allowedText(kind, note));
  };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) fail('the number must be finite');
    if (kind === 'temperature') fail('a bare number is ambiguous between kelvin and degC: write the unit');
    return input;
  }
  if (typeof input !== 'string') return fail();
  const text = input.trim().replace(/\u2212/g, '-');
  if (text === '') return fail('the text is empty');
  const match = NUMBER_THEN_UNIT.exec(text);
  if (!match) return fail('the text does not start with a number');
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return fail('the number must be finite');
  const unitText = match[2].trim();
  if (unitText === '') {
    if (kind === 'temperature') return fail('a bare number is ambiguous between kelvin and degC: write the unit');
    return value;
  }
  const key = normalizeUnit(unitText);
  const conversion = key === undefined ? undefined : CONVERSIONS.get(kind)?.get(key);
  if (conversion === undefined) {
    const otherKind = key === undefined ? undefined : kindOfUnit(key);
    if (otherKind !== undefined) {
      return fail(`${describeValue(unitText)} is the unit of ${QUANTITY_KIND_NAMES[otherKind]}, not ${QUANTITY_KIND_NAMES[kind]}`);
    }
    return fail(`${describeValue(unitText)} is not a known unit`);
  }
  const result = (value * conversion.multiplier) / conversion.divisor + conversion.offset;
  if (!Number.isFinite(result)) return fail('the value is out of the representable range');
  if (kind === 'temperature' && !(result > 0)) return fail('a temperature must be above absolute zero (0 K)');
  return result;
}

/**
 * Formats a canonical value with its canonical unit, to `significantDigits` significant digits without trailing
 * zeros: `formatQuantity(-84.0123, 'voltage')` gives `"-84.01 mV"`.
 *
 * @throws InputError (field `value`) for NaN/Infinity, (field `significantDigits`) unless an integer in 1..21.
 */
export function formatQuantity(value: number, kind: QuantityKind, significantDigits = 4): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError('value', describeValue(value), 'a finite number');
  }
  if (!Number.isInteger(significantDigits) || significantDigits < 1 || significantDigits > 21) {
    throw new InputError('significantDigits', describeValue(significantDigits), 'an integer from 1 to 21');
  }
  const rounded = Number(value.toPrecision(significantDigits));
  const text = String(rounded === 0 ? 0 : rounded);
  const unit = CANONICAL_UNITS[kind];
  return unit === '' ? text : `${text} ${unit}`;
}
