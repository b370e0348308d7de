/**
 * Turning zod's issues into Membrane's one error shape: the field (a JSON path such as
 * `cells[0].morphology.diameter`), the value given (as text) and what is allowed.
 *
 * Every schema in this folder is parsed with `errorMap` below, so the `message` of every zod issue is already
 * the "allowed" text; `toModelIssues` only adds the path and the value, and splits unknown keys into one issue each.
 */
import { clipText, describeValue } from '../units/errors.js';

/** One problem in a model: where, what was given, what is allowed. */
export interface ModelIssue {
  /** JSON path of the field at fault, e.g. `cells[0].morphology.diameter` (`(root)` for the whole model). */
  readonly path: string;
  /** The same path as keys and indexes, e.g. `['cells', 0, 'morphology', 'diameter']`. */
  readonly segments: readonly PathSegment[];
  /** The value given, as text (`nothing` when the field is missing). */
  readonly value: string;
  /** What is allowed there. */
  readonly allowed: string;
}

export type PathSegment = string | number;

/** Longest key from a file kept whole in a path or a message; longer keys are cut with an ellipsis. */
const MAXIMUM_KEY_LENGTH = 40;

/** A key from the file as a message shows it: cut to MAXIMUM_KEY_LENGTH characters with "…". */
function shownKey(key: string): string {
  return clipText(key, MAXIMUM_KEY_LENGTH);
}

/** Formats a path as JavaScript would write it: `cells[0].morphology["odd key"]` (long keys cut). */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (segment.length <= MAXIMUM_KEY_LENGTH && /^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(shownKey(segment))}]`;
  }
  return text === '' ? '(root)' : text;
}

/** A value for an error message, shortened when long (a whole morphology is not useful in one line). */
export function showValue(value: unknown): string {
  const text = describeValue(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** Marker that starts the message of an unknown-key issue; the allowed keys follow, comma separated. */
const KEYS_MARKER = '\u0000keys:';

// The shapes of zod's raw issues that matter here (zod's own types are wide unions; only these fields are read).
interface RawIssue {
  readonly code: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly values?: readonly unknown[];
  readonly options?: readonly unknown[];
  readonly divisor?: number;
  readonly format?: string;
  readonly inst?: unknown;
}

function shapeKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function bound(value: number | bigint | undefined): string {
  return String(value);
}

/**
 * The per-parse error map: the "allowed" text for each kind of zod issue. Schemas that know better give their own
 * `error` (quantities, unions), which zod prefers to this one.
 */
export function errorMap(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'object') {
        const keys = shapeKeys(issue.inst);
        return keys.length > 0 ? `an object with keys ${keys.join(', ')}` : 'an object';
      }
      return TYPE_NAMES[issue.expected ?? ''] ?? `a value of type ${issue.expected}`;
    }
    case 'too_small': {
      if (issue.origin === 'array') return `a list of at least ${bound(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string') return 'non-empty text';
      return `a number ${issue.inclusive ? '>=' : '>'} ${bound(issue.minimum)}`;
    }
    case 'too_big': {
      if (issue.origin === 'array') return `a list of at most ${bound(issue.maximum)} entries`;
      if (issue.origin === 'string') return `text of at most ${bound(issue.maximum)} characters`;
      return `a number ${issue.inclusive ? '<=' : '<'} ${bound(issue.maximum)}`;
    }
    case 'invalid_value':
      return `one of ${(issue.values ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('|')}`;
    case 'invalid_union':
      if (issue.options) return `one of ${issue.options.map(String).join('|')}`;
      return 'one of the allowed forms';
    case 'unrecognized_keys':
      return KEYS_MARKER + shapeKeys(issue.inst).join(',');
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'invalid_format':
      return `text in the ${issue.format} format`;
    default:
      return 'a valid value';
  }
}

/** Edit distance, for "did you mean" on unknown keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest allowed key to a misspelt one, when it is close enough to be a likely typo. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** The issues zod reports after parsing with `errorMap` and `reportInput: true`. */
export interface ZodLikeIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly keys?: readonly string[];
  readonly discriminator?: string;
  readonly params?: Record<string, unknown>;
}

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

/** Converts zod issues (parsed with `errorMap`, `reportInput: true`) to model issues, one per unknown key. */
export function toModelIssues(issues: readonly ZodLikeIssue[]): ModelIssue[] {
  const result: ModelIssue[] = [];
  for (const issue of issues) {
    const path = toSegments(issue.path);
    if (issue.code === 'unrecognized_keys' && issue.message.startsWith(KEYS_MARKER)) {
      const allowed = issue.message.slice(KEYS_MARKER.length).split(',').filter((k) => k !== '');
      const input = (issue.input ?? {}) as Record<string, unknown>;
      for (const key of issue.keys ?? []) {
        const guess = closestKey(key, allowed);
        result.push({
          path: formatPath([...path, key]),
          segments: [...path, key],
          value: showValue(input[key]),
          allowed:
            `no key ${JSON.stringify(shownKey(key))} here${guess ? ` (did you mean "${guess}"?)` : ''}; ` +
            `the keys allowed are ${allowed.join(', ')}`,
        });
      }
      continue;
    }
    let input = issue.input;
    if (issue.discriminator !== undefined && typeof input === 'object' && input !== null) {
      // zod puts the path on the discriminator but reports the whole object as the input.
      input = (input as Record<string, unknown>)[issue.discriminator];
    }
    const value = input === undefined ? 'nothing (the field is required)' : showValue(input);
    result.push({ path: formatPath(path), segments: path, value, allowed: issue.message });
  }
  return result;
}
