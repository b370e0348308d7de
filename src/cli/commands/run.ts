/** `membrane run <model> [--out traces.csv] [--json]`: runs a model file and writes its traces and a summary. */
import type { Command } from 'commander';
import { prepareSimulation } from '../../engine/simulate.js';
import { checkOutputPath, writeFileAtomic } from '../../io/atomic-file.js';
import { tracesToCsv, tracesToJson } from '../../io/trace-export.js';
import { InputError } from '../../units/errors.js';
import { addLimitOptions, limitsOf } from '../limit-options.js';
import { readModelArgument } from '../model-argument.js';
import { addJsonOption, emit, num, type JsonFlag } from '../output.js';
import { createProgressBar } from '../progress.js';

interface RunOptions extends JsonFlag {
  out?: string;
  forceTimeStep?: boolean;
  includeFolder?: string;
}

export function register(program: Command): void {
  const command = program
    .command('run')
    .summary('run a model file; write traces (CSV) and a summary')
    .description(
      'Simulates a model file (JSON or YAML; see docs/model-format.md). With --out, the recorded traces are written ' +
        'atomically as CSV (units in the header: t_ms,v_mV,...) or, for a .json path, as JSON columns. A progress bar ' +
        'shows on a terminal for runs over a second. A fixed time step too long for the model\'s fastest gate or ' +
        'membrane time constant is refused before the run with the largest safe step (exit code 2; --force-time-step ' +
        'runs it anyway). A run that goes numerically unstable (non-finite or unphysical values, Crank-Nicolson ' +
        'ringing) stops with the time, the place and a remedy (exit code 3).\n\n' +
        'JSON keys: model, integrator, duration_ms, timeStep_ms, steps, compartments, wallTime_s, spikes_ms ' +
        '({detector id: [times]}), spikeCounts, velocity_m_per_s (when the model asks for it), traces ([{id, unit}]), out.',
    )
    .argument('<model>', 'model file: .json, .yaml or .yml')
    .option('-o, --out <file>', 'write the traces here (.csv, or .json for JSON columns)')
    .option('--include-folder <folder>', "NeuroML/LEMS: the folder every include must stay inside (default: the model file's own folder; widen it for examples that include files beside their folder)")
    .option(
      '--force-time-step',
      'run even with a time step longer than the model\'s kinetics allow (refused by default, exit 2); the run still stops on ringing or blow-up',
      false,
    );
  addLimitOptions(command);
  addJsonOption(command);
  command.action((path: string, options: RunOptions) => {
    if (options.out !== undefined && !/\.(csv|json)$/i.test(options.out)) {
      throw new InputError('--out', JSON.stringify(options.out), 'a file name ending in .csv or .json');
    }
    // Before any work: a folder that is missing or read-only, or a path that is a folder, is bad input (exit 2).
    if (options.out !== undefined) checkOutputPath(options.out, '--out');
    // The resource limits (raised by --max-steps and the like) are checked while reading, before anything is allocated.
    const model = readModelArgument(path, { limits: limitsOf(options as Record<string, unknown>), includeFolder: options.includeFolder });
    const prepared = prepareSimulation(model, { forceTimeStep: options.forceTimeStep === true });
    const progress = createProgressBar(`membrane run ${model.name}`);
    const started = performance.now();
    let result;
    try {
      result = prepared.run({ onProgress: (fraction) => progress.update(fraction) });
    } finally {
      progress.finish();
    }
    const wallTime = (performance.now() - started) / 1000;
    if (options.out) writeFileAtomic(options.out, /\.json$/i.test(options.out) ? tracesToJson(result) : tracesToCsv(result));
    const spikes = Object.fromEntries(result.spikes.map((train) => [train.id, train.times.map((t) => Number(t.toFixed(6)))]));
    const velocityMissing = model.velocity !== undefined && result.velocity === undefined;
    emit(
      options,
      {
        model: model.name,
        integrator: model.run.integrator,
        duration_ms: model.run.duration,
        timeStep_ms: model.run.timeStep,
        steps: result.steps,
        compartments: result.compartments,
        wallTime_s: Number(wallTime.toFixed(4)),
        spikes_ms: spikes,
        spikeCounts: Object.fromEntries(result.spikes.map((train) => [train.id, train.times.length])),
        velocity_m_per_s: result.velocity?.metresPerSecond,
        velocityProblem: velocityMissing ? 'no spike reached both detectors, so there is no velocity to report' : undefined,
        traces: result.traces.map((trace) => ({ id: trace.id, unit: trace.unit })),
        out: options.out,
      },
      () => [
        `${model.name}: ${num(model.run.duration)} ms simulated in ${result.steps} steps (${model.run.integrator}), ${result.compartments} compartment(s), ${num(wallTime, 3)} s`,
        ...result.spikes.map((train) => `spikes at ${train.id}: ${train.times.length}${train.times.length ? ` (${train.times.slice(0, 8).map((t) => num(t, 5)).join(', ')}${train.times.length > 8 ? ', ...' : ''} ms)` : ''}`),
        ...(result.velocity ? [`conduction velocity ${result.velocity.from} -> ${result.velocity.to}: ${num(result.velocity.metresPerSecond)} m/s`] : []),
        ...(velocityMissing ? ['conduction velocity: no spike reached both detectors'] : []),
        ...(options.out ? [`traces written to ${options.out}`] : []),
      ],
    );
  });
}
