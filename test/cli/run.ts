// Runs the BUILT command (node dist/cli/main.js), as users and other programs do. `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function membrane(args: readonly string[]): RunResult {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MEMBRANE_DEBUG: '', NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every number in a parsed JSON value, with its path; fails on null. */
export function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (value === null) throw new Error(`${path} is null`);
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  return [];
}

/** Runs with --json expecting success: exit 0, empty stderr, stdout exactly one JSON object with finite numbers. */
export function membraneJson(args: readonly string[]): Record<string, any> {
  const result = membrane([...args, '--json']);
  expect(result.stderr, `stderr of ${args.join(' ')}`).toBe('');
  expect(result.status, `exit code of ${args.join(' ')}`).toBe(0);
  const parsed: unknown = JSON.parse(result.stdout);
  expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
  for (const [path, value] of numbersIn(parsed)) expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  return parsed as Record<string, any>;
}

/**
 * Expects a usage failure: exit 2, nothing on stdout, exactly one line on stderr that contains each of `mentions`
 * and no stack frame.
 */
export function expectUsageError(args: readonly string[], mentions: readonly string[]): string {
  const result = membrane(args);
  const label = `membrane ${args.join(' ')}`;
  expect(result.status, `${label}: exit code (stderr: ${result.stderr})`).toBe(2);
  expect(result.stdout, `${label}: stdout`).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines.at(-1), `${label}: stderr ends with a newline`).toBe('');
  expect(lines.length - 1, `${label}: one stderr line, got: ${result.stderr}`).toBe(1);
  const line = lines[0] ?? '';
  expect(line).not.toMatch(/^\s*at /m);
  expect(line).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  for (const mention of mentions) expect(line, `${label}: stderr mentions ${mention}`).toContain(mention);
  return line;
}

/** CODATA 2018 exact constants, written out here so the tests do not trust src/units. */
export const CODATA = {
  R: 8.314462618,
  F: 96485.33212,
  e: 1.602176634e-19,
  NA: 6.02214076e23,
  eps0: 8.8541878128e-12,
} as const;

/** RT/F in mV at T kelvin. */
export const thermalMillivolts = (T: number): number => ((CODATA.R * T) / CODATA.F) * 1000;
