/** Reads a model file given on the command line, with the mechanism catalogue so parameters take units. */
import { existsSync } from 'node:fs';
import { readModelFile } from '../io/model-file.js';
import { parameterUnits } from '../mechanisms/catalogue.js';
import { DRUGS } from '../mechanisms/drugs.js';
import type { Model } from '../model/types.js';
import { InputError } from '../units/errors.js';

export function readModelArgument(path: string): Model {
  if (!existsSync(path)) throw new InputError('<model>', JSON.stringify(path), 'the path of an existing model file (.json, .yaml or .yml)');
  return readModelFile(path, { catalogue: parameterUnits(), drugs: DRUGS.flatMap((drug) => [drug.name, ...drug.aliases]) });
}
