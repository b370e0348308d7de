/**
 * Messages between the page and the engine worker. Simulated times are in ms (`...Ms` or the library's canonical
 * ms fields); wall-clock durations are named `wallMs`. Typed arrays travel as transferables (no copy).
 */
import type { SpontaneousActivity } from '../../src/analysis/index.js';
import type { Model } from '../../src/model/types.js';

/** One recorded trace, as the library's `simulate` returns it (values in the trace's unit). */
export interface TraceFrame {
  readonly id: string;
  readonly variable: string;
  readonly unit: string;
  readonly values: Float64Array;
}

/** A whole run: sample times (ms), traces, spike times (ms), the measured conduction velocity. */
export interface SimulationFrame {
  readonly time: Float64Array;
  readonly traces: readonly TraceFrame[];
  readonly spikes: readonly { readonly id: string; readonly times: readonly number[] }[];
  readonly velocity?: { readonly metresPerSecond: number; readonly distance: number; readonly delay: number };
  readonly steps: number;
  readonly compartments: number;
  /** Wall-clock time the engine took, ms. */
  readonly wallMs: number;
}

/** V over position and time: `voltage[sample * positions.length + k]`, mV (Float32 to halve the transfer). */
export interface SpaceTimeFrame {
  readonly time: Float64Array;
  /** Distance of each recorded point from the stimulated end, um. */
  readonly positions: Float64Array;
  /** Which recorded points lie on nodes of Ranvier (1) or not (0). */
  readonly isNode: Uint8Array;
  readonly voltage: Float32Array;
  readonly velocity?: { readonly metresPerSecond: number; readonly distance: number; readonly delay: number };
  readonly steps: number;
  readonly wallMs: number;
}

export interface ThresholdFrame {
  /** The smallest stimulus amplitude (the stimulus' unit) that fires, or null when none in range fires. */
  readonly threshold: number | null;
  /** Set when the unstimulated membrane fires on its own (then there is no threshold current). */
  readonly spontaneous?: SpontaneousActivity;
  readonly wallMs: number;
}

export interface RefractoryFrame {
  /** Intervals between the two pulses, ms, and the second pulse's threshold relative to the first (null: none fires). */
  readonly intervals: Float64Array;
  readonly relativeThreshold: readonly (number | null)[];
  /** Absolute refractory period, ms (null: no second spike at any interval given), and the end of the relative one. */
  readonly absolute: number | null;
  readonly relative: number | null;
  readonly wallMs: number;
}

export interface JobInputs {
  simulate: { readonly model: Model };
  'space-time': { readonly model: Model; readonly positions: readonly number[]; readonly isNode: readonly boolean[] };
  threshold: { readonly model: Model; readonly low: number; readonly high: number; readonly spikeId: string; readonly iterations: number; readonly unstimulated?: Model };
  refractory: { readonly model: Model; readonly intervals: readonly number[]; readonly spikeId: string; readonly singleThreshold: number; readonly iterations: number };
  'simulate-many': { readonly models: readonly Model[] };
  timelapse: { readonly segments: readonly { readonly model: Model; readonly show: boolean }[]; readonly carry: readonly ('na' | 'k' | 'cl' | 'ca')[] };
}

export interface JobOutputs {
  simulate: SimulationFrame;
  'space-time': SpaceTimeFrame;
  threshold: ThresholdFrame;
  refractory: RefractoryFrame;
  'simulate-many': readonly SimulationFrame[];
  timelapse: SimulationFrame;
}

export type JobName = keyof JobInputs;

export interface JobRequest<K extends JobName = JobName> {
  readonly id: number;
  readonly job: K;
  readonly input: JobInputs[K];
}

export type JobResponse =
  | { readonly id: number; readonly ok: true; readonly output: JobOutputs[JobName] }
  | { readonly id: number; readonly ok: false; readonly error: string };
