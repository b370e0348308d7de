/**
 * Parsing a model file's content (already decoded from JSON or YAML) into a validated `Model`.
 *
 * `validateModel` lists every problem; `parseModel` throws the first as an `InputError` whose field is the JSON
 * path (`cells[0].morphology.diameter`), whose value is the value given and whose allowed says what is allowed.
 * Checks run in two passes: every field on its own first, then (when all fields are fine) the checks across
 * fields (ids, references, the section tree, the run's time step). Last, when the model is valid, what its run
 * would need is estimated and refused beyond the resource limits (./resource-estimate.ts), so that every caller
 * (`membrane check`, `membrane run`, the library) refuses the same models before anything is allocated.
 */
import { InputError } from '../units/errors.js';
import { errorMap, formatPath, showValue, toModelIssues, type ModelIssue, type ZodLikeIssue } from './issues.js';
import { checkResources, type ResourceLimits } from './resource-estimate.js';
import { findReservedKey, RESERVED_KEY_ALLOWED } from './reserved-keys.js';
import { resolveModel, type ResolveIssue, type ResolveOptions } from './resolve.js';
import { modelInputSchema } from './schema.js';
import type { Model } from './types.js';

export type { ModelIssue } from './issues.js';

/** Options of validation: what the caller knows of the catalogue (ResolveOptions) and the resource limits. */
export interface ParseOptions extends ResolveOptions {
  /** Resource limits (./resource-estimate.ts); each one absent is the default (DEFAULT_RESOURCE_LIMITS). */
  readonly limits?: Partial<ResourceLimits>;
}

export type ValidationResult = { readonly ok: true; readonly model: Model } | { readonly ok: false; readonly issues: readonly ModelIssue[] };

/** Checks a decoded model file and lists every problem found (or returns the model). Never throws for bad input. */
export function validateModel(input: unknown, options: ParseOptions = {}): ValidationResult {
  // zod's records drop a `__proto__` key silently: find it first (./reserved-keys.ts).
  const reserved = findReservedKey(input);
  if (reserved !== undefined) {
    return { ok: false, issues: [{ path: formatPath(reserved.path), segments: reserved.path, value: showValue(reserved.value), allowed: RESERVED_KEY_ALLOWED }] };
  }
  const parsed = modelInputSchema.safeParse(input, { error: errorMap as never, reportInput: true });
  if (!parsed.success) {
    return { ok: false, issues: toModelIssues(parsed.error.issues as unknown as readonly ZodLikeIssue[]) };
  }
  const resolved = resolveModel(parsed.data, options);
  let issues: readonly ResolveIssue[];
  if (resolved.ok) {
    issues = checkResources(resolved.model, options.limits, options);
    if (issues.length === 0) return { ok: true, model: resolved.model };
  } else issues = resolved.issues;
  return {
    ok: false,
    issues: issues.map((issue) => {
      // A resource problem names a field whose converted value it knows: the value as typed, where the file has it.
      const typed = resolved.ok ? valueAt(input, issue.path) : { found: false };
      const value = typed.found && typeof typed.value !== 'object' ? typed.value : issue.input;
      return {
        path: formatPath(issue.path),
        segments: issue.path,
        value: value === undefined ? 'nothing (the field is required)' : showValue(value),
        allowed: issue.allowed,
      };
    }),
  };
}

/** The value at a path of decoded input, following own properties and array indices only. */
function valueAt(input: unknown, path: readonly (string | number)[]): { found: boolean; value?: unknown } {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return { found: false };
    if (Array.isArray(value) ? typeof segment !== 'number' : !Object.prototype.hasOwnProperty.call(value, segment)) return { found: false };
    value = (value as Record<string | number, unknown>)[segment];
  }
  return { found: true, value };
}

/** The error for a list of issues: the first one, with a note of how many more there are. */
export function issuesToError(issues: readonly ModelIssue[]): InputError {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new InputError(first.path, first.value, first.allowed + more);
}

/**
 * Parses a decoded model file into a `Model`: units converted to canonical numbers, defaults filled, every check
 * passed. Throws `InputError` for the first problem (its path, the value, what is allowed).
 */
export function parseModel(input: unknown, options: ParseOptions = {}): Model {
  const result = validateModel(input, options);
  if (!result.ok) throw issuesToError(result.issues);
  return result.model;
}
