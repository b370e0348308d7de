import { expect, it } from 'vitest';
import * as analysis from './index.js';
import * as membrane from '../index.js';

it('src/analysis exports its functions, and the library re-exports them', () => {
  const names = ['spikeTimes', 'spikeCount', 'firingRate', 'interspikeIntervals', 'firingRateCurve', 'repetitiveFiringOnset', 'conductionVelocity', 'detectorConductionVelocity', 'inputResistance', 'steadyStateDeflection', 'membraneTimeConstant', 'actionPotentialShape', 'checkSignal', 'valueAtTime', 'ionicSlopes', 'voltageClampCurrents', 'spontaneousActivity', 'pairedPulseThresholds', 'refractoryPeriods', 'postsynapticResponse'] as const;
  for (const name of names) {
    expect(typeof analysis[name], name).toBe('function');
    expect(membrane[name], name).toBe(analysis[name]);
  }
});
