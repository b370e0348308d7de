/**
 * Maps every way the command can fail to one line on stderr and an exit code:
 * bad input (an `InputError` from any layer, or a usage error found by commander) exits 2,
 * output that could not be written (`OutputError`: full disk, closed pipe) exits 1 with one plain line, and
 * anything unexpected exits 1 as an internal error. No stack traces unless MEMBRANE_DEBUG is set.
 */
import { CommanderError } from 'commander';
import { OutputError } from '../io/atomic-file.js';
import { clipText, InputError, InstabilityError, MAXIMUM_QUOTED_LENGTH } from '../units/errors.js';

/** Exit code for bad input or usage. */
export const EXIT_USAGE = 2;
/** Exit code for an unexpected internal error. */
export const EXIT_INTERNAL = 1;
/** Exit code for a simulation that went numerically unstable (the input was valid, the run was not). */
export const EXIT_UNSTABLE = 3;

export interface Failure {
  /** The exit code to end with. */
  readonly exitCode: number;
  /** The one line to print on stderr, or undefined when commander already printed what was needed (help, version). */
  readonly line?: string;
}

/** Context used to make commander's messages name what is allowed. */
export interface FailureContext {
  /** Name of the subcommand being run, if one was recognised. */
  readonly command?: string;
  /** Names of all subcommands. */
  readonly commands: readonly string[];
}

/** Squeezes a message onto one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Classifies an error thrown while parsing or running a command. */
export function failureOf(error: unknown, context: FailureContext): Failure {
  const prefix = context.command ? `membrane ${context.command}` : 'membrane';
  if (error instanceof InputError) {
    return { exitCode: EXIT_USAGE, line: `${prefix}: ${oneLine(error.message)}` };
  }
  if (error instanceof InstabilityError) {
    return { exitCode: EXIT_UNSTABLE, line: `${prefix}: ${oneLine(error.message)}` };
  }
  if (error instanceof OutputError) {
    // A result that could not be written (full disk, folder removed during the run): one line, not an internal error.
    return { exitCode: EXIT_INTERNAL, line: `${prefix}: ${oneLine(error.message)}` };
  }
  if (error instanceof CommanderError) return commanderFailure(error, context, prefix);
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_INTERNAL, line: `${prefix}: internal error: ${oneLine(message)} (set MEMBRANE_DEBUG=1 for details)` };
}

function commanderFailure(error: CommanderError, context: FailureContext, prefix: string): Failure {
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return { exitCode: 0 };
    case 'commander.help':
      // Help printed because no subcommand was given: the help itself went to stderr.
      return { exitCode: error.exitCode === 0 ? 0 : EXIT_USAGE };
    default:
      break;
  }
  // Commander quotes what was typed ('<command>', '--option'): a quote longer than describeValue's is cut the same way.
  let message = oneLine(error.message.replace(/^error:\s*/, '')).replace(/'([^']*)'/g, (whole, typed: string) =>
    typed.length > MAXIMUM_QUOTED_LENGTH - 2 ? `'${clipText(typed, MAXIMUM_QUOTED_LENGTH - 2)}'` : whole,
  );
  // Commander's "(Did you mean x?)" hint is kept on the same line, in lower case.
  message = message.replace(/\(Did you mean/g, '(did you mean');
  const helpOf = context.command ? `membrane ${context.command} --help` : 'membrane --help';
  switch (error.code) {
    case 'commander.unknownCommand':
      message += `; expected one of: ${context.commands.join(', ')}`;
      break;
    case 'commander.unknownOption':
      message += `; allowed options are listed by "${helpOf}"`;
      break;
    case 'commander.optionMissingArgument':
      message += `; expected a value after it (see "${helpOf}")`;
      break;
    case 'commander.missingMandatoryOptionValue':
      message += ` (see "${helpOf}")`;
      break;
    case 'commander.excessArguments':
    case 'commander.missingArgument':
      message += ` (see "${helpOf}")`;
      break;
    default:
      break;
  }
  return { exitCode: EXIT_USAGE, line: `${prefix}: ${message}` };
}
