/**
 * `membrane energy`: free energy of moving a mole of an ion across the membrane, or (`--pump`) the energy balance
 * of one Na+/K+-ATPase cycle against the free energy of ATP hydrolysis.
 */
import type { Command } from 'commander';
import { nernstPotential, pumpCycleFreeEnergy, transferFreeEnergy } from '../../core/index.js';
import { describeValue, FARADAY, GAS_CONSTANT, InputError } from '../../units/index.js';
import { asOptions, concentration, ion, quantity, temperature, typed, voltage } from '../arguments.js';
import { addJsonOption, emit, fixed, num, type JsonFlag } from '../output.js';
import { addTemperatureOption, ionWithCharge, temperatureFields, temperatureText } from './shared.js';

interface EnergyOptions extends JsonFlag {
  ion?: string;
  in?: string;
  out?: string;
  valence?: string;
  direction: string;
  voltage: string;
  temperature: string;
  pump?: boolean;
  naIn: string;
  naOut: string;
  kIn: string;
  kOut: string;
  atp: string;
}

const kJ = (joules: number): number => joules / 1000;

function ionEnergy(options: EnergyOptions): void {
  for (const [option, value] of [['--ion', options.ion], ['--in', options.in], ['--out', options.out]] as const) {
    if (value === undefined) {
      throw new InputError(option, 'nothing', `a value: give --ion, --in and --out (or use --pump for the Na+/K+ pump cycle)`);
    }
  }
  const species = ion(options.ion as string, '--ion', options.valence);
  const inside = concentration(options.in as string, '--in');
  const outside = concentration(options.out as string, '--out');
  const Vm = voltage(options.voltage, '--voltage');
  const kelvin = temperature(options.temperature);
  const direction = options.direction.trim().toLowerCase();
  if (direction !== 'in' && direction !== 'out') {
    throw new InputError('--direction', describeValue(options.direction), '"in" (into the cell) or "out" (out of the cell)');
  }
  const entering = direction === 'in';
  const z = species.valence;
  // Outside is at 0 V; inside at Vm.
  const from = entering ? { c: outside, V: 0 } : { c: inside, V: Vm };
  const to = entering ? { c: inside, V: Vm } : { c: outside, V: 0 };
  const insideText = typed('--in', options.in);
  const outsideText = typed('--out', options.out);
  const fields = {
    valence: typed(options.valence === undefined ? '--ion' : '--valence', options.valence ?? options.ion),
    fromConcentration: entering ? outsideText : insideText,
    toConcentration: entering ? insideText : outsideText,
    fromVoltage: typed('--voltage', options.voltage),
    toVoltage: typed('--voltage', options.voltage),
    temperature: typed('--temperature', options.temperature),
  };
  const total = asOptions(fields, () =>
    transferFreeEnergy({ valence: z, fromConcentration: from.c, toConcentration: to.c, fromVoltage: from.V, toVoltage: to.V, temperature: kelvin }),
  );
  const chemical = GAS_CONSTANT * kelvin * (Math.log(to.c) - Math.log(from.c));
  const electrical = z * FARADAY * ((to.V - from.V) / 1000);
  const E = nernstPotential({ valence: z, inside, outside, temperature: kelvin });
  const where = entering ? 'into the cell' : 'out of the cell';
  const verdict = total.joulesPerMole < 0 ? 'spontaneous' : total.joulesPerMole > 0 ? 'not spontaneous (needs energy)' : 'at equilibrium';
  emit(
    options,
    {
      mode: 'ion',
      ion: species.symbol,
      valence: z,
      direction: where,
      inside_mM: inside,
      outside_mM: outside,
      Vm_mV: Vm,
      ...temperatureFields(kelvin),
      E_mV: E,
      chemical_kJ_per_mol: kJ(chemical),
      electrical_kJ_per_mol: kJ(electrical),
      dG_kJ_per_mol: total.kilojoulesPerMole,
      spontaneous: total.spontaneous,
    },
    () => [
      `ΔG(${ionWithCharge(species.symbol, z)} ${where}) = RT ln(c_to/c_from) + zF(V_to − V_from)`,
      `   = ${num(kJ(GAS_CONSTANT * kelvin))} kJ/mol × ln(${num(to.c)}/${num(from.c)}) + (${z}) × ${num(kJ(FARADAY))} kJ/(mol·V) × (${num(to.V / 1000)} − ${num(from.V / 1000)}) V`,
      `   = ${fixed(kJ(chemical))} ${electrical < 0 ? '−' : '+'} ${fixed(Math.abs(kJ(electrical)))} = ${fixed(total.kilojoulesPerMole)} kJ/mol: ${verdict}`,
      `  inside ${num(inside)} mM, outside ${num(outside)} mM, Vm = ${num(Vm)} mV, E_${species.symbol} = ${fixed(E)} mV, T = ${temperatureText(kelvin)}`,
    ],
  );
}

function pumpEnergy(options: EnergyOptions): void {
  const sodiumInside = concentration(options.naIn, '--na-in');
  const sodiumOutside = concentration(options.naOut, '--na-out');
  const potassiumInside = concentration(options.kIn, '--k-in');
  const potassiumOutside = concentration(options.kOut, '--k-out');
  const Vm = voltage(options.voltage, '--voltage');
  const kelvin = temperature(options.temperature);
  const atp = quantity(options.atp, 'energy', '--atp');
  if (!(atp < 0)) throw new InputError('--atp', describeValue(options.atp), 'a negative free energy of ATP hydrolysis, such as "-50kJ/mol"');
  const result = asOptions(
    {
      atpFreeEnergy: typed('--atp', options.atp),
      sodiumInside: typed('--na-in', options.naIn),
      sodiumOutside: typed('--na-out', options.naOut),
      potassiumInside: typed('--k-in', options.kIn),
      potassiumOutside: typed('--k-out', options.kOut),
      voltage: typed('--voltage', options.voltage),
      temperature: typed('--temperature', options.temperature),
    },
    () => pumpCycleFreeEnergy({ sodiumInside, sodiumOutside, potassiumInside, potassiumOutside, voltage: Vm, temperature: kelvin, atpFreeEnergy: atp }),
  );
  emit(
    options,
    {
      mode: 'pump',
      Vm_mV: Vm,
      ...temperatureFields(kelvin),
      sodiumInside_mM: sodiumInside,
      sodiumOutside_mM: sodiumOutside,
      potassiumInside_mM: potassiumInside,
      potassiumOutside_mM: potassiumOutside,
      sodium_kJ_per_mol: kJ(result.sodiumJoulesPerMole),
      potassium_kJ_per_mol: kJ(result.potassiumJoulesPerMole),
      required_kJ_per_mol: kJ(result.requiredJoulesPerMole),
      atp_kJ_per_mol: kJ(atp),
      available_kJ_per_mol: kJ(result.availableJoulesPerMole),
      margin_kJ_per_mol: kJ(result.marginJoulesPerMole),
      atpSuffices: result.atpSuffices,
    },
    () => [
      'Na+/K+ pump cycle: 3 Na+ out, 2 K+ in per ATP',
      `  3 Na+ out: 3 [RT ln(Na_o/Na_i) − F·Vm] = 3 [${num(kJ(GAS_CONSTANT * kelvin))} × ln(${num(sodiumOutside)}/${num(sodiumInside)}) − ${num(kJ(FARADAY))} × ${num(Vm / 1000)}] = ${fixed(kJ(result.sodiumJoulesPerMole))} kJ/mol`,
      `  2 K+ in:   2 [RT ln(K_i/K_o) + F·Vm]  = 2 [${num(kJ(GAS_CONSTANT * kelvin))} × ln(${num(potassiumInside)}/${num(potassiumOutside)}) + ${num(kJ(FARADAY))} × ${num(Vm / 1000)}] = ${fixed(kJ(result.potassiumJoulesPerMole))} kJ/mol`,
      `  required ${fixed(kJ(result.requiredJoulesPerMole))} kJ/mol; one ATP gives ${fixed(kJ(result.availableJoulesPerMole))} kJ/mol; margin ${fixed(kJ(result.marginJoulesPerMole))} kJ/mol: ` +
        (result.atpSuffices ? 'one ATP per cycle is enough' : 'one ATP per cycle is NOT enough'),
      `  Vm = ${num(Vm)} mV, T = ${temperatureText(kelvin)}`,
    ],
  );
}

export function register(program: Command): void {
  const command = program
    .command('energy')
    .summary('free energy of moving an ion across the membrane, or of the Na+/K+ pump cycle (--pump)')
    .description(
      'Free energy of moving one mole of an ion across the membrane (outside at 0 V, inside at Vm):\n' +
        '  ΔG = RT ln(c_to/c_from) + zF(V_to − V_from)\n' +
        'Negative means the move happens by itself.\n\n' +
        'JSON keys: mode ("ion"), ion, valence, direction, inside_mM, outside_mM, Vm_mV, temperature_K, temperature_degC, ' +
        'E_mV, chemical_kJ_per_mol, electrical_kJ_per_mol, dG_kJ_per_mol, spontaneous.\n\n' +
        'With --pump: the energy one Na+/K+-ATPase cycle (3 Na+ out, 2 K+ in) needs, against one ATP. JSON keys: mode ("pump"), ' +
        'Vm_mV, temperature_K, temperature_degC, sodiumInside_mM, sodiumOutside_mM, potassiumInside_mM, potassiumOutside_mM, ' +
        'sodium_kJ_per_mol, potassium_kJ_per_mol, required_kJ_per_mol, atp_kJ_per_mol, available_kJ_per_mol, ' +
        'margin_kJ_per_mol, atpSuffices.',
    )
    .option('--ion <name>', 'ion (K, Na, Cl, Ca, ...); needed unless --pump')
    .option('--in <concentration>', 'concentration inside ("140mM"); needed unless --pump')
    .option('--out <concentration>', 'concentration outside ("5mM"); needed unless --pump')
    .option('-z, --valence <z>', 'charge number, for an ion not in the table or to override it (default: from the ion)')
    .option('--direction <in|out>', 'move the ion "in" (into the cell) or "out"', 'in')
    .option('-V, --voltage <Vm>', 'membrane potential', '-70mV')
    .option('--pump', 'energy balance of one Na+/K+ pump cycle instead of one ion', false)
    .option('--na-in <c>', 'with --pump: Na+ inside', '12mM')
    .option('--na-out <c>', 'with --pump: Na+ outside', '145mM')
    .option('--k-in <c>', 'with --pump: K+ inside', '140mM')
    .option('--k-out <c>', 'with --pump: K+ outside', '5mM')
    .option('--atp <dG>', 'with --pump: free energy of ATP hydrolysis in the cell', '-50kJ/mol');
  addTemperatureOption(command);
  addJsonOption(command);
  command.addHelpText(
    'after',
    '\nExamples:\n  membrane energy --ion Na --in 12mM --out 145mM --voltage -70mV\n  membrane energy --pump --voltage -70mV --json',
  );
  command.action((options: EnergyOptions) => {
    if (options.pump) {
      for (const option of ['ion', 'in', 'out', 'valence'] as const) {
        if (options[option] !== undefined) {
          throw new InputError(`--${option}`, describeValue(options[option]), 'no --ion/--in/--out/--valence with --pump (use --na-in, --na-out, --k-in, --k-out)');
        }
      }
      pumpEnergy(options);
    } else {
      ionEnergy(options);
    }
  });
}
