/**
 * W3 for `npm run bench -- --only w3` (bench/run.mjs calls `runW3`): the COBAHH network, Membrane against Brian2
 * 2.5.1 (runtime device, numpy and cython targets) on this machine, in one run, with ratios ours / Brian2.
 *
 * Order of one round (one child process each, never two at once):
 *   Brian2 numpy  (draws the network with the seed and writes it to bench/w3/network.json: the reference),
 *   Membrane backward-euler table, Brian2 cython, Membrane backward-euler exact, Membrane crank-nicolson table.
 * Brian2's cython target draws its random numbers differently: the same seed gives a slightly different network
 * (its own rate is reported; its time is comparable, its spikes are not spike-for-spike).
 * Check (before any ratio): each Membrane population rate within 10 % of Brian2 numpy's on the same network.
 * Without Brian2 (`/usr/bin/python3 -c "import brian2"` fails), an existing bench/w3/network.json is reused, else
 * Membrane is skipped with a message: the network comes from Brian2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../models.mjs';
import { runChild } from '../child.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = process.env.BENCH_PYTHON || '/usr/bin/python3';
export const W3_NETWORK = join(here, 'network.json');
export const W3_SEED = 12345;

/** Timed runs per process (Membrane also validates once and warms up once; Brian2 builds afresh each run). */
export const W3_PLAN = { membrane: { runs: 3, warmups: 1 }, brian2: { numpy: 1, cython: 3 } };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

function detectBrian2() {
  const probe = spawnSync(PYTHON, ['-c', 'import brian2; print(brian2.__version__)'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout.trim().split('\n').pop() || 'unknown';
}

const fmt = (x, d) => (Number.isFinite(x) ? x.toFixed(d) : '-');

/**
 * Runs W3; prints progress and a table; returns { results, failed, brian2 } for latest.json.
 * @param options { rounds, runs (override of every case's timed runs, or null) }
 */
export function runW3({ rounds = 1, runs = null } = {}) {
  const brian2 = detectBrian2();
  if (!brian2) {
    console.log(`*** Brian2 not found: \`${PYTHON} -c "import brian2"\` failed. Install it (Debian/Ubuntu): sudo apt-get install -y python3-brian`);
    if (!existsSync(W3_NETWORK)) {
      console.log('*** W3 needs the network Brian2 draws (bench/w3/network.json): skipped.');
      return { results: [], failed: [{ label: 'W3', why: 'no Brian2 and no bench/w3/network.json' }], brian2: null };
    }
    console.log(`*** Reusing ${W3_NETWORK} (the network of an earlier run); no Brian2 times, no ratios.`);
  }
  const cases = [];
  if (brian2) cases.push({ engine: 'brian2', target: 'numpy' });
  cases.push({ engine: 'membrane', integrator: 'backward-euler', rates: 'table' });
  if (brian2) cases.push({ engine: 'brian2', target: 'cython' });
  cases.push({ engine: 'membrane', integrator: 'backward-euler', rates: 'exact' });
  cases.push({ engine: 'membrane', integrator: 'crank-nicolson', rates: 'table' });
  const label = (c) => (c.engine === 'brian2' ? `brian2 ${c.target}` : `membrane ${c.integrator} ${c.rates}`);
  const collected = new Map(cases.map((c) => [label(c), { ...c, label: label(c), processes: [], errors: [] }]));

  for (let round = 1; round <= rounds; round++) {
    for (const c of cases) {
      const name = label(c);
      let child;
      if (c.engine === 'brian2') {
        const args = [join(here, 'brian2_cobahh.py'), '--target', c.target, '--seed', String(W3_SEED), '--runs', String(runs ?? W3_PLAN.brian2[c.target])];
        if (c.target === 'numpy' && round === 1) args.push('--network-out', W3_NETWORK);
        child = runChild(PYTHON, args, name);
      } else {
        const plan = W3_PLAN.membrane;
        child = runChild(
          process.execPath,
          [join(here, 'membrane-cobahh.mjs'), '--network', W3_NETWORK, '--integrator', c.integrator, '--rates', c.rates, '--runs', String(runs ?? plan.runs), '--warmups', String(plan.warmups)],
          name,
        );
      }
      const entry = collected.get(name);
      if (child.error) {
        entry.errors.push(child.error);
        console.log(`  round ${round}  W3 ${name.padEnd(38)} ERROR (see below)`);
        if (c.engine === 'brian2' && c.target === 'numpy' && round === 1 && !existsSync(W3_NETWORK)) break;
        continue;
      }
      const r = child.result;
      entry.processes.push({ ...r, wallSeconds: child.wall });
      console.log(
        `  round ${round}  W3 ${name.padEnd(38)} median ${fmt(r.medianSeconds, 3)} s  (${r.runSeconds.map((s) => fmt(s, 3)).join(' ')})  ` +
          `${r.spikes} spikes, ${fmt(r.rateHz, 2)} Hz`,
      );
    }
  }

  // Summaries and the check: Membrane's rate within 10 % of Brian2 numpy's (same network, same initial state).
  const results = [...collected.values()].map((e) => {
    const ps = e.processes;
    const first = ps[0];
    const runSeconds = ps.flatMap((p) => p.runSeconds);
    return {
      workload: 'w3',
      engine: e.engine,
      mode: e.engine === 'brian2' ? `runtime ${e.target}, exponential Euler` : `${e.integrator}, rates=${e.rates}`,
      target: e.target,
      integrator: e.integrator,
      rates: e.rates,
      errors: e.errors,
      ok: ps.length > 0 && e.errors.length === 0,
      medianSeconds: median(runSeconds),
      runSeconds,
      buildSeconds: median(ps.map((p) => p.buildSeconds)),
      spikes: first?.spikes,
      rateHz: first?.rateHz,
      rateEHz: first?.rateEHz,
      rateIHz: first?.rateIHz,
      silentFraction: first?.silentFraction,
      meanIsiCv: first?.meanIsiCv,
      rateRefractoryHz: first?.rateRefractoryHz,
      intervalsUnder3Ms: first?.intervalsUnder3Ms,
      binnedRateHz: first?.binnedRateHz,
      synapses: first?.synapses,
      spikeCountsStable: ps.every((p) => p.spikeCountsStable),
      nsPerNeuronStep: first ? (median(runSeconds) / (first.neurons * Math.round(first.tstop / first.dt))) * 1e9 : NaN,
    };
  });
  const reference = results.find((r) => r.engine === 'brian2' && r.target === 'numpy');
  const cython = results.find((r) => r.engine === 'brian2' && r.target === 'cython');
  for (const r of results) if (r.engine === 'brian2') r.valid = r.ok && r.spikeCountsStable;
  for (const r of results) {
    if (r.engine !== 'membrane') continue;
    if (reference?.ok && r.ok) {
      r.rateDifference = r.rateHz / reference.rateHz - 1;
      r.check = check('w3', { rateHz: r.rateHz, referenceRateHz: reference.rateHz });
    } else r.check = { expected: "Brian2 numpy's rate", got: r.ok ? `${fmt(r.rateHz, 2)} Hz (no reference)` : 'error', ok: false };
    r.valid = r.ok && r.check.ok && r.spikeCountsStable;
    r.ratioNumpy = r.valid && reference?.valid ? r.medianSeconds / reference.medianSeconds : null;
    r.ratioCython = r.valid && cython?.valid ? r.medianSeconds / cython.medianSeconds : null;
  }

  const rows = results.map((r) => [
    r.engine === 'brian2' ? 'Brian2' : 'Membrane',
    r.mode,
    r.valid ? fmt(r.medianSeconds, 3) : `${fmt(r.medianSeconds, 3)} INVALID`,
    fmt(r.nsPerNeuronStep, 0),
    fmt(r.buildSeconds, 2),
    r.spikes ?? '-',
    `${fmt(r.rateHz, 2)} (E ${fmt(r.rateEHz, 1)}, I ${fmt(r.rateIHz, 1)})`,
    fmt(r.rateRefractoryHz, 2),
    fmt(r.silentFraction, 3),
    fmt(r.meanIsiCv, 2),
    r.check ? `${r.check.ok ? 'ok' : 'FAIL'}: ${r.check.got}` : r.engine === 'brian2' && r.target === 'numpy' ? 'reference' : r.synapses ? `own network (${r.synapses} syn.)` : '',
    r.ratioNumpy != null ? `${r.ratioNumpy.toFixed(2)}x` : '',
    r.ratioCython != null ? `${r.ratioCython.toFixed(2)}x` : '',
  ]);
  const headers = ['engine', 'mode', 'median s', 'ns/neuron-step', 'build s', 'spikes', 'rate Hz', 'rate 3ms Hz', 'silent', 'ISI CV', 'check', '/numpy', '/cython'];
  const right = [false, false, true, true, true, true, false, true, true, true, false, true, true];
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((row) => String(row[c]).length)));
  const line = (cells) => cells.map((cell, c) => (right[c] ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join('  ');
  console.log('');
  console.log(`W3 COBAHH: 4000 neurons, ${reference?.synapses ?? '?'} synapses, dt 0.1 ms, 1 s; Brian2 ${brian2 ?? 'absent'}, seed ${W3_SEED}`);
  console.log([line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
  console.log('');
  console.log("median s: run alone (Membrane run() of a fresh preparation; Brian2's main loop, device._last_run_time, after code generation); ns/neuron-step = median / (4000 x 10 000).");
  console.log("rate 3ms: counting only spikes >= 3 ms after the last counted one (Brian2's refractory period; Membrane's detectors are given the same 3 ms dead time).");
  console.log('build: Membrane prepareSimulation; Brian2 objects + connect + initial values (code generation/compilation happen in run(), outside the loop time).');
  console.log("/numpy, /cython: Membrane median / Brian2's (< 1: faster). Brian2 cython draws a slightly different network from the same seed.");
  const failed = results
    .filter((r) => !r.valid)
    .map((r) => ({ label: `W3 ${r.engine} ${r.mode}`, why: [r.check && !r.check.ok ? `expected ${r.check.expected}, got ${r.check.got}` : '', r.spikeCountsStable ? '' : 'spike counts changed between runs', ...r.errors].filter(Boolean).join('\n') }));
  return { results, failed, brian2 };
}
