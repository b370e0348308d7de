// Runs every test: builds the package (the CLI tests run the built command), runs Vitest, and ends with
// one line `N passed, N failed` holding the real counts. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
rmSync(report, { force: true });

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;

// The browser tests drive Debian's Chromium (never a downloaded browser): install the package when it is missing,
// before Vitest starts, so that its time does not count against a test's timeout.
const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`${chromium} is missing: installing Debian's chromium package for the browser tests`);
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: environment }).status;
  if (apt(['install', '-y', '-q', 'chromium']) !== 0) {
    apt(['update', '-q']);
    apt(['install', '-y', '-q', 'chromium']);
  }
}

let status = run('npm', ['run', 'build:lib', '--silent']);
if (status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(status);
}
status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  // A file that fails to load counts as a failure even though it holds no counted test.
  const brokenFiles = (result.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  failed = result.numFailedTests + brokenFiles;
} catch {
  failed = Math.max(failed, 1);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
