export { simulate, prepareSimulation, type PreparedSimulation, type SimulationResult, type Trace, type SpikeTrain, type Velocity, type SimulateOptions } from './simulate.js';
export { compile, type CompiledModel } from './compile.js';
export { discretise, nodeAtPosition, type Discretisation, type DiscreteSection } from './discretise.js';
export { solveTree } from './hines.js';
export { waveformAverage, waveformIntegral, prepareWaveform } from './waveform.js';
export type { PrepareOptions } from './run-options.js';
export { checkTimeStep, fastestGate, fastestMembrane, largestSafeTimeStep, GATE_STEP_FACTOR, MEMBRANE_STEP_FACTOR, type FastestGate, type FastestMembrane } from './step-check.js';
export { INPUT_VOLTAGE_LIMIT } from './input-voltages.js';
export { RINGING_STEPS, RINGING_SWING } from './oscillation.js';
