/**
 * Screen parameters as data: each screen declares its controls once (key, label, unit, range), and the same
 * declarations drive the sliders, the URL (so that a link reproduces an experiment) and reset. Pure TS, no DOM.
 */

export interface NumberSpec {
  readonly kind: 'number';
  readonly key: string;
  readonly label: string;
  /** Unit shown after the value and spoken in aria-valuetext (e.g. "mM"). */
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** Step of the slider (in log10 units when `log`). */
  readonly step: number;
  readonly default: number;
  /** Logarithmic slider (concentrations, doses). */
  readonly log?: boolean;
  /** With `log`: the leftmost slider position means 0 (no drug). */
  readonly zeroAtMin?: boolean;
  /** Significant digits shown; default 3. */
  readonly digits?: number;
  readonly help?: string;
}

export interface ChoiceSpec {
  readonly kind: 'choice';
  readonly key: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly default: string;
  readonly help?: string;
}

export type ParamSpec = NumberSpec | ChoiceSpec;
export type ParamValue = number | string;
export type ParamValues = Record<string, ParamValue>;

export function defaults(specs: readonly ParamSpec[]): ParamValues {
  return Object.fromEntries(specs.map((spec) => [spec.key, spec.default]));
}

/**
 * Plain decimal numbers only, optionally with an exponent ("-65", "0.5", ".5", "2.5e-8"): no hexadecimal ("0x10"),
 * binary, octal, "Infinity", empty or exponent-only text, all of which `Number()` would accept or turn into 0.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number from text (URL, number box) when it is a plain decimal number; otherwise NaN. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
}

/**
 * The nearest valid value for a spec: numbers are clamped into [min, max] and snapped to the slider's step grid
 * (min + k·step; for log sliders 10^(log10(min) + k·step) in log10 units, to the spec's significant digits), so the
 * state always matches a slider position and a link reproduces it. The default, and 0 for a `zeroAtMin` slider, are
 * valid too. Text must be a plain decimal number ({@link parseDecimal}); anything else, and unknown choices, give the
 * default. ±Infinity (e.g. "1e999") goes to the nearer end of the range.
 */
export function sanitise(spec: ParamSpec, value: unknown): ParamValue {
  if (spec.kind === 'choice') {
    return typeof value === 'string' && spec.options.some((option) => option.value === value) ? value : spec.default;
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' ? parseDecimal(value) : NaN;
  if (Number.isNaN(number)) return spec.default;
  if (number === spec.default) return spec.default;
  if (spec.zeroAtMin && number <= 0) return 0;
  return snapToStep(spec, Math.min(spec.max, Math.max(spec.min, number)));
}

/** `value` (already in [min, max]) on the spec's step grid: see {@link sanitise}. */
export function snapToStep(spec: NumberSpec, value: number): number {
  if (!spec.log) {
    const last = Math.floor((spec.max - spec.min) / spec.step + 1e-9);
    const k = Math.min(last, Math.max(0, Math.round((value - spec.min) / spec.step)));
    return stepValue(spec.min, spec.step, k);
  }
  const low = Math.log10(spec.min);
  const last = Math.floor((Math.log10(spec.max) - low) / spec.step + 1e-9);
  let k = Math.min(last, Math.max(0, Math.round((Math.log10(value) - low) / spec.step)));
  const digits = spec.digits ?? 3;
  const at = (index: number) => Number(Math.pow(10, low + index * spec.step).toPrecision(digits));
  while (k > 0 && at(k) > spec.max) k--;
  while (k < last && at(k) < spec.min) k++;
  return Math.min(spec.max, Math.max(spec.min, at(k)));
}

/** Whether `value` is a valid state of the spec: on the step grid, the default, or 0 for a `zeroAtMin` slider. */
export function isValidValue(spec: ParamSpec, value: ParamValue): boolean {
  if (spec.kind === 'choice') return spec.options.some((option) => option.value === value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (value === spec.default || (spec.zeroAtMin && value === 0)) return true;
  return value >= spec.min && value <= spec.max && snapToStep(spec, value) === value;
}

export { formatNumber } from './common/format.js';

/** Slider position <-> value (log sliders move in log10 units). */
export function toPosition(spec: NumberSpec, value: number): number {
  if (!spec.log) return value;
  if (spec.zeroAtMin && value <= 0) return Math.log10(spec.min);
  return Math.log10(value);
}

export function fromPosition(spec: NumberSpec, position: number): number {
  if (!spec.log) return stepValue(spec.min, spec.step, Math.round((position - spec.min) / spec.step));
  const low = Math.log10(spec.min);
  if (spec.zeroAtMin && position <= low + 1e-9) return 0;
  return snapToStep(spec, Math.min(spec.max, Math.max(spec.min, Math.pow(10, position))));
}

/** origin + k·step, written with the decimals of the step and the origin (no 0.30000000000000004). */
function stepValue(origin: number, step: number, k: number): number {
  const decimals = Math.max(decimalsOf(step), decimalsOf(origin));
  const value = Number((origin + k * step).toFixed(Math.min(decimals, 15)));
  return value === 0 ? 0 : value;
}

/** Decimal places of a number as written ("0.005" -> 3, "2.5e-8" -> 9). */
function decimalsOf(value: number): number {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

// ---------------------------------------------------------------------------------------------
// URL state: `#<screen>?key=value&...` (hash, so that any static host serves it and nothing reaches a server).

export interface UrlState {
  readonly screen: string;
  readonly values: Record<string, string>;
}

/**
 * Percent-decoding that never throws: malformed sequences ("%", "%zz", a lone "%C3") are kept as written, the
 * well-formed ones around them decoded.
 */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * `#screen?key=value&...` read leniently, never throwing: a leading "/" is ignored, every "?" after the first
 * separates parameters like "&" (`#ap??count=2.5?mode=train`), malformed percent-encoding is kept as text, and of
 * repeated keys the last one counts.
 */
export function parseHash(hash: string): UrlState {
  const text = hash.replace(/^#?\/?/, '');
  const mark = text.indexOf('?');
  const screen = mark < 0 ? text : text.slice(0, mark);
  const query = mark < 0 ? '' : text.slice(mark + 1).replace(/\?/g, '&');
  const values: Record<string, string> = Object.create(null) as Record<string, string>; // "__proto__" is just a key
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = safeDecode((equals < 0 ? part : part.slice(0, equals)).replace(/\+/g, ' '));
    const value = equals < 0 ? '' : safeDecode(part.slice(equals + 1).replace(/\+/g, ' '));
    values[key] = value;
  }
  return { screen: safeDecode(screen).trim(), values };
}

/** Every parameter is written (not just the non-default ones), so a link keeps its meaning if defaults change. */
export function formatHash(screen: string, specs: readonly ParamSpec[], values: ParamValues): string {
  const query = new URLSearchParams();
  for (const spec of specs) {
    const value = values[spec.key];
    query.set(spec.key, typeof value === 'number' ? String(Number(value.toPrecision(8))) : String(value));
  }
  return `#${screen}?${query.toString()}`;
}

/** Values from a URL, each brought to its nearest valid value ({@link sanitise}); missing ones take the default. */
export function valuesFromUrl(specs: readonly ParamSpec[], raw: Record<string, string>): ParamValues {
  return Object.fromEntries(specs.map((spec) => [spec.key, Object.hasOwn(raw, spec.key) ? sanitise(spec, raw[spec.key]) : spec.default]));
}

/** What the shell needs to know of a screen to read its URL. */
export interface ScreenSpecs {
  readonly id: string;
  readonly specs: readonly ParamSpec[];
}

/** A URL resolved to the nearest valid state, with the corrected address for it. */
export interface ResolvedState {
  readonly screen: string;
  /** The values the URL set (all of the screen's parameters), or undefined when it gave none for this screen. */
  readonly values: ParamValues | undefined;
  /** True when the URL named a known screen (otherwise the first screen is shown). */
  readonly knownScreen: boolean;
}

/**
 * Any address to a working state: an unknown or empty screen falls back to the first one (its URL parameters are
 * then ignored), unknown keys are dropped, and each value is brought to its nearest valid value.
 */
export function resolveHash(hash: string, screens: readonly ScreenSpecs[]): ResolvedState {
  const state = parseHash(hash);
  const known = screens.find((screen) => screen.id === state.screen);
  const screen = known ?? screens[0];
  const given = known !== undefined && screen.specs.some((spec) => Object.hasOwn(state.values, spec.key));
  return { screen: screen.id, values: given ? valuesFromUrl(screen.specs, state.values) : undefined, knownScreen: known !== undefined };
}
