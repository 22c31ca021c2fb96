// Bundles the record verifier into one file an inquiry can run with Node alone.
import { chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = 'out/cli/response-desk-verify.cjs';

await build({
  absWorkingDir: root,
  entryPoints: ['src-main/cli/verifyRecord.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  tsconfig: 'src-main/tsconfig.json',
  alias: { '@shared': './shared' },
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
  legalComments: 'none',
});
await chmod(join(root, outfile), 0o755);
console.log(`built ${outfile}`);
