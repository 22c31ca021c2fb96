import { DeskDatabase } from '@renderer/db/database';
import { createRepos } from '@renderer/db/repos';

import { sha256 } from '../../factories/timeline';

let dbSeq = 0;

/** A fresh, uniquely named database in fake-indexeddb, with deterministic ids. */
export function freshDesk() {
  dbSeq += 1;
  const db = new DeskDatabase(`test-desk-${dbSeq}-${Date.now()}`);
  let idSeq = 0;
  // Ids carry the desk number, as random ids would never collide between two desks.
  const repos = createRepos(db, () => {
    idSeq += 1;
    return `${dbSeq}-${String(idSeq).padStart(6, "0")}`;
  }, sha256);
  return { db, repos };
}
