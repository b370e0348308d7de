/**
 * Reading an untrusted input file with a byte cap while reading: model files (JSON, YAML) and NeuroML/LEMS files
 * with their includes.
 *
 * The path is resolved to its real path (symbolic links followed, `fs.realpath`), which must be a regular file:
 * a directory, a device (`/dev/zero`), a FIFO or a socket is refused before anything is read. The file is then opened
 * without following a symbolic link and without blocking (`O_NOFOLLOW | O_NONBLOCK`, so a FIFO swapped in after the
 * check cannot hang the open), checked again on the open descriptor (`fstat`), and read in chunks of at most
 * `limit + 1` bytes in all: one byte more than the limit is refused, so memory never exceeds the limit whatever the
 * file claims or grows to. Errors are `InputError`s naming the field, the path as typed (cut to about 80 characters)
 * and what is allowed; nothing of the file's content is ever quoted.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../units/errors.js';

/** Longest quoted value in a message (characters), before an ellipsis. */
export const MAX_QUOTED_LENGTH = 80;

/** A value as typed, JSON-quoted and cut to about `MAX_QUOTED_LENGTH` characters with an ellipsis. */
export function quoteTyped(value: string): string {
  const cut = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH - 1)}…` : value;
  return JSON.stringify(cut);
}

/** Size of one read (bytes). */
const CHUNK_BYTES = 1 << 16;

/** What a file is, in words, when it is not a regular file. */
export function kindOfFile(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The reason an operating-system error gives, in words (no paths, no message text from the system). */
export function reasonOfError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'a folder on the path is a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EISDIR':
      return 'a directory';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return 'the path contains a NUL character';
    default:
      return typeof code === 'string' ? code : 'unreadable';
  }
}

/** How to name a file in an error: the field (`<model>`, `model file`, `file:line <Include> file`) and what is allowed. */
export interface FileRole {
  /** The field at fault, e.g. `<model>` or `cell.nml:3 <include> href`. */
  readonly field: string;
  /** The path as the user typed it (quoted and cut in messages). */
  readonly typed: string;
  /** What is allowed, e.g. `a readable NeuroML (.nml) or LEMS (.xml) file`. */
  readonly allowed: string;
}

function refuse(role: FileRole, reason: string): InputError {
  return new InputError(role.field, quoteTyped(role.typed), `${role.allowed} (${reason})`);
}

/** The real path of a file (symbolic links resolved); `InputError` when it does not exist or cannot be resolved. */
export function realPathOf(path: string, role: FileRole): string {
  if (path.includes('\0')) throw refuse(role, 'the path contains a NUL character');
  try {
    return realpathSync(path);
  } catch (error) {
    // A path that exists but has no real path is named by what it is.
    const stats = statOrNothing(path);
    throw refuse(role, stats !== undefined && !stats.isFile() ? `${kindOfFile(stats)}, not a regular file` : reasonOfError(error));
  }
}

/**
 * Reads a regular file as UTF-8 text, at most `limit` bytes, refusing anything else before reading it.
 * `path` should already be a real path (see `realPathOf`); it is resolved again, so a symbolic link is never read
 * through here without being checked as a regular file.
 */
export function readBoundedText(path: string, limit: number, role: FileRole): string {
  const real = realPathOf(path, role);
  let stats: Stats;
  try {
    stats = statSync(real);
  } catch (error) {
    // /dev/stdin fed by a pipe resolves to "/proc/<pid>/fd/pipe:[n]", which is no file: say what the path is.
    const given = statOrNothing(path);
    throw refuse(role, given !== undefined && !given.isFile() ? `${kindOfFile(given)}, not a regular file` : reasonOfError(error));
  }
  if (!stats.isFile()) throw refuse(role, `${kindOfFile(stats)}, not a regular file`);
  if (stats.size > limit) throw refuse(role, `${stats.size} bytes; at most ${limit} bytes are read`);
  let descriptor: number;
  try {
    descriptor = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    throw refuse(role, reasonOfError(error));
  }
  try {
    const opened = fstatSync(descriptor);
    if (!opened.isFile()) throw refuse(role, `${kindOfFile(opened)}, not a regular file`);
    // Start with room for the size fstat gives plus one byte (to see growth), never more than limit + 1 bytes.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(opened.size + 1, CHUNK_BYTES)));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) break;
        // The file grew while being read: make room, never beyond limit + 1 bytes.
        const larger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const count = readChunk(descriptor, buffer, total, role);
      if (count === 0) break;
      total += count;
    }
    if (total > limit) throw refuse(role, `more than ${limit} bytes; at most ${limit} bytes are read`);
    return buffer.toString('utf8', 0, total);
  } finally {
    closeSync(descriptor);
  }
}

/** The status of what a path leads to (symbolic links followed), or undefined when there is none. */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function readChunk(descriptor: number, buffer: Buffer, offset: number, role: FileRole): number {
  try {
    return readSync(descriptor, buffer, offset, Math.min(CHUNK_BYTES, buffer.length - offset), null);
  } catch (error) {
    throw refuse(role, reasonOfError(error));
  }
}
