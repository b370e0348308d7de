/**
 * The one key a model file may never use: `__proto__`. JSON.parse and YAML keep it as an ordinary own key, but
 * zod's records (mechanism `parameters`) skip it without a word, because copying it would replace the prototype of
 * the result; so `"parameters": { "__proto__": { "gnabar": 1 } }` would be silently ignored. Strict objects already
 * report it as an unknown key; this check finds it anywhere, records included, before the schema runs.
 *
 * Other names inherited from Object.prototype (`constructor`, `toString`) are ordinary text here: every lookup by a
 * name from the file is an own-property lookup (resolve-helpers.ts `ownValue`, Maps), so they are simply unknown.
 */
import type { PathSegment } from './issues.js';

/** The reserved key. */
export const RESERVED_KEY = '__proto__';

/** What is allowed instead, for the message. */
export const RESERVED_KEY_ALLOWED =
  'a key the model format defines (a field, a parameter or a name such as gnabar): "__proto__" is never a key of a model file';

/** A node of the walk: its value, and how it was reached (parent node and key), to rebuild the path when needed. */
interface Visit {
  readonly value: unknown;
  readonly parent: Visit | undefined;
  readonly key: PathSegment | undefined;
}

function pathOf(visit: Visit): PathSegment[] {
  const path: PathSegment[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The first own `__proto__` key in a decoded document (depth first, in key order), with its path and value, or
 * undefined. Iterative and linear in the size of the document (paths are rebuilt only for the key found), so a
 * deeply nested document cannot overflow the call stack; an object reached twice (YAML aliases) is visited once.
 */
export function findReservedKey(document: unknown): { readonly path: PathSegment[]; readonly value: unknown } | undefined {
  const pending: Visit[] = [{ value: document, parent: undefined, key: undefined }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const visit = pending.pop() as Visit;
    const { value } = visit;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) pending.push({ value: value[index], parent: visit, key: index });
      continue;
    }
    if (Object.hasOwn(value, RESERVED_KEY)) {
      return { path: [...pathOf(visit), RESERVED_KEY], value: Object.getOwnPropertyDescriptor(value, RESERVED_KEY)?.value };
    }
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index];
      pending.push({ value: (value as Record<string, unknown>)[key], parent: visit, key });
    }
  }
  return undefined;
}
