import { ZERO_CELSIUS } from './constants.js';

/**
 * Converts a Celsius temperature to kelvin: T[K] = t[degC] + 273.15 (SI Brochure, 9th ed., BIPM 2019, 2.3.1).
 * No range check: the caller decides what is physical.
 */
export function celsiusToKelvin(temperatureCelsius: number): number {
  return temperatureCelsius + ZERO_CELSIUS;
}

/**
 * Converts a kelvin temperature to Celsius: t[degC] = T[K] - 273.15 (SI Brochure, 9th ed., BIPM 2019, 2.3.1).
 * No range check: the caller decides what is physical.
 */
export function kelvinToCelsius(temperature: number): number {
  return temperature - ZERO_CELSIUS;
}
