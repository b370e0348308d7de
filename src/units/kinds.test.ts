import { describe, expect, it } from 'vitest';
import { CANONICAL_UNITS, QUANTITY_EXAMPLES, QUANTITY_KINDS } from './kinds.js';
import { parseQuantity } from './quantity.js';

describe('CANONICAL_UNITS', () => {
  it('are the NEURON-compatible units of DESIGN.md', () => {
    expect(CANONICAL_UNITS).toMatchObject({
      concentration: 'mM', temperature: 'K', voltage: 'mV', time: 'ms', length: 'um', area: 'um2', volume: 'um3',
      specificCapacitance: 'uF/cm2', capacitance: 'pF', current: 'nA', currentDensity: 'mA/cm2', conductance: 'uS',
      specificConductance: 'S/cm2', resistivity: 'ohm*cm', resistance: 'MOhm', frequency: 'Hz', permeability: 'cm/s',
      energy: 'J/mol', dimensionless: '',
    });
    expect(QUANTITY_KINDS).toHaveLength(19);
  });
  it('every example in the error messages parses as its own kind', () => {
    for (const kind of QUANTITY_KINDS) expect(Number.isFinite(parseQuantity(QUANTITY_EXAMPLES[kind], kind, 'x'))).toBe(true);
  });
});
