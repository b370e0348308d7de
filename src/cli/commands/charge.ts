/** `membrane charge`: how much charge (how many ions) a membrane potential takes. */
import type { Command } from 'commander';
import { chargeSeparation, cylinderGeometry, sphereGeometry, type Geometry } from '../../core/index.js';
import { describeValue, InputError } from '../../units/index.js';
import { asOptions, concentration, positiveQuantity, voltage } from '../arguments.js';
import { addJsonOption, emit, fixed, num, type JsonFlag, type JsonObject } from '../output.js';

interface ChargeOptions extends JsonFlag {
  voltage: string;
  diameter?: string;
  length?: string;
  area?: string;
  volume?: string;
  capacitance: string;
  concentration?: string;
}

interface Shape extends Partial<Geometry> {
  readonly kind: 'sphere' | 'cylinder' | 'area';
  readonly area: number;
  readonly diameter?: number;
  readonly length?: number;
}

function shapeOf(options: ChargeOptions): Shape {
  const fields = { diameter: '--diameter', length: '--length' };
  if (options.area !== undefined) {
    const area = positiveQuantity(options.area, 'area', '--area');
    const volume = options.volume === undefined ? undefined : positiveQuantity(options.volume, 'volume', '--volume');
    return { kind: 'area', area, ...(volume === undefined ? {} : { volume }) };
  }
  if (options.diameter === undefined) {
    throw new InputError(
      '--diameter',
      options.length === undefined ? 'nothing' : `nothing (with --length ${describeValue(options.length)})`,
      'a cell size: --diameter for a sphere, --diameter with --length for a cylinder, or --area',
    );
  }
  const diameter = positiveQuantity(options.diameter, 'length', '--diameter');
  if (options.length === undefined) {
    return { kind: 'sphere', diameter, ...asOptions(fields, () => sphereGeometry(diameter)) };
  }
  const length = positiveQuantity(options.length, 'length', '--length');
  return { kind: 'cylinder', diameter, length, ...asOptions(fields, () => cylinderGeometry(diameter, length)) };
}

export function register(program: Command): void {
  const command = program
    .command('charge')
    .summary('charge (number of ions) separated across the membrane at a voltage')
    .description(
      'Charge separated across the membrane to hold a voltage: Q = C·A·V, and how many monovalent ions that is (|Q|/e).\n' +
        'The cell is a sphere (--diameter), a cylinder (--diameter and --length; lateral area, no end caps) or any\n' +
        'shape of given --area (and --volume). With --concentration, also the fraction of the cell\'s ions that is.\n' +
        'JSON keys: Vm_mV, geometry, diameter_um, length_um, area_um2, volume_um3, specificCapacitance_uF_per_cm2,\n' +
        'capacitance_pF, charge_C, charge_pC, ions, amount_mol, concentration_mM, fraction (the last two with --concentration).',
    )
    .requiredOption('-V, --voltage <V>', 'membrane potential ("-70mV", "-0.07 V")')
    .option('-d, --diameter <d>', 'cell diameter ("20um"): a sphere, or a cylinder with --length')
    .option('-l, --length <L>', 'cylinder length ("100um"), with --diameter')
    .option('-a, --area <A>', 'membrane area ("1257um2", "1e-5 cm2"), instead of --diameter')
    .option('--volume <vol>', 'cell volume with --area ("4189um3", "4.2pL"), for --concentration')
    .option('-c, --capacitance <Cm>', 'specific membrane capacitance', '1uF/cm2')
    .option('--concentration <c>', 'concentration of the ion in the cell ("140mM"): gives the fraction of those ions');
  addJsonOption(command);
  command.addHelpText('after', '\nExample:\n  membrane charge --voltage -70mV --diameter 20um --concentration 140mM --json');
  command.action((options: ChargeOptions) => {
    const Vm = voltage(options.voltage, '--voltage');
    if (options.area !== undefined && options.diameter !== undefined) {
      throw new InputError('--area', describeValue(options.area), 'either --area or --diameter, not both');
    }
    const shape = shapeOf(options);
    const cm = positiveQuantity(options.capacitance, 'specificCapacitance', '--capacitance');
    const c = options.concentration === undefined ? undefined : concentration(options.concentration, '--concentration');
    if (c !== undefined && shape.volume === undefined) {
      throw new InputError('--concentration', describeValue(options.concentration), 'a cell volume too: give --volume with --area (or use --diameter)');
    }
    const result = asOptions(
      { voltage: '--voltage', area: shape.kind === 'area' ? '--area' : '--diameter', capacitance: '--capacitance', volume: '--volume', concentration: '--concentration' },
      () =>
        chargeSeparation({
          voltage: Vm,
          area: shape.area,
          capacitance: cm,
          ...(c === undefined ? {} : { concentration: c, volume: shape.volume }),
        }),
    );
    const json: JsonObject = {
      Vm_mV: Vm,
      geometry: shape.kind,
      diameter_um: shape.diameter,
      length_um: shape.length,
      area_um2: shape.area,
      volume_um3: shape.volume,
      specificCapacitance_uF_per_cm2: cm,
      capacitance_pF: result.totalCapacitance,
      charge_C: result.chargeCoulombs,
      charge_pC: result.chargeCoulombs * 1e12,
      ions: result.ions,
      amount_mol: result.moles,
      concentration_mM: c,
      fraction: result.fraction,
    };
    emit(options, json, () => {
      const where =
        shape.kind === 'sphere'
          ? `sphere of diameter ${num(shape.diameter ?? 0)} um`
          : shape.kind === 'cylinder'
            ? `cylinder of diameter ${num(shape.diameter ?? 0)} um and length ${num(shape.length ?? 0)} um (no end caps)`
            : 'given area';
      const lines = [
        `Q = C·A·V = ${num(cm)} uF/cm2 × ${num(shape.area)} um2 × ${num(Vm)} mV = ${num(result.totalCapacitance)} pF × ${num(Vm)} mV = ${num(result.chargeCoulombs)} C (${num(result.chargeCoulombs * 1e12)} pC)`,
        `|Q|/e = ${num(result.ions)} monovalent ions (${num(result.moles)} mol)`,
        `  ${where}: area ${num(shape.area)} um2${shape.volume === undefined ? '' : `, volume ${num(shape.volume)} um3`}`,
      ];
      if (result.fraction !== undefined && c !== undefined) {
        lines.push(`  that is a fraction ${num(result.fraction)} (1 in ${num(1 / result.fraction, 3)}) of the cell's ${num(c)} mM`);
      }
      return lines;
    });
  });
}
