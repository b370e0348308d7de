/** Core layer: pure electrochemistry in canonical units (mV, mM, K, um, uF/cm2, S/cm2, nA, MOhm, ms, pF). */
export * from './ions.js';
export * from './nernst.js';
export * from './ghk.js';
export * from './driving-force.js';
export * from './free-energy.js';
export * from './circuit.js';
export * from './charge.js';
export * from './field.js';
export * from './pump.js';
export * from './q10.js';
export * from './presets.js';
