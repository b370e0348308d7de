// drive, energy, circuit, field, pump, q10, presets: figures computed here independently, with CODATA constants.
import { describe, expect, it } from 'vitest';
import { CODATA, expectUsageError, membrane, membraneJson, thermalMillivolts } from './run.js';

const vt37 = thermalMillivolts(310.15);

describe('membrane drive', () => {
  it('drive -V -70mV --preset mammalian-neuron: K+ out (+19.06 mV), Na+ in, Cl- out with inward current, Ca2+ in', () => {
    const result = membraneJson(['drive', '--voltage', '-70mV', '--preset', 'mammalian-neuron']);
    const byIon = Object.fromEntries(result.ions.map((ion: { ion: string }) => [ion.ion, ion]));
    expect(Math.abs(byIon.K.drivingForce_mV - (-70 - vt37 * Math.log(5 / 140)))).toBeLessThan(1e-3);
    expect(byIon.K).toMatchObject({ ionDirection: 'out of the cell', currentDirection: 'outward' });
    expect(byIon.Na).toMatchObject({ ionDirection: 'into the cell', currentDirection: 'inward' });
    // E_Cl = -64.1 mV: Vm < E_Cl, so inward current, carried by Cl- leaving the cell.
    expect(byIon.Cl).toMatchObject({ ionDirection: 'out of the cell', currentDirection: 'inward' });
    expect(byIon.Ca).toMatchObject({ ionDirection: 'into the cell', currentDirection: 'inward' });
  });

  it('an ion at its Nernst potential has no net flow', () => {
    const E = vt37 * Math.log(5 / 140);
    const result = membraneJson(['drive', '--voltage', `${E}mV`, '--ion', 'K:in=140mM,out=5mM']);
    expect(result.ions[0].ionDirection).toBe('none');
  });

  it.each([
    [['--ion', 'K:in=140mM,out=5mM'], ['--voltage']],
    [['-V', '-70mV', '--ion', 'K:in=140mM,out=-5mM'], ['--ion', '-5mM']],
    [['-V', '-70mV'], ['--ion']],
    [['-V', '5mM', '--ion', 'K:in=140mM,out=5mM'], ['--voltage', '5mM']],
  ])('bad input drive %j', (args, mentions) => {
    expectUsageError(['drive', ...args], mentions);
  });
});

describe('membrane energy', () => {
  it('Na+ entering at -70 mV, 12 in / 145 out, 37 degC: ΔG = RT ln(12/145) + F(-0.07 V) = -13.18 kJ/mol, spontaneous', () => {
    const result = membraneJson(['energy', '--ion', 'Na', '--in', '12mM', '--out', '145mM', '--voltage', '-70mV']);
    const expected = (CODATA.R * 310.15 * Math.log(12 / 145) + CODATA.F * -0.07) / 1000;
    expect(Math.abs(result.dG_kJ_per_mol - expected)).toBeLessThan(1e-6);
    expect(result.dG_kJ_per_mol).toBeCloseTo(-13.18, 2);
    expect(result.spontaneous).toBe(true);
    expect(Math.abs(result.chemical_kJ_per_mol + result.electrical_kJ_per_mol - result.dG_kJ_per_mol)).toBeLessThan(1e-9);
  });

  it('--direction out reverses the sign', () => {
    const result = membraneJson(['energy', '--ion', 'Na', '--in', '12mM', '--out', '145mM', '--direction', 'out']);
    expect(result.dG_kJ_per_mol).toBeCloseTo(13.18, 2);
    expect(result.spontaneous).toBe(false);
  });

  it('--pump: 3 Na out + 2 K in at -70 mV need 43.2 kJ/mol, less than the 50 kJ/mol of ATP', () => {
    const result = membraneJson(['energy', '--pump', '--voltage', '-70mV']);
    const RT = CODATA.R * 310.15;
    const sodium = 3 * (RT * Math.log(145 / 12) - CODATA.F * -0.07);
    const potassium = 2 * (RT * Math.log(140 / 5) + CODATA.F * -0.07);
    expect(Math.abs(result.required_kJ_per_mol - (sodium + potassium) / 1000)).toBeLessThan(1e-6);
    expect(Math.abs(result.margin_kJ_per_mol - (50 - (sodium + potassium) / 1000))).toBeLessThan(1e-6);
    expect(result.atpSuffices).toBe(true);
  });

  it.each([
    [['--ion', 'Na', '--in', '12mM'], ['--out']],
    [['--ion', 'Na', '--in', '12mM', '--out', '145mM', '--direction', 'sideways'], ['--direction', 'sideways']],
    [['--pump', '--atp', '50kJ/mol'], ['--atp', '50kJ/mol']],
    [['--pump', '--na-in', '-1mM'], ['--na-in', '-1mM']],
    [['--pump', '--ion', 'K'], ['--ion', 'K']],
  ])('bad input energy %j', (args, mentions) => {
    expectUsageError(['energy', ...args], mentions);
  });
});

describe('membrane circuit', () => {
  const HH = ['--branch', 'K:g=0.36mS/cm2,E=-77mV', '--branch', 'Na:g=0.012mS/cm2,E=50mV', '--branch', 'leak:g=0.3mS/cm2,E=-54.4mV'];

  it('chord potential Σ gE/Σ g, τ = c_m/Σ g, R_in = 1/(Σ g·A) for a 20 um sphere', () => {
    const result = membraneJson(['circuit', ...HH, '--diameter', '20um']);
    const g = 0.36 + 0.012 + 0.3; // mS/cm2
    const chord = (0.36 * -77 + 0.012 * 50 + 0.3 * -54.4) / g;
    expect(Math.abs(result.chordPotential_mV - chord)).toBeLessThan(1e-9);
    expect(Math.abs(result.tau_ms - 1 / g)).toBeLessThan(1e-9); // uF/cm2 / mS/cm2 = ms
    const areaCm2 = Math.PI * 400e-8;
    expect(Math.abs(result.inputResistance_MOhm - 1 / (g * 1e-3 * areaCm2) / 1e6)).toBeLessThan(1e-6);
    expect(Math.abs(result.totalCurrentDensity_uA_per_cm2)).toBeLessThan(1e-9);
    const k = result.branches[0];
    expect(Math.abs(k.currentDensity_uA_per_cm2 - 0.36 * (chord + 77))).toBeLessThan(1e-9); // mS/cm2 × mV = uA/cm2
  });

  it('--voltage sets where the branch currents are taken; without a size there is no input resistance', () => {
    const result = membraneJson(['circuit', ...HH, '--voltage', '0mV']);
    expect(result.inputResistance_MOhm).toBeUndefined();
    expect(Math.abs(result.branches[2].currentDensity_uA_per_cm2 - 0.3 * 54.4)).toBeLessThan(1e-9);
  });

  it('branches named after ions take E from the --preset (Nernst)', () => {
    const result = membraneJson(['circuit', '--preset', 'mammalian-neuron', '--branch', 'K:g=1mS/cm2']);
    expect(Math.abs(result.chordPotential_mV - vt37 * Math.log(5 / 140))).toBeLessThan(1e-6);
  });

  it.each([
    [[], ['--branch']],
    [['--branch', 'leak:g=0.3mS/cm2'], ['--branch', 'leak:g=0.3mS/cm2']],
    [['--branch', 'K:g=-1mS/cm2,E=-77mV'], ['--branch', '-1mS/cm2']],
    [['--branch', 'K:g=1mS/cm2,E=-77mM'], ['--branch', '-77mM']],
    [['--branch', 'K:E=-77mV'], ['--branch', 'K:E=-77mV']],
    [['--branch', 'K:g=1mS/cm2,E=-77mV', '--diameter', '-3um'], ['--diameter', '-3um']],
  ])('bad input circuit %j', (args, mentions) => {
    expectUsageError(['circuit', ...args], mentions);
  });
});

describe('membrane field', () => {
  it('field -V -70mV: E = 0.07 V / 7.5 nm = 9.33e6 V/m, no breakdown', () => {
    const result = membraneJson(['field', '--voltage', '-70mV']);
    expect(Math.abs(result.field_V_per_m - -0.07 / 7.5e-9)).toBeLessThan(1e-3);
    expect(result.thickness_nm).toBe(7.5);
    expect(result.breakdown).toBe(false);
    expect(result.warning).toBeUndefined();
  });

  it('field -V 500mV --thickness 5nm warns of breakdown, in JSON and in text', () => {
    const result = membraneJson(['field', '--voltage', '500mV', '--thickness', '5nm']);
    expect(Math.abs(result.field_V_per_m - 0.5 / 5e-9)).toBeLessThan(1e-3);
    expect(result.breakdown).toBe(true);
    expect(result.warning).toMatch(/electroporat/);
    expect(membrane(['field', '--voltage', '500mV']).stdout).toMatch(/Warning/);
  });

  it.each([
    [['--voltage', '-70mV', '--thickness', '0nm'], ['--thickness', '0nm']],
    [['--voltage', '-70mV', '--thickness', '-7nm'], ['--thickness', '-7nm']],
    [['--voltage', 'NaN'], ['--voltage', 'NaN']],
    [['--voltage', 'Infinity mV'], ['--voltage', 'Infinity mV']],
  ])('bad input field %j', (args, mentions) => {
    expectUsageError(['field', ...args], mentions);
  });
});

describe('membrane pump, q10, presets', () => {
  it('pump with r = 1.5: (RT/F) ln((1.5·Ko + pNa·Nao)/(1.5·Ki + pNa·Nai)), and r = 1 gives GHK', () => {
    const result = membraneJson(['pump', '--ion', 'K:in=140mM,out=5mM,p=1', '--ion', 'Na:in=12mM,out=145mM,p=0.04']);
    const expected = vt37 * Math.log((1.5 * 5 + 0.04 * 145) / (1.5 * 140 + 0.04 * 12));
    expect(Math.abs(result.Vm_mV - expected)).toBeLessThan(1e-6);
    expect(Math.abs(result.ghk_mV - vt37 * Math.log((5 + 0.04 * 145) / (140 + 0.04 * 12)))).toBeLessThan(1e-6);
  });

  it('q10 defaults (Q10 3, 6.3 -> 37 degC) give 3^3.07 = 29.16', () => {
    const result = membraneJson(['q10']);
    expect(Math.abs(result.factor - 3 ** 3.07)).toBeLessThan(1e-9);
  });

  it('presets lists the presets; presets squid-giant-axon shows one with Nernst potentials', () => {
    const list = membraneJson(['presets']);
    expect(list.presets.map((p: { id: string }) => p.id)).toContain('squid-giant-axon');
    const one = membraneJson(['presets', 'squid-giant-axon']);
    expect(one.id).toBe('squid-giant-axon');
    expect(Math.abs(one.ions[0].E_mV - thermalMillivolts(293.15) * Math.log(20 / 400))).toBeLessThan(1e-6);
  });

  it.each([
    [['pump', '--ion', 'K:in=140mM,out=5mM,p=1'], ['--ion']],
    [['pump', '--preset', 'squid-giant-axon', '--ratio', '0'], ['--ratio', '0']],
    [['pump', '--preset', 'squid-giant-axon', '--current', '1nA'], ['--current', '1nA']],
    [['q10', '--q10', '-3'], ['--q10', '-3']],
    [['q10', '--reference', '0K'], ['--reference', '0K']],
    [['presets', 'nowhere'], ['nowhere']],
  ])('bad input %j', (args, mentions) => {
    expectUsageError(args, mentions);
  });
});
