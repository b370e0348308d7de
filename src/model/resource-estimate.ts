/**
 * What a run of a model will need, estimated from its description before anything is allocated, and the limits
 * beyond which validation refuses it (docs/model-format.md, "Limits"). A few hundred bytes of model file can ask
 * for terabytes (`compartments: 1e9`, a duration of 1e12 ms, a time step of 5e-324 ms, an SWC point at 1e300 um):
 * `checkResources` turns each into one clear problem naming the field, the estimate and the limit, so that the
 * engine never starts an allocation it cannot finish.
 *
 * The estimate mirrors the engine (../engine/discretise.ts, recorder.ts, synapses.ts, waveform.ts) without importing
 * it (the model layer sits below the engine): nodes as NEURON numbers them (one per segment centre, one per section
 * end, one at the root), steps = duration / timeStep, samples = duration / recordInterval + 1, spike-source times
 * drawn before the run and the events they send through each connection, noise values drawn per waveform. Memory is
 * estimated from the columns the engine keeps per node and per mechanism row, at 8 bytes a number.
 *
 * The default limits suit a machine of 24 GB and runs of a few minutes (measured on this project's 2-core machines:
 * about 0.3 us per step of one HH compartment, about 100 ns per compartment-step of an HH cable with exact rates).
 */
import type { PathSegment } from './issues.js';
import type { ResolveIssue } from './resolve-helpers.js';
import type { CellDescription, Model, Morphology } from './types.js';

export interface ResourceLimits {
  /** Compartments (segments) of all cells together. */
  readonly compartments: number;
  /** Time steps of a fixed-step run: duration / timeStep. */
  readonly steps: number;
  /** Compartments x steps: the work of a fixed-step run. */
  readonly compartmentSteps: number;
  /** Recorded values: samples x (recordings + the time column). */
  readonly recordedValues: number;
  /** Values drawn before the run: spike-source times and the events they send, train pulses, noise values. */
  readonly events: number;
  /** Memory the run needs, bytes (estimated). */
  readonly memoryBytes: number;
}

/**
 * The limits in force unless raised. Compartments: 1e6, about 0.6 GB at the estimate below (NEURON: about 1.1 kB a
 * compartment). Steps: 1e9, about 5 minutes for one HH compartment. Compartment-steps: 3e9, about 5 minutes at
 * 100 ns each. Recorded values: 2e7, 160 MB in memory and a CSV or JSON export of about 300 MB, under JavaScript's
 * largest string (2^29 characters). Events: 5e7, about 1.5 GB. Memory: 8 GB, a third of a 24 GB machine.
 */
export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = {
  compartments: 1_000_000,
  steps: 1e9,
  compartmentSteps: 3e9,
  recordedValues: 2e7,
  events: 5e7,
  memoryBytes: 8e9,
};

/** The command-line option that raises each limit (`membrane run` and `membrane check`), named in messages. */
export const RESOURCE_LIMIT_OPTIONS: Readonly<Record<keyof ResourceLimits, string>> = {
  compartments: '--max-compartments',
  steps: '--max-steps',
  compartmentSteps: '--max-compartment-steps',
  recordedValues: '--max-recorded-values',
  events: '--max-events',
  memoryBytes: '--max-memory',
};

/**
 * Numbers kept per node whatever the mechanisms: the membrane arrays (v, current, conductance and five per ion for
 * four ions: 23), the tree (parent, area, volume, axial conductance, distance, cell: 6), capacitance, density factor
 * and initial voltage (3), the Hines solver's diagonal and right-hand side (2) and the lists the discretisation
 * builds them from (6); rounded up to 48 for the concentrations and the recorder's lookups.
 */
const NUMBERS_PER_NODE = 48;
/** Numbers per mechanism row beyond its parameters: its states (at most 3 in the catalogue), scratch and node index. */
const NUMBERS_PER_MECHANISM_ROW = 6;
/** Parameters assumed for a catalogue mechanism the caller did not describe (the catalogue's largest has 5). */
const PARAMETERS_OF_UNKNOWN_MECHANISM = 8;
/** Bytes per event drawn before the run: its time in a list, and time, target and weight in the event queue. */
const BYTES_PER_EVENT = 32;
const BYTES_PER_NUMBER = 8;
/** NEURON's default time step (ms): a duration is blamed for too many steps when it alone has too many at this step. */
const DEFAULT_TIME_STEP = 0.025;
/** The default longest compartment of a points morphology (um), for the same judgement. */
const DEFAULT_MAXIMUM_COMPARTMENT_LENGTH = 20;

/** One part of an estimate: where in the model it comes from and how much it is. */
interface Part {
  readonly path: PathSegment[];
  readonly amount: number;
  /** The value shown when the field's text as typed is not at hand. */
  readonly input: unknown;
  /** What this part is, for the message. */
  readonly what: string;
}

export interface ResourceEstimate {
  /** Compartments (segments) and nodes (segments plus section ends) of all cells. */
  readonly compartments: number;
  readonly nodes: number;
  /** Time steps of a fixed-step run; undefined for the adaptive integrator (it chooses its steps). */
  readonly steps: number | undefined;
  readonly compartmentSteps: number | undefined;
  /** Samples per recorded trace. */
  readonly samples: number;
  readonly recordedValues: number;
  readonly events: number;
  readonly memoryBytes: number;
}

/** Compartments and nodes of one morphology, and its largest part (the field to blame). */
function morphologyParts(morphology: Morphology, path: PathSegment[]): { compartments: number; nodes: number; parts: Part[] } {
  switch (morphology.kind) {
    case 'single':
      return { compartments: 1, nodes: 1, parts: [] };
    case 'cable':
      return {
        compartments: morphology.compartments,
        nodes: morphology.compartments + 2,
        parts: [{ path: [...path, 'compartments'], amount: morphology.compartments, input: morphology.compartments, what: 'this cable' }],
      };
    case 'sections': {
      let compartments = 0;
      const parts = morphology.sections.map((section, index): Part => {
        compartments += section.compartments;
        return { path: [...path, 'sections', index, 'compartments'], amount: section.compartments, input: section.compartments, what: `section ${section.id}` };
      });
      return { compartments, nodes: compartments + morphology.sections.length + 1, parts };
    }
    case 'points':
      return pointsParts(morphology, path);
  }
}

/**
 * Compartments of a points morphology as the engine splits it: the root point one compartment, each other point
 * ceil(distance to its parent / maximumCompartmentLength), at least one. Blames the longest link when the geometry
 * alone (at the default 20 um) has too many compartments, else maximumCompartmentLength.
 */
function pointsParts(morphology: Extract<Morphology, { kind: 'points' }>, path: PathSegment[]) {
  const byId = new Map(morphology.points.map((point) => [point.id, point]));
  const maximum = morphology.maximumCompartmentLength;
  let compartments = 1;
  let atDefault = 1;
  let longest = { index: -1, length: 0, compartments: 0 };
  morphology.points.forEach((point, index) => {
    const parent = point.parent === -1 ? undefined : byId.get(point.parent);
    if (parent === undefined) return;
    const length = Math.hypot(point.x - parent.x, point.y - parent.y, point.z - parent.z);
    const count = Math.max(1, Math.ceil(length / maximum));
    compartments += count;
    atDefault += Math.max(1, Math.ceil(length / DEFAULT_MAXIMUM_COMPARTMENT_LENGTH));
    if (!(length <= longest.length)) longest = { index, length, compartments: count };
  });
  const nodes = compartments + morphology.points.length + 1;
  const blameLength: Part = {
    path: [...path, 'maximumCompartmentLength'],
    amount: compartments,
    input: `${maximum} um`,
    what: `${count(morphology.points.length)} points split into pieces of at most ${maximum} um`,
  };
  if (longest.index < 0) return { compartments, nodes, parts: [] };
  const point = morphology.points[longest.index];
  const blamePoint: Part = {
    path: [...path, 'points', longest.index],
    amount: longest.compartments,
    input: point,
    what: `point ${point.id}, ${count(longest.length)} um from its parent (point ${point.parent}), in pieces of at most ${maximum} um,`,
  };
  return { compartments, nodes, parts: [atDefault > DEFAULT_RESOURCE_LIMITS.compartments ? blamePoint : blameLength] };
}

/** A count for a message: whole numbers below a million as they are, larger ones as 4e13, 2.5e9. */
export function count(value: number): string {
  if (!Number.isFinite(value)) return 'infinitely many';
  if (Math.abs(value) < 1e6) return String(Number(value.toPrecision(6)));
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = Number((value / 10 ** exponent).toPrecision(3));
  return mantissa === 10 ? `1e${exponent + 1}` : `${mantissa}e${exponent}`;
}

/** Bytes for a message: 160 MB, 8 GB, 3.2 TB. */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return 'infinitely many bytes';
  if (value >= 1e18) return `${count(value)} bytes`;
  const units: [number, string][] = [
    [1e15, 'PB'],
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  for (const [size, unit] of units) if (value >= size) return `${Number((value / size).toPrecision(3))} ${unit}`;
  return `${Math.round(value)} bytes`;
}

/** Options of `estimateResources` and `checkResources`: the catalogue's parameters (see ResolveOptions.catalogue). */
export interface EstimateOptions {
  readonly catalogue?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Numbers per row of a mechanism placed in `cell`. */
function numbersPerRow(mechanism: string, model: Model, options: EstimateOptions): number {
  const channel = model.channels.find((candidate) => candidate.name === mechanism);
  if (channel) return channel.gates.length + 2 + NUMBERS_PER_MECHANISM_ROW;
  const parameters = options.catalogue && Object.hasOwn(options.catalogue, mechanism) ? Object.keys(options.catalogue[mechanism]).length : PARAMETERS_OF_UNKNOWN_MECHANISM;
  return parameters + NUMBERS_PER_MECHANISM_ROW;
}

interface Breakdown {
  readonly estimate: ResourceEstimate;
  readonly compartmentParts: readonly Part[];
  readonly eventParts: readonly Part[];
  readonly memory: { readonly cells: number; readonly recordings: number; readonly events: number };
}

function breakdown(model: Model, options: EstimateOptions): Breakdown {
  let compartments = 0;
  let nodes = 0;
  let cellBytes = 0;
  const compartmentParts: Part[] = [];
  model.cells.forEach((cell: CellDescription, index) => {
    const shape = morphologyParts(cell.morphology, ['cells', index, 'morphology']);
    compartments += shape.compartments;
    nodes += shape.nodes;
    compartmentParts.push(...shape.parts);
    // Every mechanism is counted on every node of its cell: an upper bound for those placed on some regions.
    const rowNumbers = cell.mechanisms.reduce((sum, placement) => sum + numbersPerRow(placement.mechanism, model, options), 0);
    cellBytes += shape.nodes * (NUMBERS_PER_NODE + rowNumbers) * BYTES_PER_NUMBER;
  });
  const { run } = model;
  const adaptive = run.integrator === 'adaptive';
  const steps = adaptive ? undefined : run.duration / run.timeStep;
  const samples = Math.floor(run.duration / run.recordInterval + 1e-9) + 1;
  const recordedValues = samples * (model.recordings.length + 1);

  const eventParts: Part[] = [];
  const connectionsFrom = new Map<string, number>();
  for (const connection of model.connections ?? []) connectionsFrom.set(connection.source, (connectionsFrom.get(connection.source) ?? 0) + 1);
  (model.sources ?? []).forEach((source, index) => {
    const fanOut = 1 + (connectionsFrom.get(source.id) ?? 0);
    if (source.kind === 'poisson') {
      const spikes = (source.rate * Math.max(0, source.stop - source.start)) / 1000;
      eventParts.push({
        path: ['sources', index, 'rate'],
        amount: spikes * fanOut,
        input: `${source.rate} Hz`,
        what: `${source.rate} Hz over ${count(source.stop - source.start)} ms is about ${count(spikes)} spikes, each drawn once and sent through ${fanOut - 1} connection(s), so ${count(spikes * fanOut)}`,
      });
    } else {
      eventParts.push({ path: ['sources', index, 'times'], amount: source.times.length * fanOut, input: `${source.times.length} times`, what: `${source.times.length} spike times through ${fanOut - 1} connection(s)` });
    }
  });
  model.stimuli.forEach((stimulus, index) => {
    if (stimulus.kind !== 'current-clamp') return;
    const waveform = stimulus.waveform;
    if (waveform.shape === 'noise') {
      const values = Math.max(1, Math.ceil(waveform.duration / waveform.interval));
      eventParts.push({
        path: ['stimuli', index, 'waveform', 'interval'],
        amount: values,
        input: `${waveform.interval} ms`,
        what: `noise for ${count(waveform.duration)} ms with a new value every ${waveform.interval} ms is ${count(values)} values`,
      });
    } else if (waveform.shape === 'train') {
      eventParts.push({ path: ['stimuli', index, 'waveform', 'count'], amount: 2 * waveform.count, input: waveform.count, what: `${count(waveform.count)} pulses are ${count(2 * waveform.count)} edges` });
    }
  });
  const events = eventParts.reduce((sum, part) => sum + part.amount, 0);
  const memory = {
    cells: cellBytes,
    recordings: recordedValues * BYTES_PER_NUMBER,
    events: events * BYTES_PER_EVENT + (model.synapses?.length ?? 0) * 16 * BYTES_PER_NUMBER,
  };
  return {
    estimate: {
      compartments,
      nodes,
      steps,
      compartmentSteps: steps === undefined ? undefined : steps * compartments,
      samples,
      recordedValues,
      events,
      memoryBytes: memory.cells + memory.recordings + memory.events,
    },
    compartmentParts,
    eventParts,
    memory,
  };
}

/** What a run of the model will need (see the file comment); never throws, never allocates per compartment. */
export function estimateResources(model: Model, options: EstimateOptions = {}): ResourceEstimate {
  return breakdown(model, options).estimate;
}

/** The largest of some parts. */
function largest(parts: readonly Part[]): Part | undefined {
  return parts.reduce<Part | undefined>((best, part) => (best === undefined || !(part.amount <= best.amount) ? part : best), undefined);
}

/** The limits in force: the defaults, each replaced by the one given. */
export function resourceLimits(given: Partial<ResourceLimits> = {}): ResourceLimits {
  const limits: Record<string, number> = { ...DEFAULT_RESOURCE_LIMITS };
  for (const key of Object.keys(DEFAULT_RESOURCE_LIMITS) as (keyof ResourceLimits)[]) {
    const value = given[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits as unknown as ResourceLimits;
}

const raise = (key: keyof ResourceLimits) => `raise the limit with ${RESOURCE_LIMIT_OPTIONS[key]}`;

/**
 * The problems of a model whose run would need more than the limits allow (each absent limit is the default):
 * one per limit exceeded, naming the field most to blame, the estimate and the limit. Empty when the run fits.
 */
export function checkResources(model: Model, given: Partial<ResourceLimits> = {}, options: EstimateOptions = {}): ResolveIssue[] {
  const limits = resourceLimits(given);
  const { estimate, compartmentParts, eventParts, memory } = breakdown(model, options);
  const issues: ResolveIssue[] = [];
  const { run } = model;

  if (!(estimate.compartments <= limits.compartments)) {
    const part = largest(compartmentParts);
    const own = part && part.amount * 2 >= estimate.compartments;
    issues.push({
      path: own ? part.path : ['cells'],
      input: own ? part.input : `${model.cells.length} cells`,
      allowed:
        `at most ${count(limits.compartments)} compartments in the model, not ${count(estimate.compartments)}` +
        `${own ? ` (${part.what} makes ${count(part.amount)})` : ''}, which would need about ${bytes(memory.cells)} of memory and time at every step; ${raise('compartments')}`,
    });
  }
  if (estimate.steps !== undefined && !(estimate.steps <= limits.steps)) {
    const durationToBlame = run.duration / DEFAULT_TIME_STEP > limits.steps;
    issues.push({
      path: ['run', durationToBlame ? 'duration' : 'timeStep'],
      input: durationToBlame ? `${run.duration} ms` : `${run.timeStep} ms`,
      allowed: `at most ${count(limits.steps)} time steps: ${count(run.duration)} ms at timeStep ${run.timeStep} ms is ${count(estimate.steps)} steps (about 5 minutes per 1e9 steps of one compartment); ${raise('steps')}`,
    });
  } else if (estimate.compartmentSteps !== undefined && !(estimate.compartmentSteps <= limits.compartmentSteps) && estimate.compartments <= limits.compartments) {
    issues.push({
      path: ['run', 'duration'],
      input: `${run.duration} ms`,
      allowed:
        `at most ${count(limits.compartmentSteps)} compartment-steps: ${count(estimate.compartments)} compartments for ${count(estimate.steps!)} steps ` +
        `(${count(run.duration)} ms at ${run.timeStep} ms) is ${count(estimate.compartmentSteps)}, about ${duration(estimate.compartmentSteps * 1e-7)} at 100 ns each; ${raise('compartmentSteps')}`,
    });
  }
  if (!(estimate.recordedValues <= limits.recordedValues)) {
    issues.push({
      path: ['run', 'recordInterval'],
      input: `${run.recordInterval} ms`,
      allowed:
        `at most ${count(limits.recordedValues)} recorded values: ${count(run.duration)} ms sampled every ${run.recordInterval} ms is ${count(estimate.samples)} samples ` +
        `x (${model.recordings.length} recording(s) + time) = ${count(estimate.recordedValues)} values (${bytes(memory.recordings)}); record less often or fewer variables, or ${raise('recordedValues')}`,
    });
  }
  if (!(estimate.events <= limits.events)) {
    const part = largest(eventParts)!;
    issues.push({
      path: part.path,
      input: part.input,
      allowed: `at most ${count(limits.events)} values drawn before the run in all, not ${count(estimate.events)}: ${part.what}; ${raise('events')}`,
    });
  }
  if (issues.length === 0 && !(estimate.memoryBytes <= limits.memoryBytes)) {
    const parts: [string, number, PathSegment[], unknown][] = [
      ['the cells and their mechanisms', memory.cells, ['cells'], `${count(estimate.compartments)} compartments`],
      ['the recorded traces', memory.recordings, ['run', 'recordInterval'], `${run.recordInterval} ms`],
      ['the events drawn before the run', memory.events, eventParts.length > 0 ? largest(eventParts)!.path : ['synapses'], eventParts.length > 0 ? largest(eventParts)!.input : `${model.synapses?.length ?? 0} synapses`],
    ];
    const [what, amount, path, input] = parts.reduce((best, part) => (part[1] > best[1] ? part : best));
    issues.push({
      path,
      input,
      allowed:
        `a run that needs at most ${bytes(limits.memoryBytes)} of memory, not about ${bytes(estimate.memoryBytes)} ` +
        `(${what}: ${bytes(amount)}); ${raise('memoryBytes')} (in GB)`,
    });
  }
  return issues;
}

/** Seconds for a message: 40 s, 12 minutes, 3.2 hours, 5 days. */
function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'forever';
  if (seconds < 120) return `${Number(seconds.toPrecision(2))} s`;
  if (seconds < 7200) return `${Number((seconds / 60).toPrecision(2))} minutes`;
  if (seconds < 172800) return `${Number((seconds / 3600).toPrecision(2))} hours`;
  return `${count(Number((seconds / 86400).toPrecision(2)))} days`;
}
