import { describe, expect, it } from 'vitest';
import { findMechanism } from '../../../src/mechanisms/catalogue.js';
import { parameterSlider } from './parameter-slider.js';

describe('parameterSlider', () => {
  it('takes the default and description from the catalogue and converts units through src/units', () => {
    const imax = parameterSlider('na-k-pump', 'imax', { key: 'imax', label: 'Pump capacity', unit: 'µA/cm²', parseUnit: 'uA/cm2', min: 0.1, max: 20, step: 0.01, log: true });
    const catalogue = findMechanism('na-k-pump')!.parameters.find((p) => p.name === 'imax')!;
    // 0.0015 mA/cm2 in the catalogue is 1.5 uA/cm2 on the slider, and back.
    expect(imax.spec.default).toBeCloseTo(catalogue.defaultValue * 1000, 12);
    expect(imax.toCanonical(imax.spec.default)).toBeCloseTo(catalogue.defaultValue, 15);
    expect(imax.spec.help).toMatch(/maximal pump current density/i);
    expect(imax.spec.help).toMatch(/drug target/);
  });

  it('clips the teaching range to the catalogue range and keeps a chosen default inside it', () => {
    // ghk-leak pk is 0..1e-2 cm/s = 0..1e5 nm/s in the catalogue.
    const pk = parameterSlider('ghk-leak', 'pk', { key: 'pk', label: 'P_K', unit: 'nm/s', parseUnit: 'nm/s', min: 0.01, max: 1e9, step: 0.01, log: true, default: 5 });
    expect(pk.spec.max).toBeCloseTo(1e5, 6);
    expect(pk.spec.min).toBe(0.01);
    expect(pk.toCanonical(5)).toBeCloseTo(5e-7, 18);
    expect(pk.spec.default).toBe(5);
  });

  it('refuses a parameter the catalogue does not have, and a unit of another kind', () => {
    expect(() => parameterSlider('hh', 'nonexistent', { key: 'x', label: 'x', unit: 'S/cm²', parseUnit: 'S/cm2', min: 0, max: 1, step: 0.1 })).toThrow(/no parameter nonexistent/);
    expect(() => parameterSlider('hh', 'gnabar', { key: 'x', label: 'x', unit: 'mV', parseUnit: 'mV', min: 0, max: 1, step: 0.1 })).toThrow();
  });
});
