/**
 * `membrane run` and `membrane check` on the example models and on bad model files, through the built command.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError, membrane, membraneJson } from './run.js';

const examples = readdirSync('examples').filter((name) => /\.(json|ya?ml)$/.test(name));
const scratch = mkdtempSync(join(tmpdir(), 'membrane-cli-'));

describe('membrane check', () => {
  it.each(examples)('check examples/%s: valid', (name) => {
    const result = membraneJson(['check', `examples/${name}`]);
    expect(result.valid).toBe(true);
    expect(result.compartments).toBeGreaterThan(0);
  });
});

describe('membrane run', () => {
  it.each(examples)('run examples/%s --json: one summary object with spikes_ms', (name) => {
    const result = membraneJson(['run', `examples/${name}`]);
    expect(typeof result.spikes_ms).toBe('object');
    expect(result.steps).toBeGreaterThan(0);
  });

  it('the HH squid compartment fires 7 spikes in 100 ms at 10 uA/cm2, the first near 1.9 ms (NEURON: 1.8975 ms)', () => {
    const result = membraneJson(['run', 'examples/hh-squid-compartment.json']);
    const [times] = Object.values(result.spikes_ms) as number[][];
    expect(times.length).toBe(7);
    expect(Math.abs(times[0] - 1.8975)).toBeLessThan(0.05);
  });

  it('the HH 1952 axon reports velocity_m_per_s within 1 % of 18.7 m/s', () => {
    const result = membraneJson(['run', 'examples/hh1952-propagating-axon.json']);
    expect(Math.abs(result.velocity_m_per_s - 18.7) / 18.7).toBeLessThan(0.01);
  });

  it('--out traces.csv writes a CSV with units in the header and one row per sample', () => {
    const out = join(scratch, 'traces.csv');
    const result = membraneJson(['run', 'examples/hh-squid-compartment.json', '--out', out]);
    expect(result.out).toBe(out);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^t_ms,.*_mV/);
    expect(lines.length).toBe(1 + 100 / 0.025 + 1);
    const firstRow = lines[1].split(',').map(Number);
    expect(firstRow[0]).toBe(0);
    expect(firstRow[1]).toBeCloseTo(-65, 6);
  });

  it('--out with another extension is refused (exit 2) and writes nothing', () => {
    const out = join(scratch, 'traces.txt');
    expectUsageError(['run', 'examples/hh-squid-compartment.json', '--out', out], ['--out', 'traces.txt', '.csv']);
    expect(existsSync(out)).toBe(false);
  });
});

describe('bad model files: one line naming the JSON path, the value and what is allowed; exit 2', () => {
  const write = (name: string, text: string) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };
  const model = JSON.parse(readFileSync('examples/hh-squid-compartment.json', 'utf8'));

  it('a negative diameter names cells[0].morphology.diameter', () => {
    const bad = structuredClone(model);
    bad.cells[0].morphology.diameter = '-3 um';
    const path = write('negative.json', JSON.stringify(bad));
    expectUsageError(['check', path], ['cells[0].morphology.diameter', '-3 um']);
    expectUsageError(['run', path, '--json'], ['cells[0].morphology.diameter']);
  });

  it('an unknown mechanism parameter names it and lists the allowed ones', () => {
    const bad = structuredClone(model);
    bad.cells[0].mechanisms[0].parameters = { gnabarr: '120 mS/cm2' };
    expectUsageError(['check', write('parameter.json', JSON.stringify(bad))], ['gnabarr', 'gnabar']);
  });

  it('a voltage given as a concentration names the field and the kind', () => {
    const bad = structuredClone(model);
    bad.cells[0].membrane.initialVoltage = '5 mM';
    expectUsageError(['check', write('kind.json', JSON.stringify(bad))], ['initialVoltage', '5 mM']);
  });

  it('a JSON syntax error names the file, line and column', () => {
    expectUsageError(['check', write('syntax.json', '{ "name": "x", }')], ['syntax.json']);
  });

  it('a missing file names <model> and the path', () => {
    expectUsageError(['run', join(scratch, 'missing.json')], ['<model>', 'missing.json']);
  });

  it('a failed run leaves no half-written output file', () => {
    const bad = structuredClone(model);
    bad.cells[0].morphology.diameter = 0;
    const out = join(scratch, 'never.csv');
    expectUsageError(['run', write('zero.json', JSON.stringify(bad)), '--out', out], ['diameter']);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a numerically unstable run stops and says why', () => {
  it('a huge current: exit 3, one line naming the time, the place and a smaller time step', () => {
    const bad = JSON.parse(readFileSync('examples/hh-squid-compartment.json', 'utf8'));
    bad.stimuli[0].waveform.amplitude = '1e12 nA';
    const path = join(scratch, 'unstable.json');
    writeFileSync(path, JSON.stringify(bad));
    const result = membrane(['run', path, '--json']);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBe(1);
    expect(lines[0]).toMatch(/t = [\d.]+ ms/);
    expect(lines[0]).toMatch(/soma/);
    expect(lines[0]).toMatch(/smaller time step/);
  });
});
