/** `membrane q10`: the temperature factor of a rate with a Q10 coefficient. */
import type { Command } from 'commander';
import { q10Factor } from '../../core/index.js';
import { asOptions, positiveQuantity, temperature, typed } from '../arguments.js';
import { addJsonOption, emit, num, type JsonFlag } from '../output.js';
import { temperatureFields, temperatureText, tidy } from './shared.js';

interface Q10Options extends JsonFlag {
  q10: string;
  temperature: string;
  reference: string;
}

export function register(program: Command): void {
  const command = program
    .command('q10')
    .summary('temperature factor of a rate: φ = Q10^((T − T_ref)/10)')
    .description(
      'How much faster a rate is at T than at the temperature where it was measured: φ = Q10^((T − T_ref)/10 K). ' +
        'Defaults are Hodgkin & Huxley\'s: Q10 = 3, measured at 6.3 degC.\n\n' +
        'JSON keys: q10, temperature_K, temperature_degC, reference_K, reference_degC, factor.',
    )
    .option('--q10 <Q>', 'rate ratio per 10 degC of warming', '3')
    .option('-T, --temperature <T>', 'temperature at which the rate is wanted', '37degC')
    .option('-r, --reference <T>', 'temperature at which the rate was measured', '6.3degC');
  addJsonOption(command);
  command.action((options: Q10Options) => {
    const q10 = positiveQuantity(options.q10, 'dimensionless', '--q10');
    const kelvin = temperature(options.temperature, '--temperature');
    const reference = temperature(options.reference, '--reference');
    const factor = asOptions(
      { q10: typed('--q10', options.q10), temperature: typed('--temperature', options.temperature), referenceTemperature: typed('--reference', options.reference) },
      () =>
      q10Factor({ q10, temperature: kelvin, referenceTemperature: reference }),
    );
    const reference_ = temperatureFields(reference);
    emit(
      options,
      { q10, ...temperatureFields(kelvin), reference_K: reference_.temperature_K, reference_degC: reference_.temperature_degC, factor },
      () => [
        `φ = Q10^((T − T_ref)/10) = ${num(q10)}^((${num(kelvin, 6)} − ${num(reference, 6)})/10) = ${num(q10)}^${num(tidy((kelvin - reference) / 10))} = ${num(factor)}`,
        `  T = ${temperatureText(kelvin)}, T_ref = ${temperatureText(reference)}`,
      ],
    );
  });
}
