/** `membrane nernst`: the Nernst equilibrium potential of one ion. */
import type { Command } from 'commander';
import { nernstPotential, thermalVoltage } from '../../core/index.js';
import { asOptions, concentration, ion, temperature, typed } from '../arguments.js';
import { addJsonOption, emit, fixed, num, type JsonFlag } from '../output.js';
import { addTemperatureOption, ionWithCharge, signed, temperatureFields, temperatureText } from './shared.js';

interface NernstOptions extends JsonFlag {
  ion: string;
  in: string;
  out: string;
  valence?: string;
  temperature: string;
}

export function register(program: Command): void {
  const command = program
    .command('nernst')
    .summary('equilibrium (Nernst) potential of one ion')
    .description(
      'Equilibrium (reversal) potential of one ion, inside relative to outside: E = (RT/zF) ln(out/in).\n\n' +
        'JSON keys: ion, valence, inside_mM, outside_mM, temperature_K, temperature_degC, RT_over_F_mV, E_mV.',
    )
    .requiredOption('--ion <name>', 'ion: K, Na, Cl, Ca, Mg, H, HCO3, a name ("potassium") or with charge ("Ca2+")')
    .requiredOption('--in <concentration>', 'concentration inside the cell ("140mM", "0.14 M", "100nM"; bare number = mM)')
    .requiredOption('--out <concentration>', 'concentration outside the cell')
    .option('-z, --valence <z>', 'charge number z, for an ion not in the table or to override it (default: from the ion)');
  addTemperatureOption(command);
  addJsonOption(command);
  command.addHelpText('after', '\nExample:\n  membrane nernst --ion K --in 140mM --out 5mM --temperature 37degC --json');
  command.action((options: NernstOptions) => {
    const species = ion(options.ion, '--ion', options.valence);
    const inside = concentration(options.in, '--in');
    const outside = concentration(options.out, '--out');
    const kelvin = temperature(options.temperature);
    const fields = {
      valence: typed(options.valence === undefined ? '--ion' : '--valence', options.valence ?? options.ion),
      inside: typed('--in', options.in),
      outside: typed('--out', options.out),
      temperature: typed('--temperature', options.temperature),
    };
    const E = asOptions(fields, () => nernstPotential({ valence: species.valence, inside, outside, temperature: kelvin }));
    const RT_over_F = asOptions(fields, () => thermalVoltage(kelvin));
    const z = species.valence;
    emit(
      options,
      {
        ion: species.symbol,
        valence: z,
        inside_mM: inside,
        outside_mM: outside,
        ...temperatureFields(kelvin),
        RT_over_F_mV: RT_over_F,
        E_mV: E,
      },
      () => {
        const factor = z === 1 ? `${fixed(RT_over_F)} mV` : `(${fixed(RT_over_F)} mV / ${z < 0 ? `(${z})` : z})`;
        return [
          `E_${species.symbol} = (RT/zF) ln(out/in) = ${factor} × ln(${num(outside)}/${num(inside)}) = ${fixed(E)} mV`,
          `  ${ionWithCharge(species.symbol, z)} (z = ${signed(z)}), inside ${num(inside)} mM, outside ${num(outside)} mM, T = ${temperatureText(kelvin)}`,
        ];
      },
    );
  });
}
