#!/usr/bin/env node
// Entry point of the `membrane` command (package.json "bin"). All logic lives in program.ts.
import { runCli } from './program.js';

// A reader that stops early (`membrane presets | head -1`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv);
