/**
 * The layer rule of ../shared/DESIGN.md (units <- core <- model <- mechanisms <- engine <- {io, cli}), checked by
 * dependency-cruiser with .dependency-cruiser.cjs: this test fails when any import points the wrong way, when a
 * browser layer imports a Node built-in, or when modules import each other in a circle.
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('dependency-cruiser finds no layer violation, no Node built-in in browser layers and no cycle', () => {
  const result = spawnSync('npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { encoding: 'utf8' });
  expect(result.stdout + result.stderr).not.toMatch(/error/);
  expect(result.status).toBe(0);
});
