/**
 * Sliders for mechanism parameters, built from the library's catalogue (src/mechanisms): the parameter's unit,
 * default, allowed range and description come from its metadata, converted by src/units into the unit a person
 * reads on the slider (µA/cm² rather than mA/cm², nm/s rather than cm/s). A screen chooses only the teaching range
 * (inside the catalogue's range), the step and the label. `toCanonical` turns the slider's value back into the
 * catalogue's unit for the model, so there is one conversion and it is the units layer's.
 */
import { findMechanism } from '../../../src/mechanisms/catalogue.js';
import { CANONICAL_UNITS, parseQuantity, type QuantityKind } from '../../../src/units/index.js';
import type { NumberSpec } from '../params.js';

export interface ParameterSliderOptions {
  /** The slider's key (URL and control id). */
  readonly key: string;
  readonly label: string;
  /** The unit shown, as a person writes it (e.g. "µA/cm²"). */
  readonly unit: string;
  /** The same unit as the units layer reads it (e.g. "uA/cm2"). */
  readonly parseUnit: string;
  /** The teaching range, in the shown unit; clipped to the catalogue's range. */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly log?: boolean;
  readonly digits?: number;
  /** A default other than the catalogue's (in the shown unit), with the reason in `help`. */
  readonly default?: number;
  /** Extra help after the catalogue's description. */
  readonly help?: string;
}

/** A slider spec for a mechanism parameter, plus the factor from the shown unit to the catalogue's unit. */
export interface ParameterSlider {
  readonly spec: NumberSpec;
  readonly mechanism: string;
  readonly parameter: string;
  /** Multiply a slider value by this to get the catalogue's (canonical) unit. */
  readonly toCanonicalFactor: number;
  toCanonical(value: number): number;
}

function kindOfCanonicalUnit(unit: string): QuantityKind {
  const entry = (Object.entries(CANONICAL_UNITS) as [QuantityKind, string][]).find(([, canonical]) => canonical === unit);
  if (!entry) throw new Error(`parameter unit ${unit} is not a canonical unit of src/units`);
  return entry[0];
}

/** Rounds away floating-point noise of a unit conversion (e.g. 1.4999999999 -> 1.5). */
const clean = (value: number) => Number(value.toPrecision(12));

export function parameterSlider(mechanism: string, parameter: string, options: ParameterSliderOptions): ParameterSlider {
  const definition = findMechanism(mechanism)?.parameters.find((candidate) => candidate.name === parameter);
  if (!definition) throw new Error(`the catalogue has no parameter ${parameter} of mechanism ${mechanism}`);
  const kind = kindOfCanonicalUnit(definition.unit);
  const factor = parseQuantity(`1 ${options.parseUnit}`, kind, options.key);
  const lowest = definition.minimum / factor;
  const highest = definition.maximum / factor;
  const min = clean(Math.max(options.min, options.log ? Math.max(lowest, Number.MIN_VALUE) : lowest));
  const max = clean(Math.min(options.max, highest));
  const fallback = clean(definition.defaultValue / factor);
  const chosen = options.default ?? fallback;
  const help = [`${definition.description[0].toUpperCase()}${definition.description.slice(1)}${definition.target ? ` (drug target: ${definition.target})` : ''}.`, options.help].filter(Boolean).join(' ');
  const spec: NumberSpec = {
    kind: 'number',
    key: options.key,
    label: options.label,
    unit: options.unit,
    min,
    max,
    step: options.step,
    default: Math.min(max, Math.max(min, chosen)),
    log: options.log,
    digits: options.digits,
    help,
  };
  return { spec, mechanism, parameter, toCanonicalFactor: factor, toCanonical: (value: number) => value * factor };
}
