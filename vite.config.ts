import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

import pkg from './package.json' with { type: 'json' };

/** The renderer, built once and loaded both by the desktop shell (app://desk) and the browser edition. */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  resolve: {
    alias: {
      '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
      '@renderer': fileURLToPath(new URL('./src-renderer', import.meta.url)),
    },
  },
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    // RENDERER_OUT lets several checkouts' test runs build side by side without clobbering each other.
    outDir: process.env.RENDERER_OUT ?? '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // SECURITY: the CSP forbids inline script; keep every module in its own file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
