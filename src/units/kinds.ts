/**
 * The kinds of physical quantity Membrane knows, and the one canonical unit of each.
 *
 * Canonical units follow NEURON (Hines & Carnevale, "The NEURON Book", Cambridge University Press 2006,
 * Table 3 "Units used in NEURON"): mV, ms, um, uF/cm2, S/cm2, mA/cm2, nA, uS, ohm*cm, mM, with kelvin for
 * temperature (degC is accepted at the boundary and converted once).
 */

/** Every kind of quantity that can be parsed, formatted and checked. */
export type QuantityKind =
  | 'concentration'
  | 'temperature'
  | 'voltage'
  | 'time'
  | 'length'
  | 'area'
  | 'volume'
  | 'specificCapacitance'
  | 'capacitance'
  | 'current'
  | 'currentDensity'
  | 'conductance'
  | 'specificConductance'
  | 'resistivity'
  | 'resistance'
  | 'frequency'
  | 'permeability'
  | 'energy'
  | 'dimensionless';

/** The canonical unit of each quantity kind, as written in output (`""` for dimensionless). */
export const CANONICAL_UNITS: Readonly<Record<QuantityKind, string>> = Object.freeze({
  concentration: 'mM',
  temperature: 'K',
  voltage: 'mV',
  time: 'ms',
  length: 'um',
  area: 'um2',
  volume: 'um3',
  specificCapacitance: 'uF/cm2',
  capacitance: 'pF',
  current: 'nA',
  currentDensity: 'mA/cm2',
  conductance: 'uS',
  specificConductance: 'S/cm2',
  resistivity: 'ohm*cm',
  resistance: 'MOhm',
  frequency: 'Hz',
  permeability: 'cm/s',
  energy: 'J/mol',
  dimensionless: '',
});

/** Plain-language names of the kinds, for error messages ("a voltage, not a concentration"). */
export const QUANTITY_KIND_NAMES: Readonly<Record<QuantityKind, string>> = Object.freeze({
  concentration: 'a concentration',
  temperature: 'a temperature',
  voltage: 'a voltage',
  time: 'a time',
  length: 'a length',
  area: 'an area',
  volume: 'a volume',
  specificCapacitance: 'a specific capacitance (per area)',
  capacitance: 'a capacitance',
  current: 'a current',
  currentDensity: 'a current density (per area)',
  conductance: 'a conductance',
  specificConductance: 'a specific conductance (per area)',
  resistivity: 'a resistivity',
  resistance: 'a resistance',
  frequency: 'a frequency',
  permeability: 'a permeability',
  energy: 'a molar energy',
  dimensionless: 'a plain number',
});

/** An example input for each kind, for error messages. */
export const QUANTITY_EXAMPLES: Readonly<Record<QuantityKind, string>> = Object.freeze({
  concentration: '140 mM',
  temperature: '37 degC',
  voltage: '-70 mV',
  time: '0.025 ms',
  length: '20 um',
  area: '1000 um2',
  volume: '4189 um3',
  specificCapacitance: '1 uF/cm2',
  capacitance: '10 pF',
  current: '0.1 nA',
  currentDensity: '10 uA/cm2',
  conductance: '0.01 uS',
  specificConductance: '0.12 S/cm2',
  resistivity: '35.4 ohm*cm',
  resistance: '100 MOhm',
  frequency: '100 Hz',
  permeability: '1e-6 cm/s',
  energy: '-50 kJ/mol',
  dimensionless: '0.5',
});

/** All quantity kinds, in declaration order. */
export const QUANTITY_KINDS: readonly QuantityKind[] = Object.freeze(
  Object.keys(CANONICAL_UNITS) as QuantityKind[],
);
