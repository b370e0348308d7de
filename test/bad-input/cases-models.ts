/**
 * Bad model files (JSON and YAML) for `membrane check` and `membrane run`: unbounded reads (devices, pipes, huge
 * files), resource estimates (compartments, steps, samples, events), what `run` rejects that `check` must reject
 * too, prototype names as keys, units and names, numerically hopeless time steps, voltages beyond any physiology,
 * duplicate keys, byte-order marks, deep nesting, long values. Each row: the commands it runs with, the file and
 * what the one stderr line must name.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { longText, type BadInputCase, type CaseExpectation, type CaseFile } from './catalogue.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A small valid model: one HH compartment, a 1 ms pulse, 5 ms. In mutations, the key `PROTO` is written as
 * `__proto__` in the file's text, and a string `RAW:<text>` is written as the bare `<text>` (a number as typed).
 */
export const BASE_MODEL: Json = {
  name: 'bad-input-base',
  temperature: '6.3 degC',
  cells: [
    {
      id: 'cell',
      morphology: { kind: 'single', length: '20 um', diameter: '20 um' },
      mechanisms: [{ mechanism: 'hh' }],
    },
  ],
  stimuli: [{ kind: 'current-clamp', id: 'iclamp', waveform: { shape: 'step', delay: '1 ms', duration: '1 ms', amplitude: '0.1 nA' } }],
  recordings: [{ id: 'v', variable: 'v' }],
  run: { duration: '5 ms', timeStep: '0.025 ms' },
};

const mutated = (change: (model: Json) => void, base: Json = BASE_MODEL): Json => {
  const model = structuredClone(base);
  change(model);
  return model;
};

/** The model as JSON text. */
export const jsonOf = (change: (model: Json) => void = () => undefined, base?: Json): string =>
  JSON.stringify(mutated(change, base), null, 2)
    .replaceAll('"PROTO"', '"__proto__"')
    .replace(/"RAW:([^"]*)"/g, '$1');

/** The model as YAML text. */
export const yamlOf = (change: (model: Json) => void = () => undefined, base?: Json): string =>
  stringify(mutated(change, base))
    .replace(/\bPROTO\b/g, '__proto__')
    .replace(/["']?RAW:([^"'\s,\]}]*)["']?/g, '$1');

type Command = 'check' | 'run';

/** One row of the table: the same file given to each command. */
function rows(name: string, commands: readonly Command[], file: string, text: CaseFile, expect: Omit<CaseExpectation, 'exit'>): BadInputCase[] {
  return commands.map((command) => ({ name: `${command} ${file}: ${name}`, args: [command, file], files: { [file]: text }, expect: { exit: 2, ...expect } }));
}

/** A mutation of the base model, as JSON (`model.json`) and as YAML (`model.yaml`), checked and run. */
function both(name: string, commands: readonly Command[], change: (model: Json) => void, expect: Omit<CaseExpectation, 'exit'>): BadInputCase[] {
  return [...rows(name, commands, 'model.json', jsonOf(change), expect), ...rows(name, commands, 'model.yaml', yamlOf(change), expect)];
}

const CHECK: readonly Command[] = ['check'];
const CHECK_AND_RUN: readonly Command[] = ['check', 'run'];
const NUMBER_1E9 = /1e9|1e\+9|1000000000/;

const cell = (model: Json): Json => model.cells[0];
const hh = (model: Json): Json => cell(model).mechanisms[0];

/** Nested arrays `depth` deep, as JSON and YAML flow text. */
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** YAML whose aliases expand a 1 MB list to about 800 MB (28 alias uses, well under the alias count limit). */
function aliasBomb(): string {
  const item = longText(1000, 'a');
  const lines = ['name: bomb', `big: &a [${Array.from({ length: 1000 }, () => item).join(', ')}]`];
  lines.push(`ten: &b [${Array.from({ length: 10 }, () => '*a').join(', ')}]`);
  lines.push(`hundred: &c [${Array.from({ length: 10 }, () => '*b').join(', ')}]`);
  lines.push(`description: [${Array.from({ length: 8 }, () => '*c').join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** A model whose run would keep 80 000 samples of 2000 recordings (1.3 GB). */
const manyRecordings = (model: Json): void => {
  cell(model).morphology = { kind: 'cable', length: '1000 um', diameter: '1 um', compartments: 100 };
  model.stimuli = [];
  model.recordings = Array.from({ length: 2000 }, (_, index) => ({ id: `v${index}`, variable: 'v', location: { position: (index % 100) / 99 } }));
  model.run = { duration: '2000 ms', timeStep: '0.025 ms' };
};

const rallpack3 = (): Json => JSON.parse(readFileSync(new URL('../../examples/rallpack3-hh-axon.json', import.meta.url), 'utf8'));

const BOM = '\uFEFF';

export const MODEL_CASES: readonly BadInputCase[] = [
  // Files that are not files, or too big to read.
  { name: 'check /dev/zero: a device is never read', args: ['check', '/dev/zero'], expect: { exit: 2, field: /model/, value: '/dev/zero', allowed: /regular file/ } },
  { name: 'run /dev/zero: a device is never read', args: ['run', '/dev/zero'], expect: { exit: 2, field: /model/, value: '/dev/zero', allowed: /regular file/ } },
  { name: 'check model.json that is a link to /dev/zero', args: ['check', 'model.json'], files: { 'model.json': { kind: 'symlink', target: '/dev/zero' } }, expect: { exit: 2, field: /model/, value: 'model.json', allowed: /regular file/ } },
  { name: 'check model.json that is a named pipe (no writer: must not hang)', args: ['check', 'model.json'], files: { 'model.json': { kind: 'fifo' } }, expect: { exit: 2, field: /model/, value: 'model.json', allowed: /regular file/ } },
  { name: 'run model.yaml that is a named pipe', args: ['run', 'model.yaml'], files: { 'model.yaml': { kind: 'fifo' } }, expect: { exit: 2, field: /model/, value: 'model.yaml', allowed: /regular file/ } },
  { name: 'check /dev/stdin fed by a pipe', args: ['check', '/dev/stdin'], stdin: jsonOf(), expect: { exit: 2, field: /model/, value: '/dev/stdin', allowed: /regular file/ } },
  { name: 'check a folder named model.json', args: ['check', 'model.json'], files: { 'model.json': { kind: 'directory' } }, expect: { exit: 2, field: /model/, value: 'model.json', allowed: /file/ } },
  { name: 'check a 256 MiB model file (cap while reading)', args: ['check', 'model.json'], files: { 'model.json': { kind: 'sparse', bytes: 256 * 1024 * 1024 } }, expect: { exit: 2, field: /model\.json/, allowed: /at most/ } },
  { name: 'check a missing file', args: ['check', 'missing.json'], expect: { exit: 2, field: '<model>', value: 'missing.json', allowed: /model file/ } },
  ...rows('empty file', CHECK, 'model.json', '', { field: 'model.json', allowed: /JSON/ }),
  ...rows('top level is a list', CHECK, 'model.json', '[]', { field: /model\.json/, value: /list|\[\]/, allowed: /object/ }),
  ...rows('top level is null', CHECK, 'model.yaml', 'null\n', { field: /model\.yaml/, value: /null|empty/, allowed: /object|mapping/ }),

  // Resource estimates before allocation (and check refuses what run refuses).
  ...both('1e9 compartments in a cable', CHECK_AND_RUN, (m) => {
    cell(m).morphology = { kind: 'cable', length: '1000 um', diameter: '1 um', compartments: 'RAW:1e9' };
  }, { field: 'cells[0].morphology.compartments', value: NUMBER_1E9, allowed: /at most|limit/ }),
  ...both('1e9 compartments in a section', CHECK, (m) => {
    cell(m).morphology = { kind: 'sections', sections: [{ id: 'soma', length: '20 um', diameter: '20 um', compartments: 'RAW:1e9' }] };
  }, { field: /compartments/, value: NUMBER_1E9, allowed: /at most|limit/ }),
  ...both('a 1e12 ms run', CHECK_AND_RUN, (m) => {
    m.run.duration = '1e12 ms';
  }, { field: /run\.duration|run\.timeStep|steps/, value: /1e12 ms|1e\+12|steps/, allowed: /at most|limit/ }),
  ...both('a time step of 5e-324 ms', CHECK_AND_RUN, (m) => {
    m.run.timeStep = '5e-324 ms';
  }, { field: 'run.timeStep', value: '5e-324 ms' }),
  ...both('a time step of 0', CHECK, (m) => {
    m.run.timeStep = '0 ms';
  }, { field: 'run.timeStep', value: '0 ms', allowed: /> 0|positive/ }),
  ...both('a duration of 1e400 ms', CHECK, (m) => {
    m.run.duration = '1e400 ms';
  }, { field: 'run.duration', value: '1e400 ms', allowed: 'time' }),
  ...both('a duration of NaN', CHECK, (m) => {
    m.run.duration = 'NaN ms';
  }, { field: 'run.duration', value: 'NaN ms', allowed: 'time' }),
  ...both('an SWC point at x = 1e300 um', CHECK_AND_RUN, (m) => {
    cell(m).morphology = {
      kind: 'points',
      points: [
        { id: 1, type: 1, x: 0, y: 0, z: 0, radius: 10, parent: -1 },
        { id: 2, type: 3, x: 'RAW:1e300', y: 0, z: 0, radius: 1, parent: 1 },
      ],
    };
  }, { field: /points\[1\]\.x|compartments/, value: /1e300|1e\+300/ }),
  ...both('a maximum compartment length of 1e-9 um', CHECK_AND_RUN, (m) => {
    cell(m).morphology = {
      kind: 'points',
      maximumCompartmentLength: '1e-9 um',
      points: [
        { id: 1, type: 1, x: 0, y: 0, z: 0, radius: 10, parent: -1 },
        { id: 2, type: 3, x: 100, y: 0, z: 0, radius: 1, parent: 1 },
      ],
    };
  }, { field: /maximumCompartmentLength|compartments/, value: /1e-9 um|1e-9/ }),
  ...rows('2000 recordings of 80 000 samples', CHECK_AND_RUN, 'model.json', jsonOf(manyRecordings), { field: /recordings|recordInterval|run/, allowed: /at most|limit/ }),
  ...both('a Poisson source at 1e12 Hz', CHECK_AND_RUN, (m) => {
    m.synapses = [{ id: 'syn', kind: 'ampa' }];
    m.sources = [{ id: 'drive', kind: 'poisson', rate: '1e12 Hz' }];
    m.connections = [{ source: 'drive', target: 'syn', weight: '1 nS' }];
  }, { field: /sources\[0\]\.rate|connections|events/, value: /1e12 Hz|1e\+12/, allowed: /at most|limit/ }),
  ...both('a pulse train of 1e12 pulses', CHECK, (m) => {
    m.stimuli[0].waveform = { shape: 'train', delay: '1 ms', duration: '1 ms', interval: '2 ms', count: 'RAW:1e12', amplitude: '0.1 nA' };
  }, { field: /waveform\.count/, value: /1e12|1e\+12|1000000000000/ }),
  ...both('noise with a new value every 5e-324 ms', CHECK, (m) => {
    m.stimuli[0].waveform = { shape: 'noise', delay: '0 ms', duration: '5 ms', standardDeviation: '0.1 nA', interval: '5e-324 ms' };
  }, { field: /waveform\.interval/, value: '5e-324 ms' }),
  ...rows('YAML aliases that expand 1 MB to 800 MB', CHECK, 'model.yaml', aliasBomb(), { field: /model\.yaml/, allowed: /alias/i }),

  // What run rejects, check rejects too.
  ...both('an unknown recorded state hh.zzz', CHECK_AND_RUN, (m) => {
    m.recordings = [{ id: 'z', variable: 'hh.zzz' }];
  }, { field: 'recordings[0].variable', value: 'hh.zzz', allowed: /hh\.m|\bm, h, n\b/ }),
  ...both('an initial voltage of 1e6 mV', CHECK_AND_RUN, (m) => {
    cell(m).membrane = { initialVoltage: '1e6 mV' };
  }, { field: 'cells[0].membrane.initialVoltage', value: '1e6 mV', allowed: /mV/ }),
  ...both('a voltage clamp at 1e6 mV', CHECK_AND_RUN, (m) => {
    m.stimuli = [{ kind: 'voltage-clamp', id: 'vc', levels: [{ duration: '2 ms', voltage: '1e6 mV' }] }];
  }, { field: 'stimuli[0].levels[0].voltage', value: '1e6 mV', allowed: /mV/ }),
  ...both('an initial voltage of -1e6 mV', CHECK, (m) => {
    cell(m).membrane = { initialVoltage: '-1e6 mV' };
  }, { field: 'cells[0].membrane.initialVoltage', value: '-1e6 mV', allowed: /mV/ }),

  // Numerically hopeless time steps.
  ...both('HH at dt = 10 ms with Crank-Nicolson', CHECK_AND_RUN, (m) => {
    m.stimuli[0].waveform = { shape: 'step', delay: '0 ms', duration: '100 ms', amplitude: '10 uA/cm2' };
    m.run = { duration: '100 ms', timeStep: '10 ms', integrator: 'crank-nicolson' };
  }, { field: 'run.timeStep', value: '10 ms', allowed: /ms/ }),
  ...both('HH at dt = 10 ms with backward Euler', CHECK_AND_RUN, (m) => {
    m.stimuli[0].waveform = { shape: 'step', delay: '0 ms', duration: '100 ms', amplitude: '10 uA/cm2' };
    m.run = { duration: '100 ms', timeStep: '10 ms', integrator: 'backward-euler' };
  }, { field: 'run.timeStep', value: '10 ms', allowed: /ms/ }),
  ...rows('Rallpack 3 at dt = 1 ms', CHECK_AND_RUN, 'rallpack3.json', jsonOf((m) => {
    m.run = { ...m.run, timeStep: '1 ms', recordInterval: '1 ms' };
  }, rallpack3()), { field: 'run.timeStep', value: '1 ms', allowed: /ms/ }),

  // Prototype names as keys, names and units.
  ...both('"__proto__" as the parameter block', CHECK, (m) => {
    hh(m).parameters = { PROTO: { gnabar: '1 S/cm2' } };
  }, { field: /parameters/, value: /__proto__/, allowed: 'gnabar' }),
  ...both('"__proto__" as a top-level key', CHECK, (m) => {
    m.PROTO = { name: 'other' };
  }, { field: /__proto__/, allowed: /keys allowed|name/ }),
  ...both('"constructor" as a top-level key', CHECK, (m) => {
    m.constructor = 1;
  }, { field: /constructor/, allowed: /keys allowed|name/ }),
  ...both('"constructor" as a parameter name', CHECK, (m) => {
    hh(m).parameters = { constructor: '1 mV' };
  }, { field: /parameters/, value: /constructor/, allowed: 'gnabar' }),
  ...both('"toString" as a parameter name', CHECK, (m) => {
    hh(m).parameters = { toString: '1 mV' };
  }, { field: /parameters/, value: /toString/, allowed: 'gnabar' }),
  ...both('"hasOwnProperty" as a parameter name', CHECK, (m) => {
    hh(m).parameters = { hasOwnProperty: 1 };
  }, { field: /parameters/, value: /hasOwnProperty/, allowed: 'gnabar' }),
  ...both('"constructor" as a unit', CHECK, (m) => {
    hh(m).parameters = { gnabar: '0.12 constructor' };
  }, { field: 'parameters.gnabar', value: '0.12 constructor', allowed: 'S/cm2' }),
  ...both('"toString" as a unit', CHECK, (m) => {
    cell(m).morphology.length = '20 toString';
  }, { field: 'cells[0].morphology.length', value: '20 toString', allowed: 'um' }),
  ...both('"__proto__" as a unit', CHECK, (m) => {
    m.run.duration = '5 __proto__';
  }, { field: 'run.duration', value: '5 __proto__', allowed: 'ms' }),
  ...both('temperature "300 toString"', CHECK, (m) => {
    m.temperature = '300 toString';
  }, { field: 'temperature', value: '300 toString', allowed: /K|degC/ }),
  ...both('mechanism "constructor"', CHECK, (m) => {
    hh(m).mechanism = 'constructor';
  }, { field: 'cells[0].mechanisms[0].mechanism', value: 'constructor', allowed: 'hh' }),
  ...both('mechanism "toString"', CHECK, (m) => {
    hh(m).mechanism = 'toString';
  }, { field: 'cells[0].mechanisms[0].mechanism', value: 'toString', allowed: 'hh' }),
  ...both('mechanism "__proto__"', CHECK, (m) => {
    hh(m).mechanism = '__proto__';
  }, { field: 'cells[0].mechanisms[0].mechanism', value: '__proto__', allowed: 'hh' }),
  ...both('morphology kind "constructor"', CHECK, (m) => {
    cell(m).morphology.kind = 'constructor';
  }, { field: 'cells[0].morphology.kind', value: 'constructor', allowed: 'single' }),
  ...both('ion "__proto__"', CHECK, (m) => {
    cell(m).ions = [{ ion: '__proto__', reversal: '50 mV' }];
  }, { field: 'cells[0].ions[0].ion', value: '__proto__', allowed: 'na' }),
  ...both('ion "constructor"', CHECK, (m) => {
    cell(m).ions = [{ ion: 'constructor', reversal: '50 mV' }];
  }, { field: 'cells[0].ions[0].ion', value: 'constructor', allowed: 'na' }),
  ...both('drug "constructor"', CHECK, (m) => {
    m.drugs = [{ drug: 'constructor', concentration: '10 nM' }];
  }, { field: 'drugs[0].drug', value: 'constructor', allowed: /ttx/i }),
  ...both('drug "toString"', CHECK, (m) => {
    m.drugs = [{ drug: 'toString', concentration: '10 nM' }];
  }, { field: 'drugs[0].drug', value: 'toString', allowed: /ttx/i }),
  ...both('synapse kind "constructor"', CHECK, (m) => {
    m.synapses = [{ id: 'syn', kind: 'constructor' }];
  }, { field: 'synapses[0].kind', value: 'constructor', allowed: 'ampa' }),
  ...both('waveform shape "toString"', CHECK, (m) => {
    m.stimuli[0].waveform.shape = 'toString';
  }, { field: 'stimuli[0].waveform.shape', value: 'toString', allowed: 'step' }),
  ...both('integrator "constructor"', CHECK, (m) => {
    m.run.integrator = 'constructor';
  }, { field: 'run.integrator', value: 'constructor', allowed: 'backward-euler' }),
  ...both('recorded variable "constructor"', CHECK, (m) => {
    m.recordings = [{ id: 'c', variable: 'constructor' }];
  }, { field: 'recordings[0].variable', value: 'constructor', allowed: /v/ }),
  ...both('recorded variable "hh.constructor"', CHECK, (m) => {
    m.recordings = [{ id: 'c', variable: 'hh.constructor' }];
  }, { field: 'recordings[0].variable', value: 'hh.constructor', allowed: /hh\.m|\bm, h, n\b/ }),
  ...both('recorded variable "__proto__.i"', CHECK, (m) => {
    m.recordings = [{ id: 'c', variable: '__proto__.i' }];
  }, { field: 'recordings[0].variable', value: '__proto__.i' }),
  ...both('a channel gate of form "constructor"', CHECK, (m) => {
    m.channels = [{ name: 'kdr', ion: 'k', conductance: '0.036 S/cm2', gates: [{ name: 'n', power: 4, alpha: { form: 'constructor', rate: 0.1 }, beta: { form: 'constant', rate: 0.1 } }] }];
    hh(m).mechanism = 'kdr';
  }, { field: /channels\[0\]\.gates\[0\]\.alpha/, value: /constructor/, allowed: 'exponential' }),

  // Plausible ranges, as in the calculators.
  ...both('a temperature of 1e6 K', CHECK, (m) => {
    m.temperature = '1e6 K';
  }, { field: 'temperature', value: '1e6 K', allowed: /K/ }),
  ...both('a temperature of 0 K', CHECK, (m) => {
    m.temperature = '0 K';
  }, { field: 'temperature', value: '0 K', allowed: /K/ }),

  // Syntax: duplicate keys, byte-order marks, nesting, long values.
  ...rows('a duplicate key in JSON', CHECK, 'model.json', jsonOf().replace('"name": "bad-input-base",', '"name": "one",\n  "name": "two",'), { field: /model\.json:\d+:\d+/, value: /name/, allowed: /duplicate|once|unique/i }),
  ...rows('a duplicate key inside run in JSON', CHECK, 'model.json', jsonOf().replace('"duration": "5 ms",', '"duration": "5 ms",\n    "duration": "1e12 ms",'), { field: /model\.json:\d+:\d+/, value: /duration/, allowed: /duplicate|once|unique/i }),
  ...rows('a duplicate key in YAML', CHECK, 'model.yaml', `name: one\n${yamlOf()}`, { field: /model\.yaml:\d+:\d+/, value: /name/, allowed: /unique|duplicate|once/i }),
  ...rows('a byte-order mark, then a bad duration (JSON)', CHECK, 'model.json', BOM + jsonOf((m) => {
    m.run.duration = '-5 ms';
  }), { field: 'run.duration', value: '-5 ms', allowed: /> 0|positive/ }),
  ...rows('a byte-order mark, then a bad duration (YAML)', CHECK, 'model.yaml', BOM + yamlOf((m) => {
    m.run.duration = '-5 ms';
  }), { field: 'run.duration', value: '-5 ms', allowed: /> 0|positive/ }),
  ...rows('a byte-order mark, then a syntax error on line 3 (JSON)', CHECK, 'model.json', `${BOM}{\n  "name": "x",\n  "cells": [,]\n}\n`, { field: 'model.json:3:', allowed: /JSON/ }),
  ...rows('nesting 100 000 deep (JSON)', CHECK, 'model.json', `{"name": "deep", "description": ${nested(100_000)}}`, { field: /model\.json/, allowed: /nest|deep|depth/i }),
  ...rows('nesting 100 000 deep (YAML)', CHECK, 'model.yaml', `name: deep\ndescription: ${nested(100_000)}\n`, { field: /model\.yaml/, allowed: /nest|deep|depth/i }),
  ...rows('nesting 100 000 objects deep (JSON)', CHECK, 'model.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, { field: /model\.json/, allowed: /nest|deep|depth/i }),
  ...both('a 120 kB temperature is quoted cut', CHECK, (m) => {
    m.temperature = longText(120_000, '1');
  }, { field: 'temperature', value: /(…|\.\.\.)/, maxLineLength: 600 }),
  ...both('a 120 kB unknown key is quoted cut', CHECK, (m) => {
    m[longText(120_000, 'k')] = 1;
  }, { field: /(…|\.\.\.)/, maxLineLength: 600 }),
  ...both('a 120 kB mechanism name is quoted cut', CHECK, (m) => {
    hh(m).mechanism = longText(120_000, 'h');
  }, { field: 'cells[0].mechanisms[0].mechanism', value: /(…|\.\.\.)/, maxLineLength: 600 }),
  ...both('a diameter of 1e-320 nm quoted as typed', CHECK, (m) => {
    cell(m).morphology.diameter = '1e-320 nm';
  }, { field: 'cells[0].morphology.diameter', value: '1e-320 nm', allowed: 'um' }),
  ...rows('a YAML tag !!js/function', CHECK, 'model.yaml', `name: !!js/function "function () { return 1 }"\n${yamlOf().replace(/^name:.*\n/m, '')}`, { field: /model\.yaml:1:/, allowed: /tag/i }),
];
