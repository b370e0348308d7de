import { describe, expect, test } from 'vitest';
import { parseModel, validateModel, type ModelIssue } from './validate.js';
import { DEFAULT_ION_CONCENTRATIONS } from './schema-concentrations.js';
import type { CellDescription } from './types.js';

const single = { kind: 'single', length: 10, diameter: 10 };
const tree = {
  kind: 'sections',
  sections: [
    { id: 'soma', length: 20, diameter: 20 },
    { id: 'node', parent: 'soma', length: 1, diameter: 1, regions: ['nodes'] },
    { id: 'internode', parent: 'node', length: 100, diameter: 1, regions: ['myelin'] },
  ],
};
const model = (cell: Record<string, unknown>, morphology: unknown = single) => ({ name: 'm', cells: [{ morphology, ...cell }], run: { duration: 10 } });
const cellOf = (cell: Record<string, unknown>, morphology: unknown = single): CellDescription => parseModel(model(cell, morphology)).cells[0];

function issue(input: unknown): ModelIssue {
  const result = validateModel(input);
  if (result.ok) throw new Error('expected the model to be invalid');
  expect(result.issues).toHaveLength(1);
  return result.issues[0];
}

describe('regionMembrane', () => {
  test('defaults to [] (always present in the model)', () => {
    expect(cellOf({}).regionMembrane).toEqual([]);
  });
  test('"0.005 uF/cm2" -> 0.005 uF/cm2 and "70 ohm cm" -> 70 ohm*cm; only the fields given are present', () => {
    const cell = cellOf({ regionMembrane: [{ regions: ['myelin'], capacitance: '0.005 uF/cm2' }, { regions: ['nodes', 'soma'], axialResistivity: '0.7 ohm m' }] }, tree);
    expect(cell.regionMembrane).toEqual([{ regions: ['myelin'], capacitance: 0.005 }, { regions: ['nodes', 'soma'], axialResistivity: expect.closeTo(70, 12) }]);
    expect('axialResistivity' in (cell.regionMembrane?.[0] ?? {})).toBe(false);
  });
  test('regions must exist on the cell (same check as mechanism placement)', () => {
    expect(issue(model({ regionMembrane: [{ regions: ['soma', 'myelin'], capacitance: 0.5 }] }))).toMatchObject({
      path: 'cells[0].regionMembrane[0].regions[1]',
      value: '"myelin"',
      allowed: 'a region of this cell: soma',
    });
  });
  test('an entry must set capacitance or axialResistivity', () => {
    expect(issue(model({ regionMembrane: [{ regions: ['soma'] }] }))).toMatchObject({
      path: 'cells[0].regionMembrane[0]',
      allowed: 'an entry that sets capacitance, axialResistivity or both (one with neither changes nothing)',
    });
  });
  test('field checks: at least one region, positive values, strict keys', () => {
    expect(issue(model({ regionMembrane: [{ regions: [], capacitance: 1 }] }))).toMatchObject({ path: 'cells[0].regionMembrane[0].regions', allowed: 'a list of at least one region name' });
    expect(issue(model({ regionMembrane: [{ regions: ['soma'], capacitance: 0 }] }))).toMatchObject({
      path: 'cells[0].regionMembrane[0].capacitance',
      allowed: 'a positive specific capacitance (per area): a number in uF/cm2 or text with a unit such as "1 uF/cm2"',
    });
    expect(issue(model({ regionMembrane: [{ regions: ['soma'], capacitance: '1 mV' }] })).path).toBe('cells[0].regionMembrane[0].capacitance');
    expect(issue(model({ regionMembrane: [{ regions: ['soma'], Ra: 70 }] })).path).toBe('cells[0].regionMembrane[0].Ra');
  });
});

describe('concentrations', () => {
  test('absent: no concentrations key, ions as before', () => {
    const cell = cellOf({});
    expect('concentrations' in cell).toBe(false);
  });
  test('DEFAULT_ION_CONCENTRATIONS: na 10/140, k 54.4/2.5, cl 10/110, ca 5e-5/2 mM', () => {
    expect(DEFAULT_ION_CONCENTRATIONS).toEqual({
      na: { inside: 10, outside: 140 },
      k: { inside: 54.4, outside: 2.5 },
      cl: { inside: 10, outside: 110 },
      ca: { inside: 5e-5, outside: 2 },
    });
  });
  test('a dynamic ion without an ions entry gets reversal nernst and the default concentrations', () => {
    const cell = cellOf({ concentrations: { dynamic: ['na', 'k', 'cl', 'ca'] } });
    expect(cell.concentrations).toEqual({ dynamic: ['na', 'k', 'cl', 'ca'] });
    expect(cell.ions).toEqual([
      { ion: 'na', inside: 10, outside: 140, reversal: 'nernst' },
      { ion: 'k', inside: 54.4, outside: 2.5, reversal: 'nernst' },
      { ion: 'cl', inside: 10, outside: 110, reversal: 'nernst' },
      { ion: 'ca', inside: 5e-5, outside: 2, reversal: 'nernst' },
    ]);
  });
  test('an ion that is not dynamic keeps its default (k -77 mV) when only na is dynamic', () => {
    expect(cellOf({ concentrations: { dynamic: ['na'] } }).ions).toEqual([
      { ion: 'na', inside: 10, outside: 140, reversal: 'nernst' },
      { ion: 'k', reversal: -77 },
    ]);
  });
  test('a dynamic ion given with reversal nernst keeps its concentrations', () => {
    const cell = cellOf({ ions: [{ ion: 'k', inside: '140 mM', outside: '5 mM', reversal: 'nernst' }], concentrations: { dynamic: ['k'] } });
    expect(cell.ions[1]).toEqual({ ion: 'k', inside: 140, outside: 5, reversal: 'nernst' });
  });
  test('a dynamic ion with a fixed reversal is an error at its ions entry', () => {
    expect(issue(model({ ions: [{ ion: 'ca', reversal: '120 mV' }], concentrations: { dynamic: ['ca'] } }))).toEqual({
      path: 'cells[0].ions[0].reversal',
      segments: ['cells', 0, 'ions', 0, 'reversal'],
      value: '120',
      allowed: '"nernst" with inside and outside concentrations: ca is in concentrations.dynamic, so its reversal potential follows its concentrations',
    });
  });
  test('a dynamic ion with nernst needs inside and outside > 0 (the ion checks)', () => {
    expect(issue(model({ ions: [{ ion: 'na', inside: 0, outside: 140, reversal: 'nernst' }], concentrations: { dynamic: ['na'] } })).path).toBe('cells[0].ions[0].inside');
    expect(issue(model({ ions: [{ ion: 'na', outside: 140, reversal: 'nernst' }], concentrations: { dynamic: ['na'] } })).path).toBe('cells[0].ions[0].inside');
  });
  test('dynamic: known ions, each once, at least one', () => {
    expect(issue(model({ concentrations: { dynamic: ['na', 'na'] } }))).toMatchObject({
      path: 'cells[0].concentrations.dynamic[1]',
      allowed: 'each ion once: na is already listed at dynamic[0]',
    });
    expect(issue(model({ concentrations: { dynamic: ['mg'] } }))).toMatchObject({ path: 'cells[0].concentrations.dynamic[0]', allowed: 'one of na|k|cl|ca' });
    expect(issue(model({ concentrations: { dynamic: [] } }))).toMatchObject({ path: 'cells[0].concentrations.dynamic', allowed: 'a list of at least one ion name (na|k|cl|ca)' });
    expect(issue(model({ concentrations: {} })).path).toBe('cells[0].concentrations.dynamic');
  });
  test('outsideSpace: "30 nm" -> 0.03 um, "100 ms" bath time constant', () => {
    const cell = cellOf({ concentrations: { dynamic: ['k'], outsideSpace: { thickness: '30 nm', bathTimeConstant: '100 ms' } } });
    expect(cell.concentrations?.outsideSpace?.thickness).toBeCloseTo(0.03, 15);
    expect(cell.concentrations?.outsideSpace?.bathTimeConstant).toBe(100);
  });
  test('outsideSpace without bathTimeConstant is a closed space: the time constant stays absent (no exchange with the bath)', () => {
    const cell = cellOf({ concentrations: { dynamic: ['k'], outsideSpace: { thickness: 0.03 } } });
    expect(cell.concentrations?.outsideSpace).toEqual({ thickness: 0.03 });
  });
  test('outsideSpace field checks: thickness required, positive length; time constant positive', () => {
    expect(issue(model({ concentrations: { dynamic: ['k'], outsideSpace: {} } })).path).toBe('cells[0].concentrations.outsideSpace.thickness');
    expect(issue(model({ concentrations: { dynamic: ['k'], outsideSpace: { thickness: '30 mM' } } })).allowed).toMatch(/"mM" is the unit of a concentration, not a length/);
    expect(issue(model({ concentrations: { dynamic: ['k'], outsideSpace: { thickness: 0.03, bathTimeConstant: 0 } } })).path).toBe(
      'cells[0].concentrations.outsideSpace.bathTimeConstant',
    );
  });
  test('impermeantAnions: "100 mM" and a negative whole valence', () => {
    expect(cellOf({ concentrations: { dynamic: ['cl'], impermeantAnions: { concentration: '0.1 M', valence: -1 } } }).concentrations?.impermeantAnions).toEqual({
      concentration: 100,
      valence: -1,
    });
    for (const valence of [1, 0, -1.5, '-1']) {
      expect(issue(model({ concentrations: { dynamic: ['cl'], impermeantAnions: { concentration: 100, valence } } }))).toMatchObject({
        path: 'cells[0].concentrations.impermeantAnions.valence',
        allowed: 'a negative whole number: the charge of one impermeant anion, such as -1',
      });
    }
    expect(issue(model({ concentrations: { dynamic: ['cl'], impermeantAnions: { concentration: 0, valence: -1 } } })).path).toBe(
      'cells[0].concentrations.impermeantAnions.concentration',
    );
  });
  test('waterPermeability: "0.001 cm/s" -> 0.001 cm/s, "10 um/s" -> 0.001 cm/s', () => {
    expect(cellOf({ concentrations: { dynamic: ['na'], waterPermeability: '0.001 cm/s' } }).concentrations?.waterPermeability).toBe(0.001);
    expect(cellOf({ concentrations: { dynamic: ['na'], waterPermeability: '10 um/s' } }).concentrations?.waterPermeability).toBeCloseTo(0.001, 15);
  });
  test('waterPermeability only for single-compartment morphologies (kind single)', () => {
    expect(issue(model({ concentrations: { dynamic: ['na'], waterPermeability: 0.001 } }, tree))).toEqual({
      path: 'cells[0].concentrations.waterPermeability',
      segments: ['cells', 0, 'concentrations', 'waterPermeability'],
      value: '0.001',
      allowed:
        'no waterPermeability: the volume follows water flux only in single-compartment cells (morphology kind single), and this morphology is sections',
    });
    expect(issue(model({ concentrations: { dynamic: ['na'], waterPermeability: -1 } })).path).toBe('cells[0].concentrations.waterPermeability');
  });
  test('unknown keys are refused with a suggestion', () => {
    expect(issue(model({ concentrations: { dynamic: ['na'], outsideSpace: { thickness: 1, bathTimeConstnat: 5 } } })).allowed).toMatch(/did you mean "bathTimeConstant"/);
  });
});
