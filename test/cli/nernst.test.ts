import { describe, expect, it } from 'vitest';
import { expectUsageError, membrane, membraneJson, thermalMillivolts } from './run.js';

describe('membrane nernst', () => {
  it('nernst --ion K --in 140mM --out 5mM --temperature 37degC --json gives E_mV = -89.06 (within 0.001 mV)', () => {
    const result = membraneJson(['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mM', '--temperature', '37degC']);
    const expected = thermalMillivolts(310.15) * Math.log(5 / 140);
    expect(expected).toBeCloseTo(-89.06, 2);
    expect(Math.abs(result.E_mV - expected)).toBeLessThan(1e-3);
    expect(result).toMatchObject({ ion: 'K', valence: 1, inside_mM: 140, outside_mM: 5, temperature_K: 310.15, temperature_degC: 37 });
    expect(result.RT_over_F_mV).toBeCloseTo(26.7268, 3);
  });

  it('accepts other spellings of the units: 0.14 M, "5 mM", 310.15 K, 37C give the same E', () => {
    const a = membraneJson(['nernst', '--ion', 'K', '--in', '0.14 M', '--out', '5 mM', '--temperature', '310.15 K']);
    const b = membraneJson(['nernst', '--ion', 'K', '--in', '140', '--out', '5000uM', '--temperature', '37C']);
    const expected = thermalMillivolts(310.15) * Math.log(5 / 140);
    expect(Math.abs(a.E_mV - expected)).toBeLessThan(1e-6);
    expect(Math.abs(b.E_mV - expected)).toBeLessThan(1e-6);
  });

  it('Ca2+ 100nM in, 2mM out at 37 degC: E = (RT/2F) ln(2/1e-4) = +132.3 mV (within 0.001 mV)', () => {
    const result = membraneJson(['nernst', '--ion', 'Ca', '--in', '100nM', '--out', '2mM']);
    expect(result.valence).toBe(2);
    const expected = (thermalMillivolts(310.15) / 2) * Math.log(2 / 1e-4);
    expect(Math.abs(result.E_mV - expected)).toBeLessThan(1e-3);
  });

  it('Cl- 10 in 110 out at 20 degC: E = -(RT/F) ln(110/10) = -60.6 mV', () => {
    const result = membraneJson(['nernst', '--ion', 'Cl', '--in', '10mM', '--out', '110mM', '--temperature', '20degC']);
    expect(Math.abs(result.E_mV + thermalMillivolts(293.15) * Math.log(110 / 10))).toBeLessThan(1e-3);
  });

  it('--valence defines an ion not in the table: La 3+ with --valence 3', () => {
    const result = membraneJson(['nernst', '--ion', 'La', '--valence', '3', '--in', '1uM', '--out', '1mM']);
    expect(result.valence).toBe(3);
    expect(Math.abs(result.E_mV - (thermalMillivolts(310.15) / 3) * Math.log(1000))).toBeLessThan(1e-3);
  });

  it('--valence overrides the table (K with -z -1 flips the sign)', () => {
    const result = membraneJson(['nernst', '--ion', 'K', '-z', '-1', '--in', '140mM', '--out', '5mM']);
    expect(Math.abs(result.E_mV + thermalMillivolts(310.15) * Math.log(5 / 140))).toBeLessThan(1e-3);
  });

  it('text output shows the formula with the numbers: 26.73 mV × ln(5/140) = -89.06 mV', () => {
    const result = membrane(['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mM', '--temperature', '37degC']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('E_K = (RT/zF) ln(out/in) = 26.73 mV × ln(5/140) = -89.06 mV');
  });

  describe('bad input: exit 2, one stderr line naming the argument and the value, nothing on stdout', () => {
    const base = ['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mM'];
    const withOption = (option: string, value: string) => {
      const args = [...base];
      const index = args.indexOf(option);
      if (index >= 0) args[index + 1] = value;
      else args.push(option, value);
      return args;
    };
    it.each([
      ['--in', '-5mM'],
      ['--in', '0mM'],
      ['--in', '0'],
      ['--in', 'abc'],
      ['--in', '5mV'],
      ['--out', '-1M'],
      ['--out', 'lots'],
      ['--temperature', '0K'],
      ['--temperature', '-300degC'],
      ['--temperature', '-5K'],
      ['--temperature', 'warm'],
      ['--temperature', '37mV'],
      ['--valence', '0'],
      ['--valence', '1.5'],
      ['--valence', 'two'],
    ])('%s %s', (option, value) => {
      expectUsageError(withOption(option, value), [option, value]);
    });

    it('an unknown ion without --valence names --ion and the ion and suggests --valence', () => {
      const line = expectUsageError(withOption('--ion', 'Xq'), ['--ion', 'Xq']);
      expect(line).toContain('--valence');
    });

    it('an unknown option', () => {
      expectUsageError([...base, '--bogus'], ['--bogus']);
    });

    it('a missing value after --in', () => {
      expectUsageError(['nernst', '--ion', 'K', '--out', '5mM', '--in'], ['--in']);
    });

    it('a missing required option --out', () => {
      expectUsageError(['nernst', '--ion', 'K', '--in', '5mM'], ['--out']);
    });

    it('an extra argument', () => {
      expectUsageError([...base, 'extra'], ['nernst']);
    });
  });

  it('--help shows the default temperature and exits 0 on stdout', () => {
    const result = membrane(['nernst', '--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(/--temperature <T>.*default: "37degC"/);
    expect(result.stdout).toContain('E_mV');
  });
});
