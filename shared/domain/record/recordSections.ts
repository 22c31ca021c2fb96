import type { z } from 'zod';

import { STATUS_LABELS as ITEM_STATUS_LABELS } from '../checklists/items';
import { ROLE_TITLES } from '../checklists/roles';
import { sourceLine } from '../checklists/citations';
import { scheduleItems } from '../checklists/views';
import { activationProgress, CALL_STATE_LABELS, type Progress } from '../contacts/activation';
import { responsePhase, RESPONSE_PHASE_IDS, type ResponsePhaseId } from '../guide/phases';
import { languageLabel } from '../statements/languages';
import { CHANNEL_LABELS, STATUS_LABELS as STATEMENT_STATUS_LABELS } from '../statements/workflow';
import { ChecklistItemSchema, type ChecklistItem } from '../../schemas/checklists';
import { CallAttemptSchema, ContactSchema, TreeActivationSchema, type CallAttempt, type TreeActivation } from '../../schemas/contacts';
import type { Incident, OpenRecord } from '../../schemas/entities';
import { ApprovalSchema, StatementSchema, StatementVersionSchema, type Approval, type Statement, type StatementVersion } from '../../schemas/statements';
import type { RecordContent } from './recordFile';

/*
 * The record's statements, activations and checklists as a reader meets them: the report, its
 * PDF and the DOCX all render these digests, so every edition says the same thing. A row that
 * does not match today's shape (a record from an older or newer desk) is kept as an "other" line
 * rather than dropped: a record never hides what it holds.
 */

/** Rows of one kind, parsed; rows that do not parse are kept aside by their label. */
function parseRows<T>(rows: readonly OpenRecord[] | undefined, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }) {
  const good: T[] = [];
  const other: string[] = [];
  for (const row of rows ?? []) {
    const parsed = schema.safeParse(row);
    if (parsed.success) good.push(parsed.data);
    else other.push(rowLabel(row));
  }
  return { good, other };
}

/** A readable name for a row of unknown shape. */
export function rowLabel(row: OpenRecord): string {
  for (const key of ['title', 'name', 'treeName', 'text', 'summary']) {
    const v = row[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return row.id;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A text field of a row of unknown shape, or the fallback. */
export function fieldText(row: OpenRecord, key: string, fallback = ''): string {
  const v = row[key];
  return typeof v === 'string' && v.trim() !== '' ? v : fallback;
}

export type TrailLine = { at: number; text: string };

export type StatementDigest = {
  id: string;
  title: string;
  language: string;
  status: string;
  /** The title of the statement this one translates. */
  translates: string | null;
  approvedVersion: number | null;
  /** The exact approved text: what was copied, exported and released. */
  approvedText: string | null;
  approvedHash: string | null;
  versions: number;
  /** Submissions, approvals, returns, releases and withdrawal, in time order. */
  trail: TrailLine[];
};

export function digestStatements(section: RecordContent['statements']): { statements: StatementDigest[]; other: string[] } {
  const statements = parseRows<Statement>(section?.statements, StatementSchema);
  const versions = parseRows<StatementVersion>(section?.versions, StatementVersionSchema).good;
  const approvals = parseRows<Approval>(section?.approvals, ApprovalSchema).good;
  const titles = new Map(statements.good.map((s) => [s.id, s.title]));
  const digests = [...statements.good]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((s): StatementDigest => {
      const own = approvals.filter((a) => a.statementId === s.id);
      const approved = s.approvedVersionId === null ? undefined : versions.find((v) => v.id === s.approvedVersionId);
      const approval = own.filter((a) => a.decision === 'approved' && a.versionId === s.approvedVersionId).at(-1);
      // Ordered by when each step was recorded: a release's stated time may be rounded to the minute.
      const steps: (TrailLine & { recordedAt: number })[] = [
        ...own.flatMap((a) => {
          const lines: (TrailLine & { recordedAt: number })[] = [];
          if (a.submission) {
            const overridden = a.submission.warnings.length > 0 ? ` with ${a.submission.warnings.length} sensitivity warning(s) overridden: “${a.submission.overrideReason ?? ''}”` : '';
            lines.push({ at: a.submission.at, recordedAt: a.submission.at, text: `Version ${a.versionNumber} sent for review by ${a.submission.by}${overridden}` });
          }
          const verb = a.decision === 'approved' ? 'approved' : 'returned to draft';
          // The hash of the approved text is shown once, above; older approvals keep theirs here.
          const hash = a.decision === 'approved' && a.versionId !== s.approvedVersionId ? `; SHA-256 ${a.textHash}` : '';
          lines.push({ at: a.at, recordedAt: a.at, text: `Version ${a.versionNumber} ${verb} by ${a.approverName}, ${a.approverRole}${a.comment ? `: “${a.comment}”` : ''} (recorded by ${a.recordedBy}${hash})` });
          return lines;
        }),
        ...s.releases.map((r) => {
          const number = versions.find((v) => v.id === r.versionId)?.number;
          return { at: r.at, recordedAt: r.recordedAt, text: `Released${number === undefined ? '' : ` (version ${number})`} to ${r.channels.map((c) => CHANNEL_LABELS[c].toLowerCase()).join(', ')} by ${r.recordedBy}${r.note ? `: ${r.note}` : ''}` };
        }),
        ...(s.withdrawal ? [{ at: s.withdrawal.at, recordedAt: s.withdrawal.at, text: `Withdrawn by ${s.withdrawal.by}: ${s.withdrawal.reason}` }] : []),
      ];
      const trail: TrailLine[] = steps.sort((a, b) => a.recordedAt - b.recordedAt).map(({ at, text }) => ({ at, text }));
      return {
        id: s.id,
        title: s.title,
        language: languageLabel(s.language),
        status: STATEMENT_STATUS_LABELS[s.status],
        translates: s.sourceStatementId === null ? null : (titles.get(s.sourceStatementId) ?? 'a statement not in this record'),
        approvedVersion: s.approvedVersionNumber,
        approvedText: approved?.text ?? null,
        approvedHash: approval?.textHash ?? null,
        versions: versions.filter((v) => v.statementId === s.id).length,
        trail,
      };
    });
  return { statements: digests, other: statements.other };
}

export type ActivationDigest = {
  id: string;
  treeName: string;
  startedAt: number;
  startedBy: string;
  progress: Progress;
  /** Called off before everyone was reached: when, by whom, why. */
  standDown: { at: number; by: string; reason: string } | null;
  calls: {
    nodeId: string;
    depth: number;
    name: string;
    role: string;
    state: string;
    /** "on fallback: Name" once the call passed to the fallback contact. */
    fallback: string | null;
    /** Numbers and email of the person called: present only when the record carries contact details. */
    details: string | null;
    attempts: { at: number; by: string; change: string; note: string }[];
  }[];
};

const ContactDetailsSchema = ContactSchema.pick({ phones: true, email: true, radioCallSign: true }).partial();
type ContactDetails = z.infer<typeof ContactDetailsSchema>;

function contactDetails(c: ContactDetails | undefined): string | null {
  if (!c) return null;
  const parts = [...(c.phones ?? []).map((p) => `${p.label} ${p.number}`), ...(c.email ? [c.email] : []), ...(c.radioCallSign ? [`radio ${c.radioCallSign}`] : [])];
  return parts.length === 0 ? null : parts.join(' · ');
}

export function digestActivations(section: RecordContent['activations']): { activations: ActivationDigest[]; other: string[] } {
  const activations = parseRows<TreeActivation>(section?.activations, TreeActivationSchema);
  const attempts = parseRows<CallAttempt>(section?.attempts, CallAttemptSchema).good;
  // Contacts arrive without their numbers unless the operator opted in: read what is there.
  const contacts = new Map<string, ContactDetails>();
  for (const row of section?.contacts ?? []) {
    const parsed = ContactDetailsSchema.safeParse(row);
    if (parsed.success) contacts.set(row.id, parsed.data);
  }
  const digests = [...activations.good]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((a): ActivationDigest => ({
      id: a.id,
      treeName: a.treeName,
      startedAt: a.startedAt,
      startedBy: a.startedBy,
      progress: activationProgress(a),
      standDown: a.standDown ?? null,
      calls: a.nodes.map((n) => ({
        nodeId: n.nodeId,
        depth: n.depth,
        name: n.contactName,
        role: n.contactRole,
        state: capitalise(CALL_STATE_LABELS[n.state]),
        fallback: n.onFallback ? `on fallback: ${n.fallbackName ?? 'fallback contact'}` : null,
        details: contactDetails(contacts.get(n.onFallback && n.fallbackContactId ? n.fallbackContactId : n.contactId)),
        attempts: attempts
          .filter((t) => t.activationId === a.id && t.nodeId === n.nodeId)
          .sort((x, y) => x.at - y.at)
          .map((t) => ({
            at: t.at,
            by: t.by,
            change: t.escalated ? 'passed to the fallback contact' : `${CALL_STATE_LABELS[t.from]} → ${CALL_STATE_LABELS[t.to]}`,
            note: t.note,
          })),
      })),
    }));
  return { activations: digests, other: activations.other };
}

export type ChecklistPhaseDigest = {
  phase: ResponsePhaseId;
  title: string;
  total: number;
  done: number;
  notApplicable: number;
  items: {
    id: string;
    title: string;
    status: string;
    owner: string;
    assignee: string;
    dueAt: number | null;
    /** "Done by Ola at …" or the reason it did not apply. */
    resolution: string | null;
    resolvedAt: number | null;
    source: string;
  }[];
};

/** Checklist status by phase, with who completed what and when; due times on the incident's clock. */
export function digestChecklists(section: RecordContent['checklists'], incident: Pick<Incident, 'startAt' | 'timeZone'>): { phases: ChecklistPhaseDigest[]; other: string[] } {
  const items = parseRows<ChecklistItem>(section?.items, ChecklistItemSchema);
  const scheduled = scheduleItems(items.good, incident);
  // The response phases first, in order; the peacetime preparedness list after them.
  const order = [...RESPONSE_PHASE_IDS.filter((p) => p !== 'preparedness'), 'preparedness' as const];
  const phases = order.flatMap((phase): ChecklistPhaseDigest[] => {
    const list = scheduled.filter((i) => i.phase === phase);
    if (list.length === 0) return [];
    return [{
      phase,
      title: responsePhase(phase).title,
      total: list.length,
      done: list.filter((i) => i.status === 'done').length,
      notApplicable: list.filter((i) => i.status === 'not-applicable').length,
      items: list.map((i) => ({
        id: i.id,
        title: i.title,
        status: ITEM_STATUS_LABELS[i.status],
        owner: ROLE_TITLES[i.owner],
        assignee: i.assignee,
        dueAt: i.dueAt,
        resolution:
          i.status === 'done' ? `Done by ${i.resolvedBy ?? '?'}${i.resolutionNote ? `: ${i.resolutionNote}` : ''}`
          : i.status === 'not-applicable' ? `Not applicable (${i.resolvedBy ?? '?'}): ${i.resolutionNote ?? ''}`
          : null,
        resolvedAt: i.resolvedAt,
        source: sourceLine(i.source, i.adapted),
      })),
    }];
  });
  return { phases, other: items.other };
}
