import { buildRecord, type RecordSource } from '@shared/domain/record/buildRecord';
import type { AudienceProfile } from '@shared/domain/record/profiles';
import { RECORD_SECTIONS } from '@shared/domain/record/profiles';
import { sealRecord, type RecordFile } from '@shared/domain/record/recordFile';
import { verifyChain } from '@shared/domain/timeline/chain';

import { makeIncident } from './incident';
import { makeContent, makeLog, sha256 } from './timeline';

const T = Date.UTC(2026, 10, 24, 13, 0);

/** An incident with every kind of data the record carries, as a desk would hold it. */
export async function makeRecordSource(): Promise<RecordSource> {
  const incident = makeIncident({ id: 'inc_rec', title: 'Vehicle attack, Markens gate', startAt: T });
  const log = makeLog(incident.id);
  const ingrid = (now: number) => ({ operator: 'Ingrid Berg', now });
  await log.add('tle_1', makeContent({ occurredAt: T + 120_000, title: 'Van drives into the crowd; Amira Haddad among the injured', release: 'public' }), ingrid(T + 200_000));
  await log.add('tle_2', makeContent({ occurredAt: T + 540_000, category: 'decision', title: 'Mayor activates the crisis team' }), ingrid(T + 600_000));
  await log.add('tle_3', makeContent({ occurredAt: T + 700_000, category: 'rumour', title: 'Second attacker at the station' }), ingrid(T + 720_000));
  await log.verify('tle_1', 'confirmed', ingrid(T + 800_000));
  await log.retract('tle_3', 'Disproven by police', ingrid(T + 900_000));
  return {
    incident,
    settings: { cityName: 'Kristiansand' },
    entries: [...log.entries.values()],
    revisions: log.revisions,
    audit: [{ id: 'aud_1', at: T + 100, operator: 'Ingrid Berg', incidentId: incident.id, entityType: 'incident', entityId: incident.id, action: 'create', summary: 'Incident created', changes: [] }],
    statements: [
      { id: 'stm_1', incidentId: incident.id, status: 'released', title: 'Holding statement' },
      { id: 'stm_2', incidentId: incident.id, status: 'draft', title: 'Draft on the suspect' },
    ],
    statementVersions: [{ id: 'stv_1', statementId: 'stm_1', number: 1, text: 'We are with the families.' }],
    approvals: [{ id: 'apr_1', statementId: 'stm_1', approver: 'Mayor', hash: 'ab'.repeat(32) }],
    activations: [{ id: 'act_1', incidentId: incident.id, treeName: 'Faith leaders', contactName: 'Imam Y. Rahman', phone: '+47 900 00 000', email: 'imam@example.org' }],
    callAttempts: [{ id: 'att_1', activationId: 'act_1', state: 'reached', at: T + 1_000_000 }],
    checklistItems: [{ id: 'chk_1', incidentId: incident.id, title: 'Mayor visibly takes charge', status: 'done' }],
    lessons: [{ id: 'les_1', incidentId: incident.id, kind: 'strength', text: 'Call tree reached every faith leader within 40 minutes' }],
  };
}

export async function makeRecord(profile: AudienceProfile = 'internal', withheldNames: string[] = [], includeContactDetails = true): Promise<RecordFile> {
  const source = await makeRecordSource();
  const chain = await verifyChain(source.incident.id, source.revisions, source.entries, sha256);
  const unsealed = buildRecord(source, { profile, sections: RECORD_SECTIONS, withheldNames, includeContactDetails, exportedBy: 'Ingrid Berg', now: T + 86_400_000, appVersion: '0.1.0', chain });
  return sealRecord(unsealed, sha256);
}
