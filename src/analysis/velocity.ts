/**
 * Conduction velocity of an action potential between two recording points.
 */
import type { SimulationResult } from '../engine/simulate.js';
import { InputError } from '../units/errors.js';

export interface ConductionVelocityInput {
  /** Time (ms) at which the spike passes the first point. */
  readonly firstTime: number | undefined;
  /** Time (ms) at which it passes the second point. */
  readonly secondTime: number | undefined;
  /** Path distance (um) between the two points along the cell, > 0. */
  readonly distance: number;
}

/**
 * Conduction velocity (m/s): `distance / |secondTime - firstTime|` in um/ms (= mm/s), divided by 1000. A speed:
 * the direction of travel is not reported (the later time may belong to either point). Throws an InputError when
 * a time is missing (undefined or not finite; say, a point the spike never reached), when the two times are equal
 * (no measurable delay), or when the distance is not a positive finite number.
 */
export function conductionVelocity(input: ConductionVelocityInput): number {
  const { firstTime, secondTime, distance } = input;
  if (firstTime === undefined || !Number.isFinite(firstTime)) {
    throw new InputError('firstTime', String(firstTime), 'the time (ms) of the spike at the first point (no spike reached it)');
  }
  if (secondTime === undefined || !Number.isFinite(secondTime)) {
    throw new InputError('secondTime', String(secondTime), 'the time (ms) of the spike at the second point (no spike reached it)');
  }
  if (secondTime === firstTime) {
    throw new InputError('secondTime', `${secondTime} ms`, `a time different from firstTime (${firstTime} ms): no delay, no velocity`);
  }
  if (!(distance > 0) || !Number.isFinite(distance)) {
    throw new InputError('distance', String(distance), 'a positive path distance (um) between the two points');
  }
  return distance / Math.abs(secondTime - firstTime) / 1000;
}

/**
 * Conduction velocity (m/s) between two spike detectors of a simulation result, from the first spike at each and
 * the difference of the detectors' path distances from the root (um), by `conductionVelocity`. That difference is
 * the distance between them when one lies on the path from the root to the other (an unbranched axon); for
 * detectors on different branches, use `conductionVelocity` with the distance along the path. Throws an
 * InputError when a detector id is unknown or a detector saw no spike.
 */
export function detectorConductionVelocity(result: SimulationResult, fromId: string, toId: string): number {
  const train = (id: string, field: string) => {
    const found = result.spikes.find((spikes) => spikes.id === id);
    if (!found) throw new InputError(field, JSON.stringify(id), `the id of a spike detector: ${result.spikes.map((s) => JSON.stringify(s.id)).join(', ') || 'the model has none'}`);
    return found;
  };
  const first = train(fromId, 'fromId');
  const second = train(toId, 'toId');
  return conductionVelocity({ firstTime: first.times[0], secondTime: second.times[0], distance: Math.abs(second.distance - first.distance) });
}
