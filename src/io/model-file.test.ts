import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../units/errors.js';
import type { CableMorphology, CurrentClamp, SectionTreeMorphology } from '../model/index.js';
import { formatOfFileName, parseModelText, readModelFile, validateModelText } from './model-file.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const exampleFiles = readdirSync(examplesDir).filter((f) => /\.(json|ya?ml)$/.test(f));

function thrown(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const json = JSON.stringify({ name: 'x', cells: [{ morphology: { kind: 'single', area: '1000 um2' } }], run: { duration: '5 ms' } }, null, 2);
const yaml = `name: x
cells:
  - morphology: { kind: single, area: 1000 um2 }
run:
  duration: 5 ms
`;

describe('parseModelText', () => {
  test('JSON and YAML of the same model parse to the same Model', () => {
    expect(parseModelText(yaml, 'm.yaml')).toEqual(parseModelText(json, 'm.json'));
    expect(parseModelText(yaml, 'm.yml')).toEqual(parseModelText(json, 'm.json'));
  });
  test('the format follows the extension; an unknown extension tries JSON then YAML', () => {
    expect(formatOfFileName('a/b.JSON')).toBe('json');
    expect(formatOfFileName('b.yml')).toBe('yaml');
    expect(formatOfFileName('b.model')).toBeUndefined();
    expect(parseModelText(json, 'model.txt')).toEqual(parseModelText(yaml, 'model'));
  });
  test('JSON syntax error names the file, line and column, and quotes the character there (never the line)', () => {
    const error = thrown(() => parseModelText('{\n  "name": "x",\n  "cells": [}\n}', 'bad.json'));
    expect(error.field).toBe('bad.json:3:13');
    expect(error.value).toBe('"}"');
    expect(error.allowed).toBe("valid JSON (Unexpected token '}')");
  });
  test('JSON that ends too soon is reported at its end', () => {
    expect(thrown(() => parseModelText('{\n "name": "x",', 'short.json')).field).toBe('short.json:2:14');
  });
  test('YAML syntax error names the file, line and column', () => {
    const error = thrown(() => parseModelText('name: x\ncells:\n  - morphology: { kind: single\nrun: 1\n', 'bad.yaml'));
    expect(error.field).toMatch(/^bad\.yaml:\d+:\d+$/);
    expect(error.allowed).toMatch(/^valid YAML \(/);
  });
  test('YAML: duplicate keys are errors', () => {
    expect(thrown(() => parseModelText('name: x\nname: y\n', 'dup.yaml')).field).toBe('dup.yaml:2:1');
  });
  test('YAML: custom and language tags are refused, nothing evaluated', () => {
    const error = thrown(() => parseModelText('name: !!js/function "function () { return 1 }"\n', 'evil.yaml'));
    expect(error.field).toBe('evil.yaml:1:7');
    expect(error.allowed).toMatch(/valid YAML/);
    expect(thrown(() => parseModelText('name: !custom x\n', 'tag.yaml')).field).toBe('tag.yaml:1:7');
  });
  test('YAML: alias expansion is limited (billion laughs)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const error = thrown(() => parseModelText(lines.join('\n'), 'laughs.yaml'));
    // Refused before decoding, at the alias past the limit (./model-text.ts).
    expect(error.field).toMatch(/^laughs\.yaml:\d+:\d+$/);
    expect(error.allowed).toMatch(/alias/);
  });
  test('YAML: merge keys are not special', () => {
    const result = validateModelText('base: &b { kind: single }\nname: x\n<<: *b\n', 'merge.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('["<<"]');
  });
  test('a validation error names the file, line and column of the field, then its path', () => {
    const text = 'name: x\ncells:\n  - morphology:\n      kind: single\n      length: 10 um\n      diameter: -3 um\nrun: { duration: 5 }\n';
    const error = thrown(() => parseModelText(text, 'cell.yaml'));
    expect(error.field).toBe('cell.yaml:6:17: cells[0].morphology.diameter');
    expect(error.value).toBe('"-3 um"');
    const jsonError = thrown(() => parseModelText('{\n  "name": "x",\n  "cells": [{ "morphology": { "kind": "sphere" } }],\n  "run": { "duration": 5 }\n}', 'cell.json'));
    expect(jsonError.field).toBe('cell.json:3:39: cells[0].morphology.kind');
    expect(jsonError.allowed).toBe('one of single|cable|sections|points');
  });
  test('a missing field is located at its object', () => {
    const result = validateModelText('name: x\ncells:\n  - morphology: { kind: cable, length: 1 mm, diameter: 1 um }\nrun: { duration: 5 }\n', 'c.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: 'cells[0].morphology.compartments', line: 3, column: 17 });
  });
});

describe('readModelFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'membrane-model-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads a YAML file', () => {
    const path = join(dir, 'm.yaml');
    writeFileSync(path, yaml);
    expect(readModelFile(path).run.duration).toBe(5);
  });
  test('a missing file is an InputError naming the path', () => {
    const error = thrown(() => readModelFile(join(dir, 'nope.json')));
    expect(error.value).toContain('nope.json');
    expect(error.allowed).toMatch(/no such file/);
  });
});

describe('docs/model-format.md', () => {
  const guide = readFileSync(new URL('../../docs/model-format.md', import.meta.url), 'utf8');
  const blocks = [...guide.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => ({ format: m[1], text: m[2] }));

  test('every YAML and JSON example with cells is a valid model (name and run added to fragments)', () => {
    let checked = 0;
    for (const { format, text } of blocks) {
      if (!text.includes('cells')) continue;
      const completed = format === 'yaml' && !/^name:/m.test(text) ? `name: fragment\nrun: { duration: 1 }\n${text}` : text;
      const result = validateModelText(completed, `guide.${format}`);
      expect(result.ok ? [] : result.issues).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});

describe('examples/', () => {
  test('holds the documented models of part 2 (and more)', () => {
    expect(exampleFiles.sort()).toEqual(expect.arrayContaining([
      'hh-squid-compartment.json',
      'hh1952-propagating-axon.json',
      'pulse-train.yaml',
      'rallpack1-passive-cable.json',
      'rallpack2-branched-tree.yaml',
      'rallpack3-hh-axon.json',
    ]));
  });
  test.each(exampleFiles)('%s parses, cites its source and describes itself', (file) => {
    const model = readModelFile(new URL(file, examplesDir).pathname);
    expect(model.citation?.source.length).toBeGreaterThan(10);
    expect(model.description?.length).toBeGreaterThan(10);
  });
  test('hh-squid-compartment: 1000 um2, 10 uA/cm2 per area for 100 ms, v m h n recorded', () => {
    const model = readModelFile(new URL('hh-squid-compartment.json', examplesDir).pathname);
    const m = model.cells[0].morphology;
    expect(m.kind === 'single' && Math.PI * m.length * m.diameter).toBeCloseTo(1000, 3);
    expect((model.stimuli[0] as CurrentClamp).waveform).toEqual({ shape: 'step', delay: 0, duration: 100, amplitude: 0.01, perArea: true });
    expect(model.recordings.map((r) => r.variable)).toEqual(['v', 'hh.m', 'hh.h', 'hh.n']);
    expect(model.temperature).toBeCloseTo(279.45, 12);
  });
  test('rallpack3: 1 mm, 1 um, 1000 compartments, Ra 100, hh without its leak plus pas 2.5e-5 at -65 mV', () => {
    const model = readModelFile(new URL('rallpack3-hh-axon.json', examplesDir).pathname);
    const cell = model.cells[0];
    expect(cell.morphology).toMatchObject<Partial<CableMorphology>>({ kind: 'cable', length: 1000, diameter: 1, compartments: 1000 });
    expect(cell.membrane.axialResistivity).toBe(100);
    expect(cell.mechanisms).toEqual([
      { mechanism: 'hh', parameters: { gnabar: 0.12, gkbar: 0.036, gl: 0 } },
      { mechanism: 'pas', parameters: { g: 2.5e-5, e: -65 } },
    ]);
    expect(model.recordings.map((r) => r.location.position)).toEqual([0, 1]);
  });
  test('rallpack2: 1023 sections obeying the 3/2 power rule at constant electrotonic length; generated file is current', async () => {
    const path = new URL('rallpack2-branched-tree.yaml', examplesDir).pathname;
    const model = readModelFile(path);
    const sections = (model.cells[0].morphology as SectionTreeMorphology).sections;
    expect(sections).toHaveLength(1023);
    const root = sections[0];
    expect(root).toMatchObject({ diameterStart: 16, length: 32 });
    const byId = new Map(sections.map((s) => [s.id, s]));
    for (const child of sections.slice(1)) {
      const parent = byId.get(child.parent as string)!;
      // Rall: the children's d^(3/2) add up to the parent's, and L / sqrt(d) is the same at every level.
      expect(2 * child.diameterStart ** 1.5).toBeCloseTo(parent.diameterStart ** 1.5, 6);
      expect(child.length / Math.sqrt(child.diameterStart)).toBeCloseTo(parent.length / Math.sqrt(parent.diameterStart), 9);
    }
    const tip = model.recordings[1].location;
    expect(sections.some((s) => s.parent === tip.section)).toBe(false);
    expect(tip.position).toBe(1);
    // The committed YAML is what the generator writes.
    const before = readFileSync(path, 'utf8');
    const { spawnSync } = await import('node:child_process');
    const tmp = mkdtempSync(join(tmpdir(), 'rallpack2-'));
    try {
      const script = join(tmp, 'generate-rallpack2.mjs');
      writeFileSync(script, readFileSync(new URL('generate-rallpack2.mjs', examplesDir), 'utf8'));
      expect(spawnSync(process.execPath, [script]).status).toBe(0);
      expect(readFileSync(join(tmp, 'rallpack2-branched-tree.yaml'), 'utf8')).toBe(before);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
  test('hh1952: 5 cm of 476 um axon in 100 um compartments at 18.5 degC, velocity between 0.3 and 0.7', () => {
    const model = readModelFile(new URL('hh1952-propagating-axon.json', examplesDir).pathname);
    const m = model.cells[0].morphology as CableMorphology;
    expect(m.length / m.compartments).toBeCloseTo(100, 9);
    expect(m.diameter).toBe(476);
    expect(model.temperature).toBeCloseTo(291.65, 12);
    expect(model.velocity).toEqual({ from: 'at_1_5cm', to: 'at_3_5cm' });
    expect(model.spikes.map((s) => s.location.position)).toEqual([0.3, 0.7]);
    expect(model.run).toMatchObject({ duration: 10, timeStep: 0.01 });
  });
  test('pulse-train: five 1 ms pulses of 0.2 nA every 20 ms', () => {
    const model = readModelFile(new URL('pulse-train.yaml', examplesDir).pathname);
    expect((model.stimuli[0] as CurrentClamp).waveform).toEqual({ shape: 'train', delay: 5, duration: 1, interval: 20, count: 5, amplitude: 0.2, perArea: false });
  });
});
