/**
 * Practice problems in the style of a textbook's hands-on section, each drawn with fresh values from a seeded
 * generator and answered by the library (src/core): the numbers a student reads in a statement are exactly the
 * numbers the library is called with, and every answer and every "yes/no" or direction is the library's.
 * The worked solutions show the formula, the numbers put in and the intermediate values (RT/F at that
 * temperature, ratios, logarithms); their final line is the library's answer. Pure TS, no DOM.
 *
 * Concentrations start from the library's presets (ION_PRESETS: Purves et al. 2018, Kandel et al. 2000, Hille 2001,
 * Luo & Rudy 1994) and are varied by up to ±25 % (rounded to 2 significant digits); temperatures are whole °C between
 * 0 and 40 (squid axon 0–25 °C, sea temperatures); membrane potentials whole mV.
 */
import type { Problem, FamilyId } from './problem-types.js';
import { FAMILIES } from './problem-types.js';
import { coolingProblem, drivingForceProblem, ghkProblem, nernstProblem, valenceProblem } from './potential-problems.js';
import { ionFreeEnergyProblem, membraneChargeProblem, pumpCycleProblem, pumpShareProblem } from './energy-problems.js';
import { Draw, streamFor } from './random.js';

export * from './problem-types.js';
export { CHANGE_TOLERANCE, COUNT_TOLERANCE, CYCLE_TOLERANCE, ENERGY_TOLERANCE, POTENTIAL_TOLERANCE, SHARE_TOLERANCE } from './problem-writing.js';

const GENERATORS: Record<FamilyId, (draw: Draw) => Omit<Problem, 'id'>> = {
  nernst: nernstProblem,
  cooling: coolingProblem,
  valence: valenceProblem,
  ghk: ghkProblem,
  'driving-force': drivingForceProblem,
  'ion-free-energy': ionFreeEnergyProblem,
  'pump-cycle': pumpCycleProblem,
  'membrane-charge': membraneChargeProblem,
  'pump-share': pumpShareProblem,
};

/** One problem of a family, drawn from problem `index`'s own stream of set `seed`. */
export function generateProblem(family: FamilyId, seed: number, index: number): Problem {
  const problem = GENERATORS[family](new Draw(streamFor(seed, index)));
  return { id: `${index + 1}-${family}`, ...problem };
}

/** A problem set: one problem of each family, in FAMILIES order, reproducible from its seed. */
export function generateProblemSet(seed: number): Problem[] {
  return FAMILIES.map((family, index) => generateProblem(family, seed, index));
}

