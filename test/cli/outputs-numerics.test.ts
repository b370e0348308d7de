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
import { expectUsageError, MAIN, membraneJson } from './run.js';

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

