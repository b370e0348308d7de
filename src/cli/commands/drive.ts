/** `membrane drive`: driving force on each ion at a membrane potential, and which way it flows. */
import type { Command } from 'commander';
import { ionFlow } from '../../core/index.js';
import { asOptions, typed, voltage } from '../arguments.js';
import { collect } from '../ion-argument.js';
import { ION_KEYS, ionList, presetOption, temperatureWithPreset, type IonListOptions } from '../ion-list.js';
import { addJsonOption, emit, fixed, num, type JsonFlag } from '../output.js';
import { addTemperatureOption, ionWithCharge, temperatureFields, temperatureText } from './shared.js';

interface DriveOptions extends IonListOptions, JsonFlag {
  voltage: string;
}

export function register(program: Command): void {
  const command = program
    .command('drive')
    .summary('driving force (Vm − E) and direction of net flow of each ion')
    .description(
      'Electrochemical driving force Vm − E on each ion at a membrane potential, and the direction of its net passive ' +
        'flow through open channels: Vm > E gives an outward current, which carries cations out but anions in.\n\n' +
        'JSON keys: Vm_mV, temperature_K, temperature_degC, preset (with --preset), ions (a list of { ion, valence, ' +
        'inside_mM, outside_mM, E_mV, drivingForce_mV, ionDirection ("into the cell", "out of the cell", "none"), ' +
        'currentDirection ("inward", "outward", "none") }).',
    )
    .requiredOption('-V, --voltage <Vm>', 'membrane potential ("-70mV")')
    .option('-i, --ion <spec>', 'an ion, repeatable: NAME:in=<c>,out=<c>[,z=<valence>], e.g. "Na:in=12mM,out=145mM"; with --preset, fields given override the preset\'s', collect)
    .option('-p, --preset <id>', 'take every ion of a preset (see "membrane presets")');
  addTemperatureOption(command);
  addJsonOption(command);
  command.addHelpText(
    'after',
    '\nThe temperature defaults to the preset\'s when --preset is given.\nExamples:\n' +
      '  membrane drive --voltage -70mV --preset mammalian-neuron\n' +
      '  membrane drive --voltage -70mV --ion K:in=140mM,out=5mM --ion Cl:in=10mM,out=110mM --json',
  );
  command.action((options: DriveOptions, self: Command) => {
    const Vm = voltage(options.voltage, '--voltage');
    const preset = presetOption(options.preset);
    const kelvin = temperatureWithPreset(self, options, preset);
    const given = typed(options.ion === undefined ? '--preset' : '--ion', options.ion?.join(' ') ?? options.preset);
    const fields = { voltage: typed('--voltage', options.voltage), temperature: typed('--temperature', options.temperature), inside: given, outside: given };
    const ions = ionList(options, preset, ION_KEYS).map((ion) => ({
      ...ion,
      flow: asOptions(fields, () =>
        ionFlow({ valence: ion.valence, inside: ion.inside, outside: ion.outside, voltage: Vm, temperature: kelvin }),
      ),
    }));
    emit(
      options,
      {
        Vm_mV: Vm,
        ...temperatureFields(kelvin),
        preset: preset?.id,
        ions: ions.map((ion) => ({
          ion: ion.symbol,
          valence: ion.valence,
          inside_mM: ion.inside,
          outside_mM: ion.outside,
          E_mV: ion.flow.reversal,
          drivingForce_mV: ion.flow.drivingForce,
          ionDirection: ion.flow.ionDirection,
          currentDirection: ion.flow.currentDirection,
        })),
      },
      () => [
        `driving force = Vm − E, at Vm = ${num(Vm)} mV, T = ${temperatureText(kelvin)}${preset ? `, preset ${preset.id}` : ''}:`,
        ...ions.map((ion) => {
          const flow = ion.flow;
          const moves =
            flow.ionDirection === 'none'
              ? 'at equilibrium: no net flow'
              : `${ionWithCharge(ion.symbol, ion.valence)} flows ${flow.ionDirection} (${flow.currentDirection} current)`;
          return `  ${ionWithCharge(ion.symbol, ion.valence).padEnd(6)} ${num(Vm)} − (${fixed(flow.reversal)}) = ${fixed(flow.drivingForce)} mV: ${moves}`;
        }),
      ],
    );
  });
}
