/**
 * Reading model files: JSON or YAML text to a validated `Model` (../model parseModel).
 *
 * Model files are untrusted. YAML is parsed with the plain YAML 1.2 core schema: no custom or language tags
 * (an unknown tag is an error, not a string), no merge keys, duplicate keys refused, at most
 * `MAX_ALIAS_COUNT` alias expansions (against "billion laughs"). Nothing is evaluated.
 * Syntax errors and validation errors name the file, the line and the column.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { describeValue, InputError } from '../units/errors.js';
import { validateModel, type Model, type ModelIssue, type ParseOptions } from '../model/index.js';

/** Most alias expansions a YAML model file may use. */
export const MAX_ALIAS_COUNT = 100;

/** Largest model file read, in characters (a 1000-section tree in YAML is about 200 kB). */
export const MAX_MODEL_TEXT_LENGTH = 50_000_000;

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

function lineText(text: string, line: number): string {
  const content = (text.split('\n')[line - 1] ?? '').trim();
  return content.length > 60 ? `${content.slice(0, 57)}...` : content;
}

function syntaxError(fileName: string, text: string, line: number, column: number, format: string, reason: string): InputError {
  return new InputError(`${fileName}:${line}:${column}`, describeValue(lineText(text, line)), `valid ${format} (${reason})`);
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

function parseYamlDocument(text: string): YamlParsed {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
  });
  return { document, lineCounter };
}

function parseYamlText(text: string, fileName: string): { data: unknown; parsed: YamlParsed } {
  const parsed = parseYamlDocument(text);
  const { document, lineCounter } = parsed;
  // Unknown tags (`!!js/function`, `!custom`) only warn in the yaml package; here they are errors.
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem !== undefined) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    const reason = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw syntaxError(fileName, text, line, col, 'YAML', reason);
  }
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
  const format = formatOfFileName(fileName);
  if (format === 'json') return { data: parseJsonText(text, fileName) };
  if (format === 'yaml') {
    const { data, parsed } = parseYamlText(text, fileName);
    return { data, yaml: parsed };
  }
  // Unknown extension: JSON first (stricter), then YAML; if both fail, report as JSON when it looks like JSON.
  try {
    return { data: JSON.parse(text) as unknown };
  } catch {
    const looksLikeJson = /^\s*[[{]/.test(text);
    if (looksLikeJson) return { data: parseJsonText(text, fileName) };
    const { data, parsed } = parseYamlText(text, fileName);
    return { data, yaml: parsed };
  }
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
export function validateModelText(text: string, fileName: string, options: ParseOptions = {}): ModelTextResult {
  const { data, yaml } = decodeModelText(text, fileName);
  const result = validateModel(data, options);
  if (result.ok) return result;
  return { ok: false, issues: locateIssues(text, yaml, result.issues) };
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

/** Reads and parses a model file. Throws `InputError` when it cannot be read or is not a valid model. */
export function readModelFile(path: string, options: ParseOptions = {}): Model {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? 'unreadable');
    throw new InputError('model file', describeValue(path), `a readable JSON or YAML model file (${reason})`);
  }
  return parseModelText(text, path, options);
}
