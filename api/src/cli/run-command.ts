/** One command line, parsed and run against a database: by the CLI itself, or by the server for it. */
import { parseArgs } from 'node:util';
import type { Db } from '../db/client';
import { AppError } from '../lib/errors';
import type { ProgressStream } from '../import/progress';
import { commands, type Command, type CommandInput } from './commands';

export const usage = `Usage: npm run payside -- <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}\n  ${' '.repeat(16)} ${c.usage}`)
  .join('\n')}

Environment: DATABASE_URL (PostgreSQL; embedded PGlite in PAYSIDE_DATA_DIR otherwise).
While \`npm start\` runs on the embedded database, commands run inside that server.`;

/** A command line: the command with its parsed flags, or the usage with the exit code to print it with. */
export type ParsedCommandLine =
  | { kind: 'usage'; code: number }
  | { kind: 'command'; name: string; command: Command; values: CommandInput['values']; positionals: string[] };

/** Finds the command (one or two words) and parses its flags; unknown flags throw ERR_PARSE_ARGS_*. */
export function parseCommandLine(argv: string[]): ParsedCommandLine {
  const [first, second, ...rest] = argv;
  const name = first && second && commands[`${first} ${second}`] ? `${first} ${second}` : first;
  const command = name ? commands[name] : undefined;
  if (!command || first === 'help' || first === '--help') return { kind: 'usage', code: command || !first || first === 'help' || first === '--help' ? 0 : 2 };
  const args = name === first ? [second, ...rest].filter((a): a is string => a !== undefined) : rest;
  const { values, positionals } = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  return { kind: 'command', name: name!, command, values, positionals };
}

/** Where a command's output goes and where it was typed. */
export interface CommandIo {
  out: (line: string) => void;
  stderr: ProgressStream;
  cwd: string;
}

/** Runs a parsed command on `db` (unused by `database: false` commands). */
export async function runParsedCommand(parsed: Extract<ParsedCommandLine, { kind: 'command' }>, db: Db | undefined, io: CommandIo): Promise<void> {
  await parsed.command.run({ db: db as Db, values: parsed.values, positionals: parsed.positionals, ...io });
}

/** The text after "payside: " for a failed command: the message of an error the operator can act on, the stack otherwise. */
export function cliErrorMessage(error: unknown): string {
  const known = error instanceof AppError || (error as { code?: string } | undefined)?.code?.startsWith('ERR_PARSE_ARGS');
  return known ? (error as Error).message : String((error as Error | undefined)?.stack ?? error);
}
