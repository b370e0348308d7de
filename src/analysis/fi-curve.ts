/**
 * Firing rate against injected current (the F-I curve), and where repetitive firing begins.
 */
import { simulate } from '../engine/simulate.js';
import type { CurrentClamp, Model } from '../model/types.js';
import { InputError } from '../units/errors.js';
import { checkWindow } from './samples.js';
import { spikeCount } from './spikes.js';

export interface FiringRateCurveOptions {
  /** Id of a current-clamp stimulus of the model with a `step` waveform; its amplitude is varied. */
  readonly stimulusId: string;
  /**
   * Step amplitudes, in the stimulus's own unit: nA, or mA/cm2 when its waveform is `perArea`
   * (10 uA/cm2 = 0.01 mA/cm2). Its delay, duration and `perArea` are kept.
   */
  readonly amplitudes: readonly number[];
  /** The window (ms) in which spikes are counted, [from, to): skip the onset transient. Within the run. */
  readonly window: { readonly from: number; readonly to: number };
  /** Id of the spike detector that counts; default the model's first. */
  readonly detectorId?: string;
}

export interface FiringRatePoint {
  /** The step amplitude (nA, or mA/cm2 for a per-area stimulus). */
  readonly amplitude: number;
  /** Spikes in the window divided by its duration (Hz). */
  readonly rate: number;
  /** Spikes detected in the window [from, to). */
  readonly spikeCount: number;
}

/** The model with one stimulus's step amplitude replaced; every other field shared with the original. */
function withAmplitude(model: Model, index: number, amplitude: number): Model {
  const stimulus = model.stimuli[index] as CurrentClamp;
  const stimuli = model.stimuli.slice();
  stimuli[index] = { ...stimulus, waveform: { ...stimulus.waveform, amplitude } as CurrentClamp['waveform'] };
  return { ...model, stimuli };
}

/**
 * The F-I curve: runs the model once per amplitude, with the step amplitude of current clamp `stimulusId`
 * replaced, and counts the spikes of detector `detectorId` in `window` (firing rate = count / window duration in
 * s, as `firingRate`). Recordings are dropped from the runs (only spikes are needed). The model must be valid
 * (as `parseModel`/`validateModel` return it). Throws an InputError for an unknown stimulus or detector, a
 * stimulus that is not a step current clamp, a non-finite amplitude or a window outside [0, run.duration].
 */
export function firingRateCurve(model: Model, options: FiringRateCurveOptions): FiringRatePoint[] {
  const { stimulusId, amplitudes, window, detectorId } = options;
  const index = model.stimuli.findIndex((stimulus) => stimulus.id === stimulusId);
  if (index < 0) {
    throw new InputError('stimulusId', JSON.stringify(stimulusId), `the id of a stimulus: ${model.stimuli.map((s) => JSON.stringify(s.id)).join(', ') || 'the model has none'}`);
  }
  const stimulus = model.stimuli[index];
  if (stimulus.kind !== 'current-clamp' || stimulus.waveform.shape !== 'step') {
    const what = stimulus.kind === 'current-clamp' ? `a ${stimulus.waveform.shape} current clamp` : 'a voltage clamp';
    throw new InputError('stimulusId', JSON.stringify(stimulusId), `a current clamp with a step waveform (this is ${what})`);
  }
  const detector = detectorId === undefined ? 0 : model.spikes.findIndex((spikes) => spikes.id === detectorId);
  if (detector < 0 || detector >= model.spikes.length) {
    throw new InputError('detectorId', JSON.stringify(detectorId), `the id of a spike detector: ${model.spikes.map((s) => JSON.stringify(s.id)).join(', ') || 'the model has none; add one to `spikes`'}`);
  }
  checkWindow(window.from, window.to);
  if (window.from < 0 || window.to > model.run.duration) {
    throw new InputError('window', `${window.from} to ${window.to} ms`, `a window within the run, 0 to ${model.run.duration} ms`);
  }
  amplitudes.forEach((amplitude, i) => {
    if (!Number.isFinite(amplitude)) throw new InputError(`amplitudes[${i}]`, String(amplitude), `a finite amplitude (${stimulus.waveform.perArea ? 'mA/cm2' : 'nA'})`);
  });
  const quiet: Model = { ...model, recordings: [] };
  const seconds = (window.to - window.from) / 1000;
  return amplitudes.map((amplitude) => {
    const result = simulate(withAmplitude(quiet, index, amplitude));
    const count = spikeCount(result.spikes[detector].times, window.from, window.to);
    return { amplitude, rate: count / seconds, spikeCount: count };
  });
}

/** Where repetitive firing begins: the two amplitudes that bracket its onset. */
export interface RepetitiveFiringBracket {
  /** The highest amplitude below `firstRepetitive` that fires fewer than two spikes in the window. */
  readonly lastSilent: number;
  /** The lowest amplitude that fires repetitively: at least two spikes in the window. */
  readonly firstRepetitive: number;
}

/**
 * Brackets the onset of repetitive firing on an F-I curve (a rheobase for sustained firing): with the points in
 * order of amplitude, `firstRepetitive` is the first that fires at least two spikes in its window (one interspike
 * interval: sustained firing, not an onset spike) and `lastSilent` the point just before it. Bisect between them
 * (another `firingRateCurve`) to narrow the bracket. Null when no point fires repetitively or the lowest one
 * already does (no bracket). Amplitudes above the onset that fall silent again (depolarisation block) do not
 * matter.
 */
export function repetitiveFiringOnset(curve: readonly FiringRatePoint[]): RepetitiveFiringBracket | null {
  const sorted = curve.slice().sort((a, b) => a.amplitude - b.amplitude);
  const first = sorted.findIndex((point) => point.spikeCount >= 2);
  if (first <= 0) return null;
  return { lastSilent: sorted[first - 1].amplitude, firstRepetitive: sorted[first].amplitude };
}
