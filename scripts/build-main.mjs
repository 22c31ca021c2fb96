// Bundles the Electron main process and the preload into CommonJS files under out/.
// Everything the main process needs (zod, shared/) is inlined; `electron` and the team engine's
// packages (native add-ons) stay external: the packaged app ships those from node_modules.
import { rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { HOLEPUNCH_PACKAGES } from './holepunchPackages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Settings shared by both bundles. */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron', ...HOLEPUNCH_PACKAGES],
  sourcemap: true,
  tsconfig: 'src-main/tsconfig.json',
  alias: { '@shared': './shared' },
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
};

/** The preload may contain only itself and the channel names: a sandboxed preload cannot load modules. */
const PRELOAD_ALLOWED_INPUTS = new Set(['src-main/preload/index.ts', 'shared/ipc/channels.ts']);

async function main() {
  await rm(join(root, 'out', 'main'), { recursive: true, force: true });
  await rm(join(root, 'out', 'preload'), { recursive: true, force: true });

  await build({
    ...common,
    entryPoints: ['src-main/index.ts'],
    outfile: 'out/main/index.cjs',
    // Electron 45 runs Node 22 in the main process.
    target: 'node22',
  });

  const preload = await build({
    ...common,
    entryPoints: ['src-main/preload/index.ts'],
    outfile: 'out/preload/index.cjs',
    // The preload runs in the renderer's Chromium; chrome130 is well below what Electron 45 ships.
    target: 'chrome130',
  });

  const inputs = Object.keys(preload.metafile.inputs).map((p) => p.split(sep).join('/'));
  const stray = inputs.filter((p) => !PRELOAD_ALLOWED_INPUTS.has(p));
  if (stray.length > 0) {
    throw new Error(
      `The preload must bundle only ${[...PRELOAD_ALLOWED_INPUTS].join(', ')}; it also pulled in: ${stray.join(', ')}`,
    );
  }

  for (const file of ['out/main/index.cjs', 'out/preload/index.cjs']) {
    console.log(`built ${relative(root, join(root, file))}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
