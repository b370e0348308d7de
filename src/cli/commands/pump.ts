/** `membrane pump`: the resting potential with an electrogenic Na+/K+ pump (Mullins & Noda 1963). */
import type { Command } from 'commander';
import { electrogenicPumpPotential, mullinsNodaPotential, thermalVoltage } from '../../core/index.js';
import { describeValue, InputError } from '../../units/index.js';
import { asOptions, positiveQuantity, quantity, typed } from '../arguments.js';
import { collect, type IonEntry } from '../ion-argument.js';
import { GHK_KEYS, ionList, presetOption, temperatureWithPreset, type IonListOptions } from '../ion-list.js';
import { addJsonOption, emit, fixed, num, type JsonFlag } from '../output.js';
import { addTemperatureOption, temperatureFields, temperatureText } from './shared.js';

interface PumpOptions extends IonListOptions, JsonFlag {
  ratio: string;
  current?: string;
  resistance?: string;
}

export function register(program: Command): void {
  const command = program
    .command('pump')
    .summary('resting potential with an electrogenic Na+/K+ pump (Mullins-Noda)')
    .description(
      'Steady potential with a Na+/K+ pump of coupling ratio r (3 Na+ out : 2 K+ in, r = 1.5), Mullins & Noda (1963):\n' +
        '  Vm = (RT/F) ln((r·pK·[K]o + pNa·[Na]o) / (r·pK·[K]i + pNa·[Na]i))\n' +
        'r = 1 is the GHK potential. ' +
        'With --current and --resistance, also the pump\'s direct contribution ΔV = −I_pump·R_in.\n\n' +
        'JSON keys: Vm_mV, ghk_mV (r = 1), pumpContribution_mV (Vm − ghk), ratio, temperature_K, temperature_degC, ' +
        'preset (with --preset), ions ({ ion, inside_mM, outside_mM, permeability } for K and Na), and with --current ' +
        'and --resistance: pumpCurrent_nA, inputResistance_MOhm, electrogenicShift_mV.',
    )
    .option('-i, --ion <spec>', 'K or Na, repeatable: NAME:in=<c>,out=<c>,p=<relative permeability>, e.g. "Na:in=12mM,out=145mM,p=0.04"', collect)
    .option('-p, --preset <id>', 'K+ and Na+ concentrations (and permeabilities, temperature) from a preset')
    .option('-r, --ratio <r>', 'coupling ratio Na+ out / K+ in', '1.5')
    .option('--current <I>', 'net outward pump current ("0.05nA"), for the direct electrogenic shift')
    .option('--resistance <R>', 'input resistance ("100MOhm"), for the direct electrogenic shift');
  addTemperatureOption(command);
  addJsonOption(command);
  command.addHelpText('after', '\nExample:\n  membrane pump --preset squid-giant-axon\n  membrane pump --ion K:in=140mM,out=5mM,p=1 --ion Na:in=12mM,out=145mM,p=0.04 --json');
  command.action((options: PumpOptions, self: Command) => {
    const preset = presetOption(options.preset);
    const kelvin = temperatureWithPreset(self, options, preset);
    const ratio = positiveQuantity(options.ratio, 'dimensionless', '--ratio');
    const ions = ionList(options, preset, GHK_KEYS);
    const pick = (symbol: string): Required<IonEntry> => {
      const ion = ions.find((item) => item.symbol === symbol);
      if (ion === undefined || ion.permeability === undefined) {
        throw new InputError('--ion', describeValue((options.ion ?? []).join(' ')), `${symbol} with in=, out= and p=, as in "${symbol}:in=140mM,out=5mM,p=1"`);
      }
      return ion as Required<IonEntry>;
    };
    const potassium = pick('K');
    const sodium = pick('Na');
    const given = typed(options.ion === undefined ? '--preset' : '--ion', options.ion?.join(' ') ?? options.preset);
    const fields = { couplingRatio: typed('--ratio', options.ratio), potassium: given, sodium: given, temperature: typed('--temperature', options.temperature) };
    const Vm = asOptions(fields, () => mullinsNodaPotential({ couplingRatio: ratio, potassium, sodium, temperature: kelvin }));
    const ghk = asOptions(fields, () => mullinsNodaPotential({ couplingRatio: 1, potassium, sodium, temperature: kelvin }));
    if ((options.current === undefined) !== (options.resistance === undefined)) {
      const [option, value] = options.current === undefined ? ['--resistance', options.resistance] : ['--current', options.current];
      throw new InputError(option, describeValue(value), 'both --current and --resistance, for the direct electrogenic shift');
    }
    const current = options.current === undefined ? undefined : quantity(options.current, 'current', '--current');
    const resistance = options.resistance === undefined ? undefined : positiveQuantity(options.resistance, 'resistance', '--resistance');
    const shift =
      current === undefined || resistance === undefined
        ? undefined
        : asOptions({ pumpCurrent: typed('--current', options.current), inputResistance: typed('--resistance', options.resistance) }, () => electrogenicPumpPotential({ pumpCurrent: current, inputResistance: resistance }));
    const RT_over_F = thermalVoltage(kelvin);
    emit(
      options,
      {
        Vm_mV: Vm,
        ghk_mV: ghk,
        pumpContribution_mV: Vm - ghk,
        ratio,
        ...temperatureFields(kelvin),
        preset: preset?.id,
        ions: [potassium, sodium].map((ion) => ({ ion: ion.symbol, inside_mM: ion.inside, outside_mM: ion.outside, permeability: ion.permeability })),
        pumpCurrent_nA: current,
        inputResistance_MOhm: resistance,
        electrogenicShift_mV: shift,
      },
      () => [
        `Vm = (RT/F) ln((r·pK[K]o + pNa[Na]o) / (r·pK[K]i + pNa[Na]i))`,
        `   = ${fixed(RT_over_F)} mV × ln((${num(ratio)}×${num(potassium.permeability)}×${num(potassium.outside)} + ${num(sodium.permeability)}×${num(sodium.outside)}) / (${num(ratio)}×${num(potassium.permeability)}×${num(potassium.inside)} + ${num(sodium.permeability)}×${num(sodium.inside)})) = ${fixed(Vm)} mV`,
        `  without the pump (r = 1, GHK): ${fixed(ghk)} mV; the pump adds ${fixed(Vm - ghk)} mV; T = ${temperatureText(kelvin)}`,
        ...(shift === undefined || current === undefined || resistance === undefined
          ? []
          : [`  direct electrogenic shift ΔV = −I·R = −${num(current)} nA × ${num(resistance)} MΩ = ${fixed(shift)} mV`]),
      ],
    );
  });
}
