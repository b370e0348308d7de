/**
 * Resolving a cell's moving concentrations: dynamic ions checked against the cell's ion settings (and added with
 * defaults when absent), the outside space, impermeant anions, calcium buffer and water permeability completed.
 */
import type { PathSegment } from './issues.js';
import type { ConcentrationDynamics, IonName, IonSettings } from './types.js';
import type { RawCell } from './schema-cell.js';
import { DEFAULT_ION_CONCENTRATIONS, type RawConcentrations } from './schema-concentrations.js';
import type { Report } from './resolve-helpers.js';

/**
 * Checks the moving concentrations against the cell and completes its ion settings: a dynamic ion without an entry
 * in `ions` gets one with reversal `nernst` and DEFAULT_ION_CONCENTRATIONS; one with a fixed reversal is an error.
 * Returns the ion entries to add (after those given) and the resolved dynamics.
 */
export function resolveConcentrations(
  raw: RawConcentrations,
  cell: RawCell,
  path: PathSegment[],
  report: Report,
): { added: IonSettings[]; dynamics: ConcentrationDynamics } {
  const here = [...path, 'concentrations'];
  const added: IonSettings[] = [];
  const seen = new Map<IonName, number>();
  raw.dynamic.forEach((ion, i) => {
    const earlier = seen.get(ion);
    if (earlier !== undefined) {
      report({ path: [...here, 'dynamic', i], input: ion, allowed: `each ion once: ${ion} is already listed at dynamic[${earlier}]` });
      return;
    }
    seen.set(ion, i);
    const index = cell.ions.findIndex((entry) => entry.ion === ion);
    if (index < 0) {
      const { inside, outside } = DEFAULT_ION_CONCENTRATIONS[ion];
      added.push({ ion, inside, outside, reversal: 'nernst' });
    } else if (cell.ions[index].reversal !== 'nernst') {
      report({
        path: [...path, 'ions', index, 'reversal'],
        input: cell.ions[index].reversal,
        allowed: `"nernst" with inside and outside concentrations: ${ion} is in concentrations.dynamic, so its reversal potential follows its concentrations`,
      });
    }
  });
  if (raw.waterPermeability !== undefined && cell.morphology.kind !== 'single') {
    report({
      path: [...here, 'waterPermeability'],
      input: raw.waterPermeability,
      allowed: `no waterPermeability: the volume follows water flux only in single-compartment cells (morphology kind single), and this morphology is ${cell.morphology.kind}`,
    });
  }
  if (raw.calciumBuffer !== undefined && !seen.has('ca')) {
    report({
      path: [...here, 'calciumBuffer'],
      input: raw.calciumBuffer,
      allowed: 'a calcium buffer only with "ca" among the dynamic ions (it buffers the calcium that moves)',
    });
  }
  const dynamics: ConcentrationDynamics = {
    dynamic: [...seen.keys()],
    ...(raw.outsideSpace !== undefined
      ? {
          outsideSpace: {
            thickness: raw.outsideSpace.thickness,
            // Absent: a closed space, no exchange with the bath.
            ...(raw.outsideSpace.bathTimeConstant !== undefined ? { bathTimeConstant: raw.outsideSpace.bathTimeConstant } : {}),
          },
        }
      : {}),
    ...(raw.impermeantAnions !== undefined ? { impermeantAnions: { ...raw.impermeantAnions } } : {}),
    ...(raw.calciumBuffer !== undefined ? { calciumBuffer: { ...raw.calciumBuffer } } : {}),
    ...(raw.waterPermeability !== undefined ? { waterPermeability: raw.waterPermeability } : {}),
  };
  return { added, dynamics };
}
