// What every bundle for plain Node shares (the verifier, the browser edition's server, the team
// engine): one CommonJS file per entry, the project's path alias, its main-process tsconfig.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` into `outfile` (both relative to the project root); `options` add to esbuild's. */
export async function bundleForNode(entry, outfile, options = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    tsconfig: 'src-main/tsconfig.json',
    alias: { '@shared': './shared' },
    logLevel: 'warning',
    legalComments: 'none',
    ...options,
  });
}
