/** Builds the Outlook pane once before the suite when its sources changed (the browser tests load the real bundle). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(`${root}node_modules/.bin/tsx`, ['addin-outlook/scripts/build.ts', '--if-stale'], { cwd: root, stdio: 'inherit' });
}
