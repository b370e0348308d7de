/**
 * Shared by the analysis tests (not built into dist/): NEURON's HH test compartment and NEURON's reference CSVs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from '../model/types.js';
import { parseModel } from '../model/validate.js';

/**
 * NEURON's HH test compartment (as validation/models.ts and ../shared/reference/neuron): 1000 um2, hh at 6.3 degC,
 * a step of `density` from t = 0, Crank-Nicolson at dt 0.025 ms with NEURON's rate tables.
 */
export function hhCompartment(density: string, duration: string, recordInterval = '0.025 ms'): Model {
  const side = `${Math.sqrt(1000 / Math.PI)} um`;
  return parseModel({
    name: 'hh-compartment',
    temperature: '6.3 degC',
    cells: [{ id: 'soma', morphology: { kind: 'single', length: side, diameter: side }, mechanisms: [{ mechanism: 'hh' }] }],
    stimuli: [{ kind: 'current-clamp', id: 'clamp', waveform: { shape: 'step', duration: '1e9 ms', amplitude: density } }],
    recordings: [{ id: 'v', variable: 'v' }],
    spikes: [{ id: 'spikes', threshold: '0 mV' }],
    run: { duration, timeStep: '0.025 ms', integrator: 'crank-nicolson', rates: 'table', recordInterval },
  });
}

/** A CSV file of NEURON's reference data, read in place (../shared/reference, or $MEMBRANE_REFERENCE). */
export function readReferenceCsv(name: string): Record<string, number>[] {
  const folder = process.env.MEMBRANE_REFERENCE ?? fileURLToPath(new URL('../../../shared/reference/', import.meta.url));
  const [header, ...rows] = readFileSync(join(folder, 'neuron', name), 'utf8').trim().split('\n');
  const names = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [names[i], Number(value)])));
}
