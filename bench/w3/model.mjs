/**
 * W3: the COBAHH network (Brette et al. 2007, benchmark 3; Brian2 examples/COBAHH.py) as a Membrane `Model`, built
 * on a network drawn by bench/w3/brian2_cobahh.py (--network-out): { n, ne, preE, postE, preI, postI, v0 (mV),
 * ge0, gi0 (nS) }. Plus the spike statistics both sides report.
 */

/** Cylinder with L = diam and lateral area 20 000 um2 (single compartments have no end caps). */
const SIDE = Math.sqrt(20000 / Math.PI);

/**
 * @param network  the JSON written by brian2_cobahh.py
 * @param options  { duration (ms), rates 'table'|'exact', integrator 'backward-euler'|'crank-nicolson',
 *                   initialConductances: start ge, gi at Brian2's values (a one-spike source at t = 0) or at 0,
 *                   timeStep (ms): 0.1 in W3; others only for convergence checks }
 */
export function cobahhModel(network, { duration = 1000, rates = 'table', integrator = 'backward-euler', initialConductances = true, timeStep = 0.1 } = {}) {
  const { n, preE, postE, preI, postI, v0, ge0, gi0 } = network;
  const cells = new Array(n);
  const synapses = new Array(2 * n);
  const spikes = new Array(n);
  const mechanisms = [{ mechanism: 'traub-miles', parameters: { gnabar: 0.1, gkbar: 0.03, gl: 5e-5, el: -60 } }];
  const ions = [
    { ion: 'na', reversal: 50 },
    { ion: 'k', reversal: -90 },
  ];
  for (let i = 0; i < n; i++) {
    const id = `c${i}`;
    const at = { cell: id, section: 'soma', position: 0.5 };
    cells[i] = {
      id,
      morphology: { kind: 'single', section: 'soma', length: SIDE, diameter: SIDE },
      membrane: { capacitance: 1, axialResistivity: 100, initialVoltage: v0[i] },
      mechanisms,
      ions,
    };
    synapses[2 * i] = { id: `e${i}`, kind: 'exponential', location: at, rise: 0, decay: 5, reversal: 0, magnesium: 0 };
    synapses[2 * i + 1] = { id: `i${i}`, kind: 'exponential', location: at, rise: 0, decay: 10, reversal: -80, magnesium: 0 };
    spikes[i] = { id: `s${i}`, location: at, threshold: -20, refractory: 3 };
  }
  const connections = [];
  for (let k = 0; k < preE.length; k++) connections.push({ source: `s${preE[k]}`, target: `e${postE[k]}`, weight: 0.006, delay: 0 });
  for (let k = 0; k < preI.length; k++) connections.push({ source: `s${preI[k]}`, target: `i${postI[k]}`, weight: 0.067, delay: 0 });
  const sources = [];
  if (initialConductances) {
    // ge(0), gi(0) as Brian2 drew them (nS -> uS): one event at t = 0 of that weight into each synapse. (A few gi0
    // are negative, as in Brian2's example: randn * 12 + 20 < 0 for randn < -1.67; kept as drawn.)
    sources.push({ id: 'initial', kind: 'train', times: [0] });
    for (let i = 0; i < n; i++) {
      connections.push({ source: 'initial', target: `e${i}`, weight: ge0[i] / 1000, delay: 0 });
      connections.push({ source: 'initial', target: `i${i}`, weight: gi0[i] / 1000, delay: 0 });
    }
  }
  return {
    name: 'w3-cobahh',
    temperature: 309.15, // traub-miles has no temperature scaling
    channels: [],
    cells,
    stimuli: [],
    recordings: [],
    spikes,
    synapses,
    sources,
    connections,
    run: {
      duration,
      timeStep,
      integrator,
      rates,
      absoluteTolerance: 1e-6,
      relativeTolerance: 1e-7,
      // Nothing is recorded; one sample of time per 100 ms keeps the recorder's buffer small.
      recordInterval: 100,
    },
  };
}

/**
 * Population statistics from per-neuron spike-time arrays (ms), as brian2_cobahh.py's spike_statistics: total,
 * mean rates (all, E, I) in Hz, fraction of silent neurons, spread of per-neuron rates, the population rate in
 * 100 ms bins, the mean coefficient of variation of the inter-spike intervals (neurons with >= 3 spikes), the
 * number of intervals shorter than 3 ms and the rate counting only spikes >= 3 ms after the last counted one
 * (Brian2's refractory period, which Membrane's detectors lack).
 */
export function spikeStatistics(trains, ne, durationMs, binMs = 100, deadTimeMs = 3) {
  const n = trains.length;
  const seconds = durationMs / 1000;
  const counts = trains.map((t) => t.length);
  const rates = counts.map((c) => c / seconds);
  const sum = (a) => a.reduce((s, x) => s + x, 0);
  const mean = (a) => sum(a) / a.length;
  const rate = mean(rates);
  const bins = Math.round(durationMs / binMs);
  const binned = new Array(bins).fill(0);
  const cvs = [];
  // Brian2's threshold is not evaluated for 3 ms after a spike (refractory = 3 ms): the spikes it can count.
  // Membrane's detectors are given the same 3 ms dead time (spikes[].refractory), so this count equals the rate.
  let countable = 0;
  let shortIntervals = 0;
  for (const times of trains) {
    let last = -Infinity;
    for (const t of times) {
      if (t - last >= deadTimeMs) {
        countable++;
        last = t;
      }
    }
    for (let k = 1; k < times.length; k++) if (times[k] - times[k - 1] < deadTimeMs) shortIntervals++;
    for (const t of times) {
      const b = Math.floor(t / binMs);
      if (b >= 0 && b < bins) binned[b]++;
    }
    if (times.length >= 3) {
      const isi = [];
      for (let k = 1; k < times.length; k++) isi.push(times[k] - times[k - 1]);
      const m = mean(isi);
      cvs.push(Math.sqrt(mean(isi.map((x) => (x - m) ** 2))) / m);
    }
  }
  return {
    spikes: sum(counts),
    rateHz: rate,
    rateEHz: mean(rates.slice(0, ne)),
    rateIHz: n > ne ? mean(rates.slice(ne)) : NaN,
    silentFraction: counts.filter((c) => c === 0).length / n,
    rateSdHz: Math.sqrt(mean(rates.map((r) => (r - rate) ** 2))),
    binnedRateHz: binned.map((c) => c / n / (binMs / 1000)),
    meanIsiCv: cvs.length ? mean(cvs) : null,
    intervalsUnder3Ms: shortIntervals,
    rateRefractoryHz: countable / n / seconds,
  };
}
