// Writes docs/model.schema.json, the JSON Schema of model files, from the zod schema in src/model (built in
// dist/). Run after `npm run build`: node scripts/write-schema.mjs. `--check` exits non-zero when the committed
// file differs from what would be written (src/model/json-schema.test.ts checks the same from the sources).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}docs/model.schema.json`;

let model;
try {
  model = await import(new URL('../dist/model/index.js', import.meta.url).href);
} catch (error) {
  console.error(`write-schema: cannot load dist/model/index.js (run npm run build first): ${error.message}`);
  process.exit(1);
}
const text = model.modelJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('docs/model.schema.json is stale: run npm run build && node scripts/write-schema.mjs');
    process.exit(1);
  }
  console.log('docs/model.schema.json is current');
} else {
  // Atomically: a temporary file, then rename.
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, target);
  console.log(`wrote ${target}`);
}
