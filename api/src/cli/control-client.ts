/** The CLI's side of the control socket: sends its command line to the running server and relays the output. */
import { createConnection } from 'node:net';
import { ZControlFrame, type TControlRequest } from './control-protocol';

/** The socket did not answer (the server is still starting, or is gone); nothing was run. */
export class ControlSocketUnavailable extends Error {}

/** The connection ended before the exit frame: the command may or may not have been applied. */
export class ControlSocketInterrupted extends Error {}

/** Runs `request` in the server listening on `path`; resolves with the command's exit code. */
export function runThroughServer(path: string, request: TControlRequest, io: { stdout: (line: string) => void; stderr: (text: string) => void }): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let connected = false;
    let exitCode: number | null = null;
    let buffered = '';
    socket.on('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const frame = ZControlFrame.safeParse(parseJson(buffered.slice(0, end)));
        buffered = buffered.slice(end + 1);
        if (!frame.success) continue;
        if (frame.data.type === 'stdout') io.stdout(frame.data.line);
        else if (frame.data.type === 'stderr') io.stderr(frame.data.text);
        else exitCode = frame.data.code;
      }
    });
    socket.on('error', (error) => {
      if (!connected) reject(new ControlSocketUnavailable(error.message));
    });
    socket.on('close', () => {
      if (exitCode !== null) resolve(exitCode);
      else if (connected) reject(new ControlSocketInterrupted('the server closed the connection before the command finished'));
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
