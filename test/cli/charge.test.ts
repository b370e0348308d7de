import { describe, expect, it } from 'vitest';
import { CODATA, expectUsageError, membrane, membraneJson } from './run.js';

describe('membrane charge', () => {
  it('charge --voltage -70mV --diameter 20um: Q = C·A·V = 1 uF/cm2 × π(20 um)² × 70 mV = 8.80e-13 C = 5.49e6 ions (rel. 1e-9)', () => {
    const result = membraneJson(['charge', '--voltage', '-70mV', '--diameter', '20um']);
    const areaM2 = Math.PI * (20e-6) ** 2;
    const farads = 1e-2 * areaM2; // 1 uF/cm2 = 1e-2 F/m2
    const q = farads * -0.07;
    const ions = Math.abs(q) / CODATA.e;
    expect(ions).toBeCloseTo(5.49e6, -4);
    expect(Math.abs(result.ions / ions - 1)).toBeLessThan(1e-9);
    expect(Math.abs(result.charge_C / q - 1)).toBeLessThan(1e-9);
    expect(Math.abs(result.area_um2 / (Math.PI * 400) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(result.capacitance_pF - farads * 1e12)).toBeLessThan(1e-9);
    expect(result.geometry).toBe('sphere');
    expect(result.fraction).toBeUndefined();
  });

  it('with --concentration 140mM the fraction is ions / (c·V·N_A) = 1.56e-5 (rel. 1e-9)', () => {
    const result = membraneJson(['charge', '--voltage', '-70mV', '--diameter', '20um', '--concentration', '140mM']);
    const ions = (1e-2 * Math.PI * (20e-6) ** 2 * 0.07) / CODATA.e;
    const volumeM3 = (Math.PI * (20e-6) ** 3) / 6;
    const cellIons = 140 * volumeM3 * CODATA.NA; // mM = mol/m3
    expect(Math.abs(result.fraction / (ions / cellIons) - 1)).toBeLessThan(1e-9);
    expect(result.fraction).toBeCloseTo(1.56e-5, 6);
  });

  it('--length makes a cylinder (lateral area π d L) and --area is used directly, with --capacitance', () => {
    const cylinder = membraneJson(['charge', '-V', '-65mV', '--diameter', '1um', '--length', '100um']);
    expect(cylinder.geometry).toBe('cylinder');
    expect(Math.abs(cylinder.area_um2 - Math.PI * 100)).toBeLessThan(1e-9);
    const direct = membraneJson(['charge', '-V', '-70mV', '--area', '1000um2', '--capacitance', '0.9uF/cm2']);
    expect(Math.abs(direct.ions - (0.9e-2 * 1000e-12 * 0.07) / CODATA.e)).toBeLessThan(1e-3);
  });

  it('text output shows Q = C·A·V with the numbers', () => {
    const result = membrane(['charge', '--voltage', '-70mV', '--diameter', '20um']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Q = C·A·V = 1 uF/cm2 × 1257 um2 × -70 mV = 12.57 pF × -70 mV = -8.796e-13 C');
  });

  describe('bad input', () => {
    it.each([
      [['--voltage', '-70mV', '--diameter', '-20um'], ['--diameter', '-20um']],
      [['--voltage', '-70mV', '--diameter', '0um'], ['--diameter', '0um']],
      [['--voltage', '-70mV', '--diameter', '20mV'], ['--diameter', '20mV']],
      [['--voltage', '-70mM', '--diameter', '20um'], ['--voltage', '-70mM']],
      [['--voltage', 'low', '--diameter', '20um'], ['--voltage', 'low']],
      [['--voltage', '-70mV'], ['--diameter']],
      [['--diameter', '20um'], ['--voltage']],
      [['--voltage', '-70mV', '--diameter', '20um', '--concentration', '-1mM'], ['--concentration', '-1mM']],
      [['--voltage', '-70mV', '--diameter', '20um', '--capacitance', '0uF/cm2'], ['--capacitance', '0uF/cm2']],
      [['--voltage', '-70mV', '--area', '1000um2', '--concentration', '140mM'], ['--concentration', '140mM']],
      [['--voltage', '-70mV', '--diameter', '20um', '--area', '100um2'], ['--area', '100um2']],
      [['--voltage', '-70mV', '--diameter', '20um', '--length', '-1um'], ['--length', '-1um']],
    ])('charge %j', (args, mentions) => {
      expectUsageError(['charge', ...args], mentions);
    });
  });
});
