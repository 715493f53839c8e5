/**
 * What the built task pane makes Outlook download before it can paint, and what
 * it loads later: printed by build.ts, checked against the budget by the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size (level 9) of a file under dist. */
export const gzipBytes = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** Static (not `import()`) imports of a built chunk, as assets/… paths. */
const staticImportsOf = (dist: string, file: string) =>
  [...readFileSync(join(dist, file), 'utf8').matchAll(/\bimport\s*(?:\{[^}]*\}\s*from\s*|[\w$]+\s*from\s*|\*\s*as\s*[\w$]+\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g)]
    .map((m) => `assets/${m[1]}`)
    .filter((f) => existsSync(join(dist, f)));

/**
 * Everything the pane downloads before it can paint: the module script and modulepreloads of
 * taskpane.html and, so that none is missed, every chunk they import statically. Chunks
 * behind `import()` (dialogs, the message viewer, compose, sign-in, MSAL) are not counted.
 */
export function initialJsFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  const seen = new Set([...html.matchAll(/(?:src|href)="\/outlook\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string));
  for (const file of seen) for (const next of staticImportsOf(dist, file)) seen.add(next);
  return [...seen];
}

/** Sums the gzip size of the initial JavaScript (see initialJsFiles). */
export function initialJsGzipBytes(dist: string): number {
  return initialJsFiles(dist).reduce((sum, f) => sum + gzipBytes(dist, f), 0);
}

/** The chunks loaded on demand, as assets/… paths. */
export function lazyJsFiles(dist: string): string[] {
  const initial = new Set(initialJsFiles(dist));
  return readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
    .map((f) => `assets/${f}`);
}

/** Gzip size of the chunks loaded on demand. */
export function lazyJsGzipBytes(dist: string): number {
  return lazyJsFiles(dist).reduce((sum, f) => sum + gzipBytes(dist, f), 0);
}
