/**
 * Fixed-step integration of the whole tree: implicit voltage solve (backward Euler or Crank-Nicolson) by the Hines
 * algorithm, with the gates staggered half a step from the voltage and advanced by exponential Euler, as in NEURON
 * (Hines & Carnevale 1997, Neural Comput 9:1179; secondorder = 0 or 2).
 *
 * Order of operations in one step from t to t + dt:
 *   1. the mechanisms' current and conductance densities at V(t) with the present gates are ready (computed
 *      at the end of the previous step, fused with the gate update, or before the first step);
 *   2. stimuli: the exact average of each current-clamp waveform over [t, t + dt]; voltage clamps; synapses
 *      (their conductance averaged exactly over the step, events inside it counted from their own times);
 *   3. the linearised implicit system for the voltage change is built and solved (Hines);
 *      backward Euler: V(t + dt) = V + dV; Crank-Nicolson: the half step solved implicitly, V(t + dt) = V + 2 dV
 *      (V + dV at zero-area nodes, whose voltage is fixed by an algebraic constraint);
 *   4. moving concentrations take up the ions the step's currents carried (and reversal potentials follow);
 *   5. the gates advance by dt at the new voltage, and the currents for the next step are accumulated;
 *   6. (the caller) spike detection and recording.
 *
 * Node equation (nA): C dV/dt = I_stimulus - I_membrane - sum_j g_ij (V_i - V_j), with C in nF, g in uS, V in mV.
 */
import { InstabilityError } from '../units/errors.js';
import { clampCommand, IDEAL_CLAMP_CONDUCTANCE, type CompiledModel } from './compile.js';
import { describeNode } from './describe-node.js';
import { stepConcentrations, type ConcentrationSystem } from './concentrations.js';
import { createRingingDetector, RINGING_STEPS } from './oscillation.js';
import { largestSafeTimeStep } from './step-check.js';
import { addSynapseTerms, deliverEvents, finishSynapseStep } from './synapses.js';
import { solveVoltageStep, type TreeSystem } from './voltage-solve.js';
import { waveformAverage } from './waveform.js';

export { VOLTAGE_LIMIT } from './voltage-limit.js';
export { describeNode } from './describe-node.js';

export interface FixedStepper {
  /** Advance from t by the step; returns nothing, throws InstabilityError on blow-up. */
  step(t: number): void;
  /** Present current (nA) of each voltage clamp, in the order of `compiled.voltageClamps`. */
  readonly clampCurrent: Float64Array;
  /** Present injected current (nA) of each current clamp. */
  readonly stimulusCurrent: Float64Array;
}


/**
 * Stops a run whose moving concentrations left the physical range (negative or not finite): a step too long
 * for the ion fluxes, or a pump or current with nothing left to carry. Names the ion, the side and the place.
 */
function checkConcentrations(compiled: CompiledModel, system: ConcentrationSystem, time: number): void {
  const { membrane } = compiled;
  for (const ion of system.ions) {
    for (const side of ['inside', 'outside'] as const) {
      const values = membrane[side][ion];
      for (const node of system.nodes[ion]) {
        const value = values[node];
        if (value >= 0 && value < Number.POSITIVE_INFINITY) continue;
        throw new InstabilityError(
          +time.toFixed(6),
          describeNode(compiled, node),
          `the ${ion} concentration ${side} reached ${value} mM`,
          `try a smaller time step than ${compiled.model.run.timeStep} ms (run.timeStep), or check the pumps, currents and volumes that move ${ion}`,
        );
      }
    }
  }
}

export function initialiseMechanisms(compiled: CompiledModel, timeStep: number): void {
  for (const { definition, block } of compiled.mechanisms) {
    definition.kernels.prepare(block, compiled.membrane, { timeStep, rates: compiled.rates });
    definition.kernels.initialise(block, compiled.membrane);
  }
}

function clearCurrents(compiled: CompiledModel): void {
  const membrane = compiled.membrane;
  membrane.current.fill(0);
  membrane.conductance.fill(0);
  if (membrane.tracksIonCurrents) {
    for (const ion of Object.values(membrane.ionCurrent)) ion.fill(0);
    for (const ion of Object.values(membrane.ionConductance)) ion.fill(0);
  }
}

/** Clears the membrane accumulators and has every mechanism add its current at the present state. */
export function accumulateCurrents(compiled: CompiledModel): void {
  clearCurrents(compiled);
  for (const { definition, block } of compiled.mechanisms) definition.kernels.accumulate(block, compiled.membrane);
}

export function createFixedStepper(compiled: CompiledModel, timeStep: number, crankNicolson: boolean): FixedStepper {
  const { tree, membrane, capacitance, densityToAbsolute, currentClamps, voltageClamps, concentrations, synapses } = compiled;
  const synapseSlope = new Float64Array(synapses?.count ?? 0);
  const count = tree.nodeCount;
  const { parent, axialConductance: g } = tree;
  const v = membrane.v;
  const d = new Float64Array(count);
  const rhs = new Float64Array(count);
  const clampCurrent = new Float64Array(voltageClamps.length);
  const stimulusCurrent = new Float64Array(currentClamps.length);
  const theta = crankNicolson ? 0.5 : 1;
  // Crank-Nicolson extrapolates the half step to the full step, V + 2 dV, at nodes with capacitance. Zero-area
  // nodes obey an algebraic constraint instead; extrapolating them would reflect any error back and forth forever
  // (an undamped oscillation), so they keep the value that satisfies the constraint, V + dV.
  const extrapolation = Float64Array.from(capacitance, (c) => (crankNicolson && c > 0 ? 2 : 1));
  const implicitStep = theta * timeStep;
  // Diagonal terms that never change: C/h plus the axial conductances to the parent and to every child.
  const constantDiagonal = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    constantDiagonal[i] += capacitance[i] / implicitStep + g[i];
    if (parent[i] >= 0) constantDiagonal[parent[i]] += g[i];
  }

  const system: TreeSystem = { count, parent, g, constantDiagonal, densityToAbsolute, extrapolation };
  // Crank-Nicolson can ring (V flipping every step); backward Euler's amplification is positive and cannot.
  const ringing = crankNicolson ? createRingingDetector(v) : null;

  // The membrane currents at the present state are ready before each step: computed here for the first step, then
  // by each step's fused gate advance (mechanisms' advanceAndAccumulate), right after the voltage solve.
  accumulateCurrents(compiled);

  function step(t: number): void {
    d.fill(0);
    rhs.fill(0);
    for (let s = 0; s < currentClamps.length; s++) {
      const clamp = currentClamps[s];
      const value = waveformAverage(clamp.waveform, t, t + timeStep) * clamp.scale;
      stimulusCurrent[s] = value;
      rhs[clamp.node] += value;
    }
    // The command in the middle of the step. An ideal clamp makes its node algebraic (V = command), so under
    // Crank-Nicolson it is not extrapolated (V + 2 dV would swing about the command), like a zero-area node.
    const clampTime = t + timeStep * 0.5;
    for (let s = 0; s < voltageClamps.length; s++) {
      const clamp = voltageClamps[s];
      const command = clampCommand(clamp, clampTime);
      const node = clamp.node;
      if (crankNicolson && clamp.conductance === IDEAL_CLAMP_CONDUCTANCE) {
        extrapolation[node] = Number.isNaN(command) || capacitance[node] === 0 ? (capacitance[node] > 0 ? 2 : 1) : 1;
      }
      if (Number.isNaN(command)) continue;
      d[node] += clamp.conductance;
      rhs[node] += clamp.conductance * (command - v[node]);
    }
    if (synapses) {
      deliverEvents(synapses, t, timeStep);
      addSynapseTerms(synapses, v, timeStep, d, rhs, synapseSlope);
    }
    // Stimulus terms are in d and rhs; the solve adds the membrane and axial terms, and updates v.
    const bad = solveVoltageStep(system, v, membrane.current, membrane.conductance, d, rhs);
    const synapticCharge = synapses ? finishSynapseStep(synapses, rhs, timeStep, synapseSlope) : 0;
    for (let s = 0; s < voltageClamps.length; s++) {
      const clamp = voltageClamps[s];
      const command = clampCommand(clamp, clampTime);
      // The clamp current at the time the implicit solve refers to (t + h), where V(t + h) = V(t) + dV.
      const node = clamp.node;
      const voltageThen = v[node] - (extrapolation[node] - 1) * rhs[node];
      clampCurrent[s] = Number.isNaN(command) ? 0 : clamp.conductance * (command - voltageThen);
    }
    if (bad >= 0) {
      throw new InstabilityError(
        +(t + timeStep).toFixed(6),
        describeNode(compiled, bad),
        `the membrane potential reached ${v[bad]} mV`,
        `try a smaller time step than ${timeStep} ms (run.timeStep), or check the stimulus and conductances`,
      );
    }
    if (ringing) {
      const node = ringing.observe(v);
      if (node >= 0) {
        const safe = largestSafeTimeStep(compiled);
        throw new InstabilityError(
          +(t + timeStep).toFixed(6),
          describeNode(compiled, node),
          `the membrane potential swings up and down every step (by ${Math.abs(ringing.swing(node)).toPrecision(3)} mV, ${RINGING_STEPS} steps in a row: Crank-Nicolson ringing)`,
          `use a time step ${Number.isFinite(safe) && safe < timeStep ? `of at most ${Number(safe.toPrecision(2))} ms` : `smaller than ${timeStep} ms`} (run.timeStep) or the backward-euler integrator`,
        );
      }
    }
    if (concentrations) {
      let injectedCharge = 0;
      for (let s = 0; s < stimulusCurrent.length; s++) injectedCharge += stimulusCurrent[s] * timeStep;
      for (let s = 0; s < clampCurrent.length; s++) injectedCharge += clampCurrent[s] * timeStep;
      concentrations.stimulusCharge += injectedCharge;
      concentrations.otherCharge += synapticCharge;
      stepConcentrations(concentrations, membrane, densityToAbsolute, rhs, timeStep);
      checkConcentrations(compiled, concentrations, t + timeStep);
    }
    clearCurrents(compiled);
    for (const { definition, block } of compiled.mechanisms) definition.kernels.advanceAndAccumulate(block, membrane);
  }

  return { step, clampCurrent, stimulusCurrent };
}
