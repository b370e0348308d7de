/**
 * The standard workloads W1 and W2 (../shared/BENCHMARKS.md) as validated `Model` objects (W3, the COBAHH network,
 * lives in bench/w3/: its model needs the network Brian2 draws, bench/w3/model.mjs), in the shape of
 * validation/models.ts (hhCompartment, rallpackCable), rewritten here so the benchmark imports only dist/.
 * Backward Euler at dt = 0.025 ms, like NEURON's default; `rates` is 'table' or 'exact'.
 */
export const HH_TEMPERATURE = 279.45; // 6.3 degC
export const DT = 0.025;

export const WORKLOADS = {
  w1: { duration: 1000, title: 'W1 HH compartment, 1 s' },
  w2: { duration: 250, title: 'W2 Rallpack 3, 250 ms' },
  w2b: { duration: 100, title: 'W2b Rallpack 3, 100 ms' },
  // Opt-in (npm run bench -- --only w3): its own harness, bench/w3/harness.mjs, against Brian2.
  w3: { duration: 1000, title: 'W3 COBAHH network (4000 HH neurons), 1 s, against Brian2', optIn: true },
};

function runSettings(duration, rates) {
  return {
    duration,
    timeStep: DT,
    integrator: 'backward-euler',
    rates,
    absoluteTolerance: 1e-6,
    relativeTolerance: 1e-7,
    recordInterval: DT,
  };
}

const membrane = (axialResistivity) => ({ capacitance: 1, axialResistivity, initialVoltage: -65 });

/** W1: one HH compartment, L = diam = 12.6157 um (500 um2), 0.1 nA (20 uA/cm2) from t = 0, 1 s. */
export function w1Model(rates) {
  const at = { cell: 'soma', position: 0.5 };
  return {
    name: 'w1-hh-compartment',
    temperature: HH_TEMPERATURE,
    channels: [],
    cells: [
      {
        id: 'soma',
        morphology: { kind: 'single', section: 'soma', length: 12.6157, diameter: 12.6157 },
        membrane: membrane(35.4),
        mechanisms: [{ mechanism: 'hh', parameters: {} }],
        ions: [],
      },
    ],
    stimuli: [
      { kind: 'current-clamp', id: 'clamp', location: at, waveform: { shape: 'step', delay: 0, duration: 1e9, amplitude: 0.1, perArea: false } },
    ],
    recordings: [{ id: 'v', location: at, variable: 'v' }],
    spikes: [{ id: 'spikes', location: at, threshold: 0 }],
    run: runSettings(WORKLOADS.w1.duration, rates),
  };
}

/** W2 / W2b: Rallpack 3, 1 mm, 1 um, 1000 compartments, pas 1/40000 S/cm2 at -65 mV + HH Na/K, 0.1 nA at x = 0. */
export function w2Model(rates, duration = WORKLOADS.w2.duration) {
  const end = (position) => ({ cell: 'axon', section: 'cable', position });
  return {
    name: 'w2-rallpack3',
    temperature: HH_TEMPERATURE,
    channels: [],
    cells: [
      {
        id: 'axon',
        morphology: { kind: 'cable', section: 'cable', region: 'cable', length: 1000, diameter: 1, compartments: 1000 },
        membrane: membrane(100),
        mechanisms: [
          { mechanism: 'pas', parameters: { g: 1 / 40000, e: -65 } },
          { mechanism: 'hh', parameters: { gl: 0 } },
        ],
        ions: [],
      },
    ],
    stimuli: [
      { kind: 'current-clamp', id: 'clamp', location: end(0), waveform: { shape: 'step', delay: 0, duration: 1e9, amplitude: 0.1, perArea: false } },
    ],
    recordings: [
      { id: 'v0', location: end(0), variable: 'v' },
      { id: 'vx', location: end(1), variable: 'v' },
    ],
    spikes: [
      { id: 'near', location: end(0), threshold: 0 },
      { id: 'far', location: end(1), threshold: 0 },
    ],
    run: runSettings(duration, rates),
  };
}

export function buildModel(workload, rates) {
  if (workload === 'w1') return w1Model(rates);
  if (workload === 'w2' || workload === 'w2b') return w2Model(rates, WORKLOADS[workload].duration);
  if (workload === 'w3') throw new Error('W3 is built from a network drawn by Brian2: see bench/w3/model.mjs (cobahhModel) and bench/w3/harness.mjs');
  throw new Error(`unknown workload ${workload}`);
}

/**
 * The validation check of each workload: W1 86 +- 1 spikes; W2 (250 ms) 17 spikes at the far end; W3: population
 * rate within 10 % of Brian2's on the same network (`spikeCounts` is then { rateHz, referenceRateHz }).
 */
export function check(workload, spikeCounts) {
  if (workload === 'w3') {
    const { rateHz, referenceRateHz } = spikeCounts;
    const difference = rateHz / referenceRateHz - 1;
    return { ok: Math.abs(difference) <= 0.1, expected: `rate within 10 % of Brian2's ${referenceRateHz.toFixed(2)} Hz`, got: `${rateHz.toFixed(2)} Hz (${(100 * difference).toFixed(1)} %)` };
  }
  if (workload === 'w1') {
    const n = spikeCounts.spikes;
    return { ok: Math.abs(n - 86) <= 1, expected: '86 +- 1 spikes', got: `${n} spikes` };
  }
  if (workload === 'w2') {
    const n = spikeCounts.far;
    return { ok: n === 17, expected: '17 spikes at the far end', got: `${n} at the far end` };
  }
  // W2b (100 ms) has no published count: the NEURON reference spike train (validation/neuron/hh-exact.json, far end)
  // has 7 spikes before 100 ms (4.07 ... 91.37 ms).
  const n = spikeCounts.far;
  return { ok: n === 7, expected: '7 spikes at the far end (NEURON reference, first 100 ms)', got: `${n} at the far end` };
}
