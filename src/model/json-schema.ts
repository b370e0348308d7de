/**
 * The JSON Schema (draft 2020-12) of the model file, as written by people: quantities as numbers or text with
 * units, defaults may be left out. Generated from the zod schema so the two cannot disagree; scripts/write-schema.mjs
 * writes it to docs/model.schema.json, and a test checks that file is current.
 */
import { z } from 'zod';
import { modelInputSchema } from './schema.js';

export function modelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(modelInputSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The text of docs/model.schema.json: the schema, two-space indented, with a final newline. */
export function modelJsonSchemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}
