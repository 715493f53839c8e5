/**
 * A real server process that can be killed with SIGKILL and started again on the same data,
 * and a client that retries on connection errors and 5xx until the server answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { repoRoot } from './spawn';

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `api/src/main.ts` in this very process (node --import tsx, no wrapper process to outlive a kill). */
function launch(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], { cwd: repoRoot, env });
    let out = '';
    const collect = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Payside is running') && /Demo (token|data)[^\n]*\n/.test(out)) resolve({ child, output: () => out });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!out.includes('Payside is running')) reject(new Error(`server exited (${code ?? signal}) before serving:\n${out}`));
    });
  });
}

/** One server on a fixed port that can crash and come back; `whenUp()` resolves while (or once) it serves. */
export function crashableServer(env: NodeJS.ProcessEnv) {
  let current: { child: ChildProcess; output: () => string } | undefined;
  let up: Promise<void> = Promise.reject(new Error('not started'));
  up.catch(() => {});
  const boot = () => {
    up = launch(env).then((started) => {
      current = started;
    });
    return up;
  };
  const exited = (child: ChildProcess) => new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));
  return {
    start: boot,
    whenUp: () => up,
    output: () => current?.output() ?? '',
    /** The serving process's id (the one that holds a PGlite data folder). */
    pid: () => current?.child.pid,
    /** SIGKILL now (no shutdown hook runs), then start again on the same data. */
    async crashAndRestart(): Promise<void> {
      const dying = current!.child;
      current = undefined;
      let restarted!: () => void;
      let failed!: (e: unknown) => void;
      up = new Promise<void>((resolve, reject) => ((restarted = resolve), (failed = reject)));
      dying.kill('SIGKILL');
      await exited(dying);
      launch(env).then((started) => ((current = started), restarted()), failed);
      return up;
    },
    /** SIGTERM: the server closes its database cleanly. */
    async stop(): Promise<void> {
      const child = current?.child;
      if (!child) return;
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

export interface RetriedResponse {
  status: number;
  body: any;
  /** Attempts that ended in a connection error or a 5xx before this answer. */
  failures: number;
}

/** POSTs JSON until the server answers below 500, waiting for it to be up between attempts (with backoff). */
export async function postWithRetry(server: ReturnType<typeof crashableServer>, url: string, token: string, body: unknown): Promise<RetriedResponse> {
  for (let failures = 0; ; failures++) {
    await server.whenUp();
    try {
      const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      if (res.status < 500) return { status: res.status, body: text ? JSON.parse(text) : null, failures };
    } catch {
      /* connection refused or reset: the server died mid-request */
    }
    if (failures >= 30) throw new Error(`gave up on ${url} after ${failures} failures`);
    // Backoff with jitter: a retry policy, not synchronisation (whenUp() is what waits for the restart).
    await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 25 * 2 ** failures) * (0.5 + Math.random())));
  }
}
