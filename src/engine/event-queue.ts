/**
 * A binary min-heap of synaptic events ordered by delivery time (ms): struct of arrays, grown by doubling.
 */
export class EventQueue {
  private times = new Float64Array(64);
  private targets = new Int32Array(64);
  private weights = new Float64Array(64);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0] : Infinity;
  }

  push(time: number, target: number, weight: number): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.times[parent] <= time) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = time;
    this.targets[i] = target;
    this.weights[i] = weight;
  }

  /** Removes the earliest event and passes it to `visit`. */
  pop(visit: (time: number, target: number, weight: number) => void): void {
    const time = this.times[0], target = this.targets[0], weight = this.weights[0];
    const last = --this.size;
    if (last > 0) {
      const lastTime = this.times[last], lastTarget = this.targets[last], lastWeight = this.weights[last];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        if (child + 1 < last && this.times[child + 1] < this.times[child]) child++;
        if (this.times[child] >= lastTime) break;
        this.move(child, i);
        i = child;
      }
      this.times[i] = lastTime;
      this.targets[i] = lastTarget;
      this.weights[i] = lastWeight;
    }
    visit(time, target, weight);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.targets[to] = this.targets[from];
    this.weights[to] = this.weights[from];
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity), targets = new Int32Array(capacity), weights = new Float64Array(capacity);
    times.set(this.times);
    targets.set(this.targets);
    weights.set(this.weights);
    this.times = times;
    this.targets = targets;
    this.weights = weights;
  }
}
