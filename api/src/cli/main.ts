/** `npm run payside -- <command>`: the operator's command line. */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../db/client';
import { readEnv } from '../env';
import { AppError } from '../lib/errors';
import { commands } from './commands';

const usage = `Usage: npm run payside -- <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}\n  ${' '.repeat(16)} ${c.usage}`)
  .join('\n')}

Environment: DATABASE_URL (PostgreSQL; embedded PGlite in PAYSIDE_DATA_DIR otherwise).`;

async function main(argv: string[]): Promise<number> {
  const [first, second, ...rest] = argv;
  const name = first && second && commands[`${first} ${second}`] ? `${first} ${second}` : first;
  const command = name ? commands[name] : undefined;
  if (!command || first === 'help' || first === '--help') {
    process.stdout.write(`${usage}\n`);
    return command || !first || first === 'help' || first === '--help' ? 0 : 2;
  }
  const args = name === first ? [second, ...rest].filter((a): a is string => a !== undefined) : rest;
  const { values, positionals } = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  const env = readEnv();
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (command.database === false) {
    // Such commands never read `db`; not opening it keeps them usable before the first `npm start`.
    await command.run({ db: undefined as never, values, positionals, out: print });
    return 0;
  }
  let database: Database | undefined;
  try {
    if (!env.DATABASE_URL) mkdirSync(env.PAYSIDE_DATA_DIR, { recursive: true });
    database = await openDatabase({ url: env.DATABASE_URL, dataDir: `${env.PAYSIDE_DATA_DIR}/pglite`, maxConnections: 4 });
    await database.migrate();
    await command.run({ db: database.db, values, positionals, out: (line) => process.stdout.write(`${line}\n`) });
    return 0;
  } finally {
    await database?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof AppError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : String((error as Error).stack ?? error);
    process.stderr.write(`payside: ${message}\n`);
    process.exit(1);
  },
);
