/**
 * The page's side of the engine worker. One client per stream of requests (a screen's main run, its threshold
 * search, ...): a newer request supersedes an older one. A request waiting behind a run is replaced; a run that has
 * been going for longer than `restartAfterWallMs` is abandoned by restarting the worker, so the newest settings are
 * always computed next and the page never waits on stale work. Superseded requests resolve to `null`.
 */
import type { JobInputs, JobName, JobOutputs, JobRequest, JobResponse } from './engine-protocol.js';

interface Pending<K extends JobName = JobName> {
  readonly request: JobRequest<K>;
  readonly resolve: (output: JobOutputs[K] | null) => void;
  readonly reject: (error: Error) => void;
  startedWallMs: number;
}

export class EngineClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private inFlight: Pending | undefined;
  private waiting: Pending | undefined;

  constructor(private readonly restartAfterWallMs = 250) {}

  run<K extends JobName>(job: K, input: JobInputs[K]): Promise<JobOutputs[K] | null> {
    return new Promise((resolve, reject) => {
      const entry = { request: { id: this.nextId++, job, input }, resolve, reject, startedWallMs: 0 } as unknown as Pending;
      if (this.waiting) this.waiting.resolve(null);
      this.waiting = undefined;
      if (this.inFlight && performance.now() - this.inFlight.startedWallMs > this.restartAfterWallMs) {
        this.inFlight.resolve(null);
        this.inFlight = undefined;
        this.worker?.terminate();
        this.worker = undefined;
      }
      if (this.inFlight) this.waiting = entry;
      else this.send(entry);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.inFlight?.resolve(null);
    this.waiting?.resolve(null);
    this.inFlight = this.waiting = undefined;
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (typeof Worker === 'undefined') return undefined;
    try {
      const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name: 'membrane-engine' });
      worker.onmessage = (event: MessageEvent<JobResponse>) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.fail(new Error(event.message || 'the engine worker failed to start'));
      };
      this.worker = worker;
      return worker;
    } catch {
      return undefined;
    }
  }

  private send(entry: Pending): void {
    entry.startedWallMs = performance.now();
    this.inFlight = entry;
    const worker = this.ensureWorker();
    if (worker) {
      worker.postMessage(entry.request);
      return;
    }
    // No module workers (e.g. an old browser): run on the page, after yielding once so the UI can paint.
    setTimeout(() => {
      import('./jobs.js')
        .then(({ runJob }) => this.receive({ id: entry.request.id, ok: true, output: runJob(entry.request.job, entry.request.input) }))
        .catch((error: unknown) => this.receive({ id: entry.request.id, ok: false, error: error instanceof Error ? error.message : String(error) }));
    }, 0);
  }

  private receive(response: JobResponse): void {
    const entry = this.inFlight;
    if (!entry || entry.request.id !== response.id) return;
    this.inFlight = undefined;
    if (response.ok) entry.resolve(this.waiting ? null : response.output);
    else if (response.error === 'superseded') entry.resolve(null);
    else entry.reject(new Error(response.error));
    const next = this.waiting;
    this.waiting = undefined;
    if (next) this.send(next);
  }

  private fail(error: Error): void {
    const entry = this.inFlight;
    this.inFlight = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    entry?.reject(error);
    const next = this.waiting;
    this.waiting = undefined;
    if (next) this.send(next);
  }
}
