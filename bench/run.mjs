/**
 * `npm run bench`: the standard workloads W1, W2 and W2b (../shared/BENCHMARKS.md), Membrane side by side with
 * NEURON 8.2 on this machine, in one run, with ratios ours / NEURON; W4, the F-I sweep (bench/w4/: 100 W1 runs,
 * NEURON serial against Membrane serial and on a pool of worker threads); W5, the browser lab. See docs/benchmarks.md.
 * W3 (the COBAHH network against Brian2, bench/w3/) is opt-in: `--only w3` (or `--only w1,w3`...); it takes a few
 * minutes, and runs one round unless --rounds is given.
 *
 *   npm run bench [-- --rounds N --runs N --only w1,w2,w2b,w3,w4,w5 --no-neuron --psolve-all --out FILE]
 *
 * Every case runs in its own child process (Membrane: `node --expose-gc bench/membrane-worker.mjs`, NEURON:
 * `/usr/bin/python3 bench/neuron/workloads.py`), one at a time, never two at once. The cases are interleaved
 * (Membrane table, NEURON usetable 1, Membrane exact, NEURON usetable 0) and the whole sequence is repeated
 * `--rounds` times (default 2), so that drifting load on a shared machine falls on both sides alike; each process
 * validates, warms up and times `--runs` runs, and the median over all rounds' timed runs is reported.
 * NEURON is timed through h.continuerun (stdrun.hoc, the ratio's basis) and, for W1 (or every workload with
 * --psolve-all), also through ParallelContext.psolve, which loops in C without hoc's per-step overhead.
 * Writes bench/results/latest.json. Never installs anything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, WORKLOADS } from './models.mjs';
import { runW3 } from './w3/harness.mjs';
import { runW4 } from './w4/harness.mjs';
import { runChild } from './child.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
// NEURON's Python: Debian's python3-neuron installs into /usr/bin/python3 (not a pyenv/venv python on PATH).
const PYTHON = process.env.BENCH_PYTHON || '/usr/bin/python3';

// ---------------------------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const options = { rounds: 2, roundsGiven: false, runs: null, only: ['w1', 'w2', 'w2b', 'w4', 'w5'], neuron: true, psolve: ['w1'], out: join(here, 'results', 'latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--rounds') {
      options.rounds = Number(value());
      options.roundsGiven = true;
    }
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--only') options.only = value().split(',').map((w) => w.trim().toLowerCase());
    else if (arg === '--no-neuron') options.neuron = false;
    else if (arg === '--psolve-all') options.psolve = ['w1', 'w2', 'w2b'];
    else if (arg === '--out') options.out = value();
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run bench [-- --rounds N --runs N --only w1,w2,w2b,w3,w4,w5 --no-neuron --psolve-all --out FILE]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!(options.rounds >= 1)) throw new Error('--rounds must be >= 1');
  if (options.runs !== null && !(options.runs >= 1)) throw new Error('--runs must be >= 1');
  for (const w of options.only) if (!(w in WORKLOADS) && w !== 'w4' && w !== 'w5') throw new Error(`unknown workload ${w} (w1, w2, w2b, w3, w4, w5)`);
  return options;
}

// Timed runs per process and warm-ups per process, by workload: W1 is short (tens of ms) and noisy while the JIT
// settles, so it gets more of both; 2 rounds x 3 runs gives the W2 medians 6 timed runs per case.
const PLAN = {
  w1: { runs: 6, warmups: 3 },
  w2: { runs: 3, warmups: 1 },
  w2b: { runs: 3, warmups: 1 },
};

// ---------------------------------------------------------------------------------------------------------------
// Children

function detectNeuron() {
  const probe = spawnSync(PYTHON, ['-c', 'import neuron; print(neuron.h.nrnversion(5))'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout.trim().split('\n').pop() || 'unknown';
}

function gitRevision() {
  // Read-only queries (--no-optional-locks: status must not refresh the index).
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const dirty = spawnSync('git', ['--no-optional-locks', 'status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' });
  if (head.status !== 0) return null;
  return { commit: head.stdout.trim(), srcModified: dirty.status === 0 ? dirty.stdout.trim().length > 0 : null };
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and formatting

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

const fmt = (x, digits) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const fmtSeconds = (s) => (!Number.isFinite(s) ? '-' : s < 0.1 ? s.toFixed(4) : s.toFixed(3));
const fmtBytes = (b) => (!Number.isFinite(b) ? '-' : Math.round(b).toLocaleString('en-US'));

function table(headers, rows, alignRight) {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((cell, c) => (alignRight[c] ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Largest |difference| between two spike trains of equal length, ms; null when the counts differ. */
function spikeAgreement(a, b) {
  if (!a || !b || a.length !== b.length) return null;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

// ---------------------------------------------------------------------------------------------------------------
// Main

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error.message}\nusage: npm run bench [-- --rounds N --runs N --only w1,w2,w2b,w3,w4,w5 --no-neuron --psolve-all --out FILE]`);
    process.exit(2);
  }
  const started = new Date();
  const t0 = Date.now();

  if (!existsSync(join(root, 'dist', 'index.js'))) {
    console.error('dist/index.js is missing: run `npm run build` first (or use `npm run bench`, which builds).');
    process.exit(1);
  }

  // W3 (Brian2's COBAHH) has its own harness, bench/w3/harness.mjs, run after the NEURON workloads; W5 (the browser
  // lab in headless Chromium) runs last, in its own process (bench/w5-browser.mjs).
  const withW3 = options.only.includes('w3');
  const withW4 = options.only.includes('w4');
  const withW5 = options.only.includes('w5');
  options.only = options.only.filter((w) => w !== 'w3' && w !== 'w4' && w !== 'w5');

  let neuronVersion = null;
  const neuronWanted = options.neuron; // W4 uses NEURON too, even when no W1/W2 case runs
  if (options.only.length === 0) options.neuron = false;
  else if (options.neuron) {
    neuronVersion = detectNeuron();
    if (!neuronVersion) {
      console.log(`*** NEURON not found: \`${PYTHON} -c "import neuron"\` failed.`);
      console.log('*** To compare against NEURON, install it (Debian/Ubuntu): sudo apt-get install -y neuron python3-neuron');
      console.log('*** Reporting Membrane alone; no ratios.\n');
    }
  } else if (options.only.length > 0) console.log('NEURON skipped (--no-neuron): reporting Membrane alone.\n');
  const withNeuron = neuronVersion !== null;

  // Cases, in interleaved order.
  const cases = [];
  for (const workload of options.only) {
    for (const rates of ['table', 'exact']) {
      cases.push({ workload, engine: 'membrane', rates, method: 'run' });
      if (withNeuron) cases.push({ workload, engine: 'neuron', rates, method: 'continuerun' });
      if (withNeuron && options.psolve.includes(workload)) cases.push({ workload, engine: 'neuron', rates, method: 'psolve' });
    }
  }
  const key = (c) => `${c.workload}/${c.engine}/${c.rates}/${c.method}`;
  const collected = new Map(cases.map((c) => [key(c), { ...c, processes: [], errors: [] }]));

  const machine = `${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
  if (options.only.length > 0) console.log(`Membrane ${withNeuron ? `vs NEURON ${neuronVersion}` : 'alone'}: ${options.only.join(', ')}; ${options.rounds} round(s), ${machine}`);
  for (let round = 1; round <= options.rounds; round++) {
    for (const c of cases) {
      const plan = PLAN[c.workload];
      const runs = String(options.runs ?? plan.runs);
      const warmups = String(plan.warmups);
      const label = `${c.workload} ${c.engine} ${c.rates}${c.method === 'psolve' ? ' psolve' : ''}`;
      const child =
        c.engine === 'membrane'
          ? runChild(process.execPath, ['--expose-gc', join(here, 'membrane-worker.mjs'), c.workload, c.rates, runs, warmups], label)
          : runChild(PYTHON, [join(here, 'neuron', 'workloads.py'), c.workload, c.rates === 'table' ? '1' : '0', runs, warmups, c.method], label);
      const entry = collected.get(key(c));
      if (child.error) {
        entry.errors.push(child.error);
        console.log(`  round ${round}  ${label.padEnd(29)} ERROR (see below)`);
        continue;
      }
      const r = child.result;
      const verdict = check(c.workload, r.spikeCounts);
      entry.processes.push({ ...r, check: verdict, wallSeconds: child.wall });
      const counts = Object.entries(r.spikeCounts).map(([id, n]) => `${id} ${n}`).join(', ');
      console.log(
        `  round ${round}  ${label.padEnd(29)} median ${fmtSeconds(r.medianSeconds)} s  (${r.runSeconds.map(fmtSeconds).join(' ')})  spikes: ${counts}` +
          `${verdict.ok && r.spikeCountsStable ? '' : '  <-- CHECK FAILED'}`,
      );
    }
  }

  // Summaries.
  const summaries = [];
  for (const entry of collected.values()) {
    const ps = entry.processes;
    const runSeconds = ps.flatMap((p) => p.runSeconds);
    const first = ps[0];
    const checks = ps.map((p) => p.check);
    const valid = ps.length > 0 && entry.errors.length === 0 && checks.every((v) => v.ok) && ps.every((p) => p.spikeCountsStable);
    const med = median(runSeconds);
    summaries.push({
      workload: entry.workload,
      engine: entry.engine,
      rates: entry.rates,
      method: entry.method,
      mode: entry.engine === 'membrane' ? `rates=${entry.rates}` : `usetable_hh=${entry.rates === 'table' ? 1 : 0}${entry.method === 'psolve' ? ' psolve' : ''}`,
      valid,
      check: first ? { expected: first.check.expected, got: [...new Set(checks.map((v) => v.got))].join(' / '), ok: checks.every((v) => v.ok) } : null,
      spikeCountsStable: ps.every((p) => p.spikeCountsStable),
      errors: entry.errors,
      steps: first?.steps,
      compartments: first?.compartments,
      medianSeconds: med,
      nsPerCompartmentStep: first ? (med / (first.steps * first.compartments)) * 1e9 : NaN,
      minSeconds: Math.min(...runSeconds),
      maxSeconds: Math.max(...runSeconds),
      timedRuns: runSeconds.length,
      runSeconds,
      buildSeconds: median(ps.map((p) => p.buildSeconds)),
      warmupSeconds: ps.flatMap((p) => p.warmupSeconds),
      memoryBytesPerCompartment: median(ps.map((p) => p.memoryBytesPerCompartment)),
      memoryArrayBuffersBytesPerCompartment: first ? median(ps.map((p) => p.memoryArrayBuffersBytesPerCompartment)) : undefined,
      recordingBytesPerCompartment: first?.recordingBytesPerCompartment,
      rssAfterFirstRunBytesPerCompartment: first?.rssAfterFirstRunBytesPerCompartment,
      memoryMethod: first?.memoryMethod,
      timingMethod: first?.timingMethod,
      spikeCounts: first?.spikeCounts,
      spikeTimes: first?.spikeTimes,
      version: first?.version,
    });
  }
  const find = (w, e, r, m) => summaries.find((s) => s.workload === w && s.engine === e && s.rates === r && s.method === m);
  for (const s of summaries) {
    if (s.engine !== 'membrane') continue;
    const peer = find(s.workload, 'neuron', s.rates, 'continuerun');
    if (!peer) continue;
    s.peer = peer.mode;
    s.ratio = s.valid && peer.valid ? s.medianSeconds / peer.medianSeconds : null;
    const psolve = find(s.workload, 'neuron', s.rates, 'psolve');
    if (psolve) s.ratioPsolve = s.valid && psolve.valid ? s.medianSeconds / psolve.medianSeconds : null;
    s.memoryRatio = s.memoryBytesPerCompartment / peer.memoryBytesPerCompartment;
    // Spike-time agreement with NEURON in the matching mode (NEURON's NetCon times fall on steps; ours interpolate).
    const id = s.workload === 'w1' ? 'spikes' : 'far';
    s.spikeTimeDifferenceMs = spikeAgreement(s.spikeTimes?.[id], peer.spikeTimes?.[id]);
  }

  // Table.
  if (summaries.length > 0) printTable(summaries, find);

  // W3: the COBAHH network against Brian2 (bench/w3/harness.mjs), one round unless --rounds was given.
  let w3 = null;
  if (withW3) {
    const w3Rounds = options.roundsGiven ? options.rounds : 1;
    console.log(`${options.only.length > 0 ? '\n' : ''}W3 COBAHH, Membrane vs Brian2: ${w3Rounds} round(s), ${machine}`);
    w3 = runW3({ rounds: w3Rounds, runs: options.runs });
  }

  // W4: the F-I sweep (bench/w4/harness.mjs), NEURON serial against Membrane serial and on a worker-thread pool.
  let w4 = null;
  if (withW4) {
    const w4Neuron = neuronWanted && (neuronVersion ?? detectNeuron()) !== null;
    console.log(`\nW4 F-I sweep (100 W1 runs, 0-0.25 nA), Membrane serial and on ${os.availableParallelism()} worker threads${w4Neuron ? ' vs NEURON serial' : neuronWanted ? ' alone (NEURON not found: no ratios)' : ' alone (--no-neuron)'}: ${options.rounds} round(s)`);
    w4 = runW4({ rounds: options.rounds, neuron: w4Neuron });
  }

  // W5: the browser lab (needs Debian's chromium; skipped with a note when it is missing).
  let w5 = null;
  if (withW5) {
    console.log('');
    if (!existsSync('/usr/bin/chromium')) {
      console.log('*** W5 skipped: /usr/bin/chromium is missing (install Debian\'s chromium package: apt-get install -y chromium).');
    } else {
      const child = spawnSync(process.execPath, [join(here, 'w5-browser.mjs'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 24 });
      try {
        w5 = JSON.parse(child.stdout);
        const latency = w5.sliderToPlot200msHH;
        console.log(`W5 browser lab, ${w5.browser}:`);
        console.log(
          `  slider change -> redrawn plot of a 200 ms HH run: median ${latency.medianWallMs.toFixed(1)} ms (min ${latency.minWallMs}, max ${latency.maxWallMs}, n = ${latency.samples}; engine ${latency.engineMedianWallMs} ms of it); target < ${latency.targetWallMs} ms`,
        );
        console.log(`  propagation view, ${w5.propagationView.compartments} compartments: ${w5.propagationView.framesPerSecond.toFixed(1)} frames/s; target ${w5.propagationView.target}`);
        const animation = w5.membraneAnimation;
        console.log(`  membrane animation while a run plays: ${animation.screens.map((m) => `${m.screen} ${m.framesPerSecond.toFixed(1)}`).join(', ')} frames/s; target ${animation.target}`);
      } catch {
        console.log(`*** W5 failed: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' | ')}`);
      }
    }
  }

  // Loud failures.
  const failed = summaries.filter((s) => !s.valid);
  const w3Failed = [...(w3?.failed ?? []), ...(w4?.failed ?? [])];
  if (failed.length || w3Failed.length) {
    console.log('');
    console.log('!'.repeat(100));
    for (const s of failed) {
      console.log(`!!! ${s.workload.toUpperCase()} ${s.engine} ${s.mode}: VALIDATION FAILED OR ERROR — its timing is INVALID`);
      if (s.check) console.log(`!!!   expected ${s.check.expected}, got ${s.check.got}${s.spikeCountsStable ? '' : '; spike counts changed between runs'}`);
      for (const e of s.errors) console.log(e.split('\n').map((l) => `!!!   ${l}`).join('\n'));
    }
    for (const f of w3Failed) {
      console.log(`!!! ${f.label}: VALIDATION FAILED OR ERROR — its timing is INVALID`);
      console.log(f.why.split('\n').map((l) => `!!!   ${l}`).join('\n'));
    }
    console.log('!'.repeat(100));
  }

  const elapsed = (Date.now() - t0) / 1000;
  const output = {
    date: started.toISOString(),
    elapsedSeconds: elapsed,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, platform: `${os.type()} ${os.release()} ${os.arch()}`, totalMemoryBytes: os.totalmem(), loadAverageAtStart: os.loadavg() },
    node: process.version,
    neuron: neuronVersion,
    git: gitRevision(),
    options: { rounds: options.rounds, runs: options.runs, plan: PLAN, only: [...options.only, ...(withW3 ? ['w3'] : []), ...(withW4 ? ['w4'] : [])], neuron: options.neuron },
    settings: { dt: 0.025, integrator: 'backward-euler (NEURON secondorder = 0)' },
    results: summaries.map(({ spikeTimes, ...rest }) => rest),
    spikeTimes: Object.fromEntries(summaries.map((s) => [`${s.workload}/${s.engine}/${s.mode}`, s.spikeTimes])),
    w3: w3 ? { brian2: w3.brian2, settings: { dt: 0.1, duration: 1000, neurons: 4000 }, results: w3.results } : undefined,
    w4: w4?.result ?? undefined,
    w5: w5 ?? undefined,
    allValid: failed.length === 0 && w3Failed.length === 0,
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(output, null, 1)}\n`);
  console.log(`\nResults: ${relative(process.cwd(), options.out) || options.out}  (whole run ${elapsed.toFixed(0)} s)`);
  if (failed.length || w3Failed.length) process.exitCode = 1;
}

/** The W1/W2/W2b table and its notes. */
function printTable(summaries, find) {
  const rows = summaries.map((s) => [
    s.workload.toUpperCase(),
    s.engine === 'membrane' ? 'Membrane' : 'NEURON',
    s.mode,
    s.valid ? fmtSeconds(s.medianSeconds) : `${fmtSeconds(s.medianSeconds)} INVALID`,
    fmt(s.nsPerCompartmentStep, 1),
    fmt(s.buildSeconds * 1000, 2),
    fmtBytes(s.memoryBytesPerCompartment),
    s.check ? `${s.check.ok ? 'ok' : 'FAIL'}: ${s.check.got}` : 'ERROR',
    (s.ratio != null ? `${s.ratio.toFixed(2)}x` : s.peer ? 'invalid' : '') +
      (s.ratioPsolve !== undefined ? ` (${s.ratioPsolve != null ? `${s.ratioPsolve.toFixed(2)}x` : 'invalid'} psolve)` : ''),
    s.spikeTimeDifferenceMs != null ? fmt(s.spikeTimeDifferenceMs, 3) : s.peer ? 'n/a' : '',
  ]);
  console.log('');
  console.log(
    table(
      ['work', 'engine', 'mode', 'median s', 'ns/comp-step', 'build ms', 'mem B/comp', 'check', 'ours/NEURON', 'max |dt| spikes ms'],
      rows,
      [false, false, false, true, true, true, true, false, true, true],
    ),
  );
  console.log('');
  console.log('median s: median of every timed run (all rounds) of run() / h.continuerun() alone; build: prepareSimulation / model creation + first finitialize.');
  console.log('ns/comp-step = median s / (steps x compartments). ours/NEURON: Membrane median / NEURON continuerun median in the matching mode (table ~ usetable_hh=1, exact ~ usetable_hh=0); < 1 means faster.');
  console.log("  psolve: NEURON's ParallelContext.psolve, the same integration looped in C without stdrun.hoc's per-step hoc call (matters for W1, not W2).");
  console.log('mem B/comp: Membrane heapUsed+arrayBuffers growth over prepareSimulation (after gc, median of batches), incl. preallocated trace buffers');
  const w2rec = find('w2', 'membrane', 'table', 'run')?.recordingBytesPerCompartment;
  if (w2rec) console.log(`  (W2: ${fmtBytes(w2rec)} B/comp of those are the time + 2 voltage traces); NEURON VmRSS growth to after the first finitialize.`);
  else console.log('  NEURON: VmRSS growth to after the first finitialize.');
  console.log('  W1 has one compartment: its memory figures are fixed per-simulation costs, not per-compartment ones.');
  console.log('max |dt| spikes: largest spike-time difference from NEURON in the matching mode (W1 all spikes, W2 far end); NEURON\'s fixed-step NetCon times fall on steps.');

}

main();
