// Bundles the record verifier into one file an inquiry can run with Node alone.
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';

import { bundleForNode, root } from './nodeBundle.mjs';

const outfile = 'out/cli/response-desk-verify.cjs';

await bundleForNode('src-main/cli/verifyRecord.ts', outfile, { banner: { js: '#!/usr/bin/env node' } });
await chmod(join(root, outfile), 0o755);
console.log(`built ${outfile}`);
