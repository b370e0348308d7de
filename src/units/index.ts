/** Units layer: physical constants, the input error, quantity kinds, parsing/formatting, temperature helpers. */
export * from './constants.js';
export * from './errors.js';
export * from './kinds.js';
export * from './quantity.js';
export * from './temperature.js';
