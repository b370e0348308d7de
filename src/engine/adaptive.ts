/**
 * Adaptive, error-controlled integration of a single compartment: the state vector is (V, every mechanism state)
 * and is advanced by a linearly implicit Rosenbrock method of order 2 with an embedded order-3 error estimate,
 * L-stable, so that stiff gates and hours-long slow dynamics both take steps as long as accuracy allows
 * (Shampine & Reichelt 1997, SIAM J Sci Comput 18:1, the method of MATLAB's ode23s). The Jacobian is formed by
 * finite differences (a handful of states). Steps never cross a stimulus edge; samples and spike times between
 * steps come from the method's own dense output.
 *
 * Error control: err = max_i |e_i| / (atol_i + rtol |y_i|), with atol for V as given (mV) and atol / 100 for
 * the dimensionless gate states. Step accepted when err <= 1; next step h * clamp(0.9 err^(-1/3), 0.2, 5).
 */
import { InstabilityError } from '../units/errors.js';
import { createAdaptivePools } from './adaptive-pools.js';
import { clampCommand, type CompiledModel } from './compile.js';
import { magnesiumUnblocked } from './synapses.js';
import { accumulateCurrents, describeNode, VOLTAGE_LIMIT } from './fixed-step.js';
import type { Recorder } from './recorder.js';
import type { SimulateOptions } from './run-options.js';
import { waveformAverage, waveformBreakpoints } from './waveform.js';

const D = 1 / (2 + Math.SQRT2);
const E32 = 6 + Math.SQRT2;

/**
 * Solves A x = b in place by Gaussian elimination with partial pivoting (A is n x n, row-major), in LINPACK's
 * convention (dgefa/dgesl): a row interchange swaps only the columns not yet eliminated, so the stored multipliers
 * stay with the elimination step that made them and `luSolve` applies each interchange just before that step.
 */
function solveDense(a: Float64Array, b: Float64Array, n: number, pivot: Int32Array): void {
  for (let k = 0; k < n; k++) {
    let best = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[best * n + k])) best = i;
    pivot[k] = best;
    if (best !== k) {
      for (let j = k; j < n; j++) {
        const x = a[k * n + j];
        a[k * n + j] = a[best * n + j];
        a[best * n + j] = x;
      }
    }
    const diagonal = a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const factor = a[i * n + k] / diagonal;
      a[i * n + k] = factor;
      for (let j = k + 1; j < n; j++) a[i * n + j] -= factor * a[k * n + j];
    }
  }
  luSolve(a, b, n, pivot);
}

function luSolve(lu: Float64Array, b: Float64Array, n: number, pivot: Int32Array): void {
  for (let k = 0; k < n; k++) {
    const p = pivot[k];
    if (p !== k) {
      const x = b[k];
      b[k] = b[p];
      b[p] = x;
    }
    for (let i = k + 1; i < n; i++) b[i] -= lu[i * n + k] * b[k];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let j = i + 1; j < n; j++) sum -= lu[i * n + j] * b[j];
    b[i] = sum / lu[i * n + i];
  }
}

export function runAdaptive(compiled: CompiledModel, recorder: Recorder, options: SimulateOptions): number {
  const { model, membrane, mechanisms, currentClamps, voltageClamps, capacitance, densityToAbsolute } = compiled;
  const { run } = model;
  const mechanismStates = mechanisms.reduce((sum, m) => sum + m.definition.states.length * m.block.count, 0);
  const pools = compiled.concentrations ? createAdaptivePools(compiled, compiled.concentrations) : null;
  const poolOffset = 1 + mechanismStates;
  const synapses = compiled.synapses;
  const synapseOffset = poolOffset + (pools?.size ?? 0);
  const n = synapseOffset + 2 * (synapses?.count ?? 0);
  const stateColumns = mechanisms.flatMap((m) => m.block.states);
  const derivativeColumns = mechanisms.map((m) => m.block.states.map(() => new Float64Array(m.block.count)));
  const atol = new Float64Array(n).fill(run.absoluteTolerance / 100);
  atol[0] = run.absoluteTolerance;
  const rtol = run.relativeTolerance;
  const clampCurrent = new Float64Array(voltageClamps.length);
  const stimulusCurrent = new Float64Array(currentClamps.length);
  recorder.currents.current = { clampCurrent, stimulusCurrent };

  // Right-hand side f(t, y); stimulus currents are taken as their values on the current inter-breakpoint interval.
  let stimulusWindow = [0, 0];
  const load = (y: Float64Array) => {
    membrane.v[0] = y[0];
    let k = 1;
    for (const column of stateColumns) for (let i = 0; i < column.length; i++) column[i] = y[k++];
    pools?.load(y, poolOffset);
  };
  const f = (t: number, y: Float64Array, out: Float64Array) => {
    load(y);
    accumulateCurrents(compiled);
    let injected = 0;
    for (let s = 0; s < currentClamps.length; s++) {
      const clamp = currentClamps[s];
      // The waveform's value at t, averaged over an instant inside the present smooth piece.
      const epsilon = 1e-9 * Math.max(1, Math.abs(t));
      const t0 = Math.min(Math.max(t, stimulusWindow[0]), stimulusWindow[1] - 2 * epsilon);
      const value = waveformAverage(clamp.waveform, t0, t0 + epsilon) * clamp.scale;
      stimulusCurrent[s] = value;
      injected += value;
    }
    for (let s = 0; s < voltageClamps.length; s++) {
      const clamp = voltageClamps[s];
      const command = clampCommand(clamp, Math.min(Math.max(t, stimulusWindow[0]), stimulusWindow[1] - 1e-12));
      const value = Number.isNaN(command) ? 0 : clamp.conductance * (command - y[0]);
      clampCurrent[s] = value;
      injected += value;
    }
    let synaptic = 0;
    if (synapses) {
      // States (rising, decaying) per synapse; g = decaying - rising; i = g_eff (v - E).
      for (let k = 0; k < synapses.count; k++) {
        const rising = y[synapseOffset + 2 * k], decaying = y[synapseOffset + 2 * k + 1];
        const g = decaying - rising;
        const effective = synapses.magnesium[k] > 0 ? g * magnesiumUnblocked(y[0], synapses.magnesium[k]) : g;
        synapses.conductance[k] = effective;
        synapses.current[k] = effective * (y[0] - synapses.reversal[k]);
        synaptic += synapses.current[k];
        out[synapseOffset + 2 * k] = -rising * synapses.riseRate[k];
        out[synapseOffset + 2 * k + 1] = -decaying * synapses.decayRate[k];
      }
    }
    out[0] = (injected - synaptic - membrane.current[0] * densityToAbsolute[0]) / capacitance[0];
    let k = 1;
    mechanisms.forEach((m, index) => {
      m.definition.kernels.derivatives(m.block, membrane, derivativeColumns[index]);
      for (const column of derivativeColumns[index]) for (let i = 0; i < column.length; i++) out[k++] = column[i];
    });
    pools?.derivatives(y, out, poolOffset, injected - synaptic);
  };

  const y = new Float64Array(n);
  y[0] = membrane.v[0];
  {
    let k = 1;
    for (const column of stateColumns) for (let i = 0; i < column.length; i++) y[k++] = column[i];
  }
  if (pools) {
    pools.pack(y, poolOffset);
    pools.tolerances(atol, poolOffset, rtol);
  }
  // Synaptic states (uS) start at 0: an absolute tolerance of 1 fS.
  for (let i = synapseOffset; i < n; i++) atol[i] = 1e-9;
  const edges = new Set<number>([run.duration]);
  for (const clamp of currentClamps) for (const time of waveformBreakpoints(clamp.waveform)) if (time > 0 && time < run.duration) edges.add(time);
  for (const clamp of voltageClamps) for (const time of clamp.ends) if (time > 0 && time < run.duration) edges.add(time);
  const breakpoints = [...edges].sort((a, b) => a - b);

  const f0 = new Float64Array(n), f1 = new Float64Array(n), f2 = new Float64Array(n);
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n);
  const yNew = new Float64Array(n), yTemp = new Float64Array(n), fTemp = new Float64Array(n);
  const jacobian = new Float64Array(n * n), w = new Float64Array(n * n);
  const pivot = new Int32Array(n);
  const timeDerivative = new Float64Array(n);

  const sampleEvery = run.recordInterval;
  let nextSample = 0;
  let sampleIndex = 0;
  let t = 0;
  let h = Math.min(run.timeStep, run.duration);
  let steps = 0;
  let breakpointIndex = 0;

  /** Samples due in (tStart, tEnd], from the step's dense output (the whole y at t = tStart when span is 0). */
  const emitSamplesUpTo = (tStart: number, tEnd: number, y0: Float64Array) => {
    const span = tEnd - tStart;
    while (nextSample <= tEnd + 1e-9 && recorder.sampleCount < recorder.time.length) {
      if (span > 0) denseOutput(y0, k1, k2, span, (nextSample - tStart) / span, yTemp);
      else yTemp.set(y0);
      load(yTemp);
      accumulateCurrents(compiled);
      recorder.sample(nextSample);
      sampleIndex++;
      nextSample = sampleIndex * sampleEvery;
    }
  };

  f(0, y, f0);
  // At t = 0 nothing has been clamped or injected yet.
  clampCurrent.fill(0);
  emitSamplesUpTo(0, 0, y);
  for (const detector of recorder.detectors) detector.observe(0);

  while (t < run.duration - 1e-12) {
    while (breakpointIndex < breakpoints.length && breakpoints[breakpointIndex] <= t + 1e-12) breakpointIndex++;
    if (synapses) {
      // Events due now: each adds its weight times the peak factor to both states (exact: we stopped at its time).
      while (synapses.queue.length > 0 && synapses.queue.peekTime() <= t + 1e-12) {
        synapses.queue.pop((_time, target, weight) => {
          const amount = weight * synapses.factor[target];
          y[synapseOffset + 2 * target + 1] += amount;
          if (synapses.riseRate[target] > 0) y[synapseOffset + 2 * target] += amount;
        });
      }
    }
    const limit = Math.min(breakpoints[breakpointIndex] ?? run.duration, synapses ? synapses.queue.peekTime() : Infinity);
    stimulusWindow = [t, limit];
    f(t, y, f0);
    // Jacobian by forward differences.
    for (let j = 0; j < n; j++) {
      const delta = 1e-7 * Math.max(Math.abs(y[j]), j === 0 ? 1 : 1e-3);
      yTemp.set(y);
      yTemp[j] += delta;
      f(t, yTemp, fTemp);
      for (let i = 0; i < n; i++) jacobian[i * n + j] = (fTemp[i] - f0[i]) / delta;
    }
    // Bookkeeping rows are exact combinations of others; rebuilt so, the conservation laws stay linear invariants.
    pools?.consistentJacobian(jacobian, n, poolOffset, capacitance[0]);
    timeDerivative.fill(0); // Stimuli are piecewise smooth and steps stop at their edges; df/dt is neglected.
    let accepted = false;
    while (!accepted) {
      if (t + h > limit) h = limit - t;
      const stepEnd = t + h >= limit - 1e-12 ? limit : t + h;
      h = stepEnd - t;
      for (let i = 0; i < n * n; i++) w[i] = -h * D * jacobian[i];
      for (let i = 0; i < n; i++) w[i * n + i] += 1;
      for (let i = 0; i < n; i++) k1[i] = f0[i] + h * D * timeDerivative[i];
      solveDense(w, k1, n, pivot);
      for (let i = 0; i < n; i++) yTemp[i] = y[i] + 0.5 * h * k1[i];
      f(t + 0.5 * h, yTemp, f1);
      for (let i = 0; i < n; i++) k2[i] = f1[i] - k1[i];
      luSolve(w, k2, n, pivot);
      for (let i = 0; i < n; i++) {
        k2[i] += k1[i];
        yNew[i] = y[i] + h * k2[i];
      }
      f(stepEnd, yNew, f2);
      for (let i = 0; i < n; i++) k3[i] = f2[i] - E32 * (k2[i] - f1[i]) - 2 * (k1[i] - f0[i]) + h * D * timeDerivative[i];
      luSolve(w, k3, n, pivot);
      let error = 0;
      for (let i = 0; i < n; i++) {
        const e = (h / 6) * (k1[i] - 2 * k2[i] + k3[i]);
        const scale = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
        error = Math.max(error, Math.abs(e) / scale);
      }
      if (!Number.isFinite(error) || !(Math.abs(yNew[0]) < VOLTAGE_LIMIT)) {
        if (h < 1e-9) {
          throw new InstabilityError(t, describeNode(compiled, 0), `the membrane potential reached ${yNew[0]} mV`, 'tighten run.absoluteTolerance and run.relativeTolerance, or check the conductances');
        }
        h /= 10;
        continue;
      }
      const factor = Math.min(5, Math.max(0.2, 0.9 * Math.pow(error, -1 / 3)));
      if (error <= 1) {
        accepted = true;
        steps++;
        // Spike detection with Hermite interpolation of V inside the step.
        load(yNew);
        recorder.detectors.forEach((detector, index) => {
          const before = detector.times.length;
          detector.observeWithCrossing(stepEnd, (threshold) => denseCrossing(y[0], k1[0], k2[0], h, threshold, t));
          if (synapses && detector.times.length > before) {
            const time = detector.times[before];
            for (const connection of synapses.fromDetector[index]) synapses.queue.push(time + connection.delay, connection.target, connection.weight);
          }
        });
        emitSamplesUpTo(t, stepEnd, y);
        y.set(yNew);
        t = stepEnd;
        h *= factor;
        if (options.onProgress && steps % 1000 === 0) options.onProgress(t / run.duration);
      } else {
        h *= factor;
      }
    }
  }
  load(y);
  pools?.store(y, poolOffset);
  return steps;
}

/**
 * The method's own continuous extension (Shampine & Reichelt 1997): y(t + s h) = y + h [s(1 - s)/(1 - 2d) k1 +
 * s(s - 2d)/(1 - 2d) k2], second order and damped like the step itself (a cubic through the end slopes is not:
 * on stiff states its slopes carry round-off times a huge eigenvalue).
 */
function denseOutput(y: Float64Array, k1: Float64Array, k2: Float64Array, h: number, s: number, out: Float64Array): void {
  const a = (s * (1 - s)) / (1 - 2 * D);
  const b = (s * (s - 2 * D)) / (1 - 2 * D);
  for (let i = 0; i < out.length; i++) out[i] = y[i] + h * (a * k1[i] + b * k2[i]);
}

/** Time at which the dense output of V crosses the threshold upwards inside the step (bisection), or null. */
function denseCrossing(v0: number, k1: number, k2: number, h: number, threshold: number, t0: number): number | null {
  const at = (s: number) => v0 + h * ((s * (1 - s)) / (1 - 2 * D) * k1 + (s * (s - 2 * D)) / (1 - 2 * D) * k2) - threshold;
  let lo = 0;
  let hi = 1;
  if (!(at(lo) < 0 && at(hi) >= 0)) return null;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (at(mid) < 0) lo = mid;
    else hi = mid;
  }
  return t0 + 0.5 * (lo + hi) * h;
}
