import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The Outlook task pane: served by the API under /outlook/. */
export default defineConfig({
  root: here('.'),
  base: '/outlook/',
  plugins: [react()],
  resolve: { alias: { '@shared': here('../shared/src') } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rollupOptions: { input: { taskpane: here('taskpane.html') } },
  },
});
