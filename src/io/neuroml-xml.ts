/**
 * Safe XML reading for NeuroML2 and LEMS files: untrusted text to a small element tree with line numbers.
 *
 * fast-xml-parser is configured so that nothing is expanded or evaluated: entities are not processed (no
 * `&name;` expansion, no HTML entities), values stay text, and any `<!ENTITY` or `<!DOCTYPE` is refused
 * outright before parsing, and so is any XInclude (`<xi:include>`, any prefixed `include`, the XInclude namespace).
 * A syntax error names the file, the line, the column, the character found there and the kind of error, never the
 * text of the line: a file that is not XML (an include pointing at a secret) is not echoed. Includes are followed by
 * ./neuroml-includes.ts.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describeValue, InputError } from '../units/errors.js';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly file: string;
  /** 1-based line of the start tag. */
  readonly line: number;
}

/** Longest NeuroML/LEMS text parsed, in characters: 16 Mi, as many as the bytes read from a file at most. */
export const MAX_XML_TEXT_LENGTH = 16 * 1024 * 1024;

/**
 * Deepest nesting of elements: 64 (the NeuroML2 and LEMS reference files nest at most 8 deep). Deeper text is refused
 * by the parser's own counter before the element tree is built, so nothing recurses deeper than this.
 */
export const MAX_XML_DEPTH = 64;

/** Element and attribute names the XML parser refuses, since they would reach an object's prototype. */
const RESERVED_NAMES = ['__proto__', 'constructor', 'prototype'];

/** The XInclude namespace (W3C XML Inclusions 1.0). */
const XINCLUDE_NAMESPACE = 'http://www.w3.org/2001/XInclude';

/** What each kind of fast-xml-parser validation error means, in words that quote nothing from the file. */
const SYNTAX_ERRORS: Readonly<Record<string, string>> = {
  InvalidChar: 'a character that is not allowed here',
  InvalidTag: 'a malformed, unclosed or mismatched tag',
  InvalidAttr: 'a malformed or repeated attribute',
  InvalidXml: 'not well-formed XML',
};

/** Where an element is, for error messages: `file:line <name id="...">`. */
export function whereIs(element: XmlElement): string {
  const id = element.attributes.id;
  return `${element.file}:${element.line} <${element.name}${id !== undefined ? ` id="${id}"` : ''}>`;
}

/** The error for an element: names the file, the line and the element. */
export function elementError(element: XmlElement, what: string, value: unknown, allowed: string): InputError {
  return new InputError(`${whereIs(element)}${what ? ` ${what}` : ''}`, typeof value === 'string' ? describeValue(value) : String(value), allowed);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The text with comments, CDATA sections and processing instructions blanked (newlines kept, so offsets and lines hold). */
function blankedOf(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (match) => match.replace(/[^\n]+/g, (run) => ' '.repeat(run.length)));
}

/** Offsets of every start tag in document order (comments, CDATA, declarations and processing instructions blanked). */
function startTagLines(blanked: string): number[] {
  const lines: number[] = [];
  const pattern = /<([A-Za-z_][\w:.-]*)/g;
  let line = 1;
  let last = 0;
  for (let match = pattern.exec(blanked); match !== null; match = pattern.exec(blanked)) {
    line += lineOf(blanked.slice(last, match.index), match.index - last) - 1;
    last = match.index;
    lines.push(line);
  }
  return lines;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, unknown> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  trimValues: true,
  maxNestedTags: MAX_XML_DEPTH,
});

/** Parses the text of one XML file to its root element. Throws `InputError` with the line of a syntax error. */
export function parseXmlText(text: string, file: string): XmlElement {
  if (text.length > MAX_XML_TEXT_LENGTH) {
    throw new InputError(file, `${text.length} characters`, `a NeuroML/LEMS file of at most ${MAX_XML_TEXT_LENGTH} characters`);
  }
  const entity = /<!ENTITY/i.exec(text);
  if (entity) {
    throw new InputError(`${file}:${lineOf(text, entity.index)}`, '"<!ENTITY ...>"', 'a NeuroML/LEMS file without entity declarations (untrusted XML: entities are never expanded)');
  }
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    throw new InputError(`${file}:${lineOf(text, doctype.index)}`, '"<!DOCTYPE ...>"', 'a NeuroML/LEMS file without a DOCTYPE declaration');
  }
  const blanked = blankedOf(text);
  const xinclude = /<\/?\s*([A-Za-z_][\w.-]*:include)\b/i.exec(blanked) ?? (blanked.includes(XINCLUDE_NAMESPACE) ? { index: blanked.indexOf(XINCLUDE_NAMESPACE), 1: XINCLUDE_NAMESPACE } : null);
  if (xinclude) {
    throw new InputError(`${file}:${lineOf(text, xinclude.index)}`, describeValue(xinclude[1]), 'NeuroML <include href="cell.nml"> or LEMS <Include file="cells.xml"> (XInclude is never followed)');
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, code } = valid.err;
    const found = characterAt(text, line, col);
    throw new InputError(`${file}:${line}:${col}`, found === undefined ? 'the end of the file' : describeValue(found), `well-formed XML (${SYNTAX_ERRORS[code] ?? 'not well-formed XML'} here)`);
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    throw parserError(error, blanked, file);
  }
  const lines = startTagLines(blanked);
  let next = 0;
  const convert = (node: OrderedNode): XmlElement | undefined => {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name === undefined || name === '#text' || name === '#comment') return undefined;
    const line = lines[next++] ?? 0;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(node[':@'] ?? {})) attributes[key] = String(value);
    const children: XmlElement[] = [];
    for (const child of (node[name] as OrderedNode[] | undefined) ?? []) {
      const element = convert(child);
      if (element) children.push(element);
    }
    return { name, attributes, children, file, line };
  };
  const roots = nodes.map(convert).filter((element): element is XmlElement => element !== undefined);
  if (roots.length !== 1) throw new InputError(file, `${roots.length} root elements`, 'one root element, <neuroml> or <Lems>');
  return roots[0];
}

/**
 * The error for what the parser refuses after validation: nesting beyond `MAX_XML_DEPTH`, or a reserved name. Only
 * a reserved name (one of three fixed words) is quoted, never the parser's message or the file's text.
 */
function parserError(error: unknown, blanked: string, file: string): InputError {
  const message = error instanceof Error ? error.message : String(error);
  if (/maximum nested tags/i.test(message)) {
    return new InputError(file, `elements nested more than ${MAX_XML_DEPTH} deep`, `a NeuroML/LEMS file whose elements nest at most ${MAX_XML_DEPTH} deep`);
  }
  const reserved = RESERVED_NAMES.find((name) => message.includes(`"${name}"`));
  if (reserved !== undefined) {
    const at = new RegExp(`<\\s*(?:[\\w.-]+:)?${reserved}\\b|\\s(?:[\\w.-]+:)?${reserved}\\s*=`).exec(blanked);
    const where = at ? `${file}:${lineOf(blanked, at.index)}` : file;
    return new InputError(where, describeValue(reserved), `element and attribute names other than ${RESERVED_NAMES.join(', ')}`);
  }
  return new InputError(file, 'XML the parser cannot read', 'well-formed XML');
}

/** The character at a 1-based line and column, or undefined past the end of the text. */
function characterAt(text: string, line: number, column: number): string | undefined {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  const index = offset + Math.max(0, column - 1);
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}
