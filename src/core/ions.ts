/**
 * Ion species: symbol, name and valence (charge number z). Lookup is case-insensitive and accepts a written
 * charge (`K+`, `Cl-`, `Ca2+`, `Ca++`, `HCO3-`) or the name (`potassium`).
 */
import { describeValue, InputError } from '../units/index.js';
import { requireValence } from './validation.js';

/** An ion species. `valence` is the charge number z (e.g. +2 for Ca2+). */
export interface IonSpecies {
  readonly symbol: string;
  readonly name: string;
  readonly valence: number;
}

/** The known ion species (IUPAC charge numbers). */
export const ION_SPECIES: readonly IonSpecies[] = Object.freeze([
  { symbol: 'K', name: 'potassium', valence: 1 },
  { symbol: 'Na', name: 'sodium', valence: 1 },
  { symbol: 'Cl', name: 'chloride', valence: -1 },
  { symbol: 'Ca', name: 'calcium', valence: 2 },
  { symbol: 'Mg', name: 'magnesium', valence: 2 },
  { symbol: 'H', name: 'hydrogen', valence: 1 },
  { symbol: 'HCO3', name: 'bicarbonate', valence: -1 },
].map((ion) => Object.freeze(ion)));

function findSpecies(text: string): IonSpecies | undefined {
  const lower = text.toLowerCase();
  return ION_SPECIES.find((ion) => ion.symbol.toLowerCase() === lower || ion.name.toLowerCase() === lower);
}

/**
 * The readings of a written charge at the end of the text: `Ca2+` -> (Ca, +2); `Cl-` -> (Cl, -1);
 * `Ca++` -> (Ca, +2); `HCO3-` -> (HCO3, -1), and also (HCO, -3), which matches no species.
 */
function chargeReadings(text: string): { base: string; charge: number }[] {
  const readings: { base: string; charge: number }[] = [];
  // The run of one sign at the end, found by a scan: a regular expression here (/^(.+?)(\++|-+)$/) took time
  // quadratic in the length, half a minute for a 120 kB argument.
  const last = text[text.length - 1];
  if (last !== '+' && last !== '-') return readings;
  let start = text.length;
  while (start > 0 && text[start - 1] === last) start--;
  if (start === 0) return readings;
  const base = text.slice(0, start);
  const count = text.length - start;
  const sign = last === '+' ? 1 : -1;
  readings.push({ base, charge: sign * count });
  const digit = base[base.length - 1];
  const before = base[base.length - 2];
  if (count === 1 && digit !== undefined && digit >= '0' && digit <= '9' && before !== undefined && /[A-Za-z]/.test(before)) {
    readings.push({ base: base.slice(0, -1), charge: sign * Number(digit) });
  }
  return readings;
}

/**
 * Looks an ion up by symbol or name, case-insensitive, with an optional written charge (`Ca2+`).
 * A given `valence` overrides the table (or defines an ion not in the table).
 *
 * @throws InputError (field `ion`) for an unknown ion without a valence or a written charge that contradicts
 *   the table; (field `valence`) for a valence that is zero or not an integer.
 */
export function lookupIon(symbol: string, valence?: number): IonSpecies {
  if (valence !== undefined) requireValence('valence', valence);
  if (typeof symbol !== 'string' || symbol.trim() === '') {
    throw new InputError('ion', describeValue(symbol), 'an ion symbol or name such as "K", "Na+", "Cl-", "Ca2+"');
  }
  const text = symbol.trim();
  const known = findSpecies(text);
  if (known) return valence === undefined ? known : { ...known, valence };
  const readings = chargeReadings(text);
  for (const { base, charge } of readings) {
    const species = findSpecies(base);
    if (species === undefined) continue;
    if (valence !== undefined) return { ...species, valence };
    if (charge !== species.valence) {
      throw new InputError('ion', describeValue(symbol), `a charge matching ${species.name} (valence ${species.valence})`);
    }
    return species;
  }
  // An ion not in the table: its valence comes from the argument, or from an unambiguous written charge
  // (letters, then one digit and a sign as in "La3+", or only signs as in "NMDG+" or "Ba++").
  const unambiguous = readings.filter(({ base }) => /^[A-Za-z]*[A-Za-z]$/.test(base));
  const reading = unambiguous[unambiguous.length - 1];
  if (valence !== undefined) return { symbol: reading?.base ?? text, name: reading?.base ?? text, valence };
  if (reading !== undefined && Math.abs(reading.charge) <= 10) {
    return { symbol: reading.base, name: reading.base, valence: reading.charge };
  }
  throw new InputError(
    'ion',
    describeValue(symbol),
    `a known ion (${ION_SPECIES.map((ion) => ion.symbol).join(', ')}), or any ion with its valence given or its charge written (e.g. "La3+")`,
  );
}
