// The checks on model text before validation (./model-text.ts), through the public parser (./model-file.ts):
// byte-order mark, nesting depth, duplicate JSON keys, YAML alias expansion.
import { describe, expect, test } from 'vitest';
import { InputError } from '../units/errors.js';
import { parseModelText, validateModelText } from './model-file.js';
import { MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH, stripByteOrderMark } from './model-text.js';

function thrown(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const BOM = '\uFEFF';
const json = JSON.stringify({ name: 'x', cells: [{ morphology: { kind: 'single', area: '1000 um2' } }], run: { duration: '5 ms' } }, null, 2);
const yaml = 'name: x\ncells:\n  - morphology: { kind: single, area: 1000 um2 }\nrun:\n  duration: 5 ms\n';

describe('byte-order mark', () => {
  test('a UTF-8 byte-order mark is accepted in JSON and YAML alike', () => {
    expect(parseModelText(BOM + json, 'm.json')).toEqual(parseModelText(json, 'm.json'));
    expect(parseModelText(BOM + yaml, 'm.yaml')).toEqual(parseModelText(yaml, 'm.yaml'));
    expect(parseModelText(BOM + json, 'm.model')).toEqual(parseModelText(json, 'm.json'));
    expect(stripByteOrderMark(`${BOM}a${BOM}`)).toBe(`a${BOM}`);
  });
  test('with a byte-order mark, problems on line 1 are placed at the same column as without', () => {
    // Columns as an editor shows them: the mark is invisible, so `"name": 3` has its 3 at column 10 either way.
    const badJson = '{"name": 3, "cells": [], "run": {"duration": "5 ms"}}';
    const badYaml = 'name: [1]\ncells: []\nrun: { duration: 5 ms }\n';
    for (const [text, file] of [
      [badJson, 'b.json'],
      [badYaml, 'b.yaml'],
    ] as const) {
      const plain = validateModelText(text, file);
      const marked = validateModelText(BOM + text, file);
      expect(plain.ok).toBe(false);
      expect(marked).toEqual(plain);
      if (!plain.ok) expect(plain.issues[0]).toMatchObject({ path: 'name', line: 1, column: file.endsWith('json') ? 10 : 7 });
    }
    // A syntax error on line 1 too.
    const syntax = thrown(() => parseModelText(`${BOM}{"name": "x",, "cells": []}`, 's.json'));
    expect(syntax.field).toBe(thrown(() => parseModelText('{"name": "x",, "cells": []}', 's.json')).field);
  });
});

describe('duplicate keys', () => {
  test('JSON with a key given twice is refused as YAML is, naming both places and the path', () => {
    const error = thrown(() => parseModelText('{"name": "a", "name": "b"}', 'd.json'));
    expect(error.field).toBe('d.json:1:15: name');
    expect(error.value).toBe('the key "name" a second time');
    expect(error.allowed).toContain('each key once in an object (the first is at line 1, column 2');
    const yamlError = thrown(() => parseModelText('name: a\nname: b\n', 'd.yaml'));
    expect(yamlError.field).toBe('d.yaml:2:1');
  });
  test('a duplicate deep inside names its JSON path; the same key in two objects is fine', () => {
    const text = '{"name": "x",\n "cells": [{"morphology": {"kind": "single", "area": "1000 um2"}},\n   {"id": "b", "id": "c"}]}';
    const error = thrown(() => parseModelText(text, 'd.json'));
    expect(error.field).toBe('d.json:3:16: cells[1].id');
    const fine = '{"name": "x", "cells": [{"id": "a", "morphology": {"kind": "single", "area": "1000 um2"}}, {"id": "b", "morphology": {"kind": "single", "area": "1000 um2"}}], "run": {"duration": "5 ms"}}';
    expect(parseModelText(fine, 'f.json').cells.map((cell) => cell.id)).toEqual(['a', 'b']);
  });
  test('keys that differ only by an escape are the same key; a quote inside a string is no key', () => {
    const error = thrown(() => parseModelText('{"name": "a \\" , \\"name\\": ", "n\\u0061me": "b"}', 'e.json'));
    expect(error.field).toBe('e.json:1:31: name');
  });
  test('a syntax error is reported before a duplicate key', () => {
    expect(thrown(() => parseModelText('{"name": "a", "name": "b",}', 'd.json')).allowed).toContain('valid JSON');
  });
});

describe('nesting depth', () => {
  const deepJson = (depth: number) => `{"name": "x", "description": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
  test(`JSON nested 100 000 deep is refused at the level past ${MAX_NESTING_DEPTH}, with its place, not a stack overflow`, () => {
    for (const text of ['['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)]) {
      const error = thrown(() => parseModelText(text, 'deep.json'));
      expect(error.value).toBe(`a list or mapping nested more than ${MAX_NESTING_DEPTH} deep`);
      expect(error.allowed).toContain(`nested at most ${MAX_NESTING_DEPTH} deep`);
    }
    expect(thrown(() => parseModelText('['.repeat(100_000), 'deep.json')).field).toBe(`deep.json:1:${MAX_NESTING_DEPTH + 1}`);
  });
  test(`JSON nested exactly ${MAX_NESTING_DEPTH} deep decodes (and fails validation for its content only)`, () => {
    const fits = validateModelText(deepJson(MAX_NESTING_DEPTH - 1), 'ok.json');
    expect(fits.ok).toBe(false);
    if (!fits.ok) expect(fits.issues.map((issue) => issue.path)).toContain('description');
    expect(thrown(() => validateModelText(deepJson(MAX_NESTING_DEPTH), 'no.json')).field).toBe(`no.json:1:${29 + MAX_NESTING_DEPTH}`);
  });
  test('YAML nested 100 000 deep, in flow or block style, is refused with its place, not a stack overflow', () => {
    const flow = thrown(() => parseModelText(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'deep.yaml'));
    // The top mapping is the first level: the 64th bracket opens the 65th.
    expect(flow.field).toBe(`deep.yaml:1:${3 + MAX_NESTING_DEPTH}`);
    const block = thrown(() => parseModelText(`${'- '.repeat(100_000)}x\n`, 'deep.yaml'));
    expect(block.field).toBe(`deep.yaml:1:${2 * MAX_NESTING_DEPTH + 1}`);
    for (const error of [flow, block]) {
      expect(error.value).toBe(`a list or mapping nested more than ${MAX_NESTING_DEPTH} deep`);
      expect(error.message).not.toContain('call stack');
    }
  }, 30_000);
});

describe('YAML aliases', () => {
  test(`aliases that would repeat more than ${MAX_ALIAS_EXPANSION} values are refused before decoding`, () => {
    // 99 aliases of a 20 000-number list (about 120 kB of text) would decode to 2 million numbers.
    const list = `[${Array.from({ length: 20_000 }, (_, i) => i % 10).join(',')}]`;
    const text = `name: x\ndescription: &big ${list}\nlabels:\n${'  - *big\n'.repeat(99)}`;
    const error = thrown(() => parseModelText(text, 'bomb.yaml'));
    expect(error.field).toBe('bomb.yaml:53:5');
    expect(error.value).toBe(`aliases that repeat more than ${MAX_ALIAS_EXPANSION} values`);
    expect(error.allowed).toContain('billion laughs');
  });
  test('nested aliases count what they expand to (a "billion laughs" of 9 levels)', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let level = 1; level <= 9; level++) text += `a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ')}]\n`;
    const error = thrown(() => parseModelText(text, 'laughs.yaml'));
    expect(error.value).toBe(`aliases that repeat more than ${MAX_ALIAS_EXPANSION} values`);
  });
  test('an alias inside its own anchor (a loop) is refused; a few small aliases are fine', () => {
    const loop = thrown(() => parseModelText('name: &n [1, *n]\n', 'loop.yaml'));
    expect(loop.field).toBe('loop.yaml:1:14');
    expect(loop.value).toBe('the alias *n inside its own anchor');
    const fine = 'name: x\ncells:\n  - morphology: &m { kind: single, area: 1000 um2 }\n  - morphology: *m\nrun: { duration: 5 ms }\n';
    expect(parseModelText(fine, 'fine.yaml').cells).toHaveLength(2);
  });
});
