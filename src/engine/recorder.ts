/**
 * The recorders of a run: probes sampled into preallocated typed-array columns, and spike detectors.
 */
import type { CompiledModel } from './compile.js';
import { locateNode } from './locate.js';
import { createProbe, type Probe, type StimulusCurrents } from './probes.js';
import { SpikeDetector } from './spike-detector.js';

/** The recorders of a run: probes sampled into preallocated columns and spike detectors. */
export interface Recorder {
  readonly probes: readonly Probe[];
  readonly columns: readonly Float64Array[];
  readonly time: Float64Array;
  readonly detectors: readonly SpikeDetector[];
  readonly detectorNodes: readonly number[];
  readonly currents: StimulusCurrents;
  sampleCount: number;
  sample(t: number): void;
}

export function createRecorder(compiled: CompiledModel): Recorder {
  const { model } = compiled;
  const currents: StimulusCurrents = { current: null };
  const probes = model.recordings.map((recording, index) => createProbe(compiled, recording, index, currents));
  const samples = Math.floor(model.run.duration / model.run.recordInterval + 1e-9) + 1;
  const columns = probes.map(() => new Float64Array(samples));
  const time = new Float64Array(samples);
  const detectorNodes = model.spikes.map((spike, index) => locateNode(compiled, spike.location, `spikes[${index}].location`));
  const detectors = detectorNodes.map(
    (node, index) => new SpikeDetector(model.spikes[index].threshold, () => compiled.membrane.v[node], model.spikes[index].refractory ?? 0),
  );
  const recorder: Recorder = {
    probes,
    columns,
    time,
    detectors,
    detectorNodes,
    currents,
    sampleCount: 0,
    sample(t: number) {
      const k = recorder.sampleCount;
      if (k >= samples) return;
      time[k] = t;
      for (let p = 0; p < probes.length; p++) columns[p][k] = probes[p].read();
      recorder.sampleCount = k + 1;
    },
  };
  return recorder;
}

