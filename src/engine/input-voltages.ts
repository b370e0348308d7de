/**
 * Voltages that a model sets directly (each cell's initial voltage, each voltage-clamp level) must lie in a range a
 * membrane can hold; beyond it they are bad input (InputError, exit 2), not a numerical instability.
 */
import type { Model } from '../model/types.js';
import { InputError } from '../units/errors.js';
import { VOLTAGE_LIMIT } from './voltage-limit.js';

/**
 * Largest |V| (mV) allowed in a clamp command or an initial voltage: half the run-time stop (VOLTAGE_LIMIT,
 * 1000 mV). A lipid bilayer breaks down (electroporation) at a few hundred mV and clamp protocols stay within about
 * +-200 mV, so 500 mV leaves room for any experiment; and being below the run-time stop, an input can never trip
 * that stop by itself (which would be reported as "numerically unstable, try a smaller time step").
 */
export const INPUT_VOLTAGE_LIMIT = VOLTAGE_LIMIT / 2;

/**
 * A voltage for the message, close to how it is usually typed: large and tiny magnitudes in exponent form without
 * "+" (1e6 mV, not 1000000 mV). The model holds the converted number only, so a value typed in volts shows in mV.
 */
function shownMillivolts(v: number): string {
  const magnitude = Math.abs(v);
  const text = magnitude >= 1e5 || (magnitude > 0 && magnitude < 1e-3) ? v.toExponential().replace('e+', 'e') : String(v);
  return `${text} mV`;
}

/** Throws InputError naming the first initial voltage or clamp level beyond +-INPUT_VOLTAGE_LIMIT. */
export function checkInputVoltages(model: Model): void {
  const allowed = `a membrane potential within ±${INPUT_VOLTAGE_LIMIT} mV (no membrane holds more)`;
  model.cells.forEach((cell, index) => {
    const v = cell.membrane.initialVoltage;
    if (!(Math.abs(v) <= INPUT_VOLTAGE_LIMIT)) throw new InputError(`cells[${index}].membrane.initialVoltage`, shownMillivolts(v), allowed);
  });
  model.stimuli.forEach((stimulus, index) => {
    if (stimulus.kind !== 'voltage-clamp') return;
    stimulus.levels.forEach((level, k) => {
      if (!(Math.abs(level.voltage) <= INPUT_VOLTAGE_LIMIT)) {
        throw new InputError(`stimuli[${index}].levels[${k}].voltage`, shownMillivolts(level.voltage), allowed);
      }
    });
  });
}
