/**
 * Free energy of moving ions across a membrane (electrochemical potential difference), and the energy
 * balance of the Na+/K+-ATPase.
 * References: Nicholls & Ferguson, "Bioenergetics", 4th ed. (2013), ch. 3 (Δμ = RT ln(c2/c1) + zFΔψ);
 * Hille 2001, ch. 1.
 */
import { describeValue, FARADAY, GAS_CONSTANT, InputError } from '../units/index.js';
import { requireConcentration, requireObject, requireTemperature, requireValence, requireVoltage } from './validation.js';

/** Inputs of transferFreeEnergy: concentrations in mM, voltages in mV, temperature in K. */
export interface TransferInput {
  readonly valence: number;
  readonly fromConcentration: number;
  readonly toConcentration: number;
  readonly fromVoltage: number;
  readonly toVoltage: number;
  readonly temperature: number;
}

/** A molar free energy change. */
export interface FreeEnergy {
  /** ΔG, J/mol (canonical energy unit). */
  readonly joulesPerMole: number;
  /** ΔG, kJ/mol. */
  readonly kilojoulesPerMole: number;
  /** True when ΔG < 0: the move happens by itself. */
  readonly spontaneous: boolean;
}

function freeEnergy(joulesPerMole: number): FreeEnergy {
  const value = joulesPerMole === 0 ? 0 : joulesPerMole;
  return { joulesPerMole: value, kilojoulesPerMole: value / 1000, spontaneous: value < 0 };
}

/**
 * Free energy of moving one mole of an ion from one compartment to another, J/mol:
 * ΔG = R T ln(c_to / c_from) + z F (V_to − V_from), with V in volts (mV / 1000). Zero at the Nernst potential.
 * Reference: Nicholls & Ferguson 2013, ch. 3, eq. 3.7.
 *
 * @throws InputError naming the parameter at fault.
 */
export function transferFreeEnergy(input: TransferInput): FreeEnergy {
  requireObject('input', input);
  const valence = requireValence('valence', input.valence);
  const from = requireConcentration('fromConcentration', input.fromConcentration);
  const to = requireConcentration('toConcentration', input.toConcentration);
  const fromVoltage = requireVoltage('fromVoltage', input.fromVoltage);
  const toVoltage = requireVoltage('toVoltage', input.toVoltage);
  const temperature = requireTemperature('temperature', input.temperature);
  const chemical = GAS_CONSTANT * temperature * (Math.log(to) - Math.log(from));
  const electrical = valence * FARADAY * ((toVoltage - fromVoltage) / 1000);
  return freeEnergy(chemical + electrical);
}

/** Inputs of ionEntryFreeEnergy: concentrations in mM, membrane potential in mV, temperature in K. */
export interface IonEntryInput {
  readonly valence: number;
  readonly inside: number;
  readonly outside: number;
  readonly voltage: number;
  readonly temperature: number;
}

/**
 * Free energy of one mole of an ion entering the cell (outside at 0 mV to inside at V_m), J/mol:
 * ΔG = R T ln(c_in / c_out) + z F V_m. Negative for Na+ in a resting cell. Reference: Nicholls & Ferguson 2013, ch. 3.
 *
 * @throws InputError naming `valence`, `inside`, `outside`, `voltage` or `temperature`.
 */
export function ionEntryFreeEnergy(input: IonEntryInput): FreeEnergy {
  requireObject('input', input);
  requireConcentration('inside', input.inside);
  requireConcentration('outside', input.outside);
  requireVoltage('voltage', input.voltage);
  return transferFreeEnergy({
    valence: input.valence,
    fromConcentration: input.outside,
    toConcentration: input.inside,
    fromVoltage: 0,
    toVoltage: input.voltage,
    temperature: input.temperature,
  });
}

/**
 * Free energy of ATP hydrolysis in a living cell, J/mol: about −50 kJ/mol (≈ 20 k_B T per molecule), far more
 * negative than the standard −30.5 kJ/mol because [ATP]/([ADP][Pi]) is held far from equilibrium.
 * Source: Milo & Phillips, "Cell Biology by the Numbers" (Garland 2015), "What is the free energy released upon
 * ATP hydrolysis?"; Nelson & Cox, "Lehninger Principles of Biochemistry", 7th ed. (2017), ch. 13 (ΔG_p ≈ −50 to −65 kJ/mol).
 */
export const ATP_HYDROLYSIS_FREE_ENERGY = -50_000;

/** Inputs of pumpCycleFreeEnergy: concentrations in mM, membrane potential in mV, temperature in K. */
export interface PumpCycleInput {
  readonly sodiumInside: number;
  readonly sodiumOutside: number;
  readonly potassiumInside: number;
  readonly potassiumOutside: number;
  readonly voltage: number;
  readonly temperature: number;
  /** ΔG of ATP hydrolysis, J/mol (< 0); default ATP_HYDROLYSIS_FREE_ENERGY = −50 kJ/mol. */
  readonly atpFreeEnergy?: number;
}

/** The energy balance of one Na+/K+-ATPase cycle, all in J/mol of cycles. */
export interface PumpCycleEnergy {
  /** ΔG of moving 3 Na+ out, J/mol. */
  readonly sodiumJoulesPerMole: number;
  /** ΔG of moving 2 K+ in, J/mol. */
  readonly potassiumJoulesPerMole: number;
  /** Energy the transport requires (the sum), J/mol. */
  readonly requiredJoulesPerMole: number;
  /** Energy one ATP makes available, −ΔG_ATP, J/mol (> 0). */
  readonly availableJoulesPerMole: number;
  /** available − required, J/mol: positive when one ATP is enough. */
  readonly marginJoulesPerMole: number;
  /** True when one ATP per cycle suffices (margin >= 0). */
  readonly atpSuffices: boolean;
}

/**
 * Energy balance of one Na+/K+-ATPase cycle: 3 Na+ out and 2 K+ in per ATP.
 * required = 3 [R T ln(Na_o/Na_i) − F V_m] + 2 [R T ln(K_i/K_o) + F V_m]  (V_m in volts),
 * available = −ΔG_ATP, margin = available − required.
 * Reference: Skou, Biochim. Biophys. Acta 23:394 (1957) (the pump); stoichiometry 3:2 from Post & Jolly,
 * Biochim. Biophys. Acta 25:118 (1957); energetics as in Nicholls & Ferguson 2013, ch. 3.
 *
 * @throws InputError naming the parameter at fault (`atpFreeEnergy` must be finite and < 0).
 */
export function pumpCycleFreeEnergy(input: PumpCycleInput): PumpCycleEnergy {
  requireObject('input', input);
  const atp = input.atpFreeEnergy ?? ATP_HYDROLYSIS_FREE_ENERGY;
  if (typeof atp !== 'number' || !Number.isFinite(atp) || !(atp < 0) || atp < -1e7) {
    throw new InputError('atpFreeEnergy', describeValue(atp), 'a negative molar free energy in J/mol, e.g. -50000 (-50 kJ/mol)');
  }
  requireConcentration('sodiumInside', input.sodiumInside);
  requireConcentration('sodiumOutside', input.sodiumOutside);
  requireConcentration('potassiumInside', input.potassiumInside);
  requireConcentration('potassiumOutside', input.potassiumOutside);
  requireVoltage('voltage', input.voltage);
  requireTemperature('temperature', input.temperature);
  const sodium = transferFreeEnergy({
    valence: 1,
    fromConcentration: input.sodiumInside,
    toConcentration: input.sodiumOutside,
    fromVoltage: input.voltage,
    toVoltage: 0,
    temperature: input.temperature,
  });
  const potassium = transferFreeEnergy({
    valence: 1,
    fromConcentration: input.potassiumOutside,
    toConcentration: input.potassiumInside,
    fromVoltage: 0,
    toVoltage: input.voltage,
    temperature: input.temperature,
  });
  const sodiumJoulesPerMole = 3 * sodium.joulesPerMole;
  const potassiumJoulesPerMole = 2 * potassium.joulesPerMole;
  const requiredJoulesPerMole = sodiumJoulesPerMole + potassiumJoulesPerMole;
  const availableJoulesPerMole = -atp;
  const marginJoulesPerMole = availableJoulesPerMole - requiredJoulesPerMole;
  return {
    sodiumJoulesPerMole,
    potassiumJoulesPerMole,
    requiredJoulesPerMole,
    availableJoulesPerMole,
    marginJoulesPerMole,
    atpSuffices: marginJoulesPerMole >= 0,
  };
}
