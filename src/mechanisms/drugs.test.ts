import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockOf, membraneAt } from '../engine/test-models.js';
import { InputError } from '../units/errors.js';
import { aTypePotassium } from './a-type-potassium.js';
import { MECHANISMS } from './catalogue.js';
import { connorStevens } from './connor-stevens.js';
import { DRUG_NAMES, DRUGS, findDrug, targetUnblockedFraction, unblockedFraction } from './drugs.js';
import { hodgkinHuxley } from './hh.js';
import { sodiumPotassiumPump } from './na-k-pump.js';
import { DRUG_TARGETS } from './targets.js';
import { traubMiles } from './traub-miles.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';


function blockOn(drug: string, target: string) {
  const found = findDrug(drug).targets.find((t) => t.target === target);
  if (!found) throw new Error(`${drug} has no target ${target}`);
  return found;
}

describe('unblockedFraction', () => {
  it('unblockedFraction at c = IC50 is 0.5 exactly, for any IC50 and Hill coefficient', () => {
    fc.assert(
      fc.property(logUniform(1e-9, 100), uniform(0.3, 4), (ic50, hill) => {
        expect(unblockedFraction(ic50, ic50, hill)).toBe(0.5);
      }),
    );
  });

  it('unblockedFraction: 1 at c = 0; 1/(1 + 2^2) = 0.2 at 2 IC50 with h = 2; 1/11 at 10 IC50 with h = 1; 0 as c -> infinity', () => {
    expect(unblockedFraction(0, 1, 1)).toBe(1);
    expect(unblockedFraction(2, 1, 2)).toBeCloseTo(0.2, 15);
    expect(unblockedFraction(10, 1, 1)).toBeCloseTo(1 / 11, 15);
    expect(unblockedFraction(Infinity, 1, 1)).toBe(0);
  });

  it('unblockedFraction decreases with concentration and stays in (0, 1]', () => {
    fc.assert(
      fc.property(logUniform(1e-9, 10), logUniform(1e-9, 10), logUniform(1e-6, 1), uniform(0.5, 3), (a, b, ic50, hill) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        const fLow = unblockedFraction(low, ic50, hill), fHigh = unblockedFraction(high, ic50, hill);
        expect(fHigh).toBeLessThanOrEqual(fLow);
        expect(fLow).toBeLessThanOrEqual(1);
        expect(fHigh).toBeGreaterThan(0);
      }),
    );
  });
});

describe('DRUGS, DRUG_NAMES and findDrug', () => {
  it('DRUG_NAMES is ttx, tea, 4-ap, ouabain', () => {
    expect(DRUG_NAMES).toEqual(['ttx', 'tea', '4-ap', 'ouabain']);
  });

  it('findDrug is case-insensitive and accepts aliases: TTX, Tetrodotoxin, tetraethylammonium, 4-Aminopyridine, OUABAIN', () => {
    expect(findDrug('TTX').name).toBe('ttx');
    expect(findDrug('Tetrodotoxin').name).toBe('ttx');
    expect(findDrug('tetraethylammonium').name).toBe('tea');
    expect(findDrug('4-Aminopyridine').name).toBe('4-ap');
    expect(findDrug(' 4-AP ').name).toBe('4-ap');
    expect(findDrug('OUABAIN').name).toBe('ouabain');
  });

  it('findDrug("strychnine") throws an InputError on field drug that lists every allowed name and alias', () => {
    let error: unknown;
    try {
      findDrug('strychnine');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.field).toBe('drug');
    expect(inputError.value).toBe('"strychnine"');
    for (const name of ['ttx', 'tetrodotoxin', 'tea', 'tetraethylammonium', '4-ap', '4-aminopyridine', 'ouabain']) {
      expect(inputError.allowed).toContain(name);
    }
    expect(() => findDrug(undefined as unknown as string)).toThrow(InputError);
  });

  it('every drug target is one of DRUG_TARGETS, with IC50 > 0 mM, Hill > 0 and a citation; names and aliases are unique', () => {
    const known = new Set<string>(Object.values(DRUG_TARGETS));
    const keys = DRUGS.flatMap((drug) => [drug.name, ...drug.aliases.map((a) => a.toLowerCase())]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const drug of DRUGS) {
      expect(drug.targets.length).toBeGreaterThan(0);
      for (const target of drug.targets) {
        expect(known.has(target.target)).toBe(true);
        expect(target.ic50).toBeGreaterThan(0);
        expect(target.hill).toBeGreaterThan(0);
        expect(target.citation.length).toBeGreaterThan(20);
      }
    }
  });

  it('the catalogue values: TTX 3.6 nM on the sodium channel; TEA 0.4 mM and 4-AP 0.8 mM on the delayed rectifier; 4-AP 2 mM on A-type; ouabain 48 uM on the Na+/K+-ATPase', () => {
    expect(blockOn('ttx', DRUG_TARGETS.sodiumChannel).ic50).toBe(3.6e-6);
    expect(blockOn('tea', DRUG_TARGETS.delayedRectifier).ic50).toBe(0.4);
    expect(blockOn('4-ap', DRUG_TARGETS.delayedRectifier).ic50).toBe(0.8);
    expect(blockOn('4-ap', DRUG_TARGETS.aType).ic50).toBe(2);
    // The A-type value lies in the range Thompson (1977) reports for the gastropod A current it is cited for.
    expect(blockOn('4-ap', DRUG_TARGETS.aType).citation).toContain('1-5 mM');
    expect(blockOn('ouabain', DRUG_TARGETS.sodiumPump).ic50).toBe(0.048);
  });

  it('every parameter target in MECHANISMS is one of DRUG_TARGETS; hh and traub-miles gnabar -> sodium channel, gkbar -> delayed rectifier; na-k-pump imax -> Na+/K+-ATPase', () => {
    const known = new Set<string>(Object.values(DRUG_TARGETS));
    for (const mechanism of MECHANISMS) {
      for (const parameter of mechanism.parameters) {
        if (parameter.target !== undefined) expect(known.has(parameter.target)).toBe(true);
      }
    }
    for (const mechanism of [hodgkinHuxley, traubMiles, connorStevens]) {
      const target = Object.fromEntries(mechanism.parameters.map((p) => [p.name, p.target]));
      expect(target).toEqual({ gnabar: 'voltage-gated sodium channel', gkbar: 'delayed-rectifier potassium channel', gl: undefined, el: undefined });
    }
    expect(sodiumPotassiumPump.parameters.find((p) => p.name === 'imax')?.target).toBe('Na+/K+-ATPase');
    expect(Object.fromEntries(aTypePotassium.parameters.map((p) => [p.name, p.target]))).toEqual({ gabar: 'A-type potassium channel', ea: undefined });
  });

  it('every drug target has a mechanism in the catalogue to act on (4-AP\'s A-type target: a-type-potassium gabar)', () => {
    const targeted = new Set(MECHANISMS.flatMap((mechanism) => mechanism.parameters.map((p) => p.target)));
    for (const drug of DRUGS) for (const block of drug.targets) expect(targeted.has(block.target)).toBe(true);
  });
});

describe('dose-response through the catalogue', () => {
  it('4-AP at its A-type IC50 (2 mM) halves the a-type-potassium current exactly and leaves 1/(1 + 2/0.8) = 0.2857 of the delayed rectifier', () => {
    const concentration = blockOn('4-ap', DRUG_TARGETS.aType).ic50;
    const applications = [{ drug: '4-ap', concentration }];
    expect(targetUnblockedFraction(applications, DRUG_TARGETS.aType)).toBe(0.5);
    expect(targetUnblockedFraction(applications, DRUG_TARGETS.delayedRectifier)).toBeCloseTo(1 / (1 + 2 / 0.8), 15);
    const currentWith = (scale: number) => {
      const membrane = membraneAt([-40], 293.15);
      const block = blockOf(aTypePotassium, 1);
      const gabar = aTypePotassium.parameters.findIndex((p) => p.target === DRUG_TARGETS.aType);
      block.parameters[gabar][0] *= scale;
      aTypePotassium.kernels.prepare(block, membrane, { timeStep: 0.025, rates: 'exact' });
      aTypePotassium.kernels.initialise(block, membrane);
      aTypePotassium.kernels.accumulate(block, membrane);
      return membrane.current[0];
    };
    expect(currentWith(1)).toBeGreaterThan(0);
    expect(currentWith(targetUnblockedFraction(applications, DRUG_TARGETS.aType))).toBe(currentWith(1) / 2);
  });

  it('TTX at 3.6 nM (its IC50) leaves 0.5 of the sodium conductance exactly; 1 uM leaves 0.36%', () => {
    const ttx = blockOn('tetrodotoxin', DRUG_TARGETS.sodiumChannel);
    expect(unblockedFraction(3.6e-6, ttx.ic50, ttx.hill)).toBe(0.5);
    expect(unblockedFraction(1e-3, ttx.ic50, ttx.hill)).toBeCloseTo(1 / (1 + 1e-3 / 3.6e-6), 15);
    expect(unblockedFraction(1e-3, ttx.ic50, ttx.hill)).toBeCloseTo(0.00359, 5);
  });

  it('ouabain at its IC50 (48 uM) halves the na-k-pump current exactly when imax is scaled by the unblocked fraction', () => {
    const ouabain = blockOn('ouabain', DRUG_TARGETS.sodiumPump);
    const fraction = unblockedFraction(ouabain.ic50, ouabain.ic50, ouabain.hill);
    expect(fraction).toBe(0.5);
    const pumpWith = (scale: number) => {
      const membrane = membraneAt([-70], 310.15);
      membrane.inside.na[0] = 10;
      membrane.outside.na[0] = 140;
      membrane.outside.k[0] = 5.4;
      const block = blockOf(sodiumPotassiumPump, 1);
      const imax = sodiumPotassiumPump.parameters.findIndex((p) => p.target === DRUG_TARGETS.sodiumPump);
      block.parameters[imax][0] *= scale;
      sodiumPotassiumPump.kernels.prepare(block, membrane, { timeStep: 0.025, rates: 'exact' });
      sodiumPotassiumPump.kernels.accumulate(block, membrane);
      return membrane.current[0];
    };
    expect(pumpWith(fraction)).toBe(pumpWith(1) / 2);
  });
});

describe('targetUnblockedFraction', () => {
  it('multiplies the blocks of every drug on the target and ignores drugs on other targets', () => {
    const ttx = findDrug('ttx').targets[0];
    const tea = findDrug('tea').targets[0];
    // TTX at its IC50 halves the sodium channel; TEA does not touch it.
    expect(targetUnblockedFraction([{ drug: 'ttx', concentration: ttx.ic50 }, { drug: 'tea', concentration: 10 }], ttx.target)).toBeCloseTo(0.5, 12);
    // Two drugs on one target: the product of their fractions.
    const both = targetUnblockedFraction([{ drug: 'tea', concentration: tea.ic50 }, { drug: 'tea', concentration: tea.ic50 }], tea.target);
    expect(both).toBeCloseTo(0.25, 12);
    expect(targetUnblockedFraction([], ttx.target)).toBe(1);
  });
});
