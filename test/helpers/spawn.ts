/** Runs the project's own entry points as child processes, like an operator would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${repoRoot}node_modules/.bin/tsx`;

/** Env for a child: the test's database (PostgreSQL URL or a PGlite data folder). */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'error', ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

/** `npm run payside -- …` without npm's own output, run in `cwd` (default: the repository): exit code, stdout, stderr. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd = repoRoot): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // tsx reads the tsconfig (for the @shared alias) from the working directory unless told where it is.
    const child = spawn(tsx, [`${repoRoot}api/src/cli/main.ts`, ...args], { cwd, env: { ...env, TSX_TSCONFIG_PATH: `${repoRoot}tsconfig.json` } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `api/src/main.ts` and resolves once it printed its banner. */
export function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['api/src/main.ts'], { cwd: repoRoot, env });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Payside is running') && /Demo (token|data)[^\n]*\n/.test(out)) resolve({ child, output: () => out, stop });
    };
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!out.includes('Payside is running')) reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}
