import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const alias = {
  '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
  '@renderer': fileURLToPath(new URL('./src-renderer', import.meta.url)),
  '@main': fileURLToPath(new URL('./src-main', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    setupFiles: ['tests/setup/vitest.setup.ts'],
    testTimeout: 20_000,
    // Vitest's default leaves one core of a 2-core machine idle; many files here wait on LibreOffice, age or a child
    // process, so two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/tools/**/*.test.ts'], environment: 'node' },
      },
      {
        // Screens' components rendered in a DOM of their own, with fakes for what they call.
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/component.setup.ts'],
        },
      },
    ],
  },
});
