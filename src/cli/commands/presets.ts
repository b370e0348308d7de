/** `membrane presets [id]`: the ion concentration presets, or one of them. */
import type { Command } from 'commander';
import { ION_PRESETS, lookupIon, nernstPotential, type IonPreset } from '../../core/index.js';
import { presetOption } from '../ion-list.js';
import { addJsonOption, emit, fixed, num, type JsonFlag } from '../output.js';
import { ionWithCharge, temperatureFields, temperatureText } from './shared.js';

function presetJson(preset: IonPreset) {
  return {
    id: preset.id,
    name: preset.name,
    description: preset.description,
    source: preset.source,
    ...temperatureFields(preset.temperature),
    ions: preset.ions.map((ion) => {
      const valence = lookupIon(ion.symbol).valence;
      return {
        ion: ion.symbol,
        valence,
        inside_mM: ion.inside,
        outside_mM: ion.outside,
        permeability: ion.permeability,
        E_mV: nernstPotential({ valence, inside: ion.inside, outside: ion.outside, temperature: preset.temperature }),
      };
    }),
  };
}

export function register(program: Command): void {
  const command = program
    .command('presets')
    .summary('list the ion concentration presets, or show one')
    .description(
      'Without an id: the presets (for --preset of ghk, drive, circuit and pump). With an id: its ions, concentrations, ' +
        'permeabilities, temperature, source, and each ion\'s Nernst potential at that temperature.\n\n' +
        'JSON keys: presets (a list of { id, name, temperature_K, temperature_degC, ions }) without an id; with an id: ' +
        'id, name, description, source, temperature_K, temperature_degC, ions (a list of { ion, valence, inside_mM, ' +
        'outside_mM, permeability (when the source gives one), E_mV }).',
    )
    .argument('[id]', 'a preset id, e.g. squid-giant-axon');
  addJsonOption(command);
  command.action((id: string | undefined, options: JsonFlag) => {
    if (id === undefined) {
      emit(
        options,
        {
          presets: ION_PRESETS.map((preset) => ({
            id: preset.id,
            name: preset.name,
            ...temperatureFields(preset.temperature),
            ions: preset.ions.map((ion) => ion.symbol),
          })),
        },
        () => [
          ...ION_PRESETS.map((preset) => `${preset.id.padEnd(30)} ${preset.name} (${num(preset.temperature - 273.15)} degC; ${preset.ions.map((ion) => ion.symbol).join(', ')})`),
          '"membrane presets <id>" shows one.',
        ],
      );
      return;
    }
    const preset = presetOption(id, 'presets <id>') as IonPreset;
    const json = presetJson(preset);
    emit(options, json, () => [
      `${preset.id}: ${preset.name}`,
      `  ${preset.description}`,
      `  source: ${preset.source}`,
      `  T = ${temperatureText(preset.temperature)}`,
      ...json.ions.map(
        (ion) =>
          `  ${ionWithCharge(ion.ion, ion.valence).padEnd(7)} in ${num(ion.inside_mM)} mM, out ${num(ion.outside_mM)} mM${ion.permeability === undefined ? '' : `, p ${num(ion.permeability)}`}, E = ${fixed(ion.E_mV)} mV`,
      ),
    ]);
  });
}
