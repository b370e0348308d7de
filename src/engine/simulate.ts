/**
 * `simulate(model)`: compiles a validated model, integrates it and returns typed-array traces, spike times and a
 * summary. Runs in Node and in the browser alike (no Node-only module).
 */
import type { Model } from '../model/types.js';
import { InputError } from '../units/errors.js';
import { runAdaptive } from './adaptive.js';
import { compile, type CompiledModel } from './compile.js';
import { conservationReport, type ConservationReport } from './concentrations.js';
import { createFixedStepper, initialiseMechanisms } from './fixed-step.js';
import { sendSpike } from './synapses.js';
import { createRecorder, type Recorder } from './recorder.js';
import type { PrepareOptions, SimulateOptions } from './run-options.js';
import { checkTimeStep } from './step-check.js';

export interface Trace {
  readonly id: string;
  readonly variable: string;
  readonly unit: string;
  readonly values: Float64Array;
}

export interface SpikeTrain {
  readonly id: string;
  readonly threshold: number;
  /** Path distance of the detector from its cell's root, um. */
  readonly distance: number;
  readonly times: readonly number[];
}

export interface Velocity {
  readonly from: string;
  readonly to: string;
  /** um between the detectors and ms between their first spikes. */
  readonly distance: number;
  readonly delay: number;
  readonly metresPerSecond: number;
}

export interface SimulationResult {
  /** Sample times, ms. */
  readonly time: Float64Array;
  readonly traces: readonly Trace[];
  readonly spikes: readonly SpikeTrain[];
  readonly velocity?: Velocity;
  readonly steps: number;
  readonly compartments: number;
  readonly nodes: number;
  /** With moving concentrations: the charge and ion bookkeeping at the end of the run. */
  readonly conservation?: ConservationReport;
}

export type { PrepareOptions, SimulateOptions } from './run-options.js';

function runFixed(compiled: CompiledModel, recorder: Recorder, options: SimulateOptions): number {
  const { run } = compiled.model;
  const dt = run.timeStep;
  const steps = Math.round(run.duration / dt);
  const samplesEvery = Math.max(1, Math.round(run.recordInterval / dt));
  const stepper = createFixedStepper(compiled, dt, run.integrator === 'crank-nicolson');
  recorder.currents.current = stepper;
  const detectors = recorder.detectors;
  recorder.sample(0);
  for (const detector of detectors) detector.observe(0);
  const progressEvery = Math.max(1, Math.floor(steps / 100));
  const synapses = compiled.synapses;
  const v = compiled.membrane.v;
  const detectorNodes = Int32Array.from(recorder.detectorNodes);
  for (let n = 0; n < steps; n++) {
    const t = n * dt;
    stepper.step(t);
    const tNext = (n + 1) * dt;
    for (let s = 0; s < detectors.length; s++) {
      // A presynaptic spike: its events, after each connection's delay; those due already (delay 0) go straight in.
      if (detectors[s].observeValue(tNext, v[detectorNodes[s]]) && synapses) {
        const times = detectors[s].times;
        sendSpike(synapses, s, times[times.length - 1], tNext);
      }
    }
    if ((n + 1) % samplesEvery === 0) recorder.sample(tNext);
    if (options.onProgress && n % progressEvery === 0) options.onProgress(n / steps);
  }
  return steps;
}

function measureVelocity(compiled: CompiledModel, recorder: Recorder): Velocity | undefined {
  const request = compiled.model.velocity;
  if (!request) return undefined;
  const index = (id: string) => compiled.model.spikes.findIndex((spike) => spike.id === id);
  const from = index(request.from);
  const to = index(request.to);
  const first = recorder.detectors[from].times[0];
  const second = recorder.detectors[to].times[0];
  const distance = Math.abs(compiled.tree.distance[recorder.detectorNodes[to]] - compiled.tree.distance[recorder.detectorNodes[from]]);
  // No spike at one of the detectors (no propagation): no velocity to report.
  if (first === undefined || second === undefined || second === first) return undefined;
  const delay = second - first;
  // um per ms = mm/s; divide by 1000 for m/s.
  return { from: request.from, to: request.to, distance, delay, metresPerSecond: distance / delay / 1000 };
}

/** A compiled, initialised simulation: build cost paid, ready to `run` once (benchmarks time `run` alone). */
export interface PreparedSimulation {
  readonly compiled: CompiledModel;
  run(options?: SimulateOptions): SimulationResult;
}

export function prepareSimulation(model: Model, preparation: PrepareOptions = {}): PreparedSimulation {
  const compiled = compile(model);
  const { run } = model;
  if (run.integrator === 'adaptive' && compiled.tree.nodeCount !== 1) {
    throw new InputError('run.integrator', '"adaptive"', `backward-euler or crank-nicolson for a model of ${compiled.tree.nodeCount} nodes (adaptive handles single-compartment models)`);
  }
  // A fixed step too long for the model's kinetics is refused before anything runs (step-check.ts).
  checkTimeStep(compiled, { force: preparation.forceTimeStep });
  initialiseMechanisms(compiled, run.timeStep);
  const recorder = createRecorder(compiled);
  let used = false;
  return {
    compiled,
    run(options: SimulateOptions = {}) {
      if (used) throw new Error('a prepared simulation runs once; prepare it again to rerun');
      used = true;
      return execute(compiled, recorder, options);
    },
  };
}

function execute(compiled: CompiledModel, recorder: Recorder, options: SimulateOptions): SimulationResult {
  const { model } = compiled;
  const steps = model.run.integrator === 'adaptive' ? runAdaptive(compiled, recorder, options) : runFixed(compiled, recorder, options);
  options.onProgress?.(1);
  const velocity = measureVelocity(compiled, recorder);
  const used = recorder.sampleCount;
  return {
    time: recorder.time.subarray(0, used),
    traces: recorder.probes.map((probe, p) => ({ id: probe.id, variable: probe.variable, unit: probe.unit, values: recorder.columns[p].subarray(0, used) })),
    spikes: recorder.detectors.map((detector, index) => ({
      id: model.spikes[index].id,
      threshold: detector.threshold,
      distance: compiled.tree.distance[recorder.detectorNodes[index]],
      times: detector.times,
    })),
    velocity,
    steps,
    compartments: compiled.tree.area.filter((a) => a > 0).length,
    nodes: compiled.tree.nodeCount,
    conservation: compiled.concentrations
      ? conservationReport(compiled.concentrations, compiled.membrane, compiled.capacitance, compiled.initialVoltage, compiled.initialAmounts)
      : undefined,
  };
}

/** Compiles, checks the time step against the kinetics (unless forced), initialises and runs a validated model. */
export function simulate(model: Model, options: SimulateOptions & PrepareOptions = {}): SimulationResult {
  return prepareSimulation(model, options).run(options);
}
