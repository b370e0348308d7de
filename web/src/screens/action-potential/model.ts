/**
 * Action potential: one compartment of 1000 um2 — the squid membrane of hh, or the Connor–Stevens neuron with its
 * A-type K⁺ channels — under current clamp (a pulse, a step, a train) or voltage clamp, with toxins (passed to the
 * engine as the model's drugs) and temperature. Pure TS: builds the library `Model`; the
 * engine runs it in the worker. Playback of the traces (the moving cursor) is the screen's animation.
 */
import { findMechanism } from '../../../../src/mechanisms/catalogue.js';
import type { IonName, Model, Stimulus } from '../../../../src/model/types.js';
import { parseQuantity, ZERO_CELSIUS } from '../../../../src/units/index.js';
import { formatNumber } from '../../common/format.js';
import { drugApplications, drugFactor, findLabDrug, parameterTarget } from '../../drugs.js';
import type { ParamSpec, ParamValues } from '../../params.js';

/** A cylinder of 1000 um2 lateral area: 1 nA = 100 uA/cm2. */
export const AP_AREA = 1000;
export const AP_SIDE = Math.sqrt(AP_AREA / Math.PI);
export const AP_TIME_STEP = 0.025;
export const AP_DELAY = 5;
/** Membrane capacitance of the patch, nF: 1 uF/cm2 x 1000 um2 (1e-5 cm2) = 1e-5 uF = 0.01 nF. */
export const AP_CAPACITANCE_NF = (1 * AP_AREA * 1e-8) * 1e3;
/** How many mM in one nM, one uM (the units layer's conversion). */
const MILLIMOLAR_PER = { nM: parseQuantity('1 nM', 'concentration', 'unit'), µM: parseQuantity('1 uM', 'concentration', 'unit') };

/** A concentration (mM) in the unit a person would write: nM below 0.1 uM, uM below 0.1 mM, else mM. */
export function formatConcentration(millimolar: number): string {
  if (millimolar > 0 && millimolar < 100 * MILLIMOLAR_PER.nM) return `${formatNumber(millimolar / MILLIMOLAR_PER.nM)} nM`;
  if (millimolar > 0 && millimolar < 100 * MILLIMOLAR_PER.µM) return `${formatNumber(millimolar / MILLIMOLAR_PER.µM)} µM`;
  return `${formatNumber(millimolar)} mM`;
}

/** The lab's drug sliders: slider key, catalogue name, label. */
export const AP_DRUG_SLIDERS = [
  { key: 'ttx', drug: 'ttx', label: 'TTX' },
  { key: 'tea', drug: 'tea', label: 'TEA' },
  { key: 'fourap', drug: '4-ap', label: '4-AP' },
] as const;

/**
 * The two membranes of the screen. The squid axon is Hodgkin & Huxley's (1952) `hh` (Q10 = 3 from 6.3 °C). The
 * Connor–Stevens neuron (Connor & Stevens 1971; Dayan & Abbott 2001 §6.2) adds the transient A-type K⁺ current that
 * 4-AP blocks and fires at low rates from rheobase (type I); its rates have no temperature scaling.
 */
export const AP_MEMBRANES = {
  squid: {
    label: 'Squid giant axon (Hodgkin–Huxley)',
    mechanisms: ['hh'],
    gates: 'hh',
    initialVoltage: -65,
    reversals: [] as { ion: IonName; reversal: number }[],
    temperatureMatters: true,
  },
  'connor-stevens': {
    label: 'Gastropod neuron with A-type K⁺ channels (Connor–Stevens)',
    mechanisms: ['connor-stevens', 'a-type-potassium'],
    gates: 'connor-stevens',
    initialVoltage: -67.97,
    reversals: [
      { ion: 'na', reversal: 55 },
      { ion: 'k', reversal: -72 },
    ] as { ion: IonName; reversal: number }[],
    temperatureMatters: false,
  },
} as const;
export type ApMembrane = keyof typeof AP_MEMBRANES;

export function apMembrane(values: ParamValues): (typeof AP_MEMBRANES)[ApMembrane] {
  return AP_MEMBRANES[(String(values.cell) in AP_MEMBRANES ? String(values.cell) : 'squid') as ApMembrane];
}

/** Drug targets that a membrane's mechanisms have (a parameter carrying that target). */
function membraneTargets(membrane: ApMembrane): Set<string> {
  const targets = new Set<string>();
  for (const mechanism of AP_MEMBRANES[membrane].mechanisms) {
    for (const parameter of findMechanism(mechanism)?.parameters ?? []) {
      const target = parameterTarget(mechanism, parameter.name);
      if (target) targets.add(target);
    }
  }
  return targets;
}

/** "half block at 3.6 nM (voltage-gated sodium channel)" for each target of a catalogue drug, read at run time. */
export function drugBlocks(drug: string): string[] {
  const squid = membraneTargets('squid');
  const connorStevens = membraneTargets('connor-stevens');
  return (findLabDrug(drug)?.targets ?? []).map((block) => {
    const where = squid.has(block.target) ? '' : connorStevens.has(block.target) ? ' (only in the Connor–Stevens neuron)' : ' (in neither membrane)';
    return `${formatConcentration(block.ic50)} on the ${block.target}${where}`;
  });
}

/** The slider's help text, from the drug catalogue (description and IC50s). */
export function drugHelp(drug: string): string {
  const definition = findLabDrug(drug);
  if (!definition) return 'Leftmost: none.';
  return `${definition.description} Half block (IC50): ${drugBlocks(drug).join('; ')}. Leftmost: none.`;
}

/** The note under the toxins, generated from the catalogue. */
export function drugNote(): string {
  return `Half-block concentrations (IC50) from the library's drug catalogue: ${AP_DRUG_SLIDERS.map((slider) => `${slider.label} ${drugBlocks(slider.drug).join(', ')}`).join('; ')}.`;
}
const AT = { cell: 'neuron', section: 'soma', position: 0.5 } as const;

export const AP_SPECS: readonly ParamSpec[] = [
  {
    kind: 'choice',
    key: 'cell',
    label: 'Membrane',
    default: 'squid',
    options: (Object.keys(AP_MEMBRANES) as ApMembrane[]).map((value) => ({ value, label: AP_MEMBRANES[value].label })),
    help: 'The Connor–Stevens neuron has A-type K⁺ channels (4-AP blocks them); its rates do not depend on temperature.',
  },
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
  { kind: 'number', key: 'ttx', label: 'TTX', unit: 'nM', min: 0.01, max: 1000, step: 0.01, default: 0, log: true, zeroAtMin: true, help: drugHelp('ttx') },
  { kind: 'number', key: 'tea', label: 'TEA', unit: 'mM', min: 0.001, max: 100, step: 0.01, default: 0, log: true, zeroAtMin: true, help: drugHelp('tea') },
  { kind: 'number', key: 'fourap', label: '4-AP', unit: 'mM', min: 0.001, max: 100, step: 0.01, default: 0, log: true, zeroAtMin: true, help: drugHelp('4-ap') },
  { kind: 'number', key: 'duration', label: 'Run length', unit: 'ms', min: 10, max: 500, step: 5, default: 50 },
];

/** A mechanism's catalogue defaults, by parameter name. */
function catalogueDefaults(mechanism: string): Record<string, number> {
  return Object.fromEntries((findMechanism(mechanism)?.parameters ?? []).map((p) => [p.name, p.defaultValue]));
}

/** Drug concentrations in mM, by catalogue name. */
export function apDrugs(values: ParamValues): Record<string, number> {
  return { ttx: Number(values.ttx) * MILLIMOLAR_PER.nM, tea: Number(values.tea), '4-ap': Number(values.fourap) };
}

/**
 * The membrane's maximal conductances (S/cm2) before and the fractions left after the drugs (the engine applies
 * the drugs itself, from the model's `drugs`; these figures are for display), and its leak.
 */
export function apConductances(values: ParamValues) {
  const membrane = apMembrane(values);
  const channels = membrane.gates;
  const drugs = apDrugs(values);
  const defaults = catalogueDefaults(channels);
  const sodium = drugFactor(channels, 'gnabar', drugs);
  const potassium = drugFactor(channels, 'gkbar', drugs);
  const hasA = (membrane.mechanisms as readonly string[]).includes('a-type-potassium');
  const aType = hasA ? drugFactor('a-type-potassium', 'gabar', drugs) : undefined;
  return { gnabar: defaults.gnabar * sodium, gkbar: defaults.gkbar * potassium, sodium, potassium, aType, gl: defaults.gl, el: defaults.el };
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
  const membrane = apMembrane(values);
  const gates = membrane.gates;
  const record = options.record ?? true;
  return {
    name: 'lab-action-potential',
    description: `${membrane.label}: one compartment of 1000 um2 (Membrane lab, Action potential screen).`,
    temperature: Number(values.temperature) + ZERO_CELSIUS,
    channels: [],
    drugs: drugApplications(apDrugs(values)),
    cells: [
      {
        id: 'neuron',
        morphology: { kind: 'single', section: 'soma', length: AP_SIDE, diameter: AP_SIDE },
        membrane: { capacitance: 1, axialResistivity: 35.4, initialVoltage: membrane.initialVoltage },
        mechanisms: membrane.mechanisms.map((mechanism) => ({ mechanism, parameters: {} })),
        ions: membrane.reversals.map((ion) => ({ ...ion })),
      },
    ],
    stimuli: [apStimulus(values)],
    recordings: record
      ? [
          { id: 'v', location: AT, variable: 'v' },
          { id: 'm', location: AT, variable: `${gates}.m` },
          { id: 'h', location: AT, variable: `${gates}.h` },
          { id: 'n', location: AT, variable: `${gates}.n` },
          { id: 'i_na', location: AT, variable: 'i_na' },
          { id: 'i_k', location: AT, variable: 'i_k' },
          { id: 'g_na', location: AT, variable: `${gates}.gna` },
          { id: 'g_k', location: AT, variable: `${gates}.gk` },
          ...((membrane.mechanisms as readonly string[]).includes('a-type-potassium') ? [{ id: 'g_a', location: AT, variable: 'a-type-potassium.ga' }] : []),
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

/** The patch at the same settings with no stimulus at all (recording v), to see whether it fires on its own. */
export function buildUnstimulatedModel(values: ParamValues, minimumDuration = 100): Model {
  const model = buildActionPotentialModel({ ...values, mode: 'pulse', amplitude: 0, duration: Math.max(Number(values.duration), minimumDuration) }, { record: false });
  return { ...model, stimuli: [], recordings: [{ id: 'v', location: AT, variable: 'v' }] };
}

/**
 * The screen's time cursor (simulated ms): where the membrane animation and the line over the traces stand. The
 * shared playback loop (web/src/common/playback.ts, run by the membrane animation) moves it; Replay starts it over.
 */
export class ActionPotentialModel {
  cursorMs = 0;
  /** Whether the cursor is drawn over the traces (once the run has been replayed, played or stepped). */
  cursorShown = false;

  moveCursor(simulatedMs: number): void {
    this.cursorMs = simulatedMs;
    this.cursorShown = true;
  }

  reset(): void {
    this.cursorMs = 0;
    this.cursorShown = false;
  }
}
