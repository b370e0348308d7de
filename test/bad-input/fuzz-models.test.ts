/**
 * Fuzzes the model-file parser with random mutations of every example model (examples/*.json, *.yaml): keys
 * deleted, types swapped, huge, negative, tiny and NaN-ish numbers, units that are prototype names, unicode,
 * `__proto__` and `constructor` keys, shared nodes (YAML aliases), deep nesting, long strings, truncated text, a
 * byte-order mark. `parseModelText` (with the CLI's catalogue, as `membrane check` reads a file) must either return
 * a model or throw an `InputError`: anything else is what the CLI reports as "internal error", a failed test.
 *
 * Bounded: NUM_RUNS mutations of each example with the fixed SEED (fast-check prints the seed and the shrunk
 * mutations of a failure; rerun with them to reproduce).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describe, it } from 'vitest';
import { parseModelText } from '../../src/io/model-file.js';
import { parameterUnits } from '../../src/mechanisms/catalogue.js';
import { DRUGS } from '../../src/mechanisms/drugs.js';
import { applyMutations, applyTextMutation, expectInputErrorOrSuccess, mutationArbitrary, textMutationArbitrary } from './fuzz-mutations.js';

const SEED = 20_240_909;
/** Mutated inputs per example: 23 examples x 60 runs take about 16 s of CPU (rallpack2, 1023 sections, the most). */
const NUM_RUNS = 60;

/** The options `membrane check` and `membrane run` parse with (src/cli/model-argument.ts). */
const OPTIONS = { catalogue: parameterUnits(), drugs: DRUGS.flatMap((drug) => [drug.name, ...drug.aliases]) };

const EXAMPLES = new URL('../../examples/', import.meta.url);
const files = readdirSync(EXAMPLES).filter((name) => /\.(json|ya?ml)$/.test(name)).sort();

describe('fuzzing the model parser with mutations of every example', () => {
  it('finds the examples', () => {
    if (files.length < 20) throw new Error(`only ${files.length} example models found in ${EXAMPLES.pathname}`);
  });

  for (const file of files) {
    it(file, { timeout: 120_000 }, () => {
      const text = readFileSync(new URL(file, EXAMPLES), 'utf8');
      const original: unknown = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      fc.assert(
        fc.property(
          fc.constantFrom('json' as const, 'yaml' as const),
          fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
          textMutationArbitrary,
          (format, mutations, textMutation) => {
            const tree = applyMutations(structuredClone(original), mutations);
            const serialised = format === 'json' ? JSON.stringify(tree, null, 1) ?? 'null' : stringifyYaml(tree);
            const mutated = applyTextMutation(serialised, textMutation, format);
            expectInputErrorOrSuccess(() => parseModelText(mutated, `mutated-${file}.${format}`, OPTIONS));
          },
        ),
        { seed: SEED, numRuns: NUM_RUNS, endOnFailure: false, verbose: 1 },
      );
    });
  }
});
