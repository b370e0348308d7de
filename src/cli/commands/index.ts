/**
 * The registry of subcommands. Each command lives in its own file and exports `register(program)`;
 * adding a command (e.g. `run`, `check`) is one import and one entry here. Order is the order in `--help`.
 */
import type { Command } from 'commander';
import * as charge from './charge.js';
import * as check from './check.js';
import * as circuit from './circuit.js';
import * as drive from './drive.js';
import * as energy from './energy.js';
import * as field from './field.js';
import * as ghk from './ghk.js';
import * as nernst from './nernst.js';
import * as presets from './presets.js';
import * as pump from './pump.js';
import * as q10 from './q10.js';
import * as run from './run.js';

export interface CommandModule {
  /** Adds the subcommand (with its options and action) to the program. */
  register(program: Command): void;
}

export const commands: readonly CommandModule[] = [nernst, ghk, drive, energy, charge, circuit, field, pump, q10, presets, run, check];
