/// <reference lib="webworker" />
/**
 * The engine in a Web Worker: runs one job at a time and posts its typed arrays back as transferables. When several
 * requests queue up while a job runs, only the newest is run (older ones are answered as superseded).
 */
import type { JobRequest, JobResponse } from './engine-protocol.js';
import { runJob, transferables } from './jobs.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let queued: JobRequest | undefined;
let scheduled = false;

scope.onmessage = (event: MessageEvent<JobRequest>) => {
  if (queued) scope.postMessage({ id: queued.id, ok: false, error: 'superseded' } satisfies JobResponse);
  queued = event.data;
  if (!scheduled) {
    scheduled = true;
    // Let every message already waiting arrive first, then run only the newest.
    setTimeout(drain, 0);
  }
};

function drain(): void {
  scheduled = false;
  const request = queued;
  queued = undefined;
  if (!request) return;
  try {
    const output = runJob(request.job, request.input);
    scope.postMessage({ id: request.id, ok: true, output } satisfies JobResponse, transferables(output));
  } catch (error) {
    scope.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies JobResponse);
  }
}
