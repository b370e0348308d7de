import { describe, expect, it } from 'vitest';
import { expectUsageError, membrane, membraneJson, thermalMillivolts } from './run.js';

const THREE_IONS = ['--ion', 'K:in=140mM,out=5mM,p=1', '--ion', 'Na:in=12mM,out=145mM,p=0.04', '--ion', 'Cl:in=10mM,out=110mM,p=0.45'];

describe('membrane ghk', () => {
  it('ghk --temperature 20degC with K, Na, Cl (1 : 0.04 : 0.45) gives Vm_mV = -63.6 (within 0.001 mV) and each Nernst potential', () => {
    const result = membraneJson(['ghk', '--temperature', '20degC', ...THREE_IONS]);
    const vt = thermalMillivolts(293.15);
    const expected = vt * Math.log((1 * 5 + 0.04 * 145 + 0.45 * 10) / (1 * 140 + 0.04 * 12 + 0.45 * 110));
    expect(expected).toBeCloseTo(-63.64, 1);
    expect(Math.abs(result.Vm_mV - expected)).toBeLessThan(1e-3);
    expect(Math.abs(result.nernst_mV.K - vt * Math.log(5 / 140))).toBeLessThan(1e-3);
    expect(result.nernst_mV.K).toBeCloseTo(-84.2, 1);
    expect(Math.abs(result.nernst_mV.Na - vt * Math.log(145 / 12))).toBeLessThan(1e-3);
    expect(Math.abs(result.nernst_mV.Cl + vt * Math.log(110 / 10))).toBeLessThan(1e-3);
    expect(result.temperature_K).toBe(293.15);
    expect(result.method).toBe('closed form');
    expect(result.ions.map((ion: { ion: string }) => ion.ion)).toEqual(['K', 'Na', 'Cl']);
  });

  it('with Ca2+ (z=2) the zero of the summed GHK currents is found: Σ z P (c_in − c_out e^(−zu))·z/(1 − e^(−zu)) = 0 at Vm', () => {
    const result = membraneJson(['ghk', '--ion', 'K:in=140mM,out=5mM,p=1', '--ion', 'Ca:in=100nM,out=2mM,p=0.5']);
    expect(result.method).toBe('numeric');
    const vt = thermalMillivolts(310.15);
    // Independent check: the GHK current (Hille eq. 14.5, up to the common factor F²/RT) sums to ~0 at Vm.
    const current = (z: number, p: number, cin: number, cout: number, v: number) => {
      const u = (z * v) / vt;
      return p * z * z * v * ((cin - cout * Math.exp(-u)) / (1 - Math.exp(-u)));
    };
    const at = (v: number) => current(1, 1, 140, 5, v) + current(2, 0.5, 1e-4, 2, v);
    expect(Math.abs(at(result.Vm_mV))).toBeLessThan(1e-6);
    expect(at(result.Vm_mV - 0.01)).toBeLessThan(0);
    expect(at(result.Vm_mV + 0.01)).toBeGreaterThan(0);
    expect(Math.abs(result.nernst_mV.Ca - (vt / 2) * Math.log(2 / 1e-4))).toBeLessThan(1e-3);
  });

  it('--preset squid-giant-axon uses the preset temperature (20 degC) and gives -59.9 mV', () => {
    const result = membraneJson(['ghk', '--preset', 'squid-giant-axon']);
    const vt = thermalMillivolts(293.15);
    expect(result.temperature_K).toBe(293.15);
    const expected = vt * Math.log((20 + 0.04 * 440 + 0.45 * 52) / (400 + 0.04 * 50 + 0.45 * 560));
    expect(Math.abs(result.Vm_mV - expected)).toBeLessThan(1e-3);
    expect(result.preset).toBe('squid-giant-axon');
  });

  it('--preset with an --ion override changes just that field (Na p=0.5 depolarises)', () => {
    const base = membraneJson(['ghk', '--preset', 'squid-giant-axon']);
    const raised = membraneJson(['ghk', '--preset', 'squid-giant-axon', '--ion', 'Na:p=0.5', '--temperature', '20degC']);
    expect(raised.Vm_mV).toBeGreaterThan(base.Vm_mV + 10);
    expect(raised.ions.find((ion: { ion: string }) => ion.ion === 'Na').inside_mM).toBe(50);
  });

  it('text output shows the formula with the numbers', () => {
    const result = membrane(['ghk', '--temperature', '20degC', ...THREE_IONS]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('25.26 mV × ln((1×5 + 0.04×145 + 0.45×10) / (1×140 + 0.04×12 + 0.45×110))');
    expect(result.stdout).toContain('= -63.64 mV');
  });

  describe('bad input', () => {
    it.each([
      [['--ion', 'K:in=-5mM,out=5mM,p=1'], ['--ion', '-5mM']],
      [['--ion', 'K:in=0mM,out=5mM,p=1'], ['--ion', '0mM']],
      [['--ion', 'K:in=abc,out=5mM,p=1'], ['--ion', 'abc']],
      [['--ion', 'K:in=5mV,out=5mM,p=1'], ['--ion', '5mV']],
      [['--ion', 'K:in=140mM,out=5mM,p=-1'], ['--ion', 'p=-1']],
      [['--ion', 'K:in=140mM,out=5mM,p=1,z=0'], ['--ion', 'z=0']],
      [['--ion', 'Xq:in=1mM,out=5mM,p=1'], ['--ion', 'Xq']],
      [['--ion', 'K:in=140mM,p=1'], ['--ion', 'K:in=140mM,p=1']],
      [['--ion', 'K:in=140mM,out=5mM,q=1'], ['--ion', 'q=1']],
      [['--ion', 'K;in=140mM'], ['--ion', 'K;in=140mM']],
      [['--ion', 'K:in=140mM,out=5mM,p=1', '--temperature', '-1K'], ['--temperature', '-1K']],
      [['--ion', 'K:in=140mM,out=5mM,p=1', '--ion', 'K:in=1mM,out=5mM,p=1'], ['--ion', 'K:in=1mM,out=5mM,p=1']],
      [['--ion', 'K:in=140mM,out=5mM,p=0'], ['--ion']],
      [['--preset', 'nowhere'], ['--preset', 'nowhere']],
      [[], ['--ion']],
      [['--ion'], ['--ion']],
    ])('ghk %j', (args, mentions) => {
      expectUsageError(['ghk', ...args], mentions);
    });
  });
});
