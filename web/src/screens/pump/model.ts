/**
 * Pump and gradients: one spherical cell with GHK leaks for Na+ and K+ (`ghk-leak`) and the Na+/K+-ATPase
 * (`na-k-pump`, Luo & Rudy 1994), its inside Na+ and K+ moving with the currents
 * (`concentrations: { dynamic: ['na', 'k'] }`). The adaptive integrator covers hours of simulated time. A hidden
 * first segment lets the cell settle to its pump-leak steady state; then a control period; then ouabain.
 */
import { findMechanism } from '../../../../src/mechanisms/catalogue.js';
import type { Model } from '../../../../src/model/types.js';
import { ZERO_CELSIUS } from '../../../../src/units/index.js';
import { parameterSlider } from '../../common/parameter-slider.js';
import { drugApplications } from '../../drugs.js';
import type { ParamSpec, ParamValues } from '../../params.js';

/** Checked when the lab is built: is the pump in the library's mechanism catalogue? */
export const PUMP_AVAILABLE = findMechanism('na-k-pump') !== undefined && findMechanism('ghk-leak') !== undefined;

/**
 * The cell's mechanism parameters as sliders built from the catalogue (unit, range, description). The leak
 * permeabilities default to half the catalogue's values (2.5 and 5 nm/s against 4 and 10): with them this cell settles
 * to a pump-leak steady state near −71 mV with [Na⁺]i ≈ 10 mM (docs/lab.md, "Pump and gradients").
 */
export const PUMP_CAPACITY = parameterSlider('na-k-pump', 'imax', { key: 'imax', label: 'Pump capacity', unit: 'µA/cm²', parseUnit: 'uA/cm2', min: 0.1, max: 20, step: 0.01, log: true });
export const SODIUM_LEAK = parameterSlider('ghk-leak', 'pna', { key: 'pna', label: 'Na⁺ leak permeability', unit: 'nm/s', parseUnit: 'nm/s', min: 0.01, max: 10, step: 0.01, log: true, default: 0.25 });
export const POTASSIUM_LEAK = parameterSlider('ghk-leak', 'pk', { key: 'pk', label: 'K⁺ leak permeability', unit: 'nm/s', parseUnit: 'nm/s', min: 0.1, max: 100, step: 0.01, log: true, default: 5 });

export const PUMP_SPECS: readonly ParamSpec[] = [
  { kind: 'number', key: 'ouabain', label: 'Ouabain', unit: 'µM', min: 0.1, max: 10000, step: 0.01, default: 1000, log: true, zeroAtMin: true, help: 'Applied after the control period. Leftmost: none.' },
  { kind: 'number', key: 'control_h', label: 'Control period', unit: 'h', min: 0, max: 12, step: 0.25, default: 0.5 },
  { kind: 'number', key: 'duration_h', label: 'Total time', unit: 'h', min: 0.5, max: 48, step: 0.5, default: 6 },
  { kind: 'number', key: 'diameter', label: 'Cell diameter', unit: 'µm', min: 5, max: 200, step: 0.01, default: 20, log: true, help: 'Bigger cells hold more ions per membrane area: slower run-down.' },
  PUMP_CAPACITY.spec,
  SODIUM_LEAK.spec,
  POTASSIUM_LEAK.spec,
  { kind: 'number', key: 'temperature', label: 'Temperature', unit: '°C', min: 5, max: 40, step: 0.5, default: 37 },
];

const AT = { cell: 'cell', section: 'soma', position: 0.5 } as const;
const HOUR_MS = 3600e3;

function cellModel(values: ParamValues, durationMs: number, ouabainMillimolar: number): Model {
  const d = Number(values.diameter);
  const imax = PUMP_CAPACITY.toCanonical(Number(values.imax));
  return {
    name: 'lab-pump',
    temperature: Number(values.temperature) + ZERO_CELSIUS,
    channels: [],
    drugs: drugApplications({ ouabain: ouabainMillimolar }),
    cells: [
      {
        id: 'cell',
        // A cylinder of diameter 2d/3 and length 1.5 d has a sphere's area (pi d^2) and volume (pi d^3 / 6).
        morphology: { kind: 'single', section: 'soma', length: 1.5 * d, diameter: (2 * d) / 3 },
        membrane: { capacitance: 1, axialResistivity: 100, initialVoltage: -70 },
        mechanisms: [
          { mechanism: 'ghk-leak', parameters: { pna: SODIUM_LEAK.toCanonical(Number(values.pna)), pk: POTASSIUM_LEAK.toCanonical(Number(values.pk)), pcl: 0 } },
          { mechanism: 'na-k-pump', parameters: { imax } },
        ],
        ions: [
          { ion: 'na', inside: 12, outside: 145, reversal: 'nernst' },
          { ion: 'k', inside: 140, outside: 5, reversal: 'nernst' },
        ],
        concentrations: { dynamic: ['na', 'k'] },
      },
    ],
    stimuli: [],
    recordings: [
      { id: 'v', location: AT, variable: 'v' },
      { id: 'na_inside', location: AT, variable: 'na_inside' },
      { id: 'k_inside', location: AT, variable: 'k_inside' },
      { id: 'e_na', location: AT, variable: 'e_na' },
      { id: 'e_k', location: AT, variable: 'e_k' },
      { id: 'pump', location: AT, variable: 'na-k-pump.i' },
    ],
    spikes: [],
    run: { duration: durationMs, timeStep: 0.025, integrator: 'adaptive', rates: 'exact', absoluteTolerance: 1e-5, relativeTolerance: 1e-5, recordInterval: Math.max(1000, durationMs / 400) },
  };
}

/** The segments: settle 48 h (hidden), control, then ouabain until the end. */
export function buildPumpSegments(values: ParamValues): { model: Model; show: boolean }[] {
  const control = Number(values.control_h) * HOUR_MS;
  const total = Math.max(Number(values.duration_h) * HOUR_MS, control + 0.1 * HOUR_MS);
  const ouabain = Number(values.ouabain) * 1e-3; // uM -> mM
  const segments = [{ model: cellModel(values, 48 * HOUR_MS, 0), show: false }];
  if (control > 0) segments.push({ model: cellModel(values, control, 0), show: true });
  segments.push({ model: cellModel(values, total - control, ouabain), show: true });
  return segments;
}

/**
 * The screen's clock (simulated hours) over the time-lapse: where the membrane animation and the line over the plots
 * stand. The shared playback loop (web/src/common/playback.ts, run by the membrane animation) moves it.
 */
export class PumpModel {
  cursorHours = 0;
  durationHours = 1;
  /** Whether the clock's line is drawn over the plots (once the time-lapse has been played or stepped). */
  cursorShown = false;

  moveCursor(hours: number): void {
    this.cursorHours = hours;
    this.cursorShown = true;
  }

  reset(): void {
    this.cursorHours = 0;
    this.cursorShown = false;
  }
}
