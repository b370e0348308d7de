/**
 * The registry of subcommands. Each command lives in its own file and exports `register(program)`;
 * adding a command (e.g. `run`, `check`) is one import and one entry here. Order is the order in `--help`.
 */
import type { Command } from 'commander';
import * as charge from './charge.js';
import * as field from './field.js';
import * as ghk from './ghk.js';
import * as nernst from './nernst.js';

export interface CommandModule {
  /** Adds the subcommand (with its options and action) to the program. */
  register(program: Command): void;
}

export const commands: readonly CommandModule[] = [nernst, ghk, charge, field];
