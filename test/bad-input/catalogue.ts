/**
 * The shape of a bad-input case (issue 9, item 8), shared by the tables in cases-*.ts and the runner
 * bad-input.test.ts.
 *
 * A case is one call of the built `membrane` command in a fresh temporary folder (the working folder of the call)
 * holding `files`. It must end with exit code `expect.exit` and exactly one line on stderr that names, in this
 * order, the field, the value as typed and what is allowed; nothing on stdout; no stack trace; no "internal error";
 * no file left in the folder beyond the inputs; within the time and memory bounds of the runner.
 *
 * In `args` and in the text of `files`, `{root}` stands for the absolute path of the case's folder.
 */

/** A file of a case: text (written as UTF-8), or something that is not a plain file. */
export type CaseFile =
  | string
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'symlink'; readonly target: string }
  | { readonly kind: 'fifo' }
  | { readonly kind: 'directory' }
  /** A sparse file of `bytes` zero bytes (costs no disk). */
  | { readonly kind: 'sparse'; readonly bytes: number };

export interface CaseExpectation {
  /** Exit code: 2 for bad input, 1 for a failed write (ENOSPC, EPIPE). */
  readonly exit: number;
  /** The field named: an option (`--in`), a JSON path (`run.duration`), an element and attribute. */
  readonly field: string | RegExp;
  /** The value as the user typed it, found after the field. */
  readonly value?: string | RegExp;
  /** What is allowed (a word of it), found after the value. */
  readonly allowed?: string | RegExp;
  /** Text that must not appear on stderr (the content of a file outside the model's folder, a secret). */
  readonly never?: readonly string[];
  /** Longest stderr line accepted, in characters (default 2000): values are quoted cut to about 80 characters. */
  readonly maxLineLength?: number;
}

export interface BadInputCase {
  /** What is wrong, as a reader of the table would say it. */
  readonly name: string;
  /** Arguments after `membrane`. */
  readonly args: readonly string[];
  /** Files to lay in the case's folder, by path relative to it (folders are made as needed). */
  readonly files?: Readonly<Record<string, CaseFile>>;
  /** Text on standard input (default: empty). */
  readonly stdin?: string;
  /** Where stdout goes: a pipe read by the runner (default) or /dev/full (every write fails with ENOSPC). */
  readonly stdout?: 'pipe' | 'dev-full';
  readonly expect: CaseExpectation;
}

/** A text of `length` characters, for the "120 kB argument echoed whole" cases. */
export const longText = (length: number, unit = 'x'): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Marker written into files outside the model's folder: it must never reach stderr. */
export const SECRET = 'SECRET-4f1c9a-do-not-echo';
