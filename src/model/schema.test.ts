import { describe, expect, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import { parseModel } from './validate.js';
import { modelSchema } from './model-schema.js';
import type { CableMorphology, CurrentClamp, Model, SectionTreeMorphology, PointsMorphology, RateGate, SteadyStateGate } from './types.js';

/** The smallest valid model: one compartment, a run duration. */
const minimal = () => ({
  name: 'minimal',
  cells: [{ morphology: { kind: 'single', length: 10, diameter: 10 } }],
  run: { duration: 10 },
});

const withCell = (cell: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...minimal(),
  cells: [{ morphology: { kind: 'single', length: 10, diameter: 10 }, ...cell }],
  ...extra,
});

const step = (amplitude: unknown) => ({
  kind: 'current-clamp',
  waveform: { shape: 'step', duration: 1, amplitude },
});

describe('the parsed type', () => {
  test('modelSchema output is exactly Model', () => {
    expectTypeOf<z.output<typeof modelSchema>>().toEqualTypeOf<Model>();
    expectTypeOf(parseModel).returns.toEqualTypeOf<Model>();
  });

  test('modelSchema.parse gives the same model as parseModel', () => {
    expect(modelSchema.parse(minimal())).toEqual(parseModel(minimal()));
  });
});

describe('defaults', () => {
  const model = parseModel(minimal());
  const cell = model.cells[0];

  test('temperature defaults to 6.3 degC = 279.45 K', () => {
    expect(model.temperature).toBe(279.45);
  });
  test('membrane defaults to 1 uF/cm2, 35.4 ohm*cm, -65 mV', () => {
    expect(cell.membrane).toEqual({ capacitance: 1, axialResistivity: 35.4, initialVoltage: -65 });
  });
  test('a partial membrane keeps the other defaults', () => {
    const partial = parseModel(withCell({ membrane: { capacitance: '2 uF/cm2' } }));
    expect(partial.cells[0].membrane).toEqual({ capacitance: 2, axialResistivity: 35.4, initialVoltage: -65 });
  });
  test('ions default to NEURON: na 50 mV, k -77 mV', () => {
    expect(cell.ions).toEqual([
      { ion: 'na', reversal: 50 },
      { ion: 'k', reversal: -77 },
    ]);
  });
  test('an ion given replaces its default and others are appended after na and k', () => {
    const m = parseModel(
      withCell({
        ions: [
          { ion: 'ca', inside: '50 nM', outside: '2 mM', reversal: 'nernst' },
          { ion: 'k', reversal: '-90 mV' },
        ],
      }),
    );
    expect(m.cells[0].ions).toEqual([
      { ion: 'na', reversal: 50 },
      { ion: 'k', reversal: -90 },
      { ion: 'ca', inside: 5e-5, outside: 2, reversal: 'nernst' },
    ]);
  });
  test('run defaults: backward-euler, 0.025 ms, recordInterval = timeStep, exact rates, tolerances 1e-3 and 1e-4', () => {
    expect(model.run).toEqual({
      duration: 10,
      timeStep: 0.025,
      integrator: 'backward-euler',
      absoluteTolerance: 1e-3,
      relativeTolerance: 1e-4,
      recordInterval: 0.025,
      rates: 'exact',
    });
  });
  test('recordInterval defaults to a timeStep that was given', () => {
    expect(parseModel({ ...minimal(), run: { duration: 10, timeStep: '10 us' } }).run.recordInterval).toBe(0.01);
  });
  test('empty lists by default, no velocity, description or citation', () => {
    expect(model.channels).toEqual([]);
    expect(model.stimuli).toEqual([]);
    expect(model.recordings).toEqual([]);
    expect(model.spikes).toEqual([]);
    expect(cell.mechanisms).toEqual([]);
    expect('velocity' in model).toBe(false);
    expect('description' in model).toBe(false);
    expect('citation' in model).toBe(false);
  });
  test('cell id defaults to cell0, cell1', () => {
    const two = parseModel({ ...minimal(), cells: [minimal().cells[0], minimal().cells[0]] });
    expect(two.cells.map((c) => c.id)).toEqual(['cell0', 'cell1']);
  });
  test('single section name defaults to soma', () => {
    expect(cell.morphology).toEqual({ kind: 'single', section: 'soma', length: 10, diameter: 10 });
  });
  test('single compartment from area: L = diam = sqrt(area / pi)', () => {
    const m = parseModel(withCell({ morphology: { kind: 'single', area: '1000 um2' } }));
    expect(m.cells[0].morphology).toEqual({ kind: 'single', section: 'soma', length: Math.sqrt(1000 / Math.PI), diameter: Math.sqrt(1000 / Math.PI) });
  });
  test('cable section defaults to cable, region to the section name', () => {
    const m = parseModel(withCell({ morphology: { kind: 'cable', length: '1 mm', diameter: '1 um', compartments: 10 } }));
    expect(m.cells[0].morphology).toEqual<CableMorphology>({
      kind: 'cable',
      section: 'cable',
      length: 1000,
      diameter: 1,
      compartments: 10,
      region: 'cable',
    });
    const named = parseModel(withCell({ morphology: { kind: 'cable', section: 'axon', length: 100, diameter: 1, compartments: 1 } }));
    expect((named.cells[0].morphology as CableMorphology).region).toBe('axon');
  });
  test('section defaults: parentPosition 1, compartments 1, regions [id]; diameter makes a cylinder', () => {
    const m = parseModel(
      withCell({
        morphology: {
          kind: 'sections',
          sections: [
            { id: 'soma', length: 20, diameter: 20 },
            { id: 'dend', parent: 'soma', length: 100, diameterStart: 2, diameterEnd: 1, regions: ['dendrites'] },
          ],
        },
      }),
    );
    expect((m.cells[0].morphology as SectionTreeMorphology).sections).toEqual([
      { id: 'soma', parentPosition: 1, length: 20, diameterStart: 20, diameterEnd: 20, compartments: 1, regions: ['soma'] },
      { id: 'dend', parent: 'soma', parentPosition: 1, length: 100, diameterStart: 2, diameterEnd: 1, compartments: 1, regions: ['dendrites'] },
    ]);
  });
  test('points: maximumCompartmentLength defaults to 20 um', () => {
    const m = parseModel(
      withCell({
        morphology: {
          kind: 'points',
          points: [
            { id: 1, type: 1, x: 0, y: 0, z: 0, radius: 5, parent: -1 },
            { id: 2, type: 3, x: 50, y: 0, z: 0, radius: 1, parent: 1 },
          ],
        },
      }),
    );
    expect((m.cells[0].morphology as PointsMorphology).maximumCompartmentLength).toBe(20);
  });
  test('location defaults: the only cell, its only section, position 0.5', () => {
    const m = parseModel({ ...minimal(), recordings: [{}] });
    expect(m.recordings[0]).toEqual({ id: 'v0', location: { cell: 'cell0', section: 'soma', position: 0.5 }, variable: 'v' });
  });
  test('location section defaults to the root of a section tree; point to the root point', () => {
    const tree = parseModel(
      withCell(
        { morphology: { kind: 'sections', sections: [{ id: 'a', parent: 'root', length: 1, diameter: 1 }, { id: 'root', length: 1, diameter: 1 }] } },
        { recordings: [{}] },
      ),
    );
    expect(tree.recordings[0].location).toEqual({ cell: 'cell0', section: 'root', position: 0.5 });
    const points = parseModel(
      withCell(
        {
          morphology: {
            kind: 'points',
            points: [
              { id: 7, type: 3, x: 10, y: 0, z: 0, radius: 1, parent: 3 },
              { id: 3, type: 1, x: 0, y: 0, z: 0, radius: 5, parent: -1 },
            ],
          },
        },
        { recordings: [{}, { location: { point: 7 } }] },
      ),
    );
    expect(points.recordings.map((r) => r.location)).toEqual([
      { cell: 'cell0', position: 0.5, point: 3 },
      { cell: 'cell0', position: 0.5, point: 7 },
    ]);
  });
  test('generated ids: iclamp0/vclamp0 for stimuli, <variable><n> for recordings, spike0 for detectors, skipping ids taken', () => {
    const m = parseModel({
      ...minimal(),
      stimuli: [step(0.1), { kind: 'voltage-clamp', levels: [{ duration: 1, voltage: -65 }] }, step(0.2)],
      recordings: [{ id: 'v0' }, {}, {}, { variable: 'iclamp0.i' }],
      spikes: [{}, {}],
    });
    expect(m.stimuli.map((s) => s.id)).toEqual(['iclamp0', 'vclamp0', 'iclamp1']);
    expect(m.recordings.map((r) => r.id)).toEqual(['v0', 'v1', 'v2', 'iclamp0_i0']);
    expect(m.spikes.map((s) => s.id)).toEqual(['spike0', 'spike1']);
  });
  test('spike threshold defaults to 0 mV', () => {
    expect(parseModel({ ...minimal(), spikes: [{}] }).spikes[0].threshold).toBe(0);
  });
  test('waveform defaults: delay 0; sine phase 0 and offset 0; noise mean 0 and seed 1', () => {
    const m = parseModel({
      ...minimal(),
      stimuli: [
        { kind: 'current-clamp', waveform: { shape: 'sine', duration: 10, amplitude: '0.1 nA', frequency: '10 Hz' } },
        { kind: 'current-clamp', waveform: { shape: 'noise', duration: 10, standardDeviation: '10 pA', interval: 1 } },
      ],
    });
    expect((m.stimuli[0] as CurrentClamp).waveform).toEqual({
      shape: 'sine',
      delay: 0,
      duration: 10,
      amplitude: 0.1,
      frequency: 10,
      offset: 0,
      phase: 0,
      perArea: false,
    });
    expect((m.stimuli[1] as CurrentClamp).waveform).toEqual({
      shape: 'noise',
      delay: 0,
      duration: 10,
      mean: 0,
      standardDeviation: 0.01,
      interval: 1,
      seed: 1,
      perArea: false,
    });
  });
  test('mechanism parameters default to none; regions absent means every section', () => {
    const m = parseModel(withCell({ mechanisms: [{ mechanism: 'hh' }] }));
    expect(m.cells[0].mechanisms).toEqual([{ mechanism: 'hh', parameters: {} }]);
  });
  test('channel defaults: gates power 1, q10 1, rateTemperature 6.3 degC', () => {
    const m = parseModel({
      ...minimal(),
      channels: [{ name: 'kdr', ion: 'k', conductance: '36 mS/cm2', gates: [{ name: 'n', alpha: { form: 'constant', rate: 0.1 }, beta: { form: 'constant', rate: 0.1 } }] }],
    });
    expect(m.channels[0]).toEqual({
      name: 'kdr',
      ion: 'k',
      conductance: 0.036,
      gates: [{ name: 'n', power: 1, alpha: { form: 'constant', rate: 0.1 }, beta: { form: 'constant', rate: 0.1 } }],
      rateTemperature: 279.45,
      q10: 1,
    });
  });
});

describe('units', () => {
  test('"120 mS/cm2" -> 0.12 S/cm2 and "6.3 degC" -> 279.45 K', () => {
    const m = parseModel(withCell({ mechanisms: [{ mechanism: 'hh', parameters: { gnabar: '120 mS/cm2' } }] }, { temperature: '6.3 degC' }));
    expect(m.cells[0].mechanisms[0].parameters.gnabar).toBeCloseTo(0.12, 15);
    expect(m.temperature).toBeCloseTo(279.45, 12);
  });
  test('"279.45 K" is kept; "18.5 degC" -> 291.65 K', () => {
    expect(parseModel({ ...minimal(), temperature: '279.45 K' }).temperature).toBe(279.45);
    expect(parseModel({ ...minimal(), temperature: '18.5 degC' }).temperature).toBeCloseTo(291.65, 12);
  });
  test('membrane: "-65 mV", "1 uF/cm2", "35.4 ohm cm" and "0.354 ohm m"', () => {
    const m = parseModel(withCell({ membrane: { initialVoltage: '-0.065 V', capacitance: '0.01 F/m2', axialResistivity: '0.354 ohm m' } }));
    expect(m.cells[0].membrane.initialVoltage).toBeCloseTo(-65, 12);
    expect(m.cells[0].membrane.capacitance).toBeCloseTo(1, 12);
    expect(m.cells[0].membrane.axialResistivity).toBeCloseTo(35.4, 12);
  });
  test('lengths: "1 mm" -> 1000 um, "5 cm" -> 50000 um', () => {
    const m = parseModel(withCell({ morphology: { kind: 'cable', length: '5 cm', diameter: '1 mm', compartments: 1 } }));
    expect((m.cells[0].morphology as CableMorphology).length).toBeCloseTo(50000, 9);
    expect((m.cells[0].morphology as CableMorphology).diameter).toBeCloseTo(1000, 9);
  });
  test('times: "25 us" -> 0.025 ms, "0.25 s" -> 250 ms', () => {
    const m = parseModel({ ...minimal(), run: { duration: '0.25 s', timeStep: '25 us' } });
    expect(m.run.duration).toBe(250);
    expect(m.run.timeStep).toBeCloseTo(0.025, 15);
  });
  test('waveform "0.1 nA" is a current (perArea false), "10 uA/cm2" a density of 0.01 mA/cm2 (perArea true)', () => {
    const m = parseModel({ ...minimal(), stimuli: [step('0.1 nA'), step('10 uA/cm2'), step('100 pA'), step(0.3)] });
    const waves = m.stimuli.map((s) => (s as CurrentClamp).waveform);
    expect(waves.map((w) => w.perArea)).toEqual([false, true, false, false]);
    expect(waves.map((w) => (w.shape === 'step' ? w.amplitude : NaN))).toEqual([0.1, 0.01, 0.1, 0.3]);
  });
  test('a bare 0 fits either kind: a ramp from 0 to "10 uA/cm2" is per area', () => {
    const m = parseModel({ ...minimal(), stimuli: [{ kind: 'current-clamp', waveform: { shape: 'ramp', duration: 5, from: 0, to: '10 uA/cm2' } }] });
    expect((m.stimuli[0] as CurrentClamp).waveform).toEqual({ shape: 'ramp', delay: 0, duration: 5, from: 0, to: 0.01, perArea: true });
  });
  test('voltage clamp: levels in mV and ms, series resistance in MOhm', () => {
    const m = parseModel({
      ...minimal(),
      stimuli: [{ kind: 'voltage-clamp', levels: [{ duration: '5 ms', voltage: '-0.07 V' }, { duration: 2, voltage: 0 }], seriesResistance: '10 MOhm' }],
    });
    expect(m.stimuli[0]).toEqual({
      kind: 'voltage-clamp',
      id: 'vclamp0',
      location: { cell: 'cell0', section: 'soma', position: 0.5 },
      levels: [
        { duration: 5, voltage: -70 },
        { duration: 2, voltage: 0 },
      ],
      seriesResistance: 10,
    });
  });
  test('channel rates: "0.1 /ms" and numbers in 1/ms; midpoints in mV; time constants in ms', () => {
    const m = parseModel({
      ...minimal(),
      channels: [
        {
          name: 'k2',
          ion: 'k',
          conductance: 0.01,
          rateTemperature: '6.3 degC',
          q10: 3,
          gates: [
            { name: 'n', power: 4, alpha: { form: 'exp-linear', rate: '100 Hz', midpoint: '-55 mV', scale: '10 mV' }, beta: { form: 'exponential', rate: '0.125 /ms', midpoint: -65, scale: -80 } },
            { name: 'h', steadyState: { form: 'sigmoid', rate: 1, midpoint: '-40 mV', scale: '-5 mV' }, timeConstant: { form: 'constant', rate: '2 ms' } },
          ],
        },
      ],
    });
    const [n, h] = m.channels[0].gates as [RateGate, SteadyStateGate];
    expect(n.alpha).toEqual({ form: 'exp-linear', rate: 0.1, midpoint: -55, scale: 10 });
    expect(n.beta).toEqual({ form: 'exponential', rate: 0.125, midpoint: -65, scale: -80 });
    expect(h).toEqual({ name: 'h', power: 1, steadyState: { form: 'sigmoid', rate: 1, midpoint: -40, scale: -5 }, timeConstant: { form: 'constant', rate: 2 } });
  });
  test('a citation may be plain text', () => {
    expect(parseModel({ ...minimal(), citation: 'Hodgkin & Huxley 1952' }).citation).toEqual({ source: 'Hodgkin & Huxley 1952' });
  });
  test('$schema is accepted and dropped', () => {
    expect('$schema' in parseModel({ ...minimal(), $schema: '../docs/model.schema.json' })).toBe(false);
  });
});
