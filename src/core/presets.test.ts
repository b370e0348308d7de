import { describe, expect, it } from 'vitest';
import { InputError } from '../units/index.js';
import { ghkPotential } from './ghk.js';
import { lookupIon } from './ions.js';
import { nernstPotential } from './nernst.js';
import { findPreset, ION_PRESETS, presetPermeantIons } from './presets.js';

describe('ION_PRESETS', () => {
  it('every preset has a unique id, a source, a temperature in kelvin and valid ions', () => {
    expect(new Set(ION_PRESETS.map((p) => p.id)).size).toBe(ION_PRESETS.length);
    for (const preset of ION_PRESETS) {
      expect(preset.source.length).toBeGreaterThan(10);
      expect(preset.temperature).toBeGreaterThan(270);
      expect(preset.temperature).toBeLessThan(320);
      for (const ion of preset.ions) {
        const valence = lookupIon(ion.symbol).valence;
        expect(Number.isFinite(nernstPotential({ valence, inside: ion.inside, outside: ion.outside, temperature: preset.temperature }))).toBe(true);
      }
    }
  });
  it('squid giant axon GHK resting potential is -59.9 mV (Kandel: about -60 mV)', () => {
    const squid = findPreset('squid-giant-axon');
    expect(Math.abs(ghkPotential(presetPermeantIons(squid), squid.temperature) - -59.93)).toBeLessThan(0.005);
  });
  it('mammalian skeletal muscle E_K = -97.7 mV and E_Na = +66.6 mV at 37 degC (Hille Table 1.1: -98 and +67)', () => {
    const muscle = findPreset('mammalian-skeletal-muscle');
    const e = (symbol: string): number => {
      const ion = muscle.ions.find((i) => i.symbol === symbol)!;
      return nernstPotential({ valence: lookupIon(symbol).valence, inside: ion.inside, outside: ion.outside, temperature: muscle.temperature });
    };
    expect(Math.abs(e('K') - -98)).toBeLessThan(0.5);
    expect(Math.abs(e('Na') - 67)).toBeLessThan(0.5);
    expect(Math.abs(e('Cl') - -90)).toBeLessThan(0.5);
  });
  it('findPreset is case-insensitive and lists the allowed ids on an unknown id', () => {
    expect(findPreset('Squid-Giant-Axon').id).toBe('squid-giant-axon');
    try {
      findPreset('octopus');
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('preset');
      expect((error as InputError).allowed).toContain('"mammalian-neuron"');
    }
  });
  it('presetPermeantIons throws for a preset without permeabilities', () => {
    expect(() => presetPermeantIons(findPreset('mammalian-neuron'))).toThrow(InputError);
  });
  it('presets are frozen', () => {
    expect(Object.isFrozen(ION_PRESETS[0].ions[0])).toBe(true);
  });
});
