import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import { webCryptoVerifier } from '@shared/domain/signed/ed25519';
import { scopeKey } from '@shared/domain/signed/format';
import { verifyIncidentIntegrity, type IncidentIntegrityReport } from '@shared/domain/signed/incidentIntegrity';
import type { Incident } from '@shared/schemas/entities';
import type { TimelineRevision } from '@shared/schemas/timeline';

import type { DeskDatabase } from '../../db/database';
import { createSignedRecordsRepo } from '../../db/repos/signedRecordsRepo';
import type { DeskIdentities } from '../identity/identity';

const PAGE = 5000;

/**
 * Verify integrity over what the desk holds, as anyone reading its record would run it: the
 * incident's signed records against the desk's identities (signatures, links, gaps), the v1 hash
 * chain, the anchor that ties them, every revision since against the one a desk signed, and the
 * heads that left the desk.
 */
export function createSignedIntegrity(deps: { db: DeskDatabase; sha256: Sha256Hex; identities: DeskIdentities }) {
  const records = createSignedRecordsRepo(deps.db);
  async function* revisions(incidentId: string): AsyncGenerator<TimelineRevision[]> {
    for (let from = 1; ; from += PAGE) {
      const page = await deps.db.timelineRevisions
        .where('[incidentId+chainSeq]')
        .between([incidentId, from], [incidentId, from + PAGE], true, false)
        .toArray();
      if (page.length === 0) return;
      yield page;
    }
  }
  return async (
    incident: Pick<Incident, 'id' | 'timeZone'>,
    onProgress?: (done: number) => void,
  ): Promise<IncidentIntegrityReport> =>
    verifyIncidentIntegrity({
      incidentId: incident.id,
      timeZone: incident.timeZone,
      revisions: revisions(incident.id),
      entries: await deps.db.timelineEntries.where('incidentId').equals(incident.id).toArray(),
      publishedHeads: await deps.db.publishedHeads.where('incidentId').equals(incident.id).toArray(),
      signed: records.pages(scopeKey({ kind: 'incident', incidentId: incident.id })),
      roster: await deps.identities.roster(),
      verify: webCryptoVerifier(crypto.subtle),
      sha256: deps.sha256,
      ...(onProgress ? { onProgress: (_step: 'signed' | 'v1', done: number) => onProgress(done) } : {}),
    });
}
