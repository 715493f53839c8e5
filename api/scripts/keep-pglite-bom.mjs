#!/usr/bin/env node
/**
 * postinstall: make PGlite keep a leading U+FEFF in the text values it returns.
 *
 * PGlite decodes every result field with `new TextDecoder('utf-8')`, whose default
 * (`ignoreBOM: false`) treats a leading U+FEFF as a byte-order mark and drops it, so a
 * subject or body that begins with one comes back one character short on the embedded
 * database (PostgreSQL through postgres.js keeps it). The decoder is private to PGlite's
 * protocol reader and no option reaches it, so this rewrites its construction in PGlite's
 * installed bundles to `new TextDecoder(<encoding>, { ignoreBOM: true })`, which decodes
 * everything else byte for byte the same.
 * @see https://encoding.spec.whatwg.org/#dom-textdecoder-ignorebom
 *
 * Idempotent. When a PGlite release changes the construct this warns instead of failing
 * the install; `openDatabase` then refuses to open PGlite (its start-up check reads a
 * U+FEFF back) and test/api/text-round-trip.test.ts fails, so it cannot go unnoticed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The protocol reader's decoder: `new TextDecoder(<private field read>)`, one argument. */
const DECODER = /new TextDecoder\((\w+\(this,\w+\))\)/g;

function bundlesOf(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return bundlesOf(path);
    return /\.(c?js)$/.test(entry.name) ? [path] : [];
  });
}

let pgliteDir;
try {
  // The package's exports do not include package.json: resolve its entry, dist/index.cjs.
  pgliteDir = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
} catch {
  process.exit(0); // not installed: nothing to do
}

let patched = 0;
let alreadyKept = 0;
for (const file of bundlesOf(join(pgliteDir, 'dist'))) {
  const source = readFileSync(file, 'utf8');
  alreadyKept += source.split('{ignoreBOM:true})').length - 1;
  const fixed = source.replace(DECODER, (_, encoding) => `new TextDecoder(${encoding},{ignoreBOM:true})`);
  if (fixed !== source) {
    writeFileSync(file, fixed);
    patched += (source.match(DECODER) ?? []).length;
  }
}
if (patched + alreadyKept === 0) {
  process.stderr.write('keep-pglite-bom: PGlite\'s protocol decoder was not found; a leading U+FEFF may be dropped on the embedded database.\n');
} else if (patched > 0) {
  process.stdout.write(`keep-pglite-bom: PGlite keeps a leading U+FEFF (${patched} decoder${patched === 1 ? '' : 's'}).\n`);
}
