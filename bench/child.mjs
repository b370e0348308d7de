// Runs one benchmark case in a child process (from the project root) and reads the last JSON line it printed.
// Returns { result, line, wall } or { error, wall }: a failed or silent child is reported, never thrown.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function runChild(command, args, label) {
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = (Date.now() - started) / 1000;
  if (child.error || child.status !== 0) {
    const why = child.error ? child.error.message : `exit ${child.status}${child.signal ? ` (${child.signal})` : ''}`;
    return { error: `${label} failed: ${why}\n${(child.stderr || '').trim().split('\n').slice(-15).join('\n')}`, wall };
  }
  const line = child.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  try {
    return { result: JSON.parse(line), line, wall };
  } catch {
    return { error: `${label}: no JSON result in its output:\n${child.stdout.slice(-2000)}\n${child.stderr.slice(-2000)}`, wall };
  }
}
