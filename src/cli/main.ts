#!/usr/bin/env node
// Entry point of the `membrane` command (package.json "bin"). All logic lives in program.ts.
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv);
