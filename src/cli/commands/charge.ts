/** `membrane charge`: how much charge (how many ions) a membrane potential takes. */
import type { Command } from 'commander';
import { chargeSeparation } from '../../core/index.js';
import { describeValue, InputError } from '../../units/index.js';
import { asOptions, concentration, positiveQuantity, typed, voltage } from '../arguments.js';
import { addGeometryOptions, shapeFields, shapeOf, shapeText, type GeometryOptions } from '../geometry.js';
import { addJsonOption, emit, num, type JsonFlag } from '../output.js';

interface ChargeOptions extends JsonFlag, GeometryOptions {
  voltage: string;
  capacitance: string;
  concentration?: string;
}

export function register(program: Command): void {
  const command = program
    .command('charge')
    .summary('charge (number of ions) separated across the membrane at a voltage')
    .description(
      'Charge separated across the membrane to hold a voltage: Q = C·A·V, and how many monovalent ions that is (|Q|/e). ' +
        'The cell is a sphere (--diameter), a cylinder (--diameter and --length; lateral area, no end caps) or any ' +
        'shape of given --area (and --volume). With --concentration, also the fraction of the cell\'s ions that is.\n\n' +
        'JSON keys: Vm_mV, geometry, diameter_um, length_um, area_um2, volume_um3, specificCapacitance_uF_per_cm2, ' +
        'capacitance_pF, charge_C, charge_pC, ions, amount_mol, and with --concentration: concentration_mM, fraction.',
    )
    .requiredOption('-V, --voltage <V>', 'membrane potential ("-70mV", "-0.07 V")');
  addGeometryOptions(command)
    .option('-c, --capacitance <Cm>', 'specific membrane capacitance', '1uF/cm2')
    .option('--concentration <c>', 'concentration of the ion in the cell ("140mM"): gives the fraction of those ions');
  addJsonOption(command);
  command.addHelpText('after', '\nExample:\n  membrane charge --voltage -70mV --diameter 20um --concentration 140mM --json');
  command.action((options: ChargeOptions) => {
    const Vm = voltage(options.voltage, '--voltage');
    const shape = shapeOf(options, true)!;
    const cm = positiveQuantity(options.capacitance, 'specificCapacitance', '--capacitance');
    const c = options.concentration === undefined ? undefined : concentration(options.concentration, '--concentration');
    if (c !== undefined && shape.volume === undefined) {
      throw new InputError('--concentration', describeValue(options.concentration), 'a cell volume too: give --volume with --area (or use --diameter)');
    }
    const result = asOptions(
      {
        voltage: typed('--voltage', options.voltage),
        area: shape.kind === 'area' ? typed('--area', options.area) : typed('--diameter', options.diameter),
        capacitance: typed('--capacitance', options.capacitance),
        volume: shape.kind === 'area' ? typed('--volume', options.volume) : typed('--diameter', options.diameter),
        concentration: typed('--concentration', options.concentration),
      },
      () =>
        chargeSeparation({
          voltage: Vm,
          area: shape.area,
          capacitance: cm,
          ...(c === undefined ? {} : { concentration: c, volume: shape.volume }),
        }),
    );
    emit(
      options,
      {
        Vm_mV: Vm,
        ...shapeFields(shape),
        specificCapacitance_uF_per_cm2: cm,
        capacitance_pF: result.totalCapacitance,
        charge_C: result.chargeCoulombs,
        charge_pC: result.chargeCoulombs * 1e12,
        ions: result.ions,
        amount_mol: result.moles,
        concentration_mM: c,
        fraction: result.fraction,
      },
      () => {
        const lines = [
          `Q = C·A·V = ${num(cm)} uF/cm2 × ${num(shape.area)} um2 × ${num(Vm)} mV = ${num(result.totalCapacitance)} pF × ${num(Vm)} mV = ${num(result.chargeCoulombs)} C (${num(result.chargeCoulombs * 1e12)} pC)`,
          `|Q|/e = ${num(result.ions)} monovalent ions (${num(result.moles)} mol)`,
          `  ${shapeText(shape)}`,
        ];
        if (result.fraction !== undefined && c !== undefined) {
          lines.push(`  that is a fraction ${num(result.fraction)} (1 in ${num(1 / result.fraction, 3)}) of the cell's ${num(c)} mM`);
        }
        return lines;
      },
    );
  });
}
