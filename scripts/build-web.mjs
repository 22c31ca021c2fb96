// Bundles the browser edition's server (src-main/web/main.ts) into one CommonJS file under out/web.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const outfile = 'out/web/server.cjs';

await build({
  absWorkingDir: root,
  entryPoints: ['src-main/web/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  tsconfig: 'src-main/tsconfig.json',
  alias: { '@shared': './shared' },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
});
console.log(`built ${outfile}`);
