/** Reads a model file given on the command line, with the mechanism catalogue so parameters take units. */
import { existsSync } from 'node:fs';
import { readModelFile } from '../io/model-file.js';
import { isNeuroMLFileName, readNeuroMLFile } from '../io/neuroml.js';
import { parameterUnits } from '../mechanisms/catalogue.js';
import { DRUGS } from '../mechanisms/drugs.js';
import type { Model } from '../model/types.js';
import { InputError } from '../units/errors.js';

export function readModelArgument(path: string): Model {
  if (!existsSync(path)) throw new InputError('<model>', JSON.stringify(path), 'the path of an existing model file (.json, .yaml, .yml, NeuroML2 .nml or LEMS .xml)');
  const options = { catalogue: parameterUnits(), drugs: DRUGS.flatMap((drug) => [drug.name, ...drug.aliases]) };
  if (isNeuroMLFileName(path)) return readNeuroMLFile(path, { parse: options });
  return readModelFile(path, options);
}
