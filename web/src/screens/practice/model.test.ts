/**
 * Practice screen model: seeded problem sets, every answer the library's, the answer reader and checker, the worked
 * solutions. Answers are recomputed here from the numbers *as written in the statement* (parsed back with src/units),
 * so a statement that shows one number while the answer used another fails.
 */
import { describe, expect, it } from 'vitest';
import {
  chargeSeparation,
  drivingForce,
  ghkPotential,
  ionEntryFreeEnergy,
  ionFlow,
  mullinsNodaPotential,
  nernstPotential,
  pumpCycleFreeEnergy,
  sphereGeometry,
  thermalVoltage,
  transferFreeEnergy,
} from '../../../../src/core/index.js';
import { parseQuantity } from '../../../../src/units/index.js';
import { formatQuantity } from '../../common/format.js';
import {
  checkAnswer,
  checkNumericAnswer,
  describeTolerance,
  FAMILIES,
  formatAnswer,
  generateProblemSet,
  mulberry32,
  normaliseAnswerText,
  parseAnswer,
  PracticeModel,
  seedFrom,
  streamFor,
  toleranceWidth,
  type ChoicePart,
  type NumericPart,
  type Problem,
} from './model.js';

const SEEDS = Array.from({ length: 40 }, (_, index) => index * 7919 + 1);

/** The given numbers of a problem, read back from their text as a student reads them. */
function readGivens(problem: Problem): Record<string, number> {
  const values: Record<string, number> = {};
  for (const given of problem.given) {
    if (given.kind === 'dimensionless') {
      values[given.name] = given.value;
      continue;
    }
    const read = parseQuantity(given.text, given.kind, given.name);
    // The text shown is the value computed with: equal to 12 significant digits (unit conversions are exact-ish).
    expect(read).toBeCloseTo(given.value, 9);
    values[given.name] = read;
  }
  return values;
}

const numeric = (problem: Problem, id: string): NumericPart => problem.parts.find((part) => part.id === id) as NumericPart;
const choice = (problem: Problem, id: string): ChoicePart => problem.parts.find((part) => part.id === id) as ChoicePart;

/** The library's answers for each part of a problem, from the given numbers. */
function libraryAnswers(problem: Problem): Record<string, number | string> {
  const g = readGivens(problem);
  const T = g.temperature;
  switch (problem.family) {
    case 'nernst':
      return { e: nernstPotential({ valence: g.valence, inside: g.inside, outside: g.outside, temperature: T }) };
    case 'cooling': {
      const warm = nernstPotential({ valence: g.valence, inside: g.inside, outside: g.outside, temperature: g.warm });
      const cold = nernstPotential({ valence: g.valence, inside: g.inside, outside: g.outside, temperature: g.cold });
      return { change: cold - warm, direction: Math.abs(cold) < Math.abs(warm) ? 'toward' : 'away' };
    }
    case 'valence':
      return {
        calcium: nernstPotential({ valence: 2, inside: g.inside, outside: g.outside, temperature: T }),
        other: nernstPotential({ valence: g.otherValence, inside: g.inside, outside: g.outside, temperature: T }),
      };
    case 'ghk': {
      const ions = (pNa: number) => [
        { valence: 1, inside: g.kInside, outside: g.kOutside, permeability: 1 },
        { valence: 1, inside: g.naInside, outside: g.naOutside, permeability: pNa },
        { valence: -1, inside: g.clInside, outside: g.clOutside, permeability: g.pCl },
      ];
      return { rest: ghkPotential(ions(g.restNa), T), changed: ghkPotential(ions(g.changedNa), T) };
    }
    case 'driving-force': {
      const input = { valence: g.valence, inside: g.inside, outside: g.outside, voltage: g.voltage, temperature: T };
      const flow = ionFlow(input);
      return { force: drivingForce(g.voltage, nernstPotential(input)), ions: flow.ionDirection, current: flow.currentDirection };
    }
    case 'ion-free-energy': {
      const energy =
        g.entering === 1
          ? ionEntryFreeEnergy({ valence: g.valence, inside: g.inside, outside: g.outside, voltage: g.voltage, temperature: T })
          : transferFreeEnergy({ valence: g.valence, fromConcentration: g.inside, toConcentration: g.outside, fromVoltage: g.voltage, toVoltage: 0, temperature: T });
      return { energy: energy.kilojoulesPerMole, passive: energy.spontaneous ? 'yes' : 'no' };
    }
    case 'pump-cycle': {
      const cycle = pumpCycleFreeEnergy({
        sodiumInside: g.sodiumInside,
        sodiumOutside: g.sodiumOutside,
        potassiumInside: g.potassiumInside,
        potassiumOutside: g.potassiumOutside,
        voltage: g.voltage,
        temperature: T,
        atpFreeEnergy: g.atp,
      });
      return { required: cycle.requiredJoulesPerMole / 1000, enough: cycle.atpSuffices ? 'yes' : 'no' };
    }
    case 'membrane-charge': {
      const sphere = sphereGeometry(g.diameter);
      const charge = chargeSeparation({ voltage: g.voltage, area: sphere.area, capacitance: g.capacitance, volume: sphere.volume, concentration: g.potassium });
      return { ions: charge.ions, fraction: charge.fraction as number };
    }
    case 'pump-share': {
      const input = (r: number) => ({
        couplingRatio: r,
        potassium: { inside: g.kInside, outside: g.kOutside, permeability: 1 },
        sodium: { inside: g.naInside, outside: g.naOutside, permeability: g.ratio },
        temperature: T,
      });
      const withPump = mullinsNodaPotential(input(g.couplingRatio));
      const neutral = mullinsNodaPotential(input(1));
      return { rest: withPump, share: ((withPump - neutral) / withPump) * 100 };
    }
  }
}

describe('the seeded generator', () => {
  it('mulberry32 repeats for a seed, stays in [0, 1) and is uniform (mean of 10 000 draws within 5 standard errors of 0.5)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    // Standard error of the mean of U(0, 1): sqrt(1/12) / sqrt(10 000) = 0.00289.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * 0.00289);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it('gives each problem of a set its own stream (problem streams of one seed differ, and differ between seeds)', () => {
    const firsts = new Set<number>();
    for (const seed of [1, 2, 3]) for (let index = 0; index < 9; index++) firsts.add(streamFor(seed, index)());
    expect(firsts.size).toBe(27);
  });
});

describe('problem sets', () => {
  it('covers every family once, in order, each with a statement, parts, a hint and a worked solution', () => {
    const set = generateProblemSet(42);
    expect(set.map((problem) => problem.family)).toEqual([...FAMILIES]);
    expect(new Set(set.map((problem) => problem.id)).size).toBe(set.length);
    for (const problem of set) {
      expect(problem.statement.length).toBeGreaterThan(40);
      expect(problem.parts.length).toBeGreaterThan(0);
      expect(problem.hint.length).toBeGreaterThan(10);
      expect(problem.solution.length).toBeGreaterThan(2);
    }
  });

  it('same seed gives the same problems', () => {
    for (const seed of [1, 42, 999_999]) expect(generateProblemSet(seed)).toEqual(generateProblemSet(seed));
  });

  it('different seeds give different values: 40 seeds, 40 different sets, and at least 10 different statements per family', () => {
    const sets = SEEDS.map((seed) => generateProblemSet(seed));
    expect(new Set(sets.map((set) => set.map((problem) => problem.statement).join('|'))).size).toBe(SEEDS.length);
    for (const [index, family] of FAMILIES.entries()) {
      const statements = new Set(sets.map((set) => set[index].statement));
      expect(statements.size, family).toBeGreaterThanOrEqual(10);
    }
    // Neighbouring seeds share no statement at all.
    const one = generateProblemSet(1).map((problem) => problem.statement);
    const two = generateProblemSet(2).map((problem) => problem.statement);
    expect(one.filter((statement, index) => statement === two[index])).toEqual([]);
  });

  it('writes every given number in the statement (true minus, a × 10ⁿ, units) and uses exactly that number', () => {
    for (const seed of SEEDS) {
      for (const problem of generateProblemSet(seed)) {
        for (const given of problem.given) {
          if (given.name === 'valence' || given.name === 'couplingRatio' || given.name === 'otherValence') continue;
          expect(problem.statement, `${problem.id}: ${given.name}`).toContain(given.text);
        }
        expect(problem.statement).not.toMatch(/(^|[\s(])-\d|\de[+-]?\d|NaN|Infinity|undefined/);
        readGivens(problem);
      }
    }
  });

  it('keeps values realistic (textbook ranges: 0–40 °C, potentials, energies, counts)', () => {
    for (const seed of SEEDS) {
      for (const problem of generateProblemSet(seed)) {
        const g = readGivens(problem);
        for (const name of ['temperature', 'warm', 'cold']) if (name in g) expect(g[name] - 273.15).toBeGreaterThanOrEqual(0), expect(g[name] - 273.15).toBeLessThanOrEqual(40);
        if ('voltage' in g) expect(Math.abs(g.voltage)).toBeLessThanOrEqual(95);
        const answers = libraryAnswers(problem);
        if (problem.family === 'nernst') expect(Math.abs(answers.e as number)).toBeLessThan(120);
        if (problem.family === 'ghk') expect(answers.rest as number).toBeGreaterThan(-90), expect(answers.rest as number).toBeLessThan(-40), expect(answers.changed as number).toBeLessThan(70);
        if (problem.family === 'pump-share') expect(answers.share as number).toBeGreaterThan(0), expect(answers.share as number).toBeLessThan(30);
        if (problem.family === 'pump-cycle') expect(answers.required as number).toBeGreaterThan(20), expect(answers.required as number).toBeLessThan(80);
        if (problem.family === 'membrane-charge') expect(answers.ions as number).toBeGreaterThan(1e5), expect(answers.fraction as number).toBeLessThan(1e-3);
        if (problem.family === 'driving-force') expect(Math.abs(answers.force as number)).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('answers are the library’s', () => {
  it('every part of 40 sets equals the library computed from the statement’s numbers (numbers to 1e-12 relative)', () => {
    let numbers = 0;
    let choices = 0;
    for (const seed of SEEDS) {
      for (const problem of generateProblemSet(seed)) {
        const expected = libraryAnswers(problem);
        expect(Object.keys(expected).sort(), problem.id).toEqual(problem.parts.map((part) => part.id).sort());
        for (const part of problem.parts) {
          if (part.kind === 'number') {
            const value = expected[part.id] as number;
            expect(Math.abs(part.answer - value), `${problem.id} ${part.id}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
            numbers++;
          } else {
            expect(part.answer, `${problem.id} ${part.id}`).toBe(expected[part.id]);
            expect(part.options.map((option) => option.value)).toContain(part.answer);
            choices++;
          }
        }
      }
    }
    expect(numbers).toBe(SEEDS.length * 13);
    expect(choices).toBe(SEEDS.length * 5);
  });

  it('the worked solution ends each numeric part with the answer as formatted, and its RT/F is the library’s', () => {
    for (const seed of SEEDS) {
      for (const problem of generateProblemSet(seed)) {
        const last = problem.solution[problem.solution.length - 1];
        expect(last.kind === 'result' || last.kind === 'step').toBe(true);
        for (const part of problem.parts) {
          if (part.kind !== 'number') continue;
          const results = problem.solution.filter((line) => line.kind === 'result' && line.part === part.id);
          expect(results, `${problem.id} ${part.id}`).toHaveLength(1);
          expect(results[0].text.endsWith(`= ${formatAnswer(part)}`), results[0].text).toBe(true);
        }
        const numericParts = problem.parts.filter((part): part is NumericPart => part.kind === 'number');
        const finalResult = [...problem.solution].reverse().find((line) => line.kind === 'result');
        expect(finalResult?.text.endsWith(formatAnswer(numericParts[numericParts.length - 1]))).toBe(true);
        for (const line of problem.solution) {
          const thermal = /^RT\/F = .* × ([\d.]+) K \/ .* = (.*)$/.exec(line.text);
          if (thermal) expect(thermal[2]).toBe(formatQuantity(thermalVoltage(Number(thermal[1])), 'mV', 4));
        }
      }
    }
  });

  it('the intermediate steps of a Nernst solution multiply out to its answer (RT/F, ratio, ln)', () => {
    const problem = generateProblemSet(42)[0];
    const g = readGivens(problem);
    const ratio = g.outside / g.inside;
    const ratioLine = problem.solution.find((line) => line.kind === 'step' && line.text.startsWith('['));
    expect(ratioLine?.text).toContain(formatQuantity(ratio, '', 4));
    expect(problem.solution.some((line) => line.text === `ln(${formatQuantity(ratio, '', 4)}) = ${formatQuantity(Math.log(ratio), '', 4)}`)).toBe(true);
    expect((thermalVoltage(g.temperature) / g.valence) * Math.log(ratio)).toBeCloseTo(numeric(problem, 'e').answer, 10);
  });
});

describe('reading answers', () => {
  const voltage: NumericPart = { kind: 'number', id: 'v', prompt: 'V', symbol: 'V', answerKind: 'voltage', unit: 'mV', answer: -70, digits: 3, tolerance: { relative: 0.01, absolute: 0.5, reason: '' } };
  const energy: NumericPart = { ...voltage, answerKind: 'energy', unit: 'kJ/mol', answer: -12.5 };
  const count: NumericPart = { ...voltage, answerKind: 'count', unit: '', answer: 5.49e6, tolerance: { relative: 0.02, absolute: 0, reason: '' } };
  const fraction: NumericPart = { ...count, answerKind: 'fraction', answer: 1.6e-5 };
  const percent: NumericPart = { ...voltage, answerKind: 'percent', unit: '%', answer: 8 };
  const read = (text: string, part: NumericPart) => {
    const parsed = parseAnswer(text, part);
    return parsed.ok ? parsed.value : parsed.message;
  };

  it('accepts the ways a person writes a voltage', () => {
    for (const text of ['−70', '-70', '−70 mV', '-70mV', '-7e1', '-7E1 mV', '-0.07 V', '−70000 µV', 'E = −70 mV', 'V_m = -70', '− 70', '−7 × 10¹ mV', '-7x10^1', '-70.0', '–70']) {
      expect(read(text, voltage), text).toBeCloseTo(-70, 10);
    }
  });

  it('accepts energies in kJ/mol, J/mol and kcal/mol', () => {
    expect(read('−12.5', energy)).toBeCloseTo(-12.5, 12);
    expect(read('-12500 J/mol', energy)).toBeCloseTo(-12.5, 12);
    expect(read('-12.5 kJ/mol', energy)).toBeCloseTo(-12.5, 12);
    expect(read('-2.9876 kcal/mol', energy)).toBeCloseTo(-12.5, 3);
  });

  it('accepts scientific notation as the lab writes it (a × 10ⁿ) and as computers do', () => {
    for (const text of ['5.49 × 10⁶', '5.49×10⁶', '5.49 x 10^6', '5.49*10^6', '5.49·10^6', '5.49e6', '5490000', '5,490,000', '5.49e6 ions', '5.49 × 10^(6)']) {
      expect(read(text, count), text).toBeCloseTo(5.49e6, 0);
    }
    expect(read('10⁶', count)).toBe(1e6);
    expect(read('1.6 × 10⁻⁵', fraction)).toBeCloseTo(1.6e-5, 15);
    expect(read('0.0016 %', fraction)).toBeCloseTo(1.6e-5, 15);
    expect(read('8 %', percent)).toBe(8);
    expect(read('8', percent)).toBe(8);
    expect(read('−70,5', voltage)).toBe(-70.5);
  });

  it('refuses what is not an answer, and says how to write one', () => {
    for (const text of ['', '   ', 'abc', 'seventy', '70 mM', '-70 ms', 'NaN', 'Infinity', '1e999']) {
      const result = read(text, voltage);
      expect(typeof result, text).toBe('string');
      expect(result as string, text).toMatch(/Write a voltage in mV, e\.g\./);
    }
    expect(read('5 mV', count)).toMatch(/not expected/);
    expect(read('5 kg', fraction)).toMatch(/no unit/);
    expect(normaliseAnswerText('−7 × 10¹')).toBe('-7e1');
  });
});

describe('checking answers', () => {
  it('accepts the exact answer, its formatted value and anything just inside the tolerance; rejects just outside', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      for (const problem of generateProblemSet(seed)) {
        for (const part of problem.parts) {
          if (part.kind !== 'number') continue;
          const width = toleranceWidth(part.tolerance, part.answer);
          expect(width).toBeGreaterThan(0);
          const label = `${problem.id} ${part.id}`;
          expect(checkNumericAnswer(part, String(part.answer)).correct, label).toBe(true);
          expect(checkNumericAnswer(part, formatAnswer(part)).correct, `${label}: ${formatAnswer(part)}`).toBe(true);
          expect(checkNumericAnswer(part, String(part.answer + 0.99 * width)).correct, label).toBe(true);
          expect(checkNumericAnswer(part, String(part.answer - 0.99 * width)).correct, label).toBe(true);
          const above = checkNumericAnswer(part, String(part.answer + 1.01 * width));
          const below = checkNumericAnswer(part, String(part.answer - 1.01 * width));
          expect(above.correct, label).toBe(false);
          expect(below.correct, label).toBe(false);
          expect(above.message).toMatch(/too high/);
          expect(below.message).toMatch(/too low/);
          // The reported distance is the true one (to floating-point rounding of the answer's size).
          expect(Math.abs((above.difference as number) - 1.01 * width)).toBeLessThanOrEqual(1e-9 * Math.max(width, Math.abs(part.answer)));
        }
      }
    }
  });

  it('accepts a voltage answered in volts and an energy in J/mol', () => {
    const set = generateProblemSet(42);
    const e = numeric(set[0], 'e');
    expect(checkNumericAnswer(e, `${e.answer / 1000} V`).correct).toBe(true);
    const g = numeric(set[5], 'energy');
    expect(checkNumericAnswer(g, `${g.answer * 1000} J/mol`).correct).toBe(true);
  });

  it('states the tolerance and says how far off, with hints for a flipped sign and a factor of 1000', () => {
    const part: NumericPart = { kind: 'number', id: 'v', prompt: 'E_K', symbol: 'E_K', answerKind: 'voltage', unit: 'mV', answer: -84.2, digits: 3, tolerance: { relative: 0.01, absolute: 0.5, reason: '' } };
    expect(describeTolerance(part)).toBe('within 1 % or 0.5 mV, whichever is larger');
    const right = checkNumericAnswer(part, '−84 mV');
    expect(right.correct).toBe(true);
    expect(right.message).toMatch(/^Right: −84 mV is within 1 % or 0\.5 mV/);
    const wrong = checkNumericAnswer(part, '−80');
    expect(wrong.correct).toBe(false);
    expect(wrong.message).toBe('Not yet: −80 mV is 4.2 mV too high (5 % off); an answer counts within 1 % or 0.5 mV, whichever is larger.');
    expect(checkNumericAnswer(part, '84.2').message).toMatch(/sign/);
    expect(checkNumericAnswer(part, '-0.0842').message).toMatch(/factor of 1000/);
    expect(checkNumericAnswer(part, '-42.1').message).toMatch(/factor of 2/);
    expect(checkNumericAnswer({ ...part, tolerance: { relative: 0.02, absolute: 0, reason: '' }, unit: '', answerKind: 'count' }, '1').message).toMatch(/within 2 %/);
  });

  it('checks choices, and explains a wrong one', () => {
    const set = generateProblemSet(42);
    const ions = choice(set[4], 'ions');
    expect(checkAnswer(ions, ions.answer).correct).toBe(true);
    const other = ions.options.find((option) => option.value !== ions.answer)?.value;
    const wrong = checkAnswer(ions, other);
    expect(wrong.correct).toBe(false);
    expect(wrong.readable).toBe(true);
    expect(wrong.message).toMatch(/driving force/);
    expect(checkAnswer(ions, undefined).readable).toBe(false);
  });
});

describe('the practice model', () => {
  it('reads seeds from the URL as whole numbers in range', () => {
    expect(seedFrom(42)).toBe(42);
    expect(seedFrom('42')).toBe(42);
    expect(seedFrom(2.5)).toBe(3);
    expect(seedFrom('0x10')).toBe(1);
    expect(seedFrom(-5)).toBe(1);
    expect(seedFrom(5e9)).toBe(999_999);
    expect(seedFrom('abc')).toBe(1);
  });

  it('keeps verdicts and the score, and clears them with a new set or reset', () => {
    const model = new PracticeModel();
    model.setSeed(42);
    const [first, , , , drive] = model.problems;
    const e = numeric(first, 'e');
    expect(model.score()).toEqual({ problems: 9, problemsSolved: 0, parts: 18, partsAnswered: 0, partsCorrect: 0 });
    expect(model.answer(first.id, 'e', formatAnswer(e)).correct).toBe(true);
    expect(model.answer(drive.id, 'force', '1000').correct).toBe(false);
    expect(model.answer(drive.id, 'ions', undefined).readable).toBe(false);
    expect(model.score()).toEqual({ problems: 9, problemsSolved: 1, parts: 18, partsAnswered: 2, partsCorrect: 1 });
    expect(model.setSeed(42)).toBe(false);
    expect(model.score().partsCorrect).toBe(1);
    expect(model.setSeed(43)).toBe(true);
    expect(model.score().partsAnswered).toBe(0);
    model.answer(model.problems[0].id, 'e', String(numeric(model.problems[0], 'e').answer));
    model.reset();
    expect(model.score().partsCorrect).toBe(0);
    expect(() => model.answer('nope', 'e', '1')).toThrow(/no problem/);
  });
});
