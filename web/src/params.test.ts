/**
 * The URL parser of the lab: any address opens a working state. A fast-check property feeds it 10 000 random
 * addresses (arbitrary text with percent sequences, "?", "&", "=", unicode, and mutations of valid links).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHash, isValidValue, parseDecimal, parseHash, resolveHash, sanitise, type NumberSpec, type ParamSpec, type ParamValues, type ScreenSpecs } from './params.js';
import { AP_SPECS } from './screens/action-potential/model.js';
import { PROPAGATION_SPECS } from './screens/propagation/model.js';
import { PUMP_SPECS } from './screens/pump/model.js';
import { RESTING_SPECS } from './screens/resting/model.js';
import { SYNAPSE_SPECS } from './screens/synapses/model.js';

const SCREENS: readonly ScreenSpecs[] = [
  { id: 'resting', specs: RESTING_SPECS },
  { id: 'action-potential', specs: AP_SPECS },
  { id: 'propagation', specs: PROPAGATION_SPECS },
  { id: 'synapses', specs: SYNAPSE_SPECS },
  { id: 'pump', specs: PUMP_SPECS },
];
const specOf = (screen: string, key: string) => SCREENS.find((s) => s.id === screen)!.specs.find((spec) => spec.key === key) as NumberSpec;
const count = specOf('action-potential', 'count');

/** What the shell shows for an address: the screen and every value (defaults where the URL gave none). */
function stateOf(hash: string): { screen: string; values: ParamValues } {
  const resolved = resolveHash(hash, SCREENS);
  const specs = SCREENS.find((s) => s.id === resolved.screen)!.specs;
  return { screen: resolved.screen, values: resolved.values ?? Object.fromEntries(specs.map((spec) => [spec.key, spec.default])) };
}

describe('numbers from text', () => {
  it('accepts only plain decimal numbers, with an optional exponent', () => {
    expect(parseDecimal('2.5')).toBe(2.5);
    expect(parseDecimal('-65')).toBe(-65);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1e-3')).toBe(0.001);
    expect(parseDecimal(' 7 ')).toBe(7);
    for (const bad of ['0x10', '0b101', '0o17', 'e5', '1e', 'Infinity', '-Infinity', '', ' ', 'NaN', '1,5', '5mV', '--1', '1e5.5']) expect(parseDecimal(bad)).toBeNaN();
  });

  it('snaps to the slider step (count=2.5 is not a count), rejects hexadecimal, clamps to the range', () => {
    expect(sanitise(count, '2.5')).toBe(3);
    expect(sanitise(count, '0x10')).toBe(count.default);
    expect(sanitise(count, '1e999')).toBe(count.max);
    expect(sanitise(count, '-1e999')).toBe(count.min);
    const amplitude = specOf('action-potential', 'amplitude');
    expect(sanitise(amplitude, '0.1234')).toBe(0.125);
    expect(sanitise(amplitude, '0.3')).toBe(0.3); // no 0.30000000000000004
  });

  it('snaps log sliders in log units, keeps the default and "none"', () => {
    const ttx = specOf('action-potential', 'ttx');
    expect(sanitise(ttx, '10')).toBe(10);
    expect(sanitise(ttx, '3.6')).toBe(3.63); // 10^(−2 + 256 × 0.01) to 3 digits
    expect(sanitise(ttx, '0')).toBe(0);
    expect(sanitise(ttx, '-5')).toBe(0);
    const pNa = specOf('resting', 'p_na');
    expect(sanitise(pNa, String(pNa.default))).toBe(pNa.default); // 0.05 is off the log grid but is the default
    expect(sanitise(pNa, '0.0502')).toBe(0.0501);
  });
});

describe('addresses', () => {
  it('reads malformed percent-encoding, unknown screens and repeated "?" without throwing', () => {
    expect(() => parseHash('#%')).not.toThrow();
    expect(resolveHash('#%', SCREENS).screen).toBe('resting');
    expect(resolveHash('#nowhere?x=1', SCREENS)).toEqual({ screen: 'resting', values: undefined, knownScreen: false });
    const odd = stateOf('#action-potential?count=0x10&%zz');
    expect(odd.screen).toBe('action-potential');
    expect(odd.values.count).toBe(count.default);
    const repeated = stateOf('#action-potential??count=2.5?mode=train');
    expect(repeated.values).toMatchObject({ count: 3, mode: 'train' });
    expect(formatHash('action-potential', AP_SPECS, repeated.values)).toContain('count=3&');
    expect(parseHash('#synapses?__proto__=1&kind=inhibitory').values.__proto__).toBe('1');
  });

  it('opens a working state for 10 000 random addresses: known screen, values valid, finite, on the step grid, a fixed point', () => {
    const valid = SCREENS.map(({ id, specs }) => formatHash(id, specs, Object.fromEntries(specs.map((spec) => [spec.key, spec.default]))));
    const pieces = fc.constantFrom('%', '%2', '%zz', '%25', '%C3', '%C3%A9', '%E2%88%92', '?', '??', '&', '=', '#', '/', '+', '0x10', '0b1', '0o7', 'e5', '1e', 'Infinity', '-', '.', '1e999', 'NaN', ' ', 'é', '−', '😀', '\u0000');
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), pieces, fc.double().map(String), fc.integer().map(String)), { maxLength: 8 }).map((parts) => parts.join(''));
    const mutated = fc.tuple(fc.constantFrom(...valid), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), text), { maxLength: 4 })).map(([hash, edits]) =>
      edits.reduce((h, [at, remove, insert]) => {
        const position = h.length === 0 ? 0 : at % h.length;
        return h.slice(0, position) + insert + h.slice(position + remove);
      }, hash),
    );
    const keyValues = fc
      .tuple(
        fc.constantFrom(...SCREENS.map((s) => s.id), 'nowhere', '', '%'),
        fc.array(fc.tuple(fc.constantFrom(...SCREENS.flatMap((s) => s.specs.map((spec) => spec.key)), 'x'), fc.oneof(text, fc.double().map(String))), { maxLength: 6 }),
        fc.constantFrom('?', '??', '/?', '?&'),
        fc.constantFrom('&', '?', '&&'),
      )
      .map(([screen, pairs, mark, separator]) => `#${screen}${mark}${pairs.map(([k, v]) => `${k}=${v}`).join(separator)}`);
    fc.assert(
      fc.property(fc.oneof(text.map((t) => `#${t}`), mutated, keyValues), (hash) => {
        const state = stateOf(hash);
        const specs: readonly ParamSpec[] = SCREENS.find((s) => s.id === state.screen)!.specs;
        for (const spec of specs) {
          const value = state.values[spec.key];
          if (spec.kind === 'number') {
            expect(typeof value).toBe('number');
            expect(Number.isFinite(value)).toBe(true);
            const zero = spec.zeroAtMin && value === 0;
            if (!zero) {
              expect(value).toBeGreaterThanOrEqual(spec.min);
              expect(value).toBeLessThanOrEqual(spec.max);
            }
          }
          expect(isValidValue(spec, value)).toBe(true);
        }
        // The corrected address shows the same state, and correcting it again changes nothing.
        const corrected = formatHash(state.screen, specs, state.values);
        expect(stateOf(corrected)).toEqual(state);
        expect(formatHash(state.screen, specs, stateOf(corrected).values)).toBe(corrected);
      }),
      { numRuns: 10_000 },
    );
  });
});
