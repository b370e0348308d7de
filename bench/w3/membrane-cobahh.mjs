/**
 * W3 (../../../shared/BENCHMARKS.md), Membrane side: the COBAHH network of Brette et al. (2007) as a `Model`, on the
 * network Brian2 drew (bench/w3/brian2_cobahh.py --network-out FILE): the same connectivity, the same initial V
 * and, by default, the same initial ge and gi.
 *
 *   node bench/w3/membrane-cobahh.mjs --network FILE [--rates table|exact] [--integrator backward-euler|crank-nicolson]
 *        [--duration MS] [--runs N] [--warmups N] [--no-initial-conductances] [--dt MS (0.1; others for convergence checks)]
 *
 * The model (bench/w3/model.mjs): 4000 single compartments of 20 000 um2, `traub-miles` (gNa 0.1, gK 0.03,
 * gL 5e-5 S/cm2, EL -60 mV; vt -63 mV), ENa 50, EK -90 mV, Cm 1 uF/cm2; per cell ONE excitatory (tau 5 ms, 0 mV)
 * and ONE inhibitory (tau 10 ms, -80 mV) exponential synapse, summed linearly as Brian2 sums ge and gi; a detector
 * at -20 mV per cell drives connections of 0.006 uS (E) and 0.067 uS (I), delay 0. Initial ge and gi: a spike
 * train source firing once at t = 0 connected to every synapse with the cell's initial value as weight (they then
 * decay exactly as Brian2's); --no-initial-conductances starts them at 0. Differences that remain: the gates start
 * at their steady state at V(0) (Brian2: m = h = n = 0), no refractory period (a detector counts upward crossings
 * of -20 mV, which cannot recur within an action potential), and the integration (implicit V, exponential-Euler
 * gates staggered half a step, synaptic conductance averaged over each step; Brian2: exponential Euler on all).
 *
 * Each repetition prepares a fresh simulation (untimed: build = the first prepareSimulation), then one validation
 * run, WARMUPS warm-ups and RUNS timed `run()`s. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { prepareSimulation } from '../../dist/index.js';
import { cobahhModel, spikeStatistics } from './model.mjs';

function parseArgs(argv) {
  const o = { network: null, rates: 'table', integrator: 'backward-euler', duration: null, dt: 0.1, runs: 3, warmups: 1, initialConductances: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === '--network') o.network = value();
    else if (a === '--rates') o.rates = value();
    else if (a === '--integrator') o.integrator = value();
    else if (a === '--duration') o.duration = Number(value());
    else if (a === '--dt') o.dt = Number(value());
    else if (a === '--runs') o.runs = Number(value());
    else if (a === '--warmups') o.warmups = Number(value());
    else if (a === '--no-initial-conductances') o.initialConductances = false;
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.network) throw new Error('--network FILE is required (write one with bench/w3/brian2_cobahh.py --network-out FILE)');
  return o;
}

const options = parseArgs(process.argv.slice(2));
const network = JSON.parse(readFileSync(options.network, 'utf8'));
const duration = options.duration ?? network.duration;
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const build = () => cobahhModel(network, { duration, rates: options.rates, integrator: options.integrator, initialConductances: options.initialConductances, timeStep: options.dt });
function prepare() {
  const model = build();
  const start = process.hrtime.bigint();
  const prepared = prepareSimulation(model);
  return { prepared, elapsed: seconds(start) };
}
function runOnce(prepared) {
  const start = process.hrtime.bigint();
  const result = prepared.run();
  return { elapsed: seconds(start), result };
}

const modelStart = process.hrtime.bigint();
build();
const modelSeconds = seconds(modelStart);
const { prepared, elapsed: buildSeconds } = prepare();
const validation = runOnce(prepared);
const stats = spikeStatistics(validation.result.spikes.map((s) => s.times), network.ne, duration);
const warmupSeconds = [];
for (let i = 0; i < options.warmups; i++) warmupSeconds.push(runOnce(prepare().prepared).elapsed);
const runSeconds = [];
const spikeCounts = [];
for (let i = 0; i < options.runs; i++) {
  const { elapsed, result } = runOnce(prepare().prepared);
  runSeconds.push(elapsed);
  spikeCounts.push(result.spikes.reduce((n, s) => n + s.times.length, 0));
}

console.log(
  JSON.stringify({
    engine: 'membrane',
    version: process.version,
    rates: options.rates,
    integrator: options.integrator,
    mode: `${options.integrator} rates=${options.rates}`,
    dt: options.dt,
    tstop: duration,
    neurons: network.n,
    synapses: network.preE.length + network.preI.length,
    initialConductances: options.initialConductances,
    modelSeconds,
    buildSeconds,
    validationSeconds: validation.elapsed,
    warmupSeconds,
    runSeconds,
    medianSeconds: median(runSeconds),
    ...stats,
    spikeCounts: [stats.spikes, ...spikeCounts],
    spikeCountsStable: spikeCounts.every((n) => n === stats.spikes),
    timingMethod: 'model object and prepareSimulation untimed (build = first prepareSimulation), then run() of a fresh preparation timed with process.hrtime.bigint()',
  }),
);
