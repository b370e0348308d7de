import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { modelJsonSchema, modelJsonSchemaText } from './json-schema.js';

const committed = new URL('../../docs/model.schema.json', import.meta.url);

describe('docs/model.schema.json', () => {
  test('equals what scripts/write-schema.mjs would write now (regenerate: npm run build && node scripts/write-schema.mjs)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(modelJsonSchemaText());
  });

  test('describes the input form: strict objects, quantities as number or text, required name, cells and run', () => {
    const schema = modelJsonSchema() as {
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { type?: unknown; description?: string }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'cells', 'run']);
    expect(schema.properties.temperature.type).toBe('string');
    expect(schema.properties.temperature.description).toMatch(/Default 6.3 degC/);
  });
});
