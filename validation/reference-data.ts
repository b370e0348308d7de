/**
 * Access to the third-party reference data in ../shared/reference (or $MEMBRANE_REFERENCE): read in place, never
 * copied into the project. A missing folder is a failure, not a skip: CI must run the validation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relativeTraceErrors } from '../src/analysis/trace-comparison.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function referencePath(...parts: string[]): string {
  const root = process.env.MEMBRANE_REFERENCE ?? join(projectRoot, '..', 'shared', 'reference');
  const path = join(root, ...parts);
  if (!existsSync(path)) throw new Error(`reference data not found: ${path} (set MEMBRANE_REFERENCE to the shared/reference folder)`);
  return path;
}

/** A Rallpack trace: time in ms and voltage in mV (the files hold seconds and volts). */
export function readRallpack(name: string): { time: Float64Array; voltage: Float64Array } {
  const rows = readFileSync(referencePath('rallpack', name), 'utf8').trim().split('\n');
  const time = new Float64Array(rows.length);
  const voltage = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const [t, v] = row.trim().split(/\s+/).map(Number);
    time[i] = t * 1000;
    voltage[i] = v * 1000;
  });
  return { time, voltage };
}

export function readCsv(...parts: string[]): Record<string, number>[] {
  const [header, ...rows] = readFileSync(referencePath(...parts), 'utf8').trim().split('\n');
  const names = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [names[i], Number(value)])));
}

export function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(referencePath(...parts), 'utf8')) as T;
}

/** The Rallpack acceptance measures, against a Rallpack reference trace (see src/analysis/trace-comparison.ts). */
export function rallpackErrors(reference: { time: Float64Array; voltage: Float64Array }, time: Float64Array, values: Float64Array): { rms: number; max: number } {
  return relativeTraceErrors({ time: reference.time, values: reference.voltage }, time, values);
}
