/**
 * Synapses: conductance synapses (kinetics of Destexhe, Mainen & Sejnowski 1998, the presets of the library's
 * schema, src/model/schema-synapse.ts) on a passive or HH membrane. Four experiments, each a few runs compared:
 * one event; two events in time; two synapses in space (a short cable); shunting inhibition (GABA-A reversing at
 * rest). Pure TS: builds the library `Model`s.
 */
import { postsynapticResponse, type PostsynapticResponse } from '../../../../src/analysis/index.js';
import { SYNAPSE_PRESETS } from '../../../../src/model/synapse-presets.js';
import { formatNumber, formatSigned } from '../../common/format.js';
import type { Location, Model, SynapseDescription } from '../../../../src/model/types.js';
import type { ParamSpec, ParamValues } from '../../params.js';
import type { ScreenModel } from '../../screen.js';

/** rise, decay (ms), reversal (mV), Mg2+ (mM): the library's presets (src/model/synapse-presets.ts). */
export const SYNAPSE_KINETICS = SYNAPSE_PRESETS;
export type SynapseKind = keyof typeof SYNAPSE_KINETICS;

export const REST = -65;
const EVENT_MS = 10;

/** The screen's time step and record interval, ms (one place: the model and the view's linear sum use it). */
export const SYNAPSE_TIME_STEP = 0.025;

export const SYNAPSE_SPECS: readonly ParamSpec[] = [
  {
    kind: 'choice',
    key: 'experiment',
    label: 'Experiment',
    default: 'single',
    options: [
      { value: 'single', label: 'One synaptic event' },
      { value: 'temporal', label: 'Temporal summation (two events)' },
      { value: 'spatial', label: 'Spatial summation (two synapses on a cable)' },
      { value: 'shunting', label: 'Shunting inhibition (GABA-A at rest)' },
    ],
  },
  { kind: 'choice', key: 'membrane', label: 'Membrane', default: 'passive', options: [{ value: 'passive', label: 'Passive (leak only)' }, { value: 'hh', label: 'Excitable (Hodgkin–Huxley)' }] },
  {
    kind: 'choice',
    key: 'kind',
    label: 'Synapse',
    default: 'ampa',
    options: [
      { value: 'ampa', label: 'AMPA (excitatory, fast)' },
      { value: 'nmda', label: 'NMDA (excitatory, slow, Mg²⁺ block)' },
      { value: 'gaba-a', label: 'GABA-A (inhibitory, fast)' },
      { value: 'gaba-b', label: 'GABA-B (inhibitory, slow)' },
    ],
  },
  { kind: 'number', key: 'weight', label: 'Peak conductance', unit: 'nS', min: 0.01, max: 50, step: 0.01, default: 1, log: true },
  { kind: 'number', key: 'interval', label: 'Interval between events', unit: 'ms', min: 0.5, max: 100, step: 0.5, default: 5 },
  { kind: 'number', key: 'position_a', label: 'Synapse A position', unit: 'µm', min: 0, max: 500, step: 5, default: 100, help: 'Distance from the recording site (cable end).' },
  { kind: 'number', key: 'position_b', label: 'Synapse B position', unit: 'µm', min: 0, max: 500, step: 5, default: 400 },
  { kind: 'number', key: 'inhibition', label: 'GABA-A conductance', unit: 'nS', min: 0.01, max: 50, step: 0.01, default: 5, log: true },
  { kind: 'number', key: 'e_inhibition', label: 'GABA-A reversal', unit: 'mV', min: -100, max: -40, step: 1, default: -65, help: 'At rest (−65 mV): inhibition that moves no voltage, only shunts.' },
  { kind: 'number', key: 'duration', label: 'Run length', unit: 'ms', min: 20, max: 500, step: 5, default: 60 },
];

/** A 1000 um2 compartment (1 nS into g_leak 1e-4 S/cm2 = 1 nS: tau 10 ms), or a 500 x 1 um cable for space. */
const SIDE = Math.sqrt(1000 / Math.PI);
const CABLE_LENGTH = 500;

export interface SynapseRun {
  readonly label: string;
  readonly model: Model;
}

function cellModel(values: ParamValues, cable: boolean, synapses: SynapseDescription[], events: { synapse: string; times: number[]; weight: number }[]): Model {
  const hh = String(values.membrane) === 'hh';
  const record: Location = cable ? { cell: 'cell', section: 'dendrite', position: 0 } : { cell: 'cell', section: 'soma', position: 0.5 };
  return {
    name: 'lab-synapses',
    temperature: 279.45,
    channels: [],
    cells: [
      {
        id: 'cell',
        morphology: cable
          ? { kind: 'cable', section: 'dendrite', region: 'dendrite', length: CABLE_LENGTH, diameter: 1, compartments: 50 }
          : { kind: 'single', section: 'soma', length: SIDE, diameter: SIDE },
        membrane: { capacitance: 1, axialResistivity: 150, initialVoltage: REST },
        mechanisms: hh ? [{ mechanism: 'hh', parameters: {} }] : [{ mechanism: 'pas', parameters: { g: 1e-4, e: REST } }],
        ions: [],
      },
    ],
    stimuli: [],
    recordings: [{ id: 'v', location: record, variable: 'v' }, ...synapses.map((s) => ({ id: `${s.id}_g`, location: s.location, variable: `${s.id}.g` }))],
    spikes: [{ id: 'spikes', location: record, threshold: 0 }],
    synapses,
    sources: events.map((event, i) => ({ id: `pre${i}`, kind: 'train' as const, times: event.times })),
    connections: events.map((event, i) => ({ source: `pre${i}`, target: event.synapse, weight: event.weight, delay: 0 })),
    run: { duration: Number(values.duration), timeStep: SYNAPSE_TIME_STEP, integrator: 'backward-euler', rates: 'exact', absoluteTolerance: 1e-6, relativeTolerance: 1e-7, recordInterval: SYNAPSE_TIME_STEP },
  };
}

function synapse(id: string, kind: SynapseKind, location: Location, reversal?: number): SynapseDescription {
  const k = SYNAPSE_KINETICS[kind];
  return { id, kind, location, rise: k.rise, decay: k.decay, reversal: reversal ?? k.reversal, magnesium: k.magnesium };
}

/** The runs of the chosen experiment (the view also draws the linear sum of the single runs). */
export function buildSynapseRuns(values: ParamValues): SynapseRun[] {
  const kind = String(values.kind) as SynapseKind;
  const weight = Number(values.weight) * 1e-3; // nS -> uS
  const soma: Location = { cell: 'cell', section: 'soma', position: 0.5 };
  switch (String(values.experiment)) {
    case 'temporal': {
      const s = [synapse('syn', kind, soma)];
      return [
        { label: 'one event', model: cellModel(values, false, s, [{ synapse: 'syn', times: [EVENT_MS], weight }]) },
        { label: 'two events', model: cellModel(values, false, s, [{ synapse: 'syn', times: [EVENT_MS, EVENT_MS + Number(values.interval)], weight }]) },
      ];
    }
    case 'spatial': {
      const at = (um: number): Location => ({ cell: 'cell', section: 'dendrite', position: Math.min(1, Math.max(0, um / CABLE_LENGTH)) });
      const s = [synapse('a', kind, at(Number(values.position_a))), synapse('b', kind, at(Number(values.position_b)))];
      return [
        { label: 'A alone', model: cellModel(values, true, s, [{ synapse: 'a', times: [EVENT_MS], weight }]) },
        { label: 'B alone', model: cellModel(values, true, s, [{ synapse: 'b', times: [EVENT_MS], weight }]) },
        { label: 'A and B together', model: cellModel(values, true, s, [{ synapse: 'a', times: [EVENT_MS], weight }, { synapse: 'b', times: [EVENT_MS], weight }]) },
      ];
    }
    case 'shunting': {
      const s = [synapse('exc', 'ampa', soma), synapse('inh', 'gaba-a', soma, Number(values.e_inhibition))];
      const inhibition = Number(values.inhibition) * 1e-3;
      return [
        { label: 'excitation alone', model: cellModel(values, false, s, [{ synapse: 'exc', times: [EVENT_MS], weight }]) },
        { label: 'inhibition alone', model: cellModel(values, false, s, [{ synapse: 'inh', times: [EVENT_MS - 1], weight: inhibition }]) },
        { label: 'both', model: cellModel(values, false, s, [{ synapse: 'exc', times: [EVENT_MS], weight }, { synapse: 'inh', times: [EVENT_MS - 1], weight: inhibition }]) },
      ];
    }
    default: {
      const s = [synapse('syn', kind, soma)];
      return [{ label: `${kind.toUpperCase()} event`, model: cellModel(values, false, s, [{ synapse: 'syn', times: [EVENT_MS], weight }]) }];
    }
  }
}

/** Largest deviation from rest (signed: depolarising positive unless the trace only hyperpolarises). */
export function peakDeviation(v: ArrayLike<number>): number {
  let high = -Infinity, low = Infinity;
  for (let i = 0; i < v.length; i++) {
    high = Math.max(high, v[i] - REST);
    low = Math.min(low, v[i] - REST);
  }
  return Math.abs(high) >= Math.abs(low) ? high : low;
}

/** Capacitance of the single compartment, nF: 1 uF/cm2 x 1000 um2 = 0.01 nF. */
export const SYNAPSE_COMPARTMENT_CAPACITANCE_NF = 1 * 1000 * 1e-8 * 1e3;

/**
 * The response of one run (src/analysis/postsynaptic-potential.ts): its peak change from rest, or the action
 * potential it fired with the EPSP at the spike's threshold. In the single compartment the synaptic current
 * into the cell, -g (V - E_rev) summed over the synapses (uS x mV = nA, from the recorded `<id>_g` traces), is taken
 * out of dV/dt before the threshold criterion; on the cable the synapses are away from the recording site, whose
 * dV/dt is read as it is.
 */
export function analyseSynapseRun(time: ArrayLike<number>, traces: readonly { id: string; values: ArrayLike<number> }[], model: Model): PostsynapticResponse {
  const v = traces.find((trace) => trace.id === 'v')?.values ?? [];
  const single = model.cells[0]?.morphology.kind === 'single';
  let stimulus: { current: Float64Array; capacitance: number } | undefined;
  if (single) {
    const current = new Float64Array(v.length);
    for (const synapseDescription of model.synapses ?? []) {
      const g = traces.find((trace) => trace.id === `${synapseDescription.id}_g`)?.values;
      if (!g) continue;
      for (let i = 0; i < v.length; i++) current[i] -= g[i] * (v[i] - synapseDescription.reversal);
    }
    stimulus = { current, capacitance: SYNAPSE_COMPARTMENT_CAPACITANCE_NF };
  }
  return postsynapticResponse(time, v, { rest: REST, stimulus });
}

/** "+16.6 mV", or "an action potential (triggered by an EPSP of +12.4 mV)" for a run that fired. */
export function describeResponse(response: PostsynapticResponse): string {
  if (response.actionPotential) return `an action potential (peak ${formatNumber(response.actionPotential.peak, 3)} mV), triggered by an EPSP of ${formatSigned(response.actionPotential.triggeringPotential, 'mV')}`;
  return formatSigned(response.peak, 'mV');
}

/**
 * How a potential change `before` (mV from rest, signed) became `after`, in words that hold for any reversal:
 * "reverses it" when the sign flips, "cuts it by X %" when it shrinks, "adds to it (+X %)" when it grows.
 */
export function describeChange(before: number, after: number, name = 'the EPSP'): string {
  const from = `from ${formatSigned(before, 'mV')} to ${formatSigned(after, 'mV')}`;
  if (!Number.isFinite(before) || !Number.isFinite(after)) return `changes ${name}`;
  if (before === 0) return after === 0 ? `leaves ${name} at 0 mV` : `creates a change of ${formatSigned(after, 'mV')}`;
  if (Math.sign(after) !== Math.sign(before) && after !== 0) return `reverses ${name}: ${from}`;
  const ratio = Math.abs(after) / Math.abs(before);
  if (ratio < 1) return `cuts ${name} by ${formatNumber((1 - ratio) * 100, 3)} % (${from})`;
  if (ratio > 1) return `adds to ${name}: ${from} (${formatNumber((ratio - 1) * 100, 3)} % more)`;
  return `leaves ${name} unchanged (${formatSigned(after, 'mV')})`;
}

/** No animation on this screen beyond redraws; the model keeps the interface. */
export class SynapsesModel implements ScreenModel {
  step(): void {}
  reset(): void {}
}
