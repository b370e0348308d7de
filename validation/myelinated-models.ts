/**
 * A myelinated fibre after Brill, Waxman, Moore & Joyner (1977) "Conduction velocity and spike configuration in
 * myelinated fibres: computed dependence on internode distance", J Neurol Neurosurg Psychiatry 40:769-774 (the model
 * Moore et al. 1978, Biophys J 21:147-160, then varied parameter by parameter), and an unmyelinated axon of the same
 * axon diameter for comparison, both written as validated `Model` objects.
 *
 * The paper gives its cable per unit length; the numbers here are those of M. Hines' NEURON re-implementation of the
 * paper (ModelDB accession 9848), converted to per-area values for a 10 um axon:
 *
 * | quantity | paper (per unit length) | here |
 * |---|---|---|
 * | axon diameter (node and internode) | 10 um | 10 um |
 * | node | 100 um2 of membrane | a 3.183 um long cylinder, one compartment |
 * | nodal capacitance | 3.14e-9 F/cm | 1 uF/cm2 |
 * | nodal kinetics | Hodgkin-Huxley, gNa 1.2, gK 0.09, gL 0.02 S/cm2 (10, 2.5 and 67 x squid) | `hh` with those overrides, EL = rest - 0.05 mV |
 * | internode length | 1000 um standard (varied 25 um to several mm in fig. 1) | 1000 um = 100 x the diameter |
 * | myelin capacitance | 1.87e-11 F/cm | 5.952e-3 uF/cm2 |
 * | myelin conductance | 5.60e-9 S/cm | `pas` g 1.782e-6 S/cm2, e = rest |
 * | axoplasm | 1.26e8 ohm/cm | Ra 98.96 ohm cm |
 * | temperature | 20 degC (HH rates from 6.3 degC, Q10 = 3) | 20 degC |
 *
 * Resting potential -65 mV (the paper measures from rest; ENa = rest + 115 mV, EK = rest - 12 mV, i.e. NEURON's
 * defaults 50 and -77 mV). The unmyelinated axon has the same 10 um axon, the same axoplasm and temperature, and the
 * squid membrane of Hodgkin & Huxley (1952) everywhere (`hh` with its defaults, 1 uF/cm2).
 */
import type { CellDescription, Model, RunSettings, Section } from '../src/model/types.js';

export const FIBRE_TEMPERATURE = 273.15 + 20;
export const AXON_DIAMETER = 10; // um
/** 1.26e8 ohm/cm times the cross-section of a 10 um axon (pi 25e-8 cm2): 98.96 ohm cm. */
export const AXIAL_RESISTIVITY = 1.26e8 * Math.PI * (AXON_DIAMETER / 2) ** 2 * 1e-8;
/** 100 um2 of nodal membrane on a 10 um cylinder. */
export const NODE_LENGTH = 100 / (Math.PI * AXON_DIAMETER);
export const INTERNODE_LENGTH = 1000; // um
/** Per-length values of the paper divided by the circumference pi d (cm): F/cm -> uF/cm2, S/cm -> S/cm2. */
const perArea = (perLength: number) => perLength / (Math.PI * AXON_DIAMETER * 1e-4);
export const MYELIN_CAPACITANCE = perArea(1.87e-11) * 1e6; // uF/cm2, 5.952e-3
export const MYELIN_CONDUCTANCE = perArea(5.6e-9); // S/cm2, 1.782e-6
export const NODE_CAPACITANCE = perArea(3.14e-9) * 1e6; // uF/cm2, 0.9995
export const NODE_HH = { gnabar: 1.2, gkbar: 0.09, gl: 0.02, el: -65.05 } as const;
export const REST = -65;

export function fibreRun(duration: number, timeStep: number, recordInterval = timeStep): RunSettings {
  return { duration, timeStep, integrator: 'crank-nicolson', rates: 'exact', absoluteTolerance: 1e-6, relativeTolerance: 1e-7, recordInterval };
}

export interface MyelinatedOptions {
  /** Number of nodes of Ranvier (the fibre starts and ends with a node). */
  readonly nodes: number;
  /** Compartments per internode (the node is one compartment). */
  readonly internodeCompartments: number;
  readonly run: RunSettings;
  /** Nodes (0-based) whose first spikes give the velocity; default a third and two thirds along. */
  readonly from?: number;
  readonly to?: number;
  /** Record v at every compartment centre of these internodes (ids `internode<k>_<j>`) and at every node (`v_node<k>`). */
  readonly recordInternodes?: readonly number[];
  readonly recordNodes?: boolean;
  /** Spike detector threshold, mV. */
  readonly threshold?: number;
}

export const nodeId = (k: number) => `node${k}`;
export const internodeId = (k: number) => `internode${k}`;

/**
 * The myelinated fibre: node0, internode0, node1, ..., node<N-1>, alternating sections in the regions `node` and
 * `internode`; a 0.1 ms, 2 nA pulse into node0; spike detectors `spike_node<k>` on every node.
 */
export function myelinatedFibre(options: MyelinatedOptions): Model {
  const { nodes, internodeCompartments, run } = options;
  const from = options.from ?? Math.round(nodes / 3);
  const to = options.to ?? Math.round((2 * nodes) / 3);
  const threshold = options.threshold ?? -20;
  const sections: Section[] = [];
  const cylinder = (id: string, parent: string | undefined, length: number, compartments: number, region: string): Section => ({
    id,
    parent,
    parentPosition: 1,
    length,
    diameterStart: AXON_DIAMETER,
    diameterEnd: AXON_DIAMETER,
    compartments,
    regions: [region],
  });
  for (let k = 0; k < nodes; k++) {
    sections.push(cylinder(nodeId(k), k === 0 ? undefined : internodeId(k - 1), NODE_LENGTH, 1, 'node'));
    if (k < nodes - 1) sections.push(cylinder(internodeId(k), nodeId(k), INTERNODE_LENGTH, internodeCompartments, 'internode'));
  }
  const cell: CellDescription = {
    id: 'fibre',
    morphology: { kind: 'sections', sections },
    membrane: { capacitance: NODE_CAPACITANCE, axialResistivity: AXIAL_RESISTIVITY, initialVoltage: REST },
    regionMembrane: [{ regions: ['internode'], capacitance: MYELIN_CAPACITANCE }],
    mechanisms: [
      { mechanism: 'hh', regions: ['node'], parameters: { ...NODE_HH } },
      { mechanism: 'pas', regions: ['internode'], parameters: { g: MYELIN_CONDUCTANCE, e: REST } },
    ],
    ions: [],
  };
  const at = (section: string, position = 0.5) => ({ cell: 'fibre', section, position });
  const recordings: Model['recordings'][number][] = [];
  if (options.recordNodes) for (let k = 0; k < nodes; k++) recordings.push({ id: `v_${nodeId(k)}`, location: at(nodeId(k)), variable: 'v' });
  for (const k of options.recordInternodes ?? []) {
    for (let j = 0; j < internodeCompartments; j++) {
      recordings.push({ id: `${internodeId(k)}_${j}`, location: at(internodeId(k), (j + 0.5) / internodeCompartments), variable: 'v' });
    }
  }
  return {
    name: 'myelinated-fibre',
    description: 'Brill et al. (1977) myelinated fibre: HH nodes of Ranvier, passive myelinated internodes.',
    citation: { source: 'Brill MH, Waxman SG, Moore JW, Joyner RW (1977) J Neurol Neurosurg Psychiatry 40:769-774', note: 'parameters as ModelDB 9848 (Hines)' },
    temperature: FIBRE_TEMPERATURE,
    channels: [],
    cells: [cell],
    stimuli: [{ kind: 'current-clamp', id: 'pulse', location: at(nodeId(0)), waveform: { shape: 'step', delay: 0.05, duration: 0.1, amplitude: 2, perArea: false } }],
    recordings,
    spikes: Array.from({ length: nodes }, (_, k) => ({ id: `spike_${nodeId(k)}`, location: at(nodeId(k)), threshold })),
    velocity: { from: `spike_${nodeId(from)}`, to: `spike_${nodeId(to)}` },
    run,
  };
}

/**
 * The unmyelinated axon of the same diameter: one cable of `length` um in `compartments` pieces, squid HH
 * membrane everywhere, the same axoplasm and temperature; a 0.1 ms, 20 nA pulse at x = 0 (2 nA, enough for a node
 * of Ranvier, does not excite this cable: 10 nA fails too); detectors at 0.3 and 0.7; v recorded at `recordAt`
 * (positions 0..1, ids `v_<index>`).
 */
export function unmyelinatedAxon(length: number, compartments: number, run: RunSettings, recordAt: readonly number[] = []): Model {
  const cell: CellDescription = {
    id: 'axon',
    morphology: { kind: 'cable', section: 'axon', region: 'axon', length, diameter: AXON_DIAMETER, compartments },
    membrane: { capacitance: 1, axialResistivity: AXIAL_RESISTIVITY, initialVoltage: REST },
    mechanisms: [{ mechanism: 'hh', parameters: {} }],
    ions: [],
  };
  const at = (position: number) => ({ cell: 'axon', section: 'axon', position });
  return {
    name: 'unmyelinated-axon',
    description: 'A 10 um unmyelinated axon with Hodgkin-Huxley (1952) squid membrane at 20 degC.',
    temperature: FIBRE_TEMPERATURE,
    channels: [],
    cells: [cell],
    stimuli: [{ kind: 'current-clamp', id: 'pulse', location: at(0), waveform: { shape: 'step', delay: 0.05, duration: 0.1, amplitude: 20, perArea: false } }],
    recordings: recordAt.map((position, index) => ({ id: `v_${index}`, location: at(position), variable: 'v' })),
    spikes: [
      { id: 'near', location: at(0.3), threshold: -20 },
      { id: 'far', location: at(0.7), threshold: -20 },
    ],
    velocity: { from: 'near', to: 'far' },
    run,
  };
}
