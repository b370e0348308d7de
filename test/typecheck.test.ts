/** The whole tree (src, tests, validation, and the web lab) type-checks under strict TypeScript. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

it.each(['tsconfig.json', 'web/tsconfig.json'])('tsc -p %s reports no error', (project) => {
  const result = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
});
