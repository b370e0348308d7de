/**
 * Practice problems about potentials: a Nernst potential, the effect of cooling, valence, GHK with a changed
 * permeability, driving force and direction. Each answer is the library's (src/core).
 */
import {
  drivingForce,
  findPreset,
  ghkPotential,
  ionFlow,
  lookupIon,
  thermalVoltage,
} from '../../../../src/core/index.js';
import { ZERO_CELSIUS } from '../../../../src/units/index.js';
import { formatNumber, formatSigned } from '../../common/format.js';
import { type ChoicePart } from './answer.js';
import { Draw } from './random.js';
import type { Problem, SolutionLine } from './problem-types.js';
import {
  ALL_PREPARATIONS,
  CHANGE_TOLERANCE,
  Givens,
  MAMMALIAN,
  NERNST_FORMULA,
  SUPERSCRIPT_CHARGE,
  capitalised,
  concentrations,
  factor,
  ionLabel,
  kelvin,
  mv,
  nernstSteps,
  preparation,
  presetIon,
  resultLine,
  temperatureFor,
  thermalLine,
  valenceText,
  voltagePart,
} from './problem-writing.js';

export function nernstProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(ALL_PREPARATIONS));
  const ion = draw.pick(preset.ions.filter((candidate) => Math.abs(lookupIon(candidate.symbol).valence) === 1));
  const valence = lookupIon(ion.symbol).valence;
  const label = ionLabel(ion.symbol);
  const given = new Givens();
  const { inside, outside } = concentrations(draw, ion);
  const degrees = temperatureFor(draw, preset, true);
  const temperature = degrees + ZERO_CELSIUS;
  const statement =
    `In ${preparation(preset)}, ${label} is ${given.concentration('inside', inside)} inside the cell and ` +
    `${given.concentration('outside', outside)} outside. What is the Nernst (equilibrium) potential of ${label} ` +
    `at ${given.celsius('temperature', degrees)}? (Valence z = ${valenceText(valence)}.)`;
  given.plain('valence', valence);
  const symbol = `E_${ion.symbol}`;
  const steps = nernstSteps(label, valence, inside, outside, temperature, symbol);
  const part = voltagePart('e', `Nernst potential ${symbol}`, symbol, steps.value);
  return {
    family: 'nernst',
    title: `Nernst potential of ${label}`,
    statement,
    given: given.list,
    parts: [part],
    hint: 'Convert the temperature to kelvin first; RT/F is about 25 mV at room temperature and 26.7 mV at 37 °C.',
    solution: [NERNST_FORMULA, { kind: 'step', text: `T = ${formatNumber(degrees, 3)} °C + 273.15 = ${kelvin(temperature)}` }, thermalLine(temperature), ...steps.lines, resultLine(part)],
  };
}

export function coolingProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(MAMMALIAN));
  const ion = presetIon(preset, draw.pick(['K', 'Na', 'Cl'].filter((symbol) => preset.ions.some((candidate) => candidate.symbol === symbol))));
  const valence = lookupIon(ion.symbol).valence;
  const label = ionLabel(ion.symbol);
  const given = new Givens();
  const { inside, outside } = concentrations(draw, ion);
  const warmDegrees = 37;
  const coldDegrees = draw.integer(0, 30);
  const warm = warmDegrees + ZERO_CELSIUS;
  const cold = coldDegrees + ZERO_CELSIUS;
  const statement =
    `${capitalised(preparation(preset))} is cooled from ${given.celsius('warm', warmDegrees)} to ` +
    `${given.celsius('cold', coldDegrees)}; ${label} stays at ${given.concentration('inside', inside)} inside and ` +
    `${given.concentration('outside', outside)} outside. By how much does the Nernst potential of ${label} change ` +
    `(E at ${formatNumber(coldDegrees, 3)} °C minus E at ${warmDegrees} °C)? Does cooling move it toward 0 mV or away from it?`;
  given.plain('valence', valence);
  const symbol = `E_${ion.symbol}`;
  const warmSteps = nernstSteps(label, valence, inside, outside, warm, `${symbol}(${warmDegrees} °C)`);
  const coldSteps = nernstSteps(label, valence, inside, outside, cold, `${symbol}(${formatNumber(coldDegrees, 3)} °C)`);
  const change = coldSteps.value - warmSteps.value;
  const changePart = voltagePart('change', `Change of ${symbol} on cooling (cold minus warm)`, `ΔE`, change, CHANGE_TOLERANCE);
  const toward = Math.abs(coldSteps.value) < Math.abs(warmSteps.value);
  const directionPart: ChoicePart = {
    kind: 'choice',
    id: 'direction',
    prompt: `Cooling moves ${symbol}`,
    options: [
      { value: 'toward', label: 'toward 0 mV (smaller in size)' },
      { value: 'away', label: 'away from 0 mV (larger in size)' },
    ],
    answer: toward ? 'toward' : 'away',
    explanation: `the library gives ${mv(warmSteps.value)} at ${warmDegrees} °C and ${mv(coldSteps.value)} at ${formatNumber(coldDegrees, 3)} °C: RT/F, and with it E, is proportional to the absolute temperature.`,
  };
  return {
    family: 'cooling',
    title: 'The effect of cooling',
    statement,
    given: given.list,
    parts: [changePart, directionPart],
    hint: 'Only RT/F depends on temperature: work out E at both temperatures with the same ratio and logarithm.',
    solution: [
      NERNST_FORMULA,
      { kind: 'step', text: `At ${warmDegrees} °C: T = ${kelvin(warm)}` },
      thermalLine(warm),
      ...warmSteps.lines,
      { kind: 'step', text: `At ${formatNumber(coldDegrees, 3)} °C: T = ${kelvin(cold)}` },
      thermalLine(cold),
      ...coldSteps.lines,
      { kind: 'step', text: `ΔE = ${mv(coldSteps.value, 4)} − (${mv(warmSteps.value, 4)}); |E| ${toward ? 'falls' : 'rises'} with the absolute temperature, so cooling moves ${symbol} ${toward ? 'toward' : 'away from'} 0 mV` },
      resultLine(changePart),
    ],
  };
}

export function valenceProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(ALL_PREPARATIONS));
  const ion = presetIon(preset, 'Ca');
  const label = ionLabel('Ca');
  const given = new Givens();
  const { inside, outside } = concentrations(draw, ion);
  const degrees = preset.id === 'squid-giant-axon' ? draw.integer(5, 25) : draw.pick([25, 30, 35, 37]);
  const temperature = degrees + ZERO_CELSIUS;
  const otherValence = draw.pick([1, -1, -2]);
  const otherLabel = `X${SUPERSCRIPT_CHARGE[otherValence]}`;
  const statement =
    `In ${preparation(preset)} at ${given.celsius('temperature', degrees)}, free ${label} is ` +
    `${given.concentration('inside', inside)} inside and ${given.concentration('outside', outside)} outside. ` +
    `(a) What is E_Ca? (b) What would the Nernst potential be for an ion ${otherLabel} of valence ` +
    `${valenceText(otherValence)} with exactly the same concentrations?`;
  given.plain('valence', 2);
  given.plain('otherValence', otherValence);
  const calcium = nernstSteps(label, 2, inside, outside, temperature, 'E_Ca');
  const other = nernstSteps(otherLabel, otherValence, inside, outside, temperature, `E_X`);
  const calciumPart = voltagePart('calcium', '(a) E_Ca', 'E_Ca', calcium.value);
  const otherPart = voltagePart('other', `(b) E for ${otherLabel} (z = ${valenceText(otherValence)})`, 'E_X', other.value);
  return {
    family: 'valence',
    title: 'Valence: Ca²⁺ and a hypothetical ion',
    statement,
    given: given.list,
    parts: [calciumPart, otherPart],
    hint: 'z divides RT/F: a divalent ion needs only half the potential to balance the same gradient, and a negative z flips the sign.',
    solution: [
      NERNST_FORMULA,
      { kind: 'step', text: `T = ${kelvin(temperature)}` },
      thermalLine(temperature),
      ...calcium.lines,
      resultLine(calciumPart, '(a) '),
      { kind: 'step', text: `(b) Same ratio and logarithm, z = ${valenceText(otherValence)}:` },
      other.lines[2],
      resultLine(otherPart, '(b) '),
    ],
  };
}

interface GhkSet {
  readonly k: { inside: number; outside: number };
  readonly na: { inside: number; outside: number };
  readonly cl: { inside: number; outside: number };
}

function ghkIons(set: GhkSet, pNa: number, pCl: number) {
  return [
    { valence: 1, inside: set.k.inside, outside: set.k.outside, permeability: 1 },
    { valence: 1, inside: set.na.inside, outside: set.na.outside, permeability: pNa },
    { valence: -1, inside: set.cl.inside, outside: set.cl.outside, permeability: pCl },
  ];
}

/** The GHK steps with relative permeabilities (P_K = 1), ending with the library's ghkPotential. */
function ghkSteps(set: GhkSet, pNa: number, pCl: number, temperature: number, symbol: string): { lines: SolutionLine[]; value: number } {
  const value = ghkPotential(ghkIons(set, pNa, pCl), temperature);
  const numerator = set.k.outside + pNa * set.na.outside + pCl * set.cl.inside;
  const denominator = set.k.inside + pNa * set.na.inside + pCl * set.cl.outside;
  const n = (x: number) => formatNumber(x, 4);
  return {
    value,
    lines: [
      { kind: 'step', text: `numerator = 1 × ${n(set.k.outside)} + ${n(pNa)} × ${n(set.na.outside)} + ${n(pCl)} × ${n(set.cl.inside)} = ${n(numerator)} mM` },
      { kind: 'step', text: `denominator = 1 × ${n(set.k.inside)} + ${n(pNa)} × ${n(set.na.inside)} + ${n(pCl)} × ${n(set.cl.outside)} = ${n(denominator)} mM` },
      { kind: 'step', text: `ln(${n(numerator)} / ${n(denominator)}) = ln(${n(numerator / denominator)}) = ${n(Math.log(numerator / denominator))}` },
      { kind: 'step', text: `${symbol} = ${mv(thermalVoltage(temperature), 4)} × ${factor(n(Math.log(numerator / denominator)))} = ${mv(value, 4)}` },
    ],
  };
}

export function ghkProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(['squid-giant-axon', 'mammalian-neuron']));
  const squid = preset.id === 'squid-giant-axon';
  const set: GhkSet = {
    k: concentrations(draw, presetIon(preset, 'K')),
    na: concentrations(draw, presetIon(preset, 'Na')),
    cl: concentrations(draw, presetIon(preset, 'Cl')),
  };
  // Resting ratios: Hodgkin & Katz 1949 for the squid axon (1 : 0.04 : 0.45); a neuron's P_Na/P_K is similar (0.05).
  const restNa = squid ? 0.04 : 0.05;
  const pCl = 0.45;
  const changedNa = draw.pick([0.5, 1, 1, 2, 5, 10, 20]);
  const degrees = squid ? draw.integer(5, 25) : 37;
  const temperature = degrees + ZERO_CELSIUS;
  const given = new Givens();
  const statement =
    `In ${preparation(preset)} at ${given.celsius('temperature', degrees)}: K⁺ ${given.concentration('kInside', set.k.inside)} inside, ` +
    `${given.concentration('kOutside', set.k.outside)} outside; Na⁺ ${given.concentration('naInside', set.na.inside)} inside, ` +
    `${given.concentration('naOutside', set.na.outside)} outside; Cl⁻ ${given.concentration('clInside', set.cl.inside)} inside, ` +
    `${given.concentration('clOutside', set.cl.outside)} outside. At rest P_K : P_Na : P_Cl = 1 : ${given.plain('restNa', restNa)} : ` +
    `${given.plain('pCl', pCl)}. (a) What is the resting potential (Goldman–Hodgkin–Katz)? (b) At the peak of an action ` +
    `potential P_Na rises to ${changedNa === 1 ? 'equal P_K' : `${given.plain('changedNa', changedNa)} × P_K`}` +
    ` (P_K and P_Cl unchanged). What is the membrane potential then?`;
  if (changedNa === 1) given.add('changedNa', 'dimensionless', 1, '1');
  const rest = ghkSteps(set, restNa, pCl, temperature, 'V_rest');
  const changed = ghkSteps(set, changedNa, pCl, temperature, 'V_peak');
  const restPart = voltagePart('rest', '(a) Resting potential V_rest', 'V_rest', rest.value);
  const changedPart = voltagePart('changed', `(b) Potential with P_Na = ${changedNa === 1 ? 'P_K' : `${formatNumber(changedNa)} × P_K`}`, 'V_peak', changed.value);
  return {
    family: 'ghk',
    title: 'Goldman–Hodgkin–Katz with a changed permeability',
    statement,
    given: given.list,
    parts: [restPart, changedPart],
    hint: 'Only the ratios of permeabilities matter; Cl⁻ is an anion, so its inside concentration goes on top.',
    solution: [
      { kind: 'formula', text: 'V = (RT/F) · ln((P_K[K⁺]out + P_Na[Na⁺]out + P_Cl[Cl⁻]in) / (P_K[K⁺]in + P_Na[Na⁺]in + P_Cl[Cl⁻]out))' },
      { kind: 'step', text: `T = ${kelvin(temperature)}` },
      thermalLine(temperature),
      { kind: 'step', text: `(a) P_K : P_Na : P_Cl = 1 : ${formatNumber(restNa)} : ${formatNumber(pCl)}` },
      ...rest.lines,
      resultLine(restPart, '(a) '),
      { kind: 'step', text: `(b) P_K : P_Na : P_Cl = 1 : ${formatNumber(changedNa)} : ${formatNumber(pCl)}` },
      ...changed.lines,
      resultLine(changedPart, '(b) '),
    ],
  };
}

export function drivingForceProblem(draw: Draw): Omit<Problem, 'id'> {
  const preset = findPreset(draw.pick(['mammalian-neuron', 'mammalian-skeletal-muscle', 'squid-giant-axon']));
  const degrees = Number((preset.temperature - ZERO_CELSIUS).toFixed(2));
  const temperature = degrees + ZERO_CELSIUS;
  let attempt = 0;
  for (;;) {
    const ion = presetIon(preset, draw.pick(['K', 'Na', 'Cl', 'Ca']));
    const valence = lookupIon(ion.symbol).valence;
    const { inside, outside } = concentrations(draw, ion);
    const voltage = draw.pick([-1, -1, 1]) < 0 ? draw.integer(-90, -40) : draw.integer(10, 40);
    const flow = ionFlow({ valence, inside, outside, voltage, temperature });
    attempt += 1;
    if (Math.abs(flow.drivingForce) < 3 && attempt < 50) continue;
    const label = ionLabel(ion.symbol);
    const given = new Givens();
    const statement =
      `In ${preparation(preset)} at ${given.celsius('temperature', degrees)}, ${label} is ${given.concentration('inside', inside)} ` +
      `inside and ${given.concentration('outside', outside)} outside, and the membrane potential is ` +
      `${given.voltage('voltage', voltage)}${voltage > 0 ? ' (near the peak of an action potential)' : ''}. ` +
      `When ${label} channels open: (a) what is the driving force V_m − E_${ion.symbol}? (b) Which way do the ${label} ions move? ` +
      `(c) Is the ${label} current inward or outward?`;
    given.plain('valence', valence);
    const symbol = `E_${ion.symbol}`;
    const steps = nernstSteps(label, valence, inside, outside, temperature, symbol);
    const force = drivingForce(voltage, steps.value);
    const width = Math.max(0.5, 0.01 * Math.abs(steps.value));
    const forcePart = voltagePart('force', `(a) Driving force V_m − ${symbol}`, `V_m − ${symbol}`, force, {
      relative: 0,
      absolute: Number(width.toPrecision(2)),
      reason: `That is 1 % of ${symbol} or 0.5 mV, whichever is larger: the error of E from rounded constants carries over into V_m − E.`,
    });
    const outward = flow.currentDirection === 'outward';
    const ionPart: ChoicePart = {
      kind: 'choice',
      id: 'ions',
      prompt: `(b) ${label} ions move`,
      options: [
        { value: 'into the cell', label: 'into the cell' },
        { value: 'out of the cell', label: 'out of the cell' },
      ],
      answer: flow.ionDirection,
      explanation: `V_m − ${symbol} is ${formatSigned(force, 'mV')}: a ${outward ? 'positive' : 'negative'} driving force pushes positive charge ${outward ? 'out' : 'in'}, so ${valence > 0 ? 'cations' : 'anions'} move ${flow.ionDirection}.`,
    };
    const currentPart: ChoicePart = {
      kind: 'choice',
      id: 'current',
      prompt: `(c) The ${label} current is`,
      options: [
        { value: 'inward', label: 'inward (positive charge entering)' },
        { value: 'outward', label: 'outward (positive charge leaving)' },
      ],
      answer: flow.currentDirection,
      explanation: `I = g (V_m − E) has the sign of the driving force, ${formatSigned(force, 'mV')}: ${outward ? 'outward' : 'inward'}${valence < 0 ? ` (an anion moving ${flow.ionDirection} is an ${outward ? 'outward' : 'inward'} current)` : ''}.`,
    };
    return {
      family: 'driving-force',
      title: `Driving force and direction (${label})`,
      statement,
      given: given.list,
      parts: [forcePart, ionPart, currentPart],
      hint: 'First the Nernst potential; then V_m − E. A positive driving force is an outward current: cations leave, anions enter.',
      solution: [
        NERNST_FORMULA,
        { kind: 'step', text: `T = ${kelvin(temperature)}` },
        thermalLine(temperature),
        ...steps.lines,
        { kind: 'formula', text: 'driving force = V_m − E; I = g (V_m − E) is outward (positive) when V_m > E' },
        { kind: 'step', text: `V_m − ${symbol} = ${mv(voltage)} − (${mv(steps.value, 4)})` },
        resultLine(forcePart, '(a) '),
        { kind: 'step', text: `(b) ${label} ions move ${flow.ionDirection}; (c) the current is ${flow.currentDirection}.` },
      ],
    };
  }
}
