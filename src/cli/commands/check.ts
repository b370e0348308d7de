/**
 * `membrane check <model>`: validates a model file without running it.
 *
 * It runs exactly what `membrane run` runs before its first step (reading with the same resource limits, then
 * `prepareSimulation`: compiling, the adaptive-integrator and time-step checks, recorders and spike detectors), so
 * every model that `run` refuses for its content, `check` refuses with the same line.
 */
import type { Command } from 'commander';
import { prepareSimulation } from '../../engine/simulate.js';
import { estimateResources } from '../../model/index.js';
import { parameterUnits } from '../../mechanisms/catalogue.js';
import { addLimitOptions, limitsOf } from '../limit-options.js';
import { readModelArgument } from '../model-argument.js';
import { addJsonOption, emit, type JsonFlag } from '../output.js';

interface CheckOptions extends JsonFlag {
  forceTimeStep?: boolean;
  includeFolder?: string;
}

export function register(program: Command): void {
  const command = program
    .command('check')
    .summary('validate a model file without running it')
    .description(
      'Reads a model file (JSON or YAML), checks it against the schema (docs/model.schema.json), estimates what a run ' +
        'needs against the resource limits (docs/model-format.md, "Limits") and prepares the run as `membrane run` does ' +
        '(mechanisms, parameters, locations, recordings, the time step) without simulating: a model `run` refuses, ' +
        '`check` refuses with the same line. Bad input: one line naming the JSON path, the value and what is allowed; ' +
        'exit code 2.\n\nJSON keys: valid, name, cells, sections, compartments, nodes, stimuli, recordings, ' +
        'spikeDetectors, steps (absent for the adaptive integrator), samples, recordedValues, memoryEstimate_bytes.',
    )
    .argument('<model>', 'model file: .json, .yaml or .yml')
    .option('--include-folder <folder>', "NeuroML/LEMS: the folder every include must stay inside (default: the model file's own folder; widen it for examples that include files beside their folder)")
    .option('--force-time-step', 'as for `membrane run`: accept a time step longer than the model\'s kinetics allow', false);
  addLimitOptions(command);
  addJsonOption(command);
  command.action((path: string, options: CheckOptions) => {
    const model = readModelArgument(path, { limits: limitsOf(options as Record<string, unknown>), includeFolder: options.includeFolder });
    const { compiled } = prepareSimulation(model, { forceTimeStep: options.forceTimeStep === true });
    const estimate = estimateResources(model, { catalogue: parameterUnits() });
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
        steps: estimate.steps === undefined ? undefined : Math.round(estimate.steps),
        samples: estimate.samples,
        recordedValues: estimate.recordedValues,
        memoryEstimate_bytes: Math.round(estimate.memoryBytes),
      },
      () => [`${path}: valid — ${model.cells.length} cell(s), ${compiled.tree.sections.length} section(s), ${compartments} compartment(s), ${model.recordings.length} recording(s)`],
    );
  });
}
