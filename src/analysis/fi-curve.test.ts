import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.js';
import { InputError } from '../units/errors.js';
import { firingRateCurve, repetitiveFiringOnset, type FiringRatePoint } from './fi-curve.js';
import { hhCompartment, readReferenceCsv } from './test-models.js';

/** NEURON's F-I curve: rate (Hz, spikes from 200 to 1000 ms / 0.8 s) by current density (uA/cm2). */
const neuronRates = new Map(readReferenceCsv('hh_fi_curve.csv').map((row) => [row.i_uA_cm2, row.rate_hz_200_1000ms]));
const window = { from: 200, to: 1000 };
const hh = (duration = 1000): Model => hhCompartment('0 uA/cm2', `${duration} ms`, '1 ms');

describe('firingRateCurve of the HH compartment (1 s, window 200-1000 ms, CN dt 0.025 ms, table rates)', () => {
  const densities = [0, 5, 10, 20]; // uA/cm2; the stimulus is per area in mA/cm2
  const curve = firingRateCurve(hh(), { stimulusId: 'clamp', amplitudes: densities.map((d) => d / 1000), window });

  it("0, 5, 10, 20 uA/cm2: 0, 0, 68.75, 86.25 Hz, each within 1 Hz of NEURON's", () => {
    expect(curve.map((point) => point.amplitude)).toEqual([0, 0.005, 0.01, 0.02]);
    densities.forEach((density, i) => {
      const expected = neuronRates.get(density)!;
      expect(Math.abs(curve[i].rate - expected), `${density} uA/cm2: ${curve[i].rate} Hz vs NEURON ${expected} Hz`).toBeLessThan(1);
    });
    expect(curve[2].rate).toBeCloseTo(68.75, 6);
    expect(curve[3].rate).toBeCloseTo(86.25, 6);
  });

  it('spikeCount is the count in the window: rate x 0.8 s (55 at 10 uA/cm2)', () => {
    for (const point of curve) expect(point.spikeCount).toBeCloseTo(point.rate * 0.8, 9);
    expect(curve[2].spikeCount).toBe(55);
  });

  it('keeps the unit: the same 10 uA/cm2 given as 0.1 nA on the 1000 um2 compartment (perArea false) fires at 68.75 Hz', () => {
    const base = hh();
    const clamp = base.stimuli[0];
    if (clamp.kind !== 'current-clamp' || clamp.waveform.shape !== 'step') throw new Error('hhCompartment changed');
    const inNanoamps: Model = { ...base, stimuli: [{ ...clamp, waveform: { ...clamp.waveform, perArea: false } }] };
    const [point] = firingRateCurve(inNanoamps, { stimulusId: 'clamp', amplitudes: [0.1], window, detectorId: 'spikes' });
    expect(point.rate).toBeCloseTo(68.75, 6);
  });

  it('leaves the model unchanged', () => {
    const model = hh(50);
    const before = JSON.stringify(model);
    firingRateCurve(model, { stimulusId: 'clamp', amplitudes: [0.02], window: { from: 0, to: 50 } });
    expect(JSON.stringify(model)).toBe(before);
  });
});

describe('repetitiveFiringOnset', () => {
  const point = (amplitude: number, spikeCount: number): FiringRatePoint => ({ amplitude, spikeCount, rate: spikeCount / 0.8 });

  it("brackets the HH onset where NEURON's table does, 6.0-6.2 uA/cm2 (of 5, 6, 6.2, 7)", () => {
    // NEURON: 0 Hz at 6.0 uA/cm2, 51.25 Hz at 6.2 uA/cm2.
    const curve = firingRateCurve(hh(), { stimulusId: 'clamp', amplitudes: [0.005, 0.006, 0.0062, 0.007], window });
    expect(repetitiveFiringOnset(curve)).toEqual({ lastSilent: 0.006, firstRepetitive: 0.0062 });
  });

  it('sorts by amplitude and needs two spikes in the window: one onset-like spike is silent', () => {
    const curve = [point(3, 40), point(1, 1), point(0, 0), point(2, 30)];
    expect(repetitiveFiringOnset(curve)).toEqual({ lastSilent: 1, firstRepetitive: 2 });
  });

  it('ignores depolarisation block above the onset (silent again at high amplitude)', () => {
    expect(repetitiveFiringOnset([point(0, 0), point(1, 50), point(2, 0)])).toEqual({ lastSilent: 0, firstRepetitive: 1 });
  });

  it('null when nothing fires repetitively or the lowest amplitude already does', () => {
    expect(repetitiveFiringOnset([point(0, 0), point(1, 1)])).toBeNull();
    expect(repetitiveFiringOnset([point(1, 10), point(2, 20)])).toBeNull();
    expect(repetitiveFiringOnset([])).toBeNull();
  });
});

describe('firingRateCurve input errors', () => {
  const model = hh(50);
  const options = { stimulusId: 'clamp', amplitudes: [0.01], window: { from: 0, to: 50 } };

  it('an unknown stimulus or detector is named, with the ids allowed', () => {
    expect(() => firingRateCurve(model, { ...options, stimulusId: 'iclamp' })).toThrow(/stimulusId: got "iclamp"; expected the id of a stimulus: "clamp"/);
    expect(() => firingRateCurve(model, { ...options, detectorId: 'soma' })).toThrow(/detectorId: got "soma"; expected the id of a spike detector: "spikes"/);
  });

  it('a stimulus that is not a step current clamp is refused', () => {
    const clamp = model.stimuli[0];
    const ramp: Model = { ...model, stimuli: [{ ...clamp, kind: 'current-clamp', waveform: { shape: 'ramp', delay: 0, duration: 10, from: 0, to: 0.01, perArea: true } } as Model['stimuli'][number]] };
    expect(() => firingRateCurve(ramp, options)).toThrow(/a current clamp with a step waveform \(this is a ramp current clamp\)/);
  });

  it('a window outside the run and a NaN amplitude are refused', () => {
    expect(() => firingRateCurve(model, { ...options, window: { from: 0, to: 60 } })).toThrow(/window: got 0 to 60 ms; expected a window within the run, 0 to 50 ms/);
    expect(() => firingRateCurve(model, { ...options, amplitudes: [Number.NaN] })).toThrow(InputError);
    expect(() => firingRateCurve({ ...model, spikes: [] }, options)).toThrow(/the model has none/);
  });
});
