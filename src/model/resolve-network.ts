/**
 * The network and the bath: synapse kinetics (values given, else presets or defaults), spike sources, connections
 * from sources or spike detectors to synapses, and drug applications checked against the drug catalogue.
 */
import type { PathSegment } from './issues.js';
import type { Connection, DrugApplication, SpikeSource, SynapseDescription } from './types.js';
import { DEFAULT_SYNAPSE_REVERSAL, SYNAPSE_PRESETS, type RawConnection, type RawDrug, type RawSource, type RawSynapse } from './schema-synapse.js';
import { list, type Report, type ResolveOptions } from './resolve-helpers.js';

/** Rise, decay, reversal and magnesium of a synapse: the values given, else its kind's preset or the generic defaults. */
export function resolveSynapseKinetics(
  input: RawSynapse,
  path: PathSegment[],
  report: Report,
): Pick<SynapseDescription, 'rise' | 'decay' | 'reversal' | 'magnesium'> | undefined {
  const preset = input.kind === 'exponential' || input.kind === 'dual-exponential' ? undefined : SYNAPSE_PRESETS[input.kind];
  const reversal = input.reversal ?? preset?.reversal ?? DEFAULT_SYNAPSE_REVERSAL;
  const magnesium = input.magnesium ?? preset?.magnesium ?? 0;
  let ok = true;
  const decay = input.decay ?? preset?.decay;
  if (decay === undefined) {
    report({ path: [...path, 'decay'], input: undefined, allowed: `a positive time such as "5 ms": a synapse of kind ${input.kind} needs decay` });
    ok = false;
  }
  if (input.kind === 'exponential') {
    if (input.rise !== undefined && input.rise !== 0) {
      report({
        path: [...path, 'rise'],
        input: input.rise,
        allowed: 'no rise (or 0): an exponential synapse rises at once; use kind dual-exponential for a finite rise',
      });
      ok = false;
    }
    return ok && decay !== undefined ? { rise: 0, decay, reversal, magnesium } : undefined;
  }
  const rise = input.rise ?? preset?.rise;
  if (rise === undefined) {
    report({ path: [...path, 'rise'], input: undefined, allowed: `a positive time shorter than decay, such as "0.5 ms": a synapse of kind ${input.kind} needs rise` });
    return undefined;
  }
  if (!ok || decay === undefined) return undefined;
  if (rise === 0) {
    report({ path: [...path, 'rise'], input: input.rise, allowed: `a positive time shorter than decay (${decay} ms); for a rise at once use kind exponential` });
    return undefined;
  }
  if (rise >= decay) {
    // Blame the field that was given (when both were, the rise).
    const field = input.rise !== undefined ? 'rise' : 'decay';
    report({
      path: [...path, field],
      input: input[field],
      allowed:
        field === 'rise'
          ? `a rise time shorter than decay (${decay} ms${input.decay === undefined ? `, the ${input.kind} preset` : ''})`
          : `a decay time longer than rise (${rise} ms, the ${input.kind} preset)`,
    });
    return undefined;
  }
  return { rise, decay, reversal, magnesium };
}

export function resolveSource(input: RawSource, id: string, path: PathSegment[], duration: number, report: Report): SpikeSource {
  if (input.kind === 'train') {
    input.times.forEach((time, j) => {
      if (j > 0 && time <= input.times[j - 1]) {
        report({ path: [...path, 'times', j], input: time, allowed: `a time after the previous one (${input.times[j - 1]} ms): spike times must increase` });
      }
    });
    return { id, kind: 'train', times: input.times };
  }
  const stop = input.stop ?? duration;
  if (stop <= input.start) {
    if (input.stop !== undefined) report({ path: [...path, 'stop'], input: input.stop, allowed: `a time after start (${input.start} ms)` });
    else report({ path: [...path, 'start'], input: input.start, allowed: `a time before stop (default the run duration, ${duration} ms)` });
  }
  return { id, kind: 'poisson', rate: input.rate, start: input.start, stop, seed: input.seed };
}

export function resolveConnection(
  input: RawConnection,
  path: PathSegment[],
  sourceIds: readonly string[],
  spikeIds: readonly string[],
  synapseIds: readonly string[],
  report: Report,
): Connection {
  if (!sourceIds.includes(input.source) && !spikeIds.includes(input.source)) {
    const known = [...sourceIds, ...spikeIds];
    report({
      path: [...path, 'source'],
      input: input.source,
      allowed:
        known.length > 0
          ? `the id of a spike source or a spike detector: ${list(known)}`
          : 'the id of a spike source or a spike detector (there are none: add sources or spikes)',
    });
  }
  if (!synapseIds.includes(input.target)) {
    report({
      path: [...path, 'target'],
      input: input.target,
      allowed: synapseIds.length > 0 ? `the id of a synapse: ${list(synapseIds)}` : 'the id of a synapse (there are none: add synapses)',
    });
  }
  return { source: input.source, target: input.target, weight: input.weight, delay: input.delay };
}

export function resolveDrugs(raw: readonly RawDrug[], options: ResolveOptions, report: Report): DrugApplication[] {
  const seen = new Map<string, number>();
  return raw.map((input, i) => {
    let drug = input.drug;
    if (options.drugs !== undefined) {
      const known = options.drugs.find((name) => name.toLowerCase() === input.drug.toLowerCase());
      if (known === undefined) {
        report({
          path: ['drugs', i, 'drug'],
          input: input.drug,
          allowed: options.drugs.length > 0 ? `a known drug (case does not matter): ${list(options.drugs, 50)}` : 'a known drug (the catalogue has none)',
        });
      } else drug = known;
    }
    const key = drug.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report({ path: ['drugs', i, 'drug'], input: input.drug, allowed: `each drug once: ${drug} is already applied by drugs[${earlier}]` });
    } else seen.set(key, i);
    return { drug, concentration: input.concentration };
  });
}
