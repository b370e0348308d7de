/**
 * Action potential: one Hodgkin-Huxley compartment (1000 um2, the squid membrane of hh) under current clamp (a
 * pulse, a step, a train) or voltage clamp, with toxins and temperature. Pure TS: builds the library `Model`; the
 * engine runs it in the worker. Playback of the traces (the moving cursor) is the screen's animation.
 */
import { findMechanism } from '../../../../src/mechanisms/catalogue.js';
import type { Model, Stimulus } from '../../../../src/model/types.js';
import { ZERO_CELSIUS } from '../../../../src/units/index.js';
import { drugFactor } from '../../drugs.js';
import type { ParamSpec, ParamValues } from '../../params.js';
import type { ScreenModel } from '../../screen.js';

/** A cylinder of 1000 um2 lateral area: 1 nA = 100 uA/cm2. */
export const AP_AREA = 1000;
export const AP_SIDE = Math.sqrt(AP_AREA / Math.PI);
export const AP_TIME_STEP = 0.025;
export const AP_DELAY = 5;
const AT = { cell: 'neuron', section: 'soma', position: 0.5 } as const;

export const AP_SPECS: readonly ParamSpec[] = [
  {
    kind: 'choice',
    key: 'mode',
    label: 'Stimulus',
    default: 'pulse',
    options: [
      { value: 'pulse', label: 'Current clamp: one pulse' },
      { value: 'step', label: 'Current clamp: a long step' },
      { value: 'train', label: 'Current clamp: a train of pulses' },
      { value: 'vclamp', label: 'Voltage clamp: a step' },
    ],
  },
  { kind: 'number', key: 'amplitude', label: 'Current', unit: 'nA', min: -1, max: 5, step: 0.005, default: 0.2, help: '1 nA into this 1000 µm² membrane is 100 µA/cm².' },
  { kind: 'number', key: 'width', label: 'Pulse width', unit: 'ms', min: 0.05, max: 20, step: 0.05, default: 1 },
  { kind: 'number', key: 'interval', label: 'Train interval', unit: 'ms', min: 1, max: 50, step: 0.5, default: 10, help: 'Start to start. Shorten it to find the refractory period.' },
  { kind: 'number', key: 'count', label: 'Pulses in the train', unit: '', min: 2, max: 20, step: 1, default: 5 },
  { kind: 'number', key: 'hold', label: 'Holding potential', unit: 'mV', min: -120, max: 0, step: 1, default: -65 },
  { kind: 'number', key: 'clamp', label: 'Step to', unit: 'mV', min: -120, max: 80, step: 1, default: 0 },
  { kind: 'number', key: 'clamp_ms', label: 'Step duration', unit: 'ms', min: 0.5, max: 100, step: 0.5, default: 10 },
  { kind: 'number', key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 35, step: 0.1, default: 6.3, help: 'HH rates scale with Q10 = 3 from 6.3 °C.' },
  { kind: 'number', key: 'ttx', label: 'TTX', unit: 'nM', min: 0.01, max: 1000, step: 0.01, default: 0, log: true, zeroAtMin: true, help: 'Blocks Na⁺ channels. Leftmost: none.' },
  { kind: 'number', key: 'tea', label: 'TEA', unit: 'mM', min: 0.001, max: 100, step: 0.01, default: 0, log: true, zeroAtMin: true, help: 'Blocks delayed-rectifier K⁺ channels. Leftmost: none.' },
  { kind: 'number', key: 'fourap', label: '4-AP', unit: 'mM', min: 0.001, max: 100, step: 0.01, default: 0, log: true, zeroAtMin: true, help: 'Blocks K⁺ channels (here the delayed rectifier). Leftmost: none.' },
  { kind: 'number', key: 'duration', label: 'Run length', unit: 'ms', min: 10, max: 500, step: 5, default: 50 },
];

const hhDefaults = Object.fromEntries((findMechanism('hh')?.parameters ?? []).map((p) => [p.name, p.defaultValue])) as Record<string, number>;

/** Drug concentrations in mM, by catalogue name. */
export function apDrugs(values: ParamValues): Record<string, number> {
  return { ttx: Number(values.ttx) * 1e-6, tea: Number(values.tea), '4-ap': Number(values.fourap) };
}

/** hh's gnabar and gkbar after the drugs (S/cm2), and the fractions left. */
export function apConductances(values: ParamValues) {
  const drugs = apDrugs(values);
  const sodium = drugFactor('hh', 'gnabar', drugs);
  const potassium = drugFactor('hh', 'gkbar', drugs);
  return { gnabar: (hhDefaults.gnabar ?? 0.12) * sodium, gkbar: (hhDefaults.gkbar ?? 0.036) * potassium, sodium, potassium, gl: hhDefaults.gl ?? 0.0003, el: hhDefaults.el ?? -54.3 };
}

export function apStimulus(values: ParamValues): Stimulus {
  const mode = String(values.mode);
  const amplitude = Number(values.amplitude);
  const width = Number(values.width);
  if (mode === 'vclamp') {
    return {
      kind: 'voltage-clamp',
      id: 'clamp',
      location: AT,
      levels: [
        { duration: AP_DELAY, voltage: Number(values.hold) },
        { duration: Number(values.clamp_ms), voltage: Number(values.clamp) },
        { duration: 1e6, voltage: Number(values.hold) },
      ],
    };
  }
  if (mode === 'train') {
    return { kind: 'current-clamp', id: 'clamp', location: AT, waveform: { shape: 'train', delay: AP_DELAY, duration: width, interval: Math.max(Number(values.interval), width), count: Number(values.count), amplitude, perArea: false } };
  }
  const duration = mode === 'step' ? 1e6 : width;
  return { kind: 'current-clamp', id: 'clamp', location: AT, waveform: { shape: 'step', delay: AP_DELAY, duration, amplitude, perArea: false } };
}

export function buildActionPotentialModel(values: ParamValues, options: { record?: boolean } = {}): Model {
  const g = apConductances(values);
  const record = options.record ?? true;
  return {
    name: 'lab-action-potential',
    description: 'One Hodgkin-Huxley compartment of 1000 um2 (Membrane lab, Action potential screen).',
    temperature: Number(values.temperature) + ZERO_CELSIUS,
    channels: [],
    cells: [
      {
        id: 'neuron',
        morphology: { kind: 'single', section: 'soma', length: AP_SIDE, diameter: AP_SIDE },
        membrane: { capacitance: 1, axialResistivity: 35.4, initialVoltage: -65 },
        mechanisms: [{ mechanism: 'hh', parameters: { gnabar: g.gnabar, gkbar: g.gkbar } }],
        ions: [],
      },
    ],
    stimuli: [apStimulus(values)],
    recordings: record
      ? [
          { id: 'v', location: AT, variable: 'v' },
          { id: 'm', location: AT, variable: 'hh.m' },
          { id: 'h', location: AT, variable: 'hh.h' },
          { id: 'n', location: AT, variable: 'hh.n' },
          { id: 'i_na', location: AT, variable: 'i_na' },
          { id: 'i_k', location: AT, variable: 'i_k' },
          { id: 'g_na', location: AT, variable: 'hh.gna' },
          { id: 'g_k', location: AT, variable: 'hh.gk' },
          { id: 'i_stim', location: AT, variable: 'clamp.i' },
        ]
      : [],
    spikes: [{ id: 'spikes', location: AT, threshold: 0 }],
    run: {
      duration: Number(values.duration),
      timeStep: AP_TIME_STEP,
      integrator: 'backward-euler',
      absoluteTolerance: 1e-6,
      relativeTolerance: 1e-7,
      recordInterval: AP_TIME_STEP,
      rates: 'exact',
    },
  };
}

/** The playback cursor: a line sweeping over the traces at `speed` simulated ms per wall-clock second. */
export class ActionPotentialModel implements ScreenModel {
  /** Simulated time of the cursor, ms. */
  cursorMs = 0;
  durationMs = 50;
  /** Simulated ms per wall-clock second. */
  speed = 25;
  playing = false;

  step(wallSeconds: number): void {
    if (!this.playing) return;
    this.cursorMs += wallSeconds * this.speed;
    if (this.cursorMs >= this.durationMs) {
      this.cursorMs = this.durationMs;
      this.playing = false;
    }
  }

  reset(): void {
    this.cursorMs = 0;
    this.playing = false;
  }
}
