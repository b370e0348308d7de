/**
 * Parsing a model file's content (already decoded from JSON or YAML) into a validated `Model`.
 *
 * `validateModel` lists every problem; `parseModel` throws the first as an `InputError` whose field is the JSON
 * path (`cells[0].morphology.diameter`), whose value is the value given and whose allowed says what is allowed.
 * Checks run in two passes: every field on its own first, then (when all fields are fine) the checks across
 * fields (ids, references, the section tree, the run's time step).
 */
import { InputError } from '../units/errors.js';
import { errorMap, formatPath, showValue, toModelIssues, type ModelIssue, type ZodLikeIssue } from './issues.js';
import { resolveModel, type ResolveOptions } from './resolve.js';
import { modelInputSchema } from './schema.js';
import type { Model } from './types.js';

export type { ModelIssue } from './issues.js';
export type { ResolveOptions as ParseOptions } from './resolve.js';

export type ValidationResult = { readonly ok: true; readonly model: Model } | { readonly ok: false; readonly issues: readonly ModelIssue[] };

/** Checks a decoded model file and lists every problem found (or returns the model). Never throws for bad input. */
export function validateModel(input: unknown, options: ResolveOptions = {}): ValidationResult {
  const parsed = modelInputSchema.safeParse(input, { error: errorMap as never, reportInput: true });
  if (!parsed.success) {
    return { ok: false, issues: toModelIssues(parsed.error.issues as unknown as readonly ZodLikeIssue[]) };
  }
  const resolved = resolveModel(parsed.data, options);
  if (resolved.ok) return { ok: true, model: resolved.model };
  return {
    ok: false,
    issues: resolved.issues.map((issue) => ({
      path: formatPath(issue.path),
      segments: issue.path,
      value: issue.input === undefined ? 'nothing (the field is required)' : showValue(issue.input),
      allowed: issue.allowed,
    })),
  };
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
export function parseModel(input: unknown, options: ResolveOptions = {}): Model {
  const result = validateModel(input, options);
  if (!result.ok) throw issuesToError(result.issues);
  return result.model;
}
