/**
 * Number formatting for people: significant digits without trailing noise, scientific notation written as
 * a × 10ⁿ (never 1e-4), and the true minus sign (U+2212) everywhere. One home for the lab's number display.
 */

/** The true minus sign. */
export const MINUS = '\u2212';

const SUPERSCRIPT: Record<string, string> = { '-': '\u207b', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** `-4` -> `⁻⁴`. */
export function superscript(exponent: number): string {
  return String(exponent)
    .split('')
    .map((character) => SUPERSCRIPT[character] ?? character)
    .join('');
}

/** Replaces ASCII hyphen-minus used as a sign by the true minus sign. */
export function withTrueMinus(text: string): string {
  return text.replace(/(^|[\s(=:;,[])-(?=[\d.∞])/g, `$1${MINUS}`);
}

/**
 * `value` to `digits` significant digits: plain between 10⁻³ and 10⁶, otherwise `a × 10ⁿ`; true minus sign.
 * Non-finite values read "—" (never "NaN" or "Infinity" in front of a student).
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const sign = value < 0 ? MINUS : '';
  const rounded = Number(magnitude.toPrecision(digits));
  if (rounded >= 1e-3 && rounded < 1e6) {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(rounded)));
    return sign + Number(rounded.toFixed(Math.min(decimals, 12))).toString();
  }
  const [mantissa, exponent] = rounded.toExponential(Math.max(0, digits - 1)).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  const power = `10${superscript(Number(exponent))}`;
  return sign + (trimmed === '1' ? power : `${trimmed} × ${power}`);
}

/** A number and its unit, separated by a thin no-break space when there is a unit ("−65.2 mV"). */
export function formatQuantity(value: number, unit: string, digits = 3): string {
  const number = formatNumber(value, digits);
  return unit ? `${number} ${unit}` : number;
}

/** A signed change: "+3.2 mV", "−5.1 mV" (zero unsigned). */
export function formatSigned(value: number, unit: string, digits = 3): string {
  const text = formatQuantity(value, unit, digits);
  return value > 0 && Number.isFinite(value) ? `+${text}` : text;
}

/** A plain ASCII rendering for inputs and files (the number box of a slider, CSV): no superscripts. */
export function formatPlain(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0';
  return String(Number(value.toPrecision(digits)));
}
