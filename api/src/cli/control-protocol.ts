/**
 * The control socket's protocol: newline-delimited JSON. The CLI sends one request (its
 * arguments, working directory and whether its stderr is a terminal); the server answers with
 * output frames and ends with the exit code.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const ZControlRequest = z.object({
  argv: z.array(z.string().max(10_000)).max(1_000),
  cwd: z.string().min(1).max(10_000),
  stderrIsTTY: z.boolean(),
});
export type TControlRequest = z.infer<typeof ZControlRequest>;

export const ZControlFrame = z.discriminatedUnion('type', [
  /** One line of the command's standard output. */
  z.object({ type: z.literal('stdout'), line: z.string() }),
  /** Raw text for its standard error (progress redraws with \r, error messages). */
  z.object({ type: z.literal('stderr'), text: z.string() }),
  /** The last frame: the command's exit code. */
  z.object({ type: z.literal('exit'), code: z.number().int() }),
]);
export type TControlFrame = z.infer<typeof ZControlFrame>;

/** A request line longer than this is refused (the longest real command line is a few kB). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Unix socket paths are limited to about 104 bytes (sun_path); longer ones fall back to os.tmpdir(). */
const MAX_SOCKET_PATH = 100;

/** The control socket's directory in the data folder (kept across runs; a fallback under os.tmpdir() is not). */
export const controlDirBeside = (folder: string) => join(dirname(folder), 'control');

/**
 * Where the server of PGlite folder `folder` listens: `control/payside.sock` beside the folder, in
 * a directory only its user can enter; a fresh private directory under os.tmpdir() when that path
 * is too long for a socket. Recorded in the folder's lock, which is where clients read it.
 */
export function chooseControlSocketPath(folder: string): string {
  const beside = join(controlDirBeside(folder), 'payside.sock');
  if (Buffer.byteLength(beside) <= MAX_SOCKET_PATH) return beside;
  const tag = createHash('sha256').update(folder).digest('hex').slice(0, 8);
  return join(mkdtempSync(join(tmpdir(), `payside-${tag}-`)), 'c.sock');
}
