/** The shapes of a practice problem: its family, the numbers given, its parts and its worked solution. */
import type { QuantityKind } from '../../../../src/units/index.js';
import type { AnswerPart } from './answer.js';

/** The problem families, in the order of a problem set. */
export const FAMILIES = [
  'nernst',
  'cooling',
  'valence',
  'ghk',
  'driving-force',
  'ion-free-energy',
  'pump-cycle',
  'membrane-charge',
  'pump-share',
] as const;
export type FamilyId = (typeof FAMILIES)[number];

/** A number given in a statement: its value in the library's unit (`kind`'s canonical unit) and its text there. */
export interface Given {
  readonly name: string;
  readonly kind: QuantityKind;
  /** In the canonical unit of `kind` (mM, K, mV, um, uF/cm2, J/mol), or a plain number. */
  readonly value: number;
  /** As written in the statement, e.g. "0.12 µM", "23 °C". */
  readonly text: string;
}

/** One line of a worked solution. `result` lines give a part's answer (`part` is its id) as the library computed it. */
export interface SolutionLine {
  readonly kind: 'formula' | 'step' | 'result';
  readonly text: string;
  readonly part?: string;
}

export interface Problem {
  /** Unique in a set: "<number>-<family>". */
  readonly id: string;
  readonly family: FamilyId;
  readonly title: string;
  readonly statement: string;
  readonly given: readonly Given[];
  readonly parts: readonly AnswerPart[];
  readonly solution: readonly SolutionLine[];
  readonly hint: string;
}
