/**
 * Spike detection: upward crossings of a threshold, with the crossing time interpolated linearly between the two
 * samples that straddle it (NEURON's NetCon with fixed steps reports the step's end; interpolation is closer).
 */
export class SpikeDetector {
  readonly times: number[] = [];
  private previousTime = Number.NaN;
  private previousValue = Number.NaN;

  constructor(
    readonly threshold: number,
    private readonly read: () => number,
    /** Dead time after a spike (ms): crossings within it are not counted. */
    private readonly refractory = 0,
  ) {}

  private record(time: number): void {
    const last = this.times.length > 0 ? this.times[this.times.length - 1] : -Infinity;
    if (time - last >= this.refractory) this.times.push(time);
  }

  /** Looks at the value now, at time t. */
  observe(t: number): void {
    this.observeValue(t, this.read());
  }

  /** Looks at a value the caller has read, at time t; returns whether a spike was recorded. */
  observeValue(t: number, value: number): boolean {
    const before = this.previousValue;
    const count = this.times.length;
    if (before < this.threshold && value >= this.threshold) {
      this.record(this.previousTime + ((this.threshold - before) / (value - before)) * (t - this.previousTime));
    }
    this.previousTime = t;
    this.previousValue = value;
    return this.times.length > count;
  }

  /** Records a crossing found by the caller at a time it has interpolated itself (the adaptive integrator). */
  observeWithCrossing(t: number, crossing: (threshold: number) => number | null): void {
    const value = this.read();
    if (this.previousValue < this.threshold && value >= this.threshold) {
      const time = crossing(this.threshold);
      this.record(time ?? this.previousTime + ((this.threshold - this.previousValue) / (value - this.previousValue)) * (t - this.previousTime));
    }
    this.previousTime = t;
    this.previousValue = value;
  }
}
