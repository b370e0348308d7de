/**
 * Random mutations of model data for the fuzz tests (fast-check): each mutation is a small record (which node,
 * what to do, with what value) so that a failing case shrinks to a few readable steps, and applying it to a fresh
 * copy of the example reproduces the input.
 */
import fc from 'fast-check';
import { InputError } from '../../src/units/errors.js';

/** Values that have broken parsers before: extremes of doubles, prototype names, units that are not units, text. */
export const INTERESTING_VALUES: readonly unknown[] = [
  '', '0', '-1', '1e9', '1e300', '-1e300', '5e-324', '1e-320', '1e400', 'NaN', 'Infinity', '-Infinity',
  '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype',
  '300 toString', '1 constructor', '5 __proto__', '1e12 ms', '5e-324 ms', '1e6 mV', '-1e6 mV', '1e9 um', '1e-9 um',
  '−70 mV', '20 µm', '37 °C', '\u0000', '\uFEFF', '😀 mV', 'Ω', 'x'.repeat(10_000), '1'.repeat(400),
  0, -1, 1e9, 1e300, -1e300, 5e-324, 1e-320, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 0.5, -0, true, false, null,
  [], {}, [[[[[]]]]], { __proto__: null, kind: 'single' },
];

/** Keys that look up the prototype of a plain object. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'x'] as const;

export interface Mutation {
  /** Which node of the tree (depth-first index, taken modulo the node count). */
  readonly target: number;
  readonly kind: 'delete' | 'replace' | 'swap-type' | 'add-key' | 'rename-key' | 'duplicate' | 'nest';
  readonly value: unknown;
  readonly key: string;
  /** Depth for `nest`. */
  readonly depth: number;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  target: fc.nat(),
  kind: fc.constantFrom('delete', 'replace', 'swap-type', 'add-key', 'rename-key', 'duplicate', 'nest'),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...INTERESTING_VALUES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.tuple(fc.double({ noNaN: true }), fc.constantFrom('mV', 'ms', 'um', 'nA', 'mM', 'S/cm2', 'K', 'degC', 'toString', 'constructor', '__proto__', '')).map(([number, unit]) => `${number} ${unit}`) },
  ),
  key: fc.constantFrom(...PROTOTYPE_KEYS),
  depth: fc.constantFrom(2, 10, 200, 1000),
});

type Container = Record<string, unknown> | unknown[];

interface Slot {
  readonly parent: Container | undefined;
  readonly key: string | number | undefined;
  readonly value: unknown;
}

/** Every node of a JSON-like tree, depth first (the root first, with no parent). */
function slots(root: unknown): Slot[] {
  const found: Slot[] = [];
  const visit = (parent: Container | undefined, key: string | number | undefined, value: unknown): void => {
    found.push({ parent, key, value });
    if (Array.isArray(value)) value.forEach((item, index) => visit(value, index, item));
    else if (value !== null && typeof value === 'object') for (const name of Object.keys(value)) visit(value as Record<string, unknown>, name, (value as Record<string, unknown>)[name]);
  };
  visit(undefined, undefined, root);
  return found;
}

/** Sets an own property, even `__proto__` (which plain assignment would turn into a prototype change). */
function setOwn(object: Container, key: string | number, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function swapType(value: unknown): unknown {
  if (typeof value === 'string') return Number.isNaN(Number.parseFloat(value)) ? [value] : Number.parseFloat(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  if (value !== null && typeof value === 'object') return Object.values(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  return 'null';
}

const nest = (value: unknown, depth: number): unknown => {
  let nested = value;
  for (let level = 0; level < depth; level++) nested = [nested];
  return nested;
};

/** Applies `mutations` in order to `root` (a JSON-like tree, changed in place); returns the (possibly new) root. */
export function applyMutations(root: unknown, mutations: readonly Mutation[]): unknown {
  let tree = root;
  for (const mutation of mutations) {
    const all = slots(tree);
    // Keys are added to objects and renamed in objects: pick among the nodes where that can happen.
    const objects = all.filter((candidate) => candidate.value !== null && typeof candidate.value === 'object' && !Array.isArray(candidate.value));
    const keyed = all.filter((candidate) => candidate.parent !== undefined && !Array.isArray(candidate.parent));
    const pool = mutation.kind === 'add-key' && objects.length > 0 ? objects : mutation.kind === 'rename-key' && keyed.length > 0 ? keyed : all;
    const slot = pool[mutation.target % pool.length];
    const { parent, key } = slot;
    const put = (value: unknown): void => {
      if (parent === undefined || key === undefined) tree = value;
      else setOwn(parent, key, value);
    };
    switch (mutation.kind) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else if (parent !== undefined) delete parent[key as string];
        break;
      case 'replace':
        put(structuredClone(mutation.value));
        break;
      case 'swap-type':
        put(swapType(slot.value));
        break;
      case 'add-key':
        if (slot.value !== null && typeof slot.value === 'object' && !Array.isArray(slot.value)) setOwn(slot.value as Container, mutation.key, structuredClone(mutation.value));
        else if (Array.isArray(slot.value)) slot.value.push(structuredClone(mutation.value));
        break;
      case 'rename-key':
        if (parent !== undefined && !Array.isArray(parent)) {
          const value = parent[key as string];
          delete parent[key as string];
          setOwn(parent, mutation.key, value);
        }
        break;
      case 'duplicate':
        // The same object twice: YAML writes it as an anchor and an alias.
        if (Array.isArray(parent)) parent.push(slot.value);
        else if (parent !== undefined) setOwn(parent, `${String(key)}Copy`, slot.value);
        break;
      case 'nest':
        put(nest(slot.value, mutation.depth));
        break;
    }
  }
  return tree;
}

export interface TextMutation {
  readonly kind: 'none' | 'bom' | 'truncate' | 'insert' | 'deep' | 'duplicate-line';
  /** Where, as a fraction of the text's length. */
  readonly at: number;
  readonly text: string;
  readonly depth: number;
}

export const textMutationArbitrary: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constantFrom('none', 'none', 'none', 'bom', 'truncate', 'insert', 'deep', 'duplicate-line'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('"', '{', '[', ':', ',', '&a', '*a', '!!js/function', '<<: *a', '\t', '\n  - ', '"__proto__": {}', '"name": 1,')),
  depth: fc.constantFrom(100, 1000, 100_000),
});

/** Applies a text mutation to the text of a file (JSON, YAML or XML: `deep` nests arrays or elements). */
export function applyTextMutation(text: string, mutation: TextMutation, format: 'json' | 'yaml' | 'xml'): string {
  const at = Math.floor(mutation.at * text.length);
  switch (mutation.kind) {
    case 'none':
      return text;
    case 'bom':
      return `\uFEFF${text}`;
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const index = Math.floor(mutation.at * lines.length) % Math.max(1, lines.length);
      lines.splice(index, 0, lines[index] ?? '');
      return lines.join('\n');
    }
    case 'deep': {
      const depth = mutation.depth;
      if (format === 'json') return text.replace(/^\s*\{/, `{"deep": ${'['.repeat(depth)}${']'.repeat(depth)},`);
      if (format === 'yaml') return `deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n${text}`;
      const close = text.lastIndexOf('</');
      return close < 0 ? text : `${text.slice(0, close)}<notes>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</notes>${text.slice(close)}`;
    }
  }
}

/**
 * Runs `action`; passes when it returns or throws an `InputError` whose message is one clear line (no function
 * source, no "[native code]", none of `never`); otherwise throws an Error that names the error and the first frames of its stack.
 */
export function expectInputErrorOrSuccess(action: () => unknown, never: readonly string[] = []): void {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) {
      if (/\[native code\]|function \w*\(/.test(error.message)) throw new Error(`InputError shows a function: ${error.message.slice(0, 300)}`);
      for (const text of never) if (error.message.includes(text)) throw new Error(`InputError shows ${JSON.stringify(text)}: ${error.message.slice(0, 300)}`);
      if (error.message.length > 5000) throw new Error(`InputError message of ${error.message.length} characters: ${error.message.slice(0, 300)}...`);
      return;
    }
    const described = error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}\n${(error.stack ?? '').split('\n').slice(1, 8).join('\n')}` : String(error);
    throw new Error(`not an InputError (the CLI would say "internal error"): ${described}`);
  }
}
