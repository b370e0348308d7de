/**
 * Issue 9, items 5 and 6, through the built command:
 * - outputs are checked before the run (a missing folder, a folder that takes no new file, a path that is a folder:
 *   exit 2, one line naming --out and the path as typed), and a full disk or a closed pipe on stdout gives one line
 *   and exit 1, never a stack trace;
 * - a time step too long for the model's kinetics is refused before the run (exit 2, with the largest safe step),
 *   unless forced; a forced run that rings or blows up stops (exit 3) with the time, the place and a remedy; voltages
 *   beyond any membrane's range in a clamp or a start are bad input (exit 2).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelArgument } from '../../src/cli/model-argument.js';
import { compile } from '../../src/engine/compile.js';
import { checkTimeStep } from '../../src/engine/step-check.js';
import type { Model } from '../../src/model/types.js';
import { defaults, type ParamSpec, type ParamValues } from '../../web/src/params.js';
import { AP_SPECS, buildActionPotentialModel, buildUnstimulatedModel } from '../../web/src/screens/action-potential/model.js';
import { buildPropagation, PROPAGATION_SPECS } from '../../web/src/screens/propagation/model.js';
import { buildSynapseRuns, SYNAPSE_SPECS } from '../../web/src/screens/synapses/model.js';
import { expectUsageError, MAIN, membrane, membraneJson } from './run.js';

const scratch = mkdtempSync(join(tmpdir(), 'membrane-outputs-'));
const HH = 'examples/hh-squid-compartment.json';

/** Exactly one stderr line, no stack frame. */
function expectOneLine(stderr: string): string {
  const lines = stderr.split('\n');
  expect(lines.at(-1), `stderr ends with a newline: ${stderr}`).toBe('');
  expect(lines.length - 1, `one stderr line, got: ${stderr}`).toBe(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('internal error');
  return lines[0];
}

/** Nothing left in `folder`: no temporary file, no half-written output. */
function expectEmpty(folder: string): void {
  expect(readdirSync(folder)).toEqual([]);
}

describe('--out is checked before the run: exit 2, one line naming --out, the path as typed and what is wrong', () => {
  it('a missing folder', () => {
    const out = join(scratch, 'missing', 'traces.csv');
    const line = expectUsageError(['run', HH, '--out', out], ['--out', JSON.stringify(out), 'does not exist']);
    expect(line).not.toMatch(/ENOENT|\.tmp/);
    expect(existsSync(join(scratch, 'missing'))).toBe(false);
  });

  it('a "folder" that is a regular file (ENOTDIR: fails for root too)', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a folder');
    const out = join(file, 'traces.csv');
    expectUsageError(['run', HH, '--out', out], ['--out', JSON.stringify(out), 'is a file, not a folder']);
  });

  it('a path that is a folder', () => {
    const folder = join(scratch, 'traces.csv');
    mkdirSync(folder);
    const line = expectUsageError(['run', HH, '--out', folder], ['--out', JSON.stringify(folder), 'is a folder']);
    expect(line).not.toMatch(/EISDIR|\.tmp/);
    expectEmpty(folder);
  });

  // Tests run as root, for whom permission bits (chmod 555) do not make a folder read-only. These folders refuse new
  // files to root as well: sysfs refuses to create files (EACCES) and procfs has no way to (ENOENT). The check tries
  // to create a file, as the write would, instead of trusting access(2), which says "writable" for root on both.
  it.each([
    ['/sys', 'permission denied'],
    ['/proc', 'takes no new files'],
  ])('a folder that takes no new file, even for root: %s', (folder, reason) => {
    const out = `${folder}/traces.csv`;
    expectUsageError(['run', HH, '--out', out], ['--out', JSON.stringify(out), `"${folder}"`, reason]);
  });

  it.runIf(process.getuid?.() !== 0)('a read-only folder (chmod 555; skipped as root, who can write there)', async () => {
    const { chmodSync } = await import('node:fs');
    const folder = join(scratch, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const out = join(folder, 'traces.csv');
    expectUsageError(['run', HH, '--out', out], ['--out', JSON.stringify(out), 'permission denied']);
    expectEmpty(folder);
  });

  it('the check is made before the run: a model that would run for minutes fails at once', () => {
    const model = JSON.parse(readFileSync(HH, 'utf8'));
    model.run.duration = '1e6 ms';
    const path = join(scratch, 'long.json');
    writeFileSync(path, JSON.stringify(model));
    const started = Date.now();
    expectUsageError(['run', path, '--out', join(scratch, 'nowhere', 'x.csv')], ['--out', 'does not exist']);
    // A full run of 1e6 ms would take minutes; the check takes under a second (5 s allows for a loaded machine).
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a good --out still works and leaves only the file (atomic write, no temporary or probe file)', () => {
    const folder = mkdtempSync(join(scratch, 'good-'));
    const out = join(folder, 'traces.json');
    membraneJson(['run', HH, '--out', out]);
    expect(readdirSync(folder)).toEqual(['traces.json']);
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')))[0]).toBe('t_ms');
  });
});

/** Runs the built command with the given stdout (a file descriptor, or a pipe destroyed before anything is read). */
function runWithStdout(args: readonly string[], stdout: number | 'closed-pipe'): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      stdio: ['ignore', stdout === 'closed-pipe' ? 'pipe' : stdout, 'pipe'],
      env: { ...process.env, MEMBRANE_DEBUG: '', NO_COLOR: '1' },
    });
    // Closing our end at once: every write of the child then fails with EPIPE (Node ignores SIGPIPE).
    if (stdout === 'closed-pipe') child.stdout?.destroy();
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('stdout that cannot be written: one line and exit 1, no stack trace', () => {
  it.runIf(existsSync('/dev/full'))('a full disk (stdout on /dev/full): ENOSPC', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['run', HH, '--json'], ['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mM'], ['presets']]) {
        const result = await runWithStdout(args, full);
        expect(result.status, result.stderr).toBe(1);
        expect(expectOneLine(result.stderr)).toMatch(/^membrane: could not write stdout: no space left on the device \(ENOSPC\)$/);
      }
    } finally {
      closeSync(full);
    }
  });

  it('a reader that closed the pipe (membrane run ... | head -c 10 before the first byte): EPIPE', async () => {
    const result = await runWithStdout(['run', HH, '--json'], 'closed-pipe');
    expect(result.status, result.stderr).toBe(1);
    expect(expectOneLine(result.stderr)).toMatch(/^membrane: could not write stdout: .*\(EPIPE\)$/);
  });
});


/** Writes a variant of an example model (a JSON file) into the scratch folder and returns its path. */
function variant(example: string, name: string, change: (model: any) => void): string {
  const model = JSON.parse(readFileSync(example, 'utf8'));
  change(model);
  const path = join(scratch, `${name}.json`);
  writeFileSync(path, JSON.stringify(model));
  return path;
}

describe('a time step that cannot resolve the kinetics is refused before the run (exit 2), unless forced', () => {
  it.each(['crank-nicolson', 'backward-euler'])('hh at dt = 10 ms with %s: refused, naming the fastest gate and the largest safe step', (integrator) => {
    const path = variant(HH, `hh-10ms-${integrator}`, (model) => Object.assign(model.run, { timeStep: '10 ms', integrator }));
    const line = expectUsageError(['run', path], ['run.timeStep', '10 ms', 'hh m', 'tau = 0.12 ms', '6.3 °C', 'use at most 0.301 ms', '--force-time-step']);
    expect(line).not.toContain('numerically unstable');
  });

  it('the Rallpack 3 axon at dt = 1 ms (spikes late by a quarter of their interval): refused', () => {
    const path = variant('examples/rallpack3-hh-axon.json', 'rallpack3-1ms', (model) => {
      model.run.timeStep = '1 ms';
      model.run.recordInterval = '1 ms';
    });
    expectUsageError(['run', path], ['run.timeStep', '1 ms', 'hh m', 'use at most']);
  });

  it('every example model passes at its own step (the check refuses none)', () => {
    // In process (reading as the command does, then the engine's check), so as not to run every example again.
    for (const name of readdirSync('examples').filter((file) => /\.(json|ya?ml)$/.test(file))) {
      const compiled = compile(readModelArgument(`examples/${name}`));
      expect(() => checkTimeStep(compiled), name).not.toThrow();
    }
  });

  it("the lab's models pass at every choice and at the ends of the temperature and geometry sliders", () => {
    /** Every combination of the choices, with each number slider in `ends` at its minimum and maximum. */
    const settings = (specs: readonly ParamSpec[], ends: readonly string[]): ParamValues[] => {
      let all: ParamValues[] = [defaults(specs)];
      for (const spec of specs) {
        const values = spec.kind === 'choice' ? spec.options.map((option) => option.value) : ends.includes(spec.key) ? [spec.min, spec.max] : [];
        if (values.length > 0) all = all.flatMap((setting) => values.map((value) => ({ ...setting, [spec.key]: value })));
      }
      return all;
    };
    const models: Model[] = [
      ...settings(AP_SPECS, ['temperature', 'hold', 'clamp']).flatMap((values) => [buildActionPotentialModel(values), buildUnstimulatedModel(values)]),
      ...settings(PROPAGATION_SPECS, ['temperature', 'diameter', 'length', 'compartments']).map((values) => buildPropagation(values).model),
      ...settings(PROPAGATION_SPECS, []).map((values) => buildPropagation({ ...values, temperature: 25 }).model),
      ...settings(SYNAPSE_SPECS, []).flatMap((values) => buildSynapseRuns(values).map((run) => run.model)),
    ];
    expect(models.length).toBeGreaterThan(50);
    for (const model of models) expect(() => checkTimeStep(compile(model)), `${model.name}: ${model.description ?? ''}`).not.toThrow();
  });

  it('--force-time-step runs it; Crank-Nicolson then rings and the run stops with the time, the place and a remedy (exit 3)', () => {
    const path = variant(HH, 'hh-10ms-forced', (model) => Object.assign(model.run, { timeStep: '10 ms', integrator: 'crank-nicolson' }));
    const result = membrane(['run', path, '--force-time-step', '--json']);
    expect(result.status, result.stderr).toBe(3);
    expect(result.stdout).toBe('');
    const line = expectOneLine(result.stderr);
    for (const part of ['numerically unstable at t = ', 'cell squid, section soma(0.5000)', 'Crank-Nicolson ringing', 'at most 0.3 ms', 'backward-euler']) {
      expect(line).toContain(part);
    }
  });

  it('--force-time-step with backward Euler runs (exit 0): the user asked for it', () => {
    const path = variant(HH, 'hh-10ms-forced-be', (model) => Object.assign(model.run, { timeStep: '10 ms' }));
    expect(membraneJson(['run', path, '--force-time-step']).steps).toBe(10);
  });
});

describe('voltages beyond any membrane: bad input in a start or a clamp (exit 2), an instability during a run (exit 3)', () => {
  it.each(['run', 'check'])('%s: an initial voltage of 1e6 mV is bad input, not "try a smaller time step"', (command) => {
    const path = variant(HH, 'start-1e6', (model) => (model.cells[0].membrane.initialVoltage = '1e6 mV'));
    const line = expectUsageError([command, path], ['cells[0].membrane.initialVoltage', '1e6 mV', '±500 mV']);
    expect(line).not.toMatch(/unstable|time step/);
  });

  it('run: a clamp at 1e6 mV is bad input', () => {
    const path = variant(HH, 'clamp-1e6', (model) => {
      model.stimuli = [{ kind: 'voltage-clamp', id: 'vc', location: { section: 'soma', position: 0.5 }, levels: [{ duration: '5 ms', voltage: '1e6 mV' }] }];
    });
    expectUsageError(['run', path], ['stimuli[0].levels[0].voltage', '1e6 mV', '±500 mV']);
  });

  it('run: a membrane driven past 1000 mV by a current stops (exit 3) with "membrane potential reached", time, place and remedy', () => {
    const path = variant(HH, 'driven', (model) => {
      model.stimuli[0].waveform.amplitude = '1e6 uA/cm2';
      model.run.duration = '5 ms';
    });
    const result = membrane(['run', path]);
    expect(result.status, result.stderr).toBe(3);
    const line = expectOneLine(result.stderr);
    expect(line).toMatch(/numerically unstable at t = [\d.]+ ms in cell squid, section soma\(0\.5000\): the membrane potential reached /);
    expect(line).toContain('run.timeStep');
  });
});
