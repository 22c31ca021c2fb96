// Bundles the team sync engine for plain Node: the headless peer (`npm run team:peer`), the
// engine itself (for `npm run bench:team` and the tests that run a desk in a child process).
// The Holepunch packages and their native add-ons stay external: they load from node_modules.
import { bundleForNode } from './nodeBundle.mjs';

const external = { packages: 'external' };

await bundleForNode('src-main/team/index.ts', 'out/team/engine.cjs', external);
await bundleForNode('src-main/team/peerCli.ts', 'out/team/team-peer.cjs', external);
