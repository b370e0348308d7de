#!/usr/bin/env node
// Entry point of the `membrane` command (package.json "bin"). All logic lives in program.ts.
import { handleStreamFailures } from './output.js';
import { runCli } from './program.js';

// stdout that cannot be written (a full disk, a reader that closed the pipe): one line on stderr and exit code 1.
handleStreamFailures();

process.exitCode = await runCli(process.argv);
