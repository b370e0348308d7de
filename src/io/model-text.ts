/**
 * The checks on the text of a model file that come before (or with) decoding it, for JSON and YAML alike:
 *
 * - a UTF-8 byte-order mark (U+FEFF) at the start is dropped, so both formats accept it and every line and column
 *   is counted as an editor shows it (the mark is invisible there);
 * - lists and mappings nest at most `MAX_NESTING_DEPTH` deep (a model needs fewer than 10 levels): deeper text is
 *   refused with its line and column before any recursive step (decoding, validation) could run out of stack;
 * - a JSON object names each key once, as YAML's mappings must (`JSON.parse` would keep the last silently);
 * - YAML aliases (`*name`) repeat at most `MAX_ALIAS_EXPANSION` values (scalars, lists and mappings) in all, and
 *   never sit inside their own anchor (a loop): a 1.5 MB file cannot decode to hundreds of MB.
 *
 * Every scan here is a loop over an explicit stack, never a recursion over the input's depth.
 */
import {
  Composer,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { formatPath, type PathSegment } from '../model/issues.js';
import { InputError } from '../units/errors.js';

/** Deepest nesting of lists and mappings in a model file. The deepest a model needs is about 6 (cells[0].morphology.sections[0].regions). */
export const MAX_NESTING_DEPTH = 64;

/**
 * Most values (scalars, lists and mappings) that YAML aliases may repeat in one file, counted as decoded: each alias
 * adds everything under its anchor. One million values decode to roughly 100 MB of JavaScript objects.
 */
export const MAX_ALIAS_EXPANSION = 1_000_000;

const BYTE_ORDER_MARK = '\uFEFF';

/** The text without a leading UTF-8 byte-order mark (U+FEFF). */
export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function where(fileName: string, text: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  return `${fileName}:${line}:${column}`;
}

function tooDeep(fileName: string, text: string, offset: number, format: string): InputError {
  return new InputError(
    where(fileName, text, offset),
    `a list or mapping nested more than ${MAX_NESTING_DEPTH} deep`,
    `valid ${format} with lists and mappings nested at most ${MAX_NESTING_DEPTH} deep (a model needs fewer than 10 levels)`,
  );
}

/** What is open at one level of a JSON scan: an object (its keys so far) or an array (its index). */
interface JsonLevel {
  readonly keys: Map<string, number> | null;
  /** The key or index of the value being read at this level (for the path in messages). */
  segment: PathSegment;
  expectKey: boolean;
}

/** The end (exclusive) of the JSON string that starts at `start` (a quote), or -1 when it does not end. */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) index++;
    else if (code === 0x22) return index + 1;
  }
  return -1;
}

/**
 * Scans JSON text for nesting deeper than `MAX_NESTING_DEPTH` (throws at once: the text may be invalid JSON, which
 * `JSON.parse` reports after) and for the first key given twice in one object (returned, to be thrown once the text
 * has parsed: a syntax error is the better message for broken text).
 */
function scanJson(text: string, fileName: string): InputError | undefined {
  const stack: JsonLevel[] = [];
  let duplicate: InputError | undefined;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const top = stack[stack.length - 1];
    if (code === 0x22) {
      const end = endOfString(text, index);
      if (end < 0) break;
      if (top?.keys && top.expectKey && duplicate === undefined) {
        let key: string | undefined;
        try {
          key = JSON.parse(text.slice(index, end)) as string;
        } catch {
          key = undefined;
        }
        if (key !== undefined) {
          const first = top.keys.get(key);
          top.segment = key;
          if (first !== undefined) {
            const earlier = lineAndColumn(text, first);
            const path = formatPath(stack.map((level) => level.segment));
            duplicate = new InputError(
              `${where(fileName, text, index)}: ${path}`,
              `the key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key)} a second time`,
              `each key once in an object (the first is at line ${earlier.line}, column ${earlier.column}; YAML files refuse duplicate keys too)`,
            );
          } else top.keys.set(key, index);
        }
      }
      if (top) top.expectKey = false;
      index = end - 1;
    } else if (code === 0x7b || code === 0x5b) {
      if (stack.length >= MAX_NESTING_DEPTH) throw tooDeep(fileName, text, index, 'JSON');
      stack.push({ keys: code === 0x7b ? new Map() : null, segment: 0, expectKey: code === 0x7b });
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
    } else if (code === 0x2c && top) {
      if (top.keys) top.expectKey = true;
      else if (typeof top.segment === 'number') top.segment++;
    }
  }
  return duplicate;
}

/**
 * Decodes JSON text (after `stripByteOrderMark`) with the checks of this file: nesting depth first, then
 * `parse` (the caller's `JSON.parse` with its syntax-error reporting), then duplicate keys.
 */
export function decodeJsonText(text: string, fileName: string, parse: (text: string) => unknown): unknown {
  const duplicate = scanJson(text, fileName);
  const data = parse(text);
  if (duplicate) throw duplicate;
  return data;
}

/** A token of yaml's concrete syntax tree, as far as nesting goes. */
interface YamlToken {
  readonly type: string;
  readonly offset: number;
  readonly value?: YamlToken;
  readonly items?: readonly { readonly key?: YamlToken | null; readonly value?: YamlToken }[];
}

const YAML_COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** yaml's options for composing a document (those of `parseDocument` less the line counter, which is ours). */
export type YamlDocumentOptions = DocumentOptions & ParseOptions & SchemaOptions;

/**
 * Parses YAML text as yaml's `parseDocument` does (one document; a second is an error), but refuses lists and
 * mappings nested deeper than `MAX_NESTING_DEPTH` first: the depth is read from the concrete syntax tree (yaml's
 * parser is a loop) before the document is composed from it (composing recurses, and overflows the stack at a few
 * thousand levels). Returns the document and the line counter of its positions.
 */
export function parseYamlDocumentWithinDepth(
  text: string,
  fileName: string,
  options: YamlDocumentOptions,
): { document: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const stack: { token: YamlToken; depth: number }[] = tokens.map((token) => ({ token: token as YamlToken, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth: outer } = stack.pop()!;
    const depth = YAML_COLLECTIONS.has(token.type) ? outer + 1 : outer;
    if (depth > MAX_NESTING_DEPTH) throw tooDeep(fileName, text, token.offset, 'YAML');
    if (token.value) stack.push({ token: token.value, depth });
    for (const item of token.items ?? []) {
      if (item.key) stack.push({ token: item.key, depth });
      if (item.value) stack.push({ token: item.value, depth });
    }
  }
  let document: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (document === undefined) document = next;
    else {
      document.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(tokens, forceDoc = true) always yields a document.
  return { document: document!, lineCounter };
}

/**
 * Refuses a YAML document whose aliases would decode to more than `MAX_ALIAS_EXPANSION` repeated values, or whose
 * alias sits inside its own anchor (a loop). Counts, without decoding, what each alias repeats: the values under its
 * anchor, with the aliases there expanded too. Aliases resolve as yaml does: to the last anchor of that name before
 * them in the document.
 */
export function checkYamlAliases(document: Document.Parsed, lineCounter: LineCounter, fileName: string): void {
  const anchors = new Map<string, unknown>();
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let repeated = 0;
  const place = (node: unknown): string => {
    const range = isNode(node) ? node.range : undefined;
    if (!range) return fileName;
    const { line, col } = lineCounter.linePos(range[0]);
    return `${fileName}:${line}:${col}`;
  };
  // Depth is bounded by checkYamlNesting (pairs add one level each), so this recursion is shallow.
  const sizeOf = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    if (isPair(node)) return sizeOf(node.key) + sizeOf(node.value);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return 1; // yaml reports the unresolved alias itself.
      if (open.has(target)) {
        throw new InputError(place(node), `the alias *${node.source} inside its own anchor`, 'valid YAML without a loop of aliases (an alias must come after the end of its anchor)');
      }
      const size = sizes.get(target) ?? 1;
      repeated += size;
      if (repeated > MAX_ALIAS_EXPANSION) {
        throw new InputError(
          place(node),
          `aliases that repeat more than ${MAX_ALIAS_EXPANSION} values`,
          `valid YAML whose aliases (*name) repeat at most ${MAX_ALIAS_EXPANSION} values (scalars, lists and mappings) in all, against "billion laughs" expansion: write the repeated part out, or use fewer aliases`,
        );
      }
      return size;
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    let size = 1;
    if (isMap(node) || isSeq(node)) {
      open.add(node);
      for (const item of node.items) size += sizeOf(item);
      open.delete(node);
    } else if (!isScalar(node)) return size;
    sizes.set(node, size);
    return size;
  };
  sizeOf(document.contents);
}
