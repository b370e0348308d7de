/**
 * NeuroML2 ion channels to Membrane channel definitions (channels as data, in the model-file shape with canonical
 * numbers). Supported: `ionChannelHH`, `ionChannel` (type ionChannelHH or ionChannelPassive), `ionChannelPassive`;
 * gates `gateHHrates` (forwardRate/reverseRate) and `gateHHtauInf` (steadyState/timeCourse), also written as
 * `<gate type="...">`; rate types HHExpRate, HHSigmoidRate, HHExpLinearRate; steady states HHExpVariable,
 * HHSigmoidVariable, HHExpLinearVariable; time course fixedTimeCourse; `q10Settings` q10ExpTemp and q10Fixed.
 */
import type { IonName } from '../model/types.js';
import { neuromlQuantity, optionalQuantity } from './neuroml-units.js';
import { elementError, type XmlElement } from './neuroml-xml.js';

export const CHANNEL_ELEMENTS = ['ionChannelHH', 'ionChannel', 'ionChannelPassive'] as const;
const GATE_TYPES = ['gateHHrates', 'gateHHtauInf'];
const IGNORED = new Set(['notes', 'annotation', 'property']);

const RATE_FORMS: Readonly<Record<string, 'exponential' | 'sigmoid' | 'exp-linear'>> = {
  HHExpRate: 'exponential', HHSigmoidRate: 'sigmoid', HHExpLinearRate: 'exp-linear',
};
const VARIABLE_FORMS: Readonly<Record<string, 'exponential' | 'sigmoid' | 'exp-linear'>> = {
  HHExpVariable: 'exponential', HHSigmoidVariable: 'sigmoid', HHExpLinearVariable: 'exp-linear',
};

export type RawRate =
  | { form: 'exponential' | 'sigmoid' | 'exp-linear'; rate: number; midpoint: number; scale: number }
  | { form: 'constant'; rate: number };

export type RawGate =
  | { name: string; power: number; alpha: RawRate; beta: RawRate }
  | { name: string; power: number; steadyState: RawRate; timeConstant: RawRate };

/** Q10 of a channel's rates: factor per 10 degC and the temperature (K) at which the rates hold. */
export type Q10 = { kind: 'exp-temp'; q10: number; temperature: number } | { kind: 'fixed'; factor: number };

export interface NeuroMLChannel {
  readonly id: string;
  readonly element: XmlElement;
  readonly species?: IonName;
  readonly gates: readonly RawGate[];
  readonly q10?: Q10;
}

const IONS: readonly string[] = ['na', 'k', 'ca', 'cl'];

/** `na`, `k`, `ca`, `cl`, or undefined for non_specific (or any other species, carried with its own erev). */
export function ionOf(species: string | undefined): IonName | undefined {
  return species !== undefined && IONS.includes(species) ? (species as IonName) : undefined;
}

function rateOf(element: XmlElement, forms: Readonly<Record<string, 'exponential' | 'sigmoid' | 'exp-linear'>>, rateDimension: 'rate' | 'dimensionless'): RawRate {
  const type = element.attributes.type;
  const form = type !== undefined && Object.hasOwn(forms, type) ? forms[type] : undefined; // never a prototype property ("toString")
  if (form === undefined) {
    throw elementError(element, 'type', type ?? 'nothing', `one of ${Object.keys(forms).join(', ')} (other rate types, e.g. custom LEMS ComponentTypes, are not supported)`);
  }
  const rate = rateDimension === 'rate' ? neuromlQuantity(element, 'rate', 'rate') : neuromlQuantity(element, 'rate', 'dimensionless', { unitless: 'dimensionless' });
  const scale = neuromlQuantity(element, 'scale', 'voltage');
  if (scale === 0) throw elementError(element, 'scale', element.attributes.scale, 'a non-zero voltage such as "10mV"');
  return { form, rate, midpoint: neuromlQuantity(element, 'midpoint', 'voltage'), scale };
}

function only(gate: XmlElement, name: string): XmlElement {
  const found = gate.children.filter((child) => child.name === name);
  if (found.length !== 1) throw elementError(gate, '', `${found.length} <${name}> elements`, `exactly one <${name}> in a ${gate.attributes.type ?? gate.name}`);
  return found[0];
}

function gateOf(gate: XmlElement): { gate: RawGate; q10?: Q10 } {
  const type = gate.name === 'gate' ? gate.attributes.type : gate.name;
  if (type === undefined || !GATE_TYPES.includes(type)) {
    throw elementError(gate, '', type ?? 'a gate without a type', `a gate of type ${GATE_TYPES.join(' or ')} (gateHHratesInf, gateHHratesTau, gateHHratesTauInf, gateKS and gateFractional are not supported)`);
  }
  const name = gate.attributes.id;
  if (name === undefined || !/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(name)) throw elementError(gate, 'id', name ?? 'nothing', 'a gate id of letters, digits, _ and -');
  const instances = gate.attributes.instances ?? '1';
  const power = Number(instances);
  if (!Number.isInteger(power) || power < 1) throw elementError(gate, 'instances', instances, 'a positive whole number');
  let q10: Q10 | undefined;
  for (const child of gate.children) {
    if (IGNORED.has(child.name) || ['forwardRate', 'reverseRate', 'steadyState', 'timeCourse'].includes(child.name)) continue;
    if (child.name === 'q10Settings') {
      q10 = q10Of(child);
      continue;
    }
    throw elementError(child, '', `<${child.name}>`, `inside ${type}: ${type === 'gateHHrates' ? 'forwardRate, reverseRate' : 'steadyState, timeCourse'}, q10Settings, notes`);
  }
  if (type === 'gateHHrates') {
    return { gate: { name, power, alpha: rateOf(only(gate, 'forwardRate'), RATE_FORMS, 'rate'), beta: rateOf(only(gate, 'reverseRate'), RATE_FORMS, 'rate') }, q10 };
  }
  const course = only(gate, 'timeCourse');
  if (course.attributes.type !== 'fixedTimeCourse') {
    throw elementError(course, 'type', course.attributes.type ?? 'nothing', 'fixedTimeCourse with tau="..ms" (other time courses are not supported)');
  }
  const timeConstant: RawRate = { form: 'constant', rate: neuromlQuantity(course, 'tau', 'time') };
  return { gate: { name, power, steadyState: rateOf(only(gate, 'steadyState'), VARIABLE_FORMS, 'dimensionless'), timeConstant }, q10 };
}

function q10Of(element: XmlElement): Q10 {
  const type = element.attributes.type;
  if (type === 'q10ExpTemp') {
    return { kind: 'exp-temp', q10: neuromlQuantity(element, 'q10Factor', 'dimensionless', { unitless: 'dimensionless' }), temperature: neuromlQuantity(element, 'experimentalTemp', 'temperature') };
  }
  if (type === 'q10Fixed') return { kind: 'fixed', factor: neuromlQuantity(element, 'fixedQ10', 'dimensionless', { unitless: 'dimensionless' }) };
  throw elementError(element, 'type', type ?? 'nothing', 'q10ExpTemp (q10Factor, experimentalTemp) or q10Fixed (fixedQ10)');
}

/** Reads one channel element (one of CHANNEL_ELEMENTS). */
export function readChannel(element: XmlElement): NeuroMLChannel {
  const id = element.attributes.id;
  if (id === undefined || !/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(id)) throw elementError(element, 'id', id ?? 'nothing', 'a channel id of letters, digits, _ and -');
  const type = element.name === 'ionChannel' ? (element.attributes.type ?? 'ionChannelHH') : element.name === 'ionChannelHH' ? (element.attributes.type ?? 'ionChannelHH') : element.name;
  if (type !== 'ionChannelHH' && type !== 'ionChannelPassive') {
    throw elementError(element, 'type', type, 'ionChannelHH or ionChannelPassive (kinetic-scheme and other channel types are not supported)');
  }
  // The single-channel conductance only matters for channelPopulation (a number of channels); checked there.
  if (element.attributes.conductance !== undefined) optionalQuantity(element, 'conductance', 'conductance', 0);
  const gates: RawGate[] = [];
  const q10s: Q10[] = [];
  for (const child of element.children) {
    if (IGNORED.has(child.name)) continue;
    if (child.name.startsWith('gate')) {
      if (type === 'ionChannelPassive') throw elementError(child, '', `<${child.name}>`, 'no gates in a passive channel');
      const { gate, q10 } = gateOf(child);
      gates.push(gate);
      if (q10) q10s.push(q10);
      continue;
    }
    throw elementError(child, '', `<${child.name}>`, `inside ${element.name}: gates (${GATE_TYPES.join(', ')}, or <gate type="...">) and notes`);
  }
  const [q10] = q10s;
  if (q10s.length > 0 && (q10s.length !== gates.length || q10s.some((other) => JSON.stringify(other) !== JSON.stringify(q10)))) {
    throw elementError(element, 'q10Settings', `${q10s.length} settings on ${gates.length} gates`, 'the same q10Settings on every gate of the channel (or none)');
  }
  return { id, element, species: ionOf(element.attributes.species), gates, q10 };
}
