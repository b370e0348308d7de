/**
 * The complete zod schema of a model file: the field checks of ./schema.ts, then the checks across fields of
 * ./resolve.ts, so that `modelSchema.parse(data)` gives a `Model` (zod's own issues; `validateModel` in
 * ./validate.ts gives the same result with Membrane's messages).
 */
import { z } from 'zod';
import type { Model } from './types.js';
import { modelInputSchema } from './schema.js';
import { resolveModel, type ResolveOptions } from './resolve.js';

/** The complete schema with the default options: parses a model file's content to a `Model`. */
export function createModelSchema(options: ResolveOptions = {}) {
  return modelInputSchema.transform((raw, ctx): Model => {
    const result = resolveModel(raw, options);
    if (result.ok) return result.model;
    for (const issue of result.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, input: issue.input, message: issue.allowed });
    }
    return z.NEVER;
  });
}

export const modelSchema = createModelSchema();
