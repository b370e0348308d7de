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

/** A value brought into a spec's range (numbers clamped, unknown choices replaced by the default). */
export function sanitise(spec: ParamSpec, value: unknown): ParamValue {
  if (spec.kind === 'choice') {
    return typeof value === 'string' && spec.options.some((option) => option.value === value) ? value : spec.default;
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) return spec.default;
  if (spec.zeroAtMin && number <= 0) return 0;
  return Math.min(spec.max, Math.max(spec.min, number));
}

export { formatNumber } from './common/format.js';

/** Slider position <-> value (log sliders move in log10 units). */
export function toPosition(spec: NumberSpec, value: number): number {
  if (!spec.log) return value;
  if (spec.zeroAtMin && value <= 0) return Math.log10(spec.min);
  return Math.log10(value);
}

export function fromPosition(spec: NumberSpec, position: number): number {
  if (!spec.log) return roundToStep(position, spec.step, spec.min);
  const low = Math.log10(spec.min);
  if (spec.zeroAtMin && position <= low + 1e-9) return 0;
  return Number(Math.pow(10, position).toPrecision(spec.digits ?? 3));
}

function roundToStep(value: number, step: number, origin: number): number {
  const n = Math.round((value - origin) / step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((origin + n * step).toFixed(Math.min(decimals, 12)));
}

// ---------------------------------------------------------------------------------------------
// URL state: `#<screen>?key=value&...` (hash, so that any static host serves it and nothing reaches a server).

export interface UrlState {
  readonly screen: string;
  readonly values: Record<string, string>;
}

export function parseHash(hash: string): UrlState {
  const text = hash.replace(/^#\/?/, '');
  const [screen = '', query = ''] = text.split('?', 2);
  const values: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) values[key] = value;
  return { screen: decodeURIComponent(screen), values };
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

/** Values from a URL, each checked against its spec; missing or invalid ones take the default. */
export function valuesFromUrl(specs: readonly ParamSpec[], raw: Record<string, string>): ParamValues {
  return Object.fromEntries(specs.map((spec) => [spec.key, raw[spec.key] === undefined ? spec.default : sanitise(spec, raw[spec.key])]));
}
