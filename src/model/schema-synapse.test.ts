import { describe, expect, test } from 'vitest';
import { parseModel, validateModel, type ModelIssue } from './validate.js';
import { SYNAPSE_PRESETS } from './schema-synapse.js';
import type { SynapseDescription } from './types.js';

const model = (more: Record<string, unknown> = {}) => ({
  name: 'm',
  cells: [{ morphology: { kind: 'single', length: 10, diameter: 10 }, mechanisms: [{ mechanism: 'hh' }] }],
  run: { duration: 100 },
  ...more,
});

function issues(input: unknown, options = {}): readonly ModelIssue[] {
  const result = validateModel(input, options);
  if (result.ok) throw new Error('expected the model to be invalid');
  return result.issues;
}

function issue(input: unknown, options = {}): ModelIssue {
  const all = issues(input, options);
  expect(all).toHaveLength(1);
  return all[0];
}

const synapse = (more: Record<string, unknown>): SynapseDescription => parseModel(model({ synapses: [{ id: 's', ...more }] })).synapses?.[0] as SynapseDescription;
const synapseIssue = (more: Record<string, unknown>) => issue(model({ synapses: [{ id: 's', ...more }] }));

describe('part 3 lists default to []', () => {
  test('synapses, sources, connections and drugs are [] when absent', () => {
    const m = parseModel(model());
    expect(m.synapses).toEqual([]);
    expect(m.sources).toEqual([]);
    expect(m.connections).toEqual([]);
    expect(m.drugs).toEqual([]);
  });
});

describe('synapses', () => {
  test('location defaults to the middle of the only section', () => {
    expect(synapse({ kind: 'ampa' }).location).toEqual({ cell: 'cell0', section: 'soma', position: 0.5 });
  });
  test('ampa preset: rise 0.34 ms, decay 5.3 ms, reversal 0 mV, no magnesium', () => {
    expect(synapse({ kind: 'ampa' })).toMatchObject({ kind: 'ampa', rise: 0.34, decay: 5.3, reversal: 0, magnesium: 0 });
  });
  test('nmda preset: rise 0.14 ms, decay 150 ms, reversal 0 mV, magnesium 1 mM', () => {
    expect(synapse({ kind: 'nmda' })).toMatchObject({ rise: 0.14, decay: 150, reversal: 0, magnesium: 1 });
  });
  test('gaba-a preset: rise 0.33 ms, decay 5.6 ms, reversal -80 mV', () => {
    expect(synapse({ kind: 'gaba-a' })).toMatchObject({ rise: 0.33, decay: 5.6, reversal: -80, magnesium: 0 });
  });
  test('gaba-b preset: rise 57 ms, decay 210 ms, reversal -95 mV', () => {
    expect(synapse({ kind: 'gaba-b' })).toMatchObject({ rise: 57, decay: 210, reversal: -95, magnesium: 0 });
  });
  test('the whole synapse, exactly', () => {
    expect(synapse({ kind: 'nmda' })).toEqual({ id: 's', kind: 'nmda', location: { cell: 'cell0', section: 'soma', position: 0.5 }, ...SYNAPSE_PRESETS.nmda });
  });
  test('any field given overrides the preset, with units converted', () => {
    expect(synapse({ kind: 'nmda', rise: '2 ms', decay: '0.1 s', reversal: '5 mV', magnesium: '1200 uM' })).toMatchObject({
      rise: 2,
      decay: 100,
      reversal: 5,
      magnesium: expect.closeTo(1.2, 12),
    });
    expect(synapse({ kind: 'nmda', magnesium: 0 }).magnesium).toBe(0);
    expect(synapse({ kind: 'gaba-a', reversal: '-70 mV' })).toMatchObject({ rise: 0.33, decay: 5.6, reversal: -70 });
  });
  test('exponential: decay required, rise 0, reversal 0 mV, magnesium 0', () => {
    expect(synapse({ kind: 'exponential', decay: '5 ms' })).toMatchObject({ rise: 0, decay: 5, reversal: 0, magnesium: 0 });
    expect(synapse({ kind: 'exponential', decay: 5, rise: 0 }).rise).toBe(0);
    expect(synapseIssue({ kind: 'exponential' })).toEqual({
      path: 'synapses[0].decay',
      segments: ['synapses', 0, 'decay'],
      value: 'nothing (the field is required)',
      allowed: 'a positive time such as "5 ms": a synapse of kind exponential needs decay',
    });
    expect(synapseIssue({ kind: 'exponential', decay: 5, rise: 1 })).toMatchObject({
      path: 'synapses[0].rise',
      value: '1',
      allowed: 'no rise (or 0): an exponential synapse rises at once; use kind dual-exponential for a finite rise',
    });
  });
  test('dual-exponential: rise and decay required, rise < decay, reversal 0 mV, magnesium 0', () => {
    expect(synapse({ kind: 'dual-exponential', rise: '0.5 ms', decay: '5 ms' })).toMatchObject({ rise: 0.5, decay: 5, reversal: 0, magnesium: 0 });
    expect(synapseIssue({ kind: 'dual-exponential', decay: 5 })).toMatchObject({
      path: 'synapses[0].rise',
      value: 'nothing (the field is required)',
      allowed: 'a positive time shorter than decay, such as "0.5 ms": a synapse of kind dual-exponential needs rise',
    });
    expect(synapseIssue({ kind: 'dual-exponential', rise: 1 })).toMatchObject({ path: 'synapses[0].decay' });
    expect(synapseIssue({ kind: 'dual-exponential', rise: 5, decay: 5 })).toMatchObject({
      path: 'synapses[0].rise',
      value: '5',
      allowed: 'a rise time shorter than decay (5 ms)',
    });
    expect(synapseIssue({ kind: 'dual-exponential', rise: 0, decay: 5 })).toMatchObject({
      path: 'synapses[0].rise',
      allowed: 'a positive time shorter than decay (5 ms); for a rise at once use kind exponential',
    });
  });
  test('overrides that put rise at or after decay name the preset', () => {
    expect(synapseIssue({ kind: 'ampa', rise: '6 ms' })).toMatchObject({ path: 'synapses[0].rise', allowed: 'a rise time shorter than decay (5.3 ms, the ampa preset)' });
    expect(synapseIssue({ kind: 'gaba-b', decay: '50 ms' })).toMatchObject({ path: 'synapses[0].decay', value: '50', allowed: 'a decay time longer than rise (57 ms, the gaba-b preset)' });
  });
  test('field checks: id required, kind one of the six, times and magnesium non-negative, reversal a voltage', () => {
    expect(issue(model({ synapses: [{ kind: 'ampa' }] }))).toMatchObject({ path: 'synapses[0].id', value: 'nothing (the field is required)' });
    expect(issue(model({ synapses: [{ id: 's', kind: 'glycine' }] }))).toMatchObject({
      path: 'synapses[0].kind',
      allowed: 'one of exponential|dual-exponential|ampa|nmda|gaba-a|gaba-b',
    });
    expect(synapseIssue({ kind: 'ampa', decay: -1 }).path).toBe('synapses[0].decay');
    expect(synapseIssue({ kind: 'ampa', rise: '-1 ms' }).path).toBe('synapses[0].rise');
    expect(synapseIssue({ kind: 'nmda', magnesium: '-1 mM' }).path).toBe('synapses[0].magnesium');
    expect(synapseIssue({ kind: 'ampa', reversal: '0 mM' }).allowed).toMatch(/not a voltage/);
    expect(synapseIssue({ kind: 'ampa', tau: 1 }).allowed).toMatch(/^no key "tau" here; the keys allowed are id, kind, location, rise, decay, reversal, magnesium$/);
  });
  test('the location is checked like a stimulus location', () => {
    expect(synapseIssue({ kind: 'ampa', location: { section: 'dend' } })).toMatchObject({ path: 'synapses[0].location.section', allowed: 'a section of cell cell0: soma' });
  });
  test('a synapse id that is a mechanism name is refused', () => {
    expect(issue(model({ synapses: [{ id: 'hh', kind: 'ampa' }] }))).toMatchObject({
      path: 'synapses[0].id',
      allowed: 'an id that is not a mechanism name (so that "hh.g" and "hh.i" are unambiguous)',
    });
  });
});

describe('ids shared by stimuli, spike detectors, synapses and sources', () => {
  test('an id used twice across the lists is refused at the later entry', () => {
    const stimulus = { kind: 'voltage-clamp', id: 'x', levels: [{ duration: 1, voltage: 0 }] };
    expect(issue(model({ stimuli: [stimulus], synapses: [{ id: 'x', kind: 'ampa' }] }))).toEqual({
      path: 'synapses[0].id',
      segments: ['synapses', 0, 'id'],
      value: '"x"',
      allowed: 'a unique id: "x" is already used by stimuli[0] (stimuli, spike detectors, synapses and sources share one set of ids)',
    });
    expect(issue(model({ spikes: [{ id: 'x' }], sources: [{ id: 'x', kind: 'train', times: [1] }] })).path).toBe('sources[0].id');
    expect(issue(model({ synapses: [{ id: 'x', kind: 'ampa' }], sources: [{ id: 'x', kind: 'train', times: [1] }] })).path).toBe('sources[0].id');
    expect(issue(model({ stimuli: [stimulus], spikes: [{ id: 'x' }] })).path).toBe('spikes[0].id');
  });
  test('within one list: the usual duplicate message', () => {
    expect(issue(model({ synapses: [{ id: 's', kind: 'ampa' }, { id: 's', kind: 'nmda' }] }))).toMatchObject({
      path: 'synapses[1].id',
      allowed: 'a unique id: "s" is already used by entry 0',
    });
    expect(issue(model({ sources: [{ id: 'p', kind: 'train', times: [] }, { id: 'p', kind: 'train', times: [] }] })).path).toBe('sources[1].id');
  });
  test('generated ids skip ids given in the other lists', () => {
    const m = parseModel(model({ spikes: [{}], synapses: [{ id: 'spike0', kind: 'ampa' }] }));
    expect(m.spikes[0].id).toBe('spike1');
    const v = parseModel(model({ stimuli: [{ kind: 'voltage-clamp', levels: [{ duration: 1, voltage: 0 }] }], sources: [{ id: 'vclamp0', kind: 'train', times: [] }] }));
    expect(v.stimuli[0].id).toBe('vclamp1');
  });
});

describe('sources', () => {
  test('train: times in ms, "5 ms" and numbers; an empty train is allowed', () => {
    const m = parseModel(model({ sources: [{ id: 't', kind: 'train', times: ['5 ms', 10, '0.02 s'] }, { id: 'e', kind: 'train', times: [] }] }));
    expect(m.sources).toEqual([
      { id: 't', kind: 'train', times: [5, 10, 20] },
      { id: 'e', kind: 'train', times: [] },
    ]);
  });
  test('train: times >= 0 and increasing', () => {
    expect(issue(model({ sources: [{ id: 't', kind: 'train', times: [5, 5] }] }))).toEqual({
      path: 'sources[0].times[1]',
      segments: ['sources', 0, 'times', 1],
      value: '5',
      allowed: 'a time after the previous one (5 ms): spike times must increase',
    });
    expect(issue(model({ sources: [{ id: 't', kind: 'train', times: [-1] }] })).path).toBe('sources[0].times[0]');
    expect(issue(model({ sources: [{ id: 't', kind: 'train', times: '5 ms' }] }))).toMatchObject({
      path: 'sources[0].times',
      allowed: 'a list of spike times, each >= 0, increasing (numbers in ms or text such as "5 ms")',
    });
  });
  test('poisson: "20 Hz" -> 20 Hz; start 0, stop the run duration, seed 1 by default', () => {
    expect(parseModel(model({ sources: [{ id: 'p', kind: 'poisson', rate: '20 Hz' }] })).sources).toEqual([{ id: 'p', kind: 'poisson', rate: 20, start: 0, stop: 100, seed: 1 }]);
    expect(parseModel(model({ sources: [{ id: 'p', kind: 'poisson', rate: '0.05 kHz', start: '10 ms', stop: '0.05 s', seed: 7 }] })).sources?.[0]).toEqual({
      id: 'p',
      kind: 'poisson',
      rate: 50,
      start: 10,
      stop: 50,
      seed: 7,
    });
  });
  test('poisson: stop after start', () => {
    expect(issue(model({ sources: [{ id: 'p', kind: 'poisson', rate: 5, start: 20, stop: 10 }] }))).toMatchObject({ path: 'sources[0].stop', allowed: 'a time after start (20 ms)' });
    expect(issue(model({ sources: [{ id: 'p', kind: 'poisson', rate: 5, start: 100 }] }))).toMatchObject({
      path: 'sources[0].start',
      allowed: 'a time before stop (default the run duration, 100 ms)',
    });
  });
  test('poisson field checks: rate a non-negative frequency, seed a whole number >= 0', () => {
    expect(issue(model({ sources: [{ id: 'p', kind: 'poisson', rate: '-1 Hz' }] })).path).toBe('sources[0].rate');
    expect(issue(model({ sources: [{ id: 'p', kind: 'poisson', rate: '5 ms' }] })).allowed).toMatch(/not a frequency/);
    expect(issue(model({ sources: [{ id: 'p', kind: 'poisson', rate: 5, seed: 1.5 }] })).path).toBe('sources[0].seed');
    expect(issue(model({ sources: [{ id: 'p', kind: 'poisson' }] })).path).toBe('sources[0].rate');
  });
  test('kind one of train|poisson', () => {
    expect(issue(model({ sources: [{ id: 'p', kind: 'regular' }] }))).toMatchObject({ path: 'sources[0].kind', allowed: 'one of train|poisson' });
  });
});

describe('connections', () => {
  const base = (connection: Record<string, unknown>) =>
    model({
      synapses: [{ id: 'syn', kind: 'ampa' }],
      sources: [{ id: 'src', kind: 'train', times: [1] }],
      spikes: [{ id: 'det' }],
      connections: [connection],
    });
  test('"2 nS" -> 0.002 uS; delay defaults to 0', () => {
    const m = parseModel(base({ source: 'src', target: 'syn', weight: '2 nS' }));
    expect(m.connections).toEqual([{ source: 'src', target: 'syn', weight: expect.closeTo(0.002, 15), delay: 0 }]);
  });
  test('from a spike detector, with a delay "1 ms"; a bare weight is uS', () => {
    expect(parseModel(base({ source: 'det', target: 'syn', weight: 0.01, delay: '1 ms' })).connections).toEqual([{ source: 'det', target: 'syn', weight: 0.01, delay: 1 }]);
  });
  test('source must name a spike source or a spike detector', () => {
    expect(issue(base({ source: 'syn', target: 'syn', weight: 1 }))).toEqual({
      path: 'connections[0].source',
      segments: ['connections', 0, 'source'],
      value: '"syn"',
      allowed: 'the id of a spike source or a spike detector: src, det',
    });
    expect(issue(model({ synapses: [{ id: 'syn', kind: 'ampa' }], connections: [{ source: 'a', target: 'syn', weight: 1 }] })).allowed).toBe(
      'the id of a spike source or a spike detector (there are none: add sources or spikes)',
    );
  });
  test('target must name a synapse', () => {
    expect(issue(base({ source: 'src', target: 'src', weight: 1 }))).toMatchObject({ path: 'connections[0].target', value: '"src"', allowed: 'the id of a synapse: syn' });
    expect(issue(model({ sources: [{ id: 'src', kind: 'train', times: [] }], connections: [{ source: 'src', target: 'x', weight: 1 }] })).allowed).toBe(
      'the id of a synapse (there are none: add synapses)',
    );
  });
  test('weight a non-negative conductance, delay >= 0', () => {
    expect(issue(base({ source: 'src', target: 'syn', weight: '2 nA' }))).toMatchObject({ path: 'connections[0].weight' });
    expect(issue(base({ source: 'src', target: 'syn', weight: -1 })).allowed).toBe('a non-negative conductance: a number in uS or text with a unit such as "0.01 uS"');
    expect(issue(base({ source: 'src', target: 'syn', weight: 1, delay: '-1 ms' })).path).toBe('connections[0].delay');
    expect(issue(base({ source: 'src', target: 'syn' })).path).toBe('connections[0].weight');
  });
});

describe('drugs', () => {
  test('"10 nM" -> 1e-5 mM; names as written without a catalogue', () => {
    const m = parseModel(model({ drugs: [{ drug: 'TTX', concentration: '10 nM' }, { drug: 'my-toxin', concentration: 1 }] }));
    expect(m.drugs).toEqual([
      { drug: 'TTX', concentration: expect.closeTo(1e-5, 18) },
      { drug: 'my-toxin', concentration: 1 },
    ]);
  });
  test('concentration > 0; a drug name is non-empty text', () => {
    expect(issue(model({ drugs: [{ drug: 'TTX', concentration: 0 }] }))).toMatchObject({ path: 'drugs[0].concentration' });
    expect(issue(model({ drugs: [{ drug: '  ', concentration: 1 }] }))).toMatchObject({ path: 'drugs[0].drug', allowed: 'text: the name of a drug or toxin, such as "TTX"' });
    expect(issue(model({ drugs: [{ concentration: 1 }] })).path).toBe('drugs[0].drug');
  });
  test('with ParseOptions.drugs: matched without regard to case, spelled as the catalogue spells it', () => {
    const options = { drugs: ['TTX', 'TEA', '4-AP'] };
    expect(parseModel(model({ drugs: [{ drug: 'ttx', concentration: '1 uM' }, { drug: '4-ap', concentration: '1 mM' }] }), options).drugs?.map((d) => d.drug)).toEqual(['TTX', '4-AP']);
  });
  test('with ParseOptions.drugs: an unknown drug is refused, listing the known ones', () => {
    expect(issue(model({ drugs: [{ drug: 'cocaine', concentration: 1 }] }), { drugs: ['TTX', 'TEA'] })).toEqual({
      path: 'drugs[0].drug',
      segments: ['drugs', 0, 'drug'],
      value: '"cocaine"',
      allowed: 'a known drug (case does not matter): TTX, TEA',
    });
  });
  test('each drug once (case does not matter)', () => {
    expect(issue(model({ drugs: [{ drug: 'TTX', concentration: 1 }, { drug: 'ttx', concentration: 2 }] }), { drugs: ['TTX'] })).toMatchObject({
      path: 'drugs[1].drug',
      allowed: 'each drug once: TTX is already applied by drugs[0]',
    });
    expect(issue(model({ drugs: [{ drug: 'TTX', concentration: 1 }, { drug: 'ttx', concentration: 2 }] })).path).toBe('drugs[1].drug');
  });
});

describe('recording variables of part 3', () => {
  test('<ion>_inside, _outside, _moved, volume, <synapse>.g, <synapse>.i and <mechanism>.i are accepted', () => {
    const variables = ['na_inside', 'k_outside', 'cl_moved', 'ca_moved', 'volume', 'syn.g', 'syn.i', 'hh.i'];
    const m = parseModel(model({ synapses: [{ id: 'syn', kind: 'ampa' }], recordings: variables.map((variable) => ({ variable })) }));
    expect(m.recordings.map((r) => r.id)).toEqual(['na_inside0', 'k_outside0', 'cl_moved0', 'ca_moved0', 'volume0', 'syn_g0', 'syn_i0', 'hh_i0']);
  });
  test('a synapse has only g and i', () => {
    expect(issue(model({ synapses: [{ id: 'syn', kind: 'ampa' }], recordings: [{ variable: 'syn.v' }] }))).toMatchObject({
      path: 'recordings[0].variable',
      allowed: 'syn.g (conductance, uS) or syn.i (current, nA) of synapse syn',
    });
  });
  test('unknown names list every form, with the synapses', () => {
    expect(issue(model({ synapses: [{ id: 'syn', kind: 'ampa' }], recordings: [{ variable: 'mg_moved' }] })).allowed).toBe(
      'v, i (total membrane current), i_<ion>, e_<ion>, <ion>_inside, <ion>_outside or <ion>_moved (ion one of na|k|cl|ca), volume, ' +
        '<mechanism>.<state, conductance or i> for a mechanism placed there (hh), <stimulus id>.i, or <synapse id>.g or .i (syn)',
    );
  });
  test('<mechanism>.i needs the mechanism placed there', () => {
    expect(issue(model({ recordings: [{ variable: 'pas.i' }] })).path).toBe('recordings[0].variable');
  });
});
