/**
 * Scenario 1 of docs/scenarios-synapses.md: the EPSP of a passive compartment driven through a conductance synapse,
 * against the exact solution of C dV/dt = -gL (V - EL) - g(t) (V - Es) (integrating factor, remaining integral by our
 * own adaptive Gauss-Kronrod quadrature to 1e-12; ./synapse-models.ts, independent of the engine).
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '../src/engine/index.js';
import { readModelFile } from '../src/io/model-file.js';
import {
  conductanceDerivatives,
  conductanceFunctions,
  DUAL_EXPONENTIAL,
  EXPONENTIAL,
  exactPassiveVoltage,
  exactPeak,
  integrate,
  passiveEpspModel,
  passiveProblem,
  runSettings,
  type PassiveSynapseProblem,
  type SynapseKinetics,
} from './synapse-models.js';

/** A train on the 0.01 and 0.025 ms grids: a single EPSP at 5 ms, then a pair 2.5 ms apart at 40 and 42.5 ms. */
const TIMES = [5, 40, 42.5];
const DURATION = 80;

const trace = (result: SimulationResult, id: string) => result.traces.find((t) => t.id === id)!.values;

function maxError(result: SimulationResult, exact: Float64Array): number {
  const v = trace(result, 'v');
  let worst = 0;
  for (let i = 0; i < v.length; i++) worst = Math.max(worst, Math.abs(v[i] - exact[i]));
  return worst;
}

/** Peak of a sampled trace in [from, to], refined by the parabola through the highest sample and its neighbours. */
function sampledPeak(time: Float64Array, v: Float64Array, from: number, to: number): { voltage: number; time: number } {
  let best = -1;
  for (let i = 1; i + 1 < v.length; i++) if (time[i] >= from && time[i] <= to && (best < 0 || v[i] > v[best])) best = i;
  const [a, b, c] = [v[best - 1], v[best], v[best + 1]];
  const denominator = a - 2 * b + c;
  const offset = denominator === 0 ? 0 : (0.5 * (a - c)) / denominator;
  const dt = time[best + 1] - time[best];
  return { voltage: b - 0.25 * (a - c) * offset, time: time[best] + offset * dt };
}

/**
 * Bound of the global error of the Crank-Nicolson step as the engine takes it (the conductance exact at mid-step,
 * V averaged over the step: the implicit midpoint rule), from its local truncation error. Over one step the midpoint
 * quadrature of V' errs by dt^3 V'''/24, and the average of the end values differs from V(mid-step) by dt^2 V''/8,
 * which the right-hand side multiplies by -(gL + g)/C. For this contractive equation the global error is at most the
 * sum of the local errors: dt^2 ∫ (|V'''|/24 + (gL + g)/C |V''|/8) dt, with V'' and V''' from the exact V and g', g''
 * in closed form (events sit on step boundaries, so every step sees a smooth g).
 */
function midpointErrorBound(problem: PassiveSynapseProblem, dt: number): number {
  const { capacitance: c, leak, kinetics } = problem;
  const { g } = conductanceFunctions(problem);
  const { first, second } = conductanceDerivatives(problem);
  const h = 0.005;
  const times = Float64Array.from({ length: Math.round(DURATION / h) + 1 }, (_, k) => k * h);
  const v = exactPassiveVoltage(problem, times);
  let sum = 0;
  for (let k = 0; k < times.length; k++) {
    const t = times[k], drive = v[k] - kinetics.reversal, total = leak + g(t);
    const v1 = (-leak * (v[k] - problem.leakReversal) - g(t) * drive) / c;
    const v2 = (-total * v1 - first(t) * drive) / c;
    const v3 = (-total * v2 - 2 * first(t) * v1 - second(t) * drive) / c;
    sum += (Math.abs(v3) / 24 + ((total / c) * Math.abs(v2)) / 8) * h;
  }
  return dt * dt * sum;
}

describe('quadrature', () => {
  it('adaptive Gauss-Kronrod integrates exp, a kinked and a peaked function to 1e-12', () => {
    expect(Math.abs(integrate(Math.exp, 0, 3) - Math.expm1(3))).toBeLessThan(1e-12);
    expect(Math.abs(integrate((x) => Math.abs(x - 0.3), 0, 1) - (0.045 + 0.245))).toBeLessThan(1e-12);
    expect(Math.abs(integrate((x) => 1 / (1e-4 + x * x), -1, 1) - 2 * 100 * Math.atan(100))).toBeLessThan(1e-9);
  });
});

describe.each([
  ['exponential (decay 3 ms)', EXPONENTIAL],
  ['dual exponential (rise 0.5 ms, decay 5 ms)', DUAL_EXPONENTIAL],
] as [string, SynapseKinetics][])('EPSP of a passive compartment, %s synapse, 2 nS, Es 0 mV, against the exact solution', (label, kinetics) => {
  const problem = passiveProblem(kinetics, TIMES);

  it('Crank-Nicolson: every sample within the bound of its local truncation error at dt 0.025 ms; second order (error ratio 4 +- 0.2 for dt / 2)', () => {
    const coarse = simulate(passiveEpspModel(kinetics, TIMES, runSettings(DURATION, 0.025, 'crank-nicolson')));
    const fine = simulate(passiveEpspModel(kinetics, TIMES, runSettings(DURATION, 0.0125, 'crank-nicolson')));
    const errorCoarse = maxError(coarse, exactPassiveVoltage(problem, coarse.time));
    const errorFine = maxError(fine, exactPassiveVoltage(problem, fine.time));
    const bound = midpointErrorBound(problem, 0.025);
    console.log(`${label}: CN max |V - exact| dt 0.025: ${errorCoarse.toExponential(3)} mV (bound ${bound.toExponential(3)}), dt 0.0125: ${errorFine.toExponential(3)} mV, ratio ${(errorCoarse / errorFine).toFixed(3)}`);
    expect(errorCoarse).toBeLessThan(bound);
    expect(errorCoarse / errorFine).toBeGreaterThan(3.8);
    expect(errorCoarse / errorFine).toBeLessThan(4.2);
  });

  it('Crank-Nicolson dt 0.01 ms: peak amplitude within 1e-4 mV and peak time within 0.005 ms of the exact peak', () => {
    const result = simulate(passiveEpspModel(kinetics, TIMES, runSettings(DURATION, 0.01, 'crank-nicolson')));
    const v = trace(result, 'v');
    for (const [from, to] of [
      [5, 30],
      [42.5, 70],
    ]) {
      const exact = exactPeak(problem, from, to);
      const simulated = sampledPeak(result.time, v, from, to);
      console.log(`${label}: peak in [${from}, ${to}] ms exact ${(exact.voltage + 65).toFixed(6)} mV at ${exact.time.toFixed(4)} ms; CN 0.01 ms ${(simulated.voltage + 65).toFixed(6)} mV at ${simulated.time.toFixed(4)} ms`);
      expect(Math.abs(simulated.voltage - exact.voltage)).toBeLessThan(1e-4);
      // The parabola through three samples places the peak to ~dt^2 V'''/V'' ~ 1e-3 ms; 0.005 ms is half a step.
      expect(Math.abs(simulated.time - exact.time)).toBeLessThan(0.005);
    }
  });

  it('adaptive: every sample within steps x (atol + rtol |V|), and 10x tighter tolerances cut the error at least 3x', () => {
    // Tolerance: the Rosenbrock method keeps each step's local error below atol + rtol |V|; for this contractive
    // (passive) system the global error is at most the sum of the local errors. Events are breakpoints, so the
    // jumps of g are taken exactly; samples between steps come from the second-order dense output.
    const run = (atol: number, rtol: number) => {
      const result = simulate(passiveEpspModel(kinetics, TIMES, runSettings(DURATION, 0.025, 'adaptive', 'exact', { recordInterval: 0.05, absoluteTolerance: atol, relativeTolerance: rtol })));
      return { steps: result.steps, error: maxError(result, exactPassiveVoltage(problem, result.time)) };
    };
    const loose = run(1e-6, 1e-7);
    const tight = run(1e-7, 1e-8);
    const bound = loose.steps * (1e-6 + 1e-7 * 65);
    console.log(`${label}: adaptive max |V - exact| ${loose.error.toExponential(3)} mV in ${loose.steps} steps (bound ${bound.toExponential(2)}); 10x tighter: ${tight.error.toExponential(3)} mV in ${tight.steps} steps`);
    expect(loose.error).toBeLessThan(bound);
    expect(loose.error / tight.error).toBeGreaterThan(3);
  });
});

describe('an event between step boundaries (5.01 ms; Crank-Nicolson, dt 0.025 ms, exponential synapse)', () => {
  const times = [5.01, 40, 42.5];
  const problem = passiveProblem(EXPONENTIAL, times);
  const error = () => {
    const result = simulate(passiveEpspModel(EXPONENTIAL, times, runSettings(DURATION, 0.025, 'crank-nicolson')));
    return maxError(result, exactPassiveVoltage(problem, result.time));
  };

  it('is as accurate as an event on the grid (within the local-truncation bound): the step uses the exact average of g', () => {
    // src/engine/synapses.ts averages the conductance exactly over each step, counting an event inside the step from
    // its own time; the error is then of the same order as for an event on the grid.
    const measured = error();
    console.log(`off-grid event: CN max |V - exact| ${measured.toExponential(3)} mV (bound ${midpointErrorBound(problem, 0.025).toExponential(3)})`);
    expect(measured).toBeLessThan(midpointErrorBound(problem, 0.025));
  });
});

describe('the example file examples/synapse-epsp-analytic.yaml', () => {
  it('runs and its first EPSP peaks within 1e-3 mV of the exact solution', () => {
    const model = readModelFile(new URL('../examples/synapse-epsp-analytic.yaml', import.meta.url).pathname);
    const result = simulate(model);
    const v = trace(result, 'v');
    const exact = exactPeak(passiveProblem(EXPONENTIAL, TIMES), 5, 30);
    const simulated = sampledPeak(result.time, v, 5, 30);
    expect(Math.abs(simulated.voltage - exact.voltage)).toBeLessThan(1e-3);
  });
});
