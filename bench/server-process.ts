/** Starts bench/server.ts as a child process (one node process: `node --import tsx`) and stops it. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchLocation } from './bench-database';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** A running bench server. */
export interface ServerProcess {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Resolves once the server printed its port; rejects when it exits first. */
export function startServerProcess(location: BenchLocation): Promise<ServerProcess> {
  const args = location.url ? ['--url', location.url] : ['--pglite', location.pgliteDir!];
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const port = /\{"port":(\d+)\}/.exec(output)?.[1];
      if (!port) return;
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}:\n${output}`)));
  });
}
