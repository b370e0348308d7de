/**
 * The one error type for bad input, in every layer. It names the field, the value given and what is allowed,
 * so that the CLI, the web lab and the model validator can all print the same single clear line.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The argument, option or JSON path at fault, e.g. `--in` or `cells[0].morphology.length`. */
  readonly field: string;
  /** The value given, as text (quoted and shortened by `describeValue`). */
  readonly value: string;
  /** What is allowed, e.g. `a positive concentration such as "140 mM"`. */
  readonly allowed: string;
  /**
   * Each part is cut to a bounded length (field MAXIMUM_FIELD_LENGTH, value MAXIMUM_VALUE_LENGTH, allowed
   * MAXIMUM_ALLOWED_LENGTH characters, ending in "…" when cut), so that no input, however long, makes a long line:
   * the field may hold a key from a file, and the allowed text may repeat part of the input.
   */
  constructor(field: string, value: string, allowed: string) {
    const shortField = clipText(String(field), MAXIMUM_FIELD_LENGTH);
    const shortValue = clipText(String(value), MAXIMUM_VALUE_LENGTH);
    const shortAllowed = clipText(String(allowed), MAXIMUM_ALLOWED_LENGTH);
    super(`${shortField}: got ${shortValue}; expected ${shortAllowed}`);
    this.field = shortField;
    this.value = shortValue;
    this.allowed = shortAllowed;
  }
}

/** Longest value quoted by `describeValue`, in characters (quotes and the ellipsis included). */
export const MAXIMUM_QUOTED_LENGTH = 80;
/** Longest field name kept in an InputError (a JSON path may hold keys from the file). */
export const MAXIMUM_FIELD_LENGTH = 200;
/** Longest value text kept in an InputError: two quotes of describeValue's 80 with words between them fit. */
export const MAXIMUM_VALUE_LENGTH = 240;
/** Longest "allowed" text kept in an InputError (the longest written ones, lists of units or keys, are ~400). */
export const MAXIMUM_ALLOWED_LENGTH = 1000;

const ELLIPSIS = '\u2026';

/** The text cut to at most `maximum` characters, ending in "…" when cut (never inside a surrogate pair). */
export function clipText(text: string, maximum: number): string {
  if (text.length <= maximum) return text;
  let end = maximum - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}

/**
 * Quotes a string as typed, at most MAXIMUM_QUOTED_LENGTH characters long: `"1111…"` for a long one (the ellipsis
 * inside the quotes says the text goes on). Escapes count as written, so control characters cannot lengthen it.
 */
function quoteText(text: string): string {
  if (text.length <= MAXIMUM_QUOTED_LENGTH) {
    const whole = JSON.stringify(text);
    if (whole.length <= MAXIMUM_QUOTED_LENGTH) return whole;
  }
  // Keep whole characters (code points) while the quoted text, with "…" and both quotes, fits.
  let inner = '';
  for (const character of text) {
    const escaped = JSON.stringify(character).slice(1, -1);
    if (inner.length + escaped.length + 3 > MAXIMUM_QUOTED_LENGTH) break;
    inner += escaped;
  }
  return `"${inner}${ELLIPSIS}"`;
}

/**
 * Describes an arbitrary value for an error message, as typed: strings quoted (`"140 mM"`), numbers as written,
 * others as JSON; anything longer than MAXIMUM_QUOTED_LENGTH characters is cut with an ellipsis, so a 120 kB
 * argument gives an 80-character quote, never the whole text.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteText(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return clipText(text, MAXIMUM_QUOTED_LENGTH);
}

/**
 * Raised when a simulation goes numerically unstable: names the time, the location and a remedy.
 */
export class InstabilityError extends Error {
  override readonly name = 'InstabilityError';
  constructor(
    readonly time: number,
    readonly location: string,
    readonly detail: string,
    readonly remedy: string,
  ) {
    super(`numerically unstable at t = ${time} ms in ${location}: ${detail}; ${remedy}`);
  }
}
