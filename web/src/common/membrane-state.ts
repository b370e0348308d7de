/**
 * The membrane animation's state, from the engine's numbers only (pure: no DOM, no clock). A screen turns its run
 * into a `MembraneSeries` (one flux and one open probability per channel, the pump's cycle rate, sampled at the
 * run's times); `MembraneState` then follows the trace cursor and says, for each moment, how open each gate is,
 * how many dots each channel emits and where the pump's rotor stands.
 *
 * Ion flux from a current (outward positive, NEURON's convention): ions/ms = I / (z e), with I in A, e the
 * elementary charge (src/units ELEMENTARY_CHARGE) and 1 s = 1000 ms. A current density i (mA/cm²) over an area
 * A (µm²) is I = i · 1e-3 A/mA · A · 1e-8 cm²/µm², so ions/ms = i · A · 1e-14 / (z e); a current in nA gives
 * ions/ms = I · 1e-12 / (z e). Positive flux = ions leaving the cell.
 * Na⁺/K⁺ pump: 3 Na⁺ out and 2 K⁺ in per cycle, one net charge out, so cycles/ms = I_pump / e (I_pump in A, per ms).
 *
 * Dots: one dot stands for `ionsPerDot` ions. Between two cursor times the number of ions a channel passes is the
 * exact integral of its flux (the flux is linear between samples, so the trapezoid rule is exact); a fractional
 * remainder carries over, so that after any sequence of steps the dots emitted equal ∫ flux dt / ionsPerDot within
 * one dot.
 */
import type { Model } from '../../../src/model/types.js';
import { describeValue as describe, ELEMENTARY_CHARGE, InputError } from '../../../src/units/index.js';

/** Ions the animation draws; the colours come from PALETTE by the same names. */
export type MembraneIon = 'na' | 'k' | 'cl' | 'ca';

/** (mA/cm²) × µm² → A: 1e-3 A/mA × 1e-8 cm²/µm². */
const AMPERES_PER_MILLIAMPERE_SQUARE_MICROMETRE_PER_SQUARE_CENTIMETRE = 1e-11;
/** Per second → per ms. */
const SECONDS_PER_MILLISECOND = 1e-3;
/** nA → A. */
const AMPERES_PER_NANOAMPERE = 1e-9;

/**
 * Ions crossing per ms of simulated time carried by a current density `currentDensity` (mA/cm², outward positive)
 * of ions of valence `valence` over `areaSquareMicrometres` (µm²): I / (z e). Positive: ions leaving the cell.
 */
export function ionsPerMillisecondFromDensity(currentDensity: number, areaSquareMicrometres: number, valence: number): number {
  if (valence === 0) return 0;
  return (currentDensity * areaSquareMicrometres * AMPERES_PER_MILLIAMPERE_SQUARE_MICROMETRE_PER_SQUARE_CENTIMETRE * SECONDS_PER_MILLISECOND) / (valence * ELEMENTARY_CHARGE);
}

/** Ions per ms carried by a current of `currentNanoamperes` (nA, outward positive): I / (z e). Positive: outward. */
export function ionsPerMillisecondFromCurrent(currentNanoamperes: number, valence: number): number {
  if (valence === 0) return 0;
  return (currentNanoamperes * AMPERES_PER_NANOAMPERE * SECONDS_PER_MILLISECOND) / (valence * ELEMENTARY_CHARGE);
}

/**
 * Na⁺/K⁺ pump cycles per ms from its current density (mA/cm², outward) over an area (µm²): one net elementary
 * charge leaves per cycle (3 Na⁺ out, 2 K⁺ in), so cycles/ms = I / e.
 */
export function pumpCyclesPerMillisecond(pumpCurrentDensity: number, areaSquareMicrometres: number): number {
  return ionsPerMillisecondFromDensity(pumpCurrentDensity, areaSquareMicrometres, 1);
}

/** One channel type as the animation draws it. Arrays are sampled at `MembraneSeries.time`. */
export interface ChannelSeries {
  /** Stable id ("na", "k", "syn"). */
  readonly id: string;
  /** Short name on the canvas ("Na⁺", "AMPA"). */
  readonly label: string;
  /** The ion whose colour its dots take. */
  readonly ion: MembraneIon;
  /** What the dots are, for the text alternative ("Na⁺ ions", "cations (counted as Na⁺)"). */
  readonly carrier: string;
  /** How the open probability is defined, for the labels ("m³h", "n⁴", "g / g peak", "P / P max"). */
  readonly gateLabel: string;
  /** Open probability 0..1 at each sample. */
  readonly openProbability: Float64Array;
  /** Net ion flux, ions per ms of simulated time, outward positive, at each sample. */
  readonly ionsPerMillisecond: Float64Array;
  /** Fraction of the channels blocked by a drug (0: none), drawn as a plug. */
  readonly blockedFraction?: number;
}

/** The Na⁺/K⁺ pump: cycles per ms at each sample. */
export interface PumpSeries {
  readonly cyclesPerMillisecond: Float64Array;
}

/** What a screen hands the animation: sample times (ms of simulated time), channels and maybe a pump. */
export interface MembraneSeries {
  /** Simulated time of each sample, ms, increasing. A single sample means a steady state (held for all time). */
  readonly time: Float64Array;
  readonly channels: readonly ChannelSeries[];
  readonly pump?: PumpSeries;
  /** A sentence for the text alternative about what is not drawn or how it was simplified (may be empty). */
  readonly note: string;
}

/** Cumulative integral of a piecewise-linear series: out[i] = ∫ from time[0] to time[i] (trapezoid, exact). */
export function cumulativeIntegral(time: ArrayLike<number>, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(time.length);
  for (let i = 1; i < time.length; i++) out[i] = out[i - 1] + 0.5 * (values[i] + values[i - 1]) * (time[i] - time[i - 1]);
  return out;
}

/**
 * Index i of the sample segment [time[i], time[i+1]) containing t (clamped to 0..length−2; 0 for one sample),
 * searching from `hint` first (the cursor mostly moves forward a little), then by bisection.
 */
export function segmentIndex(time: ArrayLike<number>, t: number, hint = 0): number {
  const last = time.length - 2;
  if (last < 0) return 0;
  let i = Math.min(Math.max(hint, 0), last);
  if (time[i] <= t && (i === last || t < time[i + 1])) return i;
  if (i < last && time[i + 1] <= t && (i + 1 === last || t < time[i + 2])) return i + 1;
  if (t <= time[0]) return 0;
  if (t >= time[last]) return last;
  let low = 0, high = last;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (time[middle] <= t) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Linear interpolation of `values` at t in segment i; held constant before the first and after the last sample. */
export function interpolate(time: ArrayLike<number>, values: ArrayLike<number>, t: number, i: number): number {
  if (time.length === 1 || t <= time[0]) return values[0];
  const n = time.length - 1;
  if (t >= time[n]) return values[n];
  const span = time[i + 1] - time[i];
  const fraction = span > 0 ? (t - time[i]) / span : 0;
  return values[i] + fraction * (values[i + 1] - values[i]);
}

/** ∫ from time[0] to t of the piecewise-linear `values` (with its `cumulative`); constant extension outside. */
export function integralTo(time: ArrayLike<number>, values: ArrayLike<number>, cumulative: ArrayLike<number>, t: number, i: number): number {
  const n = time.length - 1;
  if (t <= time[0]) return values[0] * (t - time[0]);
  if (t >= time[n]) return cumulative[n] + values[n] * (t - time[n]);
  const value = interpolate(time, values, t, i);
  return cumulative[i] + 0.5 * (values[i] + value) * (t - time[i]);
}

/** The state of one channel at the cursor, for drawing and for the text alternative. */
export interface ChannelNow {
  openProbability: number;
  ionsPerMillisecond: number;
  /** Dots to emit since the previous cursor position: positive outward, negative inward. */
  dots: number;
}

/**
 * Follows the cursor over a `MembraneSeries`: gates, fluxes, dots to emit, the pump's rotor angle. Allocates only
 * when the series is set; `moveTo` (called every frame) writes into preallocated fields.
 */
export class MembraneState {
  /** Ions represented by one dot. */
  ionsPerDot = 1;
  /** Cursor, ms of simulated time. */
  cursorMs = 0;
  readonly channels: ChannelNow[] = [];
  /** Pump cycles per ms at the cursor, its rotor angle (one turn per `ionsPerDot` cycles), and dots to emit. */
  pumpCyclesPerMillisecond = 0;
  pumpTurns = 0;
  pumpSodiumDots = 0;
  pumpPotassiumDots = 0;
  private series: MembraneSeries | undefined;
  private cumulative: Float64Array[] = [];
  private pumpCumulative: Float64Array | undefined;
  private remainders = new Float64Array(0);
  private pumpRemainder = 0;
  private segment = 0;

  get current(): MembraneSeries | undefined {
    return this.series;
  }

  /** A new run: integrals precomputed, remainders cleared, cursor at `cursorMs`. */
  setSeries(series: MembraneSeries, cursorMs = series.time[0] ?? 0): void {
    this.series = series;
    this.cumulative = series.channels.map((channel) => cumulativeIntegral(series.time, channel.ionsPerMillisecond));
    this.pumpCumulative = series.pump ? cumulativeIntegral(series.time, series.pump.cyclesPerMillisecond) : undefined;
    this.remainders = new Float64Array(series.channels.length);
    this.pumpRemainder = 0;
    this.channels.length = 0;
    for (let c = 0; c < series.channels.length; c++) this.channels.push({ openProbability: 0, ionsPerMillisecond: 0, dots: 0 });
    this.segment = 0;
    this.cursorMs = cursorMs;
    this.moveTo(cursorMs);
  }

  /**
   * Moves the cursor to `toMs`. Forward: each channel's dots = its ions over (cursor, toMs] / ionsPerDot plus the
   * carried remainder, rounded toward zero. Backward (a replay from the start): no dots, remainders cleared.
   */
  moveTo(toMs: number): void {
    const series = this.series;
    if (!series) return;
    const time = series.time;
    const fromMs = this.cursorMs;
    const forward = toMs > fromMs;
    if (toMs < fromMs) {
      this.remainders.fill(0);
      this.pumpRemainder = 0;
    }
    const fromSegment = segmentIndex(time, fromMs, this.segment);
    const toSegment = segmentIndex(time, toMs, fromSegment);
    for (let c = 0; c < series.channels.length; c++) {
      const channel = series.channels[c];
      const now = this.channels[c];
      now.openProbability = interpolate(time, channel.openProbability, toMs, toSegment);
      now.ionsPerMillisecond = interpolate(time, channel.ionsPerMillisecond, toMs, toSegment);
      now.dots = 0;
      if (forward) {
        const ions = integralTo(time, channel.ionsPerMillisecond, this.cumulative[c], toMs, toSegment) - integralTo(time, channel.ionsPerMillisecond, this.cumulative[c], fromMs, fromSegment);
        const total = this.remainders[c] + ions / this.ionsPerDot;
        now.dots = Math.trunc(total);
        this.remainders[c] = total - now.dots;
      }
    }
    this.pumpSodiumDots = 0;
    this.pumpPotassiumDots = 0;
    if (series.pump && this.pumpCumulative) {
      const rate = series.pump.cyclesPerMillisecond;
      this.pumpCyclesPerMillisecond = interpolate(time, rate, toMs, toSegment);
      const cyclesTo = integralTo(time, rate, this.pumpCumulative, toMs, toSegment);
      this.pumpTurns = cyclesTo / this.ionsPerDot;
      if (forward) {
        // Each turn (ionsPerDot cycles) moves 3 dots of Na⁺ out and 2 of K⁺ in: whole turns emit, the rest carries.
        const total = this.pumpRemainder + (cyclesTo - integralTo(time, rate, this.pumpCumulative, fromMs, fromSegment)) / this.ionsPerDot;
        const turns = Math.trunc(total);
        this.pumpRemainder = total - turns;
        this.pumpSodiumDots = 3 * turns;
        this.pumpPotassiumDots = -2 * turns;
      }
    } else {
      this.pumpCyclesPerMillisecond = 0;
      this.pumpTurns = 0;
    }
    this.segment = toSegment;
    this.cursorMs = toMs;
  }

  /** Largest |ions per ms| of any channel or pump ion stream over the run (for choosing the scale). */
  peakIonsPerMillisecond(): number {
    const series = this.series;
    if (!series) return 0;
    let peak = 0;
    for (const channel of series.channels) for (const x of channel.ionsPerMillisecond) peak = Math.max(peak, Math.abs(x));
    if (series.pump) for (const x of series.pump.cyclesPerMillisecond) peak = Math.max(peak, 3 * Math.abs(x));
    return peak;
  }
}

/**
 * Ions per dot: the smallest round number (1, 2 or 5 × 10ⁿ, at least 1) for which the busiest stream shows at most
 * `targetDotsPerWallSecond` dots per wall-clock second at `simulatedMsPerWallSecond` (so between 40 % and 100 % of
 * the target at its peak).
 */
export function chooseIonsPerDot(peakIonsPerMillisecond: number, simulatedMsPerWallSecond: number, targetDotsPerWallSecond = 150): number {
  const perWallSecond = Math.abs(peakIonsPerMillisecond) * simulatedMsPerWallSecond;
  if (!(perWallSecond > 0) || !Number.isFinite(perWallSecond)) return 1;
  const least = perWallSecond / targetDotsPerWallSecond;
  if (least <= 1) return 1;
  const decade = 10 ** Math.floor(Math.log10(least));
  for (const step of [1, 2, 5, 10]) if (step * decade >= least * (1 - 1e-12)) return step * decade;
  return 10 * decade;
}

// ---- Screen adapters: each screen's engine output → MembraneSeries. ----

/** A recorded run: sample times (ms) and traces by id (the engine frame's shape). */
export interface RecordedRun {
  readonly time: Float64Array;
  readonly traces: readonly { readonly id: string; readonly values: Float64Array }[];
}

function traceOf(run: RecordedRun, id: string): Float64Array {
  const found = run.traces.find((trace) => trace.id === id);
  if (!found) throw new InputError('run.traces', `no trace "${id}"`, `a run that records "${id}"`);
  return found.values;
}

/**
 * Hodgkin–Huxley compartment (action-potential screen): Na⁺ gate m³h and flux from i_na, K⁺ gate n⁴ and flux from
 * i_k (mA/cm², traces "m", "h", "n", "i_na", "i_k"), over `areaSquareMicrometres`. The leak (a mixed current of
 * no single ion in HH) is not drawn.
 */
export function actionPotentialSeries(run: RecordedRun, areaSquareMicrometres: number, blocked: { sodium?: number; potassium?: number } = {}): MembraneSeries {
  const m = traceOf(run, 'm'), h = traceOf(run, 'h'), n = traceOf(run, 'n');
  const sodium = traceOf(run, 'i_na'), potassium = traceOf(run, 'i_k');
  return {
    time: run.time,
    channels: [
      { id: 'na', label: 'Na⁺', ion: 'na', carrier: 'Na⁺ ions', gateLabel: 'm³h', openProbability: m.map((x, i) => x * x * x * h[i]), ionsPerMillisecond: sodium.map((x) => ionsPerMillisecondFromDensity(x, areaSquareMicrometres, 1)), blockedFraction: blocked.sodium ?? 0 },
      { id: 'k', label: 'K⁺', ion: 'k', carrier: 'K⁺ ions', gateLabel: 'n⁴', openProbability: n.map((x) => x * x * x * x), ionsPerMillisecond: potassium.map((x) => ionsPerMillisecondFromDensity(x, areaSquareMicrometres, 1)), blockedFraction: blocked.potassium ?? 0 },
    ],
    note: 'The small leak current (mixed ions) is not drawn.',
  };
}

/** A synapse as the synapses screen builds it (the library model's SynapseDescription). */
export interface SynapseChannel {
  readonly id: string;
  readonly kind: string;
  /** Reversal potential, mV. */
  readonly reversal: number;
}

/** What each receptor's current is drawn as: its main carrier (AMPA, NMDA: cations; GABA-A: Cl⁻; GABA-B: K⁺). */
export function synapseCarrier(kind: string, reversal: number): { ion: MembraneIon; valence: number; carrier: string } {
  if (kind === 'gaba-a') return { ion: 'cl', valence: -1, carrier: 'Cl⁻ ions' };
  if (kind === 'gaba-b') return { ion: 'k', valence: 1, carrier: 'K⁺ ions (through GIRK channels)' };
  return reversal < -40 ? { ion: 'k', valence: 1, carrier: 'cations (net, counted as K⁺)' } : { ion: 'na', valence: 1, carrier: 'cations (net, counted as Na⁺; mostly Na⁺ in, some K⁺ out)' };
}

/**
 * Synapses screen: per synapse, open fraction = g / (its peak over the run) and the current g (V − E_rev)
 * (µS × mV = nA; trace "<id>_g" in µS and "v" in mV), or the engine's own current "<id>_i" (nA) when recorded (it
 * is the one to use when the synapse is away from the recorded v, on the cable).
 */
export function synapseSeries(run: RecordedRun, synapses: readonly SynapseChannel[]): MembraneSeries {
  const v = traceOf(run, 'v');
  const labels: Record<string, string> = { ampa: 'AMPA', nmda: 'NMDA', 'gaba-a': 'GABA-A', 'gaba-b': 'GABA-B' };
  const channels = synapses
    .filter((synapse) => run.traces.some((trace) => trace.id === `${synapse.id}_g`))
    .map((synapse): ChannelSeries => {
      const g = traceOf(run, `${synapse.id}_g`);
      const recorded = run.traces.find((trace) => trace.id === `${synapse.id}_i`)?.values;
      let peak = 0;
      for (const x of g) peak = Math.max(peak, x);
      const carrier = synapseCarrier(synapse.kind, synapse.reversal);
      const name = labels[synapse.kind] ?? synapse.kind.toUpperCase();
      return {
        id: synapse.id,
        label: synapses.length > 1 ? `${name} (${synapse.id})` : name,
        ion: carrier.ion,
        carrier: carrier.carrier,
        gateLabel: 'g / g peak',
        openProbability: g.map((x) => (peak > 0 ? x / peak : 0)),
        ionsPerMillisecond: g.map((x, i) => ionsPerMillisecondFromCurrent(recorded ? recorded[i] : x * (v[i] - synapse.reversal), carrier.valence)),
      };
    });
  return { time: run.time, channels, note: 'The membrane\'s own (leak or HH) channels are not drawn here.' };
}

/**
 * The same model, also recording each synapse's own current (`<id>.i`, nA, outward positive) as "<id>_i": the
 * current at the synapse itself, which on a cable differs from g (V − E) with V recorded elsewhere.
 */
export function withSynapseCurrentRecordings(model: Model): Model {
  const synapses = model.synapses ?? [];
  const extra = synapses
    .filter((synapse) => !model.recordings.some((recording) => recording.id === `${synapse.id}_i`))
    .map((synapse) => ({ id: `${synapse.id}_i`, location: synapse.location, variable: `${synapse.id}.i` }));
  return extra.length === 0 ? model : { ...model, recordings: [...model.recordings, ...extra] };
}

/** The pump screen's cell: GHK leaks for Na⁺ and K⁺ with fixed outside concentrations and the Na⁺/K⁺ pump. */
export interface PumpCell {
  readonly areaSquareMicrometres: number;
  /** Leak permeabilities, cm/s. */
  readonly sodiumPermeability: number;
  readonly potassiumPermeability: number;
  /** Outside concentrations, mM. */
  readonly sodiumOutside: number;
  readonly potassiumOutside: number;
  /** Absolute temperature, K. */
  readonly temperature: number;
}

/**
 * The pump screen's cell read from its library `Model`: the single section's membrane area (π d L, µm²), the
 * `ghk-leak` permeabilities, the fixed outside Na⁺ and K⁺ and the temperature.
 */
export function pumpCellFromModel(model: Model): PumpCell {
  const cell = model.cells[0];
  const morphology = cell?.morphology;
  if (!cell || !morphology || morphology.kind !== 'single') throw new InputError('model.cells[0].morphology', describe(morphology), 'one single-compartment cell');
  const leak = cell.mechanisms.find((mechanism) => mechanism.mechanism === 'ghk-leak')?.parameters ?? {};
  const outside = (ion: string) => cell.ions.find((entry) => entry.ion === ion)?.outside;
  const sodiumOutside = outside('na'), potassiumOutside = outside('k');
  if (sodiumOutside === undefined || potassiumOutside === undefined) throw new InputError('model.cells[0].ions', describe(cell.ions), 'Na⁺ and K⁺ with outside concentrations');
  return {
    areaSquareMicrometres: Math.PI * morphology.diameter * morphology.length,
    sodiumPermeability: Number(leak.pna ?? 0),
    potassiumPermeability: Number(leak.pk ?? 0),
    sodiumOutside,
    potassiumOutside,
    temperature: model.temperature,
  };
}

/**
 * Pump screen: the pump's cycle rate from its current ("pump", mA/cm²), the Na⁺ and K⁺ leaks from the library's GHK
 * current density (`ghkCurrent(valence, inside, outside, permeability, v, T)`, mA/cm², the same equation the
 * engine's ghk-leak kernel uses) with the engine's v and inside concentrations ("v", "na_inside", "k_inside").
 * Channels are always open; the gate shows each leak's permeability relative to the larger one.
 */
export function pumpSeries(
  run: RecordedRun,
  cell: PumpCell,
  ghkCurrent: (ion: { valence: number; inside: number; outside: number; permeability: number }, voltage: number, temperature: number) => number,
): MembraneSeries {
  const v = traceOf(run, 'v'), sodium = traceOf(run, 'na_inside'), potassium = traceOf(run, 'k_inside'), pump = traceOf(run, 'pump');
  const largest = Math.max(cell.sodiumPermeability, cell.potassiumPermeability);
  const flux = (inside: Float64Array, outside: number, permeability: number) =>
    inside.map((c, i) => ionsPerMillisecondFromDensity(ghkCurrent({ valence: 1, inside: c, outside, permeability }, v[i], cell.temperature), cell.areaSquareMicrometres, 1));
  return {
    time: run.time,
    channels: [
      { id: 'na', label: 'Na⁺ leak', ion: 'na', carrier: 'Na⁺ ions', gateLabel: 'P / P max', openProbability: new Float64Array(run.time.length).fill(largest > 0 ? cell.sodiumPermeability / largest : 0), ionsPerMillisecond: flux(sodium, cell.sodiumOutside, cell.sodiumPermeability) },
      { id: 'k', label: 'K⁺ leak', ion: 'k', carrier: 'K⁺ ions', gateLabel: 'P / P max', openProbability: new Float64Array(run.time.length).fill(largest > 0 ? cell.potassiumPermeability / largest : 0), ionsPerMillisecond: flux(potassium, cell.potassiumOutside, cell.potassiumPermeability) },
    ],
    pump: { cyclesPerMillisecond: pump.map((x) => pumpCyclesPerMillisecond(x, cell.areaSquareMicrometres)) },
    note: 'One pump turn in the drawing stands for as many cycles as one dot stands for ions: 3 Na⁺ dots out and 2 K⁺ dots in per turn.',
  };
}

/** One ion at rest (resting screen): its GHK current density at the resting potential and its relative permeability. */
export interface RestingIon {
  readonly key: MembraneIon;
  readonly label: string;
  readonly valence: number;
  /** mA/cm², outward positive. */
  readonly currentDensity: number;
  /** P / P_K. */
  readonly relativePermeability: number;
}

/**
 * Resting screen: a steady state (one sample, held): each permeant ion's net passive flux from its GHK current at
 * rest, its channel open by its permeability relative to the most permeant ion. No pump is modelled there.
 */
export function restingSeries(ions: readonly RestingIon[], areaSquareMicrometres: number): MembraneSeries {
  const permeant = ions.filter((ion) => ion.relativePermeability > 0);
  const largest = Math.max(0, ...permeant.map((ion) => ion.relativePermeability));
  return {
    time: Float64Array.of(0),
    channels: permeant.map((ion) => ({
      id: ion.key,
      label: ion.label,
      ion: ion.key,
      carrier: `${ion.label} ions`,
      gateLabel: 'P / P max',
      openProbability: Float64Array.of(largest > 0 ? ion.relativePermeability / largest : 0),
      ionsPerMillisecond: Float64Array.of(ionsPerMillisecondFromDensity(ion.currentDensity, areaSquareMicrometres, ion.valence)),
    })),
    note: 'At rest the net charge flux is zero: Na⁺ leaking in and K⁺ leaking out steadily. The Na⁺/K⁺ pump (not modelled on this screen) would move them back and keep the gradients.',
  };
}
