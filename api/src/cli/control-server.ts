/**
 * The server's control socket: CLI commands typed while the server holds the embedded database
 * run here, in the server's process and on its database, so PGlite keeps a single owner and what
 * a command writes is what the API serves at once. Local only: a Unix socket in a directory of
 * mode 0700 (the socket itself 0600), so only the user who could open the data folder anyway
 * can reach it.
 */
import { chmodSync, mkdirSync, rmSync, unlinkSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { dirname } from 'node:path';
import type { Db } from '../db/client';
import { MAX_REQUEST_BYTES, ZControlRequest, type TControlFrame, type TControlRequest } from './control-protocol';
import { cliErrorMessage, parseCommandLine, runParsedCommand, usage } from './run-command';

export interface ControlServer {
  /** Stops accepting, waits for the commands running, removes the socket. */
  close(): Promise<void>;
}

/** Listens on `path` (a stale socket there is replaced: the caller holds the folder's lock). */
export async function serveControlSocket(path: string, db: Db, options: { removeDirOnClose?: boolean } = {}): Promise<ControlServer> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  rmSync(path, { force: true });
  const running = new Set<Promise<void>>();
  const server = createServer((socket) => {
    const done = handleConnection(socket, db).finally(() => running.delete(done));
    running.add(done);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(path, 0o600);
  return {
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...running]);
      await closed;
      try {
        if (options.removeDirOnClose) rmSync(dir, { recursive: true, force: true });
        else unlinkSync(path);
      } catch {
        // Already removed by server.close().
      }
    },
  };
}

/** Reads one request line, runs it, streams the frames back; nothing a client sends can throw out of here. */
async function handleConnection(socket: Socket, db: Db): Promise<void> {
  socket.on('error', () => {}); // A client that went away (Ctrl-C) must not take the server down.
  const send = (frame: TControlFrame) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
  };
  const line = await readRequestLine(socket);
  if (line === null) return void socket.destroy();
  let request: TControlRequest;
  try {
    request = ZControlRequest.parse(JSON.parse(line));
  } catch {
    send({ type: 'stderr', text: 'payside: malformed control request\n' });
    send({ type: 'exit', code: 2 });
    return void socket.end();
  }
  send({ type: 'exit', code: await runRequest(request, db, send) });
  socket.end();
}

async function runRequest(request: TControlRequest, db: Db, send: (frame: TControlFrame) => void): Promise<number> {
  const out = (line: string) => send({ type: 'stdout', line });
  const stderr = { isTTY: request.stderrIsTTY, write: (text: string) => send({ type: 'stderr', text }) };
  try {
    const parsed = parseCommandLine(request.argv);
    if (parsed.kind === 'usage') {
      out(usage);
      return parsed.code;
    }
    if (parsed.command.database === false) throw new Error(`"${parsed.name}" does not use the database: it runs in the CLI itself`);
    await runParsedCommand(parsed, db, { out, stderr, cwd: request.cwd });
    return 0;
  } catch (error) {
    stderr.write(`payside: ${cliErrorMessage(error)}\n`);
    return 1;
  }
}

/** The first line the client sends, or null if it closes first or sends too much. */
function readRequestLine(socket: Socket): Promise<string | null> {
  return new Promise((resolve) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\n');
      if (end >= 0) finish(buffered.slice(0, end));
      else if (buffered.length > MAX_REQUEST_BYTES) finish(null);
    };
    const finish = (line: string | null) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      resolve(line);
    };
    const onEnd = () => finish(null);
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
  });
}
