/**
 * Lookups keyed by text from a model file never reach Object.prototype, a `__proto__` key is refused wherever it is,
 * and concentrations, temperatures and voltages have the calculators' range (../core/validation.ts ACCEPTED_RANGES).
 */
import { describe, expect, it } from 'vitest';
import { ACCEPTED_RANGES } from '../core/validation.js';
import { modelSchema } from './model-schema.js';
import { findReservedKey } from './reserved-keys.js';
import { validateModel, type ModelIssue } from './validate.js';

/** A catalogue as an ordinary object literal (with Object.prototype), as a library caller might pass it. */
const CATALOGUE = { hh: { gnabar: 'S/cm2', gkbar: 'S/cm2', gl: 'S/cm2', el: 'mV' } };

/** A one-compartment HH model as JSON text, with the mechanism placement and extra top-level fields given. */
function modelText(placement: string, extra = ''): string {
  return `{
    "name": "lookups", ${extra}
    "cells": [{ "morphology": { "kind": "single", "section": "soma", "length": "10 um", "diameter": "10 um" },
                "mechanisms": [${placement}] }],
    "run": { "duration": "1 ms" }
  }`;
}

function issuesOf(text: string): readonly ModelIssue[] {
  const result = validateModel(JSON.parse(text), { catalogue: CATALOGUE });
  expect(result.ok, 'expected the model to be refused').toBe(false);
  return result.ok ? [] : result.issues;
}

describe('parameter names, mechanisms: own-property lookups', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('parameter "%s" of hh is unknown, listing the parameters', (name) => {
    const [issue] = issuesOf(modelText(`{ "mechanism": "hh", "parameters": { "${name}": "1 mV" } }`));
    expect(issue.path).toBe(`cells[0].mechanisms[0].parameters.${name}`);
    expect(issue.value).toBe('"1 mV"');
    expect(issue.allowed).toBe('a parameter of hh: gnabar, gkbar, gl, el');
  });

  it.each(['constructor', 'toString', '__proto__'])('mechanism "%s" is unknown, listing the catalogue', (name) => {
    const [issue] = issuesOf(modelText(`{ "mechanism": "${name}", "parameters": { "gnabar": 0.1 } }`));
    expect(issue.path).toBe('cells[0].mechanisms[0].mechanism');
    expect(issue.allowed).toContain('a catalogue mechanism (hh)');
  });

  it('without a catalogue, a parameter named "constructor" is kept as an own value, not lost or inherited', () => {
    const result = validateModel(JSON.parse(modelText('{ "mechanism": "anything", "parameters": { "constructor": 2, "toString": "3 mV" } }')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parameters = result.model.cells[0].mechanisms[0].parameters;
    expect(Object.hasOwn(parameters, 'constructor')).toBe(true);
    expect(parameters).toEqual({ constructor: 2, toString: 3 });
  });
});

describe('a __proto__ key is refused wherever it is (zod records would drop it silently)', () => {
  it('"parameters": { "__proto__": { "gnabar": 1 } } is refused with its path', () => {
    const issues = issuesOf(modelText('{ "mechanism": "hh", "parameters": { "__proto__": { "gnabar": 1 } } }'));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('cells[0].mechanisms[0].parameters.__proto__');
    expect(issues[0].value).toBe('{"gnabar":1}');
    expect(issues[0].allowed).toContain('"__proto__" is never a key of a model file');
  });

  it('as a parameter with a plain value, at the top level and in a list', () => {
    expect(issuesOf(modelText('{ "mechanism": "hh", "parameters": { "__proto__": "1 mV" } }'))[0].path).toBe('cells[0].mechanisms[0].parameters.__proto__');
    expect(issuesOf(modelText('{ "mechanism": "hh" }', '"__proto__": {},'))[0].path).toBe('__proto__');
  });

  it('modelSchema (zod) refuses it too, with the same path', () => {
    const parsed = modelSchema.safeParse(JSON.parse(modelText('{ "mechanism": "hh", "parameters": { "__proto__": { "gnabar": 1 } } }')));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['cells', 0, 'mechanisms', 0, 'parameters', '__proto__']);
  });

  it('findReservedKey walks 100 000 levels of nesting without recursion, and finds nothing in ordinary data', () => {
    let deep: unknown = { leaf: 1 };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findReservedKey(deep)).toBeUndefined();
    const shared = { a: 1 };
    expect(findReservedKey({ x: shared, y: shared, z: [shared, shared] })).toBeUndefined();
  });
});

describe('the calculators\' ranges, with the range in the message', () => {
  it('temperature "1e5 K" is refused: above 0 K and at most 1e4 K', () => {
    const [issue] = issuesOf(modelText('{ "mechanism": "hh" }', '"temperature": "1e5 K",'));
    expect(issue.path).toBe('temperature');
    expect(issue.value).toBe('"1e5 K"');
    expect(issue.allowed).toContain(ACCEPTED_RANGES.temperature.text);
    expect(issue.allowed).toContain('at most 10000 K');
  });

  it('an ion concentration of 1e7 mM is refused: at most 1e6 mM (1000 M)', () => {
    const text = modelText('{ "mechanism": "hh" }').replace(
      '"mechanisms"',
      '"ions": [{ "ion": "na", "inside": "1e7 mM", "outside": "140 mM", "reversal": "nernst" }], "mechanisms"',
    );
    const [issue] = issuesOf(text);
    expect(issue.path).toBe('cells[0].ions[0].inside');
    expect(issue.allowed).toContain('at most 1000000 mM (1000 M)');
  });

  it('an initial voltage of 1e8 mV is refused: from -1e7 to 1e7 mV; 1e7 mV itself passes this check', () => {
    const text = (v: string) =>
      modelText('{ "mechanism": "hh" }').replace('"mechanisms"', `"membrane": { "initialVoltage": "${v}" }, "mechanisms"`);
    const [issue] = issuesOf(text('1e8 mV'));
    expect(issue.path).toBe('cells[0].membrane.initialVoltage');
    expect(issue.allowed).toContain('from -10000000 to 10000000 mV');
    const edge = validateModel(JSON.parse(text('1e7 mV')), { catalogue: CATALOGUE });
    const rangeIssues = edge.ok ? [] : edge.issues.filter((i) => i.allowed.includes(ACCEPTED_RANGES.voltage.text));
    expect(rangeIssues).toEqual([]);
  });
});
