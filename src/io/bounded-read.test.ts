/**
 * Bounded reads (issue 9, "Bounded reads"): only regular files are read, with a byte cap while reading, for model
 * files and NeuroML includes alike; and a model file that is not a model is never echoed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../units/errors.js';
import { quoteTyped, readBoundedText, type FileRole } from './bounded-read.js';
import { MAX_MODEL_FILE_BYTES, readModelFile } from './model-file.js';

/** Bytes asked of `fs.readSync` (every read of ./bounded-read.ts goes through it), to see the cap act while reading. */
const reads = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readSync = (...args: Parameters<typeof fs.readSync>) => {
    const count = (fs.readSync as (...a: unknown[]) => number)(...args);
    reads.bytes += count;
    return count;
  };
  return { ...fs, default: { ...fs, readSync }, readSync };
});

const SECRET = 'TOPSECRET-5d1e08-do-not-echo';
const folder = realpathSync(mkdtempSync(join(tmpdir(), 'membrane-bounded-')));
const role = (typed: string): FileRole => ({ field: 'model file', typed, allowed: 'a readable file' });

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readBoundedText: regular files only, at most the limit', () => {
  it('a file of exactly the limit is read whole; one byte more is refused', () => {
    const path = join(folder, 'hundred.txt');
    writeFileSync(path, 'x'.repeat(100));
    expect(readBoundedText(path, 100, role(path))).toBe('x'.repeat(100));
    writeFileSync(path, 'x'.repeat(101));
    const error = errorOf(() => readBoundedText(path, 100, role(path)));
    expect(error.field).toBe('model file');
    expect(error.allowed).toContain('at most 100 bytes');
  });

  it('the cap holds while reading: /proc/self/maps reports size 0 but holds kilobytes, and is cut at 64 bytes', () => {
    if (!existsSync('/proc/self/maps')) return; // Linux only; the sparse-file cases below hold everywhere.
    expect(statSync('/proc/self/maps').size).toBe(0);
    reads.bytes = 0;
    const error = errorOf(() => readBoundedText('/proc/self/maps', 64, role('/proc/self/maps')));
    expect(error.allowed).toContain('more than 64 bytes');
    // At most limit + 1 bytes were read, though the file holds far more (a process has dozens of mappings).
    expect(reads.bytes).toBe(65);
  });

  it('a FIFO is refused before it is opened (a read would block or never end)', () => {
    const fifo = join(folder, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(errorOf(() => readBoundedText(fifo, 1000, role(fifo))).allowed).toContain('a pipe (FIFO), not a regular file');
    // Through a symbolic link too: the real path is checked.
    symlinkSync(fifo, join(folder, 'pipe-link.json'));
    expect(errorOf(() => readBoundedText(join(folder, 'pipe-link.json'), 1000, role('pipe-link.json'))).allowed).toContain('a pipe (FIFO)');
  });

  it('/dev/zero is refused as a device; a folder as a directory; a missing file as no such file', () => {
    expect(errorOf(() => readBoundedText('/dev/zero', 1000, role('/dev/zero'))).allowed).toContain('a device, not a regular file');
    expect(errorOf(() => readBoundedText(folder, 1000, role(folder))).allowed).toContain('a directory, not a regular file');
    expect(errorOf(() => readBoundedText(join(folder, 'none.json'), 1000, role('none.json'))).allowed).toContain('no such file');
  });

  it('a NUL character in the path is bad input, not an internal error', () => {
    expect(errorOf(() => readBoundedText('a\u0000b.json', 1000, role('a\u0000b.json'))).allowed).toContain('NUL');
  });

  it('the path is quoted as typed, cut to 80 characters with an ellipsis', () => {
    const long = `${'d/'.repeat(100)}model.json`;
    const error = errorOf(() => readBoundedText(long, 1000, role(long)));
    expect(error.value).toBe(quoteTyped(long));
    expect(JSON.parse(error.value)).toHaveLength(80);
    expect(error.value.endsWith('…"')).toBe(true);
  });
});

describe('readModelFile: bounded, and never echoes a file that is not a model', () => {
  it(`a model file over ${MAX_MODEL_FILE_BYTES} bytes is refused without reading it (sparse file)`, () => {
    const big = join(folder, 'big.json');
    writeFileSync(big, '');
    execFileSync('truncate', ['-s', String(MAX_MODEL_FILE_BYTES + 1), big]);
    const error = errorOf(() => readModelFile(big));
    expect(error.field).toBe('model file');
    expect(error.allowed).toContain(`at most ${MAX_MODEL_FILE_BYTES} bytes`);
  });

  it('a FIFO given as the model is refused at once, naming the field the caller chose', () => {
    const fifo = join(folder, 'model-pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const error = errorOf(() => readModelFile(fifo, { field: '<model>' }));
    expect(error.field).toBe('<model>');
    expect(error.allowed).toContain('a pipe (FIFO)');
  });

  it.each([
    ['secret.json', `${SECRET} and more`],
    ['secret.yaml', `${SECRET} and more\n`],
    ['secret', `root:x:0:0:${SECRET}:/root:/bin/bash\n`],
    ['secret-list.json', `["${SECRET}"]`],
    ['secret-tag.yaml', `name: !${SECRET} x\n`],
  ])('%s: the error names the file but not its content', (name, content) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    const error = errorOf(() => readModelFile(path));
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('TOPSECRET');
  });
});
