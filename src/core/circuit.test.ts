import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../units/index.js';
import { chordPotential, equivalentCircuit } from './circuit.js';

const branches = [
  { name: 'K', conductance: 1e-4, reversal: -90 },
  { name: 'Na', conductance: 1e-5, reversal: 60 },
];

describe('chordPotential', () => {
  it('(1e-4 × -90 + 1e-5 × 60) / 1.1e-4 = -76.36 mV', () => {
    expect(chordPotential(branches)).toBeCloseTo(-840 / 11, 12);
  });
  it('property: lies between the smallest and largest reversal', () => {
    const branch = fc.record({ conductance: fc.double({ min: 0, max: 1, noNaN: true }), reversal: fc.double({ min: -200, max: 200, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(branch, { minLength: 1, maxLength: 6 }).filter((list) => list.some((b) => b.conductance > 0)), (list) => {
        const v = chordPotential(list);
        const active = list.filter((b) => b.conductance > 0).map((b) => b.reversal);
        expect(v).toBeGreaterThanOrEqual(Math.min(...active));
        expect(v).toBeLessThanOrEqual(Math.max(...active));
      }),
    );
  });
  it('throws InputError for an empty list, a negative conductance or all zero conductances', () => {
    expect(() => chordPotential([])).toThrow(InputError);
    expect(() => chordPotential([{ conductance: -1, reversal: 0 }])).toThrow(/^branches\[0\]\.conductance:/);
    expect(() => chordPotential([{ conductance: 0, reversal: 0 }])).toThrow(/^branches:/);
  });
});

describe('equivalentCircuit', () => {
  const circuit = equivalentCircuit({ branches, area: 1000, capacitance: 1 });
  it('1000 um2 with 1.1e-4 S/cm2: G = 1.1 nS = 0.0011 uS, R_in = 909.1 MOhm', () => {
    expect(circuit.totalConductance).toBeCloseTo(0.0011, 15);
    expect(circuit.inputResistance).toBeCloseTo(1e3 / 1.1, 9);
  });
  it('C = 1 uF/cm2 × 1e-5 cm2 = 10 pF; τ = R C = 9.09 ms = c_m / g (1 uF/cm2 / 1.1e-4 S/cm2)', () => {
    expect(circuit.totalCapacitance).toBeCloseTo(10, 12);
    expect(circuit.timeConstant).toBeCloseTo(1e3 / 110, 12);
    // Cross-check τ = R[MOhm] × C[pF] × 1e-3 ms (MOhm × pF = 1e-6 s).
    expect(circuit.timeConstant).toBeCloseTo(circuit.inputResistance * circuit.totalCapacitance * 1e-3, 12);
  });
  it('at rest the branch currents cancel: K+ +0.01364 nA outward, Na+ -0.01364 nA inward', () => {
    expect(circuit.voltage).toBe(circuit.restingPotential);
    expect(circuit.branchCurrents[0]).toMatchObject({ name: 'K' });
    expect(circuit.branchCurrents[0].current).toBeCloseTo(0.15 / 11, 12);
    expect(circuit.branchCurrents[1].current).toBeCloseTo(-0.15 / 11, 12);
    expect(Math.abs(circuit.totalCurrent)).toBeLessThan(1e-15);
  });
  it('at -60 mV: I_K = 1e-4 × 1000 × 30 × 1e-2 = 0.03 nA', () => {
    const at = equivalentCircuit({ branches, area: 1000, capacitance: 1, voltage: -60 });
    expect(at.branchCurrents[0].current).toBeCloseTo(0.03, 14);
    expect(at.totalCurrent).toBeCloseTo(0.03 + 1e-5 * 1000 * -120 * 1e-2, 14);
  });
  it('names the bad parameter', () => {
    expect(() => equivalentCircuit({ branches, area: 0, capacitance: 1 })).toThrow(/^area:/);
    expect(() => equivalentCircuit({ branches, area: 1, capacitance: -1 })).toThrow(/^capacitance:/);
    expect(() => equivalentCircuit({ branches, area: 1, capacitance: 1, voltage: NaN })).toThrow(/^voltage:/);
    expect(() => equivalentCircuit({ branches, area: 1e308, capacitance: 1e308 })).toThrow(InputError);
  });
});
