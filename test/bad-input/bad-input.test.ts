/**
 * The bad-input catalogue (issue 9, item 8): every case of cases-*.ts runs the BUILT command (`npm run build:lib`
 * first) in a fresh temporary folder and must end with
 * - the expected exit code (2 for bad input, 1 for a failed write), not a signal;
 * - nothing on stdout;
 * - exactly one line on stderr, of at most 2000 characters (or the case's own limit), naming in order the field,
 *   the value as typed and what is allowed; no stack frame, no "internal error", nothing the case forbids;
 * - no file left in its folder beyond the inputs (atomic writes, no temporary file);
 * - within TIME_LIMIT_SECONDS and MEMORY_LIMIT_MB (peak resident memory), with the V8 heap capped at
 *   HEAP_LIMIT_MB and the address space at ADDRESS_SPACE_LIMIT_MB, killed after KILL_AFTER_MS.
 *
 * Set BAD_INPUT_REPORT=<file.json> to write every case's outcome there (for grouping failures by cause), and
 * BAD_INPUT_MAIN=<path of main.js> to run the catalogue on another build (an older commit, to see what it fixes).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN } from '../cli/run.js';
import type { BadInputCase, CaseFile } from './catalogue.js';
import { CALCULATOR_CASES } from './cases-calculators.js';
import { BASE_MODEL, jsonOf, MODEL_CASES, yamlOf } from './cases-models.js';
import { NEUROML_CASES } from './cases-neuroml.js';
import { OUTPUT_CASES } from './cases-outputs.js';

/** "A few seconds": a bad input is refused before any real work, so 5 s allows a loaded 2-core machine. */
const TIME_LIMIT_SECONDS = 5;
/** "A few hundred MB": Node itself takes about 50 MB resident. */
const MEMORY_LIMIT_MB = 300;
/** V8 heap cap, so that a runaway allocation fails fast instead of swapping the machine. */
const HEAP_LIMIT_MB = 512;
/** Address-space cap (prlimit), so that buffers outside the V8 heap are bounded too. */
const ADDRESS_SPACE_LIMIT_MB = 2048;
/** A case still running after this is killed (a pipe read that never ends, a run that should not have started). */
const KILL_AFTER_MS = 10_000;
/** Longest stderr line by default. */
const LINE_LIMIT = 2000;

const CLI = process.env.BAD_INPUT_MAIN || MAIN;
const WRAPPER = fileURLToPath(new URL('./measured-main.mjs', import.meta.url));
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((path) => existsSync(path));

function lay(root: string, files: Readonly<Record<string, CaseFile>>): void {
  for (const [name, file] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof file === 'string') writeFileSync(path, file.replaceAll('{root}', root));
    else if (file.kind === 'bytes') writeFileSync(path, file.bytes);
    else if (file.kind === 'symlink') symlinkSync(file.target.replaceAll('{root}', root), path);
    else if (file.kind === 'directory') mkdirSync(path, { recursive: true });
    else if (file.kind === 'sparse') {
      writeFileSync(path, '');
      truncateSync(path, file.bytes);
    } else {
      const made = spawnSync('mkfifo', [path]);
      if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
    }
  }
}

/** Every entry under `root` (links and pipes not followed), with its type. */
function listing(root: string, folder = root): string[] {
  const entries: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    const stats = lstatSync(path);
    const type = stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'dir' : stats.isFIFO() ? 'fifo' : 'file';
    entries.push(`${path.slice(root.length + 1)} (${type})`);
    if (type === 'dir') entries.push(...listing(root, path));
  }
  return entries;
}

interface Outcome {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  readonly memoryMb?: number;
  readonly left: readonly string[];
  readonly missing: readonly string[];
}

/** Runs the command without blocking the test worker (a synchronous wait of 10 s starves vitest's own messages). */
function spawnAsync(command: readonly string[], cwd: string, stdin: string, stdoutFd: number | undefined): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string; memory: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command[0], command.slice(1), {
      cwd,
      timeout: KILL_AFTER_MS,
      killSignal: 'SIGKILL',
      stdio: ['pipe', stdoutFd ?? 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, MEMBRANE_DEBUG: '', NO_COLOR: '1' },
    });
    const collected = { stdout: '', stderr: '', memory: '' };
    const collect = (stream: Readable | null | undefined, key: keyof typeof collected): void => {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        if (collected[key].length < 1_000_000) collected[key] += chunk;
      });
    };
    collect(child.stdout, 'stdout');
    collect(child.stderr, 'stderr');
    collect(child.stdio[3] as Readable | null, 'memory');
    child.stdin?.on('error', () => undefined); // the command may exit before reading its input
    child.stdin?.end(stdin);
    child.on('error', fail);
    child.on('close', (status, signal) => done({ status, signal, ...collected }));
  });
}

async function execute(testCase: BadInputCase): Promise<Outcome> {
  const root = mkdtempSync(join(tmpdir(), 'membrane-bad-input-'));
  let stdoutFd: number | undefined;
  try {
    lay(root, testCase.files ?? {});
    const before = listing(root);
    if (testCase.stdout === 'dev-full') stdoutFd = openSync('/dev/full', 'w');
    const node = [process.execPath, `--max-old-space-size=${HEAP_LIMIT_MB}`, WRAPPER, CLI, ...testCase.args.map((arg) => arg.replaceAll('{root}', root))];
    const command = PRLIMIT ? [PRLIMIT, `--as=${ADDRESS_SPACE_LIMIT_MB * 1024 * 1024}`, ...node] : node;
    const started = performance.now();
    const result = await spawnAsync(command, root, testCase.stdin ?? '', stdoutFd);
    const seconds = (performance.now() - started) / 1000;
    const after = listing(root);
    const reported = Number.parseInt(result.memory, 10);
    return {
      status: result.status,
      signal: result.signal,
      stdout: result.stdout,
      stderr: result.stderr,
      seconds,
      memoryMb: Number.isFinite(reported) ? reported / 1024 : undefined,
      left: after.filter((entry) => !before.includes(entry)),
      missing: before.filter((entry) => !after.includes(entry)),
    };
  } finally {
    if (stdoutFd !== undefined) closeSync(stdoutFd);
    rmSync(root, { recursive: true, force: true });
  }
}

/** Finds `pattern` in `text` from `from`; returns the index after the match, or -1. */
function findFrom(text: string, pattern: string | RegExp, from: number): number {
  if (typeof pattern === 'string') {
    const index = text.indexOf(pattern, from);
    return index < 0 ? -1 : index + pattern.length;
  }
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  global.lastIndex = from;
  const match = global.exec(text);
  return match ? match.index + match[0].length : -1;
}

const show = (text: string): string => (text.length > 400 ? `${JSON.stringify(text.slice(0, 400))}... (${text.length} characters)` : JSON.stringify(text));

/** Every way the outcome falls short of the case; empty when it passes. */
function problemsOf(testCase: BadInputCase, outcome: Outcome): string[] {
  const { expect: want } = testCase;
  const problems: string[] = [];
  if (outcome.signal !== null) problems.push(`killed by ${outcome.signal} (after ${outcome.seconds.toFixed(1)} s)`);
  else if (outcome.status !== want.exit) problems.push(`exit code ${outcome.status}, expected ${want.exit}`);
  if (outcome.stdout !== '') problems.push(`stdout not empty: ${show(outcome.stdout)}`);
  const lines = outcome.stderr.split('\n');
  if (!outcome.stderr.endsWith('\n') || lines.length !== 2) problems.push(`stderr is not exactly one line: ${show(outcome.stderr)}`);
  const line = lines[0] ?? '';
  if (/^\s+at /m.test(outcome.stderr) || /\(?(file:\/\/|node:internal|\/[\w./-]+\.js):\d+:\d+\)?/.test(outcome.stderr)) problems.push('stderr holds a stack trace');
  if (/internal error/i.test(outcome.stderr)) problems.push('stderr says "internal error"');
  const limit = want.maxLineLength ?? LINE_LIMIT;
  if (line.length > limit) problems.push(`stderr line of ${line.length} characters, more than ${limit}`);
  for (const text of want.never ?? []) if (outcome.stderr.includes(text)) problems.push(`stderr shows ${JSON.stringify(text)}`);
  if (lines.length === 2) {
    // The order of an InputError: "membrane <command>: <field>: got <value>; expected <allowed>".
    const body = line.replace(/^membrane(?: [a-z0-9-]+)?: /, '');
    let at = findFrom(body, want.field, 0);
    if (at < 0) problems.push(`the line does not name the field ${want.field}`);
    if (at >= 0 && want.value !== undefined) {
      at = findFrom(body, want.value, at);
      if (at < 0) problems.push(`the line does not show the value ${want.value} after the field`);
    }
    if (at >= 0 && want.allowed !== undefined) {
      at = findFrom(body, want.allowed, at);
      if (at < 0) problems.push(`the line does not say what is allowed (${want.allowed}) after the value`);
    }
    if (want.exit === 2 && !/: got .*; expected /.test(body) && !/ '.*'/.test(body)) {
      problems.push('the line does not read "<field>: got <value>; expected <allowed>"');
    }
  }
  if (outcome.left.length > 0) problems.push(`left behind: ${outcome.left.join(', ')}`);
  if (outcome.missing.length > 0) problems.push(`removed inputs: ${outcome.missing.join(', ')}`);
  if (outcome.signal === null && outcome.seconds > TIME_LIMIT_SECONDS) problems.push(`took ${outcome.seconds.toFixed(1)} s, more than ${TIME_LIMIT_SECONDS} s`);
  if (outcome.memoryMb !== undefined && outcome.memoryMb > MEMORY_LIMIT_MB) problems.push(`peak memory ${outcome.memoryMb.toFixed(0)} MB, more than ${MEMORY_LIMIT_MB} MB`);
  return problems;
}

const TABLES: readonly [string, readonly BadInputCase[]][] = [
  ['calculators', CALCULATOR_CASES],
  ['model files (JSON, YAML)', MODEL_CASES],
  ['NeuroML and LEMS files', NEUROML_CASES],
  ['outputs', OUTPUT_CASES],
];

const report: { table: string; name: string; args: string[]; problems: string[]; stderr: string; status: number | null; seconds: number }[] = [];
afterAll(() => {
  const path = process.env.BAD_INPUT_REPORT;
  if (path) writeFileSync(path, `${JSON.stringify(report, null, 1)}\n`);
});

describe('the bad-input catalogue', () => {
  it('holds at least 150 cases, each named once', () => {
    const names = TABLES.flatMap(([, cases]) => cases.map((testCase) => testCase.name));
    expect(names.length).toBeGreaterThanOrEqual(150);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('the base model of the mutations is valid, as JSON and as YAML (a failed case is the mutation, not the base)', async () => {
    for (const [file, text] of [['base.json', jsonOf()], ['base.yaml', yamlOf()]] as const) {
      const outcome = await execute({ name: file, args: ['check', file], files: { [file]: text }, expect: { exit: 0, field: '' } });
      expect(outcome.stderr).toBe('');
      expect(outcome.status).toBe(0);
    }
    expect(BASE_MODEL.name).toBe('bad-input-base');
  });

  for (const [table, cases] of TABLES) {
    describe(table, () => {
      for (const testCase of cases) {
        it(testCase.name, { timeout: KILL_AFTER_MS + 20_000 }, async () => {
          const outcome = await execute(testCase);
          const problems = problemsOf(testCase, outcome);
          report.push({ table, name: testCase.name, args: testCase.args.map((arg) => (arg.length > 100 ? `${arg.slice(0, 60)}...` : arg)), problems, stderr: outcome.stderr.slice(0, 600), status: outcome.status, seconds: Number(outcome.seconds.toFixed(2)) });
          expect(problems, `membrane ${testCase.args.map((arg) => (arg.length > 60 ? `${arg.slice(0, 40)}...` : arg)).join(' ')}\nstderr: ${show(outcome.stderr)}`).toEqual([]);
        });
      }
    });
  }
});

describe('input that looks odd but is valid is accepted', () => {
  const accepted: readonly [string, readonly string[], Readonly<Record<string, CaseFile>>][] = [
    ['a JSON model with a byte-order mark', ['check', 'model.json'], { 'model.json': `\uFEFF${jsonOf()}` }],
    ['a YAML model with a byte-order mark', ['check', 'model.yaml'], { 'model.yaml': `\uFEFF${yamlOf()}` }],
    ['a true minus sign: −70 mV', ['drive', '-V', '−70 mV', '--preset', 'squid-giant-axon'], {}],
    ['a micro sign: 20 µm', ['charge', '-V', '-70mV', '--diameter', '20 µm'], {}],
  ];
  for (const [name, args, files] of accepted) {
    it(name, async () => {
      const outcome = await execute({ name, args, files, expect: { exit: 0, field: '' } });
      expect(outcome.stderr, `membrane ${args.join(' ')}`).toBe('');
      expect(outcome.status).toBe(0);
      expect(outcome.left).toEqual([]);
    });
  }
});
