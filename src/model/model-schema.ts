/**
 * The complete zod schema of a model file: the field checks of ./schema.ts, then the checks across fields of
 * ./resolve.ts, so that `modelSchema.parse(data)` gives a `Model` (zod's own issues; `validateModel` in
 * ./validate.ts gives the same result with Membrane's messages).
 */
import { z } from 'zod';
import type { Model } from './types.js';
import { modelInputSchema } from './schema.js';
import { findReservedKey, RESERVED_KEY_ALLOWED } from './reserved-keys.js';
import { resolveModel, type ResolveOptions } from './resolve.js';

/**
 * The complete schema with the default options: parses a model file's content to a `Model`. A `__proto__` key
 * anywhere is refused first (./reserved-keys.ts), as `validateModel` does: zod's records would drop it silently.
 */
export function createModelSchema(options: ResolveOptions = {}) {
  const refuseReservedKey = (input: unknown, ctx: { addIssue(issue: { code: 'custom'; path: PropertyKey[]; input: unknown; message: string }): void }): unknown => {
    const reserved = findReservedKey(input);
    if (reserved !== undefined) ctx.addIssue({ code: 'custom', path: reserved.path, input: reserved.value, message: RESERVED_KEY_ALLOWED });
    return input;
  };
  return z.preprocess(refuseReservedKey, modelInputSchema).transform((raw, ctx): Model => {
    const result = resolveModel(raw, options);
    if (result.ok) return result.model;
    for (const issue of result.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, input: issue.input, message: issue.allowed });
    }
    return z.NEVER;
  });
}

export const modelSchema = createModelSchema();
