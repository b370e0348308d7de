// The resource estimate (./resource-estimate.ts) through validation: each way a small file asks for too much is one
// problem naming the field, the estimate and the limit; the estimate agrees with what the engine builds.
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { compile } from '../engine/compile.js';
import { createRecorder } from '../engine/recorder.js';
import { parameterUnits } from '../mechanisms/catalogue.js';
import { DEFAULT_RESOURCE_LIMITS, bytes, count, estimateResources } from './resource-estimate.js';
import { parseModel, validateModel, type ModelIssue } from './validate.js';

const catalogue = parameterUnits();
const hh = [{ mechanism: 'hh' }];
const model = (more: Record<string, unknown> = {}, run: Record<string, unknown> = {}) => ({
  name: 'm',
  cells: [{ morphology: { kind: 'single', length: 10, diameter: 10 }, mechanisms: hh }],
  recordings: [{ variable: 'v' }],
  run: { duration: 100, timeStep: 0.025, ...run },
  ...more,
});
const cable = (compartments: number) => ({ kind: 'cable', length: '1000 um', diameter: '1 um', compartments });
const points = (far: number, maximumCompartmentLength?: string) => ({
  kind: 'points',
  ...(maximumCompartmentLength ? { maximumCompartmentLength } : {}),
  points: [
    { id: 1, type: 1, x: 0, y: 0, z: 0, radius: 5, parent: -1 },
    { id: 2, type: 3, x: far, y: 0, z: 0, radius: 1, parent: 1 },
  ],
});
const withMorphology = (morphology: unknown, run: Record<string, unknown> = {}) => model({ cells: [{ morphology, mechanisms: hh }] }, run);

/** The only issue of a model refused for its resources (with the default limits unless given). */
function refusal(input: unknown, limits = {}): ModelIssue {
  const result = validateModel(input, { catalogue, limits });
  if (result.ok) throw new Error('expected the model to be refused');
  expect(result.issues, JSON.stringify(result.issues)).toHaveLength(1);
  return result.issues[0];
}

describe('refused before anything is allocated, naming the field, the estimate and the limit', () => {
  test('compartments: 1e9 on a cable', () => {
    const issue = refusal(withMorphology(cable(1e9)));
    expect(issue.path).toBe('cells[0].morphology.compartments');
    expect(issue.value).toBe('1000000000');
    expect(issue.allowed).toMatch(/^at most 1e6 compartments in the model, not 1e9 \(this cable makes 1e9\)/);
    expect(issue.allowed).toContain('--max-compartments');
  });
  test('compartments: a section of 1e9 in a tree names that section', () => {
    const sections = [
      { id: 'soma', length: 20, diameter: 20 },
      { id: 'dend', parent: 'soma', length: 1000, diameter: 1, compartments: 1e9 },
    ];
    expect(refusal(withMorphology({ kind: 'sections', sections })).path).toBe('cells[0].morphology.sections[1].compartments');
  });
  test('compartments: many cells, none too large alone, name the cells', () => {
    const cells = Array.from({ length: 4 }, () => ({ morphology: cable(400_000) }));
    const issue = refusal(model({ cells, recordings: [] }), { compartmentSteps: 1e20 });
    expect(issue.path).toBe('cells');
    expect(issue.allowed).toContain('not 1.6e6');
  });
  test('an SWC point at 1e300 um names the point; a maximum compartment length of 1e-9 um names that', () => {
    const far = refusal(withMorphology(points(1e300)));
    expect(far.path).toBe('cells[0].morphology.points[1]');
    expect(far.allowed).toContain('point 2, 1e300 um from its parent (point 1)');
    expect(far.allowed).toContain('not 5e298');
    const short = refusal(withMorphology(points(100, '1e-9 um')));
    expect(short.path).toBe('cells[0].morphology.maximumCompartmentLength');
    expect(short.value).toBe('"1e-9 um"');
    expect(short.allowed).toContain('not 1e11');
  });
  test('steps: a duration of 1e12 ms names run.duration with the steps it makes', () => {
    const issue = refusal(model({}, { duration: '1e12 ms', recordInterval: '1e6 ms' }));
    expect(issue.path).toBe('run.duration');
    expect(issue.value).toBe('"1e12 ms"');
    expect(issue.allowed).toBe(
      'at most 1e9 time steps: 1e12 ms at timeStep 0.025 ms is 4e13 steps (about 5 minutes per 1e9 steps of one compartment); raise the limit with --max-steps',
    );
  });
  test('steps: a time step of 5e-324 ms names run.timeStep (the duration alone is fine)', () => {
    const issue = refusal(model({}, { timeStep: '5e-324 ms', recordInterval: '1 ms' }));
    expect(issue.path).toBe('run.timeStep');
    expect(issue.allowed).toContain('is infinitely many steps');
  });
  test('compartment-steps: 1e5 compartments for 1e5 steps', () => {
    const issue = refusal(withMorphology(cable(100_000), { duration: '2500 ms', recordInterval: '10 ms' }));
    expect(issue.path).toBe('run.duration');
    expect(issue.allowed).toMatch(/^at most 3e9 compartment-steps: 100000 compartments for 100000 steps \(2500 ms at 0\.025 ms\) is 1e10/);
    expect(issue.allowed).toContain('--max-compartment-steps');
  });
  test('recorded values: every step of 20 traces for 40 s names run.recordInterval', () => {
    const recordings = Array.from({ length: 20 }, () => ({ variable: 'v' }));
    const issue = refusal(model({ recordings }, { duration: '40 s' }));
    expect(issue.path).toBe('run.recordInterval');
    expect(issue.value).toBe('"0.025 ms"');
    expect(issue.allowed).toContain('1.6e6 samples x (20 recording(s) + time) = 3.36e7 values (269 MB)');
    expect(issue.allowed).toContain('--max-recorded-values');
  });
  test('events: a Poisson source of 1e9 Hz, noise every 1e-9 ms, a train of 1e12 pulses', () => {
    const poisson = refusal(
      model({
        synapses: [{ id: 's', kind: 'ampa', location: {} }],
        sources: [{ id: 'p', kind: 'poisson', rate: '1e9 Hz' }],
        connections: [{ source: 'p', target: 's', weight: '1 nS' }],
      }),
    );
    expect(poisson.path).toBe('sources[0].rate');
    expect(poisson.allowed).toContain('about 1e8 spikes');
    const noise = { kind: 'current-clamp', location: {}, waveform: { shape: 'noise', delay: 0, duration: 100, standardDeviation: '0.1 nA', interval: '1e-9 ms' } };
    expect(refusal(model({ stimuli: [noise] })).path).toBe('stimuli[0].waveform.interval');
    const train = { kind: 'current-clamp', location: {}, waveform: { shape: 'train', delay: 0, duration: 1, interval: 2, count: 1e12, amplitude: '0.1 nA' } };
    expect(refusal(model({ stimuli: [train] })).path).toBe('stimuli[0].waveform.count');
  });
  test('memory: beyond --max-memory when every other limit is met', () => {
    const issue = refusal(withMorphology(cable(100_000)), { memoryBytes: 1e6, compartmentSteps: 1e12 });
    expect(issue.path).toBe('cells');
    expect(issue.allowed).toMatch(/^a run that needs at most 1 MB of memory, not about \d+(\.\d+)? MB/);
  });
  test('raised limits accept what the defaults refuse', () => {
    const input = model({}, { duration: '1e12 ms', recordInterval: '1e6 ms' });
    expect(validateModel(input, { catalogue }).ok).toBe(false);
    expect(validateModel(input, { catalogue, limits: { steps: 1e14, compartmentSteps: 1e14 } }).ok).toBe(true);
  });
  test('the adaptive integrator has no step limit (it chooses its steps); its samples are still limited', () => {
    expect(validateModel(model({}, { duration: '1e12 ms', recordInterval: '1e6 ms', integrator: 'adaptive' }), { catalogue }).ok).toBe(true);
    expect(refusal(model({}, { duration: '1e12 ms', integrator: 'adaptive' })).path).toBe('run.recordInterval');
  });
});

describe('the estimate agrees with the engine', () => {
  const examples = new URL('../../examples/', import.meta.url);
  const files = readdirSync(examples).filter((file) => /\.(json|ya?ml)$/.test(file));
  test.each(files)('%s: nodes, compartments and samples as compiled; within the default limits', (file) => {
    const text = readFileSync(new URL(file, examples), 'utf8');
    const input = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    const parsed = parseModel(input, { catalogue });
    const estimate = estimateResources(parsed, { catalogue });
    const compiled = compile(parsed);
    expect(estimate.nodes).toBe(compiled.tree.nodeCount);
    expect(estimate.compartments).toBe(compiled.tree.area.filter((area) => area > 0).length);
    expect(estimate.samples).toBe(createRecorder(compiled).time.length);
    if (estimate.steps !== undefined) expect(Math.round(estimate.steps)).toBe(Math.round(parsed.run.duration / parsed.run.timeStep));
    // Every example needs at most a fifth of every default limit: the limits leave room for real work.
    expect(estimate.compartments).toBeLessThan(DEFAULT_RESOURCE_LIMITS.compartments / 5);
    expect(estimate.steps ?? 0).toBeLessThan(DEFAULT_RESOURCE_LIMITS.steps / 5);
    expect(estimate.compartmentSteps ?? 0).toBeLessThan(DEFAULT_RESOURCE_LIMITS.compartmentSteps / 5);
    expect(estimate.recordedValues).toBeLessThan(DEFAULT_RESOURCE_LIMITS.recordedValues / 5);
    expect(estimate.events).toBeLessThan(DEFAULT_RESOURCE_LIMITS.events / 5);
    expect(estimate.memoryBytes).toBeLessThan(DEFAULT_RESOURCE_LIMITS.memoryBytes / 5);
  });
  test('a points morphology: the compartments the engine makes from the same points', () => {
    const parsed = parseModel(withMorphology(points(95, '10 um')), { catalogue });
    const estimate = estimateResources(parsed, { catalogue });
    // The root is one compartment; 95 um in pieces of at most 10 um is 10 more.
    expect(estimate.compartments).toBe(11);
    expect(estimate.nodes).toBe(compile(parsed).tree.nodeCount);
  });
});

describe('numbers in messages', () => {
  test('count and bytes', () => {
    expect([count(42), count(1e6), count(4e13), count(2.5e9), count(9.996e8), count(Infinity)]).toEqual(['42', '1e6', '4e13', '2.5e9', '1e9', 'infinitely many']);
    expect([bytes(512), bytes(1.6e8), bytes(8e9), bytes(3.2e12), bytes(1e300)]).toEqual(['512 bytes', '160 MB', '8 GB', '3.2 TB', '1e300 bytes']);
  });
});
