/**
 * Propagation: an axon, unmyelinated (hh everywhere) or myelinated (hh on nodes of Ranvier, passive low-capacitance
 * internodes after Brill et al. 1977: internode 100 x the diameter, myelin 0.005 uF/cm2), stimulated at one end.
 * Pure TS: builds the library `Model` and its recording positions; the animation cursor sweeps the computed
 * space-time frame (simulated ms) at a pace set in wall-clock seconds.
 */
import type { Location, Model, Recording, Section } from '../../../../src/model/types.js';
import { parseQuantity, ZERO_CELSIUS } from '../../../../src/units/index.js';
import { drugApplications, drugFactor } from '../../drugs.js';
import type { ParamSpec, ParamValues } from '../../params.js';
import type { ScreenModel } from '../../screen.js';

export const PROPAGATION_SPECS: readonly ParamSpec[] = [
  {
    kind: 'choice',
    key: 'fibre',
    label: 'Axon',
    default: 'unmyelinated',
    options: [
      { value: 'unmyelinated', label: 'Unmyelinated (HH membrane everywhere)' },
      { value: 'myelinated', label: 'Myelinated (HH nodes, myelin between)' },
    ],
  },
  { kind: 'number', key: 'diameter', label: 'Diameter', unit: 'µm', min: 0.5, max: 1000, step: 0.01, default: 10, log: true },
  { kind: 'number', key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 40, step: 0.5, default: 20, help: 'HH rates ×3 per 10 °C. Warm the default axon to 33.5 °C or more and conduction fails: the spike shrinks as it travels and dies out.' },
  { kind: 'number', key: 'length', label: 'Axon length', unit: 'mm', min: 1, max: 200, step: 0.01, default: 20, log: true },
  { kind: 'number', key: 'compartments', label: 'Compartments', unit: '', min: 100, max: 2000, step: 50, default: 1000 },
  { kind: 'number', key: 'ttx', label: 'TTX', unit: 'nM', min: 0.01, max: 1000, step: 0.01, default: 0, log: true, zeroAtMin: true, help: 'Blocks Na⁺ channels all along the axon. Leftmost: none.' },
];

/**
 * The lowest temperature (°C, on the 0.5 °C grid of the slider) at which the default axon (unmyelinated, 10 µm,
 * 20 mm, 1000 compartments) no longer conducts, found with the library (runSpaceTime): at 33 °C it conducts at
 * 3.18 m/s; at 33.5 °C the spike shrinks as it travels and peaks at −22 mV at 15 mm, below the −20 mV spike
 * criterion of the detectors; at 34 °C it dies out before 10 mm. Warming speeds all HH gates (Q10 = 3); Na⁺
 * inactivation and K⁺ activation then cut the spike short before it can charge the next stretch of axon.
 * Checked in web/layout-access.test.ts.
 */
export const PROPAGATION_FAILURE_CELSIUS = 33.5;

/** Myelin after Brill et al. (1977) as in ModelDB 9848: internode = 100 d; per-area values scaled from a 10 um fibre. */
export const MYELIN = { capacitance: 0.005, conductance: 1.782e-6, internodeToDiameter: 100, nodeArea10um: 100 } as const;
export const NODE_HH = { gnabar: 1.2, gkbar: 0.09, gl: 0.02, el: -65.05 } as const;
const REST = -65;

export interface PropagationSetup {
  readonly model: Model;
  /** Distance of each recorded point from the stimulated end, um. */
  readonly positions: number[];
  readonly isNode: boolean[];
  /** Rough expected velocity, m/s (sets the run length). */
  readonly expectedVelocity: number;
}

/** A rough conduction velocity to size the run: HH 1952 (21.2 m/s at 476 um, 18.5 degC) ~ sqrt(d); myelinated ~ 2 d (this model: 20 m/s at 10 um). */
export function expectedVelocity(fibre: string, diameter: number, temperature: number): number {
  const warm = Math.sqrt(Math.pow(3, (temperature - 18.5) / 10));
  return fibre === 'myelinated' ? Math.max(0.2, 2 * diameter) * Math.min(2, warm) : 21.2 * Math.sqrt(diameter / 476) * warm;
}

/** TTX from the `ttx` control (nM) in mM, the catalogue's unit, through the units layer. */
function propagationDrugs(values: ParamValues): Record<string, number> {
  return { ttx: Number(values.ttx ?? 0) * parseQuantity('1 nM', 'concentration', 'ttx') };
}

/** The fraction of Na+ channels TTX leaves working (for display: the engine applies the model's drugs itself). */
export function propagationSodiumFraction(values: ParamValues): number {
  return drugFactor('hh', 'gnabar', propagationDrugs(values));
}

export function buildPropagation(values: ParamValues): PropagationSetup {
  const fibre = String(values.fibre);
  const diameter = Number(values.diameter);
  const temperature = Number(values.temperature);
  const length = Number(values.length) * 1000; // um
  const compartments = Math.round(Number(values.compartments));
  const velocity = expectedVelocity(fibre, diameter, temperature);
  // um / (m/s) = um / (1000 um/ms) ... 1 m/s = 1 mm/ms = 1000 um/ms.
  const travelMs = length / (velocity * 1000);
  const duration = Math.min(200, Math.max(6, 1.5 + 1.4 * travelMs + 3));
  const samples = 400;
  const positions: number[] = [];
  const isNode: boolean[] = [];
  const recordings: Recording[] = [];
  let model: Model;
  if (fibre === 'myelinated') {
    const internode = MYELIN.internodeToDiameter * diameter;
    const nodeLength = (MYELIN.nodeArea10um * (diameter / 10)) / (Math.PI * diameter); // node area scales with d
    const nodes = Math.max(3, Math.floor(length / (internode + nodeLength)) + 1);
    const perInternode = Math.max(1, Math.round((compartments - nodes) / (nodes - 1)));
    const sections: Section[] = [];
    let x = 0;
    const at = (section: string, position: number): Location => ({ cell: 'axon', section, position });
    for (let k = 0; k < nodes; k++) {
      const node = `node${k}`;
      sections.push({ id: node, parent: k === 0 ? undefined : `internode${k - 1}`, parentPosition: 1, length: nodeLength, diameterStart: diameter, diameterEnd: diameter, compartments: 1, regions: ['node'] });
      recordings.push({ id: `v${recordings.length}`, location: at(node, 0.5), variable: 'v' });
      positions.push(x + nodeLength / 2);
      isNode.push(true);
      x += nodeLength;
      if (k < nodes - 1) {
        const id = `internode${k}`;
        sections.push({ id, parent: node, parentPosition: 1, length: internode, diameterStart: diameter, diameterEnd: diameter, compartments: perInternode, regions: ['internode'] });
        for (let j = 0; j < perInternode; j++) {
          recordings.push({ id: `v${recordings.length}`, location: at(id, (j + 0.5) / perInternode), variable: 'v' });
          positions.push(x + ((j + 0.5) / perInternode) * internode);
          isNode.push(false);
        }
        x += internode;
      }
    }
    const from = Math.round((nodes - 1) / 4), to = Math.round((3 * (nodes - 1)) / 4);
    const axial = 1.26e8 * Math.PI * (10 / 2) ** 2 * 1e-8; // 98.96 ohm cm (Brill's 10 um fibre; a material constant)
    model = {
      name: 'lab-myelinated-axon',
      temperature: temperature + ZERO_CELSIUS,
      channels: [],
      drugs: drugApplications(propagationDrugs(values)),
      cells: [
        {
          id: 'axon',
          morphology: { kind: 'sections', sections },
          membrane: { capacitance: 1, axialResistivity: axial, initialVoltage: REST },
          regionMembrane: [{ regions: ['internode'], capacitance: MYELIN.capacitance }],
          mechanisms: [
            { mechanism: 'hh', regions: ['node'], parameters: { ...NODE_HH } },
            { mechanism: 'pas', regions: ['internode'], parameters: { g: MYELIN.conductance, e: REST } },
          ],
          ions: [],
        },
      ],
      stimuli: [{ kind: 'current-clamp', id: 'pulse', location: at('node0', 0.5), waveform: { shape: 'step', delay: 0.2, duration: 0.1, amplitude: 4 * Math.pow(diameter / 10, 1.5), perArea: false } }],
      recordings,
      spikes: [
        { id: 'near', location: at(`node${from}`, 0.5), threshold: -20 },
        { id: 'far', location: at(`node${to}`, 0.5), threshold: -20 },
      ],
      velocity: { from: 'near', to: 'far' },
      run: { duration, timeStep: 0.005, integrator: 'crank-nicolson', rates: 'exact', absoluteTolerance: 1e-6, relativeTolerance: 1e-7, recordInterval: Math.max(0.005, Math.round(duration / samples / 0.005) * 0.005) },
    };
  } else {
    const at = (position: number): Location => ({ cell: 'axon', section: 'axon', position });
    for (let k = 0; k < compartments; k++) {
      const position = (k + 0.5) / compartments;
      recordings.push({ id: `v${k}`, location: at(position), variable: 'v' });
      positions.push(position * length);
      isNode.push(false);
    }
    const dt = temperature > 25 ? 0.005 : 0.01;
    model = {
      name: 'lab-unmyelinated-axon',
      temperature: temperature + ZERO_CELSIUS,
      channels: [],
      drugs: drugApplications(propagationDrugs(values)),
      cells: [
        {
          id: 'axon',
          morphology: { kind: 'cable', section: 'axon', region: 'axon', length, diameter, compartments },
          membrane: { capacitance: 1, axialResistivity: 35.4, initialVoltage: REST },
          mechanisms: [{ mechanism: 'hh', parameters: {} }],
          ions: [],
        },
      ],
      stimuli: [{ kind: 'current-clamp', id: 'pulse', location: at(0), waveform: { shape: 'step', delay: 0.2, duration: 0.2, amplitude: 30000 * Math.pow(diameter / 476, 1.5), perArea: false } }],
      recordings,
      spikes: [
        { id: 'near', location: at(0.25), threshold: -20 },
        { id: 'far', location: at(0.75), threshold: -20 },
      ],
      velocity: { from: 'near', to: 'far' },
      run: { duration, timeStep: dt, integrator: 'crank-nicolson', rates: 'exact', absoluteTolerance: 1e-6, relativeTolerance: 1e-7, recordInterval: Math.max(dt, Math.round(duration / samples / dt) * dt) },
    };
  }
  return { model, positions, isNode, expectedVelocity: velocity };
}

/**
 * The animation (simulated ms against wall-clock seconds): a cursor that sweeps the run once in
 * `sweepWallSeconds` and stops at its end; play/pause, and seek for the time scrubber. Plays from the start when
 * asked to play at the end.
 */
export class PropagationModel implements ScreenModel {
  cursorMs = 0;
  durationMs = 1;
  sweepWallSeconds = 5;
  playing = true;

  step(wallSeconds: number): void {
    if (!this.playing) return;
    this.cursorMs = Math.min(this.durationMs, this.cursorMs + (wallSeconds / this.sweepWallSeconds) * this.durationMs);
    if (this.cursorMs >= this.durationMs) this.playing = false;
  }

  play(): void {
    if (this.cursorMs >= this.durationMs) this.cursorMs = 0;
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  /** Moves the cursor (simulated ms), clamped to the run. */
  seek(cursorMs: number): void {
    this.cursorMs = Math.min(this.durationMs, Math.max(0, cursorMs));
  }

  reset(): void {
    this.cursorMs = 0;
  }
}
