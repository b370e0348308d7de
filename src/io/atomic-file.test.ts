import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../units/errors.js';
import { checkOutputPath, OutputError, reasonOf, writeFileAtomic } from './atomic-file.js';

const scratch = mkdtempSync(join(tmpdir(), 'membrane-atomic-'));

describe('checkOutputPath: InputError naming the option and the path as typed', () => {
  it('accepts a new file in an existing folder and leaves nothing behind', () => {
    const folder = mkdtempSync(join(scratch, 'ok-'));
    checkOutputPath(join(folder, 'x.csv'), '--out');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('accepts an existing regular file (it will be replaced)', () => {
    const path = join(scratch, 'existing.csv');
    writeFileSync(path, 'old');
    expect(() => checkOutputPath(path, '--out')).not.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
  });

  it.each([
    ['a missing folder', () => join(scratch, 'no-such-folder', 'x.csv'), 'does not exist'],
    ['a folder that is a file', () => { const f = join(scratch, 'plain'); writeFileSync(f, ''); return join(f, 'x.csv'); }, 'is a file, not a folder'],
    ['a path that is a folder', () => { const d = join(scratch, 'dir.csv'); mkdirSync(d, { recursive: true }); return d; }, 'is a folder'],
    ['a folder that takes no new files, even for root (/proc)', () => '/proc/x.csv', 'takes no new files'],
  ])('refuses %s', (_label, makePath, reason) => {
    const path = makePath();
    let caught: unknown;
    try {
      checkOutputPath(path, '--out');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.field).toBe('--out');
    expect(error.value).toBe(JSON.stringify(path));
    expect(error.message).toContain(reason);
  });
});

describe('writeFileAtomic', () => {
  it('writes through a temporary file and leaves only the target', () => {
    const folder = mkdtempSync(join(scratch, 'write-'));
    const path = join(folder, 'x.csv');
    writeFileAtomic(path, 'a,b\n');
    writeFileAtomic(path, 'c,d\n');
    expect(readFileSync(path, 'utf8')).toBe('c,d\n');
    expect(readdirSync(folder)).toEqual(['x.csv']);
  });

  it('a failure after the check (the folder removed during the run) is an OutputError naming the path, not the temporary file', () => {
    const folder = mkdtempSync(join(scratch, 'vanishing-'));
    const path = join(folder, 'x.csv');
    checkOutputPath(path, '--out');
    rmSync(folder, { recursive: true });
    expect(() => writeFileAtomic(path, 'text')).toThrow(OutputError);
    expect(() => writeFileAtomic(path, 'text')).toThrow(`could not write ${JSON.stringify(path)}: the folder does not exist (ENOENT)`);
    expect(() => writeFileAtomic(path, 'text')).not.toThrow(/\.tmp/);
  });

  it('a failed rename (a folder put where the file goes, after the check) removes the temporary file', () => {
    const folder = mkdtempSync(join(scratch, 'rename-'));
    const path = join(folder, 'x.csv');
    checkOutputPath(path, '--out');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), '');
    expect(() => writeFileAtomic(path, 'text')).toThrow(OutputError);
    expect(readdirSync(folder)).toEqual(['x.csv']);
    expect(existsSync(join(path, 'inside'))).toBe(true);
  });

  it('names a full disk and a closed pipe in words, with the code', () => {
    expect(new OutputError('stdout', 'ENOSPC').message).toBe('could not write stdout: no space left on the device (ENOSPC)');
    expect(reasonOf('EPIPE')).toContain('(EPIPE)');
  });
});
