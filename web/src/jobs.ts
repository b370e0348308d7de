/**
 * The engine's jobs, as pure functions of plain data (run in the worker; also importable in Node for tests).
 * Each returns its frame and the buffers to transfer.
 */
import { refractoryPeriods, spontaneousActivity } from '../../src/analysis/index.js';
import { simulate } from '../../src/engine/index.js';
import type { Model, Stimulus } from '../../src/model/types.js';
import type { JobInputs, JobName, JobOutputs, RefractoryFrame, SimulationFrame, SpaceTimeFrame, ThresholdFrame } from './engine-protocol.js';

export function runSimulation(model: Model): SimulationFrame {
  const start = performance.now();
  const result = simulate(model);
  return {
    // Copies: the recorder's columns may share buffers; each transferred array must own its buffer.
    time: result.time.slice(),
    traces: result.traces.map((trace) => ({ id: trace.id, variable: trace.variable, unit: trace.unit, values: trace.values.slice() })),
    spikes: result.spikes.map((train) => ({ id: train.id, times: [...train.times] })),
    velocity: result.velocity && { metresPerSecond: result.velocity.metresPerSecond, distance: result.velocity.distance, delay: result.velocity.delay },
    steps: result.steps,
    compartments: result.compartments,
    wallMs: performance.now() - start,
  };
}

/** Runs a model whose recordings are all `v` along an axon and packs them into one position-by-time matrix. */
export function runSpaceTime(input: JobInputs['space-time']): SpaceTimeFrame {
  const start = performance.now();
  const result = simulate(input.model);
  const samples = result.time.length;
  const count = result.traces.length;
  const voltage = new Float32Array(samples * count);
  for (let k = 0; k < count; k++) {
    const values = result.traces[k].values;
    for (let s = 0; s < samples; s++) voltage[s * count + k] = values[s];
  }
  return {
    time: result.time.slice(),
    positions: Float64Array.from(input.positions),
    isNode: Uint8Array.from(input.isNode, (node) => (node ? 1 : 0)),
    voltage,
    velocity: result.velocity && { metresPerSecond: result.velocity.metresPerSecond, distance: result.velocity.distance, delay: result.velocity.delay },
    steps: result.steps,
    wallMs: performance.now() - start,
  };
}

function withAmplitude(model: Model, scale: (stimulus: Stimulus, index: number) => number): Model {
  return {
    ...model,
    recordings: [],
    stimuli: model.stimuli.map((stimulus, index) => {
      if (stimulus.kind !== 'current-clamp') return stimulus;
      const waveform = stimulus.waveform;
      if (waveform.shape !== 'step' && waveform.shape !== 'train') return stimulus;
      return { ...stimulus, waveform: { ...waveform, amplitude: scale(stimulus, index) } };
    }),
  };
}

function fires(model: Model, spikeId: string, count: number): boolean {
  const result = simulate(model);
  return (result.spikes.find((train) => train.id === spikeId)?.times.length ?? 0) >= count;
}

/**
 * Bisection on the amplitude of the first current clamp: the smallest that makes `spikeId` fire. When `unstimulated`
 * is given, that model (no stimulus, recording `v`) is run first: a membrane that fires on its own has no threshold
 * current (threshold null, `spontaneous` says how it fires; src/analysis/spontaneous-activity.ts).
 */
export function findThreshold(input: JobInputs['threshold']): ThresholdFrame {
  const start = performance.now();
  if (input.unstimulated) {
    const quiet = simulate(input.unstimulated);
    const v = quiet.traces.find((trace) => trace.variable === 'v')?.values;
    if (!v) throw new Error('threshold: the unstimulated model must record v');
    const spontaneous = spontaneousActivity(quiet.time, v);
    if (spontaneous.kind !== 'quiet') return { threshold: null, spontaneous, wallMs: performance.now() - start };
  }
  let low = input.low;
  let high = input.high;
  const at = (amplitude: number) => fires(withAmplitude(input.model, (_, i) => (i === 0 ? amplitude : 0)), input.spikeId, 1);
  if (!at(high)) return { threshold: null, wallMs: performance.now() - start };
  for (let i = 0; i < input.iterations; i++) {
    const middle = (low + high) / 2;
    if (at(middle)) high = middle;
    else low = middle;
  }
  return { threshold: high, wallMs: performance.now() - start };
}

/**
 * Paired pulses (src/analysis/refractory-period.ts): the first pulse (stimulus 0) fires; for each interval, the
 * threshold of a second one relative to the single-pulse threshold (null inside the absolute refractory period),
 * and the absolute and relative refractory periods.
 */
export function refractoryCurve(input: JobInputs['refractory']): RefractoryFrame {
  const start = performance.now();
  const periods = refractoryPeriods({ model: input.model, spikeId: input.spikeId, singleThreshold: input.singleThreshold, intervals: input.intervals, iterations: input.iterations });
  return {
    intervals: Float64Array.from(periods.points, (point) => point.interval),
    relativeThreshold: periods.points.map((point) => point.relativeThreshold),
    absolute: periods.absolute,
    relative: periods.relative,
    wallMs: performance.now() - start,
  };
}

/**
 * Runs segments one after another, each starting from where the previous ended: its initial voltage and the inside
 * concentrations of the `carry` ions are the previous segment's last values (so a drug can be applied mid-way, and
 * a hidden first segment can settle the cell to its steady state). The shown segments are joined on one time axis.
 */
export function runTimelapse(input: JobInputs['timelapse']): SimulationFrame {
  const start = performance.now();
  let previous: SimulationFrame | undefined;
  let offset = 0;
  let steps = 0;
  const times: Float64Array[] = [];
  const columns = new Map<string, { variable: string; unit: string; parts: Float64Array[] }>();
  for (const segment of input.segments) {
    let model = segment.model;
    if (previous) {
      const last = (variable: string) => {
        const trace = previous?.traces.find((t) => t.variable === variable);
        return trace ? trace.values[trace.values.length - 1] : undefined;
      };
      const v = last('v');
      model = {
        ...model,
        cells: model.cells.map((cell) => ({
          ...cell,
          membrane: { ...cell.membrane, initialVoltage: v ?? cell.membrane.initialVoltage },
          ions: cell.ions.map((ion) => {
            const inside = input.carry.includes(ion.ion) ? last(`${ion.ion}_inside`) : undefined;
            return inside === undefined ? ion : { ...ion, inside };
          }),
        })),
      };
    }
    const frame = runSimulation(model);
    steps += frame.steps;
    if (segment.show) {
      // Skip the first sample of a continuing segment: it repeats the previous segment's last one.
      const skip = times.length > 0 ? 1 : 0;
      times.push(frame.time.subarray(skip).map((t) => t + offset));
      for (const trace of frame.traces) {
        const column = columns.get(trace.id) ?? { variable: trace.variable, unit: trace.unit, parts: [] };
        column.parts.push(trace.values.subarray(skip));
        columns.set(trace.id, column);
      }
      offset += frame.time[frame.time.length - 1];
    }
    previous = frame;
  }
  const join = (parts: Float64Array[]) => {
    const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  return {
    time: join(times),
    traces: [...columns].map(([id, column]) => ({ id, variable: column.variable, unit: column.unit, values: join(column.parts) })),
    spikes: [],
    steps,
    compartments: previous?.compartments ?? 0,
    wallMs: performance.now() - start,
  };
}

export function runJob<K extends JobName>(job: K, input: JobInputs[K]): JobOutputs[K] {
  switch (job) {
    case 'simulate':
      return runSimulation((input as JobInputs['simulate']).model) as JobOutputs[K];
    case 'space-time':
      return runSpaceTime(input as JobInputs['space-time']) as JobOutputs[K];
    case 'threshold':
      return findThreshold(input as JobInputs['threshold']) as JobOutputs[K];
    case 'refractory':
      return refractoryCurve(input as JobInputs['refractory']) as JobOutputs[K];
    case 'simulate-many':
      return (input as JobInputs['simulate-many']).models.map(runSimulation) as unknown as JobOutputs[K];
    case 'timelapse':
      return runTimelapse(input as JobInputs['timelapse']) as JobOutputs[K];
    default:
      throw new Error(`unknown job ${String(job)}`);
  }
}

/** The buffers of a frame, to transfer instead of copying. */
export function transferables(output: unknown): Transferable[] {
  const found: Transferable[] = [];
  const visit = (value: unknown) => {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer && !found.includes(value.buffer)) found.push(value.buffer);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(output);
  return found;
}
