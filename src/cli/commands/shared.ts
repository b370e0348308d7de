/** Small pieces shared by several subcommands: the temperature option and its JSON fields. */
import type { Command } from 'commander';
import { kelvinToCelsius } from '../../units/index.js';
import { num } from '../output.js';

/** The default temperature of every calculator (mammalian body temperature). */
export const DEFAULT_TEMPERATURE = '37degC';

/** Adds `--temperature <T>` with its default. */
export function addTemperatureOption(command: Command, fallback = DEFAULT_TEMPERATURE): Command {
  return command.option('-T, --temperature <T>', 'temperature, in K or degC ("310.15 K", "37degC", "37C")', fallback);
}

/** Rounds away float noise from a unit conversion (310.15 K - 273.15 = 37.00000000000006). */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** The JSON fields for a temperature given in K. */
export function temperatureFields(kelvin: number): { temperature_K: number; temperature_degC: number } {
  return { temperature_K: kelvin, temperature_degC: tidy(kelvinToCelsius(kelvin)) };
}

/** "310.15 K (37 degC)" */
export function temperatureText(kelvin: number): string {
  return `${num(kelvin, 6)} K (${num(tidy(kelvinToCelsius(kelvin)), 4)} degC)`;
}

/** "+1", "-1", "+2" */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** The ion written with its charge: K+, Cl-, Ca2+, HCO3-. */
export function ionWithCharge(symbol: string, valence: number): string {
  const sign = valence > 0 ? '+' : '-';
  const magnitude = Math.abs(valence);
  return `${symbol}${magnitude === 1 ? '' : magnitude}${sign}`;
}
