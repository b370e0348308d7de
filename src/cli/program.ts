/**
 * The `membrane` program: one commander root with a subcommand per calculator.
 * Commander is configured so that every usage error becomes one line on stderr and exit code 2,
 * while `--help` and `--version` print to stdout and exit 0.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { commands } from './commands/index.js';
import { failureOf } from './failure.js';

/** The package version, read from package.json beside dist/ (or src/). */
function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const parsed = JSON.parse(text) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Builds the program with every registered subcommand. Settings made here are inherited by each subcommand. */
export function createProgram(): Command {
  const program = new Command('membrane')
    .description('The electricity of living cells: membrane electrochemistry calculators (and, later, simulations).')
    .version(packageVersion(), '-V, --version', 'print the version number')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      // Errors are printed by runCli as one line; commander must not print its own.
      outputError: () => undefined,
    })
    .showHelpAfterError(false)
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .enablePositionalOptions()
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false });
  program.addHelpText(
    'after',
    '\nQuantities take units ("140mM", "0.14 M", "37degC", "310.15 K", "-70mV", "20um"). Every calculator takes\n' +
      '--json to print one JSON object whose keys carry their unit after "_" (E_mV, temperature_K).\n' +
      'Bad input exits 2 with one line on stderr; "membrane <command> --help" shows each command\'s options and defaults.',
  );
  for (const command of commands) command.register(program);
  return program;
}

/** Finds the subcommand named on the command line (the first word that names one), for error messages. */
function commandIn(argv: readonly string[], names: readonly string[]): string | undefined {
  return argv.find((arg) => names.includes(arg));
}

/** Runs the program on `argv` (as in process.argv) and returns the exit code; never throws. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let names: string[] = [];
  let exitCode = 0;
  try {
    const program = createProgram();
    names = program.commands.map((command) => command.name());
    await program.parseAsync([...argv]);
  } catch (error) {
    const failure = failureOf(error, { command: commandIn(argv.slice(2), names), commands: names });
    if (failure.line !== undefined) process.stderr.write(`${failure.line}\n`);
    if (process.env.MEMBRANE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    exitCode = failure.exitCode;
  }
  return exitCode;
}
