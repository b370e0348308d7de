import { describe, expect, test } from 'vitest';
import { InputError } from '../units/errors.js';
import { parseModel, validateModel, type ModelIssue } from './validate.js';
import { formatPath } from './issues.js';

const cell = (morphology: unknown = { kind: 'single', length: 10, diameter: 10 }, more: Record<string, unknown> = {}) => ({
  morphology,
  ...more,
});
const model = (more: Record<string, unknown> = {}) => ({ name: 'm', cells: [cell()], run: { duration: 10 }, ...more });

/** Every issue of an invalid model. */
function issues(input: unknown, options = {}): readonly ModelIssue[] {
  const result = validateModel(input, options);
  if (result.ok) throw new Error('expected the model to be invalid');
  return result.issues;
}

/** The single issue of an invalid model. */
function issue(input: unknown, options = {}): ModelIssue {
  const all = issues(input, options);
  expect(all).toHaveLength(1);
  return all[0];
}

const tree = (sections: unknown[]) => model({ cells: [cell({ kind: 'sections', sections })] });
const sec = (id: string, parent?: string, more: Record<string, unknown> = {}) => ({
  id,
  ...(parent ? { parent } : {}),
  length: 10,
  diameter: 1,
  ...more,
});
const points = (list: unknown[]) => model({ cells: [cell({ kind: 'points', points: list })] });
const pt = (id: number, parent: number, type = 3) => ({ id, type, x: id, y: 0, z: 0, radius: 1, parent });

describe('parseModel errors', () => {
  test('throws InputError with the JSON path as field, the value and what is allowed', () => {
    const input = model({ cells: [cell({ kind: 'single', length: 10, diameter: -1 })] });
    let error: unknown;
    try {
      parseModel(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.field).toBe('cells[0].morphology.diameter');
    expect(inputError.value).toBe('-1');
    expect(inputError.allowed).toBe('a positive length from 0.001 to 1e7 um (1 nm to 10 m): a number in um or text with a unit such as "20 um"');
    expect(inputError.message).toBe('cells[0].morphology.diameter: got -1; expected a positive length from 0.001 to 1e7 um (1 nm to 10 m): a number in um or text with a unit such as "20 um"');
  });
  test('a length or diameter outside the plausible size of a piece of a cell is bad input, quoted as typed', () => {
    for (const diameter of ['1e-320 nm', '1e300 um', '0.0001 um']) {
      const all = issues(model({ cells: [cell({ kind: 'single', length: 10, diameter })] }));
      expect(all).toHaveLength(1);
      expect(all[0].path).toBe('cells[0].morphology.diameter');
      expect(all[0].value).toBe(JSON.stringify(diameter));
      expect(all[0].allowed).toMatch(/from 0\.001 to 1e7 um/);
    }
    expect(() => parseModel(model({ cells: [cell({ kind: 'single', length: 10, diameter: '1 nm' })] }))).not.toThrow();
  });
  test('with several issues, reports the first and counts the others', () => {
    const input = model({ temperature: 300, run: { duration: -1 } });
    expect(() => parseModel(input)).toThrow(/^temperature: got 300; expected .* \(and 1 more problem\)$/);
  });
  test('validateModel lists every issue', () => {
    const all = issues(model({ temperature: 300, run: { duration: -1, integrator: 'rk4' } }));
    expect(all.map((i) => i.path)).toEqual(['temperature', 'run.duration', 'run.integrator']);
  });
  test('not an object at all', () => {
    const i = issue(42);
    expect(i.path).toBe('(root)');
    expect(i.allowed).toMatch(/^an object with keys \$schema, name, description, citation, temperature/);
  });
  test('missing required fields say nothing was given', () => {
    const all = issues({});
    expect(all.map((i) => [i.path, i.value])).toEqual([
      ['name', 'nothing (the field is required)'],
      ['cells', 'nothing (the field is required)'],
      ['run', 'nothing (the field is required)'],
    ]);
    expect(all[1].allowed).toBe('a list of cells (at least one)');
  });
  test('an empty cells list', () => {
    expect(issue(model({ cells: [] }))).toMatchObject({ path: 'cells', allowed: 'a list of cells (at least one)' });
  });
});

describe('zod issues mapped to clear messages', () => {
  test('unknown key: names the key, suggests the close one, lists the allowed keys', () => {
    const i = issue(model({ cells: [cell({ kind: 'single', length: 10, diameter: 10, diamter: 3 })] }));
    expect(i).toEqual({
      path: 'cells[0].morphology.diamter',
      segments: ['cells', 0, 'morphology', 'diamter'],
      value: '3',
      allowed: 'no key "diamter" here (did you mean "diameter"?); the keys allowed are kind, section, length, diameter, area',
    });
  });
  test('unknown key at the top level, without a close match', () => {
    expect(issue(model({ zzzzzz: 1 })).allowed).toBe(
      'no key "zzzzzz" here; the keys allowed are $schema, name, description, citation, temperature, channels, cells, stimuli, recordings, spikes, velocity, synapses, sources, connections, drugs, run',
    );
  });
  test('morphology.kind one of single|cable|sections|points', () => {
    expect(issue(model({ cells: [cell({ kind: 'cylinder' })] }))).toMatchObject({
      path: 'cells[0].morphology.kind',
      value: '"cylinder"',
      allowed: 'one of single|cable|sections|points',
    });
  });
  test('a morphology that is not an object', () => {
    expect(issue(model({ cells: [cell('soma')] }))).toMatchObject({
      path: 'cells[0].morphology',
      allowed: 'an object whose kind is one of single|cable|sections|points',
    });
  });
  test('invalid enum lists the options', () => {
    expect(issue(model({ run: { duration: 10, integrator: 'rk4' } }))).toMatchObject({
      path: 'run.integrator',
      value: '"rk4"',
      allowed: 'one of backward-euler|crank-nicolson|adaptive',
    });
  });
  test('stimulus kind and waveform shape', () => {
    expect(issue(model({ stimuli: [{ kind: 'clamp' }] }))).toMatchObject({ path: 'stimuli[0].kind', allowed: 'one of current-clamp|voltage-clamp' });
    expect(issue(model({ stimuli: [{ kind: 'current-clamp', waveform: { shape: 'square', duration: 1 } }] }))).toMatchObject({
      path: 'stimuli[0].waveform.shape',
      allowed: 'one of step|train|ramp|sine|noise',
    });
  });
  test('channel rate form', () => {
    const i = issue(
      model({ channels: [{ name: 'c', ion: 'k', conductance: 1, gates: [{ name: 'n', alpha: { form: 'linear', rate: 1 }, beta: { form: 'constant', rate: 1 } }] }] }),
    );
    expect(i).toMatchObject({ path: 'channels[0].gates[0].alpha.form', allowed: 'one of exponential|sigmoid|exp-linear|constant' });
  });
  test('unit errors reuse parseQuantity\'s message', () => {
    expect(issue(model({ run: { duration: '10 mV' } }))).toMatchObject({
      path: 'run.duration',
      value: '"10 mV"',
      allowed: 'a time such as "0.025 ms" (accepted units: s, ms, us, ns, min, h; a bare number is taken as ms); "mV" is the unit of a voltage, not a time',
    });
  });
  test('temperature as a bare number is refused: kelvin or degC?', () => {
    expect(issue(model({ temperature: 6.3 }))).toMatchObject({
      path: 'temperature',
      allowed: 'a temperature written with its unit, such as "6.3 degC" or "279.45 K"',
    });
  });
  test('a quantity of the wrong type', () => {
    expect(issue(model({ run: { duration: true } }))).toMatchObject({
      path: 'run.duration',
      value: 'true',
      allowed: 'a positive time: a number in ms or text with a unit such as "0.025 ms"',
    });
  });
  test('paths quote keys that are not identifiers', () => {
    expect(formatPath(['cells', 0, 'mechanisms', 0, 'parameters', 'g.bar'])).toBe('cells[0].mechanisms[0].parameters["g.bar"]');
  });
});

describe('field checks', () => {
  test('lengths and diameters must be > 0', () => {
    expect(issue(model({ cells: [cell({ kind: 'cable', length: 0, diameter: 1, compartments: 1 })] })).path).toBe('cells[0].morphology.length');
    expect(issue(tree([sec('a', undefined, { diameter: undefined, diameterStart: 1, diameterEnd: 0 })])).path).toBe(
      'cells[0].morphology.sections[0].diameterEnd',
    );
  });
  test('compartments a positive integer', () => {
    for (const compartments of [0, 2.5, -3]) {
      expect(issue(model({ cells: [cell({ kind: 'cable', length: 10, diameter: 1, compartments })] }))).toMatchObject({
        path: 'cells[0].morphology.compartments',
        allowed: 'a positive whole number (the number of equal segments, NEURON nseg)',
      });
    }
  });
  test('a single compartment needs length and diameter, or area alone', () => {
    expect(issue(model({ cells: [cell({ kind: 'single', length: 10 })] }))).toMatchObject({ path: 'cells[0].morphology.diameter' });
    expect(issue(model({ cells: [cell({ kind: 'single', length: 10, diameter: 1, area: 100 })] }))).toMatchObject({
      path: 'cells[0].morphology.area',
      allowed: 'either area alone or length and diameter, not both',
    });
  });
  test('a section needs diameter or diameterStart and diameterEnd, not both', () => {
    expect(issue(tree([sec('a', undefined, { diameter: undefined })])).path).toBe('cells[0].morphology.sections[0].diameter');
    expect(issue(tree([sec('a', undefined, { diameter: undefined, diameterStart: 1 })])).path).toBe('cells[0].morphology.sections[0].diameterEnd');
    expect(issue(tree([sec('a', undefined, { diameterStart: 1, diameterEnd: 1 })])).allowed).toMatch(/not both/);
  });
  test('location position in [0, 1]', () => {
    expect(issue(model({ recordings: [{ location: { position: 1.5 } }] }))).toMatchObject({
      path: 'recordings[0].location.position',
      value: '1.5',
      allowed: 'a number from 0 to 1 (position along the section, 0 = start, 1 = end)',
    });
  });
  test('voltage-clamp levels non-empty with positive durations', () => {
    expect(issue(model({ stimuli: [{ kind: 'voltage-clamp', levels: [] }] }))).toMatchObject({
      path: 'stimuli[0].levels',
      allowed: 'a list of at least one level { duration, voltage }',
    });
    expect(issue(model({ stimuli: [{ kind: 'voltage-clamp', levels: [{ duration: 0, voltage: 0 }] }] })).path).toBe('stimuli[0].levels[0].duration');
  });
  test('a waveform may not mix currents and densities; a bare number is nA', () => {
    const i = issue(model({ stimuli: [{ kind: 'current-clamp', waveform: { shape: 'sine', duration: 1, frequency: 10, amplitude: '10 uA/cm2', offset: 0.1 } }] }));
    expect(i).toMatchObject({
      path: 'stimuli[0].waveform.offset',
      value: '0.1',
      allowed: 'a current density such as "10 uA/cm2", like amplitude: one waveform may not mix currents and current densities',
    });
  });
  test('a waveform value that is neither a current nor a density', () => {
    expect(issue(model({ stimuli: [{ kind: 'current-clamp', waveform: { shape: 'step', duration: 1, amplitude: '10 mV' } }] }))).toMatchObject({
      path: 'stimuli[0].waveform.amplitude',
      allowed: 'a current such as "0.1 nA" (a number is nA) or a current density such as "10 uA/cm2"',
    });
  });
  test('channels: gate power a positive integer', () => {
    const gate = { name: 'm', power: 0, alpha: { form: 'constant', rate: 1 }, beta: { form: 'constant', rate: 1 } };
    expect(issue(model({ channels: [{ name: 'c', ion: 'na', conductance: 1, gates: [gate] }] })).path).toBe('channels[0].gates[0].power');
  });
  test('channels: rate gates need alpha and beta; steady-state gates steadyState and timeConstant; not both', () => {
    const c = (gate: Record<string, unknown>) => model({ channels: [{ name: 'c', ion: 'na', conductance: 1, gates: [{ name: 'm', ...gate }] }] });
    const one = { form: 'constant', rate: 1 };
    expect(issue(c({ alpha: one })).path).toBe('channels[0].gates[0].beta');
    expect(issue(c({ steadyState: one })).path).toBe('channels[0].gates[0].timeConstant');
    expect(issue(c({ timeConstant: one })).path).toBe('channels[0].gates[0].steadyState');
    expect(issue(c({})).path).toBe('channels[0].gates[0].alpha');
    expect(issue(c({ alpha: one, beta: one, steadyState: one, timeConstant: one })).allowed).toMatch(/not both/);
  });
  test('channels: nonspecific needs reversal', () => {
    expect(issue(model({ channels: [{ name: 'leak', ion: 'nonspecific', conductance: '0.3 mS/cm2' }] }))).toMatchObject({
      path: 'channels[0].reversal',
      value: 'nothing (the field is required)',
    });
  });
  test('channels: a zero scale is refused (it divides)', () => {
    const gate = { name: 'm', alpha: { form: 'sigmoid', rate: 1, midpoint: 0, scale: 0 }, beta: { form: 'constant', rate: 1 } };
    expect(issue(model({ channels: [{ name: 'c', ion: 'na', conductance: 1, gates: [gate] }] })).path).toBe('channels[0].gates[0].alpha.scale');
  });
  test('ions: nernst needs inside and outside, concentrations > 0', () => {
    const all = issues(model({ cells: [cell(undefined, { ions: [{ ion: 'k', reversal: 'nernst' }] })] }));
    expect(all.map((i) => i.path)).toEqual(['cells[0].ions[0].inside', 'cells[0].ions[0].outside']);
    expect(issue(model({ cells: [cell(undefined, { ions: [{ ion: 'k', inside: 0, outside: 5, reversal: 'nernst' }] })] })).path).toBe(
      'cells[0].ions[0].inside',
    );
  });
  test('ions: the reversal is a voltage or "nernst"', () => {
    expect(issue(model({ cells: [cell(undefined, { ions: [{ ion: 'k', reversal: 'ghk' }] })] })).path).toBe('cells[0].ions[0].reversal');
  });
  test('names: no spaces or dots', () => {
    expect(issue(model({ cells: [cell(undefined, { id: 'my cell' })] })).allowed).toBe('a name for the cell: letters, digits, _ and - (no spaces or dots)');
  });
});

describe('cross-field checks', () => {
  test('unique ids: cells, stimuli, recordings, spikes, channels, sections, points', () => {
    expect(issue(model({ cells: [cell(undefined, { id: 'a' }), cell(undefined, { id: 'a' })] }))).toEqual({
      path: 'cells[1].id',
      segments: ['cells', 1, 'id'],
      value: '"a"',
      allowed: 'a unique id: "a" is already used by entry 0',
    });
    expect(issue(model({ recordings: [{ id: 'x' }, { id: 'x' }] })).path).toBe('recordings[1].id');
    expect(issue(model({ spikes: [{ id: 'x' }, { id: 'x' }] })).path).toBe('spikes[1].id');
    expect(issue(model({ stimuli: [{ id: 's', kind: 'voltage-clamp', levels: [{ duration: 1, voltage: 0 }] }, { id: 's', kind: 'voltage-clamp', levels: [{ duration: 1, voltage: 0 }] }] })).path).toBe(
      'stimuli[1].id',
    );
    expect(issue(model({ channels: [{ name: 'c', ion: 'k', conductance: 1 }, { name: 'c', ion: 'k', conductance: 1 }] })).path).toBe('channels[1].name');
    expect(issue(tree([sec('a'), sec('b', 'a'), sec('b', 'a')])).path).toBe('cells[0].morphology.sections[2].id');
    expect(issue(points([pt(1, -1), pt(2, 1), pt(2, 1)])).path).toBe('cells[0].morphology.points[2].id');
  });
  test('sections: a known parent', () => {
    expect(issue(tree([sec('soma'), sec('dend', 'somma')]))).toEqual({
      path: 'cells[0].morphology.sections[1].parent',
      segments: ['cells', 0, 'morphology', 'sections', 1, 'parent'],
      value: '"somma"',
      allowed: 'the id of a section in this list: soma, dend',
    });
  });
  test('sections: exactly one root', () => {
    expect(issue(tree([sec('a'), sec('b')]))).toMatchObject({
      path: 'cells[0].morphology.sections[1].parent',
      allowed: 'a parent: only one section may be the root, and entry 0 already is',
    });
    expect(issue(tree([sec('a', 'b'), sec('b', 'a')]))).toMatchObject({
      path: 'cells[0].morphology.sections',
      allowed: 'exactly one root section (one without a parent)',
    });
  });
  test('sections: no cycles, not its own parent', () => {
    expect(issue(tree([sec('root'), sec('a', 'c'), sec('b', 'a'), sec('c', 'b')]))).toMatchObject({
      path: 'cells[0].morphology.sections[1].parent',
      allowed: 'a parent that leads back to the root: sections "a" -> "c" -> "b" form a cycle',
    });
    expect(issue(tree([sec('root'), sec('a', 'a')])).allowed).toBe('the id of another section (a section cannot be its own parent)');
  });
  test('points: one root, known parents, no cycles', () => {
    expect(issue(points([pt(1, -1), pt(2, 9)])).path).toBe('cells[0].morphology.points[1].parent');
    expect(issue(points([pt(1, -1), pt(2, -1)])).path).toBe('cells[0].morphology.points[1].parent');
    expect(issue(points([pt(1, -1), pt(2, 3), pt(3, 2)])).allowed).toMatch(/form a cycle/);
  });
  test('location: an existing cell; the cell must be named when there are several', () => {
    expect(issue(model({ recordings: [{ location: { cell: 'nope' } }] }))).toEqual({
      path: 'recordings[0].location.cell',
      segments: ['recordings', 0, 'location', 'cell'],
      value: '"nope"',
      allowed: 'the id of a cell: cell0',
    });
    expect(issue(model({ cells: [cell(), cell()], spikes: [{}] }))).toMatchObject({
      path: 'spikes[0].location.cell',
      allowed: 'the id of a cell (the model has 2: cell0, cell1)',
    });
  });
  test('location: an existing section', () => {
    expect(issue(model({ stimuli: [{ kind: 'current-clamp', location: { section: 'dend' }, waveform: { shape: 'step', duration: 1, amplitude: 1 } }] }))).toMatchObject({
      path: 'stimuli[0].location.section',
      allowed: 'a section of cell cell0: soma',
    });
  });
  test('location: points morphologies take point, sections take section', () => {
    const p = (location: unknown) => model({ cells: [cell({ kind: 'points', points: [pt(1, -1, 1)] })], recordings: [{ location }] });
    expect(issue(p({ point: 4 }))).toMatchObject({ path: 'recordings[0].location.point', allowed: 'an SWC point id of cell cell0' });
    expect(issue(p({ section: 'soma' })).path).toBe('recordings[0].location.section');
    expect(issue(model({ recordings: [{ location: { point: 1 } }] })).path).toBe('recordings[0].location.point');
  });
  test('timeStep > 0 and <= duration', () => {
    expect(issue(model({ run: { duration: 1, timeStep: 0 } })).path).toBe('run.timeStep');
    expect(issue(model({ run: { duration: 1, timeStep: 2 } }))).toMatchObject({ path: 'run.timeStep', allowed: 'a time step no longer than the duration (1 ms)' });
  });
  test('recordInterval a whole multiple >= timeStep', () => {
    expect(parseModel(model({ run: { duration: 10, timeStep: 0.025, recordInterval: 0.05 } })).run.recordInterval).toBe(0.05);
    expect(parseModel(model({ run: { duration: 10, timeStep: 0.025, recordInterval: 0.1 } })).run.recordInterval).toBe(0.1);
    for (const recordInterval of [0.01, 0.03]) {
      expect(issue(model({ run: { duration: 10, timeStep: 0.025, recordInterval } }))).toMatchObject({
        path: 'run.recordInterval',
        allowed: 'a whole multiple of the time step (0.025 ms), such as 0.025 or 0.1 ms',
      });
    }
  });
  test('velocity.from and .to name spike detectors, and differ', () => {
    const spikes = [{ id: 'a' }, { id: 'b' }];
    expect(parseModel(model({ spikes, velocity: { from: 'a', to: 'b' } })).velocity).toEqual({ from: 'a', to: 'b' });
    expect(issue(model({ spikes, velocity: { from: 'a', to: 'c' } }))).toMatchObject({ path: 'velocity.to', allowed: 'the id of a spike detector: a, b' });
    expect(issue(model({ spikes, velocity: { from: 'a', to: 'a' } }))).toMatchObject({ path: 'velocity.to' });
  });
  test('mechanism regions must exist on the cell', () => {
    expect(issue(model({ cells: [cell(undefined, { mechanisms: [{ mechanism: 'hh', regions: ['axon'] }] })] }))).toMatchObject({
      path: 'cells[0].mechanisms[0].regions[0]',
      allowed: 'a region of this cell: soma',
    });
    const swc = model({
      cells: [cell({ kind: 'points', points: [pt(1, -1, 1), pt(2, 1, 2), pt(3, 1, 3), pt(4, 1, 4)] }, { mechanisms: [{ mechanism: 'hh', regions: ['soma', 'axon', 'basal', 'apical'] }] })],
    });
    expect(validateModel(swc).ok).toBe(true);
  });
  test('recording variables: v, i_na, e_k, ca_inside, <placed mechanism>.<name>, <stimulus>.i', () => {
    const ok = model({
      cells: [cell(undefined, { mechanisms: [{ mechanism: 'hh' }] })],
      stimuli: [{ kind: 'current-clamp', id: 'stim', waveform: { shape: 'step', duration: 1, amplitude: 1 } }],
      recordings: ['v', 'i', 'i_na', 'e_k', 'ca_inside', 'na_outside', 'hh.m', 'hh.gna', 'stim.i'].map((variable) => ({ variable })),
    });
    expect(validateModel(ok).ok).toBe(true);
    expect(issue(model({ recordings: [{ variable: 'hh.m' }] }))).toMatchObject({ path: 'recordings[0].variable', value: '"hh.m"' });
    expect(issue(model({ recordings: [{ variable: 'voltage' }] })).allowed).toMatch(/^v, i \(total membrane current\), i_<ion>, e_<ion>/);
    expect(issue(model({ stimuli: [{ kind: 'current-clamp', id: 's', waveform: { shape: 'step', duration: 1, amplitude: 1 } }], recordings: [{ variable: 's.v' }] })).allowed).toBe(
      's.i, the current of stimulus s (nA)',
    );
  });
  test('a recorded mechanism must be placed where the recording is', () => {
    const input = model({
      cells: [cell({ kind: 'sections', sections: [sec('soma'), sec('dend', 'soma')] }, { mechanisms: [{ mechanism: 'hh', regions: ['soma'] }] })],
      recordings: [{ location: { section: 'dend' }, variable: 'hh.m' }],
    });
    expect(issue(input).allowed).toBe('a mechanism placed at this location: hh is on cell cell0 but not in the region dend of this location');
  });
  test('channel states: gate names, g and i', () => {
    const input = (variable: string) =>
      model({
        channels: [{ name: 'kdr', ion: 'k', conductance: 1, gates: [{ name: 'n', alpha: { form: 'constant', rate: 1 }, beta: { form: 'constant', rate: 1 } }] }],
        cells: [cell(undefined, { mechanisms: [{ mechanism: 'kdr', parameters: { conductance: '36 mS/cm2' } }] })],
        recordings: [{ variable }],
      });
    expect(validateModel(input('kdr.n')).ok).toBe(true);
    expect(validateModel(input('kdr.g')).ok).toBe(true);
    expect(issue(input('kdr.m')).allowed).toBe('one of kdr.n|kdr.g|kdr.i (gates, conductance g, current i)');
  });
  test('channel placement parameters: conductance and reversal only, with their units', () => {
    const input = (parameters: Record<string, unknown>) =>
      model({ channels: [{ name: 'leak', ion: 'nonspecific', conductance: 1e-4, reversal: -70 }], cells: [cell(undefined, { mechanisms: [{ mechanism: 'leak', parameters }] })] });
    const parsed = parseModel(input({ conductance: '0.3 mS/cm2', reversal: '-54.3 mV' }));
    expect(parsed.cells[0].mechanisms[0].parameters).toEqual({ conductance: 0.0003, reversal: -54.3 });
    expect(issue(input({ gmax: 1 }))).toMatchObject({ path: 'cells[0].mechanisms[0].parameters.gmax', allowed: 'a parameter of leak: conductance, reversal' });
    expect(issue(input({ reversal: '1 nA' })).path).toBe('cells[0].mechanisms[0].parameters.reversal');
  });
  test('catalogue parameters without a catalogue: text parsed by its unit; unknown units refused', () => {
    const input = (value: unknown) => model({ cells: [cell(undefined, { mechanisms: [{ mechanism: 'pas', parameters: { g: value } }] })] });
    expect(parseModel(input('0.1 mS/cm2')).cells[0].mechanisms[0].parameters.g).toBeCloseTo(1e-4, 15);
    expect(issue(input('3 furlongs')).path).toBe('cells[0].mechanisms[0].parameters.g');
  });
  test('with a catalogue: unknown mechanisms and parameters refused, text parsed as the parameter\'s kind', () => {
    const catalogue = { pas: { g: 'specificConductance', e: 'voltage' } } as const;
    const input = (mechanism: string, parameters: Record<string, unknown>) => model({ cells: [cell(undefined, { mechanisms: [{ mechanism, parameters }] })] });
    expect(parseModel(input('pas', { g: '0.1 mS/cm2', e: '-70 mV' }), { catalogue }).cells[0].mechanisms[0].parameters).toEqual({ g: 1e-4, e: -70 });
    expect(issue(input('hh', {}), { catalogue })).toMatchObject({ path: 'cells[0].mechanisms[0].mechanism', allowed: 'a catalogue mechanism (pas) or a channel of this model' });
    expect(issue(input('pas', { gbar: 1 }), { catalogue })).toMatchObject({ allowed: 'a parameter of pas: g, e' });
    expect(issue(input('pas', { e: '0.1 mS/cm2' }), { catalogue }).allowed).toMatch(/is the unit of a specific conductance \(per area\), not a voltage/);
    // Canonical units, as in the mechanism metadata, work as well as kinds.
    const byUnit = { pas: { g: 'S/cm2', e: 'mV' } };
    expect(parseModel(input('pas', { g: '0.1 mS/cm2', e: '-0.07 V' }), { catalogue: byUnit }).cells[0].mechanisms[0].parameters).toEqual({ g: 1e-4, e: -70 });
    expect(issue(input('pas', { e: '1 S/cm2' }), { catalogue: byUnit }).path).toBe('cells[0].mechanisms[0].parameters.e');
  });
  test('an ion set twice', () => {
    expect(issue(model({ cells: [cell(undefined, { ions: [{ ion: 'k', reversal: -80 }, { ion: 'k', reversal: -90 }] })] })).path).toBe('cells[0].ions[1].ion');
  });
  test('a stimulus id that is a mechanism name is refused (x.i would be ambiguous)', () => {
    const input = model({
      cells: [cell(undefined, { mechanisms: [{ mechanism: 'hh' }] })],
      stimuli: [{ kind: 'current-clamp', id: 'hh', waveform: { shape: 'step', duration: 1, amplitude: 1 } }],
    });
    expect(issue(input).path).toBe('stimuli[0].id');
  });
});
