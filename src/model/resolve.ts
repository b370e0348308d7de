/**
 * The checks across fields, and the defaults that need the whole model: generated ids, locations completed
 * (the only cell, the only or root section, the root point), ion defaults merged, mechanism parameters converted,
 * the run's record interval; region membranes and moving concentrations checked against their cell; synapse presets
 * filled; ids shared by stimuli, spike detectors, synapses and sources; connections and drugs checked. Takes the
 * field-checked input (./schema.ts `RawModel`) and returns a `Model`, or
 * every problem found.
 *
 * This file holds resolveModel, which runs the parts in order, and the public types. The parts: resolve-helpers.ts
 * (shared types, ids, trees), resolve-cell.ts and resolve-concentrations.ts (one cell), resolve-references.ts
 * (locations, recording variables, shared ids), resolve-network.ts (synapses, sources, connections, drugs) and
 * resolve-run.ts (run settings).
 */
import type { ChannelDefinition, Model, Recording, SpikeDetector, Stimulus, SynapseDescription } from './types.js';
import type { RawModel } from './schema.js';
import { assignIds, list, type ResolveIssue, type ResolveOptions } from './resolve-helpers.js';
import { resolveCell, type CellInfo } from './resolve-cell.js';
import { checkSharedIds, checkVariable, resolveLocation } from './resolve-references.js';
import { resolveConnection, resolveDrugs, resolveSource, resolveSynapseKinetics } from './resolve-network.js';
import { resolveRun } from './resolve-run.js';

export type { ResolveIssue, ResolveOptions } from './resolve-helpers.js';

export type ResolveResult = { ok: true; model: Model } | { ok: false; issues: ResolveIssue[] };

/** Runs every check across fields and completes the defaults that need the whole model. */
export function resolveModel(raw: RawModel, options: ResolveOptions = {}): ResolveResult {
  const issues: ResolveIssue[] = [];
  const report = (issue: ResolveIssue): void => {
    issues.push(issue);
  };

  // Channels: unique names.
  const channels = new Map<string, ChannelDefinition>();
  raw.channels.forEach((channel, i) => {
    if (channels.has(channel.name)) {
      report({ path: ['channels', i, 'name'], input: channel.name, allowed: `a unique channel name: ${channel.name} is defined twice` });
    } else channels.set(channel.name, channel);
  });

  // Cells.
  const cellIds = assignIds(raw.cells.map((c) => c.id), () => 'cell', (i) => ['cells', i], report);
  const cells = new Map<string, CellInfo>();
  const cellDescriptions = raw.cells.map((cell, i) => {
    const { description, info } = resolveCell(cell, cellIds[i], ['cells', i], channels, options, report);
    if (!cells.has(info.id)) cells.set(info.id, info);
    return description;
  });
  const mechanismNames = new Set(cellDescriptions.flatMap((c) => c.mechanisms.map((m) => m.mechanism)));

  // Ids of stimuli, spike detectors, synapses and sources share one name space (recordings and connections name
  // them): generated ids skip the ids given in any of these lists, and an id given twice is an error.
  const given = (list: readonly { id?: string | undefined }[]) => list.flatMap((item) => (item.id === undefined ? [] : [item.id]));
  const stimulusIds = assignIds(
    raw.stimuli.map((s) => s.id),
    (i) => (raw.stimuli[i].kind === 'current-clamp' ? 'iclamp' : 'vclamp'),
    (i) => ['stimuli', i],
    report,
    new Set([...given(raw.spikes), ...given(raw.synapses), ...given(raw.sources)]),
  );
  const spikeIds = assignIds(
    raw.spikes.map((s) => s.id),
    () => 'spike',
    (i) => ['spikes', i],
    report,
    new Set([...given(raw.stimuli), ...given(raw.synapses), ...given(raw.sources)]),
  );
  const synapseIds = assignIds(raw.synapses.map((s) => s.id), () => 'synapse', (i) => ['synapses', i], report);
  const sourceIds = assignIds(raw.sources.map((s) => s.id), () => 'source', (i) => ['sources', i], report);
  checkSharedIds(
    [
      ['stimuli', stimulusIds],
      ['spikes', spikeIds],
      ['synapses', synapseIds],
      ['sources', sourceIds],
    ],
    report,
  );

  // Stimuli.
  const stimuli = new Map<string, Stimulus>();
  raw.stimuli.forEach((input, i) => {
    const id = stimulusIds[i];
    if (input.id !== undefined && (mechanismNames.has(id) || channels.has(id))) {
      report({ path: ['stimuli', i, 'id'], input: id, allowed: `an id that is not a mechanism name (so that "${id}.i" is unambiguous)` });
    }
    const where = resolveLocation(input.location, ['stimuli', i], cells, report);
    if (where === undefined) return;
    const stimulus: Stimulus =
      input.kind === 'current-clamp'
        ? { kind: input.kind, id, location: where.location, waveform: input.waveform }
        : {
            kind: input.kind,
            id,
            location: where.location,
            levels: input.levels,
            ...(input.seriesResistance !== undefined ? { seriesResistance: input.seriesResistance } : {}),
          };
    if (!stimuli.has(id)) stimuli.set(id, stimulus);
  });

  // Synapses.
  const synapses = new Map<string, SynapseDescription>();
  raw.synapses.forEach((input, i) => {
    const id = synapseIds[i];
    if (mechanismNames.has(id) || channels.has(id)) {
      report({ path: ['synapses', i, 'id'], input: id, allowed: `an id that is not a mechanism name (so that "${id}.g" and "${id}.i" are unambiguous)` });
    }
    const kinetics = resolveSynapseKinetics(input, ['synapses', i], report);
    const where = resolveLocation(input.location, ['synapses', i], cells, report);
    if (kinetics === undefined || where === undefined) return;
    if (!synapses.has(id)) synapses.set(id, { id, kind: input.kind, location: where.location, ...kinetics });
  });

  // Recordings.
  const recordingIds = assignIds(
    raw.recordings.map((r) => r.id),
    (i) => raw.recordings[i].variable.replace(/[^A-Za-z0-9_-]/g, '_'),
    (i) => ['recordings', i],
    report,
  );
  const recordings: Recording[] = [];
  raw.recordings.forEach((input, i) => {
    const where = resolveLocation(input.location, ['recordings', i], cells, report);
    if (where === undefined) return;
    checkVariable(input.variable, where.location, where.cell, stimuli, synapses, channels, ['recordings', i], report);
    recordings.push({ id: recordingIds[i], location: where.location, variable: input.variable });
  });

  // Spike detectors and velocity.
  const spikes: SpikeDetector[] = [];
  raw.spikes.forEach((input, i) => {
    const where = resolveLocation(input.location, ['spikes', i], cells, report);
    if (where !== undefined) {
      spikes.push({ id: spikeIds[i], location: where.location, threshold: input.threshold, ...(input.refractory ? { refractory: input.refractory } : {}) });
    }
  });
  if (raw.velocity !== undefined) {
    for (const end of ['from', 'to'] as const) {
      if (!spikeIds.includes(raw.velocity[end])) {
        report({
          path: ['velocity', end],
          input: raw.velocity[end],
          allowed: spikeIds.length > 0 ? `the id of a spike detector: ${list(spikeIds)}` : 'the id of a spike detector (there are none: add spikes)',
        });
      }
    }
    if (raw.velocity.from === raw.velocity.to) {
      report({ path: ['velocity', 'to'], input: raw.velocity.to, allowed: 'a different spike detector from "from"' });
    }
  }

  // Spike sources, connections, drugs.
  const sources = raw.sources.map((input, i) => resolveSource(input, sourceIds[i], ['sources', i], raw.run.duration, report));
  const connections = raw.connections.map((input, i) => resolveConnection(input, ['connections', i], sourceIds, spikeIds, synapseIds, report));
  const drugs = resolveDrugs(raw.drugs, options, report);

  const run = resolveRun(raw.run, report);
  if (issues.length > 0) return { ok: false, issues };

  const model: Model = {
    name: raw.name,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    ...(raw.citation !== undefined ? { citation: raw.citation } : {}),
    temperature: raw.temperature,
    channels: raw.channels,
    cells: cellDescriptions,
    stimuli: [...stimuli.values()],
    recordings,
    spikes,
    ...(raw.velocity !== undefined ? { velocity: raw.velocity } : {}),
    synapses: [...synapses.values()],
    sources,
    connections,
    drugs,
    run,
  };
  return { ok: true, model };
}
