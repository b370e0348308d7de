export * from './types.js';
export * from './gate-math.js';
export * from './rate-function.js';
export { MECHANISMS, findMechanism, parameterUnits } from './catalogue.js';
export { createChannelMechanism } from './generic-channel.js';
export { hodgkinHuxley, hhGateKinetics } from './hh.js';
export { passive } from './passive.js';
export { traubMiles, traubMilesKinetics } from './traub-miles.js';
