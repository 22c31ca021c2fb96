import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

import base from '../vite.config.ts';

/** The app and the benchmark harness side by side, so both use the same origin's IndexedDB. */
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('..', import.meta.url)),
  build: {
    ...base.build,
    outDir: 'out/bench',
    rolldownOptions: {
      input: {
        app: fileURLToPath(new URL('../src-renderer/index.html', import.meta.url)),
        harness: fileURLToPath(new URL('./harness.html', import.meta.url)),
      },
    },
  },
});
