/**
 * Analysis of simulation results: spike trains, F-I curves, conduction velocity, passive properties and the shape
 * of action potentials. Pure functions over typed arrays in canonical units (mV, ms, nA, um, MOhm, Hz); runs in the
 * browser as in Node.
 */
export { checkSignal, valueAtTime, type Samples } from './samples.js';
export { spikeTimes, spikeCount, firingRate, interspikeIntervals } from './spikes.js';
export { firingRateCurve, repetitiveFiringOnset, type FiringRateCurveOptions, type FiringRatePoint, type RepetitiveFiringBracket } from './fi-curve.js';
export { conductionVelocity, detectorConductionVelocity, type ConductionVelocityInput } from './velocity.js';
export { inputResistance, steadyStateDeflection, membraneTimeConstant, type InputResistanceInput, type SteadyStateDeflection } from './passive-properties.js';
export { actionPotentialShape, type ActionPotentialOptions, type ActionPotentialShape, type Undershoot } from './action-potential.js';
export { relativeTraceErrors, type TraceErrors } from './trace-comparison.js';
export { ionicSlopes } from './action-potential.js';
export { voltageClampCurrents, type VoltageClampCurrents, type VoltageClampOptions, type ClampCurrentSample } from './voltage-clamp.js';
export { spontaneousActivity, type SpontaneousActivity, type SpontaneousActivityOptions, type SpontaneousKind } from './spontaneous-activity.js';
export { pairedPulseThresholds, refractoryPeriods, type PairedPulseOptions, type PairedPulsePoint, type RefractoryPeriodOptions, type RefractoryPeriods } from './refractory-period.js';
export { postsynapticResponse, type PostsynapticResponse, type PostsynapticOptions, type TriggeredActionPotential } from './postsynaptic-potential.js';
