/**
 * The layer check itself can fail: in a small fixture tree, a file in src/core that imports src/engine is reported.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

it('an upward import (core -> engine) is reported as a violation', () => {
  const config = resolve('.dependency-cruiser.cjs');
  const depcruise = resolve('node_modules/.bin/depcruise');
  const result = spawnSync(depcruise, ['src', '--config', config, '--output-type', 'err'], { encoding: 'utf8', cwd: 'test/fixtures/layer-probe' });
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toMatch(/core-imports-only-lower-layers/);
});
