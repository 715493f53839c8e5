import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The scripted Office mailbox as one classic script (it stands in for office.js,
 * so it must define `Office` synchronously): used by /sandbox and the browser tests.
 */
export default defineConfig({
  root: here('.'),
  publicDir: false,
  build: {
    outDir: here('dist/sandbox'),
    emptyOutDir: false,
    lib: { entry: here('src/sandbox/office-fake.ts'), name: 'PaysideOfficeFake', formats: ['iife'], fileName: () => 'office-fake.js' },
  },
});
