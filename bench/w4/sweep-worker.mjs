/**
 * W4 piscina worker (bench/w4/membrane_sweep.mjs): runs a batch of the sweep's currents and returns their spike times.
 * Task: { currents: number[] (the whole sweep), indices: number[] (this batch), rates }.
 */
import { threadId } from 'node:worker_threads';
import { runCurrents } from './fi.mjs';

export default function runBatch({ currents, indices, rates }) {
  const { spikeTimes, runSeconds, loopSeconds } = runCurrents(currents, indices, rates);
  return { indices, spikeTimes, runSeconds, loopSeconds, threadId };
}
