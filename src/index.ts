/**
 * Membrane: the electricity of living cells. The library's public surface, layer by layer.
 */
export * from './units/index.js';
export * from './core/index.js';
export * from './model/index.js';
export * as mechanisms from './mechanisms/index.js';
export * from './engine/index.js';
export * from './analysis/index.js';
