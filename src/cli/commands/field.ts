/** `membrane field`: the electric field across the membrane. */
import type { Command } from 'commander';
import { membraneField } from '../../core/index.js';
import { asOptions, positiveQuantity, typed, voltage } from '../arguments.js';
import { addJsonOption, emit, num, type JsonFlag } from '../output.js';

interface FieldOptions extends JsonFlag {
  voltage: string;
  thickness: string;
}

export function register(program: Command): void {
  const command = program
    .command('field')
    .summary('electric field across the membrane (with a breakdown warning)')
    .description(
      'Mean electric field across the membrane treated as a uniform slab: E = V/d. Above |V| = 200 mV a warning says ' +
        'the membrane would electroporate.\n\n' +
        'JSON keys: Vm_mV, thickness_nm, field_V_per_m, field_kV_per_cm, breakdown (true above 200 mV), warning (when breakdown).',
    )
    .requiredOption('-V, --voltage <V>', 'membrane potential ("-70mV")')
    .option('--thickness <d>', 'membrane thickness ("7.5nm", "5 nm")', '7.5nm');
  addJsonOption(command);
  command.addHelpText('after', '\nExample:\n  membrane field --voltage -70mV --json');
  command.action((options: FieldOptions) => {
    const Vm = voltage(options.voltage, '--voltage');
    const thickness = positiveQuantity(options.thickness, 'length', '--thickness');
    const field = asOptions({ voltage: typed('--voltage', options.voltage), thickness: typed('--thickness', options.thickness) }, () => membraneField({ voltage: Vm, thickness }));
    const breakdown = field.breakdownWarning !== undefined;
    emit(
      options,
      {
        Vm_mV: Vm,
        thickness_nm: thickness * 1000,
        field_V_per_m: field.voltsPerMetre,
        field_kV_per_cm: field.kilovoltsPerCentimetre,
        breakdown,
        warning: field.breakdownWarning,
      },
      () => [
        `E = V/d = ${num(Vm)} mV / ${num(thickness * 1000)} nm = ${num(field.voltsPerMetre)} V/m (${num(field.kilovoltsPerCentimetre)} kV/cm)`,
        ...(breakdown ? [`Warning: ${field.breakdownWarning}`] : []),
      ],
    );
  });
}
