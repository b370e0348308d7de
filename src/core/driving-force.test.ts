import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../units/index.js';
import { drivingForce, ionFlow } from './driving-force.js';
import { nernstPotential } from './nernst.js';

describe('drivingForce', () => {
  it('drivingForce(-70, -90) = 20 mV', () => {
    expect(drivingForce(-70, -90)).toBe(20);
  });
  it('rejects a non-finite voltage or reversal, naming it', () => {
    expect(() => drivingForce(NaN, 0)).toThrow(/^voltage:/);
    expect(() => drivingForce(0, Infinity)).toThrow(/^reversal:/);
  });
});

describe('ionFlow', () => {
  const neuron = { temperature: 310.15, voltage: -70 };
  it('Na+ (12 in / 145 out) at -70 mV: E = +66.6 mV, moves into the cell, inward current', () => {
    const flow = ionFlow({ ...neuron, valence: 1, inside: 12, outside: 145 });
    expect(Math.abs(flow.reversal - 66.6)).toBeLessThan(0.05);
    expect(flow.drivingForce).toBeCloseTo(-70 - flow.reversal, 12);
    expect(flow.ionDirection).toBe('into the cell');
    expect(flow.currentDirection).toBe('inward');
  });
  it('K+ (140 in / 5 out) at -70 mV: out of the cell, outward current', () => {
    const flow = ionFlow({ ...neuron, valence: 1, inside: 140, outside: 5 });
    expect(flow.ionDirection).toBe('out of the cell');
    expect(flow.currentDirection).toBe('outward');
  });
  it('Cl- (5 in / 110 out, E = -82.6 mV) at -70 mV: an anion moving into the cell is an outward current', () => {
    const flow = ionFlow({ ...neuron, valence: -1, inside: 5, outside: 110 });
    expect(flow.ionDirection).toBe('into the cell');
    expect(flow.currentDirection).toBe('outward');
  });
  it('Cl- at -90 mV (below E_Cl): leaves the cell, inward current', () => {
    const flow = ionFlow({ temperature: 310.15, voltage: -90, valence: -1, inside: 5, outside: 110 });
    expect(flow.ionDirection).toBe('out of the cell');
    expect(flow.currentDirection).toBe('inward');
  });
  it('at the Nernst potential there is no net flow', () => {
    const input = { valence: 2, inside: 1e-4, outside: 2, temperature: 310.15 };
    const flow = ionFlow({ ...input, voltage: nernstPotential(input) });
    expect(flow).toMatchObject({ ionDirection: 'none', currentDirection: 'none' });
  });
  it('property: an ion and current direction always agree with valence and driving force', () => {
    const c = fc.double({ min: -4, max: 3, noNaN: true }).map((e) => 10 ** e);
    fc.assert(
      fc.property(fc.constantFrom(-2, -1, 1, 2), c, c, fc.double({ min: -200, max: 200, noNaN: true }), (z, a, b, v) => {
        const flow = ionFlow({ valence: z, inside: a, outside: b, voltage: v, temperature: 300 });
        expect(Number.isFinite(flow.drivingForce)).toBe(true);
        if (flow.currentDirection === 'none') return;
        expect(flow.currentDirection === 'outward').toBe(flow.drivingForce > 0);
        expect(flow.ionDirection === 'out of the cell').toBe((flow.drivingForce > 0) === (z > 0));
      }),
    );
  });
  it('names the bad parameter', () => {
    expect(() => ionFlow({ valence: 1, inside: 0, outside: 5, voltage: 0, temperature: 300 })).toThrow(InputError);
    expect(() => ionFlow({ valence: 1, inside: 1, outside: 5, voltage: NaN, temperature: 300 })).toThrow(/^voltage:/);
  });
});
