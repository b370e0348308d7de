/**
 * Bad input to the calculators: NaN, Infinity, 1e400, 0 K, valence 0, malformed ion lists, prototype names
 * (`__proto__`, `constructor`, `toString`) as ions, presets, units and keys, long arguments, options that need
 * another option. Each row: name, arguments, then the field, the value as typed and a word of what is allowed.
 */
import { longText, type BadInputCase } from './catalogue.js';

const bad = (name: string, args: readonly string[], field: string | RegExp, value?: string | RegExp, allowed?: string | RegExp): BadInputCase => ({
  name,
  args,
  expect: { exit: 2, field, value, allowed },
});

/** An argument of 120 000 characters: the message must quote it cut to about 80 characters. */
const long = (name: string, args: readonly string[], field: string): BadInputCase => ({
  name,
  args,
  expect: { exit: 2, field, value: /(…|\.\.\.)/, maxLineLength: 600 },
});

const K = ['--ion', 'K', '--in', '140mM', '--out', '5mM'];
const HH_BRANCH = ['--branch', 'K:g=0.36mS/cm2,E=-77mV'];
const BIG = longText(120_000, '1');

export const CALCULATOR_CASES: readonly BadInputCase[] = [
  // nernst
  bad('nernst: NaN inside', ['nernst', '--ion', 'K', '--in', 'NaN', '--out', '5mM'], '--in', 'NaN', 'concentration'),
  bad('nernst: NaN with a unit', ['nernst', '--ion', 'K', '--in', 'NaNmM', '--out', '5mM'], '--in', 'NaNmM', 'concentration'),
  bad('nernst: Infinity outside', ['nernst', '--ion', 'K', '--in', '140mM', '--out', 'Infinity'], '--out', 'Infinity', 'concentration'),
  bad('nernst: 1e400 overflows', ['nernst', '--ion', 'K', '--in', '1e400mM', '--out', '5mM'], '--in', '1e400mM', 'concentration'),
  bad('nernst: negative concentration', ['nernst', '--ion', 'K', '--in', '-5mM', '--out', '5mM'], '--in', '-5mM', 'concentration'),
  bad('nernst: zero concentration', ['nernst', '--ion', 'K', '--in', '140mM', '--out', '0mM'], '--out', '0mM', 'concentration'),
  bad('nernst: a voltage for a concentration', ['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mV'], '--out', '5mV', 'concentration'),
  bad('nernst: empty concentration', ['nernst', '--ion', 'K', '--in', '', '--out', '5mM'], '--in', '""', 'concentration'),
  bad('nernst: trailing junk', ['nernst', '--ion', 'K', '--in', '140mM5', '--out', '5mM'], '--in', '140mM5', 'concentration'),
  bad('nernst: "constructor" as a unit', ['nernst', '--ion', 'K', '--in', '140 constructor', '--out', '5mM'], '--in', '140 constructor', 'concentration'),
  bad('nernst: "__proto__" as a unit', ['nernst', '--ion', 'K', '--in', '140 __proto__', '--out', '5mM'], '--in', '140 __proto__', 'concentration'),
  bad('nernst: "toString" as a unit', ['nernst', '--ion', 'K', '--in', '140mM', '--out', '5 toString'], '--out', '5 toString', 'concentration'),
  bad('nernst: 0 K', ['nernst', ...K, '-T', '0K'], '--temperature', '0K', 'temperature'),
  bad('nernst: below absolute zero', ['nernst', ...K, '-T', '-300degC'], '--temperature', '-300degC', 'temperature'),
  bad('nernst: 1e400 K', ['nernst', ...K, '-T', '1e400K'], '--temperature', '1e400K', 'temperature'),
  bad('nernst: 1e6 K is not plausible', ['nernst', ...K, '-T', '1e6K'], '--temperature', '1e6K', 'temperature'),
  bad('nernst: temperature "300 toString"', ['nernst', ...K, '-T', '300 toString'], '--temperature', '300 toString', 'temperature'),
  bad('nernst: temperature "300 constructor"', ['nernst', ...K, '-T', '300 constructor'], '--temperature', '300 constructor', 'temperature'),
  bad('nernst: temperature without a unit', ['nernst', ...K, '-T', '310'], '--temperature', '310', /K|degC/),
  bad('nernst: valence 0', ['nernst', ...K, '-z', '0'], '--valence', '0', 'charge'),
  bad('nernst: valence 2.5', ['nernst', ...K, '-z', '2.5'], '--valence', '2.5', 'integer'),
  bad('nernst: valence NaN', ['nernst', ...K, '-z', 'NaN'], '--valence', 'NaN', 'integer'),
  bad('nernst: valence 1e400', ['nernst', ...K, '-z', '1e400'], '--valence', '1e400', 'integer'),
  bad('nernst: ion "__proto__"', ['nernst', '--ion', '__proto__', '--in', '1mM', '--out', '2mM'], '--ion', '__proto__', 'ion'),
  bad('nernst: ion "constructor"', ['nernst', '--ion', 'constructor', '--in', '1mM', '--out', '2mM'], '--ion', 'constructor', 'ion'),
  bad('nernst: ion "toString"', ['nernst', '--ion', 'toString', '--in', '1mM', '--out', '2mM'], '--ion', 'toString', 'ion'),
  bad('nernst: ion "hasOwnProperty"', ['nernst', '--ion', 'hasOwnProperty', '--in', '1mM', '--out', '2mM'], '--ion', 'hasOwnProperty', 'ion'),
  bad('nernst: empty ion', ['nernst', '--ion', '', '--in', '1mM', '--out', '2mM'], '--ion', '""', 'ion'),
  long('nernst: a 120 kB concentration is quoted cut', ['nernst', '--ion', 'K', '--in', BIG, '--out', '5mM'], '--in'),
  long('nernst: a 120 kB ion name is quoted cut', ['nernst', '--ion', longText(120_000, 'K'), '--in', '1mM', '--out', '2mM'], '--ion'),

  // ghk
  bad('ghk: absolute and relative permeabilities mixed', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1e-6cm/s', '--ion', 'Na:in=12mM,out=145mM,p=0.04'], '--ion', /p=0\.04|p=1e-6cm\/s/, /relative|absolute|cm\/s/),
  bad('ghk: relative then absolute permeability', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1', '--ion', 'Na:in=12mM,out=145mM,p=4e-8cm/s'], '--ion', /p=1|p=4e-8cm\/s/, /relative|absolute|cm\/s/),
  bad('ghk: negative permeability', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=-1'], '--ion', 'p=-1', 'permeability'),
  bad('ghk: NaN permeability', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=NaN'], '--ion', 'NaN', 'permeability'),
  bad('ghk: Infinity permeability', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=Infinity'], '--ion', 'Infinity', 'permeability'),
  bad('ghk: 1e400 permeability', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1e400'], '--ion', '1e400', 'permeability'),
  bad('ghk: only a zero permeability', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=0'], '--ion', 'p=0', 'permeability'),
  bad('ghk: no ion at all', ['ghk'], '--ion', 'nothing', 'ion'),
  bad('ghk: ion "__proto__"', ['ghk', '--ion', '__proto__:in=1mM,out=2mM,p=1'], '--ion', '__proto__', 'ion'),
  bad('ghk: ion "constructor"', ['ghk', '--ion', 'constructor:in=1mM,out=2mM,p=1'], '--ion', 'constructor', 'ion'),
  bad('ghk: key given twice', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1,p=2'], '--ion', 'p=2', 'twice'),
  bad('ghk: key "constructor"', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1,constructor=2'], '--ion', 'constructor=2', 'constructor'),
  bad('ghk: key "__proto__"', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1,__proto__=2'], '--ion', '__proto__=2', '__proto__'),
  bad('ghk: semicolons for commas', ['ghk', '--ion', 'K:in=140mM;out=5mM,p=1'], '--ion', '140mM;out=5mM', 'concentration'),
  bad('ghk: no ion name', ['ghk', '--ion', ':in=1mM,out=2mM,p=1'], '--ion', ':in=1mM', 'name'),
  bad('ghk: valence 0 in the list', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1,z=0'], '--ion', '0', 'charge'),
  bad('ghk: valence "constructor"', ['ghk', '--ion', 'K:in=140mM,out=5mM,p=1,z=constructor'], '--ion', 'constructor', 'charge'),
  bad('ghk: preset "__proto__"', ['ghk', '--preset', '__proto__'], '--preset', '__proto__', 'squid-giant-axon'),
  bad('ghk: preset "toString"', ['ghk', '--preset', 'toString'], '--preset', 'toString', 'squid-giant-axon'),
  bad('ghk: preset "constructor"', ['ghk', '--preset', 'constructor'], '--preset', 'constructor', 'squid-giant-axon'),
  long('ghk: a 120 kB ion list is quoted cut', ['ghk', '--ion', `K:in=${BIG}mM,out=5mM,p=1`], '--ion'),

  // drive
  bad('drive: NaN voltage', ['drive', '-V', 'NaN', '--preset', 'squid-giant-axon'], '--voltage', 'NaN', 'voltage'),
  bad('drive: 1e400 mV', ['drive', '-V', '1e400mV', '--preset', 'squid-giant-axon'], '--voltage', '1e400mV', 'voltage'),
  bad('drive: -Infinity mV', ['drive', '-V', '-Infinity mV', '--preset', 'squid-giant-axon'], '--voltage', '-Infinity mV', 'voltage'),
  bad('drive: a concentration for a voltage', ['drive', '-V', '5mM', '--preset', 'squid-giant-axon'], '--voltage', '5mM', 'voltage'),
  bad('drive: valence "constructor"', ['drive', '-V', '-70mV', '--ion', 'K:in=140mM,out=5mM,z=constructor'], '--ion', 'constructor', 'charge'),
  bad('drive: empty item in the list', ['drive', '-V', '-70mV', '--ion', 'K:in=140mM,,out=5mM'], '--ion', 'K:in=140mM,,out=5mM', 'NAME:key=value'),
  bad('drive: preset "constructor"', ['drive', '-V', '-70mV', '--preset', 'constructor'], '--preset', 'constructor', 'squid-giant-axon'),
  bad('drive: no ion', ['drive', '-V', '-70mV'], '--ion', 'nothing', 'ion'),

  // energy
  bad('energy: direction "sideways"', ['energy', '--ion', 'Na', '--in', '12mM', '--out', '145mM', '--direction', 'sideways'], '--direction', 'sideways', '"in"'),
  bad('energy: direction "__proto__"', ['energy', '--ion', 'Na', '--in', '12mM', '--out', '145mM', '--direction', '__proto__'], '--direction', '__proto__', '"in"'),
  bad('energy: ATP 1e400 kJ/mol', ['energy', '--pump', '--atp', '-1e400kJ/mol'], '--atp', '-1e400kJ/mol', 'energy'),
  bad('energy: ATP with the wrong sign', ['energy', '--pump', '--atp', '50kJ/mol'], '--atp', '50kJ/mol', 'negative'),
  bad('energy: NaN sodium inside', ['energy', '--pump', '--na-in', 'NaN'], '--na-in', 'NaN', 'concentration'),
  bad('energy: valence 0', ['energy', '--ion', 'Na', '--in', '12mM', '--out', '145mM', '-z', '0'], '--valence', '0', 'charge'),
  bad('energy: ion "valueOf"', ['energy', '--ion', 'valueOf', '--in', '1mM', '--out', '2mM'], '--ion', 'valueOf', 'ion'),
  bad('energy: --ion with --pump', ['energy', '--pump', '--ion', 'K'], '--ion', 'K', 'pump'),

  // circuit
  bad('circuit: conductance "abc"', ['circuit', '--branch', 'K:g=abc'], '--branch', 'abc', 'conductance'),
  bad('circuit: negative conductance', ['circuit', '--branch', 'K:g=-1mS/cm2,E=-77mV'], '--branch', '-1mS/cm2', 'conductance'),
  bad('circuit: reversal 1e400 mV', ['circuit', '--branch', 'K:g=1mS/cm2,E=1e400mV'], '--branch', '1e400mV', 'voltage'),
  bad('circuit: branch "constructor" without E', ['circuit', '--branch', 'constructor:g=1mS/cm2'], '--branch', 'constructor', 'E='),
  bad('circuit: branch "__proto__" without E', ['circuit', '--branch', '__proto__:g=1mS/cm2'], '--branch', '__proto__', 'E='),
  bad('circuit: zero diameter', ['circuit', ...HH_BRANCH, '--diameter', '0um'], '--diameter', '0um', 'length'),
  bad('circuit: negative diameter', ['circuit', ...HH_BRANCH, '--diameter', '-20um'], '--diameter', '-20um', 'length'),
  bad('circuit: zero capacitance', ['circuit', ...HH_BRANCH, '--capacitance', '0uF/cm2'], '--capacitance', '0uF/cm2', 'capacitance'),
  bad('circuit: area 1e400', ['circuit', ...HH_BRANCH, '--area', '1e400um2'], '--area', '1e400um2', 'area'),
  bad('circuit: --length alone names --length, not --diameter', ['circuit', ...HH_BRANCH, '--length', '100um'], '--length', '100um', '--diameter'),
  bad('circuit: no branch', ['circuit'], '--branch', 'nothing', 'branch'),

  // charge
  bad('charge: --length alone names --length, not --diameter', ['charge', '-V', '-70mV', '--length', '10um'], '--length', '10um', '--diameter'),
  bad('charge: --volume without --area', ['charge', '-V', '-70mV', '--volume', '4189um3'], '--volume', '4189um3', '--area'),
  bad('charge: both --area and --diameter', ['charge', '-V', '-70mV', '--diameter', '20um', '--area', '100um2'], /--area|--diameter/, /100um2|20um/, 'not both'),
  bad('charge: NaN voltage', ['charge', '-V', 'NaN', '--diameter', '20um'], '--voltage', 'NaN', 'voltage'),
  bad('charge: zero concentration', ['charge', '-V', '-70mV', '--diameter', '20um', '--concentration', '0mM'], '--concentration', '0mM', 'concentration'),
  bad('charge: zero area', ['charge', '-V', '-70mV', '--area', '0um2'], '--area', '0um2', 'area'),
  bad('charge: diameter 1e-320 nm quoted as typed', ['charge', '-V', '-70mV', '--diameter', '1e-320nm'], '--diameter', '1e-320nm', /size|length|diameter/),

  // field
  bad('field: thickness 1e-320 nm quoted as typed', ['field', '-V', '-70mV', '--thickness', '1e-320nm'], '--thickness', '1e-320nm', 'thickness'),
  bad('field: zero thickness', ['field', '-V', '-70mV', '--thickness', '0nm'], '--thickness', '0nm', 'length'),
  bad('field: negative thickness', ['field', '-V', '-70mV', '--thickness', '-7.5nm'], '--thickness', '-7.5nm', 'length'),
  bad('field: 1e400 mV', ['field', '-V', '1e400mV'], '--voltage', '1e400mV', 'voltage'),
  bad('field: thickness in mM', ['field', '-V', '-70mV', '--thickness', '5mM'], '--thickness', '5mM', 'length'),

  // pump
  bad('pump: NaN ratio', ['pump', '--preset', 'squid-giant-axon', '--ratio', 'NaN'], '--ratio', 'NaN', 'number'),
  bad('pump: Infinity ratio', ['pump', '--preset', 'squid-giant-axon', '--ratio', 'Infinity'], '--ratio', 'Infinity', 'number'),
  bad('pump: zero ratio', ['pump', '--preset', 'squid-giant-axon', '--ratio', '0'], '--ratio', '0', '> 0'),
  bad('pump: --current without --resistance', ['pump', '--preset', 'squid-giant-axon', '--current', '0.05nA'], '--current', '0.05nA', '--resistance'),
  bad('pump: calcium is not pumped here', ['pump', '--ion', 'Ca:in=1mM,out=2mM,p=1'], '--ion', 'Ca:in=1mM', 'K'),
  bad('pump: preset "__proto__"', ['pump', '--preset', '__proto__'], '--preset', '__proto__', 'squid-giant-axon'),
  bad('pump: resistance "1 constructor"', ['pump', '--preset', 'squid-giant-axon', '--current', '0.05nA', '--resistance', '1 constructor'], '--resistance', '1 constructor', 'resistance'),

  // q10
  bad('q10: NaN', ['q10', '--q10', 'NaN'], '--q10', 'NaN', 'number'),
  bad('q10: negative', ['q10', '--q10', '-3'], '--q10', '-3', '> 0'),
  bad('q10: 1e400', ['q10', '--q10', '1e400'], '--q10', '1e400', 'number'),
  bad('q10: 0 K', ['q10', '-T', '0K'], '--temperature', '0K', 'temperature'),
  bad('q10: reference below absolute zero', ['q10', '-r', '-500degC'], '--reference', '-500degC', 'temperature'),
  bad('q10: reference "6.3 valueOf"', ['q10', '-r', '6.3 valueOf'], '--reference', '6.3 valueOf', 'temperature'),

  // presets
  bad('presets: "__proto__"', ['presets', '__proto__'], 'presets <id>', '__proto__', 'squid-giant-axon'),
  bad('presets: "constructor"', ['presets', 'constructor'], 'presets <id>', 'constructor', 'squid-giant-axon'),
  bad('presets: "toString"', ['presets', 'toString'], 'presets <id>', 'toString', 'squid-giant-axon'),
  long('presets: a 120 kB id is quoted cut', ['presets', longText(120_000, 'a')], 'presets <id>'),

  // the command line itself
  bad('unknown command', ['nernts'], 'nernts', undefined, 'nernst'),
  bad('unknown option', ['q10', '--bogus'], '--bogus', undefined, 'membrane q10 --help'),
  bad('option without its value', ['nernst', '--ion', 'K', '--out', '5mM', '--in'], '--in', undefined, 'value'),
  bad('too many arguments', ['presets', 'a', 'b'], 'presets', undefined, 'argument'),
];
