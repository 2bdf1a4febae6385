/** What the command-line tools share: one-line failures and option parsing. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { printable } from '../src/checker/problems.ts';

/** How `npm run <command>` stops on bad input: one line on stderr, control characters escaped, exit 1. */
export function failWith(command: string): (message: string) => never {
  return (message) => {
    console.error(printable(`npm run ${command}: ${message}`));
    process.exit(1);
  };
}

/**
 * The command line parsed by `util.parseArgs`; an unknown or malformed option stops the command with
 * one line naming it, followed by the usage.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
  usage: string,
  fail: (message: string) => never,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']*)'/.exec(message)?.[1];
    return fail(`${option ? `unknown option ${option}` : message.split('.')[0]}; ${usage}`);
  }
}
