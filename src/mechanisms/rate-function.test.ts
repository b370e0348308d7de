import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRate } from './rate-function.js';
import { uniform, logUniform } from '../units/test-arbitraries.js';


// Tolerances: each form is one or two exp calls and a few flops, so the values agree with the hand-written
// formula to a few ulp; 1e-14 relative leaves a margin of ~50 ulp.
const close = (actual: number, expected: number, relative = 1e-14) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

describe('evaluateRate: NeuroML2 HH rate forms (v in mV, rates 1/ms)', () => {
  it('exponential rate 4, midpoint -65, scale -18 at -65 mV is 4 and at -47 mV is 4/e (HH beta_m)', () => {
    const rate = { form: 'exponential', rate: 4, midpoint: -65, scale: -18 } as const;
    expect(evaluateRate(rate, -65)).toBe(4);
    close(evaluateRate(rate, -47), 4 / Math.E);
    close(evaluateRate(rate, -83), 4 * Math.E);
  });

  it('sigmoid rate 1, midpoint -35, scale 10 is 1/2 at -35 mV, 1/(1 + e^-1) at -25 mV (HH beta_h)', () => {
    const rate = { form: 'sigmoid', rate: 1, midpoint: -35, scale: 10 } as const;
    expect(evaluateRate(rate, -35)).toBe(0.5);
    close(evaluateRate(rate, -25), 1 / (1 + Math.exp(-1)));
    close(evaluateRate(rate, -45), 1 / (1 + Math.E));
  });

  it('sigmoid with a negative scale falls with voltage: rate 2, midpoint 0, scale -5 gives 2/(1 + e^2) at 10 mV', () => {
    const rate = { form: 'sigmoid', rate: 2, midpoint: 0, scale: -5 } as const;
    close(evaluateRate(rate, 10), 2 / (1 + Math.exp(2)));
  });

  it('exp-linear rate 1, midpoint -40, scale 10 is exactly the rate (1/ms) at its midpoint: x/(1 - e^-x) -> 1 at x = 0', () => {
    const rate = { form: 'exp-linear', rate: 1, midpoint: -40, scale: 10 } as const;
    expect(evaluateRate(rate, -40)).toBe(1);
    // NeuroML HHExpLinearRate at x = 1: 1/(1 - e^-1) = 1.58198; at x = -2.5 (HH alpha_m at -65 mV): 2.5/(e^2.5 - 1).
    close(evaluateRate(rate, -30), 1 / (1 - Math.exp(-1)));
    close(evaluateRate(rate, -65), 2.5 / (Math.exp(2.5) - 1));
  });

  it('exp-linear rate 0.1, midpoint -55, scale 10 equals HH alpha_n = 0.01 (v+55)/(1 - exp(-(v+55)/10)) to 1e-14 for |v + 55| >= 1 mV', () => {
    const rate = { form: 'exp-linear', rate: 0.1, midpoint: -55, scale: 10 } as const;
    fc.assert(
      fc.property(uniform(1, 100), fc.boolean(), (offset, below) => {
        const v = -55 + (below ? -offset : offset);
        close(evaluateRate(rate, v), (0.01 * (v + 55)) / (1 - Math.exp(-(v + 55) / 10)));
      }),
    );
  });

  it('exp-linear is continuous through its midpoint: |r(mid + 1e-9) - r(mid)| = rate * 5e-11 (slope rate/(2 scale))', () => {
    const rate = { form: 'exp-linear', rate: 1, midpoint: -40, scale: 10 } as const;
    const step = Math.abs(evaluateRate(rate, -40 + 1e-9) - evaluateRate(rate, -40));
    expect(step).toBeLessThan(1e-10);
    expect(evaluateRate(rate, -40 + 1e-9)).toBeGreaterThan(1);
    expect(evaluateRate(rate, -40 - 1e-9)).toBeLessThan(1);
  });

  it('constant rate 0.3 is 0.3 at every voltage', () => {
    for (const v of [-150, -65, 0, 80]) expect(evaluateRate({ form: 'constant', rate: 0.3 }, v)).toBe(0.3);
  });

  it('every form is finite and non-negative for positive rates across -200..200 mV', () => {
    const forms = ['exponential', 'sigmoid', 'exp-linear'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...forms),
        logUniform(1e-3, 10),
        uniform(-80, 20),
        uniform(5, 100),
        fc.boolean(),
        uniform(-200, 200),
        (form, value, midpoint, magnitude, negative, v) => {
          const r = evaluateRate({ form, rate: value, midpoint, scale: negative ? -magnitude : magnitude }, v);
          expect(Number.isFinite(r)).toBe(true);
          expect(r).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
