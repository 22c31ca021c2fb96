// Bundles the browser edition's server (src-main/web/main.ts) into one CommonJS file under out/web.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { HOLEPUNCH_PACKAGES } from './holepunchPackages.mjs';
import { bundleForNode, root } from './nodeBundle.mjs';

const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const outfile = 'out/web/server.cjs';

await bundleForNode('src-main/web/main.ts', outfile, {
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  sourcemap: true,
  external: HOLEPUNCH_PACKAGES,
});
console.log(`built ${outfile}`);
