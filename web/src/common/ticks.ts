/**
 * Round, evenly spaced axis ticks: steps of 1, 2 or 5 × 10ⁿ, after Heckbert P S (1990) "Nice numbers for graph
 * labels", in Glassner A S (ed.) Graphics Gems, Academic Press, pp. 61–63 and 657–659 ("loose labelling": the axis
 * range is widened to the ticks around the data). One home for the ticks of every plot, the phase plane and the
 * SVG/PNG exports; the numbers are written with common/format.ts.
 */
import { formatNumber } from './format.js';

/** The ticks of one axis: the axis range (`min`, `max`, both ticks), the step between ticks and the tick values. */
export interface Ticks {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly values: readonly number[];
}

/**
 * A "nice" number near `value` (> 0): 1, 2, 5 or 10 × 10ⁿ. With `round`, the nearest one (thresholds 1.5, 3, 7 as
 * in Heckbert); without, the smallest one that is at least `value`.
 */
export function niceNumber(value: number, round: boolean): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const power = Math.pow(10, exponent);
  const fraction = value / power;
  let nice: number;
  if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return exponent >= 0 ? nice * power : nice / Math.pow(10, -exponent);
}

/** `multiple × step` without binary noise (0.30000000000000004 -> 0.3): the step is split into mantissa and 10ⁿ. */
function multipleOf(step: number, multiple: number): number {
  const exponent = Math.floor(Math.log10(step));
  const mantissa = Number((step / Math.pow(10, exponent)).toPrecision(6));
  const scaled = Number((multiple * mantissa).toPrecision(15));
  const value = exponent >= 0 ? scaled * Math.pow(10, exponent) : scaled / Math.pow(10, -exponent);
  return value === 0 ? 0 : value; // no −0
}

/**
 * The nice step for about `count` intervals over `span` (> 0): the nearest nice number to span/count (Heckbert
 * rounds the span up to a nice number first, which can halve the number of ticks; this keeps closer to `count`).
 */
export function niceStep(span: number, count: number): number {
  return niceNumber(span / Math.max(1, count), true);
}

/**
 * Loose labelling (Heckbert): about `count` intervals (at least 1) covering [low, high]; the returned `min` and `max`
 * are ticks at or beyond the data, so an axis snapped to them starts and ends on a labelled tick. Degenerate input
 * (equal, reversed or non-finite bounds) gets a range from {@link paddedRange} first.
 */
export function niceTicks(low: number, high: number, count = 5): Ticks {
  const [a, b] = paddedRange(low, high);
  const step = niceStep(b - a, count);
  const first = Math.floor(a / step + 1e-9);
  const last = Math.ceil(b / step - 1e-9);
  const values: number[] = [];
  for (let k = first; k <= last; k++) values.push(multipleOf(step, k));
  // Decimal rounding of k × step can land a hair inside the data: one more tick then.
  if (values[0] > a) values.unshift(multipleOf(step, first - 1));
  if (values[values.length - 1] < b) values.push(multipleOf(step, last + 1));
  return { min: values[0], max: values[values.length - 1], step, values };
}

/**
 * Tight labelling: nice ticks inside a fixed range [low, high] (a zoomed axis or a fixed y range); the range itself
 * is kept. At least two ticks whenever the range holds two multiples of the step.
 */
export function ticksWithin(low: number, high: number, count = 5): Ticks {
  const [a, b] = paddedRange(low, high);
  let step = niceStep(b - a, count);
  let values: number[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const first = Math.ceil(a / step - 1e-9);
    const last = Math.floor(b / step + 1e-9);
    values = [];
    for (let k = first; k <= last; k++) values.push(multipleOf(step, k));
    if (values.length >= 2) break;
    step = niceNumber(step / 2.5, true); // 10 -> 5 -> 2 -> 1: finer until two ticks fit
  }
  return { min: a, max: b, step, values };
}

/**
 * A usable range for data from `low` to `high`: non-finite bounds become [0, 1]; a flat or nearly flat trace
 * (span below 10⁻⁶ of its magnitude, or below `minimumSpan`) is widened around its middle to at least `minimumSpan`,
 * or to ±10 % of its magnitude (±1 around zero), so it gets several ticks instead of a single one.
 */
export function paddedRange(low: number, high: number, minimumSpan = 0): [number, number] {
  let a = Number.isFinite(low) ? low : Number.isFinite(high) ? high : 0;
  let b = Number.isFinite(high) ? high : a;
  if (a > b) [a, b] = [b, a];
  let magnitude = Math.max(Math.abs(a), Math.abs(b));
  if (magnitude < 1e-200) magnitude = 0; // underflow territory: treat as zero
  const span = b - a;
  const flat = !(span > magnitude * 1e-6) || span < 1e-200;
  const wanted = Math.max(minimumSpan, flat ? (magnitude > 0 ? magnitude * 0.2 : 2) : 0);
  if (span < wanted) {
    const middle = (a + b) / 2;
    a = middle - wanted / 2;
    b = middle + wanted / 2;
  }
  return [a, b];
}

/** Significant digits that tell ticks `step` apart at values up to `largest` in magnitude (at least 1). */
export function tickDigits(largest: number, step: number): number {
  if (!(step > 0) || !Number.isFinite(largest) || largest === 0) return 1;
  return Math.max(1, Math.min(15, Math.floor(Math.log10(Math.abs(largest))) - Math.floor(Math.log10(step) + 1e-9) + 1));
}

/** Tick labels for people (formatNumber: a × 10ⁿ, true minus sign), with just enough digits for the step. */
export function tickLabels(values: readonly number[], step: number): string[] {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const digits = tickDigits(largest, step);
  return values.map((value) => formatNumber(value, digits));
}
