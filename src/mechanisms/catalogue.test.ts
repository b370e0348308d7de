import { describe, expect, it } from 'vitest';
import { findMechanism, parameterUnits } from './catalogue.js';

describe('catalogue lookups by a name from a file never reach Object.prototype', () => {
  it('parameterUnits(): hh.gnabar is S/cm2; "constructor", "toString" and "__proto__" are undefined at both levels', () => {
    const units = parameterUnits();
    expect(units.hh.gnabar).toBe('S/cm2');
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(units[name], name).toBeUndefined();
      expect(units.hh[name], `hh.${name}`).toBeUndefined();
    }
  });

  it('findMechanism("constructor") and findMechanism("toString") find nothing', () => {
    expect(findMechanism('constructor')).toBeUndefined();
    expect(findMechanism('toString')).toBeUndefined();
    expect(findMechanism('hh')?.name).toBe('hh');
  });
});
