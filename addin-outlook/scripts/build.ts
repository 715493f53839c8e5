/**
 * Builds the task pane and the scripted mailbox, then prints the gzip size of the
 * pane's initial JavaScript (what Outlook downloads before the pane can paint).
 * With --if-stale it does nothing when dist is newer than every source file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initialJsFiles, initialJsGzipBytes, lazyJsGzipBytes } from './bundle-size';

const pane = fileURLToPath(new URL('..', import.meta.url));
const root = join(pane, '..');
const dist = join(pane, 'dist');
const stamp = join(dist, '.build-stamp');

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'dist') return max;
    return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

const sourcesChanged = () =>
  !existsSync(stamp) ||
  Math.max(newest(join(pane, 'src')), newest(join(pane, 'public')), newest(join(root, 'shared', 'src')), statSync(join(pane, 'taskpane.html')).mtimeMs, statSync(join(pane, 'vite.config.ts')).mtimeMs) >
    statSync(stamp).mtimeMs;

if (process.argv.includes('--if-stale') && !sourcesChanged()) process.exit(0);
const vite = join(root, 'node_modules', '.bin', 'vite');
// Always a production bundle, even when a test runner (NODE_ENV=test) triggers the build.
const env = { ...process.env, NODE_ENV: 'production' };
execFileSync(vite, ['build', '--logLevel', 'warn', '-c', join(pane, 'vite.config.ts')], { stdio: 'inherit', cwd: root, env });
execFileSync(vite, ['build', '--logLevel', 'warn', '-c', join(pane, 'vite.sandbox.config.ts')], { stdio: 'inherit', cwd: root, env });
writeFileSync(stamp, new Date().toISOString());
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB gzip`;
console.log(`Outlook pane built: initial JavaScript ${kb(initialJsGzipBytes(dist))} (${initialJsFiles(dist).length} files); loaded on demand ${kb(lazyJsGzipBytes(dist))}`);
