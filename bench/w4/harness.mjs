/**
 * W4 for `npm run bench` (bench/run.mjs calls `runW4`): the F-I sweep, 100 independent W1 runs with currents
 * 0 ... 0.25 nA in equal steps. NEURON serially in one process (bench/w4/neuron_sweep.py, /usr/bin/python3), timed
 * through h.continuerun (the ratio's basis, as W1) and through ParallelContext.psolve; Membrane serially in one
 * thread and in parallel on a piscina pool of os.availableParallelism() worker threads (bench/w4/membrane_sweep.mjs).
 *
 * One round (one child process each, never two at once): NEURON continuerun (its spike times are the round's
 * reference, written to a temporary file), NEURON psolve, Membrane (validates against that reference before timing,
 * then alternates serial and parallel sweeps). The medians over all rounds' timed sweeps are reported.
 * Check: Membrane's spike count per current equals NEURON's (one spike apart allowed near the onset of firing and
 * for a last spike at the very end of the run: bench/w4/fi.mjs compareSpikes), serial and parallel spike trains are
 * bit-for-bit identical, NEURON's two loops agree, and 0.1 nA gives W1's 86 +- 1 spikes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from '../child.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = process.env.BENCH_PYTHON || '/usr/bin/python3';

/** Timed sweeps per process. A NEURON continuerun sweep takes about 4 s here, psolve about 1.3 s, Membrane's < 1 s. */
export const W4_PLAN = { neuron: { continuerun: 1, psolve: 2 }, membrane: { sweeps: 4 } };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const fmt = (x, digits) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

const sameCounts = (a, b) => a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * Runs W4; prints progress, a table and the F-I check; returns the object for latest.json (with `failed`).
 * @param options { rounds, neuron (false: Membrane alone, no ratios) }
 */
export function runW4({ rounds = 2, neuron = true } = {}) {
  const failed = [];
  const tmp = mkdtempSync(join(os.tmpdir(), 'membrane-w4-'));
  const n = { continuerun: [], psolve: [] };
  const m = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      let reference = null;
      if (neuron) {
        for (const method of ['continuerun', 'psolve']) {
          const label = `W4 neuron ${method}`;
          const child = runChild(PYTHON, [join(here, 'neuron_sweep.py'), '--method', method, '--sweeps', String(W4_PLAN.neuron[method])], label);
          if (child.error) {
            failed.push({ label, why: child.error });
            console.log(`  round ${round}  ${label.padEnd(22)} ERROR (see below)`);
            continue;
          }
          const r = child.result;
          n[method].push(r);
          if (method === 'continuerun') {
            reference = join(tmp, `neuron-round${round}.json`);
            writeFileSync(reference, child.line);
          }
          console.log(
            `  round ${round}  ${label.padEnd(22)} median ${fmt(r.medianSeconds, 3)} s  (${r.sweepSeconds.map((s) => fmt(s, 3)).join(' ')})  ` +
              `${fmt(r.secondsPerRun * 1000, 1)} ms/run; W1 ${r.w1Spikes} spikes${r.spikeCountsStable ? '' : '  <-- SPIKES CHANGED BETWEEN SWEEPS'}`,
          );
        }
      }
      const label = 'W4 membrane';
      const args = [join(here, 'membrane_sweep.mjs'), '--sweeps', String(W4_PLAN.membrane.sweeps)];
      if (reference) args.push('--reference', reference);
      const child = runChild(process.execPath, args, label);
      if (child.error) {
        failed.push({ label, why: child.error });
        console.log(`  round ${round}  ${label.padEnd(22)} ERROR (see below)`);
        continue;
      }
      const r = child.result;
      m.push(r);
      if (!r.valid) {
        console.log(`  round ${round}  ${label.padEnd(22)} CHECK FAILED (no timing)`);
        continue;
      }
      console.log(
        `  round ${round}  ${label.padEnd(22)} serial median ${fmt(r.serial.medianSeconds, 3)} s (${r.serial.sweepSeconds.map((s) => fmt(s, 3)).join(' ')}); ` +
          `parallel, ${r.parallel.threads} threads: ${fmt(r.parallel.medianSeconds, 3)} s (${r.parallel.sweepSeconds.map((s) => fmt(s, 3)).join(' ')}); W1 ${r.w1Spikes} spikes`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  // Checks.
  const first = m[0];
  const neuronRef = n.continuerun[0];
  const problems = [];
  if (!first) problems.push('no Membrane result');
  for (const r of m) {
    if (r.check && !r.check.ok) problems.push(`F-I counts differ from NEURON's: ${JSON.stringify(r.check.mismatches.filter((x) => !x.allowed))}`);
    if (r.valid && !r.parallelIdentical) problems.push('parallel spike trains differ from the serial ones');
    if (r.valid && !r.spikeTimesStable) problems.push('spike trains changed between sweeps');
    if (!(Math.abs(r.w1Spikes - 86) <= 1)) problems.push(`W1 (0.1 nA): ${r.w1Spikes} spikes, expected 86 +- 1`);
    if (!sameCounts(r.spikeCounts, first.spikeCounts)) problems.push('Membrane counts differ between rounds');
  }
  for (const r of [...n.continuerun, ...n.psolve]) {
    if (!r.spikeCountsStable) problems.push(`NEURON ${r.method}: spike counts changed between sweeps`);
    if (neuronRef && !sameCounts(r.spikeCounts, neuronRef.spikeCounts)) problems.push(`NEURON ${r.method}: counts differ from continuerun's`);
  }
  const valid = problems.length === 0 && failed.length === 0 && m.every((r) => r.valid);
  for (const why of problems) failed.push({ label: 'W4', why });

  const neuronSeconds = median(n.continuerun.flatMap((r) => r.sweepSeconds));
  const psolveSeconds = median(n.psolve.flatMap((r) => r.sweepSeconds));
  const serialSeconds = median(m.filter((r) => r.valid).flatMap((r) => r.serial.sweepSeconds));
  const parallelSeconds = median(m.filter((r) => r.valid).flatMap((r) => r.parallel.sweepSeconds));
  const ratio = (ours, theirs) => (valid && Number.isFinite(ours) && Number.isFinite(theirs) ? ours / theirs : null);
  const runs = first?.runsPerSweep ?? 100;
  const threads = first?.parallel?.threads ?? os.availableParallelism();
  const rows = [];
  if (neuron) {
    rows.push(['NEURON', 'serial, h.continuerun', neuronSeconds, '', '']);
    rows.push(['NEURON', 'serial, psolve', psolveSeconds, '', '']);
  }
  const ratios = (s) => (neuron ? `${fmt(ratio(s, neuronSeconds), 3)}x (${fmt(ratio(s, psolveSeconds), 3)}x psolve)` : '');
  rows.push(['Membrane', 'serial, 1 thread', serialSeconds, ratios(serialSeconds), '1.00x']);
  rows.push([
    'Membrane',
    `parallel, ${threads} worker threads`,
    parallelSeconds,
    ratios(parallelSeconds),
    `${fmt(serialSeconds / parallelSeconds, 2)}x`,
  ]);
  const cells = rows.map(([e, mode, s, r, sp]) => [e, mode, fmt(s, 3), fmt((s / runs) * 1000, 2), r, sp]);
  const headers = ['engine', 'mode', 'median sweep s', 'ms/run', 'ours/NEURON', 'vs serial'];
  const widths = headers.map((h, c) => Math.max(h.length, ...cells.map((row) => String(row[c]).length)));
  const right = [false, false, true, true, true, true];
  const line = (row) => row.map((x, c) => (right[c] ? String(x).padStart(widths[c]) : String(x).padEnd(widths[c]))).join('  ');
  console.log('');
  console.log([line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n'));
  console.log('');
  console.log(`median sweep s: median of every timed sweep of ${runs} runs (all rounds); Membrane includes prepareSimulation for every run,`);
  console.log(`  NEURON h.finitialize; parallel: piscina pool of ${threads}, ${first?.parallel ? `${first.parallel.tasks} tasks of ${first.parallel.currentsPerTask} currents` : '-'}, warmed, from submit to last result.`);

  // The F-I curve and its check.
  let fi = null;
  if (first) {
    const counts = first.spikeCounts;
    const rates = counts.map((c) => c / (first.tstop / 1000));
    const firstSpiking = counts.findIndex((c) => c > 0);
    const firstRepetitive = counts.findIndex((c) => c > 2);
    const check = first.check;
    fi = { currentsNA: first.currents, spikeCounts: counts, rateHz: rates, neuronSpikeCounts: neuronRef?.spikeCounts ?? null, check };
    const at = (i) => `${fmt(first.currents[i], 4)} nA`;
    console.log(
      `F-I curve (Membrane): 0 Hz up to ${at(firstSpiking - 1)}; one or two spikes from ${at(firstSpiking)}; repetitive from ${at(firstRepetitive)} ` +
        `(${rates[firstRepetitive]} Hz) to ${rates[rates.length - 1]} Hz at ${at(rates.length - 1)}.`,
    );
    console.log(`  every 11th current: ${counts.map((c, i) => [c, i]).filter(([, i]) => i % 11 === 0).map(([c, i]) => `${fmt(first.currents[i], 3)}:${c}`).join(' ')} (nA:Hz)`);
    if (check) {
      const ends = check.mismatches.filter((x) => x.allowed === 'end of run');
      const onsets = check.mismatches.filter((x) => x.allowed === 'onset');
      console.log(
        `F-I check against NEURON: ${check.ok ? 'ok' : 'FAIL'}: ${check.exact}/${check.of} spike counts equal` +
          (ends.length ? `; ${ends.length} one spike more at the end of the run (${ends.map((x) => `${at(x.index)}: ${x.ours} vs ${x.neuron}, last spike ${fmt(x.lastSpikeMs, 3)} ms`).join('; ')})` : '') +
          (onsets.length ? `; ${onsets.length} one spike apart near the onset (${onsets.map((x) => `${at(x.index)}: ${x.ours} vs ${x.neuron}`).join('; ')})` : '') +
          `; matched spike times within ${fmt(check.maxDifferenceMs, 3)} ms.`,
      );
    } else console.log('F-I check against NEURON: not run (no NEURON).');
    console.log(`Serial and parallel spike trains bit-for-bit identical: ${m.every((r) => r.parallelIdentical) ? 'yes' : 'NO'}.`);
  }

  return {
    failed,
    result: {
      valid,
      plan: W4_PLAN,
      rounds,
      settings: { runs, maxCurrentNA: 0.25, dt: 0.025, tstop: 1000, rates: 'table / usetable_hh=1', integrator: 'backward-euler (NEURON secondorder = 0)' },
      neuron: neuron
        ? {
            version: neuronRef?.version,
            continuerun: { medianSeconds: neuronSeconds, sweepSeconds: n.continuerun.flatMap((r) => r.sweepSeconds), buildSeconds: neuronRef?.buildSeconds },
            psolve: { medianSeconds: psolveSeconds, sweepSeconds: n.psolve.flatMap((r) => r.sweepSeconds) },
          }
        : null,
      membrane: {
        serial: { medianSeconds: serialSeconds, sweepSeconds: m.flatMap((r) => r.serial?.sweepSeconds ?? []), runSecondsMedian: median(m.map((r) => r.serial?.runSecondsMedian)) },
        parallel: {
          medianSeconds: parallelSeconds,
          sweepSeconds: m.flatMap((r) => r.parallel?.sweepSeconds ?? []),
          threads,
          tasks: first?.parallel?.tasks,
          currentsPerTask: first?.parallel?.currentsPerTask,
          poolStartAndValidationSeconds: m.map((r) => r.parallel?.poolStartAndValidationSeconds),
        },
        parallelIdentical: m.every((r) => r.parallelIdentical),
        timingMethod: first?.timingMethod,
      },
      ratioSerial: ratio(serialSeconds, neuronSeconds),
      ratioParallel: ratio(parallelSeconds, neuronSeconds),
      ratioSerialPsolve: ratio(serialSeconds, psolveSeconds),
      ratioParallelPsolve: ratio(parallelSeconds, psolveSeconds),
      speedup: serialSeconds / parallelSeconds,
      fi,
    },
  };
}
