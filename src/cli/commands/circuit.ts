/** `membrane circuit`: the passive membrane as parallel conductance branches and a capacitor. */
import type { Command } from 'commander';
import { equivalentCircuit, lookupIon, nernstPotential } from '../../core/index.js';
import { describeValue, InputError } from '../../units/index.js';
import { asOptions, concentration, nonNegativeQuantity, positiveQuantity, typed, valence, voltage } from '../arguments.js';
import { addGeometryOptions, shapeFields, shapeOf, shapeText, type GeometryOptions } from '../geometry.js';
import { collect, parseIonSpec, specValue } from '../ion-argument.js';
import { presetOption, temperatureWithPreset } from '../ion-list.js';
import { addJsonOption, emit, fixed, num, type JsonFlag } from '../output.js';
import { addTemperatureOption, temperatureText } from './shared.js';

interface CircuitOptions extends JsonFlag, GeometryOptions {
  branch?: string[];
  preset?: string;
  temperature: string;
  capacitance: string;
  voltage?: string;
}

const BRANCH_KEYS = {
  g: 'specific conductance, e.g. 0.36mS/cm2 (bare number = S/cm2)',
  E: 'reversal potential',
  in: 'inside concentration, for E from Nernst',
  out: 'outside concentration, for E from Nernst',
  z: 'valence',
};
const BRANCH_EXAMPLE = 'K:g=0.36mS/cm2,E=-77mV';

interface Branch {
  readonly name: string;
  /** S/cm2 */
  readonly conductance: number;
  /** mV */
  readonly reversal: number;
  /** How E was found. */
  readonly from: string;
}

/** One cm2 in um2: equivalentCircuit on this area gives per-cm2 figures. */
const SQUARE_CENTIMETRE = 1e8;

export function register(program: Command): void {
  const command = program
    .command('circuit')
    .summary('equivalent circuit: chord potential, input resistance, τ, branch currents')
    .description(
      'The passive membrane as conductance branches in parallel with a capacitor. Chord potential V = Σ g·E / Σ g; ' +
        'τ = c_m / Σ g; branch currents I = g (V − E), positive outward; with a cell size, input resistance R = 1/(Σ g·A) ' +
        'and capacitance C = c_m·A. A branch\'s E is given (E=), or is the Nernst potential of the ion named, from its ' +
        'in=/out= or from the --preset\'s concentrations.\n\n' +
        'JSON keys: chordPotential_mV, Vm_mV (where the currents are taken), specificConductance_mS_per_cm2, ' +
        'specificResistance_kOhm_cm2, specificCapacitance_uF_per_cm2, tau_ms, totalCurrentDensity_uA_per_cm2, ' +
        'temperature_K, preset (with --preset), branches (a list of { name, g_mS_per_cm2, E_mV, reversalFrom, ' +
        'currentDensity_uA_per_cm2, current_pA (with a size) }), and with a cell size: geometry, diameter_um, length_um, ' +
        'area_um2, volume_um3, totalConductance_nS, inputResistance_MOhm, capacitance_pF, totalCurrent_pA.',
    )
    .option('-b, --branch <spec>', `a conductance branch, repeatable: NAME:g=<g>[,E=<E>][,in=<c>,out=<c>][,z=<valence>], e.g. "${BRANCH_EXAMPLE}", "leak:g=0.3mS/cm2,E=-54.4mV", "Na:g=0.01mS/cm2" (E from --preset)`, collect)
    .option('-p, --preset <id>', 'concentrations (and temperature) for the Nernst potentials of branches named after ions')
    .option('-V, --voltage <Vm>', 'membrane potential for the branch currents (default: the chord potential)')
    .option('-c, --capacitance <Cm>', 'specific membrane capacitance', '1uF/cm2');
  addGeometryOptions(command);
  addTemperatureOption(command);
  addJsonOption(command);
  command.addHelpText(
    'after',
    '\nThe temperature defaults to the preset\'s when --preset is given. Without a cell size, only per-area figures are given.\nExamples: ' +
      'membrane circuit --branch K:g=0.36mS/cm2,E=-77mV --branch Na:g=0.012mS/cm2,E=50mV --branch leak:g=0.3mS/cm2,E=-54.4mV --diameter 20um ' +
      'membrane circuit --preset mammalian-neuron --branch K:g=0.5mS/cm2 --branch Na:g=0.02mS/cm2 --branch Cl:g=0.1mS/cm2 --json',
  );
  command.action((options: CircuitOptions, self: Command) => {
    const preset = presetOption(options.preset);
    const kelvin = temperatureWithPreset(self, options, preset);
    if (options.branch === undefined) {
      throw new InputError('--branch', 'nothing', `at least one branch, as in "${BRANCH_EXAMPLE}" (repeat --branch for more)`);
    }
    const seen = new Set<string>();
    const branches: Branch[] = options.branch.map((text) => {
      const spec = parseIonSpec(text, '--branch', BRANCH_KEYS, BRANCH_EXAMPLE);
      if (seen.has(spec.name)) throw new InputError('--branch', describeValue(text), `each branch name once (${describeValue(spec.name)} is given twice)`);
      seen.add(spec.name);
      if (!spec.fields.has('g')) throw new InputError('--branch', describeValue(text), `a conductance g=, as in "${BRANCH_EXAMPLE}"`);
      const conductance = specValue(spec, '--branch', 'g', (value, field) => nonNegativeQuantity(value, 'specificConductance', field));
      if (spec.fields.has('E')) {
        return { name: spec.name, conductance, reversal: specValue(spec, '--branch', 'E', voltage), from: 'given' };
      }
      let species;
      try {
        species = lookupIon(spec.name, spec.fields.has('z') ? specValue(spec, '--branch', 'z', valence) : undefined);
      } catch {
        throw new InputError('--branch', describeValue(text), `E= for a branch that is not an ion (${describeValue(spec.name)}), as in "leak:g=0.3mS/cm2,E=-54.4mV"`);
      }
      const presetIon = preset?.ions.find((item) => item.symbol === species.symbol);
      const inside = spec.fields.has('in') ? specValue(spec, '--branch', 'in', concentration) : presetIon?.inside;
      const outside = spec.fields.has('out') ? specValue(spec, '--branch', 'out', concentration) : presetIon?.outside;
      if (inside === undefined || outside === undefined) {
        throw new InputError('--branch', describeValue(text), `E=, or in= and out=, or a --preset with ${species.symbol}`);
      }
      const reversal = nernstPotential({ valence: species.valence, inside, outside, temperature: kelvin });
      return { name: spec.name, conductance, reversal, from: presetIon && !spec.fields.has('in') && !spec.fields.has('out') ? `Nernst (${preset?.id})` : 'Nernst' };
    });
    const cm = positiveQuantity(options.capacitance, 'specificCapacitance', '--capacitance');
    const Vm = options.voltage === undefined ? undefined : voltage(options.voltage, '--voltage');
    const shape = shapeOf(options, false);
    const branchText = typed('--branch', options.branch.join(' '));
    const fields = { branches: branchText, capacitance: typed('--capacitance', options.capacitance), voltage: typed('--voltage', options.voltage) };
    const input = { branches: branches.map(({ name, conductance, reversal }) => ({ name, conductance, reversal })), capacitance: cm, ...(Vm === undefined ? {} : { voltage: Vm }) };
    // Per-area figures use 1 cm2 chosen here, not a size the user gave: if that area fails, the conductances are at fault.
    const perArea = asOptions(fields, () => {
      try {
        return equivalentCircuit({ ...input, area: SQUARE_CENTIMETRE });
      } catch (error) {
        if (!(error instanceof InputError) || error.field !== 'area') throw error;
        throw new InputError('--branch', describeValue(branchText.value), 'conductances whose total on 1 cm2 is finite and > 0 (these underflow or overflow)');
      }
    });
    const sizeText = shape?.kind === 'area' ? typed('--area', options.area) : typed('--diameter', options.diameter);
    const whole = shape === undefined ? undefined : asOptions({ ...fields, area: sizeText }, () => equivalentCircuit({ ...input, area: shape.area }));
    const g = perArea.totalConductance * 1e-3; // uS on 1 cm2 -> mS/cm2
    emit(
      options,
      {
        chordPotential_mV: perArea.restingPotential,
        Vm_mV: perArea.voltage,
        specificConductance_mS_per_cm2: g,
        specificResistance_kOhm_cm2: 1 / g,
        specificCapacitance_uF_per_cm2: cm,
        tau_ms: perArea.timeConstant,
        totalCurrentDensity_uA_per_cm2: perArea.totalCurrent * 1e-3,
        temperature_K: kelvin,
        preset: preset?.id,
        ...(shape === undefined || whole === undefined
          ? {}
          : {
              ...shapeFields(shape),
              totalConductance_nS: whole.totalConductance * 1e3,
              inputResistance_MOhm: whole.inputResistance,
              capacitance_pF: whole.totalCapacitance,
              totalCurrent_pA: whole.totalCurrent * 1e3,
            }),
        branches: branches.map((branch, index) => ({
          name: branch.name,
          g_mS_per_cm2: branch.conductance * 1e3,
          E_mV: branch.reversal,
          reversalFrom: branch.from,
          currentDensity_uA_per_cm2: (perArea.branchCurrents[index]?.current ?? 0) * 1e-3,
          current_pA: whole === undefined ? undefined : (whole.branchCurrents[index]?.current ?? 0) * 1e3,
        })),
      },
      () => {
        const lines = [
          `V_chord = Σ g·E / Σ g = (${branches.map((b) => `${num(b.conductance * 1e3)}×(${fixed(b.reversal)})`).join(' + ')}) / ${num(g)} = ${fixed(perArea.restingPotential)} mV   (g in mS/cm2)`,
          `τ = c_m / Σ g = ${num(cm)} uF/cm2 / ${num(g)} mS/cm2 = ${num(perArea.timeConstant)} ms;  r_m = 1/Σ g = ${num(1 / g)} kΩ·cm2`,
        ];
        if (shape !== undefined && whole !== undefined) {
          lines.push(
            `R_in = 1 / (Σ g · A) = 1 / (${num(g)} mS/cm2 × ${num(shape.area)} um2) = ${num(whole.inputResistance)} MΩ;  C = c_m·A = ${num(whole.totalCapacitance)} pF`,
            `  ${shapeText(shape)}`,
          );
        }
        lines.push(`branch currents I = g (V − E) at V = ${fixed(perArea.voltage)} mV (positive outward):`);
        branches.forEach((branch, index) => {
          const density = (perArea.branchCurrents[index]?.current ?? 0) * 1e-3;
          const total = whole === undefined ? '' : ` = ${num((whole.branchCurrents[index]?.current ?? 0) * 1e3)} pA`;
          lines.push(`  ${branch.name.padEnd(6)} g ${num(branch.conductance * 1e3)} mS/cm2, E ${fixed(branch.reversal)} mV (${branch.from}): ${num(density)} uA/cm2${total}`);
        });
        if (preset !== undefined || branches.some((b) => b.from !== 'given')) lines.push(`  T = ${temperatureText(kelvin)}`);
        return lines;
      },
    );
  });
}
