import { buildRecord, type RecordSource } from '@shared/domain/record/buildRecord';
import type { AudienceProfile } from '@shared/domain/record/profiles';
import { RECORD_SECTIONS } from '@shared/domain/record/profiles';
import { sealRecord, type RecordFile } from '@shared/domain/record/recordFile';
import { verifyChain } from '@shared/domain/timeline/chain';

import {
  changeState,
  escalateToFallback,
  standDownActivation,
  startActivation,
} from '@shared/domain/contacts/activation';
import type { Result } from '@shared/domain/result';
import {
  approveStatement,
  rejectStatement,
  releaseStatement,
  reviseApproved,
  submitForReview,
} from '@shared/domain/statements/workflow';
import type { Lesson } from '@shared/schemas/lessons';
import type { PublishedHead } from '@shared/schemas/publishedHeads';
import type { SensitivityWarning } from '@shared/schemas/statements';
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

/** What the drafter overrode when sending the revised holding statement for review. */
export const OVERRIDE_REASON = 'Police named him at their 12:45 briefing';
export const RETURN_COMMENT = 'Say where families can go.';
/** The text the public received (version 1) and the revision approved later but never released (version 2). */
export const RELEASED_LINE = 'Please stay away from the city centre.';
export const REVISED_LINE = 'The city centre is open again; the vigil starts at 18:00.';
/** A contact marked "do not share", and her number as an operator typed it into a timeline entry. */
/** Why the call tree was called off, with the fallback's number typed into it. */
export const STAND_DOWN_REASON = 'Police took over the calls; the fallback is on +47 922 22 222';
export const DNS_NAME = 'Berit Moen';
export const DNS_NUMBER_TYPED = '922 22 222';

/**
 * Statements, a call-tree activation and checklist items made through the domain's own
 * workflows: a holding statement returned once, approved, released as version 1, then revised
 * past a sensitivity warning and approved as version 2 but never released; a draft naming a
 * suspect and a victim without consent; an activation with one call reached and one passed to
 * its fallback (a person marked "do not share"); guide items done, not applicable and open.
 */
async function otherFeatures(
  incidentId: string,
): Promise<
  Pick<
    RecordSource,
    | 'statements'
    | 'statementVersions'
    | 'approvals'
    | 'activations'
    | 'callAttempts'
    | 'contacts'
    | 'doNotShare'
    | 'checklistItems'
  >
> {
  const at = (minutes: number) => ({ operator: 'Ingrid Berg', now: T + minutes * 60_000 });
  const held = makeDraft();
  let holding: Statement = { ...held.statement, id: 'stm_1', incidentId, title: 'Holding statement' };
  const v1: StatementVersion = { ...held.version, statementId: 'stm_1', incidentId };
  const hash = await sha256(v1.text);
  holding = unwrap(submitForReview(holding, v1, { warnings: [], overrideReason: null, ticked: [] }, at(20)));
  const returned = unwrap(
    rejectStatement(
      holding,
      v1,
      { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: RETURN_COMMENT, textHash: hash },
      'apr_1',
      at(25),
    ),
  );
  holding = unwrap(submitForReview(returned.statement, v1, { warnings: [], overrideReason: null, ticked: [] }, at(28)));
  const approved = unwrap(
    approveStatement(
      holding,
      v1,
      { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: 'Approved by phone.', textHash: hash },
      'apr_2',
      at(30),
    ),
  );
  holding = unwrap(
    releaseStatement(
      approved.statement,
      {
        releaseId: 'rel_1',
        channels: ['press', 'website'],
        at: T + 35 * 60_000,
        note: '',
        timelineEntryId: 'tle_release',
      },
      at(35),
    ),
  ).statement;
  // Revised after release, sent past a warning, approved: version 2 is approved but never released.
  const revised = unwrap(
    reviseApproved(
      holding,
      v1,
      { title: v1.title, body: v1.body.replace('{{public_safety_instruction}}', REVISED_LINE), values: v1.values },
      'stv_1_2',
      at(120),
    ),
  );
  const v2 = revised.version;
  if (v2 === null) throw new Error('fixture: the revision saved nothing');
  const warning: SensitivityWarning = {
    code: 'perpetrator-named',
    key: 'perpetrator-named:jon doe',
    message: 'Jon Doe is named as the suspected perpetrator.',
    advice: 'Deny attackers publicity.',
  };
  holding = unwrap(
    submitForReview(
      revised.statement,
      v2,
      { warnings: [warning], overrideReason: OVERRIDE_REASON, ticked: [] },
      at(125),
    ),
  );
  const approved2 = unwrap(
    approveStatement(
      holding,
      v2,
      {
        approverName: 'Anna Hansen',
        approverRole: 'Mayor',
        comment: 'Fine once the police confirm.',
        textHash: await sha256(v2.text),
      },
      'apr_3',
      at(130),
    ),
  );
  holding = approved2.statement;

  const drafted = makeDraft({
    people: [makePerson({ name: 'Amira Haddad', role: 'victim' }), makePerson({ name: 'Jon Doe', role: 'suspect' })],
  });
  const draft: Statement = {
    ...drafted.statement,
    id: 'stm_2',
    incidentId,
    title: 'Draft on the suspect',
    headVersionId: 'stv_2_1',
  };
  const draftVersion: StatementVersion = { ...drafted.version, id: 'stv_2_1', statementId: 'stm_2', incidentId };

  // Only the deacon asked that her details not be shared.
  const faithLeaders = (
    [
      ['con_imam', 'Imam Y. Rahman', 'Imam', { label: 'mobile', number: '+47 900 00 000' }, 'imam@example.org'],
      ['con_priest', 'Rev. Kari Dahl', 'Parish priest', { label: 'mobile', number: '+47 911 11 111' }, ''],
      ['con_deacon', DNS_NAME, 'Deacon', { label: 'work', number: '+47 922 22 222' }, 'berit@example.org'],
    ] as const
  ).map(([id, name, role, phone, email]) =>
    makeContact({ id, name, role, phones: [phone], email, doNotShare: id === 'con_deacon' }),
  );
  const tree = makeTree({
    id: 'ctr_faith',
    name: 'Faith leaders',
    nodes: makeNodes([
      ['con_imam', 0],
      ['con_priest', 1, 'con_deacon'],
    ]),
  });
  const contacts = new Map(faithLeaders.map((c) => [c.id, c]));
  let activation: TreeActivation = startActivation({
    id: 'act_1',
    incidentId,
    tree,
    contacts,
    now: T + 40 * 60_000,
    operator: 'Ingrid Berg',
  });
  const reached = unwrap(changeState(activation, 'n1', 'reached', 'Will tell the congregation', T + 45 * 60_000));
  activation = reached.next;
  const unreachable = unwrap(changeState(activation, 'n2', 'unreachable', 'No answer twice', T + 50 * 60_000));
  activation = unwrap(escalateToFallback(unreachable.next, 'n2', T + 51 * 60_000)).next;
  activation = unwrap(standDownActivation(activation, STAND_DOWN_REASON, T + 70 * 60_000, 'Ingrid Berg'));
  const attempt = (
    id: string,
    nodeId: string,
    contactId: string,
    minutes: number,
    from: CallState,
    to: CallState,
    escalated: boolean,
    note: string,
  ): CallAttempt => ({
    id,
    activationId: 'act_1',
    incidentId,
    nodeId,
    contactId,
    at: T + minutes * 60_000,
    by: 'Ingrid Berg',
    from,
    to,
    escalated,
    note,
  });

  return {
    statements: [holding, draft],
    statementVersions: [v1, v2, draftVersion],
    approvals: [returned.approval, approved.approval, approved2.approval],
    activations: [activation],
    callAttempts: [
      attempt('att_1', 'n1', 'con_imam', 45, 'waiting', 'reached', false, 'Will tell the congregation'),
      attempt('att_2', 'n2', 'con_priest', 50, 'waiting', 'unreachable', false, 'No answer twice'),
      attempt('att_3', 'n2', 'con_deacon', 51, 'unreachable', 'waiting', true, ''),
    ],
    contacts: faithLeaders,
    doNotShare: faithLeaders.filter((c) => c.doNotShare),
    checklistItems: [
      makeItem({
        id: 'chk_1',
        incidentId,
        title: 'Mayor visibly takes charge',
        status: 'done',
        resolutionNote: 'At the scene by 13:20',
        resolvedAt: T + 20 * 60_000,
        resolvedBy: 'Ingrid Berg',
      }),
      makeItem({
        id: 'chk_2',
        incidentId,
        title: 'Open a family assistance centre',
        phase: 'immediate',
        status: 'not-applicable',
        resolutionNote: 'The police run it',
        resolvedAt: T + 60 * 60_000,
        resolvedBy: 'Ingrid Berg',
      }),
      makeItem({
        id: 'chk_3',
        incidentId,
        title: 'Plan the anniversary',
        phase: 'long-term',
        offset: { unit: 'years', amount: 1 },
        milestone: true,
        source: { page: 'cr-p8', basis: 'generalised' },
      }),
    ],
  };
}

/** An incident with every kind of data the record carries, as a desk would hold it. */
export async function makeRecordSource(): Promise<RecordSource> {
  const incident = makeIncident({ id: 'inc_rec', title: 'Vehicle attack, Markens gate', startAt: T });
  const log = makeLog(incident.id);
  const ingrid = (now: number) => ({ operator: 'Ingrid Berg', now });
  await log.add(
    'tle_1',
    makeContent({
      occurredAt: T + 120_000,
      title: 'Van drives into the crowd; Amira Haddad among the injured',
      release: 'public',
    }),
    ingrid(T + 200_000),
  );
  await log.add(
    'tle_2',
    makeContent({ occurredAt: T + 540_000, category: 'decision', title: 'Mayor activates the crisis team' }),
    ingrid(T + 600_000),
  );
  await log.add(
    'tle_3',
    makeContent({ occurredAt: T + 700_000, category: 'rumour', title: 'Second attacker at the station' }),
    ingrid(T + 720_000),
  );
  await log.verify('tle_1', 'confirmed', ingrid(T + 800_000));
  await log.retract('tle_3', 'Disproven by police', ingrid(T + 900_000));
  await log.add(
    'tle_4',
    makeContent({
      occurredAt: T + 950_000,
      category: 'communication',
      title: `Deacon ${DNS_NAME} will open the church hall; call her on ${DNS_NUMBER_TYPED} or write to hall@example.org`,
      release: 'public',
    }),
    ingrid(T + 960_000),
  );
  const features = await otherFeatures(incident.id);
  const audit = (id: string, minutes: number, summary: string) => ({
    id,
    at: T + minutes * 60_000,
    operator: 'Ingrid Berg',
    incidentId: incident.id,
    entityType: 'statement',
    entityId: 'stm_1',
    action: 'update' as const,
    summary,
    changes: [{ field: 'status', before: 'draft', after: 'in-review' }],
  });
  const lesson = (l: Partial<Lesson> & Pick<Lesson, 'id' | 'kind' | 'text'>): Lesson => ({
    incidentId: incident.id,
    owner: null,
    dueDate: null,
    status: 'open',
    checklistItemId: null,
    createdAt: T + 3_600_000,
    createdBy: 'Ingrid Berg',
    updatedAt: T + 3_600_000,
    updatedBy: 'Ingrid Berg',
    ...l,
  });
  const published: PublishedHead = {
    id: 'pub_1',
    incidentId: incident.id,
    chainSeq: 2,
    headHash: log.revisions[1]!.hash,
    at: T + 650_000,
    via: 'backup',
    by: 'Ingrid Berg',
  };
  return {
    incident,
    settings: { cityName: 'Kristiansand', defaultTimeZone: 'Europe/Oslo' },
    entries: [...log.entries.values()],
    revisions: log.revisions,
    audit: [
      {
        id: 'aud_1',
        at: T + 100,
        operator: 'Ingrid Berg',
        incidentId: incident.id,
        entityType: 'incident',
        entityId: incident.id,
        action: 'create',
        summary: 'Incident created',
        changes: [],
      },
      audit(
        'aud_2',
        25,
        `Statement “Holding statement” (English) version 1 returned to draft by Anna Hansen, Mayor: ${RETURN_COMMENT}`,
      ),
      audit(
        'aud_3',
        125,
        `Statement “Holding statement” (English) version 2 sent for review with 1 warning overridden: ${OVERRIDE_REASON}`,
      ),
    ],
    ...features,
    lessons: [
      lesson({ id: 'les_1', kind: 'strength', text: 'Call tree reached every faith leader within 40 minutes' }),
      lesson({ id: 'les_2', kind: 'improvement', text: 'The night shift had no printed call sheet' }),
      lesson({
        id: 'les_3',
        kind: 'corrective-action',
        text: 'Print the call sheets for the night shift',
        owner: 'Kari Holm',
        dueDate: '2027-01-15',
        answers: 'les_2',
      }),
    ],
    publishedHeads: [published],
  };
}

export async function makeRecord(
  profile: AudienceProfile = 'internal',
  withheldNames: string[] = [],
  includeContactDetails = true,
): Promise<RecordFile> {
  const source = await makeRecordSource();
  const chain = await verifyChain(source.incident.id, source.revisions, source.entries, sha256);
  const unsealed = buildRecord(source, {
    profile,
    sections: RECORD_SECTIONS,
    withheldNames,
    includeContactDetails,
    exportedBy: 'Ingrid Berg',
    now: T + 86_400_000,
    appVersion: '0.1.0',
    chain,
  });
  return sealRecord(unsealed, sha256);
}
