import { it } from 'vitest';
import { simulate } from './simulate.js';
import type { Model } from '../model/types.js';
const A = Math.sqrt(1000 / Math.PI);
function model(integrator: any, rs?: number): Model {
  return {
    name: 'x', temperature: 279.45, channels: [],
    cells: [{ id: 'soma', morphology: { kind: 'single', section: 'soma', length: A, diameter: A }, membrane: { capacitance: 1, axialResistivity: 100, initialVoltage: -65 },
      mechanisms: [{ mechanism: 'pas', parameters: { g: 1e-4, e: -65 } }], ions: [] }],
    stimuli: [{ kind: 'voltage-clamp', id: 'vc', location: { cell: 'soma', position: 0.5 }, levels: [{ duration: 20, voltage: -40 }], seriesResistance: rs }],
    recordings: [{ id: 'v', location: { cell: 'soma', position: 0.5 }, variable: 'v' }, { id: 'i', location: { cell: 'soma', position: 0.5 }, variable: 'vc.i' }],
    spikes: [], run: { duration: 10, timeStep: 0.025, integrator, rates: 'exact', absoluteTolerance: 1e-6, relativeTolerance: 1e-7, recordInterval: 0.025 },
  };
}
it('explore', () => {
  for (const integ of ['backward-euler', 'crank-nicolson', 'adaptive']) {
    for (const rs of [undefined, 10]) {
      const r = simulate(model(integ, rs));
      const v = r.traces[0].values, i = r.traces[1].values;
      console.log(integ, rs, Array.from(v.slice(0, 5)), v[v.length - 1], Array.from(i.slice(0, 3)), i[i.length - 1]);
    }
  }
});
