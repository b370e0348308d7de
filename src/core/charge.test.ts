import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../units/index.js';
import { chargeSeparation, cylinderGeometry, sphereGeometry } from './charge.js';

describe('geometry', () => {
  it('sphereGeometry(20 um): area π 400 = 1256.6 um2, volume π 8000 / 6 = 4188.8 um3', () => {
    const g = sphereGeometry(20);
    expect(g.area).toBeCloseTo(400 * Math.PI, 10);
    expect(g.volume).toBeCloseTo((8000 * Math.PI) / 6, 10);
  });
  it('cylinderGeometry(1, 100): lateral area π 100 = 314.2 um2 (no end caps), volume π 25 = 78.5 um3', () => {
    const g = cylinderGeometry(1, 100);
    expect(g.area).toBeCloseTo(100 * Math.PI, 10);
    expect(g.volume).toBeCloseTo(25 * Math.PI, 10);
  });
  it('rejects a non-positive or non-finite size, naming it', () => {
    expect(() => sphereGeometry(0)).toThrow(/^diameter:/);
    expect(() => cylinderGeometry(1, NaN)).toThrow(/^length:/);
    expect(() => sphereGeometry(1e200)).toThrow(InputError);
  });
});

describe('chargeSeparation', () => {
  const sphere = sphereGeometry(20);
  it('20 um sphere at -70 mV, 1 uF/cm2: C = 12.57 pF, Q = -8.796e-13 C, 5.490e6 ions', () => {
    // A = 1.2566e-5 cm2 -> C = 12.566 pF; Q = 12.566e-12 F × -0.07 V; ions = |Q| / 1.602e-19 C.
    const r = chargeSeparation({ voltage: -70, area: sphere.area });
    expect(r.totalCapacitance).toBeCloseTo(12.566, 3);
    expect(r.chargeCoulombs / -8.796e-13).toBeCloseTo(1, 3);
    expect(r.ions / 5.490e6).toBeCloseTo(1, 3);
    expect(r.moles).toBeCloseTo(r.ions / 6.02214076e23, 30);
    expect(r.fraction).toBeUndefined();
  });
  it('that charge is 1.55e-5 of the K+ in the sphere at 140 mM (a tiny fraction: Hille ch. 1)', () => {
    // 140 mol/m3 × 4188.8e-18 m3 = 5.864e-13 mol; 9.117e-18 mol / 5.864e-13 mol = 1.555e-5.
    const r = chargeSeparation({ voltage: -70, area: sphere.area, volume: sphere.volume, concentration: 140 });
    expect((r.fraction as number) / 1.5546e-5).toBeCloseTo(1, 3);
  });
  it('scales with capacitance', () => {
    const one = chargeSeparation({ voltage: -70, area: 100 });
    const two = chargeSeparation({ voltage: -70, area: 100, capacitance: 2 });
    expect(two.ions / one.ions).toBeCloseTo(2, 12);
  });
  it('needs volume and concentration together', () => {
    expect(() => chargeSeparation({ voltage: -70, area: 100, volume: 1000 })).toThrow(/^concentration:/);
    expect(() => chargeSeparation({ voltage: -70, area: 100, concentration: 140 })).toThrow(/^volume:/);
  });
  it('property: results are finite and ions = |Q| / e', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e9, noNaN: true }), (v, area) => {
        const r = chargeSeparation({ voltage: v, area });
        expect([r.chargeCoulombs, r.ions, r.moles].every(Number.isFinite)).toBe(true);
        expect(r.ions).toBeCloseTo(Math.abs(r.chargeCoulombs) / 1.602176634e-19, 6);
      }),
    );
  });
});
