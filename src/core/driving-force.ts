/**
 * Driving force and the direction of passive ion flow.
 * Reference: Hille, "Ion Channels of Excitable Membranes", 3rd ed. (2001), ch. 1 (I = g (V − E));
 * Kandel et al., "Principles of Neural Science", 5th ed. (2013), ch. 6.
 */
import { nernstPotential } from './nernst.js';
import { requireConcentration, requireObject, requireTemperature, requireValence, requireVoltage } from './validation.js';

/**
 * Electrochemical driving force, mV: V_m − E. Positive means an outward conventional current through a
 * conductance (I = g (V_m − E)). Reference: Hille 2001, ch. 1.
 *
 * @param voltage  membrane potential, mV.
 * @param reversal reversal potential, mV.
 * @throws InputError naming `voltage` or `reversal`.
 */
export function drivingForce(voltage: number, reversal: number): number {
  requireVoltage('voltage', voltage);
  requireVoltage('reversal', reversal);
  return voltage - reversal;
}

/** Inputs of ionFlow: valence, concentrations (mM), membrane potential (mV), temperature (K). */
export interface IonFlowInput {
  readonly valence: number;
  readonly inside: number;
  readonly outside: number;
  readonly voltage: number;
  readonly temperature: number;
}

/** Which way the ions move, and which way the conventional current flows. */
export interface IonFlow {
  /** Nernst potential, mV. */
  readonly reversal: number;
  /** V_m − E, mV. */
  readonly drivingForce: number;
  readonly ionDirection: 'into the cell' | 'out of the cell' | 'none';
  readonly currentDirection: 'inward' | 'outward' | 'none';
}

/** Driving forces this small (relative to the potentials, or 1e-9 mV) count as zero: floating-point noise. */
const ZERO_DRIVING_FORCE = 1e-9;

/**
 * Direction of passive flow of one ion through an open channel. Outward current (V_m > E) carries cations out
 * of the cell but anions into it (an anion entering is an outward conventional current).
 * Formula: E = (RT/zF) ln(c_out/c_in); driving force V_m − E; |V_m − E| <= 1e-9 × max(1, |V_m|, |E|) mV is 'none'.
 * Reference: Hille 2001, ch. 1; Kandel et al. 2013, ch. 6.
 *
 * @throws InputError naming `valence`, `inside`, `outside`, `voltage` or `temperature`.
 */
export function ionFlow(input: IonFlowInput): IonFlow {
  requireObject('input', input);
  const valence = requireValence('valence', input.valence);
  requireConcentration('inside', input.inside);
  requireConcentration('outside', input.outside);
  const voltage = requireVoltage('voltage', input.voltage);
  requireTemperature('temperature', input.temperature);
  const reversal = nernstPotential(input);
  const force = voltage - reversal;
  if (Math.abs(force) <= ZERO_DRIVING_FORCE * Math.max(1, Math.abs(voltage), Math.abs(reversal))) {
    return { reversal, drivingForce: force, ionDirection: 'none', currentDirection: 'none' };
  }
  const outward = force > 0;
  const ionsLeave = outward === valence > 0;
  return {
    reversal,
    drivingForce: force,
    ionDirection: ionsLeave ? 'out of the cell' : 'into the cell',
    currentDirection: outward ? 'outward' : 'inward',
  };
}
