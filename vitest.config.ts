import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./shared/src', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts', 'shared/src/**/*.test.ts', 'api/src/**/*.test.ts', 'addin-*/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/helpers/contract-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
