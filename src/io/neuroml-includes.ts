/**
 * Following the includes of a NeuroML2 / LEMS file, untrusted: every included file stays inside the folder of the
 * top-level file. See docs/neuroml.md, "Includes".
 *
 * Rule, for NeuroML `<include href>` and LEMS `<Include file>` (the only two include forms; XInclude is refused by
 * ./neuroml-xml.ts before any include is looked at):
 *  - the path is relative: absolute paths (`/etc/passwd`, `C:\x`, `\\host\x`) and URLs (`http:`, `file:`) are refused;
 *  - it resolves, relative to the including file, inside the include folder: the folder of the top-level file after
 *    resolving symbolic links (or the folder given as `includeFolder`). A `..` that leaves it is refused, and so is a
 *    path whose real path (`fs.realpath`, symbolic links followed) leaves it;
 *  - the file is a regular file, read with a byte cap while reading (./bounded-read.ts): `MAX_NEUROML_FILE_BYTES` per
 *    file, `MAX_NEUROML_TOTAL_BYTES` for all files of one import, at most `MAX_INCLUDED_FILES` files, each read once;
 *  - an include of a LEMS core-type file (`Cells.xml`, `NeuroML2CoreTypes/...`: the importer knows these types
 *    itself) is skipped when no such file is in the include folder.
 * Nothing of a refused file's content appears in a message.
 */
import { lstatSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';
import { InputError } from '../units/errors.js';
import { quoteTyped, readBoundedText, realPathOf, kindOfFile, reasonOfError, type FileRole } from './bounded-read.js';
import { parseXmlText, whereIs, type XmlElement } from './neuroml-xml.js';

/** Largest NeuroML/LEMS file read (bytes): 16 MiB, about 80 times the largest NeuroML2 core-type file (Cells.xml, 96 kB). */
export const MAX_NEUROML_FILE_BYTES = 16 * 1024 * 1024;
/** Most bytes read for one import, the top-level file and all its includes together: 32 MiB. */
export const MAX_NEUROML_TOTAL_BYTES = 32 * 1024 * 1024;
/** Most files read for one import, the top-level file included. */
export const MAX_INCLUDED_FILES = 200;

/** LEMS core-type files that the LEMS interpreter carries itself: skipped when absent. */
const CORE_TYPE_FILES = new Set([
  'Cells.xml', 'Networks.xml', 'Simulation.xml', 'Inputs.xml', 'Channels.xml', 'Synapses.xml', 'PyNN.xml',
  'NeuroMLCoreDimensions.xml', 'NeuroMLCoreCompTypes.xml', 'Concentration.xml', 'Compartments.xml', 'NeuroML2CoreTypes.xml',
]);

/** The attribute that names the included file, by element: `<include href>` (NeuroML; `file` also read), `<Include file>` (LEMS). */
const INCLUDE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { include: ['href', 'file'], Include: ['file'] };

export interface IncludeOptions {
  /**
   * The folder every include must stay in; by default the folder of the top-level file (after resolving symbolic
   * links). Give a wider folder to import files that include siblings of their folder (`../examples/cell.nml`).
   */
  readonly includeFolder?: string;
  /** How errors name the top-level file: `model file` by default (the CLI says `<model>`). */
  readonly field?: string;
}

const ALLOWED_FILE = 'a readable NeuroML (.nml) or LEMS (.xml) file';
const LIMITS = `at most ${MAX_NEUROML_FILE_BYTES} bytes per file and ${MAX_NEUROML_TOTAL_BYTES} bytes in all`;

/** True when `path` is `folder` or inside it (both real, absolute paths). */
export function isInside(path: string, folder: string): boolean {
  if (path === folder) return true;
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  return path.startsWith(prefix);
}

/** True for an include of a LEMS core-type file, by its name. */
function isCoreType(target: string): boolean {
  return CORE_TYPE_FILES.has(basename(target)) || /(^|[\\/])NeuroML2CoreTypes[\\/]/.test(target);
}

/** The include folder: the real path of `includeFolder`, or the folder of the top-level file's real path. */
function includeFolderOf(topReal: string, options: IncludeOptions): string {
  if (options.includeFolder === undefined) return dirname(topReal);
  const role: FileRole = { field: 'include folder', typed: options.includeFolder, allowed: 'an existing folder' };
  const real = realPathOf(options.includeFolder, role);
  let kind: string;
  try {
    const stats = lstatSync(real);
    if (stats.isDirectory()) return real;
    kind = kindOfFile(stats);
  } catch (error) {
    kind = reasonOfError(error);
  }
  throw new InputError(role.field, quoteTyped(role.typed), `${role.allowed} (${kind})`);
}

/** The path of an included file as the user would write it: relative to the including file's folder. */
function displayName(including: string, target: string): string {
  const folder = dirname(including);
  return folder === '.' ? target : `${folder}/${target}`;
}

interface IncludeTarget {
  /** The attribute that names the file (`href` or `file`). */
  readonly attribute: string;
  /** The path as written. */
  readonly target: string;
}

/** The file an include names; refuses anything but one `href` (or `file`) attribute. */
function includeTargetOf(element: XmlElement): IncludeTarget {
  const names = INCLUDE_ATTRIBUTES[element.name];
  const expected = element.name === 'Include' ? 'file="cells.xml"' : 'href="cell.nml"';
  const attributes = Object.keys(element.attributes);
  const extra = attributes.find((name) => !names.includes(name));
  if (extra !== undefined || attributes.length > 1) {
    const name = extra ?? attributes[1];
    throw new InputError(`${whereIs(element)} ${name}`, quoteTyped(element.attributes[name]), `an include with one attribute, ${expected} (XInclude attributes such as parse and xpointer are not supported)`);
  }
  const attribute = attributes[0];
  const target = attribute === undefined ? undefined : element.attributes[attribute];
  if (target === undefined || target.trim() === '') {
    throw new InputError(`${whereIs(element)}${attribute ? ` ${attribute}` : ''}`, 'nothing', `an include with ${expected}, a path relative to the including file`);
  }
  return { attribute, target };
}

/** The error for an include that breaks the rule. */
function includeError(element: XmlElement, include: IncludeTarget, why: string): InputError {
  return new InputError(`${whereIs(element)} ${include.attribute}`, quoteTyped(include.target), `a file inside the include folder, given relative to the including file (${why})`);
}

/** Checks the form of an include's path: relative, local, no NUL. */
function checkForm(element: XmlElement, include: IncludeTarget): void {
  const { target } = include;
  if (target.includes('\0')) throw includeError(element, include, 'the path contains a NUL character');
  if (isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target) || target.startsWith('\\')) {
    throw includeError(element, include, 'absolute paths are refused');
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target)) throw includeError(element, include, 'URLs are not fetched');
}

/** The root elements of a file and of every file it includes (each once), the including file first. */
export function readXmlWithIncludes(path: string, options: IncludeOptions = {}): XmlElement[] {
  const topRole: FileRole = { field: options.field ?? 'model file', typed: path, allowed: `${ALLOWED_FILE}, ${LIMITS}` };
  const topReal = realPathOf(path, topRole);
  const folder = includeFolderOf(topReal, options);
  const roots: XmlElement[] = [];
  const seen = new Set<string>();
  let bytesRead = 0;

  const read = (real: string, name: string, role: FileRole): void => {
    if (seen.has(real)) return;
    seen.add(real);
    const remaining = MAX_NEUROML_TOTAL_BYTES - bytesRead;
    const text = readBoundedText(real, Math.min(MAX_NEUROML_FILE_BYTES, remaining), role);
    bytesRead += Buffer.byteLength(text, 'utf8');
    const root = parseXmlText(text, name);
    roots.push(root);
    for (const child of root.children) {
      if (child.name !== 'include' && child.name !== 'Include') continue;
      follow(child, real, name);
    }
  };

  const follow = (element: XmlElement, includingReal: string, includingName: string): void => {
    const include = includeTargetOf(element);
    checkForm(element, include);
    const resolved = resolve(dirname(includingReal), include.target);
    if (!isInside(resolved, folder)) throw includeError(element, include, `".." leaves the include folder ${quoteTyped(folder)}`);
    if (isCoreType(include.target) && !exists(resolved)) return;
    const role: FileRole = { field: `${whereIs(element)} ${include.attribute}`, typed: include.target, allowed: `${ALLOWED_FILE} inside the include folder, ${LIMITS}` };
    const real = realPathOf(resolved, role);
    if (!isInside(real, folder)) throw includeError(element, include, `a symbolic link leads outside the include folder ${quoteTyped(folder)}`);
    if (seen.has(real)) return;
    if (seen.size >= MAX_INCLUDED_FILES) {
      throw new InputError(`${whereIs(element)} ${include.attribute}`, quoteTyped(include.target), `at most ${MAX_INCLUDED_FILES} files through includes`);
    }
    read(real, displayName(includingName, include.target), role);
  };

  read(topReal, path, topRole);
  return roots;
}

/** True when something is at `path` (not following a final symbolic link, so a dangling link counts). */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
