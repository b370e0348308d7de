/**
 * Fuzzes the NeuroML2/LEMS importer with random mutations of the NeuroML reference files
 * (../shared/reference/neuroml, read from there and copied only into a temporary folder, never into the project):
 * attribute values replaced by huge, negative, tiny and NaN-ish numbers, prototype names, units that are not
 * units, unicode and long text; attributes deleted; elements renamed (to `constructor`, `__proto__`, ...),
 * duplicated or deleted; includes pointed outside the folder, at devices or absolute paths; elements nested deep;
 * text truncated. `readNeuroMLFile` (with the CLI's catalogue) must either return a model or throw an
 * `InputError`: anything else is what the CLI reports as "internal error", a failed test.
 *
 * Bounded: NUM_RUNS mutations of each reference file with the fixed SEED (fast-check prints the seed and the
 * shrunk mutation of a failure).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { readNeuroMLFile } from '../../src/io/neuroml.js';
import { parameterUnits } from '../../src/mechanisms/catalogue.js';
import { DRUGS } from '../../src/mechanisms/drugs.js';
import { applyTextMutation, expectInputErrorOrSuccess, INTERESTING_VALUES, textMutationArbitrary } from './fuzz-mutations.js';

const SEED = 20_240_910;
/** Mutated inputs per reference file: 90 files x 30 runs take about 20 s on the shared 2-core machine. */
const NUM_RUNS = 30;

const REFERENCE = fileURLToPath(new URL('../../../shared/reference/neuroml', import.meta.url));
const OPTIONS = { parse: { catalogue: parameterUnits(), drugs: DRUGS.flatMap((drug) => [drug.name, ...drug.aliases]) } };

function xmlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return xmlFiles(path);
    return /\.(nml|xml)$/i.test(name) ? [path] : [];
  });
}

const files = xmlFiles(REFERENCE).map((path) => relative(REFERENCE, path)).sort();

/** Attribute values from the list, and text an XML attribute can hold (quotes and angle brackets escaped). */
const attributeValue = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...INTERESTING_VALUES.filter((value) => typeof value === 'string' || typeof value === 'number').map(String)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 2, arbitrary: fc.tuple(fc.double({ noNaN: true }), fc.constantFrom('mV', 'ms', 'per_ms', 'mS_per_cm2', 'um', 'nA', 'pA', 'degC', 'K', 'toString', 'constructor', '__proto__', 'valueOf', '')).map(([number, unit]) => `${number}${unit}`) },
    { weight: 1, arbitrary: fc.constantFrom('../secret.nml', '/etc/passwd', '/dev/zero', '../../../../etc/passwd', 'file:///etc/passwd', 'missing.nml', '.', '') },
  )
  .map((value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));

interface XmlMutation {
  readonly kind: 'attribute-value' | 'attribute-delete' | 'element-rename' | 'element-delete' | 'element-duplicate' | 'include';
  readonly target: number;
  readonly value: string;
  readonly name: string;
}

const xmlMutation: fc.Arbitrary<XmlMutation> = fc.record({
  kind: fc.constantFrom('attribute-value', 'attribute-value', 'attribute-value', 'attribute-delete', 'element-rename', 'element-delete', 'element-duplicate', 'include'),
  target: fc.nat(),
  value: attributeValue,
  name: fc.constantFrom('constructor', '__proto__', 'toString', 'include', 'Include', 'population', 'cell', 'network', 'gateHHrates', 'xi:include'),
});

const ATTRIBUTE = /\s([A-Za-z_:][\w:.-]*)="([^"]*)"/g;
const SELF_CLOSING = /<([A-Za-z_][\w:.-]*)\b[^<>]*\/>/g;

function matches(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))];
}

/** Applies one mutation to XML text. */
function mutateXml(text: string, mutation: XmlMutation): string {
  const pick = (found: RegExpExecArray[]): RegExpExecArray | undefined => found[mutation.target % Math.max(1, found.length)];
  switch (mutation.kind) {
    case 'attribute-value':
    case 'attribute-delete': {
      const found = pick(matches(text, ATTRIBUTE));
      if (!found) return text;
      const replacement = mutation.kind === 'attribute-delete' ? '' : ` ${found[1]}="${mutation.value}"`;
      return text.slice(0, found.index) + replacement + text.slice(found.index + found[0].length);
    }
    case 'element-rename': {
      const found = pick(matches(text, SELF_CLOSING));
      if (!found) return text;
      const renamed = found[0].replace(/^<[^\s/>]+/, `<${mutation.name}`);
      return text.slice(0, found.index) + renamed + text.slice(found.index + found[0].length);
    }
    case 'element-delete':
    case 'element-duplicate': {
      const found = pick(matches(text, SELF_CLOSING));
      if (!found) return text;
      const replacement = mutation.kind === 'element-delete' ? '' : `${found[0]}\n${found[0]}`;
      return text.slice(0, found.index) + replacement + text.slice(found.index + found[0].length);
    }
    case 'include': {
      const close = text.lastIndexOf('</');
      if (close < 0) return text;
      const element = mutation.name === 'Include' ? `<Include file="${mutation.value}"/>` : `<include href="${mutation.value}"/>`;
      return `${text.slice(0, close)}${element}\n${text.slice(close)}`;
    }
  }
}

/** A copy of the reference tree in a temporary folder, with a secret beside it (outside the copied tree). */
const scratch = mkdtempSync(join(tmpdir(), 'membrane-fuzz-neuroml-'));
const copy = join(scratch, 'neuroml');
if (files.length > 0) cpSync(REFERENCE, copy, { recursive: true });
writeFileSync(join(scratch, 'secret.nml'), '<neuroml id="secret"><notes>SECRET-fuzz-7d2e</notes></neuroml>\n');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('fuzzing the NeuroML importer with mutations of the reference files', () => {
  it(`finds the NeuroML reference files in ${REFERENCE}`, () => {
    if (files.length < 50) throw new Error(`only ${files.length} NeuroML/LEMS files found in ${REFERENCE}`);
  });

  for (const file of files) {
    it(file, { timeout: 120_000 }, () => {
      const path = join(copy, file);
      const original = readFileSync(join(REFERENCE, file), 'utf8');
      try {
        fc.assert(
          fc.property(fc.array(xmlMutation, { minLength: 1, maxLength: 3 }), textMutationArbitrary, (mutations, textMutation) => {
            const mutated = applyTextMutation(mutations.reduce(mutateXml, original), textMutation, 'xml');
            writeFileSync(path, mutated);
            expectInputErrorOrSuccess(() => readNeuroMLFile(path, OPTIONS), ['SECRET-fuzz-7d2e', 'root:x:0']);
          }),
          { seed: SEED, numRuns: NUM_RUNS, endOnFailure: false, verbose: 1 },
        );
      } finally {
        writeFileSync(path, original);
      }
    });
  }
});
