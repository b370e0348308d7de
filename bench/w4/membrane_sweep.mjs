/**
 * Membrane side of W4 (../../shared/BENCHMARKS.md), the F-I sweep: 100 independent W1 runs, currents 0 ... 0.25 nA
 * in equal steps, (a) serially in this thread and (b) in parallel on a piscina pool of worker threads.
 *
 *   node bench/w4/membrane_sweep.mjs [--reference FILE] [--currents 100] [--max 0.25]
 *        [--rates table|exact] [--sweeps 5] [--threads N] [--batch K]
 *
 *   --reference FILE        NEURON's result (bench/w4/neuron_sweep.py's JSON line: its spike times per current);
 *                           without it, only serial = parallel is checked
 *   --threads               pool size (default os.availableParallelism())
 *   --batch                 currents per pool task (default: n / (4 x threads), rounded up); with T = n / K tasks
 *                           (rounded up), task t takes currents t, t + T, t + 2T..., so each has the same mix
 *
 * Each run: bench/w4/fi.mjs `runCurrents` (the same code in both modes): the W1 model at that current,
 * prepareSimulation, run(), spike times. Order:
 *   1. one W1 run (0.1 nA: 86 +- 1 spikes, reported as w1Spikes), then a serial validation sweep (also this thread's
 *      warm-up); its counts must equal NEURON's (one spike apart allowed
 *      near the onset of firing, and for a last spike within the trains' drift + one step of the end: bench/w4/fi.mjs
 *      `compareSpikes`); otherwise no timing;
 *   2. the pool is started and warmed with one whole sweep, whose spike times must be bit-for-bit the serial ones;
 *   3. one more untimed sweep each way, then SWEEPS timed sweeps, alternating serial and parallel; every timed sweep's
 *      spike times must again equal the validation sweep's.
 * A sweep is timed from the first run's model creation to the last run's spike times in hand (for the pool: from
 * submitting the batches to the last result received and reassembled); prepareSimulation is included (each run is a
 * new simulation), and `runSeconds` gives run() alone. Prints one JSON line.
 */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { compareSpikes, identical, runCurrents, sweepCurrents } from './fi.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const o = { n: 100, max: 0.25, rates: 'table', sweeps: 5, threads: os.availableParallelism(), batch: null, reference: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--currents') o.n = Number(value());
    else if (arg === '--max') o.max = Number(value());
    else if (arg === '--rates') o.rates = value();
    else if (arg === '--sweeps') o.sweeps = Number(value());
    else if (arg === '--threads') o.threads = Number(value());
    else if (arg === '--batch') o.batch = Number(value());
    else if (arg === '--reference') o.reference = JSON.parse(readFileSync(value(), 'utf8').trim().split('\n').filter((l) => l.startsWith('{')).pop()).spikeTimes;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!(o.n >= 2 && o.sweeps >= 1 && o.threads >= 1) || !['table', 'exact'].includes(o.rates)) throw new Error('bad options');
  o.batch ??= Math.ceil(o.n / (4 * o.threads));
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const currents = sweepCurrents(o.n, o.max);
  const all = currents.map((_, i) => i);
  const tasks = Math.ceil(o.n / o.batch);
  const batches = Array.from({ length: tasks }, (_, t) => all.filter((i) => i % tasks === t));

  const serialSweep = () => {
    const start = process.hrtime.bigint();
    const r = runCurrents(currents, all, o.rates);
    return { seconds: seconds(start), runSeconds: r.runSeconds, spikeTimes: r.spikeTimes };
  };
  let pool;
  const parallelSweep = async () => {
    const spikeTimes = new Array(o.n);
    const threadIds = new Set();
    let runSeconds = 0;
    const start = process.hrtime.bigint();
    const results = await Promise.all(batches.map((indices) => pool.run({ currents, indices, rates: o.rates })));
    for (const r of results) {
      r.indices.forEach((i, k) => (spikeTimes[i] = r.spikeTimes[k]));
      runSeconds += r.runSeconds;
      threadIds.add(r.threadId);
    }
    return { seconds: seconds(start), runSeconds, spikeTimes, threads: threadIds.size };
  };
  const counts = (sweep) => sweep.spikeTimes.map((t) => t.length);

  // 1. W1 itself (0.1 nA is not on the sweep's grid), then the serial validation sweep.
  const w1 = runCurrents([0.1], [0], o.rates).spikeTimes[0].length;
  const validation = serialSweep();
  const spikeCounts = counts(validation);
  const check = o.reference ? compareSpikes(validation.spikeTimes, o.reference) : null;
  const out = {
    engine: 'membrane',
    version: process.version,
    workload: 'w4',
    rates: o.rates,
    integrator: 'backward-euler',
    dt: 0.025,
    tstop: 1000,
    runsPerSweep: o.n,
    currents,
    spikeCounts,
    w1Spikes: w1,
    check,
    validationSeconds: validation.seconds,
  };
  if ((check && !check.ok) || Math.abs(w1 - 86) > 1) {
    console.log(JSON.stringify({ ...out, valid: false }));
    return;
  }

  // 2. Pool: started, warmed and validated with one whole sweep.
  const poolStart = process.hrtime.bigint();
  pool = new Piscina({ filename: join(here, 'sweep-worker.mjs'), minThreads: o.threads, maxThreads: o.threads, idleTimeout: 60_000 });
  const poolValidation = await parallelSweep();
  const poolWarmupSeconds = seconds(poolStart);
  const parallelIdentical = identical(poolValidation.spikeTimes, validation.spikeTimes);

  // 3. One more untimed sweep each way, then the timed sweeps, alternating.
  const warmups = { serial: [serialSweep().seconds], parallel: [(await parallelSweep()).seconds] };
  const serial = [];
  const parallel = [];
  let stable = true;
  let threadsUsed = poolValidation.threads;
  for (let k = 0; k < o.sweeps; k++) {
    const s = serialSweep();
    const p = await parallelSweep();
    serial.push(s);
    parallel.push(p);
    stable &&= identical(s.spikeTimes, validation.spikeTimes) && identical(p.spikeTimes, validation.spikeTimes);
    threadsUsed = Math.min(threadsUsed, p.threads);
  }
  await pool.destroy();

  const serialMedian = median(serial.map((s) => s.seconds));
  const parallelMedian = median(parallel.map((s) => s.seconds));
  console.log(
    JSON.stringify({
      ...out,
      valid: parallelIdentical && stable && (!check || check.ok) && Math.abs(w1 - 86) <= 1,
      parallelIdentical,
      spikeTimesStable: stable,
      serial: {
        sweepSeconds: serial.map((s) => s.seconds),
        medianSeconds: serialMedian,
        runSecondsMedian: median(serial.map((s) => s.runSeconds)),
        secondsPerRun: serialMedian / o.n,
        warmupSeconds: warmups.serial,
      },
      parallel: {
        threads: o.threads,
        cpus: os.availableParallelism(),
        currentsPerTask: o.batch,
        tasks,
        fewestThreadsUsedInASweep: threadsUsed,
        sweepSeconds: parallel.map((s) => s.seconds),
        medianSeconds: parallelMedian,
        runSecondsMedian: median(parallel.map((s) => s.runSeconds)),
        poolStartAndValidationSeconds: poolWarmupSeconds,
        warmupSeconds: warmups.parallel,
      },
      speedup: serialMedian / parallelMedian,
      timingMethod:
        'sweep = all currents, each: model, prepareSimulation, run(), spike times; serial in this thread, parallel as piscina tasks of ' +
        `${o.batch} currents on ${o.threads} worker threads (submit to last result); process.hrtime.bigint(); median of ${o.sweeps} alternating sweeps`,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
