/**
 * `npm run payside -- <command>`: the operator's command line. On PostgreSQL it opens the
 * database itself. On the embedded database it opens the data folder only when no other process
 * holds it; while `npm start` holds it, the command runs inside that server (control socket), and
 * while anything else holds it, the command refuses and says what to do.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, type Database } from '../db/client';
import { DataFolderHeldError, describeHolder } from '../db/data-folder-lock';
import { readEnv } from '../env';
import { AppError } from '../lib/errors';
import { ControlSocketInterrupted, ControlSocketUnavailable, runThroughServer } from './control-client';
import { cliErrorMessage, parseCommandLine, runParsedCommand, usage, type CommandIo } from './run-command';

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === 'usage') {
    process.stdout.write(`${usage}\n`);
    return parsed.code;
  }
  const io: CommandIo = { out: (line) => process.stdout.write(`${line}\n`), stderr: process.stderr, cwd: process.cwd() };
  if (parsed.command.database === false) {
    // Such commands never read `db`; not opening it keeps them usable before the first `npm start`.
    await runParsedCommand(parsed, undefined, io);
    return 0;
  }
  const env = readEnv();
  const folder = resolve(env.PAYSIDE_DATA_DIR, 'pglite');
  let database: Database;
  try {
    if (!env.DATABASE_URL) mkdirSync(env.PAYSIDE_DATA_DIR, { recursive: true });
    database = await openDatabase({ url: env.DATABASE_URL, dataDir: folder, maxConnections: 4, owner: { kind: 'cli', command: `payside ${argv.join(' ')}` } });
  } catch (error) {
    if (error instanceof DataFolderHeldError) return runInHolder(error, argv);
    throw error;
  }
  try {
    await database.migrate();
    await runParsedCommand(parsed, database.db, io);
    return 0;
  } finally {
    await database.close();
  }
}

/** The folder is held: a running server runs the command; anything else means wait. */
async function runInHolder(held: DataFolderHeldError, argv: string[]): Promise<number> {
  const holder = held.holder;
  const orDelete = `(If no such process is running, delete ${held.lockFile}.)`;
  if (holder?.kind !== 'server' || !holder.controlSocket) {
    throw new AppError('conflict', `the data folder ${held.folder} is held by ${describeHolder(holder)}. Wait for it to finish, or stop it, then run the command again. ${orDelete}`);
  }
  try {
    return await runThroughServer(
      holder.controlSocket,
      { argv, cwd: process.cwd(), stderrIsTTY: process.stderr.isTTY === true },
      { stdout: (line) => process.stdout.write(`${line}\n`), stderr: (text) => process.stderr.write(text) },
    );
  } catch (error) {
    if (error instanceof ControlSocketUnavailable) {
      throw new AppError(
        'service_unavailable',
        `the data folder ${held.folder} is held by the server ${describeHolder(holder)}, which does not answer on ${holder.controlSocket} yet (it is still starting, or stopping). Wait until it prints "Payside is running" (or has stopped), then run the command again. Nothing was changed. ${orDelete}`,
      );
    }
    if (error instanceof ControlSocketInterrupted) {
      throw new AppError('service_unavailable', `the server ${describeHolder(holder)} stopped before the command finished: check whether it took effect before running it again.`);
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`payside: ${cliErrorMessage(error)}\n`);
    process.exit(1);
  },
);
