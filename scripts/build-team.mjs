// Bundles the team sync engine for plain Node: the headless peer (`npm run team:peer`), the
// engine itself (for `npm run bench:team` and the tests that run a desk in a child process).
// The Holepunch packages and their native add-ons stay external: they load from node_modules.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  tsconfig: 'src-main/tsconfig.json',
  alias: { '@shared': './shared' },
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
};

await build({ ...common, entryPoints: ['src-main/team/index.ts'], outfile: 'out/team/engine.cjs' });
await build({ ...common, entryPoints: ['src-main/team/peerCli.ts'], outfile: 'out/team/team-peer.cjs' });
