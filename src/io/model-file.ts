/**
 * Reading model files: JSON or YAML text to a validated `Model` (../model parseModel).
 *
 * Model files are untrusted. YAML is parsed with the plain YAML 1.2 core schema: no custom or language tags
 * (an unknown tag is an error, not a string), no merge keys, duplicate keys refused, at most
 * `MAX_ALIAS_COUNT` alias expansions (against "billion laughs"). Nothing is evaluated.
 * Syntax errors and validation errors name the file, the line and the column; a syntax error quotes the character
 * found there, never the text of the line, and a file that decodes to something other than a mapping is not quoted
 * (a file that is not a model, such as a secret, is never echoed). Files are read with a byte cap while reading,
 * regular files only (./bounded-read.ts).
 */
import { isNode, type Document, type LineCounter } from 'yaml';
import { describeValue, InputError } from '../units/errors.js';
import { readBoundedText } from './bounded-read.js';
import { checkYamlAliases, decodeJsonText, parseYamlDocumentWithinDepth, stripByteOrderMark } from './model-text.js';
import { validateModel, type Model, type ModelIssue, type ParseOptions } from '../model/index.js';

/** Most alias expansions a YAML model file may use. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Largest model file read (bytes): 16 MiB, about 80 times a 1000-section tree in YAML (about 200 kB). The file is
 * read with this cap while reading; nothing beyond it is ever held in memory.
 */
export const MAX_MODEL_FILE_BYTES = 16 * 1024 * 1024;

/** Longest model text decoded, in characters: as many as the bytes read from a file at most. */
export const MAX_MODEL_TEXT_LENGTH = MAX_MODEL_FILE_BYTES;

export type ModelFileFormat = 'json' | 'yaml';

/** The format a file name says, or undefined when its extension says nothing (then JSON is tried, then YAML). */
export function formatOfFileName(fileName: string): ModelFileFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The character at a 1-based line and column, quoted, or "the end of the file" past it. */
function characterAt(text: string, line: number, column: number): string {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return 'the end of the file';
    offset = next + 1;
  }
  const code = text.codePointAt(offset + Math.max(0, column - 1));
  return code === undefined ? 'the end of the file' : describeValue(String.fromCodePoint(code));
}

/** A syntax error: the place, the character found there (never the line: the file may not be a model at all), the reason. */
function syntaxError(fileName: string, text: string, line: number, column: number, format: string, reason: string, shown?: string): InputError {
  return new InputError(`${fileName}:${line}:${column}`, shown ?? characterAt(text, line, column), `valid ${format} (${reason})`);
}

/** The key that starts at `offset` (up to its colon or the end of the line), quoted and cut: a key repeated in a map. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const key = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^:\n]*?))\s*:/.exec(rest);
  const name = key ? (key[1] ?? key[2] ?? key[3] ?? '') : rest.split('\n')[0];
  return describeValue(name.trim());
}

function parseJsonText(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 writes either "(line L column C)" or "at position N"; without either the text ended too soon.
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = lineColumn
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : lineAndColumn(text, position ? Number(position[1]) : jsonErrorOffset(text));
    const reason = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s*(in JSON )?at position \d+/, '')
      .replace(/, .*is not valid JSON$/s, '');
    throw syntaxError(fileName, text, where.line, where.column, 'JSON', reason);
  }
}

/**
 * Where JSON text goes wrong, when V8 does not say (Node 20 gives no position for "Unexpected token"): the first
 * error of the YAML parser, which reads JSON as YAML 1.2 flow collections; else the end of the text.
 */
function jsonErrorOffset(text: string): number {
  const { document } = parseYamlDocument(text);
  return document.errors[0]?.pos[0] ?? text.length;
}

interface YamlParsed {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** Parses YAML text (nesting checked before the document is composed: ./model-text.ts); `fileName` names it in that error. */
function parseYamlDocument(text: string, fileName = 'the model file'): YamlParsed {
  return parseYamlDocumentWithinDepth(text, fileName, {
    prettyErrors: false,
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
  });
}

function parseYamlText(text: string, fileName: string): { data: unknown; parsed: YamlParsed } {
  const parsed = parseYamlDocument(text, fileName);
  const { document, lineCounter } = parsed;
  // Unknown tags (`!!js/function`, `!custom`) only warn in the yaml package; here they are errors.
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem !== undefined) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    // The reason without what follows a colon: "Unresolved tag: !x" names text of the file.
    const reason = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/:\s.*$/s, '');
    // A repeated key is named (it is the user's own key, cut like any quoted value); otherwise only the character there.
    const shown = /keys must be unique/i.test(reason) ? keyAt(text, problem.pos[0]) : undefined;
    throw syntaxError(fileName, text, line, col, 'YAML', reason, shown);
  }
  checkYamlAliases(document, lineCounter, fileName);
  try {
    return { data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, parsed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(fileName, 'a YAML document', `valid YAML with at most ${MAX_ALIAS_COUNT} alias expansions (${message})`);
  }
}

/** Decodes the text of a model file (no validation): JSON or YAML by the file's extension. */
export function decodeModelText(text: string, fileName: string): { data: unknown; yaml?: YamlParsed } {
  if (text.length > MAX_MODEL_TEXT_LENGTH) {
    throw new InputError(fileName, `${text.length} characters`, `a model file of at most ${MAX_MODEL_TEXT_LENGTH} characters`);
  }
  // A byte-order mark is dropped; nesting depth, duplicate JSON keys and YAML aliases are checked (./model-text.ts).
  const plain = stripByteOrderMark(text);
  const json = (parse: (json: string) => unknown) => ({ data: decodeJsonText(plain, fileName, parse) });
  const yaml = () => {
    const { data, parsed } = parseYamlText(plain, fileName);
    return { data, yaml: parsed };
  };
  const format = formatOfFileName(fileName);
  if (format === 'json') return json((body) => parseJsonText(body, fileName));
  if (format === 'yaml') return yaml();
  // Unknown extension: JSON first (stricter), then YAML; if both fail, report as JSON when it looks like JSON.
  let data: unknown;
  try {
    data = JSON.parse(plain) as unknown;
  } catch {
    const looksLikeJson = /^\s*[[{]/.test(plain);
    return looksLikeJson ? json((body) => parseJsonText(body, fileName)) : yaml();
  }
  return json(() => data);
}

/** A model issue with where it is in the file (1-based line and column), when that can be found. */
export interface LocatedModelIssue extends ModelIssue {
  readonly line?: number;
  readonly column?: number;
}

/** Finds the line and column of a JSON path in the text (JSON is YAML 1.2, so one locator serves both). */
function locate(parsed: YamlParsed, segments: readonly (string | number)[]): { line: number; column: number } | undefined {
  // Walk down as far as the path exists: a missing key is reported at its object.
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = parsed.document.getIn(segments.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const { line, col } = parsed.lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
}

function locateIssues(text: string, yaml: YamlParsed | undefined, issues: readonly ModelIssue[]): LocatedModelIssue[] {
  let parsed = yaml;
  return issues.map((issue) => {
    if (parsed === undefined) {
      try {
        parsed = parseYamlDocument(text);
      } catch {
        return issue;
      }
    }
    const where = locate(parsed, issue.segments);
    return where === undefined ? issue : { ...issue, line: where.line, column: where.column };
  });
}

export type ModelTextResult =
  | { readonly ok: true; readonly model: Model }
  | { readonly ok: false; readonly issues: readonly LocatedModelIssue[] };

/**
 * Decodes and validates a model file, listing every problem with its line and column.
 * Throws `InputError` only for syntax errors (JSON or YAML), which stop decoding.
 */
export function validateModelText(source: string, fileName: string, options: ParseOptions = {}): ModelTextResult {
  // Lines and columns are counted without a byte-order mark, as editors show them.
  const text = stripByteOrderMark(source);
  const { data, yaml } = decodeModelText(text, fileName);
  const kind = kindOfDocument(data);
  if (kind !== undefined) {
    // Not quoted: a file that is not a model at all (a secret, /etc/passwd read as one YAML string) is never echoed.
    const issue: LocatedModelIssue = { path: '(root)', segments: [], value: kind, allowed: 'a model: a JSON object or YAML mapping with keys such as name, cells and run', line: 1, column: 1 };
    return { ok: false, issues: [issue] };
  }
  const result = validateModel(data, options);
  if (result.ok) return result;
  return { ok: false, issues: locateIssues(text, yaml, result.issues) };
}

/** What a decoded document is when it is not a mapping (`a YAML string`, `a JSON array`), or undefined for a mapping. */
function kindOfDocument(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return undefined;
  if (data === null || data === undefined) return 'an empty document';
  if (Array.isArray(data)) return 'a list';
  return `a single ${typeof data === 'string' ? 'string' : typeof data === 'number' ? 'number' : 'value'}`;
}

/** The error for a located issue: `file:line:column: path`, the value, what is allowed (and how many more). */
export function locatedIssueError(fileName: string, issues: readonly LocatedModelIssue[]): InputError {
  const [first] = issues;
  const where = first.line !== undefined ? `${fileName}:${first.line}:${first.column}` : fileName;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new InputError(`${where}: ${first.path}`, first.value, first.allowed + more);
}

/**
 * Parses the text of a model file (JSON for `.json`, YAML for `.yaml`/`.yml`, otherwise JSON then YAML) into a
 * validated `Model`. Throws `InputError` naming the file, the line and the column of the first problem.
 */
export function parseModelText(text: string, fileName: string, options: ParseOptions = {}): Model {
  const result = validateModelText(text, fileName, options);
  if (!result.ok) throw locatedIssueError(fileName, result.issues);
  return result.model;
}

/** How `readModelFile` names the file in errors: `model file` by default (the CLI says `<model>`). */
export interface ModelFileOptions extends ParseOptions {
  readonly field?: string;
}

/**
 * Reads the text of a model file: a regular file (after resolving symbolic links) of at most `MAX_MODEL_FILE_BYTES`
 * bytes, capped while reading. Throws `InputError` naming the path as typed and the reason.
 */
export function readModelFileText(path: string, field = 'model file'): string {
  return readBoundedText(path, MAX_MODEL_FILE_BYTES, { field, typed: path, allowed: `a readable JSON or YAML model file of at most ${MAX_MODEL_FILE_BYTES} bytes` });
}

/** Reads and parses a model file. Throws `InputError` when it cannot be read or is not a valid model. */
export function readModelFile(path: string, options: ModelFileOptions = {}): Model {
  const { field, ...parse } = options;
  return parseModelText(readModelFileText(path, field), path, parse);
}
