/**
 * NeuroML2 units (NeuroMLCoreDimensions.xml spellings: `mV`, `per_ms`, `mS_per_cm2`, `uF_per_cm2`, `kohm_cm`, ...)
 * to Membrane's canonical units, by one explicit table: canonical = value * factor (+ offset for degC).
 */
import type { XmlElement } from './neuroml-xml.js';
import { elementError } from './neuroml-xml.js';

export type NeuroMLDimension =
  | 'voltage' | 'time' | 'rate' | 'conductanceDensity' | 'specificCapacitance' | 'current' | 'conductance'
  | 'capacitance' | 'length' | 'temperature' | 'resistivity' | 'dimensionless';

/** Canonical unit of each dimension, for messages. */
export const CANONICAL: Readonly<Record<NeuroMLDimension, string>> = {
  voltage: 'mV', time: 'ms', rate: '1/ms', conductanceDensity: 'S/cm2', specificCapacitance: 'uF/cm2', current: 'nA',
  conductance: 'uS', capacitance: 'pF', length: 'um', temperature: 'K', resistivity: 'ohm*cm', dimensionless: '1',
};

/** Factor from each NeuroML unit to the canonical unit of its dimension. */
const UNITS: Readonly<Record<NeuroMLDimension, Readonly<Record<string, number>>>> = {
  voltage: { V: 1e3, mV: 1, uV: 1e-3 },
  time: { s: 1e3, ms: 1, us: 1e-3 },
  rate: { per_s: 1e-3, per_ms: 1, Hz: 1e-3, kHz: 1 },
  conductanceDensity: { S_per_m2: 1e-4, mS_per_cm2: 1e-3, S_per_cm2: 1, mS_per_m2: 1e-7, uS_per_cm2: 1e-6 },
  specificCapacitance: { F_per_m2: 100, uF_per_cm2: 1, nF_per_cm2: 1e-3 },
  current: { A: 1e9, mA: 1e6, uA: 1e3, nA: 1, pA: 1e-3 },
  conductance: { S: 1e6, mS: 1e3, uS: 1, nS: 1e-3, pS: 1e-6 },
  capacitance: { F: 1e12, uF: 1e6, nF: 1e3, pF: 1 },
  length: { m: 1e6, cm: 1e4, mm: 1e3, um: 1 },
  temperature: { K: 1, degC: 1 },
  resistivity: { ohm_m: 100, kohm_m: 1e5, ohm_cm: 1, kohm_cm: 1e3, Mohm_cm: 1e6 },
  dimensionless: { '': 1 },
};

const NUMBER = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-z_][A-Za-z_0-9]*|)\s*$/; // linear: a unit starts with a letter

/** Converts a NeuroML quantity (`"-65mV"`, `"120.0 mS_per_cm2"`) to the canonical unit of its dimension. */
export function neuromlQuantity(element: XmlElement, attribute: string, dimension: NeuroMLDimension, options: { unitless?: NeuroMLDimension } = {}): number {
  const text = element.attributes[attribute];
  const allowed = () => `a ${dimension} with one of the units ${Object.keys(UNITS[dimension]).filter((u) => u !== '').join(', ') || '(none)'}, such as "${example(dimension)}"`;
  if (text === undefined) throw elementError(element, attribute, 'nothing', allowed());
  const match = NUMBER.exec(text);
  if (!match) throw elementError(element, attribute, text, allowed());
  const value = Number(match[1]);
  const unit = match[2];
  // NeuroML writes some lengths (segment diameters, coordinates) as bare numbers in um.
  if (unit === '' && options.unitless === dimension) return value;
  const factor = Object.hasOwn(UNITS[dimension], unit) ? UNITS[dimension][unit] : undefined; // never a prototype property ("toString")
  if (factor === undefined || !Number.isFinite(value)) throw elementError(element, attribute, text, allowed());
  if (dimension === 'temperature') return unit === 'degC' ? value + 273.15 : value;
  return value * factor;
}

/** An optional attribute: the default when absent. */
export function optionalQuantity(element: XmlElement, attribute: string, dimension: NeuroMLDimension, fallback: number): number {
  return element.attributes[attribute] === undefined ? fallback : neuromlQuantity(element, attribute, dimension);
}

function example(dimension: NeuroMLDimension): string {
  const examples: Record<NeuroMLDimension, string> = {
    voltage: '-65mV', time: '100ms', rate: '0.1per_ms', conductanceDensity: '120 mS_per_cm2', specificCapacitance: '1.0 uF_per_cm2',
    current: '0.08nA', conductance: '10pS', capacitance: '10pF', length: '17.8um', temperature: '6.3 degC',
    resistivity: '0.03 kohm_cm', dimensionless: '3',
  };
  return examples[dimension];
}
