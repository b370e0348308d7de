// `membrane check` and `membrane run` share one validation: every model `run` refuses for its content, `check`
// refuses with the same line (exit 2), and the resource limits refuse a few hundred bytes that ask for terabytes
// before anything is allocated (each case well within a few seconds, far from the half-minute crash it was).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectUsageError, membrane, membraneJson } from './run.js';
import { neuromlDocument, passiveNeuromlCell } from '../../src/io/test-models.js';

const folder = mkdtempSync(join(tmpdir(), 'membrane-limits-'));
const base = JSON.parse(readFileSync(new URL('../../examples/hh-squid-compartment.json', import.meta.url), 'utf8')) as Record<string, any>;
delete base.$schema;

function modelFile(name: string, change: (model: Record<string, any>) => void): string {
  const model = structuredClone(base);
  change(model);
  const path = join(folder, `${name}.json`);
  writeFileSync(path, JSON.stringify(model, null, 2));
  return path;
}

const onCable = (compartments: number) => (model: Record<string, any>) => {
  model.cells[0].morphology = { kind: 'cable', section: 'soma', length: '1000 um', diameter: '1 um', compartments };
};
const onPoints = (far: number, maximumCompartmentLength = '20 um') => (model: Record<string, any>) => {
  model.cells[0].morphology = {
    kind: 'points',
    maximumCompartmentLength,
    points: [
      { id: 1, type: 1, x: 0, y: 0, z: 0, radius: 5, parent: -1 },
      { id: 2, type: 3, x: far, y: 0, z: 0, radius: 1, parent: 1 },
    ],
  };
  model.stimuli[0].location = { point: 1 };
};

const NEUROML = (size: string) =>
  neuromlDocument(`${passiveNeuromlCell()}
  <network id="net" temperature="6.3 degC">
    <property tag="recommended_dt_ms" value="0.025"/><property tag="recommended_duration_ms" value="10"/>
    <population id="pop" component="c1" size="${size}"/>
  </network>`);

function textFile(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** Models refused for their content, and what the one stderr line must name. */
const REFUSED: readonly [string, () => string, readonly string[]][] = [
  ['a cable of 1e9 compartments', () => modelFile('compartments', onCable(1e9)), ['cells[0].morphology.compartments', 'got 1000000000', 'at most 1e6 compartments', '--max-compartments']],
  ['a run of 1e12 ms', () => modelFile('duration', (m) => (m.run.duration = '1e12 ms')), ['run.duration: got "1e12 ms"', 'is 4e13 steps', 'at most 1e9 time steps', '--max-steps']],
  ['a time step of 5e-324 ms', () => modelFile('time-step', (m) => (m.run.timeStep = '5e-324 ms')), ['run.timeStep: got "5e-324 ms"', 'infinitely many steps', '--max-steps']],
  ['an SWC point at 1e300 um', () => modelFile('far-point', onPoints(1e300)), ['cells[0].morphology.points[1]', 'not 5e298', '--max-compartments']],
  ['a maximum compartment length of 1e-9 um', () => modelFile('short-pieces', onPoints(100, '1e-9 um')), ['cells[0].morphology.maximumCompartmentLength: got "1e-9 um"', 'not 1e11']],
  ['every step of 100 traces for 10 s', () => modelFile('recorded', (m) => {
    m.run.duration = '10 s';
    m.recordings = Array.from({ length: 100 }, (_, i) => ({ id: `v${i}`, variable: 'v' }));
  }), ['run.recordInterval', 'at most 2e7 recorded values', '--max-recorded-values']],
  ['an unknown recorded state', () => modelFile('state', (m) => m.recordings.push({ id: 'z', variable: 'hh.zz' })), ['recordings[4].variable', 'hh.zz']],
  ['an initial voltage of 1e6 mV', () => modelFile('voltage', (m) => (m.cells[0].membrane.initialVoltage = '1e6 mV')), ['cells[0].membrane.initialVoltage']],
  ['a time step of 10 ms for HH kinetics', () => modelFile('long-step', (m) => (m.run.timeStep = '10 ms')), ['run.timeStep', '--force-time-step']],
  ['the adaptive integrator on a cable', () => modelFile('adaptive', (m) => {
    onCable(10)(m);
    m.run.integrator = 'adaptive';
  }), ['run.integrator', 'adaptive']],
  ['a NeuroML population of 1e9 cells', () => textFile('population.nml', NEUROML('1000000000')), ['size', 'at most 1000000 cells', '--max-compartments']],
  ['a JSON key given twice', () => textFile('duplicate.json', '{"name": "a", "name": "b"}'), ['duplicate.json:1:15: name', 'each key once']],
  ['JSON nested 100 000 deep', () => textFile('deep.json', '['.repeat(100_000) + ']'.repeat(100_000)), ['deep.json:1:65', 'nested at most 64 deep']],
];

describe('check and run refuse the same models with the same line', () => {
  test.each(REFUSED)('%s', (_, make, mentions) => {
    const path = make();
    const started = performance.now();
    const checked = expectUsageError(['check', path], mentions);
    const ran = expectUsageError(['run', path], mentions);
    // Refused before anything is allocated: well within the few seconds a bad input may take (it was 30 s and a crash).
    expect((performance.now() - started) / 1000).toBeLessThan(10);
    expect(checked.replace(/^membrane check: /, '')).toBe(ran.replace(/^membrane run: /, ''));
    expect(checked).not.toContain('internal error');
  });
});

describe('limit options', () => {
  test('--max-steps and --max-compartment-steps raise the limits for check as for run', () => {
    const path = modelFile('long', (m) => {
      m.run.duration = '1e10 ms';
      m.run.recordInterval = '1e6 ms';
      m.stimuli[0].waveform.duration = '1 ms';
    });
    expectUsageError(['check', path], ['run.duration', '--max-steps']);
    const checked = membraneJson(['check', path, '--max-steps', '1e12', '--max-compartment-steps', '1e12']);
    expect(checked.steps).toBe(4e11);
    expect(checked.samples).toBe(10_001);
  });
  test('--max-memory takes gigabytes; a limit that is not a positive number is refused naming the option', () => {
    const path = modelFile('small', () => undefined);
    expectUsageError(['check', path, '--max-memory', '0.000001'], ['of memory', 'at most 1 kB', '--max-memory']);
    expectUsageError(['run', path, '--max-steps', '-5'], ['--max-steps: got "-5"', 'a positive number']);
    expectUsageError(['check', path, '--max-events', 'lots'], ['--max-events: got "lots"']);
    expect(membrane(['check', path, '--max-memory', '16']).status).toBe(0);
  });
});
