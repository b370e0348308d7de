// The command as a whole: help, version, unknown commands and options, defaults shown, JSON on every calculator.
import { describe, expect, it } from 'vitest';
import { expectUsageError, membrane, membraneJson } from './run.js';

const COMMANDS = ['nernst', 'ghk', 'drive', 'energy', 'charge', 'circuit', 'field', 'pump', 'q10', 'presets'];

describe('membrane (program)', () => {
  it('--help lists every command on stdout and exits 0', () => {
    const result = membrane(['--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    for (const name of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
  });

  it('--version prints the package version on stdout and exits 0', () => {
    const result = membrane(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('help <command> works like <command> --help', () => {
    const result = membrane(['help', 'charge']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--capacitance');
  });

  it('an unknown subcommand: exit 2, one line naming it and the commands allowed', () => {
    const line = expectUsageError(['nernts'], ['nernts']);
    expect(line).toContain('nernst');
  });

  it('an unknown option at the top: exit 2, one line', () => {
    expectUsageError(['--frobnicate'], ['--frobnicate']);
  });

  it('no command: help on stderr, exit 2, nothing on stdout', () => {
    const result = membrane([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: membrane');
  });

  const DEFAULTS: [string, string[]][] = [
    ['nernst', ['--temperature <T>', 'default: "37degC"']],
    ['ghk', ['default: "37degC"']],
    ['drive', ['default: "37degC"']],
    ['energy', ['default: "-70mV"', 'default: "-50kJ/mol"', 'default: "in"', 'default: "12mM"', 'default: "145mM"', 'default: "140mM"', 'default: "5mM"']],
    ['charge', ['default: "1uF/cm2"']],
    ['circuit', ['default: "1uF/cm2"', 'default: "37degC"']],
    ['field', ['default: "7.5nm"']],
    ['pump', ['default: "1.5"', 'default: "37degC"']],
    ['q10', ['default: "3"', 'default: "37degC"', 'default: "6.3degC"']],
    ['presets', ['--json']],
  ];
  it.each(DEFAULTS)('%s --help shows its defaults on stdout and exits 0', (name, defaults) => {
    const result = membrane([name, '--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const help = result.stdout.replace(/\s+/g, ' ');
    for (const text of defaults) expect(help).toContain(text);
    expect(help).toContain('JSON keys');
  });

  const JSON_RUNS: string[][] = [
    ['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mM'],
    ['ghk', '--preset', 'squid-giant-axon'],
    ['ghk', '--preset', 'mammalian-neuron', '--ion', 'K:p=1', '--ion', 'Ca:p=0.01'],
    ['drive', '-V', '-70mV', '--preset', 'mammalian-skeletal-muscle'],
    ['energy', '--ion', 'Ca', '--in', '100nM', '--out', '2mM'],
    ['energy', '--pump'],
    ['charge', '-V', '-70mV', '--diameter', '20um', '--concentration', '140mM'],
    ['circuit', '--branch', 'leak:g=0.3mS/cm2,E=-65mV', '--diameter', '10um', '--length', '100um'],
    ['field', '-V', '-70mV'],
    ['pump', '--preset', 'squid-giant-axon'],
    ['q10', '--temperature', '20degC'],
    ['presets'],
    ['presets', 'cardiac-ventricular-myocyte'],
  ];
  it.each(JSON_RUNS)('%s ... --json prints exactly one JSON object, no NaN, null or Infinity', (...args) => {
    membraneJson(args);
  });

  it('extreme but valid inputs still give finite numbers', () => {
    membraneJson(['nernst', '--ion', 'Ca', '--in', '1e-12mM', '--out', '1000M', '--temperature', '1K']);
    membraneJson(['ghk', '--ion', 'K:in=1e-9mM,out=1000M,p=1e-30', '--ion', 'Na:in=1000M,out=1e-9mM,p=1e30']);
    membraneJson(['charge', '-V', '-1e6mV', '--area', '1e20um2']);
  });
});
