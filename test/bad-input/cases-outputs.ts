/**
 * Outputs: `--out` paths checked before the run starts (missing folder, read-only folder, a directory, a file as
 * a folder, too long a name), and a full disk on stdout (one line, exit 1, no stack trace).
 */
import { longText, type BadInputCase } from './catalogue.js';
import { jsonOf } from './cases-models.js';

/**
 * A valid model whose run takes several seconds (a 1000-compartment HH cable for 2 s of model time): an output
 * problem found only after the run breaks the runner's time limit.
 */
const SLOW_MODEL = jsonOf((m) => {
  m.cells[0].morphology = { kind: 'cable', length: '1000 um', diameter: '1 um', compartments: 1000 };
  m.run = { duration: '2000 ms', timeStep: '0.025 ms', recordInterval: '1 ms' };
});

const out = (name: string, path: string, files: BadInputCase['files'], value: string | RegExp, allowed: string | RegExp): BadInputCase => ({
  name: `run --out ${name}`,
  args: ['run', 'model.json', '--out', path],
  files: { 'model.json': SLOW_MODEL, ...files },
  expect: { exit: 2, field: '--out', value, allowed },
});

export const OUTPUT_CASES: readonly BadInputCase[] = [
  out('into a missing folder', 'missing/traces.csv', {}, 'missing/traces.csv', /folder|directory/),
  out('into a missing folder, as JSON', 'missing/deeper/traces.json', {}, 'missing/deeper/traces.json', /folder|directory/),
  out('into a read-only folder (/sys refuses even root)', '/sys/membrane-traces.csv', {}, '/sys/membrane-traces.csv', /writ/),
  out('onto a directory', 'traces.csv', { 'traces.csv': { kind: 'directory' } }, 'traces.csv', /file|directory/),
  out('under a file used as a folder', 'notes.txt/traces.csv', { 'notes.txt': 'a file, not a folder\n' }, 'notes.txt/traces.csv', /folder|directory/),
  out('with another extension', 'traces.txt', {}, 'traces.txt', '.csv'),
  out('empty', '', {}, '""', '.csv'),
  out('a 120 kB file name', `${longText(120_000, 'n')}.csv`, {}, /(…|\.\.\.)/, /.+/),
  {
    name: 'run --out into a missing folder with a bad model: the model is named first or the folder, never an internal error',
    args: ['run', 'model.json', '--out', 'missing/traces.csv'],
    files: { 'model.json': jsonOf((m) => { m.run.duration = '-1 ms'; }) },
    expect: { exit: 2, field: /run\.duration|--out/ },
  },
  { name: 'presets --json on a full disk', args: ['presets', '--json'], stdout: 'dev-full', expect: { exit: 1, field: /stdout|output/i, allowed: /space|ENOSPC/i } },
  { name: 'nernst on a full disk', args: ['nernst', '--ion', 'K', '--in', '140mM', '--out', '5mM'], stdout: 'dev-full', expect: { exit: 1, field: /stdout|output/i, allowed: /space|ENOSPC/i } },
  { name: 'presets --help on a full disk', args: ['presets', '--help'], stdout: 'dev-full', expect: { exit: 1, field: /stdout|output/i, allowed: /space|ENOSPC/i } },
  {
    name: 'run --json on a full disk',
    args: ['run', 'model.json', '--json'],
    files: { 'model.json': jsonOf() },
    stdout: 'dev-full',
    expect: { exit: 1, field: /stdout|output/i, allowed: /space|ENOSPC/i },
  },
];
