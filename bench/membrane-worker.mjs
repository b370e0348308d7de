/**
 * Membrane side of one benchmark case, run in its own process by bench/run.mjs:
 *
 *   node --expose-gc bench/membrane-worker.mjs WORKLOAD RATES [RUNS] [WARMUPS]
 *     WORKLOAD  w1 | w2 | w2b;  RATES  table | exact;  RUNS  timed runs (default 5);  WARMUPS  warm-up runs (default 1)
 *
 * Prints one JSON line. Each repetition prepares a new simulation (a prepared simulation runs once): the first
 * prepareSimulation is timed as "build"; then one validation run, WARMUPS warm-up runs and RUNS timed runs, each timing
 * `run()` alone with process.hrtime.bigint(). Memory: heapUsed + arrayBuffers (process.memoryUsage()) just before and
 * just after the first prepareSimulation, each after a full gc() (needs --expose-gc), divided by the compartments.
 * That includes the recorder's preallocated sample buffers (time + one column per recording, Float64, one sample per
 * step), reported apart as recordingBytesPerCompartment.
 */
import { prepareSimulation } from '../dist/index.js';
import { buildModel, check, WORKLOADS } from './models.mjs';

const [workload = 'w2', rates = 'table', runsArg = '5', warmupsArg = '1'] = process.argv.slice(2);
const runs = Number(runsArg);
const warmups = Number(warmupsArg);
if (!(workload in WORKLOADS) || !['table', 'exact'].includes(rates) || !(runs >= 1) || !(warmups >= 0)) {
  console.error('usage: node --expose-gc bench/membrane-worker.mjs w1|w2|w2b table|exact [runs] [warmups]');
  process.exit(2);
}

const gc = globalThis.gc;
const used = () => {
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

function runOnce(prepared) {
  const start = process.hrtime.bigint();
  const result = prepared.run();
  const elapsed = seconds(start);
  return { elapsed, result };
}

const spikeCounts = (result) => Object.fromEntries(result.spikes.map((s) => [s.id, s.times.length]));

// Build (and memory), then validation.
const model = buildModel(workload, rates);
const before = used();
const buildStart = process.hrtime.bigint();
const first = prepareSimulation(model);
const buildSeconds = seconds(buildStart);
const after = used();
const validation = runOnce(first);
const counts = spikeCounts(validation.result);
const { steps, compartments, nodes } = validation.result;
const verdict = check(workload, counts);
const spikeTimes = Object.fromEntries(validation.result.spikes.map((s) => [s.id, [...s.times]]));

// Warm-up, then timed runs (each on a freshly prepared simulation; preparation untimed).
const warmupSeconds = [];
for (let i = 0; i < warmups; i++) warmupSeconds.push(runOnce(prepareSimulation(buildModel(workload, rates))).elapsed);
const times = [];
let countsStable = true;
for (let i = 0; i < runs; i++) {
  const prepared = prepareSimulation(buildModel(workload, rates));
  const { elapsed, result } = runOnce(prepared);
  times.push(elapsed);
  const again = spikeCounts(result);
  countsStable &&= Object.keys(counts).every((k) => again[k] === counts[k]);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;

console.log(
  JSON.stringify({
    engine: 'membrane',
    version: process.version,
    workload,
    mode: `rates=${rates}`,
    rates,
    integrator: model.run.integrator,
    dt: model.run.timeStep,
    tstop: model.run.duration,
    steps,
    compartments,
    nodes,
    buildSeconds,
    validationSeconds: validation.elapsed,
    warmupSeconds,
    runSeconds: times,
    medianSeconds: median,
    nsPerCompartmentStep: (median / (steps * compartments)) * 1e9,
    spikeCounts: counts,
    spikeTimes,
    spikeCountsStable: countsStable,
    check: verdict,
    memoryBytesPerCompartment: (after - before) / compartments,
    recordingBytesPerCompartment: ((model.recordings.length + 1) * (Math.floor(model.run.duration / model.run.recordInterval + 1e-9) + 1) * 8) / compartments,
    memoryMethod: gc
      ? 'heapUsed + arrayBuffers growth across prepareSimulation, after gc(), / compartments'
      : 'heapUsed + arrayBuffers growth across prepareSimulation WITHOUT gc (node lacks --expose-gc: rough), / compartments',
    timingMethod: 'prepareSimulation untimed, then run() timed with process.hrtime.bigint()',
  }),
);
