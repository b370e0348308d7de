import { describe, expect, it } from 'vitest';
import { membraneField } from './field.js';

describe('membraneField', () => {
  it('-70 mV across 7.5 nm: -9.33e6 V/m = -93.3 kV/cm, no warning', () => {
    const f = membraneField({ voltage: -70 });
    expect(f.voltsPerMetre / -9.3333e6).toBeCloseTo(1, 4);
    expect(f.kilovoltsPerCentimetre).toBeCloseTo(-93.333, 2);
    expect(f.breakdownWarning).toBeUndefined();
  });
  it('100 mV across 5 nm (0.005 um): 2e7 V/m', () => {
    expect(membraneField({ voltage: 100, thickness: 0.005 }).voltsPerMetre).toBeCloseTo(2e7, 4);
  });
  it('warns above 200 mV (electroporation) but not at 200 mV', () => {
    expect(membraneField({ voltage: -250 }).breakdownWarning).toMatch(/electroporat/);
    expect(membraneField({ voltage: 200 }).breakdownWarning).toBeUndefined();
  });
  it('rejects a non-positive thickness and a non-finite voltage, naming them', () => {
    expect(() => membraneField({ voltage: -70, thickness: 0 })).toThrow(/^thickness:/);
    expect(() => membraneField({ voltage: NaN })).toThrow(/^voltage:/);
    expect(() => membraneField({ voltage: 1e7, thickness: 1e-310 })).toThrow(/^thickness:/);
  });
});
