/**
 * Node-side input and output: model files (JSON and YAML), trace export (CSV, JSON) and atomic file writing.
 * Imported as `membrane/io` (it uses node:fs; the root `membrane` entry runs in browsers too).
 */
export { parseModelText, readModelFile, validateModelText } from './model-file.js';
export { tracesToCsv, tracesToJson } from './trace-export.js';
export { writeFileAtomic } from './atomic-file.js';
export { isNeuroMLFileName, readNeuroMLFile, NEUROML_SPIKE_THRESHOLD, type NeuroMLOptions } from './neuroml.js';
