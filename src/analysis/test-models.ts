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

/** The lab's action-potential patch: 1000 um2 of hh (capacitance 1 uF/cm2 x 1000 um2 = 0.01 nF), at rest at -65 mV. */
export const HH_PATCH_CAPACITANCE = 0.01;

/**
 * The lab's action-potential patch (web/src/screens/action-potential/model.ts) for the analysis tests: one stimulus
 * (`clamp`), `v` and `clamp.i` recorded every 0.025 ms, spikes detected at 0 mV, backward Euler with exact rates.
 */
export function hhPatch(options: { stimulus: Model['stimuli'][number] | null; duration: number; temperatureCelsius?: number; gkbarScale?: number }): Model {
  const side = Math.sqrt(1000 / Math.PI);
  const at = { cell: 'neuron', section: 'soma', position: 0.5 } as const;
  return {
    name: 'hh-patch',
    temperature: (options.temperatureCelsius ?? 6.3) + 273.15,
    channels: [],
    cells: [
      {
        id: 'neuron',
        morphology: { kind: 'single', section: 'soma', length: side, diameter: side },
        membrane: { capacitance: 1, axialResistivity: 35.4, initialVoltage: -65 },
        mechanisms: [{ mechanism: 'hh', parameters: { gkbar: 0.036 * (options.gkbarScale ?? 1) } }],
        ions: [],
      },
    ],
    stimuli: options.stimulus ? [{ ...options.stimulus, location: at } as Model['stimuli'][number]] : [],
    recordings: [{ id: 'v', location: at, variable: 'v' }, ...(options.stimulus ? [{ id: 'i', location: at, variable: `${options.stimulus.id}.i` }] : [])],
    spikes: [{ id: 'spikes', location: at, threshold: 0 }],
    run: { duration: options.duration, timeStep: 0.025, integrator: 'backward-euler', absoluteTolerance: 1e-6, relativeTolerance: 1e-7, recordInterval: 0.025, rates: 'exact' },
  } as Model;
}

/** A current pulse of `amplitude` nA from `delay` for `duration` ms, for hhPatch. */
export function currentPulse(amplitude: number, duration: number, delay = 5): Model['stimuli'][number] {
  return { kind: 'current-clamp', id: 'clamp', location: { cell: 'neuron', section: 'soma', position: 0.5 }, waveform: { shape: 'step', delay, duration, amplitude, perArea: false } };
}
