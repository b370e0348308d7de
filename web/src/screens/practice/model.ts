/**
 * Practice screen model: a problem set drawn from a seed (in the URL, so a link reproduces the set), the student's
 * answers and the library's verdicts, and the score. Pure TS, no DOM.
 *
 * The problems and their worked solutions come from problems.ts (every answer computed by src/core), the reading
 * and checking of answers from answer.ts, the seeded generator from random.ts.
 */
import type { ParamSpec, ParamValue } from '../../params.js';
import type { ScreenModel } from '../../screen.js';
import { checkAnswer, type Verdict } from './answer.js';
import { generateProblemSet, type Problem } from './problems.js';
import { MAXIMUM_SEED } from './random.js';

export * from './answer.js';
export * from './problems.js';
export { drawSeed, MAXIMUM_SEED, mulberry32, streamFor } from './random.js';

/** The seed of the problem set shown when a link names none. */
export const DEFAULT_SEED = 1;

export const PRACTICE_SPECS: readonly ParamSpec[] = [
  {
    kind: 'number',
    key: 'seed',
    label: 'Problem set number',
    unit: '',
    min: 1,
    max: MAXIMUM_SEED,
    step: 1,
    default: DEFAULT_SEED,
    digits: 6,
    help: 'The same number gives the same problems: share the link to share the set.',
  },
];

/** A URL or control value as a seed: a whole number in [1, MAXIMUM_SEED] (rounded and clamped; default otherwise). */
export function seedFrom(value: ParamValue | undefined): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d*)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) return DEFAULT_SEED;
  return Math.min(MAXIMUM_SEED, Math.max(1, Math.round(number)));
}

/** The score of a problem set. A problem counts as solved when every one of its parts is right. */
export interface PracticeScore {
  readonly problems: number;
  readonly problemsSolved: number;
  readonly parts: number;
  readonly partsAnswered: number;
  readonly partsCorrect: number;
}

const key = (problemId: string, partId: string): string => `${problemId}/${partId}`;

export class PracticeModel implements ScreenModel {
  private currentSeed = DEFAULT_SEED;
  private set: Problem[] = generateProblemSet(DEFAULT_SEED);
  private readonly verdicts = new Map<string, Verdict>();

  get seed(): number {
    return this.currentSeed;
  }

  get problems(): readonly Problem[] {
    return this.set;
  }

  /** Draws the set of `seed` (rounded and clamped); answers are cleared when the set changes. Returns true if it did. */
  setSeed(seed: ParamValue): boolean {
    const next = seedFrom(seed);
    if (next === this.currentSeed) return false;
    this.currentSeed = next;
    this.set = generateProblemSet(next);
    this.reset();
    return true;
  }

  problem(problemId: string): Problem {
    const problem = this.set.find((candidate) => candidate.id === problemId);
    if (problem === undefined) throw new Error(`no problem ${problemId} in set ${this.currentSeed}`);
    return problem;
  }

  /** Checks one part with the student's response (typed text or the chosen option's value) and keeps the verdict. */
  answer(problemId: string, partId: string, response: string | undefined): Verdict {
    const part = this.problem(problemId).parts.find((candidate) => candidate.id === partId);
    if (part === undefined) throw new Error(`no part ${partId} in problem ${problemId}`);
    const verdict = checkAnswer(part, response);
    if (verdict.readable) this.verdicts.set(key(problemId, partId), verdict);
    else this.verdicts.delete(key(problemId, partId));
    return verdict;
  }

  verdict(problemId: string, partId: string): Verdict | undefined {
    return this.verdicts.get(key(problemId, partId));
  }

  score(): PracticeScore {
    let parts = 0;
    let partsAnswered = 0;
    let partsCorrect = 0;
    let problemsSolved = 0;
    for (const problem of this.set) {
      let solved = true;
      for (const part of problem.parts) {
        parts += 1;
        const verdict = this.verdicts.get(key(problem.id, part.id));
        if (verdict !== undefined) partsAnswered += 1;
        if (verdict?.correct) partsCorrect += 1;
        else solved = false;
      }
      if (solved) problemsSolved += 1;
    }
    return { problems: this.set.length, problemsSolved, parts, partsAnswered, partsCorrect };
  }

  /** Nothing on this screen moves: there is no animation to advance. */
  step(): void {}

  /** Forgets every answer (the problems stay). */
  reset(): void {
    this.verdicts.clear();
  }
}
