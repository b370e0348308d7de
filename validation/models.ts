/**
 * Validation models, written as validated `Model` objects so that the engine is tested apart from the file format
 * (the examples/ folder holds the same models as files, tested through the parser).
 */
import type { CellDescription, Model, RunSettings, Section } from '../src/model/types.js';

export const HH_TEMPERATURE = 279.45; // 6.3 degC
/** Diameter (= length) of a cylinder of 1000 um2 lateral area, as in ../shared/reference/neuron. */
export const SOMA_1000_UM2 = Math.sqrt(1000 / Math.PI);

export function runSettings(duration: number, timeStep: number, integrator: RunSettings['integrator'], rates: RunSettings['rates'] = 'exact', extra: Partial<RunSettings> = {}): RunSettings {
  return { duration, timeStep, integrator, rates, absoluteTolerance: 1e-6, relativeTolerance: 1e-7, recordInterval: timeStep, ...extra };
}

const membrane = (axialResistivity: number) => ({ capacitance: 1, axialResistivity, initialVoltage: -65 });

/** One HH compartment of 1000 um2 at 6.3 degC driven by a constant current density (uA/cm2) from t = 0. */
export function hhCompartment(densityMicroampsPerSquareCentimetre: number, run: RunSettings, pulse?: { delay: number; duration: number }): Model {
  const soma: CellDescription = {
    id: 'soma',
    morphology: { kind: 'single', section: 'soma', length: SOMA_1000_UM2, diameter: SOMA_1000_UM2 },
    membrane: membrane(35.4),
    mechanisms: [{ mechanism: 'hh', parameters: {} }],
    ions: [],
  };
  const at = { cell: 'soma', position: 0.5 };
  return {
    name: 'hh-compartment',
    temperature: HH_TEMPERATURE,
    channels: [],
    cells: [soma],
    stimuli: [
      {
        kind: 'current-clamp',
        id: 'clamp',
        location: at,
        waveform: { shape: 'step', delay: pulse?.delay ?? 0, duration: pulse?.duration ?? 1e9, amplitude: densityMicroampsPerSquareCentimetre * 1e-3, perArea: true },
      },
    ],
    recordings: [
      { id: 'v', location: at, variable: 'v' },
      { id: 'm', location: at, variable: 'hh.m' },
      { id: 'h', location: at, variable: 'hh.h' },
      { id: 'n', location: at, variable: 'hh.n' },
    ],
    spikes: [{ id: 'spikes', location: at, threshold: 0 }],
    run,
  };
}

/** Rallpack 1 (passive) or 3 (with HH Na and K): 1 mm, 1 um, 1000 compartments, 0.1 nA at x = 0. */
export function rallpackCable(withHodgkinHuxley: boolean, run: RunSettings): Model {
  const mechanisms = [{ mechanism: 'pas', parameters: { g: 1 / 40000, e: -65 } }];
  if (withHodgkinHuxley) mechanisms.push({ mechanism: 'hh', parameters: { gl: 0 } } as never);
  const cell: CellDescription = {
    id: 'axon',
    morphology: { kind: 'cable', section: 'cable', region: 'cable', length: 1000, diameter: 1, compartments: 1000 },
    membrane: membrane(100),
    mechanisms,
    ions: [],
  };
  const end = (position: number) => ({ cell: 'axon', section: 'cable', position });
  return {
    name: withHodgkinHuxley ? 'rallpack3' : 'rallpack1',
    temperature: HH_TEMPERATURE,
    channels: [],
    cells: [cell],
    stimuli: [{ kind: 'current-clamp', id: 'clamp', location: end(0), waveform: { shape: 'step', delay: 0, duration: 1e9, amplitude: 0.1, perArea: false } }],
    recordings: [
      { id: 'v0', location: end(0), variable: 'v' },
      { id: 'vx', location: end(1), variable: 'v' },
    ],
    spikes: [
      { id: 'near', location: end(0), threshold: 0 },
      { id: 'far', location: end(1), threshold: 0 },
    ],
    run,
  };
}

/**
 * Rallpack 2: a binary tree of 10 levels (1023 branches) obeying Rall's 3/2 power rule: root 16 um wide and 32 um
 * long; each level's diameter divided by 2^(2/3) and length by 2^(1/3), so that every level has the same area and
 * the same electrotonic length per unit of parent length (Bhalla et al. 1992). Note: ../shared/reference/README.md
 * states root 32 um wide and 16 um long with the divisors swapped; that tree breaks the 3/2 rule and disagrees with
 * ref_branch (0.2 % RMS, a root-to-tip drop of 0.003 mV against the reference's 0.080 mV), while this one matches
 * it to 0.01 %. `compartments` per section.
 */
export function rallpackTree(compartments: number, run: RunSettings): Model {
  const sections: Section[] = [];
  let terminal = '';
  const grow = (id: string, parent: string | undefined, level: number) => {
    const diameter = 16 / Math.pow(2, (2 * level) / 3);
    const length = 32 / Math.pow(2, level / 3);
    sections.push({ id, parent, parentPosition: 1, length, diameterStart: diameter, diameterEnd: diameter, compartments, regions: ['tree'] });
    if (level === 9) {
      terminal = id;
      return;
    }
    grow(`${id}0`, id, level + 1);
    grow(`${id}1`, id, level + 1);
  };
  grow('b', undefined, 0);
  const cell: CellDescription = {
    id: 'tree',
    morphology: { kind: 'sections', sections },
    membrane: membrane(100),
    mechanisms: [{ mechanism: 'pas', parameters: { g: 1 / 40000, e: -65 } }],
    ions: [],
  };
  return {
    name: 'rallpack2',
    temperature: HH_TEMPERATURE,
    channels: [],
    cells: [cell],
    stimuli: [{ kind: 'current-clamp', id: 'clamp', location: { cell: 'tree', section: 'b', position: 0 }, waveform: { shape: 'step', delay: 0, duration: 1e9, amplitude: 0.1, perArea: false } }],
    recordings: [
      { id: 'v0', location: { cell: 'tree', section: 'b', position: 0 }, variable: 'v' },
      { id: 'vx', location: { cell: 'tree', section: terminal, position: 1 }, variable: 'v' },
    ],
    spikes: [],
    run,
  };
}

/**
 * The propagating squid axon of Hodgkin & Huxley (1952), J Physiol 117:500, part IV: radius 238 um, axoplasm
 * 35.4 ohm cm, 18.5 degC, standard HH (rates scaled with Q10 = 3 from 6.3 degC). A 5 cm cable; a 0.2 ms, 10 uA
 * pulse at one end; detectors at 1.5 and 3.5 cm measure the velocity of the steady travelling wave.
 */
export function squidAxon(compartments: number, run: RunSettings): Model {
  const cell: CellDescription = {
    id: 'axon',
    morphology: { kind: 'cable', section: 'axon', region: 'axon', length: 50_000, diameter: 476, compartments },
    membrane: membrane(35.4),
    mechanisms: [{ mechanism: 'hh', parameters: {} }],
    ions: [],
  };
  return {
    name: 'hh1952-axon',
    temperature: 273.15 + 18.5,
    channels: [],
    cells: [cell],
    stimuli: [{ kind: 'current-clamp', id: 'clamp', location: { cell: 'axon', position: 0 }, waveform: { shape: 'step', delay: 0.1, duration: 0.2, amplitude: 10_000, perArea: false } }],
    recordings: [],
    spikes: [
      { id: 'near', location: { cell: 'axon', position: 0.3 }, threshold: -20 },
      { id: 'far', location: { cell: 'axon', position: 0.7 }, threshold: -20 },
    ],
    velocity: { from: 'near', to: 'far' },
    run,
  };
}
