/**
 * The one error type for bad input, in every layer. It names the field, the value given and what is allowed,
 * so that the CLI, the web lab and the model validator can all print the same single clear line.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The argument, option or JSON path at fault, e.g. `--in` or `cells[0].morphology.length`. */
    readonly field: string,
    /** The value given, as text. */
    readonly value: string,
    /** What is allowed, e.g. `a positive concentration such as "140 mM"`. */
    readonly allowed: string,
  ) {
    super(`${field}: got ${value}; expected ${allowed}`);
  }
}

/** Describes an arbitrary value for an error message: strings quoted, others as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
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
