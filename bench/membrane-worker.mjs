/**
 * Membrane side of one benchmark case, run in its own process by bench/run.mjs:
 *
 *   node --expose-gc bench/membrane-worker.mjs WORKLOAD RATES [RUNS] [WARMUPS]
 *     WORKLOAD  w1 | w2 | w2b;  RATES  table | exact;  RUNS  timed runs (default 5);  WARMUPS  warm-up runs (default 1)
 *
 * Prints one JSON line. Each repetition prepares a new simulation (a prepared simulation runs once): the first
 * prepareSimulation is timed as "build"; then one validation run, WARMUPS warm-up runs and RUNS timed runs, each timing
 * `run()` alone with process.hrtime.bigint() (preparation untimed).
 *
 * Memory, after the timed runs: heapUsed + arrayBuffers (process.memoryUsage()) just before and just after a
 * batch of MEMORY_BATCH prepareSimulation calls (all kept alive), each after a full gc() (needs --expose-gc), divided
 * by the batch size and the compartments; the median of MEMORY_READINGS such readings is reported. The arrayBuffers
 * part (typed arrays: the model's state) is exact; heapUsed wanders by tens of B/compartment between readings, hence
 * batches and the median. That includes the recorder's preallocated sample buffers (time + one column per recording, Float64, one sample per step), reported apart as
 * recordingBytesPerCompartment. No gc() is forced before or between timed runs: a forced full gc() costs the next
 * one or two W1 runs 2-4x (V8 re-optimises the kernel), so measuring memory there would distort the timing.
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
const usage = () => {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage();
};
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const medianOf = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
};
const spikeCounts = (result) => Object.fromEntries(result.spikes.map((s) => [s.id, s.times.length]));

const MEMORY_READINGS = 5;
const MEMORY_BATCH = 5;
/** prepareSimulation on a fresh model, timed. */
function prepare() {
  const model = buildModel(workload, rates);
  const start = process.hrtime.bigint();
  const prepared = prepareSimulation(model);
  return { prepared, model, elapsed: seconds(start) };
}
function runOnce(prepared) {
  const start = process.hrtime.bigint();
  const result = prepared.run();
  return { elapsed: seconds(start), result };
}

// Build, then validation.
const { prepared: first, model, elapsed: buildSeconds } = prepare();
const validation = runOnce(first);
const counts = spikeCounts(validation.result);
const { steps, compartments, nodes } = validation.result;
const verdict = check(workload, counts);
const spikeTimes = Object.fromEntries(validation.result.spikes.map((s) => [s.id, [...s.times]]));

// Warm-up, then timed runs, each on a freshly prepared simulation.
const warmupSeconds = [];
for (let i = 0; i < warmups; i++) warmupSeconds.push(runOnce(prepare().prepared).elapsed);
const times = [];
let countsStable = true;
for (let i = 0; i < runs; i++) {
  const { elapsed, result } = runOnce(prepare().prepared);
  times.push(elapsed);
  const again = spikeCounts(result);
  countsStable &&= Object.keys(counts).every((k) => again[k] === counts[k]);
}
const median = medianOf(times);

// Memory, untimed, after the timing.
// Each reading prepares MEMORY_BATCH simulations at once and divides by MEMORY_BATCH (single ones move by ~100
// B/compartment). All are kept alive to the end: ArrayBuffers freed by a gc() are released in the background, so a
// simulation dropped between readings would blur the next one.
const memory = [];
const arrayBuffers = [];
const kept = [];
for (let i = 0; i < MEMORY_READINGS; i++) {
  const models = Array.from({ length: MEMORY_BATCH }, () => buildModel(workload, rates));
  const before = usage();
  for (const m of models) kept.push(prepareSimulation(m));
  const after = usage();
  const buffers = after.arrayBuffers - before.arrayBuffers;
  memory.push((after.heapUsed - before.heapUsed + buffers) / MEMORY_BATCH);
  arrayBuffers.push(buffers / MEMORY_BATCH);
}
if (kept.length !== MEMORY_READINGS * MEMORY_BATCH) throw new Error('unreachable');
const samples = Math.floor(model.run.duration / model.run.recordInterval + 1e-9) + 1;

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
    memoryBytesPerCompartment: medianOf(memory) / compartments,
    memoryReadingsBytesPerCompartment: memory.map((m) => m / compartments),
    memoryArrayBuffersBytesPerCompartment: medianOf(arrayBuffers) / compartments,
    recordingBytesPerCompartment: ((model.recordings.length + 1) * samples * 8) / compartments,
    memoryMethod: gc
      ? 'heapUsed + arrayBuffers growth across prepareSimulation, after gc(), / compartments; median of ' + MEMORY_READINGS + ' readings of ' + MEMORY_BATCH + ' simulations each, after the timed runs'
      : 'heapUsed + arrayBuffers growth across prepareSimulation WITHOUT gc (node lacks --expose-gc: rough), / compartments',
    timingMethod: 'prepareSimulation untimed, then run() timed with process.hrtime.bigint()',
  }),
);
