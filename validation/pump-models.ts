/**
 * The pump scenarios of part 3 (docs/scenarios.md, "Pump–leak: ..." and the sections after it), written as validated
 * `Model` objects, and the algebraic steady state of the pump–leak model solved independently of the engine.
 *
 * 1. The pump–leak cell after Tosteson & Hoffman (1960) J Gen Physiol 44:169-194, in the form of Keener & Sneyd,
 *    Mathematical Physiology I (2nd ed., 2009), ch. 2.6 ("The pump–leak model"): one compartment with GHK leaks for
 *    Na+, K+ and Cl-, the Na+/K+ pump (3 Na+ out, 2 K+ in; Luo & Rudy 1994 kinetics, the engine's `na-k-pump`),
 *    impermeant anions inside and a volume that follows water. It may start with no gradient at all.
 * 2. An HH axon segment with moving Na+ and K+ and the pump blocked by ouabain (`ouabainAxon`).
 * 3. A pure GHK-leak cell with fixed concentrations (`ghkLeakCell`).
 * 4. A spiking cable and compartment with every kind of moving concentration, for the conservation test.
 */
import type { CellDescription, DrugApplication, IonSettings, Model, RunSettings } from '../src/model/types.js';
import { FARADAY, GAS_CONSTANT } from '../src/units/constants.js';

// ---------------------------------------------------------------------------------------------
// The pump–leak cell

/** 37 degC: the temperature of the Luo & Rudy (1994) pump kinetics. */
export const PUMP_LEAK_TEMPERATURE = 310.15;

/**
 * The bath, mM: a plain mammalian saline (Na+ 145, K+ 5, Cl- 150), electroneutral. No calcium: the engine wants a
 * positive concentration for every ion it is told about, so Ca2+ is 1 nM on both sides with a fixed reversal
 * potential; it carries no current and adds 1e-6 mOsm to both sides.
 */
export const BATH = { na: 145, k: 5, cl: 150, ca: 1e-6 } as const;

/** A 20 um cell: a cylinder 20 um long and 20 um wide (lateral area 1256.6 um2, volume 6283.2 um3, A/W = 0.2 /um). */
export const CELL_LENGTH = 20;
export const CELL_DIAMETER = 20;
export const CELL_AREA = Math.PI * CELL_DIAMETER * CELL_LENGTH;
export const CELL_VOLUME = (Math.PI * CELL_DIAMETER * CELL_DIAMETER * CELL_LENGTH) / 4;
/** uF/cm2. */
export const CELL_CAPACITANCE = 1;

/**
 * Leak permeabilities (cm/s). P_K = 1e-6 cm/s (the `ghk-leak` default), P_Na : P_K = 0.02 and P_Cl : P_K = 0.4, in the
 * range of resting mammalian cells (Hille 2001, ch. 14); with the default pump (imax 1.5 uA/cm2) they give a
 * resting potential near -80 mV and ~12 mM Na+ inside.
 */
export const LEAK_PERMEABILITY = { pna: 2e-8, pk: 1e-6, pcl: 4e-7 } as const;
/** The pump's parameters, the `na-k-pump` defaults (Luo & Rudy 1994). */
export const PUMP = { imax: 0.0015, kmNai: 10, kmKo: 1.5 } as const;
/** Impermeant anions inside at t = 0, mM, and their valence. */
export const IMPERMEANT = { concentration: 125, valence: -1 } as const;
/** Osmotic water permeability, cm/s (1e-3 cm/s: an ordinary cell membrane without aquaporins is 1e-3 to 1e-2). */
export const WATER_PERMEABILITY = 1e-3;

/** The state of the pump–leak cell: inside concentrations (mM), membrane potential (mV), volume (um3). */
export interface PumpLeakState {
  readonly na: number;
  readonly k: number;
  readonly cl: number;
  readonly v: number;
  readonly volume: number;
}

/**
 * "From scratch": Na+ and K+ inside equal to the bath (145 and 5 mM), impermeant anions 125 mM (valence -1) and
 * Cl- 150 - 125 = 25 mM, so the inside is electroneutral (145 + 5 = 25 + 125) and isotonic (300 mOsm both sides),
 * V = 0 mV (no charge on the membrane), the geometric volume.
 */
export const FROM_SCRATCH: PumpLeakState = {
  na: BATH.na,
  k: BATH.k,
  cl: BATH.na + BATH.k + IMPERMEANT.valence * IMPERMEANT.concentration,
  v: 0,
  volume: CELL_VOLUME,
};

export interface PumpLeakOptions {
  readonly run: RunSettings;
  /** Start (default FROM_SCRATCH); its volume is ignored: a model starts at its geometric volume, CELL_VOLUME. */
  readonly initial?: PumpLeakState;
  /**
   * Impermeant anions inside at t = 0, mM (default 125). To start at a steady state found for another volume W,
   * give its concentrations and X/W here: the steady state is intensive (fluxes and osmolarities), so the same
   * concentrations in CELL_VOLUME are a steady state too.
   */
  readonly impermeantConcentration?: number;
  readonly drugs?: readonly DrugApplication[];
  readonly permeability?: { readonly pna: number; readonly pk: number; readonly pcl: number };
}

function soma(position = 0.5) {
  return { cell: 'cell', section: 'soma', position };
}

/** The pump–leak cell as a Model: records v, the inside concentrations, volume, the pump current and Na+ moved. */
export function pumpLeakCell(options: PumpLeakOptions): Model {
  const start = options.initial ?? FROM_SCRATCH;
  const permeability = options.permeability ?? LEAK_PERMEABILITY;
  const impermeant = options.impermeantConcentration ?? IMPERMEANT.concentration;
  const ions: IonSettings[] = [
    { ion: 'na', inside: start.na, outside: BATH.na, reversal: 'nernst' },
    { ion: 'k', inside: start.k, outside: BATH.k, reversal: 'nernst' },
    { ion: 'cl', inside: start.cl, outside: BATH.cl, reversal: 'nernst' },
    { ion: 'ca', inside: BATH.ca, outside: BATH.ca, reversal: 0 },
  ];
  const cell: CellDescription = {
    id: 'cell',
    morphology: { kind: 'single', section: 'soma', length: CELL_LENGTH, diameter: CELL_DIAMETER },
    membrane: { capacitance: CELL_CAPACITANCE, axialResistivity: 100, initialVoltage: start.v },
    mechanisms: [
      { mechanism: 'ghk-leak', parameters: { ...permeability } },
      { mechanism: 'na-k-pump', parameters: { ...PUMP } },
    ],
    ions,
    concentrations: {
      dynamic: ['na', 'k', 'cl'],
      impermeantAnions: { concentration: impermeant, valence: IMPERMEANT.valence },
      waterPermeability: WATER_PERMEABILITY,
    },
  };
  const record = (variable: string) => ({ id: variable, location: soma(), variable });
  return {
    name: 'pump-leak-cell',
    description: 'Pump–leak model (Tosteson & Hoffman 1960): GHK leaks, Na+/K+ pump, impermeant anions, osmotic volume.',
    citation: {
      source: 'Tosteson DC, Hoffman JF (1960) J Gen Physiol 44:169-194; Keener J, Sneyd J (2009) Mathematical Physiology I, 2nd ed., ch. 2.6',
      note: 'pump kinetics Luo & Rudy (1994) Circ Res 74:1071; leaks Goldman (1943), Hodgkin & Katz (1949)',
    },
    temperature: PUMP_LEAK_TEMPERATURE,
    channels: [],
    cells: [cell],
    stimuli: [],
    recordings: ['v', 'na_inside', 'k_inside', 'cl_inside', 'volume', 'na-k-pump.i', 'ghk-leak.i', 'na_moved'].map(record),
    spikes: [],
    drugs: options.drugs ?? [],
    run: options.run,
  };
}

export function adaptiveRun(duration: number, recordInterval: number, timeStep = 0.025, tolerances = { absolute: 1e-3, relative: 1e-4 }): RunSettings {
  return {
    duration,
    timeStep,
    integrator: 'adaptive',
    absoluteTolerance: tolerances.absolute,
    relativeTolerance: tolerances.relative,
    recordInterval,
    rates: 'exact',
  };
}

// ---------------------------------------------------------------------------------------------
// The steady state of the pump–leak model, solved on its own (no engine code)

/** RT/F in mV. */
export const thermalVoltage = (temperature: number) => ((GAS_CONSTANT * temperature) / FARADAY) * 1000;

/** x / (e^x - 1), 1 at 0. */
const bern = (x: number) => (Math.abs(x) < 1e-12 ? 1 - x / 2 : x / Math.expm1(x));

/**
 * GHK current density of one ion, mA/cm2, outward positive (Hille 2001, eq. 14.5):
 * I = z F P (c_in - c_out e^(-u)) u/(1 - e^(-u)), u = z V/(RT/F), written with x/(e^x - 1); P cm/s, c mM.
 */
export function ghkFlux(z: number, permeability: number, inside: number, outside: number, v: number, thermal: number): number {
  const u = (z * v) / thermal;
  return z * FARADAY * permeability * (inside * bern(-u) - outside * bern(u)) * 1e-3;
}

/**
 * The Na+/K+ pump current density of Luo & Rudy (1994), eq. for I_NaK, written here from the paper (mA/cm2):
 * imax f(V) / (1 + (KmNai/[Na]i)^1.5) · [K]o/([K]o + KmKo), f = 1/(1 + 0.1245 e^(-0.1 u) + 0.0365 σ e^(-u)),
 * σ = (e^([Na]o/67.3) - 1)/7, u = V F/(R T).
 */
export function luoRudyPump(nai: number, nao: number, ko: number, v: number, thermal: number, pump: { readonly imax: number; readonly kmNai: number; readonly kmKo: number } = PUMP): number {
  const u = v / thermal;
  const sigma = (Math.exp(nao / 67.3) - 1) / 7;
  const f = 1 / (1 + 0.1245 * Math.exp(-0.1 * u) + 0.0365 * sigma * Math.exp(-u));
  return (pump.imax * f) / (1 + Math.pow(pump.kmNai / nai, 1.5)) * (ko / (ko + pump.kmKo));
}

export interface SteadyStateInput {
  readonly temperature: number;
  readonly permeability: { readonly pna: number; readonly pk: number; readonly pcl: number };
  /** Unblocked fraction of the pump (1 without a drug). */
  readonly pumpFraction: number;
  /** Where the cell starts (amounts are conserved: the charge equation counts from there). */
  readonly initial: PumpLeakState;
  /** Impermeant anions, mM um3 (their charge is fixed, so only the amount enters: osmotically). */
  readonly impermeantAmount: number;
  /** Membrane area (um2) and capacitance (uF/cm2). */
  readonly area: number;
  readonly capacitance: number;
}

/**
 * The steady state of the pump–leak model: V (mV), [Na]i, [K]i, [Cl]i (mM) and W (um3) such that
 *   Na+:  I_Na,GHK(V) + 3 I_pump = 0                 (no net sodium flux)
 *   K+:   I_K,GHK(V)  - 2 I_pump = 0                 (no net potassium flux)
 *   Cl-:  I_Cl,GHK(V) = 0                             (chloride at equilibrium, [Cl]i = [Cl]o e^(V F/RT))
 *   water: [Na]i + [K]i + [Cl]i + [Ca]i + X/W = [Na]o + [K]o + [Cl]o + [Ca]o     (no osmotic gradient)
 *   charge: ([Na]i + [K]i - [Cl]i) W - (same at t = 0) W0 = 1e6 C (V - V0) / F   (mM um3; C in nF; what the ions
 *           brought in sits on the membrane capacitor, so "electroneutrality" holds up to C V / F, ~1e-3 mM here)
 * solved by Newton's method on (V, ln [Na]i, ln [K]i, ln W) with [Cl]i eliminated, a finite-difference Jacobian and
 * step halving (the log variables keep concentrations positive). Keener & Sneyd (2009) ch. 2.6.
 */
export function pumpLeakSteadyState(input: SteadyStateInput, guess: { v: number; na: number; k: number; volume: number } = { v: -80, na: 12, k: 140, volume: CELL_VOLUME }): PumpLeakState & { pumpCurrent: number; iterations: number } {
  const thermal = thermalVoltage(input.temperature);
  // Chloride is passive at the steady state: its permeability sets how fast it gets there, not where.
  const { pna, pk } = input.permeability;
  const osmOut = BATH.na + BATH.k + BATH.cl + BATH.ca;
  const capacitanceNanofarads = input.capacitance * input.area * 1e-5;
  const z0 = input.initial;
  const charge0 = (z0.na + z0.k - z0.cl) * z0.volume;
  const pumpScale = { ...PUMP, imax: PUMP.imax * input.pumpFraction };
  const unpack = (x: readonly number[]) => {
    const [v, lnNa, lnK, lnW] = x;
    return { v, na: Math.exp(lnNa), k: Math.exp(lnK), cl: BATH.cl * Math.exp(v / thermal), volume: Math.exp(lnW) };
  };
  const residual = (x: readonly number[]): number[] => {
    const s = unpack(x);
    const pump = luoRudyPump(s.na, BATH.na, BATH.k, s.v, thermal, pumpScale);
    const iNa = ghkFlux(1, pna, s.na, BATH.na, s.v, thermal);
    const iK = ghkFlux(1, pk, s.k, BATH.k, s.v, thermal);
    // Scale each equation to order one: currents by the pump's imax, osmolarity and charge by the bath.
    return [
      (iNa + 3 * pump) / PUMP.imax,
      (iK - 2 * pump) / PUMP.imax,
      (s.na + s.k + s.cl + BATH.ca + input.impermeantAmount / s.volume - osmOut) / osmOut,
      ((s.na + s.k - s.cl) * s.volume - charge0 - (1e6 * capacitanceNanofarads * (s.v - z0.v)) / FARADAY) / (osmOut * z0.volume),
    ];
  };
  let x = [guess.v, Math.log(guess.na), Math.log(guess.k), Math.log(guess.volume)];
  let r = residual(x);
  const norm = (values: readonly number[]) => Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  let iterations = 0;
  for (; iterations < 100 && norm(r) > 1e-15; iterations++) {
    const jacobian = x.map((_, j) => {
      const h = 1e-7 * Math.max(1, Math.abs(x[j]));
      const shifted = x.slice();
      shifted[j] += h;
      const plus = residual(shifted);
      shifted[j] = x[j] - h;
      const minus = residual(shifted);
      return plus.map((value, i) => (value - minus[i]) / (2 * h));
    });
    const step = solveLinear(
      r.map((_, i) => jacobian.map((column) => column[i])),
      r.map((value) => -value),
    );
    let lambda = 1;
    let next = x.map((value, i) => value + lambda * step[i]);
    let rNext = residual(next);
    while (!(norm(rNext) < norm(r)) && lambda > 1e-6) {
      lambda /= 2;
      next = x.map((value, i) => value + lambda * step[i]);
      rNext = residual(next);
    }
    if (!(norm(rNext) < norm(r))) break;
    x = next;
    r = rNext;
  }
  const s = unpack(x);
  if (!(norm(r) < 1e-12)) throw new Error(`pump–leak steady state: Newton did not converge (residual ${norm(r)})`);
  return { ...s, pumpCurrent: luoRudyPump(s.na, BATH.na, BATH.k, s.v, thermal, pumpScale), iterations };
}

/** Gaussian elimination with partial pivoting (a small dense system). */
function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    let best = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[best][k])) best = i;
    [m[k], m[best]] = [m[best], m[k]];
    for (let i = k + 1; i < n; i++) {
      const factor = m[i][k] / m[k][k];
      for (let j = k; j <= n; j++) m[i][j] -= factor * m[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = m[i][n];
    for (let j = i + 1; j < n; j++) sum -= m[i][j] * x[j];
    x[i] = sum / m[i][i];
  }
  return x;
}

/** Steady-state input for the pump–leak cell of this file. */
export function pumpLeakInput(pumpFraction = 1, initial: PumpLeakState = FROM_SCRATCH, impermeantAmount = IMPERMEANT.concentration * CELL_VOLUME): SteadyStateInput {
  return {
    temperature: PUMP_LEAK_TEMPERATURE,
    permeability: LEAK_PERMEABILITY,
    pumpFraction,
    initial,
    impermeantAmount,
    area: CELL_AREA,
    capacitance: CELL_CAPACITANCE,
  };
}

/**
 * Options that start the pump–leak cell at a steady state (from `pumpLeakSteadyState`): its concentrations, V and
 * the impermeant anions' concentration there, in the geometric volume.
 */
export function steadyStateStart(state: PumpLeakState, impermeantAmount = IMPERMEANT.concentration * CELL_VOLUME): Pick<PumpLeakOptions, 'initial' | 'impermeantConcentration'> {
  const { na, k, cl, v } = state;
  return { initial: { na, k, cl, v, volume: CELL_VOLUME }, impermeantConcentration: impermeantAmount / state.volume };
}

// ---------------------------------------------------------------------------------------------
// An HH axon segment running down its sodium gradient under ouabain

/**
 * 18.5 degC: the temperature of Hodgkin & Huxley's propagated action potential (1952, part 9), for which they computed
 * a sodium entry of 4.33 pmol/cm2 per impulse, against 3.5-3.7 pmol/cm2 measured with radioactive sodium (Keynes 1951;
 * Keynes & Lewis 1951). hh.mod's rates are scaled from 6.3 degC with Q10 = 3.
 */
export const AXON_TEMPERATURE = 291.65;
/**
 * Squid axoplasm (Hodgkin & Katz 1949: Na+ 50, K+ 400 mM inside) and outside concentrations chosen so that the Nernst
 * potentials at 18.5 degC are exactly hh.mod's ena = 50 mV and ek = -77 mV at t = 0: [Na]o = 50 e^(50/VT) = 365.6 mM,
 * [K]o = 400 e^(-77/VT) = 18.76 mM (VT = RT/F = 25.13 mV), so the axon starts as Hodgkin & Huxley's.
 */
export const AXON_IONS = (() => {
  const vt = thermalVoltage(AXON_TEMPERATURE);
  return { nai: 50, nao: 50 * Math.exp(50 / vt), ki: 400, ko: 400 * Math.exp(-77 / vt) };
})();

export interface OuabainAxonOptions {
  /** Axon diameter, um (the segment is one compartment, 100 um long: only the ratio area/volume = 4/d matters). */
  readonly diameter: number;
  /** Pulse train: start-to-start interval (ms) and number of pulses; each pulse 0.5 ms of 40 uA/cm2. */
  readonly interval: number;
  readonly count: number;
  /** Ouabain, mM (default 1 mM, 95.4 % block of rat alpha1 with the catalogue's IC50 of 48 uM). */
  readonly ouabain?: number;
  readonly run: RunSettings;
}

/**
 * An axon segment with Hodgkin & Huxley's squid membrane (`hh`, NEURON's hh.mod), Na+ and K+ moving inside the
 * axon (the bath outside is large), the Na+/K+ pump (`na-k-pump`, its defaults) blocked by ouabain, and a train of
 * brief suprathreshold pulses. Every impulse lets Na+ in and K+ out; with the pump blocked nothing returns them, so
 * [Na]i climbs, E_Na falls and the action potentials shrink. Records v, [Na]i, [K]i and the Na+ moved.
 */
export function ouabainAxon(options: OuabainAxonOptions): Model {
  const ions = AXON_IONS;
  const cell: CellDescription = {
    id: 'axon',
    morphology: { kind: 'single', section: 'axon', length: 100, diameter: options.diameter },
    membrane: { capacitance: 1, axialResistivity: 35.4, initialVoltage: -65 },
    mechanisms: [
      { mechanism: 'hh', parameters: {} },
      { mechanism: 'na-k-pump', parameters: {} },
    ],
    ions: [
      { ion: 'na', inside: ions.nai, outside: ions.nao, reversal: 'nernst' },
      { ion: 'k', inside: ions.ki, outside: ions.ko, reversal: 'nernst' },
    ],
    concentrations: { dynamic: ['na', 'k'] },
  };
  const at = { cell: 'axon', section: 'axon', position: 0.5 };
  return {
    name: 'ouabain-axon',
    description: 'HH squid axon segment with moving Na+ and K+ and the Na+/K+ pump blocked by ouabain, driven by a pulse train.',
    citation: {
      source: 'Hodgkin AL, Huxley AF (1952) J Physiol 117:500; Hodgkin AL, Keynes RD (1955) J Physiol 128:28 (ouabain-like block by cyanide/DNP: impulses continue for a long time)',
    },
    temperature: AXON_TEMPERATURE,
    channels: [],
    cells: [cell],
    stimuli: [
      {
        kind: 'current-clamp',
        id: 'train',
        location: at,
        waveform: { shape: 'train', delay: 1, duration: 0.5, interval: options.interval, count: options.count, amplitude: 0.04, perArea: true },
      },
    ],
    recordings: [
      { id: 'v', location: at, variable: 'v' },
      { id: 'na_inside', location: at, variable: 'na_inside' },
      { id: 'k_inside', location: at, variable: 'k_inside' },
      { id: 'na_moved', location: at, variable: 'na_moved' },
    ],
    spikes: [{ id: 'spikes', location: at, threshold: 0 }],
    drugs: [{ drug: 'ouabain', concentration: options.ouabain ?? 1 }],
    run: options.run,
  };
}

// ---------------------------------------------------------------------------------------------
// Conservation: everything moving at once

export interface ConservationOptions {
  /** `single` (one compartment, with water and impermeant anions: any integrator) or `cable` (fixed steps only). */
  readonly morphology: 'single' | 'cable';
  readonly run: RunSettings;
  /** `train` (default): 0.5 ms pulses at 50 Hz; `constant`: 20 uA/cm2 from 1 ms on (repetitive firing, single only). */
  readonly drive?: 'train' | 'constant';
}

/**
 * A spiking HH membrane (squid `hh`, 18.5 degC) with Cl- leak (`ghk-leak`, Cl only), the Na+/K+ pump at 20 times its
 * default density (so that it moves a visible share of the ions in a second), Na+, K+ and Cl- moving inside and in
 * a closed 1 um space outside (no exchange with the bath: every ion stays in the model), and a 50 Hz pulse train
 * or a constant current.
 * `single`: a 20 um x 20 um compartment with impermeant anions and water flux. `cable`: 200 um of 2 um axon in 10
 * compartments, the train at one end.
 */
export function conservationModel(options: ConservationOptions): Model {
  const single = options.morphology === 'single';
  const cell: CellDescription = {
    id: 'cell',
    morphology: single
      ? { kind: 'single', section: 'soma', length: 20, diameter: 20 }
      : { kind: 'cable', section: 'axon', region: 'axon', length: 200, diameter: 2, compartments: 10 },
    membrane: { capacitance: 1, axialResistivity: 100, initialVoltage: -65 },
    mechanisms: [
      { mechanism: 'hh', parameters: {} },
      { mechanism: 'ghk-leak', parameters: { pna: 0, pk: 0, pcl: 2e-7 } },
      { mechanism: 'na-k-pump', parameters: { imax: 0.03 } },
    ],
    ions: [
      { ion: 'na', inside: 50, outside: 440, reversal: 'nernst' },
      { ion: 'k', inside: 400, outside: 20, reversal: 'nernst' },
      { ion: 'cl', inside: 60, outside: 500, reversal: 'nernst' },
    ],
    concentrations: {
      dynamic: ['na', 'k', 'cl'],
      outsideSpace: { thickness: 1 },
      ...(single ? { impermeantAnions: { concentration: 390, valence: -1 }, waterPermeability: 1e-3 } : {}),
    },
  };
  const section = single ? 'soma' : 'axon';
  const at = (position: number) => ({ cell: 'cell', section, position });
  return {
    name: `conservation-${options.morphology}`,
    temperature: 291.65,
    channels: [],
    cells: [cell],
    stimuli: [
      {
        kind: 'current-clamp',
        id: 'train',
        location: at(single ? 0.5 : 0.05),
        // 100 uA/cm2 on the 20 um cell (1.26 nA); 0.3 nA into the end compartment of the cable.
        waveform:
          options.drive === 'constant'
            ? { shape: 'step', delay: 1, duration: 1e9, amplitude: 0.02, perArea: true }
            : single
              ? { shape: 'train', delay: 1, duration: 0.5, interval: 20, count: 1e6, amplitude: 0.1, perArea: true }
              : { shape: 'train', delay: 1, duration: 0.5, interval: 20, count: 1e6, amplitude: 0.3, perArea: false },
      },
    ],
    recordings: [
      { id: 'v', location: at(0.5), variable: 'v' },
      { id: 'k_outside', location: at(0.5), variable: 'k_outside' },
      { id: 'na_moved', location: at(0.5), variable: 'na_moved' },
    ],
    spikes: [{ id: 'spikes', location: at(single ? 0.5 : 0.95), threshold: 0 }],
    run: options.run,
  };
}

// ---------------------------------------------------------------------------------------------
// The resting potential of leaks alone

export interface LeakSet {
  readonly id: string;
  readonly source: string;
  /** K. */
  readonly temperature: number;
  /** mM. */
  readonly na: { readonly inside: number; readonly outside: number };
  readonly k: { readonly inside: number; readonly outside: number };
  readonly cl: { readonly inside: number; readonly outside: number };
  /** cm/s. */
  readonly pna: number;
  readonly pk: number;
  readonly pcl: number;
}

/** A 20 um compartment with `ghk-leak` alone and fixed concentrations, starting at `initialVoltage`. */
export function ghkLeakCell(set: LeakSet, run: RunSettings, initialVoltage = -65): Model {
  const cell: CellDescription = {
    id: 'cell',
    morphology: { kind: 'single', section: 'soma', length: 20, diameter: 20 },
    membrane: { capacitance: 1, axialResistivity: 100, initialVoltage },
    mechanisms: [{ mechanism: 'ghk-leak', parameters: { pna: set.pna, pk: set.pk, pcl: set.pcl } }],
    ions: [
      { ion: 'na', ...set.na, reversal: 'nernst' },
      { ion: 'k', ...set.k, reversal: 'nernst' },
      { ion: 'cl', ...set.cl, reversal: 'nernst' },
    ],
  };
  return {
    name: `ghk-leak-${set.id}`,
    citation: { source: set.source },
    temperature: set.temperature,
    channels: [],
    cells: [cell],
    stimuli: [],
    recordings: [{ id: 'v', location: soma(), variable: 'v' }],
    spikes: [],
    run,
  };
}
