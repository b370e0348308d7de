import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../units/errors.js';
import { readNeuroMLFile } from './neuroml.js';
import { parseXmlText } from './neuroml-xml.js';

const folder = mkdtempSync(join(tmpdir(), 'membrane-neuroml-'));
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const CHANNELS = `
  <ionChannelHH id="passiveChan" conductance="10pS"/>
  <ionChannelHH id="naChan" conductance="10pS" species="na">
    <gateHHrates id="m" instances="3">
      <forwardRate type="HHExpLinearRate" rate="1per_ms" midpoint="-40mV" scale="10mV"/>
      <reverseRate type="HHExpRate" rate="4per_ms" midpoint="-65mV" scale="-18mV"/>
    </gateHHrates>
    <gateHHrates id="h" instances="1">
      <forwardRate type="HHExpRate" rate="0.07per_ms" midpoint="-65mV" scale="-20mV"/>
      <reverseRate type="HHSigmoidRate" rate="1per_ms" midpoint="-35mV" scale="10mV"/>
    </gateHHrates>
  </ionChannelHH>`;

const cell = (extra = '') => `
  <cell id="c1">
    <morphology id="m1">
      <segment id="0" name="soma">
        <proximal x="0" y="0" z="0" diameter="10"/>
        <distal x="0" y="20" z="0" diameter="10"/>
      </segment>
    </morphology>
    <biophysicalProperties id="b1">
      <membraneProperties>
        <channelDensity id="leak" ionChannel="passiveChan" condDensity="3.0 S_per_m2" erev="-54.3mV" ion="non_specific"/>
        <channelDensity id="naChans" ionChannel="naChan" condDensity="120.0 mS_per_cm2" erev="50.0 mV" ion="na"/>
        ${extra}
        <specificCapacitance value="1.0 uF_per_cm2"/>
        <initMembPotential value="-65mV"/>
      </membraneProperties>
      <intracellularProperties><resistivity value="0.03 kohm_cm"/></intracellularProperties>
    </biophysicalProperties>
  </cell>`;

const NETWORK = `
  <pulseGenerator id="pg" delay="10ms" duration="5ms" amplitude="80pA"/>
  <network id="net" temperature="6.3 degC">
    <population id="pop" component="c1" size="1"/>
    <explicitInput target="pop[0]" input="pg"/>
  </network>`;

const nml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<neuroml xmlns="http://www.neuroml.org/schema/neuroml2" id="doc">${body}\n</neuroml>\n`;

const lems = (include: string) => `<Lems>
  <Target component="sim"/>
  <Include file="Cells.xml"/>
  <Include file="NeuroML2CoreTypes/Simulation.xml"/>
  <Include file="${include}"/>
  <Simulation id="sim" length="50ms" step="0.025ms" target="net">
    <Display id="d"><Line id="v" quantity="pop[0]/v" scale="1mV"/></Display>
    <OutputFile id="of" fileName="x.dat">
      <OutputColumn id="v" quantity="pop[0]/v"/>
      <OutputColumn id="m" quantity="pop[0]/b1/membraneProperties/naChans/naChan/m/q"/>
      <OutputColumn id="ina" quantity="pop[0]/b1/membraneProperties/naChans/iDensity"/>
    </OutputFile>
  </Simulation>
</Lems>`;

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readNeuroMLFile: mapping to a Model', () => {
  const path = file('cell.nml', nml(CHANNELS + cell() + NETWORK));
  const model = readNeuroMLFile(file('LEMS_test.xml', lems('cell.nml')));

  it('converts NeuroML units: 3.0 S_per_m2 -> 3e-4 S/cm2, 120 mS_per_cm2 -> 0.12 S/cm2, 80pA -> 0.08 nA, 0.03 kohm_cm -> 30 ohm*cm', () => {
    const byName = Object.fromEntries(model.channels.map((c) => [c.name, c]));
    expect(byName.passiveChan.conductance).toBeCloseTo(3e-4, 15);
    expect(byName.passiveChan.ion).toBe('nonspecific');
    expect(byName.passiveChan.reversal).toBe(-54.3);
    expect(byName.naChan.conductance).toBeCloseTo(0.12, 15);
    expect(byName.naChan).toMatchObject({ ion: 'na', reversal: 50, q10: 1 });
    expect(byName.naChan.gates[0]).toEqual({ name: 'm', power: 3, alpha: { form: 'exp-linear', rate: 1, midpoint: -40, scale: 10 }, beta: { form: 'exponential', rate: 4, midpoint: -65, scale: -18 } });
    expect(byName.naChan.gates[1]).toMatchObject({ beta: { form: 'sigmoid', rate: 1, midpoint: -35, scale: 10 } });
    const [c] = model.cells;
    expect(c.membrane).toEqual({ capacitance: 1, axialResistivity: 30, initialVoltage: -65 });
    expect(c.morphology).toMatchObject({ kind: 'single', length: 20, diameter: 10 });
    expect(model.stimuli[0]).toMatchObject({ kind: 'current-clamp', waveform: { shape: 'step', delay: 10, duration: 5, perArea: false } });
    expect((model.stimuli[0] as { waveform: { amplitude: number } }).waveform.amplitude).toBeCloseTo(0.08, 15);
    expect(model.temperature).toBeCloseTo(279.45, 10);
  });

  it('takes length and step from the LEMS Simulation, Crank-Nicolson with exact rates, a 0 mV spike detector', () => {
    expect(model.run).toMatchObject({ duration: 50, timeStep: 0.025, recordInterval: 0.025, integrator: 'crank-nicolson', rates: 'exact' });
    expect(model.spikes).toMatchObject([{ id: 'pop_0', location: { cell: 'pop_0', position: 0.5 }, threshold: 0 }]);
  });

  it('records v and gate states from Display lines and output columns (once per quantity), skipping others', () => {
    expect(model.recordings.map((r) => [r.id, r.variable])).toEqual([['v', 'v'], ['m', 'naChan.m']]);
    expect(model.description).toContain('naChans/iDensity');
  });

  it('reads a .nml file alone when its network gives recommended_duration_ms and recommended_dt_ms', () => {
    const alone = readNeuroMLFile(file('alone.nml', nml(CHANNELS + cell() + NETWORK.replace('<population', '<property tag="recommended_dt_ms" value="0.01"/><property tag="recommended_duration_ms" value="20"/><population'))));
    expect(alone.run).toMatchObject({ duration: 20, timeStep: 0.01 });
    expect(path).toContain('cell.nml');
  });
});

describe('readNeuroMLFile: untrusted and unsupported input', () => {
  it('refuses an <!ENTITY declaration outright, naming the file and line', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE neuroml [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;">\n]>\n<neuroml id="x"><notes>&lol2;</notes></neuroml>`;
    const error = errorOf(() => readNeuroMLFile(file('entity.nml', text)));
    expect(error.field).toMatch(/entity\.nml:3$/);
    expect(error.allowed).toContain('without entity declarations');
  });

  it('refuses a DOCTYPE without entities too, and never expands &name; references', () => {
    expect(errorOf(() => parseXmlText('<!DOCTYPE neuroml>\n<neuroml/>', 'd.nml')).allowed).toContain('without a DOCTYPE');
    const root = parseXmlText('<neuroml id="&amp;x"/>', 'e.nml');
    expect(root.attributes.id).toBe('&amp;x');
  });

  it('reports malformed XML with its line', () => {
    const error = errorOf(() => parseXmlText('<neuroml>\n  <cell id="a">\n</neuroml>', 'bad.nml'));
    expect(error.field).toMatch(/^bad\.nml:\d+:\d+$/);
    expect(error.allowed).toContain('well-formed XML');
  });

  it('an unknown element type gets one clear error naming it, its line and what is supported', () => {
    const error = errorOf(() => readNeuroMLFile(file('izh.nml', nml('\n  <izhikevich2007Cell id="iz" C="100pF"/>'))));
    expect(error.field).toBe(`${join(folder, 'izh.nml')}:3 <izhikevich2007Cell id="iz">`);
    expect(error.allowed).toContain('ionChannelHH');
    expect(error.allowed).toContain('not supported');
  });

  it('an unsupported gate type names the element and the supported gates', () => {
    const text = nml(`\n<ionChannelHH id="k" species="k"><gateHHratesInf id="n" instances="4"/></ionChannelHH>`);
    const error = errorOf(() => readNeuroMLFile(file('gate.nml', text)));
    expect(error.field).toContain('<gateHHratesInf id="n">');
    expect(error.allowed).toContain('gateHHrates or gateHHtauInf');
  });

  it('an unknown rate type and a unit NeuroML does not define are refused', () => {
    const badRate = nml(CHANNELS.replace('HHSigmoidRate', 'MyRate') + cell() + NETWORK);
    expect(errorOf(() => readNeuroMLFile(file('rate.nml', badRate))).allowed).toContain('HHExpRate, HHSigmoidRate, HHExpLinearRate');
    const badUnit = nml(CHANNELS + cell().replace('120.0 mS_per_cm2', '120 mS/cm2') + NETWORK);
    const error = errorOf(() => readNeuroMLFile(file('unit.nml', badUnit)));
    expect(error.field).toContain('<channelDensity id="naChans"> condDensity');
    expect(error.allowed).toContain('mS_per_cm2');
  });

  it('a multi-segment cell and an unsupported density are refused with what is supported', () => {
    const twoSegments = cell().replace('</segment>', '</segment><segment id="1"><parent segment="0"/><distal x="0" y="40" z="0" diameter="2"/></segment>');
    expect(errorOf(() => readNeuroMLFile(file('two.nml', nml(CHANNELS + twoSegments + NETWORK)))).allowed).toContain('single-segment');
    const nernst = cell('<channelDensityNernst id="ca" ionChannel="naChan" condDensity="1 mS_per_cm2" ion="ca"/>');
    expect(errorOf(() => readNeuroMLFile(file('nernst.nml', nml(CHANNELS + nernst + NETWORK)))).allowed).toContain('channelDensityNernst');
  });

  it('includes: a missing non-core file is an error; URLs are not fetched', () => {
    expect(errorOf(() => readNeuroMLFile(file('missing.xml', lems('nothing-here.nml')))).allowed).toContain('no such file');
    expect(errorOf(() => readNeuroMLFile(file('url.xml', lems('http://example.org/a.nml')))).allowed).toContain('URLs are not fetched');
  });
});
