/**
 * The pieces every part of resolving shares: the options and issue types, the `Report` callback through which each
 * check reports a problem, and the generic helpers (lists of names in messages, quantity kinds by name or unit,
 * generated ids, parent trees). Imports no other resolve-*.ts file.
 */
import { CANONICAL_UNITS, QUANTITY_KINDS, type QuantityKind } from '../units/kinds.js';
import type { PathSegment } from './issues.js';

/** What the caller knows about the mechanism catalogue (the model layer cannot import it). */
export interface ResolveOptions {
  /**
   * Catalogue mechanisms and the quantity kind of each parameter, e.g. `{ hh: { gnabar: 'specificConductance',
   * el: 'voltage', ... } }`, or its canonical unit (`{ hh: { gnabar: 'S/cm2', el: 'mV' } }`, as in the mechanism
   * metadata). When given, a mechanism that is neither in it nor a channel of the model is an error,
   * so is an unknown parameter, and text values are parsed as the parameter's kind. When absent, any mechanism
   * name passes and text values are parsed by their unit alone.
   */
  readonly catalogue?: Readonly<Record<string, Readonly<Record<string, QuantityKind | string>>>>;
  /**
   * Names of the drugs the engine knows (its catalogue, e.g. `['TTX', 'TEA', '4-AP']`). When given, a drug not in it
   * (compared without regard to case) is an error, and the model takes the catalogue's spelling. When absent, any
   * name passes as written.
   */
  readonly drugs?: readonly string[];
}

/** A problem found across fields: path as segments, the value at fault, what is allowed. */
export interface ResolveIssue {
  readonly path: PathSegment[];
  readonly input: unknown;
  readonly allowed: string;
}

/** How a check reports a problem: resolveModel collects them all. */
export type Report = (issue: ResolveIssue) => void;

/** A quantity kind given by name or by its canonical unit (`S/cm2` -> specificConductance); undefined for anything else. */
export function kindOf(kindOrUnit: unknown): QuantityKind | undefined {
  if (typeof kindOrUnit !== 'string') return undefined;
  if ((QUANTITY_KINDS as readonly string[]).includes(kindOrUnit)) return kindOrUnit as QuantityKind;
  const normal = kindOrUnit.replace(/\s+/g, '');
  return QUANTITY_KINDS.find((kind) => CANONICAL_UNITS[kind] === normal);
}

/**
 * The value of an own property, or undefined: a lookup keyed by text from a file never reaches Object.prototype, so
 * `constructor`, `toString` or `__proto__` as a mechanism or parameter name is unknown, not a function.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Names joined for a message, at most `limit` of them (then how many in all). */
export function list(names: Iterable<string>, limit = 12): string {
  const all = [...names];
  return all.length > limit ? `${all.slice(0, limit).join(', ')}, ... (${all.length} in all)` : all.join(', ');
}

/**
 * Fills missing ids with `prefix0`, `prefix1`, ... skipping ids already taken (in this list or `reserved`, the ids
 * given in other lists that share the name space); reports duplicates within the list.
 */
export function assignIds(
  given: readonly (string | undefined)[],
  prefix: (index: number) => string,
  path: (index: number) => PathSegment[],
  report: Report,
  reserved: ReadonlySet<string> = new Set(),
): string[] {
  const firstUse = new Map<string, number>();
  given.forEach((id, index) => {
    if (id === undefined) return;
    const earlier = firstUse.get(id);
    if (earlier !== undefined) {
      report({ path: [...path(index), 'id'], input: id, allowed: `a unique id: "${id}" is already used by entry ${earlier}` });
    } else firstUse.set(id, index);
  });
  const counters = new Map<string, number>();
  return given.map((id, index) => {
    if (id !== undefined) return id;
    const base = prefix(index);
    let n = counters.get(base) ?? 0;
    while (firstUse.has(`${base}${n}`) || reserved.has(`${base}${n}`)) n++;
    counters.set(base, n + 1);
    const generated = `${base}${n}`;
    firstUse.set(generated, index);
    return generated;
  });
}

/** Checks a parent relation forms one tree: known parents, one root, no cycles. Returns the root or undefined. */
export function checkTree<Id extends string | number>(
  ids: readonly Id[],
  parents: readonly (Id | undefined)[],
  what: { list: PathSegment[]; parentKey: string; idKey: string; noun: string },
  report: Report,
): Id | undefined {
  const index = new Map<Id, number>();
  let ok = true;
  ids.forEach((id, i) => {
    if (index.has(id)) {
      report({ path: [...what.list, i, what.idKey], input: id, allowed: `a unique ${what.noun} id: ${JSON.stringify(id)} is already used by entry ${index.get(id)}` });
      ok = false;
    } else index.set(id, i);
  });
  const roots: number[] = [];
  parents.forEach((parent, i) => {
    if (parent === undefined) roots.push(i);
    else if (parent === ids[i]) {
      report({ path: [...what.list, i, what.parentKey], input: parent, allowed: `the id of another ${what.noun} (a ${what.noun} cannot be its own parent)` });
      ok = false;
    } else if (!index.has(parent)) {
      report({ path: [...what.list, i, what.parentKey], input: parent, allowed: `the id of a ${what.noun} in this list: ${list(index.keys() as Iterable<never>)}` });
      ok = false;
    }
  });
  if (roots.length !== 1) {
    const where = roots.length === 0 ? 0 : roots[1];
    report({
      path: roots.length === 0 ? what.list : [...what.list, where, what.parentKey],
      input: roots.length === 0 ? 'no root' : parents[where],
      allowed:
        roots.length === 0
          ? `exactly one root ${what.noun} (one without a parent)`
          : `a parent: only one ${what.noun} may be the root, and entry ${roots[0]} already is`,
    });
    return undefined;
  }
  if (!ok) return undefined;
  // Every chain of parents must reach the root; a chain that revisits a node is a cycle.
  const state = new Array<0 | 1 | 2>(ids.length).fill(0); // 0 unseen, 1 on the current chain, 2 reaches the root
  state[roots[0]] = 2;
  for (let start = 0; start < ids.length; start++) {
    const chain: number[] = [];
    let i = start;
    while (state[i] === 0) {
      state[i] = 1;
      chain.push(i);
      i = index.get(parents[i] as Id) as number;
    }
    if (state[i] === 1) {
      report({
        path: [...what.list, i, what.parentKey],
        input: parents[i],
        allowed: `a parent that leads back to the root: ${what.noun}s ${chain.slice(chain.indexOf(i)).map((k) => JSON.stringify(ids[k])).join(' -> ')} form a cycle`,
      });
      return undefined;
    }
    for (const k of chain) state[k] = 2;
  }
  return ids[roots[0]];
}
