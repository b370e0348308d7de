/**
 * Printing results: either a short human-readable text (with the formula and the numbers put in) or,
 * with `--json`, exactly one JSON object on stdout and nothing else. JSON keys carry their unit after an
 * underscore (`E_mV`, `tau_ms`); every number in the object must be finite.
 */
import type { Command } from 'commander';
import { errorCode, OutputError } from '../io/atomic-file.js';

/** Exit code for output that could not be written (a full disk, a closed pipe): neither bad input nor a bug. */
export const EXIT_OUTPUT_FAILED = 1;

/**
 * Makes a failure to write stdout (ENOSPC on `> /dev/full`, EPIPE when the reader of a pipe has gone) end the
 * command with one line on stderr and exit code 1, instead of a stack trace. Node reports such failures as an
 * 'error' event on the stream, after the write call has returned, so they cannot be caught where the write is made.
 * A failure to write stderr itself just ends the command with exit code 1 (there is nowhere left to say it).
 */
export function handleStreamFailures(program = 'membrane'): void {
  process.stdout.on('error', (error: unknown) => {
    const failure = new OutputError('stdout', errorCode(error));
    try {
      process.stderr.write(`${program}: ${failure.message}\n`);
    } finally {
      process.exit(EXIT_OUTPUT_FAILED);
    }
  });
  process.stderr.on('error', () => process.exit(EXIT_OUTPUT_FAILED));
}

export interface JsonFlag {
  readonly json?: boolean;
}

/** A JSON-able result: nested objects, arrays, strings, booleans and finite numbers. */
export type JsonValue = string | number | boolean | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/** Adds the `--json` flag shared by every calculator. */
export function addJsonOption(command: Command): Command {
  return command.option('--json', 'print exactly one JSON object on stdout (keys carry their unit after "_")', false);
}

/** Throws when a result holds NaN, Infinity or null: that is a bug, never an answer. */
export function assertFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}, not a finite number`);
  } else if (value === null) {
    throw new Error(`${path} is null`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => assertFinite(item, `${path}[${index}]`));
  } else if (typeof value === 'object' && value !== undefined) {
    for (const [key, item] of Object.entries(value)) assertFinite(item, `${path}.${key}`);
  }
}

/** Prints the result as JSON (with `--json`) or as text lines. */
export function emit(options: JsonFlag, result: JsonObject, text: () => readonly string[]): void {
  assertFinite(result);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, roundNoise, 2)}\n`);
  } else {
    process.stdout.write(`${text().join('\n')}\n`);
  }
}

/** JSON replacer: 15 significant digits, which drops float noise (0.6200000000000001) and keeps all real precision. */
function roundNoise(_key: string, value: unknown): unknown {
  return typeof value === 'number' && value !== 0 ? Number(value.toPrecision(15)) : value;
}

/** Writes a warning line on stderr (never on stdout, so `--json` stays one object). */
export function warn(line: string): void {
  process.stderr.write(`membrane: warning: ${line}\n`);
}

/**
 * Formats a number for text output with `digits` significant digits, dropping trailing zeros;
 * very large or small magnitudes use exponent notation (`4.398e6`).
 */
export function num(value: number, digits = 4): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa ?? '')}e${Number(exponent)}`;
  }
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(magnitude)));
  return trimZeros(value.toFixed(decimals));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Formats a number with a fixed count of decimals (for potentials: `-89.06 mV`). */
export function fixed(value: number, decimals = 2): string {
  const text = value.toFixed(decimals);
  return text === `-${(0).toFixed(decimals)}` ? text.slice(1) : text;
}
