/**
 * Physical constants, CODATA 2018 exact values (BIPM SI 2019 redefinition).
 * Source: Tiesinga et al., "CODATA recommended values of the fundamental physical constants: 2018",
 * Rev. Mod. Phys. 93, 025010 (2021). Every constant here is exact by definition of the SI.
 */

/** Elementary charge e, in coulombs. */
export const ELEMENTARY_CHARGE = 1.602176634e-19;
/** Avogadro constant N_A, in 1/mol. */
export const AVOGADRO = 6.02214076e23;
/** Boltzmann constant k_B, in J/K. */
export const BOLTZMANN = 1.380649e-23;
/** Faraday constant F = e N_A, in C/mol (96485.33212...). */
export const FARADAY = ELEMENTARY_CHARGE * AVOGADRO;
/** Molar gas constant R = k_B N_A, in J/(mol K) (8.314462618...). */
export const GAS_CONSTANT = BOLTZMANN * AVOGADRO;
/** 0 degC in kelvin. */
export const ZERO_CELSIUS = 273.15;
/** Vacuum permittivity epsilon_0, in F/m (CODATA 2018, not exact: 8.8541878128(13)e-12). */
export const VACUUM_PERMITTIVITY = 8.8541878128e-12;
