import { buildRecord, type RecordSource } from '@shared/domain/record/buildRecord';
import type { AudienceProfile } from '@shared/domain/record/profiles';
import { RECORD_SECTIONS } from '@shared/domain/record/profiles';
import { sealRecord, type RecordFile } from '@shared/domain/record/recordFile';
import { verifyChain } from '@shared/domain/timeline/chain';

import { changeState, escalateToFallback, startActivation } from '@shared/domain/contacts/activation';
import type { Result } from '@shared/domain/result';
import { approveStatement, rejectStatement, releaseStatement, submitForReview } from '@shared/domain/statements/workflow';
import type { CallAttempt, CallState, TreeActivation } from '@shared/schemas/contacts';
import type { Statement, StatementVersion } from '@shared/schemas/statements';

import { makeItem } from './checklists';
import { makeContact, makeNodes, makeTree } from './contacts';
import { makeIncident } from './incident';
import { makeDraft, makePerson } from './statements';
import { makeContent, makeLog, sha256 } from './timeline';

const T = Date.UTC(2026, 10, 24, 13, 0);

const unwrap = <V>(r: Result<V, unknown>): V => {
  if (!r.ok) throw new Error(`fixture step refused: ${JSON.stringify(r.error)}`);
  return r.value;
};

/**
 * Statements, a call-tree activation and checklist items made through the domain's own
 * workflows: a released holding statement (returned once, then approved), a draft naming a
 * suspect and a victim without consent, an activation with one call reached and one passed to
 * its fallback, and guide items done, not applicable and open.
 */
async function otherFeatures(incidentId: string): Promise<Pick<RecordSource, 'statements' | 'statementVersions' | 'approvals' | 'activations' | 'callAttempts' | 'contacts' | 'checklistItems'>> {
  const at = (minutes: number) => ({ operator: 'Ingrid Berg', now: T + minutes * 60_000 });
  const held = makeDraft();
  let holding: Statement = { ...held.statement, id: 'stm_1', incidentId, title: 'Holding statement' };
  const v1: StatementVersion = { ...held.version, statementId: 'stm_1', incidentId };
  const hash = await sha256(v1.text);
  holding = unwrap(submitForReview(holding, v1, { warnings: [], overrideReason: null, ticked: [] }, at(20)));
  const returned = unwrap(rejectStatement(holding, v1, { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: 'Say where families can go.', textHash: hash }, 'apr_1', at(25)));
  holding = unwrap(submitForReview(returned.statement, v1, { warnings: [], overrideReason: null, ticked: [] }, at(28)));
  const approved = unwrap(approveStatement(holding, v1, { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: 'Approved by phone.', textHash: hash }, 'apr_2', at(30)));
  holding = unwrap(releaseStatement(approved.statement, { releaseId: 'rel_1', channels: ['press', 'website'], at: T + 35 * 60_000, note: '', timelineEntryId: 'tle_release' }, at(35))).statement;

  const drafted = makeDraft({ people: [makePerson({ name: 'Amira Haddad', role: 'victim' }), makePerson({ name: 'Jon Doe', role: 'suspect' })] });
  const draft: Statement = { ...drafted.statement, id: 'stm_2', incidentId, title: 'Draft on the suspect' };
  const draftVersion: StatementVersion = { ...drafted.version, id: 'stv_2_1', statementId: 'stm_2', incidentId };

  const imam = makeContact({ id: 'con_imam', name: 'Imam Y. Rahman', role: 'Imam', phones: [{ label: 'mobile', number: '+47 900 00 000' }], email: 'imam@example.org' });
  const priest = makeContact({ id: 'con_priest', name: 'Rev. Kari Dahl', role: 'Parish priest', phones: [{ label: 'mobile', number: '+47 911 11 111' }], email: '' });
  const deacon = makeContact({ id: 'con_deacon', name: 'Per Moen', role: 'Deacon', phones: [{ label: 'work', number: '+47 922 22 222' }], email: 'per@example.org', doNotShare: true });
  const tree = makeTree({ id: 'ctr_faith', name: 'Faith leaders', nodes: makeNodes([['con_imam', 0], ['con_priest', 1, 'con_deacon']]) });
  const contacts = new Map([imam, priest, deacon].map((c) => [c.id, c]));
  let activation: TreeActivation = startActivation({ id: 'act_1', incidentId, tree, contacts, now: T + 40 * 60_000, operator: 'Ingrid Berg' });
  const reached = unwrap(changeState(activation, 'n1', 'reached', 'Will tell the congregation', T + 45 * 60_000));
  activation = reached.next;
  const unreachable = unwrap(changeState(activation, 'n2', 'unreachable', 'No answer twice', T + 50 * 60_000));
  activation = unwrap(escalateToFallback(unreachable.next, 'n2', T + 51 * 60_000)).next;
  const attempt = (id: string, nodeId: string, contactId: string, minutes: number, from: CallState, to: CallState, escalated: boolean, note: string): CallAttempt =>
    ({ id, activationId: 'act_1', incidentId, nodeId, contactId, at: T + minutes * 60_000, by: 'Ingrid Berg', from, to, escalated, note });

  return {
    statements: [holding, draft],
    statementVersions: [v1, draftVersion],
    approvals: [returned.approval, approved.approval],
    activations: [activation],
    callAttempts: [
      attempt('att_1', 'n1', 'con_imam', 45, 'waiting', 'reached', false, 'Will tell the congregation'),
      attempt('att_2', 'n2', 'con_priest', 50, 'waiting', 'unreachable', false, 'No answer twice'),
      attempt('att_3', 'n2', 'con_deacon', 51, 'unreachable', 'waiting', true, ''),
    ],
    contacts: [imam, priest, deacon],
    checklistItems: [
      makeItem({ id: 'chk_1', incidentId, title: 'Mayor visibly takes charge', status: 'done', resolutionNote: 'At the scene by 13:20', resolvedAt: T + 20 * 60_000, resolvedBy: 'Ingrid Berg' }),
      makeItem({ id: 'chk_2', incidentId, title: 'Open a family assistance centre', phase: 'immediate', status: 'not-applicable', resolutionNote: 'The police run it', resolvedAt: T + 60 * 60_000, resolvedBy: 'Ingrid Berg' }),
      makeItem({ id: 'chk_3', incidentId, title: 'Plan the anniversary', phase: 'long-term', offset: { unit: 'years', amount: 1 }, milestone: true, source: { page: 'cr-p8', basis: 'generalised' } }),
    ],
  };
}

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
    ...(await otherFeatures(incident.id)),
    lessons: [
      { id: 'les_1', incidentId: incident.id, kind: 'strength', text: 'Call tree reached every faith leader within 40 minutes' },
      { id: 'les_2', incidentId: incident.id, kind: 'improvement', text: 'The night shift had no printed call sheet' },
    ],
  };
}

export async function makeRecord(profile: AudienceProfile = 'internal', withheldNames: string[] = [], includeContactDetails = true): Promise<RecordFile> {
  const source = await makeRecordSource();
  const chain = await verifyChain(source.incident.id, source.revisions, source.entries, sha256);
  const unsealed = buildRecord(source, { profile, sections: RECORD_SECTIONS, withheldNames, includeContactDetails, exportedBy: 'Ingrid Berg', now: T + 86_400_000, appVersion: '0.1.0', chain });
  return sealRecord(unsealed, sha256);
}
