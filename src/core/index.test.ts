import { describe, expect, it } from 'vitest';
import * as core from './index.js';
import * as units from '../units/index.js';

describe('index re-exports', () => {
  it('src/core/index exports every public function', () => {
    for (const name of [
      'lookupIon', 'thermalVoltage', 'nernstPotential', 'ghkPotential', 'ghkPotentialNumeric', 'ghkCurrentDensity',
      'ghkTotalCurrentDensity', 'drivingForce', 'ionFlow', 'transferFreeEnergy', 'ionEntryFreeEnergy',
      'pumpCycleFreeEnergy', 'chordPotential', 'equivalentCircuit', 'chargeSeparation', 'sphereGeometry',
      'cylinderGeometry', 'membraneField', 'electrogenicPumpPotential', 'mullinsNodaPotential', 'q10Factor', 'findPreset',
    ]) {
      expect(typeof (core as Record<string, unknown>)[name], name).toBe('function');
    }
  });
  it('src/units/index exports constants, errors, kinds, quantity and temperature', () => {
    for (const name of ['parseQuantity', 'formatQuantity', 'celsiusToKelvin', 'kelvinToCelsius', 'InputError', 'describeValue']) {
      expect(typeof (units as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(units.FARADAY).toBeCloseTo(96485.33212, 5);
    expect(units.CANONICAL_UNITS.voltage).toBe('mV');
  });
});
