// The team sync engine's public surface: what Electron's main process, the browser edition's
// local server and the headless peer wire in.
// Every type of types.ts is part of it: that file holds the engine's contract and nothing else.
export type * from './types';
export {
  DEFAULT_MAX_RECORD_BYTES,
  HypercoreTeamEngine,
  newTeamId,
  openTeamEngine,
  type TeamEngineOptions,
} from './hypercoreEngine';
export { createLanSharing, parseAddress, type LanOptions, type LanPeer, type LanSharing } from './lan';
export { BEACON_GROUP, BEACON_PORT } from './beacon';
export { deriveTeamKeys, TEAM_SECRET_BYTES, type TeamCredentials } from './teamKeys';
export { duplexPair } from './duplexPair';
export { parseScope, scopeText } from './scope';
