/**
 * Temperature scaling of rates by a Q10 coefficient.
 * Reference: Hodgkin & Huxley, J. Physiol. 117:500 (1952), rates at 6.3 degC scaled by 3^((T − 6.3)/10);
 * Hille 2001, ch. 17.
 */
import { describeValue, InputError } from '../units/index.js';
import { requireObject, requirePositive, requireTemperature } from './validation.js';

/** Inputs of q10Factor; temperatures in kelvin. */
export interface Q10Input {
  /** Rate ratio per 10 K (= per 10 degC) of warming, > 0 (e.g. 3 for HH gating). */
  readonly q10: number;
  /** Temperature at which the rate is wanted, K. */
  readonly temperature: number;
  /** Temperature at which the rate was measured, K (HH: 279.45 K = 6.3 degC). */
  readonly referenceTemperature: number;
}

/**
 * Rate multiplier φ = Q10^((T − T_ref) / 10), temperatures in K (a difference in K equals one in degC).
 * HH at 6.3 degC reference, Q10 = 3: φ = 1 at 6.3 degC, 3 at 16.3 degC, 3^3.07 = 29.2 at 37 degC.
 * Reference: Hodgkin & Huxley 1952; Hille 2001, ch. 17.
 *
 * @throws InputError naming `q10` (> 0), `temperature` or `referenceTemperature` (0 < T <= 1e4 K), or `temperature`
 *   when the factor would overflow.
 */
export function q10Factor(input: Q10Input): number {
  requireObject('input', input);
  const q10 = requirePositive('q10', input.q10, 'a Q10 > 0 (e.g. 3)');
  const temperature = requireTemperature('temperature', input.temperature);
  const reference = requireTemperature('referenceTemperature', input.referenceTemperature);
  const exponent = ((temperature - reference) / 10) * Math.log(q10);
  if (Math.abs(exponent) > 700) {
    throw new InputError('temperature', describeValue(temperature), 'a temperature close enough to the reference that the Q10 factor is finite and non-zero');
  }
  return Math.pow(q10, (temperature - reference) / 10);
}
