/**
 * Reads a model file given on the command line, with the mechanism catalogue so parameters take units.
 *
 * The file is untrusted: it is read only when it is a regular file (after resolving symbolic links), with a byte cap
 * while reading (src/io/bounded-read.ts), and a NeuroML/LEMS file's includes stay inside its folder
 * (src/io/neuroml-includes.ts). Every refusal is an `InputError` naming `<model>` (or the include), the path as typed
 * and what is allowed: one stderr line and exit code 2.
 */
import { readModelFile } from '../io/model-file.js';
import { isNeuroMLFileName, readNeuroMLFile } from '../io/neuroml.js';
import { parameterUnits } from '../mechanisms/catalogue.js';
import { DRUGS } from '../mechanisms/drugs.js';
import type { Model, ResourceLimits } from '../model/index.js';

/** How the CLI names the model argument in errors. */
export const MODEL_FIELD = '<model>';

export interface ModelArgumentOptions {
  /** The folder a NeuroML/LEMS file's includes must stay in (default: the folder of the file). */
  readonly includeFolder?: string;
  /** Resource limits raised on the command line (./limit-options.ts); the others are the defaults. */
  readonly limits?: Partial<ResourceLimits>;
}

export function readModelArgument(path: string, options: ModelArgumentOptions = {}): Model {
  const parse = { catalogue: parameterUnits(), drugs: DRUGS.flatMap((drug) => [drug.name, ...drug.aliases]), limits: options.limits };
  if (isNeuroMLFileName(path)) return readNeuroMLFile(path, { parse, field: MODEL_FIELD, includeFolder: options.includeFolder });
  return readModelFile(path, { ...parse, field: MODEL_FIELD });
}
