/**
 * Issue 9, items 4 and 7, through the built command: every bad input below exits 2 with one stderr line, nothing on
 * stdout and no stack trace (expectUsageError), and the line quotes the value as typed, cut to about 80 characters,
 * names only options that were given, and states the range where a range is at fault.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUsageError } from './run.js';

const scratch = mkdtempSync(join(tmpdir(), 'membrane-messages-'));
const LONG = 120_000;
/** The longest line a bad input may give: the fixed text of the longest message (~500) plus two 80-character quotes. */
const MAXIMUM_LINE = 1200;

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('long arguments are quoted cut, never echoed whole', () => {
  it(`a ${LONG}-character --in gives one short line with the first characters and "…"`, () => {
    const line = expectUsageError(['nernst', '--ion', 'K', '--in', '1'.repeat(LONG), '--out', '5mM'], ['--in', `"${'1'.repeat(20)}`, '…"']);
    expect(line.length).toBeLessThan(MAXIMUM_LINE);
  });

  it('a long unknown unit is cut in the value and in the note', () => {
    const line = expectUsageError(['nernst', '--ion', 'K', '--in', `1 ${'x'.repeat(LONG)}`, '--out', '5mM'], ['--in', 'is not a known unit']);
    expect(line.length).toBeLessThan(MAXIMUM_LINE);
  });

  it('a long --ion spec, unknown command and unknown option are cut too', () => {
    for (const args of [
      ['ghk', '--ion', `K:in=140mM,out=5mM,p=${'9'.repeat(LONG)}x`],
      ['ghk', '--ion', `${'K'.repeat(LONG)}:in=1,out=2,p=1`],
      ['x'.repeat(LONG)],
      ['nernst', '--ion', 'K', '--in', '1', '--out', '1', `--${'x'.repeat(LONG)}`],
    ]) {
      const line = expectUsageError(args, ['…']);
      expect(line.length, args[0]).toBeLessThan(MAXIMUM_LINE);
    }
  });
});

describe('long arguments are refused in bounded time (no regular expression with quadratic backtracking)', () => {
  // Each took 27 s (ion), over 30 s (p=) or about a minute per 3 kB (NeuroML attribute) before; 5 s leaves room for a busy machine.
  const timed = (args: readonly string[], mentions: readonly string[]): number => {
    const start = performance.now();
    expectUsageError(args, mentions);
    return performance.now() - start;
  };

  it(`--ion "K" + ${LONG} "+" signs + "x", and p= with ${LONG} digits then "x", each under 5 s`, () => {
    expect(timed(['nernst', '--ion', `K${'+'.repeat(LONG)}x`, '--in', '1', '--out', '2'], ['--ion'])).toBeLessThan(5000);
    expect(timed(['ghk', '--ion', `K:in=1,out=2,p=${'9'.repeat(LONG)}x`], ['--ion'])).toBeLessThan(5000);
  });
});

describe('the value as typed, not as converted', () => {
  it('charge --diameter 1e-320nm quotes "1e-320nm" (the core sees 1e-323 um)', () => {
    const line = expectUsageError(['charge', '--voltage', '-70mV', '--diameter', '1e-320nm'], ['--diameter: got "1e-320nm"']);
    expect(line).not.toContain('1e-323');
  });

  it('charge --area 1e300um2 and circuit --area 1e-300um2 quote what was typed (not 1e+300)', () => {
    expectUsageError(['charge', '--voltage', '-70mV', '--area', '1e300um2', '--capacitance', '1e300uF/cm2'], ['--area: got "1e300um2"']);
    expectUsageError(['circuit', '--branch', 'K:g=1e-300S/cm2,E=-77mV', '--area', '1e-300um2'], ['--area: got "1e-300um2"']);
  });
});

describe('only options actually given are named', () => {
  it('circuit without a cell size and with a conductance that underflows names --branch, not --diameter', () => {
    const line = expectUsageError(['circuit', '--branch', 'K:g=1e-320S/cm2,E=-77mV'], ['--branch: got "K:g=1e-320S/cm2,E=-77mV"', 'finite and > 0']);
    expect(line).not.toContain('--diameter');
    expect(line).not.toContain('100000000');
  });
});

describe('ghk and pump refuse relative and absolute permeabilities mixed', () => {
  it('p=1 with p=1e-6cm/s: names the later spec, the other ion and both scales', () => {
    expectUsageError(
      ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1', '--ion', 'Na:in=12mM,out=145mM,p=1e-6cm/s'],
      ['--ion: got "Na:in=12mM,out=145mM,p=1e-6cm/s"', 'not mixed', 'Na is absolute but K is relative'],
    );
  });

  it('a preset (relative ratios) with p=1e-7cm/s for Ca', () => {
    expectUsageError(['ghk', '--preset', 'squid-giant-axon', '--ion', 'Ca:p=1e-7cm/s'], ['--ion: got "Ca:p=1e-7cm/s"', 'not mixed']);
  });

  it('pump: the same rule', () => {
    expectUsageError(['pump', '--ion', 'K:in=140mM,out=5mM,p=1e-6cm/s', '--ion', 'Na:in=12mM,out=145mM,p=0.04'], ['--ion', 'not mixed']);
  });
});

describe('one accepted range for calculators and model files, stated in the message', () => {
  it('--voltage 1e8mV, --temperature 1e5K and --in 1e7mM are refused with their ranges', () => {
    expectUsageError(['drive', '--voltage', '1e8mV', '--preset', 'mammalian-neuron'], ['--voltage: got "1e8mV"', 'from -10000000 to 10000000 mV']);
    expectUsageError(['nernst', '--ion', 'K', '--in', '1', '--out', '5', '--temperature', '1e5K'], ['--temperature: got "1e5K"', 'at most 10000 K']);
    expectUsageError(['nernst', '--ion', 'K', '--in', '1e7mM', '--out', '5'], ['--in: got "1e7mM"', 'at most 1000000 mM (1000 M)']);
  });

  it('a model file with the same values is refused with the same ranges', () => {
    const base = JSON.parse(readFileSync('examples/hh-squid-compartment.json', 'utf8')) as Record<string, any>;
    delete base.$schema;
    const hot = file('hot.json', JSON.stringify({ ...base, temperature: '1e5 K' }));
    expectUsageError(['check', hot], ['temperature: got "1e5 K"', 'at most 10000 K']);
    const cell = { ...base.cells[0], membrane: { ...base.cells[0].membrane, initialVoltage: '1e8 mV' } };
    const high = file('high.json', JSON.stringify({ ...base, cells: [cell] }));
    expectUsageError(['check', high], ['initialVoltage: got "1e8 mV"', 'from -10000000 to 10000000 mV']);
  });
});

describe('model files: lookups by name never reach Object.prototype', () => {
  const hh = readFileSync('examples/hh-squid-compartment.json', 'utf8').replace(/\s*"\$schema": "[^"]*",/, '');
  const withParameters = (parameters: string) =>
    hh.replace(/"parameters": \{[^}]*\}/, `"parameters": ${parameters}`);

  it('"__proto__" as a parameter block is refused, not silently ignored (JSON and YAML)', () => {
    expectUsageError(['check', file('proto.json', withParameters('{ "__proto__": { "gnabar": 1 } }'))], [
      'parameters.__proto__: got {"gnabar":1}',
      '"__proto__" is never a key of a model file',
    ]);
    const yaml = [
      'name: x',
      'cells:',
      '  - morphology: { kind: single, section: soma, length: 10 um, diameter: 10 um }',
      '    mechanisms:',
      '      - mechanism: hh',
      '        parameters:',
      '          __proto__: { gnabar: 1 }',
      'run: { duration: 1 ms }',
      '',
    ].join('\n');
    expectUsageError(['check', file('proto.yaml', yaml)], ['parameters.__proto__', 'never a key']);
  });

  it.each(['constructor', 'toString'])('"%s" as a parameter name: unknown, listing hh\'s parameters (no internal error)', (name) => {
    const line = expectUsageError(['check', file(`${name}.json`, withParameters(`{ "${name}": "1 mV" }`))], [
      `parameters.${name}: got "1 mV"`,
      'a parameter of hh: gnabar, gkbar, gl, el',
    ]);
    expect(line).not.toContain('internal error');
  });

  it.each(['constructor', 'toString'])('"%s" as a mechanism: unknown, listing the catalogue', (name) => {
    const text = hh.replace('"mechanism": "hh"', `"mechanism": "${name}"`);
    expectUsageError(['check', file(`mechanism-${name}.json`, text)], [`mechanism: got "${name}"`, 'a catalogue mechanism (hh, pas']);
  });
});

describe('NeuroML: units and component types are own-property lookups', () => {
  const neuroml = (network: string, rate = 'HHExpRate') => `<?xml version="1.0" encoding="UTF-8"?>
<neuroml xmlns="http://www.neuroml.org/schema/neuroml2" id="doc">
  <ionChannelHH id="passiveChan" conductance="10pS"/>
  <ionChannelHH id="naChan" conductance="10pS" species="na">
    <gateHHrates id="m" instances="3">
      <forwardRate type="HHExpLinearRate" rate="1per_ms" midpoint="-40mV" scale="10mV"/>
      <reverseRate type="${rate}" rate="4per_ms" midpoint="-65mV" scale="-18mV"/>
    </gateHHrates>
  </ionChannelHH>
  <cell id="c1"><morphology id="m1"><segment id="0" name="soma"><proximal x="0" y="0" z="0" diameter="10"/><distal x="0" y="20" z="0" diameter="10"/></segment></morphology>
    <biophysicalProperties id="b1"><membraneProperties>
      <channelDensity id="leak" ionChannel="passiveChan" condDensity="3.0 S_per_m2" erev="-54.3mV" ion="non_specific"/>
      <channelDensity id="naChans" ionChannel="naChan" condDensity="120.0 mS_per_cm2" erev="50.0 mV" ion="na"/>
      <specificCapacitance value="1.0 uF_per_cm2"/><initMembPotential value="-65mV"/>
    </membraneProperties><intracellularProperties><resistivity value="0.03 kohm_cm"/></intracellularProperties></biophysicalProperties></cell>
  <pulseGenerator id="pg" delay="10ms" duration="5ms" amplitude="80pA"/>
  <network id="net" temperature="${network}"><property tag="recommended_dt_ms" value="0.01"/><property tag="recommended_duration_ms" value="20"/>
    <population id="pop" component="c1" size="1"/><explicitInput target="pop[0]" input="pg"/></network>
</neuroml>
`;

  it('temperature="300 toString" is refused, not read as 300 K (and the same file at 6.3 degC is valid)', () => {
    expectUsageError(['check', file('temperature.nml', neuroml('300 toString'))], ['temperature: got "300 toString"', 'one of the units K, degC']);
    expectUsageError(['check', file('temperature2.nml', neuroml('-65 __proto__'))], ['temperature: got "-65 __proto__"']);
  });

  it('a 20 000-digit midpoint followed by "!" is refused in under 5 s (the unit pattern backtracked cubically)', () => {
    const text = neuroml('6.3 degC').replace('midpoint="-65mV"', `midpoint="${'9'.repeat(20_000)}!"`);
    const start = performance.now();
    expectUsageError(['check', file('digits.nml', text)], ['midpoint: got "999', '…"']);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('a rate type "toString" or "constructor" is refused naming the supported types, not as a function', () => {
    for (const type of ['toString', 'constructor']) {
      const line = expectUsageError(['check', file(`rate-${type}.nml`, neuroml('6.3 degC', type))], [`type: got "${type}"`, 'HHExpRate, HHSigmoidRate']);
      expect(line).not.toContain('[native code]');
    }
  });
});
