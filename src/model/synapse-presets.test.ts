/**
 * Reproduces SYNAPSE_PRESETS from the kinetic models of Destexhe, Mainen & Sejnowski (1998), "Kinetic models of
 * synaptic transmission" (Methods in Neuronal Modeling, 2nd ed., ch. 1; rate constants as in their NEURON files,
 * ModelDB 18500): the preset's difference of exponentials must peak when the kinetic model peaks and decay as it
 * decays late, within the two-significant-figure rounding of the presets.
 */
import { describe, expect, test } from 'vitest';
import { SYNAPSE_PRESETS } from './schema-synapse.js';

/** Time to peak (ms) of exp(-t/decay) - exp(-t/rise). */
function peakTime(rise: number, decay: number): number {
  return ((rise * decay) / (decay - rise)) * Math.log(decay / rise);
}

/** Two-state receptor dr/dt = alpha C (1 - r) - beta r, transmitter C = 1 mM for 1 ms: time of the peak (ms). */
function twoStatePeak(alpha: number, beta: number): number {
  const dt = 1e-3;
  let r = 0;
  let best = 0;
  let at = 0;
  for (let step = 1; step <= 20_000; step++) {
    const c = (step - 1) * dt < 1 ? 1 : 0;
    const rate = alpha * c + beta;
    const steady = (alpha * c) / rate;
    r = steady + (r - steady) * Math.exp(-rate * dt);
    if (r > best) {
      best = r;
      at = step * dt;
    }
  }
  return at;
}

/**
 * GABA-B: dR/dt = K1 T (1 - R) - K2 R, dG/dt = K3 R - K4 G, g = G^4 / (G^4 + Kd), T = 0.5 mM for 0.3 ms.
 * Returns the time of the peak of g and its late decay time constant (from 600 to 1200 ms).
 */
function gabaB(): { peak: number; decay: number } {
  const [k1, k2, k3, k4, kd] = [0.09, 0.0012, 0.18, 0.034, 100];
  const dt = 0.005;
  let r = 0;
  let g = 0;
  let best = 0;
  let peak = 0;
  let at600 = 0;
  let at1200 = 0;
  for (let step = 1; step <= 240_000; step++) {
    const t = step * dt;
    const transmitter = (step - 1) * dt < 0.3 ? 0.5 : 0;
    // Midpoint (RK2) steps: accurate enough for the peak time at this dt.
    const dr = (rr: number) => k1 * transmitter * (1 - rr) - k2 * rr;
    const rHalf = r + 0.5 * dt * dr(r);
    const gHalf = g + 0.5 * dt * (k3 * r - k4 * g);
    r += dt * dr(rHalf);
    g += dt * (k3 * rHalf - k4 * gHalf);
    const conductance = g ** 4 / (g ** 4 + kd);
    if (conductance > best) {
      best = conductance;
      peak = t;
    }
    if (step === Math.round(600 / dt)) at600 = conductance;
    if (step === Math.round(1200 / dt)) at1200 = conductance;
  }
  return { peak, decay: 600 / Math.log(at600 / at1200) };
}

describe('SYNAPSE_PRESETS reproduce the kinetic models of Destexhe et al. (1998)', () => {
  const cases = [
    ['ampa', 1.1, 0.19],
    ['nmda', 0.072, 0.0066],
    ['gaba-a', 5, 0.18],
  ] as const;
  for (const [kind, alpha, beta] of cases) {
    test(`${kind}: decay = 1/beta (${(1 / beta).toPrecision(3)} ms) and peak at the end of the 1 ms pulse, within 3%`, () => {
      const preset = SYNAPSE_PRESETS[kind];
      expect(Math.abs(preset.decay * beta - 1)).toBeLessThan(0.03);
      expect(twoStatePeak(alpha, beta)).toBeCloseTo(1, 2);
      expect(Math.abs(peakTime(preset.rise, preset.decay) - 1)).toBeLessThan(0.03);
    });
  }
  test('gaba-b: peak at about 102 ms and late decay 1/(4 K2) = 208 ms, within 3%', () => {
    const { peak, decay } = gabaB();
    expect(peak).toBeCloseTo(102, -1);
    expect(Math.abs(decay / 208.33 - 1)).toBeLessThan(0.01);
    const preset = SYNAPSE_PRESETS['gaba-b'];
    expect(Math.abs(preset.decay / decay - 1)).toBeLessThan(0.03);
    expect(Math.abs(peakTime(preset.rise, preset.decay) / peak - 1)).toBeLessThan(0.03);
  });
  test('reversal potentials: 0 mV (AMPA, NMDA), -80 mV (GABA-A), -95 mV (GABA-B); NMDA Mg2+ 1 mM', () => {
    expect(Object.fromEntries(Object.entries(SYNAPSE_PRESETS).map(([kind, p]) => [kind, [p.reversal, p.magnesium]]))).toEqual({
      ampa: [0, 0],
      nmda: [0, 1],
      'gaba-a': [-80, 0],
      'gaba-b': [-95, 0],
    });
  });
});
