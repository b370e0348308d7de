import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate.js';
import { InputError } from '../units/errors.js';
import { parseModel } from '../model/validate.js';
import { conductionVelocity, detectorConductionVelocity } from './velocity.js';

describe('conductionVelocity', () => {
  it('1000 um in 1 ms is 1 m/s; 20 mm in 1.0695 ms is 18.70 m/s', () => {
    expect(conductionVelocity({ firstTime: 2, secondTime: 3, distance: 1000 })).toBeCloseTo(1, 12);
    expect(conductionVelocity({ firstTime: 1, secondTime: 2.0695, distance: 20_000 })).toBeCloseTo(18.7, 2);
  });

  it('is a speed: the same when the second time is the earlier', () => {
    expect(conductionVelocity({ firstTime: 3, secondTime: 2, distance: 500 })).toBeCloseTo(0.5, 12);
  });

  it('throws an InputError for equal times, a missing or NaN time, and a distance that is not positive', () => {
    expect(() => conductionVelocity({ firstTime: 2, secondTime: 2, distance: 1000 })).toThrow(/secondTime: got 2 ms; expected a time different from firstTime/);
    expect(() => conductionVelocity({ firstTime: undefined, secondTime: 2, distance: 1000 })).toThrow(/firstTime: got undefined/);
    expect(() => conductionVelocity({ firstTime: 1, secondTime: undefined, distance: 1000 })).toThrow(InputError);
    expect(() => conductionVelocity({ firstTime: 1, secondTime: Number.NaN, distance: 1000 })).toThrow(InputError);
    expect(() => conductionVelocity({ firstTime: 1, secondTime: 2, distance: 0 })).toThrow(/distance: got 0/);
  });
});

describe('detectorConductionVelocity on the HH 1952 squid axon (500 compartments, dt 0.01 ms)', () => {
  // The axon of validation/models.ts (examples/hh1952-propagating-axon.json): 5 cm, 476 um wide, 18.5 degC, a
  // 0.2 ms pulse of 10 uA at one end; detectors at 1.5 and 3.5 cm.
  const result = simulate(
    parseModel({
      name: 'hh1952-axon',
      temperature: '18.5 degC',
      cells: [{ id: 'axon', morphology: { kind: 'cable', length: '5 cm', diameter: '476 um', compartments: 500 }, mechanisms: [{ mechanism: 'hh' }] }],
      stimuli: [{ kind: 'current-clamp', location: { position: 0 }, waveform: { shape: 'step', delay: '0.1 ms', duration: '0.2 ms', amplitude: '10 uA' } }],
      spikes: [
        { id: 'near', location: { position: 0.3 }, threshold: '-20 mV' },
        { id: 'far', location: { position: 0.7 }, threshold: '-20 mV' },
      ],
      velocity: { from: 'near', to: 'far' },
      run: { duration: '8 ms', timeStep: '0.01 ms', integrator: 'crank-nicolson' },
    }),
  );

  it("equals the engine's own velocity (within 1e-12 m/s) and is within 1 % of 18.7 m/s", () => {
    const velocity = detectorConductionVelocity(result, 'near', 'far');
    expect(Math.abs(velocity - result.velocity!.metresPerSecond)).toBeLessThan(1e-12);
    // 18.7 m/s: a converged cable solution of HH 1952 (validation/hh1952-axon.test.ts), 100 um compartments are within 0.2 %.
    expect(Math.abs(velocity - 18.7) / 18.7).toBeLessThan(0.01);
  });

  it('throws an InputError naming an unknown detector', () => {
    expect(() => detectorConductionVelocity(result, 'near', 'end')).toThrow(/toId: got "end"; expected the id of a spike detector: "near", "far"/);
  });
});
