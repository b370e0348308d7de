// Prints, as Markdown tables, how the Rallpack errors fall with the time step for each integrator: the
// figures behind docs/validation.md. Uses the built library (npm run build) and ../shared/reference (or
// $MEMBRANE_REFERENCE). Slow (about two minutes): not part of the tests, which check chosen points.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relativeTraceErrors, simulate } from '../dist/index.js';
import { readModelFile } from '../dist/io/model-file.js';
import { parameterUnits } from '../dist/mechanisms/catalogue.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const referenceRoot = process.env.MEMBRANE_REFERENCE ?? join(root, '..', 'shared', 'reference');

function readReference(name) {
  const rows = readFileSync(join(referenceRoot, 'rallpack', name), 'utf8').trim().split('\n');
  const time = new Float64Array(rows.length);
  const values = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const [t, v] = row.trim().split(/\s+/).map(Number);
    time[i] = t * 1000;
    values[i] = v * 1000;
  });
  return { time, values };
}

const cases = [
  { title: 'Rallpack 1 (passive cable, analytic)', file: 'rallpack1-passive-cable.json', reference: ['ref_cable.0', 'ref_cable.x'], rates: 'exact' },
  { title: 'Rallpack 2 (branched tree, analytic)', file: 'rallpack2-branched-tree.yaml', reference: ['ref_branch.0', 'ref_branch.x'], rates: 'exact' },
  { title: 'Rallpack 3 (HH axon, NEURON)', file: 'rallpack3-hh-axon.json', reference: ['ref_axon.0.neuron', 'ref_axon.x.neuron'], rates: 'exact' },
];
const steps = { 'backward-euler': [0.1, 0.05, 0.025, 0.01, 0.005, 0.0025, 0.001], 'crank-nicolson': [0.1, 0.05, 0.025, 0.01, 0.005] };
const percent = (x) => (x * 100).toFixed(4);

for (const { title, file, reference, rates } of cases) {
  const base = readModelFile(join(root, 'examples', file), { catalogue: parameterUnits() });
  const [near, far] = reference.map(readReference);
  console.log(`\n### ${title}\n\n| integrator | dt (ms) | RMS x=0 (%) | max x=0 (%) | RMS end (%) | max end (%) |\n|---|---:|---:|---:|---:|---:|`);
  for (const [integrator, list] of Object.entries(steps)) {
    for (const dt of list) {
      if (file.startsWith('rallpack3') && integrator === 'backward-euler' && dt < 0.001) continue;
      const model = { ...base, run: { ...base.run, integrator, timeStep: dt, recordInterval: dt > 0.05 ? dt : 0.05, rates } };
      const result = simulate(model);
      const a = relativeTraceErrors(near, result.time, result.traces[0].values);
      const b = relativeTraceErrors(far, result.time, result.traces[1].values);
      console.log(`| ${integrator} | ${dt} | ${percent(a.rms)} | ${percent(a.max)} | ${percent(b.rms)} | ${percent(b.max)} |`);
    }
  }
}
