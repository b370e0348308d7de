/**
 * Run-time detection of step-to-step oscillation of the membrane potential: Crank-Nicolson ringing. With a step
 * many times a decay time constant, Crank-Nicolson's amplification factor (1 - x/2) / (1 + x/2), x = dt / tau, is
 * close to -1: V flips to the other side of where it should be every step and stays there, a zig-zag that a spike
 * detector counts as spikes (hh at dt = 10 ms swings between -154 and +5 mV every step).
 *
 * A node rings when its successive voltage changes alternate in sign, each larger than RINGING_SWING, for
 * RINGING_STEPS steps in a row. No membrane does that: the fastest physiological change, a spike's upstroke of up to
 * about 500 mV/ms, is monotonic over many steps at any resolving step, and a change of sign (a peak, a trough)
 * happens once per turn, not every step. Damped ringing after a stimulus edge, which the time-step check allows
 * (each swing at most about two thirds of the previous one), falls below the 10 mV swing within a few steps.
 */

/** Smallest step-to-step change (mV) counted as a swing. */
export const RINGING_SWING = 10;
/** Successive sign-alternating swings that make ringing. */
export const RINGING_STEPS = 4;

export interface RingingDetector {
  /**
   * Call after each step with the new voltages: returns the index of a node that has rung for RINGING_STEPS steps,
   * or -1. The first call only records the voltages.
   */
  observe(v: Float64Array): number;
  /** The last swing (mV) at a node, for the message. */
  swing(node: number): number;
}

export function createRingingDetector(initial: Float64Array): RingingDetector {
  const count = initial.length;
  const last = Float64Array.from(initial);
  const change = new Float64Array(count);
  const run = new Int32Array(count);
  return {
    observe(v) {
      let ringing = -1;
      for (let i = 0; i < count; i++) {
        const now = v[i] - last[i];
        last[i] = v[i];
        // A swing that reverses the previous one, both beyond the threshold, extends the run; anything else ends it.
        if ((now > RINGING_SWING && change[i] < -RINGING_SWING) || (now < -RINGING_SWING && change[i] > RINGING_SWING)) {
          run[i] += 1;
          if (run[i] + 1 >= RINGING_STEPS && ringing < 0) ringing = i;
        } else {
          run[i] = 0;
        }
        change[i] = now;
      }
      return ringing;
    },
    swing(node) {
      return change[node];
    },
  };
}
