/**
 * Safe XML reading for NeuroML2 and LEMS files: untrusted text to a small element tree with line numbers.
 *
 * fast-xml-parser is configured so that nothing is expanded or evaluated: entities are not processed (no
 * `&name;` expansion, no HTML entities), values stay text, and any `<!ENTITY` or `<!DOCTYPE` is refused
 * outright before parsing. `<include href>` (NeuroML) and `<Include file>` (LEMS) are followed relative to the
 * including file, local files only, each file once; the standard core-type includes of LEMS (Cells.xml,
 * NeuroML2CoreTypes/...) are skipped when they are not present.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
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

/** Largest NeuroML/LEMS file read, in characters, and most files followed through includes. */
export const MAX_XML_TEXT_LENGTH = 20_000_000;
export const MAX_INCLUDED_FILES = 200;

/** LEMS core-type files that the LEMS interpreter carries itself: skipped when absent. */
const CORE_TYPE_FILES = new Set([
  'Cells.xml', 'Networks.xml', 'Simulation.xml', 'Inputs.xml', 'Channels.xml', 'Synapses.xml', 'PyNN.xml',
  'NeuroMLCoreDimensions.xml', 'NeuroMLCoreCompTypes.xml', 'Concentration.xml', 'Compartments.xml',
]);

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

/** Offsets of every start tag in document order (comments, CDATA, declarations and processing instructions blanked). */
function startTagLines(text: string): number[] {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (match) => match.replace(/[^\n]/g, ' '));
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
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const content = (text.split('\n')[line - 1] ?? '').trim();
    throw new InputError(`${file}:${line}:${col}`, describeValue(content.length > 60 ? `${content.slice(0, 57)}...` : content), `well-formed XML (${msg})`);
  }
  const nodes = parser.parse(text) as OrderedNode[];
  const lines = startTagLines(text);
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

function readText(path: string, from?: XmlElement): string {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? 'unreadable');
    if (from) throw elementError(from, 'include', path, `a readable NeuroML/LEMS file (${reason})`);
    throw new InputError('model file', describeValue(path), `a readable NeuroML (.nml) or LEMS (.xml) file (${reason})`);
  }
}

/** The root elements of a file and of every file it includes (each once), the including file first. */
export function readXmlWithIncludes(path: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const seen = new Set<string>();
  const visit = (file: string, from?: XmlElement): void => {
    const absolute = resolve(file);
    if (seen.has(absolute)) return;
    if (seen.size >= MAX_INCLUDED_FILES) {
      throw elementError(from!, 'include', file, `at most ${MAX_INCLUDED_FILES} files through includes`);
    }
    seen.add(absolute);
    const root = parseXmlText(readText(absolute, from), file);
    roots.push(root);
    for (const child of root.children) {
      const target = child.name === 'include' ? (child.attributes.href ?? child.attributes.file) : child.name === 'Include' ? child.attributes.file : undefined;
      if (child.name !== 'include' && child.name !== 'Include') continue;
      if (target === undefined || target === '') throw elementError(child, '', 'no href', 'an include with href="file.nml" (or file= in LEMS)');
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) throw elementError(child, 'href', target, 'a local file path relative to the including file (URLs are not fetched)');
      const included = resolve(dirname(absolute), target);
      if (!existsSync(included)) {
        if (CORE_TYPE_FILES.has(basename(target)) || /NeuroML2CoreTypes/.test(target)) continue;
      }
      visit(relativeName(file, target), child);
    }
  };
  visit(path);
  return roots;
}

/** The path of an included file as the user would write it: relative to the including file's folder. */
function relativeName(including: string, target: string): string {
  const folder = dirname(including);
  return folder === '.' ? target : `${folder}/${target}`;
}
