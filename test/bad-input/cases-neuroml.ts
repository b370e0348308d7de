/**
 * Bad NeuroML2 and LEMS files: includes that leave the model's folder (relative escapes, absolute paths,
 * symbolic links, XInclude, devices, pipes), files whose content must never be echoed, populations and runs too
 * big to allocate, prototype names as units and component types, voltages beyond any physiology, deep nesting.
 * The model sits in `model/` of the case's folder; `secret.nml` beside that folder holds `SECRET`, which must
 * never reach stderr.
 */
import { longText, SECRET, type BadInputCase, type CaseExpectation, type CaseFile } from './catalogue.js';

const CHANNELS = `
  <ionChannelHH id="passiveChan" conductance="10pS"/>
  <ionChannelHH id="naChan" conductance="10pS" species="na">
    <gateHHrates id="m" instances="3">
      <forwardRate type="HHExpLinearRate" rate="1per_ms" midpoint="-40mV" scale="10mV"/>
      <reverseRate type="HHExpRate" rate="4per_ms" midpoint="-65mV" scale="-18mV"/>
    </gateHHrates>
  </ionChannelHH>`;

const CELL = `
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
        <specificCapacitance value="1.0 uF_per_cm2"/>
        <initMembPotential value="-65mV"/>
      </membraneProperties>
      <intracellularProperties><resistivity value="0.03 kohm_cm"/></intracellularProperties>
    </biophysicalProperties>
  </cell>`;

const NETWORK = `
  <pulseGenerator id="pg" delay="1ms" duration="1ms" amplitude="80pA"/>
  <network id="net" temperature="6.3 degC">
    <population id="pop" component="c1" size="1"/>
    <explicitInput target="pop[0]" input="pg"/>
  </network>`;

/** A NeuroML2 document with `body` inside its root. */
const nml = (body: string, attributes = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<neuroml xmlns="http://www.neuroml.org/schema/neuroml2" id="doc"${attributes}>${body}\n</neuroml>\n`;

/** The whole valid cell model, with `replace` applied to its text. */
const cellModel = (from = '', to = ''): string => nml(CHANNELS + CELL + NETWORK).replace(from, to);

/** A LEMS file that includes `include` and simulates the network `net` for 5 ms. */
const lems = (include: string, simulation = 'length="5ms" step="0.025ms"'): string => `<Lems>
  <Target component="sim"/>
  <Include file="Cells.xml"/>
  <Include file="${include}"/>
  <Simulation id="sim" ${simulation} target="net">
    <Display id="d"><Line id="v" quantity="pop[0]/v" scale="1mV"/></Display>
  </Simulation>
</Lems>
`;

/** The files outside the model's folder that an include must never reach. */
const OUTSIDE: Readonly<Record<string, CaseFile>> = { 'secret.nml': nml(`<notes>${SECRET}</notes>`), 'secret.txt': `${SECRET}\n` };

/** `membrane <command> model/<file>` with `files` laid in model/ beside the outside files. */
function neuroml(name: string, command: 'check' | 'run', file: string, files: Readonly<Record<string, CaseFile>>, expect: Omit<CaseExpectation, 'exit'>): BadInputCase {
  const laid: Record<string, CaseFile> = { ...OUTSIDE };
  for (const [path, content] of Object.entries(files)) laid[`model/${path}`] = content;
  return { name: `${command} ${file}: ${name}`, args: [command, `model/${file}`], files: laid, expect: { exit: 2, never: [SECRET, 'root:x:0'], ...expect } };
}

/** A cell model that includes `href`, checked: the include must be refused. */
const includes = (name: string, href: string, files: Readonly<Record<string, CaseFile>> = {}, allowed: string | RegExp = /folder/): BadInputCase =>
  neuroml(name, 'check', 'cell.nml', { 'cell.nml': nml(`\n  <include href="${href}"/>${CHANNELS}${CELL}${NETWORK}`), ...files }, { field: /include|href/, value: href.startsWith('{root}') ? href.slice(href.lastIndexOf('/') + 1) : href, allowed });

/** A model whose `from` text is replaced by `to`, checked and run. */
const mutation = (name: string, from: string, to: string, expect: Omit<CaseExpectation, 'exit'>): BadInputCase[] =>
  (['check', 'run'] as const).map((command) => neuroml(name, command, 'cell.nml', { 'cell.nml': cellModel(from, to), 'LEMS_cell.xml': lems('cell.nml') }, expect))
    .map((row) => ({ ...row, args: [row.args[0], 'model/LEMS_cell.xml'], name: row.name.replace('cell.nml', 'LEMS_cell.xml') }));

const deepXml = (depth: number): string => nml(`<notes>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</notes>`);

export const NEUROML_CASES: readonly BadInputCase[] = [
  // Includes stay in the model's folder.
  includes('a relative include that climbs out', '../secret.nml'),
  includes('a relative include that climbs out twice', 'sub/../../secret.nml'),
  includes('a deep relative escape to /etc/passwd', '../../../../../../../../etc/passwd'),
  includes('an absolute include outside the folder', '{root}/secret.nml'),
  includes('an absolute include inside the folder', '{root}/model/other.nml', { 'other.nml': nml('') }),
  includes('an absolute include of /etc/passwd', '/etc/passwd'),
  includes('an include of /dev/zero', '/dev/zero'),
  includes('an include of a named pipe in the folder', 'pipe.nml', { 'pipe.nml': { kind: 'fifo' } }, /regular file/),
  includes('an include of a folder', 'folder.nml', { 'folder.nml': { kind: 'directory' } }, /file/),
  includes('a symbolic link in the folder to a file outside', 'link.nml', { 'link.nml': { kind: 'symlink', target: '../secret.nml' } }),
  includes('a symbolic link in the folder to /etc/passwd', 'passwd.nml', { 'passwd.nml': { kind: 'symlink', target: '/etc/passwd' } }),
  includes('a symbolic link in the folder to /dev/zero', 'zero.nml', { 'zero.nml': { kind: 'symlink', target: '/dev/zero' } }, /folder|regular file/),
  includes('a file: URL', 'file:///etc/passwd', {}, /local|URL/),
  neuroml('a LEMS Include that climbs out to /etc/passwd', 'check', 'LEMS.xml', { 'LEMS.xml': lems('../../../etc/passwd'), 'cell.nml': cellModel() }, { field: /Include|file/, value: '../../../etc/passwd', allowed: /folder/ }),
  neuroml('a LEMS Include of a file outside the folder', 'run', 'LEMS.xml', { 'LEMS.xml': lems('../secret.nml'), 'cell.nml': cellModel() }, { field: /Include|file/, value: '../secret.nml', allowed: /folder/ }),
  neuroml('XInclude of a text file outside (parse="text")', 'check', 'cell.nml', {
    'cell.nml': cellModel('<network', '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="../secret.txt" parse="text"/>\n  <network'),
  }, { field: /include/i, allowed: /XInclude/i }),
  neuroml('XInclude of a NeuroML file in the folder', 'check', 'cell.nml', {
    'cell.nml': nml(`\n  <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="parts.nml"/>${NETWORK}`),
    'parts.nml': nml(CHANNELS + CELL),
  }, { field: /include/i, allowed: /XInclude/i }),
  neuroml('an include in the folder that is not XML is never echoed', 'check', 'cell.nml', {
    'cell.nml': nml(`\n  <include href="notes.nml"/>${CHANNELS}${CELL}${NETWORK}`),
    'notes.nml': `password=${SECRET}\n`,
  }, { field: /notes\.nml/, allowed: /XML|NeuroML/ }),
  neuroml('an include in the folder that is other XML is never echoed', 'check', 'cell.nml', {
    'cell.nml': nml(`\n  <include href="page.nml"/>${CHANNELS}${CELL}${NETWORK}`),
    'page.nml': `<html><body><p>${SECRET}</p></body></html>\n`,
  }, { field: /page\.nml/, allowed: /neuroml|Lems/i }),

  // The top-level file must be a regular file too.
  neuroml('a NeuroML file that is a named pipe', 'check', 'cell.nml', { 'cell.nml': { kind: 'fifo' } }, { field: /model/, value: 'cell.nml', allowed: /regular file/ }),
  neuroml('a LEMS file that is a link to /dev/zero', 'run', 'LEMS.xml', { 'LEMS.xml': { kind: 'symlink', target: '/dev/zero' } }, { field: /model/, value: 'LEMS.xml', allowed: /regular file/ }),
  neuroml('a 64 MiB NeuroML file (cap while reading)', 'check', 'cell.nml', { 'cell.nml': { kind: 'sparse', bytes: 64 * 1024 * 1024 } }, { field: /cell\.nml/, allowed: /at most/ }),

  // Resources estimated before allocation.
  ...mutation('a population of 1e9 cells', 'size="1"', 'size="1e9"', { field: /size|population/, value: '1e9', allowed: /at most|limit/ }),
  ...mutation('a population of 1000000000 cells', 'size="1"', 'size="1000000000"', { field: /size|population/, value: '1000000000', allowed: /at most|limit/ }),
  ...mutation('a simulation of 1e12 ms', '', '', { field: /length|duration|steps/, value: /1e12/, allowed: /at most|limit/ }).map((row) => ({
    ...row,
    files: { ...row.files, 'model/LEMS_cell.xml': lems('cell.nml', 'length="1e12ms" step="0.025ms"') },
  })),
  ...mutation('a step of 5e-324 ms', '', '', { field: /step/, value: /5e-324/ }).map((row) => ({
    ...row,
    files: { ...row.files, 'model/LEMS_cell.xml': lems('cell.nml', 'length="5ms" step="5e-324ms"') },
  })),
  ...mutation('a segment diameter of 1e300 um', '<distal x="0" y="20" z="0" diameter="10"/>', '<distal x="0" y="20" z="0" diameter="1e300"/>', { field: /diameter/, value: /1e300|1e\+300/ }),

  // Prototype names as units, component types and ions.
  ...mutation('network temperature "300 toString"', 'temperature="6.3 degC"', 'temperature="300 toString"', { field: /temperature/, value: '300 toString', allowed: /K|degC/ }),
  ...mutation('network temperature "300 constructor"', 'temperature="6.3 degC"', 'temperature="300 constructor"', { field: /temperature/, value: '300 constructor', allowed: /K|degC/ }),
  ...mutation('rate type "constructor"', 'type="HHExpRate"', 'type="constructor"', { field: /type/, value: 'constructor', allowed: 'HHExpRate' }),
  ...mutation('rate type "toString"', 'type="HHExpLinearRate"', 'type="toString"', { field: /type/, value: 'toString', allowed: 'HHExpRate' }),
  ...mutation('rate unit "constructor"', 'rate="4per_ms"', 'rate="4constructor"', { field: /rate/, value: '4constructor', allowed: 'per_ms' }),
  ...mutation('midpoint unit "valueOf"', 'midpoint="-40mV"', 'midpoint="-40valueOf"', { field: /midpoint/, value: '-40valueOf', allowed: 'mV' }),
  ...mutation('conductance density unit "__proto__"', 'condDensity="120.0 mS_per_cm2"', 'condDensity="120.0 __proto__"', { field: /condDensity/, value: '120.0 __proto__', allowed: 'mS_per_cm2' }),

  // Voltages beyond any physiology, numbers beyond doubles.
  ...mutation('an initial potential of 1e6 mV', '<initMembPotential value="-65mV"/>', '<initMembPotential value="1e6mV"/>', { field: /initMembPotential|initialVoltage/, value: /1e6/, allowed: /mV/ }),
  ...mutation('a pulse of 1e400 pA', 'amplitude="80pA"', 'amplitude="1e400pA"', { field: /amplitude/, value: '1e400pA', allowed: /current|nA|pA/ }),
  ...mutation('a reversal potential of NaN', 'erev="50.0 mV"', 'erev="NaN mV"', { field: /erev/, value: 'NaN mV', allowed: 'mV' }),

  // Syntax.
  neuroml('elements nested 100 000 deep', 'check', 'deep.nml', { 'deep.nml': deepXml(100_000) }, { field: /deep\.nml/, allowed: /nest|deep|depth/i }),
  neuroml('an empty NeuroML file', 'check', 'empty.nml', { 'empty.nml': '' }, { field: /empty\.nml/, allowed: /XML|neuroml/i }),
  neuroml('an element named "constructor"', 'check', 'proto.nml', { 'proto.nml': nml('<constructor id="x"/>') }, { field: /proto\.nml/, value: /constructor/ }),
  neuroml('an element named "__proto__"', 'check', 'proto.nml', { 'proto.nml': nml('<__proto__ id="x"/>') }, { field: /proto\.nml/, value: /__proto__/ }),
  neuroml('an entity declaration', 'check', 'entity.nml', { 'entity.nml': `<?xml version="1.0"?>\n<!DOCTYPE neuroml [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<neuroml id="x"><notes>&x;</notes></neuroml>\n` }, { field: /entity\.nml/, allowed: /entit|DOCTYPE/ }),
  neuroml('a 120 kB attribute is quoted cut', 'check', 'cell.nml', { 'cell.nml': cellModel('temperature="6.3 degC"', `temperature="${longText(120_000, '6')}"`) }, { field: /temperature/, value: /(…|\.\.\.)/, maxLineLength: 800 }),
  neuroml('a 120 kB element name is quoted cut', 'check', 'cell.nml', { 'cell.nml': nml(`<${longText(120_000, 'q')} id="x"/>`) }, { field: /cell\.nml/, value: /(…|\.\.\.)/, maxLineLength: 800 }),
];
