/**
 * NeuroML2 cells to single compartments: `cell` with a one-segment morphology and `membraneProperties`
 * (channelDensity, specificCapacitance, initMembPotential, spikeThresh), and `pointCellCondBased` (capacitance C,
 * v0, channelPopulation: a number of channels of a unit conductance each).
 */
import { GEOMETRY_RANGE } from '../model/index.js';
import { neuromlQuantity } from './neuroml-units.js';
import { elementError, type XmlElement } from './neuroml-xml.js';

export const CELL_ELEMENTS = ['cell', 'pointCellCondBased'] as const;

const IGNORED = new Set(['notes', 'annotation', 'property']);

/** One channel placed on a cell: maximal conductance (S/cm2) and reversal potential (mV). */
export interface ChannelUse {
  readonly id: string;
  readonly channel: string;
  readonly conductance: number;
  readonly reversal: number;
  /** The `ion` attribute (`na`, `k`, `non_specific`, ...). */
  readonly ion?: string;
  readonly element: XmlElement;
}

/** A single-compartment cell in canonical units. */
export interface NeuroMLCell {
  readonly id: string;
  readonly element: XmlElement;
  /** Cylinder of the same lateral area (um). */
  readonly length: number;
  readonly diameter: number;
  /** uF/cm2, ohm*cm, mV. */
  readonly capacitance: number;
  readonly axialResistivity: number;
  readonly initialVoltage: number;
  readonly channels: readonly ChannelUse[];
  /** `/channelPopulation`: conductances given per channel; resolved with the channel's unit conductance (uS). */
  readonly populations?: readonly { readonly use: Omit<ChannelUse, 'conductance'>; readonly number: number }[];
}

/** Default axial resistivity when a file gives none (unused by a single compartment), ohm*cm. */
const DEFAULT_RESISTIVITY = 35.4;

function point(element: XmlElement): { x: number; y: number; z: number; diameter: number } {
  const read = (name: string) => neuromlQuantity(element, name, 'length', { unitless: 'length' });
  const diameter = read('diameter');
  // The same plausible size of a piece of a cell as in Membrane's own model files (quoted as typed).
  if (!(diameter >= GEOMETRY_RANGE.minimum && diameter <= GEOMETRY_RANGE.maximum)) {
    throw elementError(element, 'diameter', element.attributes.diameter ?? String(diameter), `a positive diameter ${GEOMETRY_RANGE.text}`);
  }
  return { x: read('x'), y: read('y'), z: read('z'), diameter };
}

/** A one-segment morphology: the length and diameter of a cylinder with the segment's membrane area. */
function readMorphology(morphology: XmlElement): { length: number; diameter: number } {
  const segments = morphology.children.filter((child) => child.name === 'segment');
  for (const child of morphology.children) {
    if (child.name !== 'segment' && child.name !== 'segmentGroup' && !IGNORED.has(child.name)) {
      throw elementError(child, '', `<${child.name}>`, 'inside morphology: segment, segmentGroup, notes');
    }
  }
  if (segments.length !== 1) {
    throw elementError(morphology, '', `${segments.length} segments`, 'a single-segment morphology (one compartment); multi-compartment NeuroML cells are not supported yet');
  }
  const [segment] = segments;
  const proximalElement = segment.children.find((child) => child.name === 'proximal');
  const distalElement = segment.children.find((child) => child.name === 'distal');
  if (!proximalElement || !distalElement) throw elementError(segment, '', 'a segment without proximal and distal', 'a segment with <proximal> and <distal> points');
  const proximal = point(proximalElement);
  const distal = point(distalElement);
  if (!(proximal.diameter > 0) || !(distal.diameter > 0)) throw elementError(segment, 'diameter', `${proximal.diameter}, ${distal.diameter}`, 'positive diameters (um)');
  const axial = Math.hypot(distal.x - proximal.x, distal.y - proximal.y, distal.z - proximal.z);
  if (axial === 0) {
    // NeuroML: proximal = distal is a sphere of that diameter, area pi d^2 (= a cylinder with L = d).
    if (proximal.diameter !== distal.diameter) throw elementError(segment, 'diameter', `${proximal.diameter} and ${distal.diameter}`, 'equal diameters when proximal and distal coincide (a sphere)');
    return { length: proximal.diameter, diameter: proximal.diameter };
  }
  // Lateral area of a truncated cone: pi (r1 + r2) * slant = pi * mean diameter * slant.
  const radii = (proximal.diameter - distal.diameter) / 2;
  return { length: Math.hypot(axial, radii), diameter: (proximal.diameter + distal.diameter) / 2 };
}

function channelDensity(element: XmlElement): ChannelUse {
  if (element.name !== 'channelDensity') {
    throw elementError(element, '', `<${element.name}>`, 'inside membraneProperties: channelDensity, specificCapacitance, initMembPotential, spikeThresh (channelDensityNernst, channelDensityGHK, channelDensityNonUniform and channelPopulation on a cell are not supported)');
  }
  const id = element.attributes.id ?? element.attributes.ionChannel ?? '?';
  const channel = element.attributes.ionChannel;
  if (channel === undefined) throw elementError(element, 'ionChannel', 'nothing', 'the id of an ion channel');
  const group = element.attributes.segmentGroup;
  if (group !== undefined && group !== 'all' && element.attributes.segment !== undefined && element.attributes.segment !== '0') {
    throw elementError(element, 'segment', element.attributes.segment, 'segment 0 (single-compartment cells only)');
  }
  return {
    id,
    channel,
    conductance: neuromlQuantity(element, 'condDensity', 'conductanceDensity'),
    reversal: neuromlQuantity(element, 'erev', 'voltage'),
    ion: element.attributes.ion,
    element,
  };
}

function single(parent: XmlElement, name: string): XmlElement | undefined {
  const found = parent.children.filter((child) => child.name === name);
  if (found.length > 1) throw elementError(found[1], '', `${found.length} <${name}> elements`, `at most one <${name}> in <${parent.name}>`);
  return found[0];
}

function readCellElement(element: XmlElement, id: string): NeuroMLCell {
  if (element.attributes.morphology !== undefined || element.attributes.biophysicalProperties !== undefined) {
    throw elementError(element, 'morphology', element.attributes.morphology ?? element.attributes.biophysicalProperties, 'morphology and biophysicalProperties written inside the cell (references to separate elements are not supported)');
  }
  for (const child of element.children) {
    if (child.name !== 'morphology' && child.name !== 'biophysicalProperties' && !IGNORED.has(child.name)) {
      throw elementError(child, '', `<${child.name}>`, 'inside cell: morphology, biophysicalProperties, notes');
    }
  }
  const morphology = single(element, 'morphology');
  const biophysics = single(element, 'biophysicalProperties');
  if (!morphology) throw elementError(element, '', 'no morphology', 'a <morphology> with one segment');
  if (!biophysics) throw elementError(element, '', 'no biophysicalProperties', 'a <biophysicalProperties> with membraneProperties');
  const { length, diameter } = readMorphology(morphology);
  const membrane = single(biophysics, 'membraneProperties');
  if (!membrane) throw elementError(biophysics, '', 'no membraneProperties', 'a <membraneProperties> with channel densities and specificCapacitance');
  let capacitance: number | undefined;
  let initialVoltage: number | undefined;
  const channels: ChannelUse[] = [];
  for (const child of membrane.children) {
    if (IGNORED.has(child.name) || child.name === 'spikeThresh') continue;
    if (child.name === 'specificCapacitance') capacitance = neuromlQuantity(child, 'value', 'specificCapacitance');
    else if (child.name === 'initMembPotential') initialVoltage = neuromlQuantity(child, 'value', 'voltage');
    else channels.push(channelDensity(child));
  }
  if (capacitance === undefined) throw elementError(membrane, '', 'no specificCapacitance', 'a <specificCapacitance value="1.0 uF_per_cm2"/>');
  if (initialVoltage === undefined) throw elementError(membrane, '', 'no initMembPotential', 'an <initMembPotential value="-65mV"/>');
  let axialResistivity = DEFAULT_RESISTIVITY;
  for (const child of biophysics.children) {
    if (child.name === 'membraneProperties' || IGNORED.has(child.name)) continue;
    if (child.name === 'intracellularProperties') {
      for (const inner of child.children) {
        if (inner.name === 'resistivity') axialResistivity = neuromlQuantity(inner, 'value', 'resistivity');
        else if (!IGNORED.has(inner.name)) throw elementError(inner, '', `<${inner.name}>`, 'inside intracellularProperties: resistivity (species and concentration models are not supported)');
      }
      continue;
    }
    throw elementError(child, '', `<${child.name}>`, 'inside biophysicalProperties: membraneProperties, intracellularProperties');
  }
  return { id, element, length, diameter, capacitance, axialResistivity, initialVoltage, channels };
}

/**
 * pointCellCondBased: a compartment whose area gives 1 uF/cm2 with its capacitance C (area = C / 1 uF/cm2), so that
 * channel numbers become conductance densities (number * unit conductance / area).
 */
function readPointCell(element: XmlElement, id: string): NeuroMLCell {
  const capacitancePicofarads = neuromlQuantity(element, 'C', 'capacitance');
  if (!(capacitancePicofarads > 0)) throw elementError(element, 'C', element.attributes.C, 'a positive capacitance such as "10pF"');
  const areaSquareMicrometres = capacitancePicofarads * 100; // pF / (1 uF/cm2) = 1e-6 cm2 per pF = 100 um2 per pF
  const side = Math.sqrt(areaSquareMicrometres / Math.PI);
  const populations: { use: Omit<ChannelUse, 'conductance'>; number: number }[] = [];
  for (const child of element.children) {
    if (IGNORED.has(child.name)) continue;
    if (child.name !== 'channelPopulation') throw elementError(child, '', `<${child.name}>`, 'inside pointCellCondBased: channelPopulation, notes');
    const channel = child.attributes.ionChannel;
    if (channel === undefined) throw elementError(child, 'ionChannel', 'nothing', 'the id of an ion channel');
    const number = Number(child.attributes.number);
    if (!Number.isInteger(number) || number < 0) throw elementError(child, 'number', child.attributes.number ?? 'nothing', 'a whole number of channels');
    populations.push({ use: { id: child.attributes.id ?? channel, channel, reversal: neuromlQuantity(child, 'erev', 'voltage'), ion: child.attributes.ion, element: child }, number });
  }
  return {
    id,
    element,
    length: side,
    diameter: side,
    capacitance: 1,
    axialResistivity: DEFAULT_RESISTIVITY,
    initialVoltage: neuromlQuantity(element, 'v0', 'voltage'),
    channels: [],
    populations,
  };
}

/** Reads a cell element (one of CELL_ELEMENTS). Channel populations are resolved later, with the channels. */
export function readCell(element: XmlElement): NeuroMLCell {
  const id = element.attributes.id;
  if (id === undefined) throw elementError(element, 'id', 'nothing', 'a cell id');
  return element.name === 'cell' ? readCellElement(element, id) : readPointCell(element, id);
}

/** Membrane area of a cell, um2 (lateral area of the equivalent cylinder). */
export function cellArea(cell: NeuroMLCell): number {
  return Math.PI * cell.length * cell.diameter;
}
