/** `membrane check <model>`: validates a model file without running it. */
import type { Command } from 'commander';
import { compile } from '../../engine/compile.js';
import { readModelArgument } from '../model-argument.js';
import { addJsonOption, emit, type JsonFlag } from '../output.js';

export function register(program: Command): void {
  const command = program
    .command('check')
    .summary('validate a model file without running it')
    .description(
      'Reads a model file (JSON or YAML), checks it against the schema (docs/model.schema.json) and compiles it ' +
        '(mechanisms, parameters, locations, recordings) without simulating. Bad input: one line naming the JSON path, ' +
        'the value and what is allowed; exit code 2.\n\nJSON keys: valid, name, cells, sections, compartments, nodes, stimuli, recordings, spikeDetectors.',
    )
    .argument('<model>', 'model file: .json, .yaml or .yml');
  addJsonOption(command);
  command.action((path: string, options: JsonFlag) => {
    const model = readModelArgument(path);
    const compiled = compile(model);
    const compartments = compiled.tree.area.filter((area) => area > 0).length;
    emit(
      options,
      {
        valid: true,
        name: model.name,
        cells: model.cells.length,
        sections: compiled.tree.sections.length,
        compartments,
        nodes: compiled.tree.nodeCount,
        stimuli: model.stimuli.length,
        recordings: model.recordings.length,
        spikeDetectors: model.spikes.length,
      },
      () => [`${path}: valid — ${model.cells.length} cell(s), ${compiled.tree.sections.length} section(s), ${compartments} compartment(s), ${model.recordings.length} recording(s)`],
    );
  });
}
