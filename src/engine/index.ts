export { simulate, prepareSimulation, type PreparedSimulation, type SimulationResult, type Trace, type SpikeTrain, type Velocity, type SimulateOptions } from './simulate.js';
export { compile, type CompiledModel } from './compile.js';
export { discretise, nodeAtPosition, type Discretisation, type DiscreteSection } from './discretise.js';
export { solveTree } from './hines.js';
export { waveformAverage, waveformIntegral, prepareWaveform } from './waveform.js';
