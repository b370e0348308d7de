/**
 * Practice problems about energy and charge: moving an ion, one pump cycle against ATP, the ions that charge a
 * membrane, the electrogenic pump's share of the resting potential. Each answer is the library's (src/core).
 */
import {
  chargeSeparation,
  findPreset,
  ionEntryFreeEnergy,
  lookupIon,
  mullinsNodaPotential,
  pumpCycleFreeEnergy,
  sphereGeometry,
  thermalVoltage,
  transferFreeEnergy,
} from '../../../../src/core/index.js';
import { AVOGADRO, ELEMENTARY_CHARGE, FARADAY, GAS_CONSTANT, ZERO_CELSIUS } from '../../../../src/units/index.js';
import { formatNumber, formatQuantity } from '../../common/format.js';
import type { ChoicePart, NumericPart } from './answer.js';
import { Draw } from './random.js';
import type { Problem, SolutionLine } from './problem-types.js';
import {
  ALL_PREPARATIONS,
  COUNT_TOLERANCE,
  CYCLE_TOLERANCE,
  ENERGY_TOLERANCE,
  Givens,
  MAMMALIAN,
  R_TEXT,
  SHARE_TOLERANCE,
  capitalised,
  concentrations,
  factor,
  ionLabel,
  kelvin,
  kj,
  mM,
  mv,
  preparation,
  presetIon,
  resultLine,
  thermalLine,
  valenceText,
  voltagePart,
} from './problem-writing.js';

export function ionFreeEnergyProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(ALL_PREPARATIONS));
  const degrees = Number((preset.temperature - ZERO_CELSIUS).toFixed(2));
  const temperature = degrees + ZERO_CELSIUS;
  for (let attempt = 0; ; attempt++) {
    const ion = presetIon(preset, draw.pick(['Na', 'K', 'Ca', 'Cl'].filter((symbol) => preset.ions.some((candidate) => candidate.symbol === symbol))));
    const valence = lookupIon(ion.symbol).valence;
    const { inside, outside } = concentrations(draw, ion);
    const voltage = draw.integer(-90, -50);
    const entering = draw.pick([true, false]);
    const energy = entering
      ? ionEntryFreeEnergy({ valence, inside, outside, voltage, temperature })
      : transferFreeEnergy({ valence, fromConcentration: inside, toConcentration: outside, fromVoltage: voltage, toVoltage: 0, temperature });
    if (Math.abs(energy.kilojoulesPerMole) < 0.3 && attempt < 50) continue;
    const label = ionLabel(ion.symbol);
    const given = new Givens();
    const statement =
      `${capitalised(preparation(preset))} at ${given.celsius('temperature', degrees)} rests at ${given.voltage('voltage', voltage)}, ` +
      `with ${label} ${given.concentration('inside', inside)} inside and ${given.concentration('outside', outside)} outside. ` +
      `(a) What is the free energy change ΔG of moving one mole of ${label} ${entering ? 'into' : 'out of'} the cell? ` +
      `(b) Can it happen passively (through an open channel, without another energy source)?`;
    given.plain('valence', valence);
    given.add('entering', 'dimensionless', entering ? 1 : 0, entering ? 'into' : 'out of');
    const [from, to, fromV, toV] = entering ? [outside, inside, 0, voltage] : [inside, outside, voltage, 0];
    const chemical = GAS_CONSTANT * temperature * Math.log(to / from);
    const electrical = valence * FARADAY * ((toV - fromV) / 1000);
    const part: NumericPart = {
      kind: 'number',
      id: 'energy',
      prompt: `(a) ΔG of moving ${label} ${entering ? 'in' : 'out'}`,
      symbol: 'ΔG',
      answerKind: 'energy',
      unit: 'kJ/mol',
      answer: energy.kilojoulesPerMole,
      digits: 3,
      tolerance: ENERGY_TOLERANCE,
    };
    const choice: ChoicePart = {
      kind: 'choice',
      id: 'passive',
      prompt: '(b) Passively?',
      options: [
        { value: 'yes', label: 'yes: ΔG < 0, it runs downhill' },
        { value: 'no', label: 'no: ΔG > 0, it needs energy' },
      ],
      answer: energy.spontaneous ? 'yes' : 'no',
      explanation: `ΔG is ${kj(energy.joulesPerMole)}: ${energy.spontaneous ? 'negative, so the move runs by itself' : 'positive, so it must be driven (by a pump or a co-transporter)'}.`,
    };
    return {
      family: 'ion-free-energy',
      title: `Free energy of moving ${label}`,
      statement,
      given: given.list,
      parts: [part, choice],
      hint: 'Add a chemical term (RT ln of the concentration ratio, destination over origin) and an electrical term (zF times the voltage change, in volts).',
      solution: [
        { kind: 'formula', text: 'ΔG = RT · ln([ion]to / [ion]from) + zF · (V_to − V_from)' },
        { kind: 'step', text: `From ${entering ? 'outside (0 mV)' : `inside (${mv(voltage)})`} to ${entering ? `inside (${mv(voltage)})` : 'outside (0 mV)'}, T = ${kelvin(temperature)}` },
        { kind: 'step', text: `RT = ${R_TEXT} × ${kelvin(temperature)} = ${kj(GAS_CONSTANT * temperature, 4)}` },
        { kind: 'step', text: `chemical: RT · ln(${mM(to)} / ${mM(from)}) = ${kj(GAS_CONSTANT * temperature, 4)} × ${factor(formatNumber(Math.log(to / from), 4))} = ${kj(chemical, 4)}` },
        { kind: 'step', text: `electrical: zF · ΔV = ${valenceText(valence)} × ${formatNumber(FARADAY, 6)} C/mol × ${factor(formatQuantity((toV - fromV) / 1000, 'V', 3))} = ${kj(electrical, 4)}` },
        { kind: 'step', text: `ΔG = ${kj(chemical, 4)} + (${kj(electrical, 4)}); ${energy.spontaneous ? 'negative: it runs passively' : 'positive: it needs energy'}` },
        resultLine(part, '(a) '),
      ],
    };
  }
}

export function pumpCycleProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(MAMMALIAN));
  const degrees = Number((preset.temperature - ZERO_CELSIUS).toFixed(2));
  const temperature = degrees + ZERO_CELSIUS;
  const sodium = concentrations(draw, presetIon(preset, 'Na'));
  const potassium = concentrations(draw, presetIon(preset, 'K'));
  const voltage = draw.integer(-95, -50);
  const atpKilojoules = -draw.pick([45, 48, 50, 50, 52, 55, 57, 60]);
  const atp = atpKilojoules * 1000;
  const given = new Givens();
  const statement =
    `${capitalised(preparation(preset))} at ${given.celsius('temperature', degrees)} rests at ${given.voltage('voltage', voltage)}, with ` +
    `Na⁺ ${given.concentration('sodiumInside', sodium.inside)} inside and ${given.concentration('sodiumOutside', sodium.outside)} outside, ` +
    `K⁺ ${given.concentration('potassiumInside', potassium.inside)} inside and ${given.concentration('potassiumOutside', potassium.outside)} outside. ` +
    `One cycle of the Na⁺/K⁺ pump moves 3 Na⁺ out and 2 K⁺ in and hydrolyses one ATP; in this cell ` +
    `ΔG_ATP = ${given.add('atp', 'energy', atp, kj(atp))}. (a) How much free energy does the transport of one cycle ` +
    `need (per mole of cycles)? (b) Is one ATP enough?`;
  const cycle = pumpCycleFreeEnergy({
    sodiumInside: sodium.inside,
    sodiumOutside: sodium.outside,
    potassiumInside: potassium.inside,
    potassiumOutside: potassium.outside,
    voltage,
    temperature,
    atpFreeEnergy: atp,
  });
  const rt = GAS_CONSTANT * temperature;
  const fv = FARADAY * (voltage / 1000);
  const oneSodium = cycle.sodiumJoulesPerMole / 3;
  const onePotassium = cycle.potassiumJoulesPerMole / 2;
  const part: NumericPart = {
    kind: 'number',
    id: 'required',
    prompt: '(a) Free energy needed per cycle',
    symbol: 'ΔG_transport',
    answerKind: 'energy',
    unit: 'kJ/mol',
    answer: cycle.requiredJoulesPerMole / 1000,
    digits: 3,
    tolerance: CYCLE_TOLERANCE,
  };
  const choice: ChoicePart = {
    kind: 'choice',
    id: 'enough',
    prompt: '(b) Is one ATP enough?',
    options: [
      { value: 'yes', label: 'yes' },
      { value: 'no', label: 'no' },
    ],
    answer: cycle.atpSuffices ? 'yes' : 'no',
    explanation: `the transport needs ${kj(cycle.requiredJoulesPerMole)} and one ATP gives ${kj(cycle.availableJoulesPerMole)}: ${cycle.atpSuffices ? 'enough' : 'not enough'}.`,
  };
  return {
    family: 'pump-cycle',
    title: 'One pump cycle against ATP',
    statement,
    given: given.list,
    parts: [part, choice],
    hint: 'Each Na⁺ goes uphill chemically and electrically (out, against V_m < 0); each K⁺ goes up its concentration gradient but is helped by the voltage.',
    solution: [
      { kind: 'formula', text: 'ΔG = 3 [RT · ln([Na⁺]out / [Na⁺]in) − F V_m] + 2 [RT · ln([K⁺]in / [K⁺]out) + F V_m]' },
      { kind: 'step', text: `RT = ${kj(rt, 4)} at ${kelvin(temperature)}; F V_m = ${formatNumber(FARADAY, 6)} C/mol × ${factor(formatQuantity(voltage / 1000, 'V', 3))} = ${kj(fv, 4)}` },
      { kind: 'step', text: `one Na⁺ out: ${kj(rt, 4)} × ln(${mM(sodium.outside)} / ${mM(sodium.inside)}) − (${kj(fv, 4)}) = ${kj(oneSodium, 4)}; × 3 = ${kj(cycle.sodiumJoulesPerMole, 4)}` },
      { kind: 'step', text: `one K⁺ in: ${kj(rt, 4)} × ln(${mM(potassium.inside)} / ${mM(potassium.outside)}) + (${kj(fv, 4)}) = ${kj(onePotassium, 4)}; × 2 = ${kj(cycle.potassiumJoulesPerMole, 4)}` },
      { kind: 'step', text: `needed = ${kj(cycle.sodiumJoulesPerMole, 4)} + ${kj(cycle.potassiumJoulesPerMole, 4)}; ATP gives ${kj(cycle.availableJoulesPerMole)}, a margin of ${kj(cycle.marginJoulesPerMole)} (${cycle.atpSuffices ? 'enough' : 'not enough'})` },
      resultLine(part, '(a) '),
    ],
  };
}

export function membraneChargeProblem(draw: Draw): Omit<Problem, 'id'> {
  const diameter = draw.pick([8, 10, 12, 15, 20, 25, 30, 40, 50]);
  const voltage = draw.integer(-90, -50);
  const capacitance = draw.pick([1, 1, 0.9]);
  const potassium = draw.around(presetIon(findPreset('mammalian-neuron'), 'K').inside, 1.15, 2);
  const given = new Givens();
  const statement =
    `A spherical cell ${given.add('diameter', 'length', diameter, `${formatNumber(diameter)} µm`)} in diameter, with a membrane ` +
    `capacitance of ${given.add('capacitance', 'specificCapacitance', capacitance, `${formatNumber(capacitance)} µF/cm²`)}, rests at ` +
    `${given.voltage('voltage', voltage)} and holds ${given.concentration('potassium', potassium)} K⁺. (a) How many monovalent ions ` +
    `(net charge) must cross the membrane to charge it to that potential? (b) What fraction of the cell’s K⁺ ions is that?`;
  const geometry = sphereGeometry(diameter);
  const charge = chargeSeparation({ voltage, area: geometry.area, capacitance, volume: geometry.volume, concentration: potassium });
  const fraction = charge.fraction ?? Number.NaN;
  const cellIons = potassium * geometry.volume * 1e-18 * AVOGADRO;
  const ionsPart: NumericPart = { kind: 'number', id: 'ions', prompt: '(a) Number of ions', symbol: 'N', answerKind: 'count', unit: '', answer: charge.ions, digits: 3, tolerance: COUNT_TOLERANCE };
  const fractionPart: NumericPart = { kind: 'number', id: 'fraction', prompt: '(b) Fraction of the cell’s K⁺', symbol: 'fraction', answerKind: 'fraction', unit: '', answer: fraction, digits: 3, tolerance: COUNT_TOLERANCE };
  const area_cm2 = geometry.area * 1e-8;
  return {
    family: 'membrane-charge',
    title: 'Ions that charge the membrane',
    statement,
    given: given.list,
    parts: [ionsPart, fractionPart],
    hint: 'Q = C V with C = c_m × area (1 µF/cm² = 10⁻⁶ F/cm², 1 µm² = 10⁻⁸ cm²); divide by e for the ions; the cell holds c × volume × N_A ions.',
    solution: [
      { kind: 'formula', text: 'Q = c_m · A · V;  N = |Q| / e;  fraction = N / ([K⁺] · volume · N_A)' },
      { kind: 'step', text: `A = π d² = π × (${formatNumber(diameter)} µm)² = ${formatQuantity(geometry.area, 'µm²', 4)} = ${formatQuantity(area_cm2, 'cm²', 4)}` },
      { kind: 'step', text: `C = ${formatNumber(capacitance)} µF/cm² × ${formatQuantity(area_cm2, 'cm²', 4)} = ${formatQuantity(charge.totalCapacitance, 'pF', 4)}` },
      { kind: 'step', text: `Q = ${formatQuantity(charge.totalCapacitance * 1e-12, 'F', 4)} × ${factor(formatQuantity(voltage / 1000, 'V', 3))} = ${formatQuantity(charge.chargeCoulombs, 'C', 4)}` },
      { kind: 'step', text: `N = ${formatQuantity(Math.abs(charge.chargeCoulombs), 'C', 4)} / ${formatQuantity(ELEMENTARY_CHARGE, 'C', 5)} = ${formatNumber(charge.ions, 4)} ions` },
      resultLine(ionsPart, '(a) '),
      { kind: 'step', text: `volume = π d³ / 6 = ${formatQuantity(geometry.volume, 'µm³', 4)} = ${formatQuantity(geometry.volume * 1e-15, 'L', 4)}` },
      { kind: 'step', text: `K⁺ ions in the cell = ${formatQuantity(potassium / 1000, 'mol/L', 3)} × ${formatQuantity(geometry.volume * 1e-15, 'L', 4)} × ${formatNumber(AVOGADRO, 6)} /mol = ${formatNumber(cellIons, 4)}` },
      { kind: 'step', text: `fraction = ${formatNumber(charge.ions, 4)} / ${formatNumber(cellIons, 4)} (about 1 in ${formatNumber(1 / fraction, 2)})` },
      resultLine(fractionPart, '(b) '),
    ],
  };
}

/** Mullins–Noda coupling ratio of the Na⁺/K⁺-ATPase: 3 Na⁺ out per 2 K⁺ in (Post & Jolly 1957). */
const PUMP_COUPLING_RATIO = 1.5;

export function pumpShareProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(MAMMALIAN));
  const degrees = Number((preset.temperature - ZERO_CELSIUS).toFixed(2));
  const temperature = degrees + ZERO_CELSIUS;
  const potassium = concentrations(draw, presetIon(preset, 'K'));
  const sodium = concentrations(draw, presetIon(preset, 'Na'));
  const ratio = draw.pick([0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08]);
  const given = new Givens();
  const statement =
    `${capitalised(preparation(preset))} at ${given.celsius('temperature', degrees)} has K⁺ ${given.concentration('kInside', potassium.inside)} inside and ` +
    `${given.concentration('kOutside', potassium.outside)} outside, Na⁺ ${given.concentration('naInside', sodium.inside)} inside and ` +
    `${given.concentration('naOutside', sodium.outside)} outside, and P_Na / P_K = ${given.plain('ratio', ratio)}; Cl⁻ is at equilibrium. ` +
    `The Na⁺/K⁺ pump runs at steady state, moving 3 Na⁺ out for every 2 K⁺ in (coupling ratio r = 3/2). ` +
    `(a) What is the resting potential, by the Mullins–Noda equation? (b) What share of it (per cent) is due to ` +
    `the pump being electrogenic, i.e. the difference from the same equation with r = 1?`;
  given.plain('couplingRatio', PUMP_COUPLING_RATIO);
  const ions = (r: number) => ({
    couplingRatio: r,
    potassium: { inside: potassium.inside, outside: potassium.outside, permeability: 1 },
    sodium: { inside: sodium.inside, outside: sodium.outside, permeability: ratio },
    temperature,
  });
  const withPump = mullinsNodaPotential(ions(PUMP_COUPLING_RATIO));
  const neutral = mullinsNodaPotential(ions(1));
  const share = ((withPump - neutral) / withPump) * 100;
  const restPart = voltagePart('rest', '(a) Resting potential with the pump (r = 3/2)', 'V_m', withPump);
  const sharePart: NumericPart = {
    kind: 'number',
    id: 'share',
    prompt: '(b) The electrogenic pump’s share',
    symbol: 'share',
    answerKind: 'percent',
    unit: '%',
    answer: share,
    digits: 3,
    tolerance: SHARE_TOLERANCE,
  };
  const n = (x: number) => formatNumber(x, 4);
  const steps = (r: number, value: number, symbol: string): SolutionLine[] => {
    const top = r * potassium.outside + ratio * sodium.outside;
    const bottom = r * potassium.inside + ratio * sodium.inside;
    return [
      { kind: 'step', text: `r = ${n(r)}: (${n(r)} × ${n(potassium.outside)} + ${n(ratio)} × ${n(sodium.outside)}) / (${n(r)} × ${n(potassium.inside)} + ${n(ratio)} × ${n(sodium.inside)}) = ${n(top)} / ${n(bottom)} = ${n(top / bottom)}` },
      { kind: 'step', text: `${symbol} = ${mv(thermalVoltage(temperature), 4)} × ln(${n(top / bottom)}) = ${mv(thermalVoltage(temperature), 4)} × ${factor(n(Math.log(top / bottom)))} = ${mv(value, 4)}` },
    ];
  };
  return {
    family: 'pump-share',
    title: 'The electrogenic pump’s share of the resting potential',
    statement,
    given: given.list,
    parts: [restPart, sharePart],
    hint: 'The pump’s extra outward current counts like extra K⁺ permeability: r multiplies the K⁺ terms. Compare r = 3/2 with r = 1.',
    solution: [
      { kind: 'formula', text: 'V_m = (RT/F) · ln((r P_K[K⁺]out + P_Na[Na⁺]out) / (r P_K[K⁺]in + P_Na[Na⁺]in))   (Mullins & Noda 1963)' },
      thermalLine(temperature),
      ...steps(PUMP_COUPLING_RATIO, withPump, 'V_m'),
      resultLine(restPart, '(a) '),
      ...steps(1, neutral, 'V (r = 1)'),
      { kind: 'step', text: `pump’s part = ${mv(withPump, 4)} − (${mv(neutral, 4)}) = ${mv(withPump - neutral, 3)}; share = ${mv(withPump - neutral, 4)} / ${mv(withPump, 4)} × 100` },
      resultLine(sharePart, '(b) '),
    ],
  };
}
