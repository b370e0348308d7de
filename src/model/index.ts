/**
 * The model layer: descriptions only (no numerics). The `Model` type, the schema of model files and their
 * validation with clear errors.
 */
export type * from './types.js';
export { parseModel, validateModel, issuesToError, type ModelIssue, type ParseOptions, type ValidationResult } from './validate.js';
export {
  checkResources,
  estimateResources,
  resourceLimits,
  DEFAULT_RESOURCE_LIMITS,
  RESOURCE_LIMIT_OPTIONS,
  type ResourceEstimate,
  type ResourceLimits,
} from './resource-estimate.js';
export { modelSchema, createModelSchema } from './model-schema.js';
export { modelInputSchema, DEFAULT_RUN, DEFAULT_TEMPERATURE, INTEGRATORS, type RawModel } from './schema.js';
export { DEFAULT_IONS, DEFAULT_MEMBRANE, ION_NAMES } from './schema-cell.js';
export { DEFAULT_ION_CONCENTRATIONS } from './schema-concentrations.js';
export { DEFAULT_SYNAPSE_REVERSAL, SOURCE_KINDS, SYNAPSE_KINDS, SYNAPSE_PRESETS, type SynapseKind, type SynapsePreset } from './schema-synapse.js';
export { MORPHOLOGY_KINDS, swcRegion } from './schema-morphology.js';
export { RATE_FORMS } from './schema-channel.js';
export { STIMULUS_KINDS, WAVEFORM_SHAPES } from './schema-stimulus.js';
export { resolveModel, type ResolveOptions, type ResolveResult, type ResolveIssue } from './resolve.js';
export { formatPath, type PathSegment } from './issues.js';
export { modelJsonSchema, modelJsonSchemaText } from './json-schema.js';
export { GEOMETRY_RANGE } from './quantity-schema.js';
