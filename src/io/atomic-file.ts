/**
 * Atomic file writing: the text goes to a temporary file beside the target, which is then renamed over it, so a
 * failed or interrupted run never leaves a half-written file.
 *
 * Two checks keep failures clear:
 * - `checkOutputPath`, before any work: the folder exists, is a folder and takes a new file (tried for real by
 *   creating and removing an empty probe file, because permission bits alone say nothing for root, read-only mounts
 *   or pseudo file systems such as /proc and /sys), and the path is not a folder or a device. Bad paths are bad input
 *   (`InputError`, exit 2), naming the option and the path as typed.
 * - `writeFileAtomic`, after the work: a failure of the write itself (a full disk, a folder removed meanwhile) is an
 *   `OutputError` with one line naming the path as typed and the reason, never the temporary file's name; the
 *   temporary file is removed.
 */
import { closeSync, constants, lstatSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeValue, InputError } from '../units/errors.js';

/**
 * A result could not be written (disk full, stdout closed, a folder removed during the run): not bad input and not
 * a bug. The message names the destination as the user gave it and the reason in words.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    /** The destination as the user typed it: a quoted path, or stdout. */
    readonly destination: string,
    /** The system error code, e.g. ENOSPC, EPIPE. */
    readonly code: string,
  ) {
    super(`could not write ${destination}: ${reasonOf(code)}`);
  }
}

/** The system error code of a Node file-system error, or "unknown". */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

/** What a system error code means, in words (with the code, for searching). */
export function reasonOf(code: string): string {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)';
    case 'EDQUOT':
      return 'disk quota exceeded (EDQUOT)';
    case 'EPIPE':
      return 'the reader closed the pipe before all output was written (EPIPE)';
    case 'ENOENT':
      return 'the folder does not exist (ENOENT)';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder (ENOTDIR)';
    case 'EISDIR':
      return 'the path is a folder (EISDIR)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'EIO':
      return 'input/output error on the device (EIO)';
    case 'EFBIG':
      return 'the file is too large for the file system (EFBIG)';
    default:
      return `system error ${code}`;
  }
}

function temporaryPathFor(path: string, purpose: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${purpose}`);
}

/**
 * Checks, before any work, that `path` can be written atomically: its folder exists and takes new files, and the
 * path itself is not a folder or anything other than a regular file. Throws `InputError(field, path as typed, ...)`.
 */
export function checkOutputPath(path: string, field: string): void {
  const typed = describeValue(path);
  const folder = dirname(path);
  const refuse = (problem: string): never => {
    throw new InputError(field, typed, `a file path in an existing, writable folder (${problem})`);
  };
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') refuse(`the folder ${describeValue(folder)} does not exist`);
    if (code === 'ENOTDIR') refuse(`a part of ${describeValue(folder)} is a file, not a folder`);
    refuse(`the folder ${describeValue(folder)} cannot be opened: ${reasonOf(code)}`);
  }
  if (!folderStat!.isDirectory()) refuse(`${describeValue(folder)} is a file, not a folder`);
  let target;
  try {
    target = lstatSync(path);
  } catch {
    target = undefined; // A new file: the usual case.
  }
  if (target?.isDirectory()) refuse(`${typed} is a folder; give a file name inside it`);
  if (target && !target.isFile()) refuse(`${typed} exists and is not a regular file`);
  // Permission bits do not tell whether root may write, or a read-only mount, or /proc: try, as the write will.
  const probe = temporaryPathFor(path, 'probe');
  try {
    closeSync(openSync(probe, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY));
  } catch (error) {
    const code = errorCode(error);
    // The folder exists (checked above), so ENOENT here means a file system that takes no new files (/proc).
    const reason = code === 'ENOENT' ? 'the file system there takes no new files (ENOENT)' : reasonOf(code);
    refuse(`no new file can be made in the folder ${describeValue(folder)}: ${reason}`);
  }
  rmSync(probe, { force: true });
}

/**
 * Writes `text` to `path` through a temporary file and a rename. A failure throws `OutputError` naming `path` (not
 * the temporary file) and removes the temporary file.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = temporaryPathFor(path, 'tmp');
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new OutputError(describeValue(path), errorCode(error));
  }
}
