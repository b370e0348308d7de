// The main job, for now: a short tour of the `membrane` calculators. Runs the BUILT command
// (node dist/cli/main.js; `npm run demo` builds first) and prints each command with its output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error(`demo: ${main} is missing; run "npm run build" (or "npm run demo") first`);
  process.exit(1);
}

const tour = [
  ['Equilibrium potential of K+ in a mammalian neuron', ['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mM', '--temperature', '37degC']],
  [
    'Resting potential from K+, Na+ and Cl- permeabilities (Goldman-Hodgkin-Katz)',
    ['ghk', '--temperature', '20degC', '--ion', 'K:in=140mM,out=5mM,p=1', '--ion', 'Na:in=12mM,out=145mM,p=0.04', '--ion', 'Cl:in=10mM,out=110mM,p=0.45'],
  ],
  ['How few ions it takes to charge a 20 um cell to -70 mV', ['charge', '--voltage', '-70mV', '--diameter', '20um', '--concentration', '140mM']],
  ['Does one ATP pay for a Na+/K+ pump cycle?', ['energy', '--pump', '--voltage', '-70mV']],
  ['The field across the membrane', ['field', '--voltage', '-70mV']],
  ['The same, as JSON for other programs', ['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mM', '--json']],
  ['Action potentials of the Hodgkin-Huxley squid compartment at 10 uA/cm2', ['run', 'examples/hh-squid-compartment.json']],
  ['The action potential travelling along the squid giant axon (Hodgkin & Huxley 1952)', ['run', 'examples/hh1952-propagating-axon.json']],
];

let failures = 0;
for (const [title, args] of tour) {
  const shown = args.map((arg) => (/[^\w@%+=:,./-]/.test(arg) ? `'${arg}'` : arg)).join(' ');
  console.log(`# ${title}\n$ membrane ${shown}`);
  const result = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });
  process.stdout.write(result.stdout);
  if (result.stderr) process.stdout.write(result.stderr);
  if (result.status !== 0) {
    failures += 1;
    console.log(`(exit code ${result.status})`);
  }
  console.log('');
}
process.exit(failures === 0 ? 0 : 1);
