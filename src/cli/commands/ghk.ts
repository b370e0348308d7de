/** `membrane ghk`: the Goldman-Hodgkin-Katz resting potential of several permeant ions. */
import type { Command } from 'commander';
import { ghkPotential, nernstPotential, thermalVoltage } from '../../core/index.js';
import { describeValue, InputError } from '../../units/index.js';
import { asOptions, typed } from '../arguments.js';
import { collect, type IonEntry } from '../ion-argument.js';
import { GHK_KEYS, ionList, presetOption, temperatureWithPreset, type IonListOptions } from '../ion-list.js';
import { addJsonOption, emit, fixed, num, type JsonFlag } from '../output.js';
import { addTemperatureOption, ionWithCharge, temperatureFields, temperatureText } from './shared.js';

type GhkOptions = IonListOptions & JsonFlag;

/** "(1×5 + 0.04×145 + 0.45×10)": permeability × concentration, cations from one side and anions from the other. */
function weightedSum(ions: readonly Required<IonEntry>[], side: 'top' | 'bottom'): string {
  return ions
    .map((ion) => {
      const cationOutside = (ion.valence > 0) === (side === 'top');
      return `${num(ion.permeability)}×${num(cationOutside ? ion.outside : ion.inside)}`;
    })
    .join(' + ');
}

function symbolicSum(ions: readonly Required<IonEntry>[], side: 'top' | 'bottom'): string {
  return ions
    .map((ion) => `p${ion.symbol}[${ion.symbol}]${(ion.valence > 0) === (side === 'top') ? 'o' : 'i'}`)
    .join(' + ');
}

export function register(program: Command): void {
  const command = program
    .command('ghk')
    .summary('Goldman-Hodgkin-Katz resting potential of several ions')
    .description(
      'Resting potential where the Goldman-Hodgkin-Katz currents of all permeant ions cancel. For monovalent ions it is\n' +
        '  Vm = (RT/F) ln((Σ p[cation]o + Σ p[anion]i) / (Σ p[cation]i + Σ p[anion]o));\n' +
        'with other valences (Ca2+) the zero-current voltage is found numerically. Permeabilities are relative (only ' +
        'ratios matter) or in cm/s. Ions of a --preset without a permeability are left out unless an --ion gives p=.\n\n' +
        'JSON keys: Vm_mV, method ("closed form" or "numeric"), temperature_K, temperature_degC, RT_over_F_mV, ' +
        'preset (with --preset), ions (a list of { ion, valence, inside_mM, outside_mM, permeability, E_mV }) and ' +
        'nernst_mV (each ion\'s Nernst potential by symbol, e.g. { "K": -84.2, "Na": 61.1 }).',
    )
    .option(
      '-i, --ion <spec>',
      'an ion, repeatable: NAME:in=<c>,out=<c>,p=<relative permeability>[,z=<valence>], e.g. "K:in=140mM,out=5mM,p=1"; with --preset, fields given override the preset\'s',
      collect,
    )
    .option('-p, --preset <id>', 'start from a preset\'s concentrations, permeabilities and temperature (see "membrane presets")');
  addTemperatureOption(command, '37degC');
  addJsonOption(command);
  command.addHelpText(
    'after',
    '\nThe temperature defaults to the preset\'s when --preset is given.\nExamples:\n' +
      '  membrane ghk --temperature 20degC --ion K:in=140mM,out=5mM,p=1 --ion Na:in=12mM,out=145mM,p=0.04 --ion Cl:in=10mM,out=110mM,p=0.45 --json\n' +
      '  membrane ghk --preset squid-giant-axon\n' +
      '  membrane ghk --ion K:in=140mM,out=5mM,p=1 --ion Ca:in=100nM,out=2mM,p=0.1',
  );
  command.action((options: GhkOptions, self: Command) => {
    const preset = presetOption(options.preset);
    const kelvin = temperatureWithPreset(self, options, preset);
    const all = ionList(options, preset, GHK_KEYS);
    const ions = all.filter((ion): ion is Required<IonEntry> => ion.permeability !== undefined);
    if (ions.length === 0) {
      throw new InputError(
        '--ion',
        options.ion === undefined ? 'nothing' : describeValue(options.ion.join(' ')),
        `at least one ion with a permeability p=, as in "${GHK_KEYS.example}"${preset ? ` (preset ${preset.id} gives none)` : ''}`,
      );
    }
    const permeant = ions.map((ion) => ({ valence: ion.valence, inside: ion.inside, outside: ion.outside, permeability: ion.permeability }));
    const given = typed(options.ion === undefined ? '--preset' : '--ion', options.ion?.join(' ') ?? options.preset);
    const Vm = asOptions({ ions: given, temperature: typed('--temperature', options.temperature) }, () => ghkPotential(permeant, kelvin));
    const RT_over_F = thermalVoltage(kelvin);
    const withE = ions.map((ion) => ({ ...ion, E: nernstPotential({ ...ion, temperature: kelvin }) }));
    const closedForm = ions.filter((ion) => ion.permeability > 0).every((ion) => Math.abs(ion.valence) === 1);
    emit(
      options,
      {
        Vm_mV: Vm,
        method: closedForm ? 'closed form' : 'numeric',
        ...temperatureFields(kelvin),
        RT_over_F_mV: RT_over_F,
        preset: preset?.id,
        ions: withE.map((ion) => ({
          ion: ion.symbol,
          valence: ion.valence,
          inside_mM: ion.inside,
          outside_mM: ion.outside,
          permeability: ion.permeability,
          E_mV: ion.E,
        })),
        nernst_mV: Object.fromEntries(withE.map((ion) => [ion.symbol, ion.E])),
      },
      () => {
        const lines: string[] = [];
        const used = ions.filter((ion) => ion.permeability > 0);
        if (closedForm) {
          const top = used.reduce((sum, ion) => sum + ion.permeability * (ion.valence > 0 ? ion.outside : ion.inside), 0);
          const bottom = used.reduce((sum, ion) => sum + ion.permeability * (ion.valence > 0 ? ion.inside : ion.outside), 0);
          lines.push(
            `Vm = (RT/F) ln((${symbolicSum(used, 'top')}) / (${symbolicSum(used, 'bottom')}))`,
            `   = ${fixed(RT_over_F)} mV × ln((${weightedSum(used, 'top')}) / (${weightedSum(used, 'bottom')}))`,
            `   = ${fixed(RT_over_F)} mV × ln(${num(top)}/${num(bottom)}) = ${fixed(Vm)} mV`,
          );
        } else {
          lines.push(
            'Vm solves Σ z·P·(c_in·B(−u) − c_out·B(u)) = 0 with u = zFV/RT, B(x) = x/(eˣ − 1): the GHK currents cancel',
            `   (not all ions are monovalent, so it is solved numerically) Vm = ${fixed(Vm)} mV`,
          );
        }
        lines.push(`  T = ${temperatureText(kelvin)}${preset ? `, preset ${preset.id}` : ''}`);
        for (const ion of withE) {
          lines.push(
            `  ${ionWithCharge(ion.symbol, ion.valence).padEnd(6)} in ${num(ion.inside)} mM, out ${num(ion.outside)} mM, p ${num(ion.permeability)}, E_${ion.symbol} = ${fixed(ion.E)} mV`,
          );
        }
        return lines;
      },
    );
  });
}
