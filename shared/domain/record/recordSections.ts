import { sourceLine } from '../checklists/citations';
import { offsetLabel } from '../checklists/due';
import { scheduleItems } from '../checklists/views';
import { activationProgress } from '../contacts/activation';
import { shownNumber, type PhoneCountry } from '../contacts/phone';
import { RESPONSE_PHASE_IDS } from '../guide/phases';
import { formatWallClock } from '../incident/wallClock';
import { currentLessons } from '../lessons';
import { translationState } from '../statements/translations';
import { CHANNEL_LABELS } from '../statements/workflow';
import type { ChecklistItem } from '../../schemas/checklists';
import type { CallAttempt, Contact, TreeActivation } from '../../schemas/contacts';
import type { AuditEvent, Incident } from '../../schemas/entities';
import type { Lesson } from '../../schemas/lessons';
import type { Approval, Statement, StatementVersion } from '../../schemas/statements';
import type { TimelineEntry, TimelineRevision } from '../../schemas/timeline';
import type { AudienceProfile } from './profiles';
import type { Redactor } from './redaction';
import type { ActivationRecord, ApprovalLine, ChecklistPhaseRecord, LessonRecord, StatementRecord } from './recordFile';
import { format, type DomainMessageId } from '../../i18n/format';

/*
 * Each section of the record as its audience reads it. The builders copy field by field what the
 * audience may have (never a row with fields struck out), and pass every free text through the
 * edition's redactor, so nothing reaches a council or public edition by being forgotten.
 */

/** Counts of what an edition left out, by what a reader is told. */
export type Withheld = Map<string, { why: string; count: number; places: string[] }>;

/** Notes what an edition leaves out, in the words given; the same `what` counts once, with every place. */
export function noteWithheldWords(withheld: Withheld, what: string, why: string, place?: string, count = 1): void {
  const entry = withheld.get(what) ?? { why, count: 0, places: [] };
  entry.count += count;
  if (place !== undefined) entry.places.push(place);
  withheld.set(what, entry);
}

/**
 * What an edition may leave out, each said as what and why in the catalogue (record.json), in the
 * desk's language at export: the record holds the words, its checksum covers them as written.
 */
const WITHHELD = {
  deliberation: ['record.withheld.deliberation.what', 'record.withheld.deliberation.why'],
  statementsNeverReleased: [
    'record.withheld.statementsNeverReleased.what',
    'record.withheld.statementsNeverReleased.why',
  ],
  versionsNeverReleased: ['record.withheld.versionsNeverReleased.what', 'record.withheld.versionsNeverReleased.why'],
  reviewTrail: ['record.withheld.reviewTrail.what', 'record.withheld.reviewTrail.why'],
  doNotShareNames: ['record.withheld.doNotShareNames.what', 'record.withheld.doNotShareNames.why'],
  callNotes: ['record.withheld.callNotes.what', 'record.withheld.callNotes.why'],
  doNotShareContacts: ['record.withheld.doNotShareContacts.what', 'record.withheld.doNotShareContacts.why'],
  checklistNotes: ['record.withheld.checklistNotes.what', 'record.withheld.checklistNotes.why'],
  auditFields: ['record.withheld.auditFields.what', 'record.withheld.auditFields.why'],
  internalEntries: ['record.withheld.internalEntries.what', 'record.withheld.internalEntries.why'],
  earlierWording: ['record.withheld.earlierWording.what', 'record.withheld.earlierWording.why'],
  auditTrail: ['record.withheld.auditTrail.what', 'record.withheld.auditTrail.why'],
} as const satisfies Record<string, readonly [DomainMessageId, DomainMessageId]>;
export type WithheldKind = keyof typeof WITHHELD;

/** Notes one kind of what an edition leaves out (see WITHHELD), at a place or `count` times. */
export function noteWithheld(withheld: Withheld, kind: WithheldKind, place?: string, count = 1): void {
  const [what, why] = WITHHELD[kind];
  noteWithheldWords(withheld, format(what), format(why), place, count);
}

type StatementRows = {
  statements: readonly Statement[];
  versions: readonly StatementVersion[];
  approvals: readonly Approval[];
};

const line = (a: Approval | undefined): ApprovalLine | null =>
  a ? { approverName: a.approverName, approverRole: a.approverRole, at: a.at, textHash: a.textHash } : null;

/**
 * Statements as the audience reads them: every release with the exact text, its version and
 * approval; later versions never released (internal and council); the review trail told as the
 * edition may tell it. A public edition holds only statements the public received.
 */
export function statementRecords(
  rows: StatementRows,
  profile: AudienceProfile,
  redact: Redactor,
  withheld: Withheld,
): StatementRecord[] {
  const versionsById = new Map(rows.versions.map((v) => [v.id, v]));
  const statementsById = new Map(rows.statements.map((s) => [s.id, s]));
  const out: StatementRecord[] = [];
  for (const s of [...rows.statements].sort((a, b) => a.createdAt - b.createdAt)) {
    // Places name the statement by its title as this edition prints it, never by what was withheld.
    const title =
      profile === 'public' && s.releases.length === 0
        ? s.title
        : redact.text(s.title, format('record.place.statementTitle', { by: s.createdBy }));
    const where = (part: string) => format('record.place.statement', { title, part });
    const own = rows.approvals.filter((a) => a.statementId === s.id).sort((a, b) => a.at - b.at);
    const approvalOf = (versionId: string) =>
      own.filter((a) => a.decision === 'approved' && a.versionId === versionId).at(-1);
    const releases = [...s.releases].sort((a, b) => a.at - b.at);
    if (profile === 'public' && releases.length === 0) {
      noteWithheld(withheld, 'statementsNeverReleased');
      continue;
    }
    const releasedIds = new Set(releases.map((r) => r.versionId));
    const unreleased: StatementRecord['unreleased'] = [];
    const unreleasedIds = [s.approvedVersionId, s.headVersionId].filter(
      (v, i, all): v is string => v !== null && !releasedIds.has(v) && all.indexOf(v) === i,
    );
    for (const versionId of unreleasedIds) {
      const v = versionsById.get(versionId);
      if (!v) continue;
      if (profile === 'public') {
        noteWithheld(
          withheld,
          'versionsNeverReleased',
          where(format('record.place.statement.version', { version: v.number })),
        );
        continue;
      }
      const status = versionId === s.approvedVersionId ? 'approved' : s.status === 'in-review' ? 'in-review' : 'draft';
      unreleased.push({
        version: v.number,
        status,
        text: redact.text(v.text, () => where(format('record.place.statement.version', { version: v.number }))),
        approval: status === 'approved' ? line(approvalOf(v.id)) : null,
      });
    }

    const trail: (StatementRecord['trail'][number] & { recordedAt: number })[] = [];
    if (profile !== 'public') {
      for (const a of own) {
        if (a.submission) {
          const warnings = a.submission.warnings.length;
          const overridden = warnings === 0 ? 'none' : profile === 'internal' ? 'given' : 'withheld';
          if (overridden === 'withheld')
            noteWithheld(
              withheld,
              'deliberation',
              where(format('record.place.statement.overrideReason', { version: a.versionNumber })),
            );
          const text = format('record.trail.sentForReview', {
            version: a.versionNumber,
            by: a.submission.by,
            overridden,
            warnings,
            reason: a.submission.overrideReason ?? '',
          });
          trail.push({ at: a.submission.at, recordedAt: a.submission.at, text });
        }
        const comment = a.comment === '' ? 'none' : profile === 'internal' ? 'given' : 'withheld';
        if (comment === 'withheld')
          noteWithheld(
            withheld,
            'deliberation',
            where(format('record.place.statement.comment', { decision: a.decision, version: a.versionNumber })),
          );
        trail.push({
          at: a.at,
          recordedAt: a.at,
          text: redact.text(
            format('record.trail.decided', {
              version: a.versionNumber,
              decision: a.decision,
              name: a.approverName,
              role: a.approverRole,
              comment,
              text: a.comment,
              recordedBy: a.recordedBy,
              hash: a.textHash,
            }),
            () => where(format('record.place.statement.reviewTrail')),
          ),
        });
      }
    } else if (own.length > 0) {
      noteWithheld(withheld, 'reviewTrail', where(format('record.place.statement.reviewTrail')));
    }
    for (const r of releases) {
      const number = versionsById.get(r.versionId)?.number;
      const channels = r.channels.map((c) => CHANNEL_LABELS[c].toLowerCase()).join(', ');
      const line = format(number === undefined ? 'record.trail.released' : 'record.trail.releasedVersion', {
        version: number ?? '',
        channels,
        by: r.recordedBy,
      });
      trail.push({
        at: r.at,
        recordedAt: r.recordedAt,
        text: redact.text(r.note ? format('record.trail.withNote', { line, note: r.note }) : line, () =>
          where(format('record.place.statement.release')),
        ),
      });
    }
    if (s.withdrawal)
      trail.push({
        at: s.withdrawal.at,
        recordedAt: s.withdrawal.at,
        text: redact.text(format('record.trail.withdrawn', { by: s.withdrawal.by, reason: s.withdrawal.reason }), () =>
          where(format('record.place.statement.withdrawal')),
        ),
      });

    const source = s.sourceStatementId === null ? undefined : statementsById.get(s.sourceStatementId);
    const approvedVersion = s.approvedVersionId === null ? undefined : versionsById.get(s.approvedVersionId);
    out.push({
      id: s.id,
      title,
      language: s.language,
      status: profile === 'public' ? (s.status === 'withdrawn' ? 'withdrawn' : 'released') : s.status,
      translationOf:
        s.sourceStatementId === null
          ? null
          : {
              id: s.sourceStatementId,
              title: source
                ? redact.text(source.title, () => where(format('record.place.statement.sourceTitle')))
                : format('record.statement.notOnDesk'),
            },
      translation:
        s.sourceStatementId === null || !source
          ? null
          : {
              state: translationState(s, source, approvedVersion?.translatesVersionId ?? null),
              translatesVersion:
                s.translatesVersionId === null ? null : (versionsById.get(s.translatesVersionId)?.number ?? null),
              sourceApprovedVersion: source.approvedVersionNumber,
            },
      releases: releases.map((r) => {
        const v = versionsById.get(r.versionId);
        const number = v?.number ?? 1;
        return {
          id: r.id,
          version: number,
          at: r.at,
          channels: [...r.channels],
          note: redact.text(r.note, () => where(format('record.place.statement.releaseNote', { version: number }))),
          recordedBy: r.recordedBy,
          text: redact.text(v?.text ?? '', () =>
            where(format('record.place.statement.releasedText', { version: number })),
          ),
          approval: line(approvalOf(r.versionId)),
        };
      }),
      unreleased,
      versions: profile === 'public' ? 0 : rows.versions.filter((v) => v.statementId === s.id).length,
      trail: trail.sort((a, b) => a.recordedAt - b.recordedAt).map(({ at, text }) => ({ at, text })),
      withdrawal: s.withdrawal
        ? {
            at: s.withdrawal.at,
            by: s.withdrawal.by,
            reason: redact.text(s.withdrawal.reason, () => where(format('record.place.statement.withdrawal'))),
          }
        : null,
    });
  }
  return out;
}

/** A contact's numbers, email and call sign on one line, or null when there are none. */
export function contactDetailsLine(
  c: Pick<Contact, 'phones' | 'email' | 'radioCallSign'>,
  country: PhoneCountry | null,
): string | null {
  // Each number as the desk shows it (national form in the desk's country), with its label.
  const parts = [
    ...c.phones.map((p) => `${p.label} ${shownNumber(p, country)}`.trim()),
    ...(c.email ? [c.email] : []),
    ...(c.radioCallSign ? [format('record.contact.radio', { callSign: c.radioCallSign })] : []),
  ];
  return parts.length === 0 ? null : parts.join(' · ');
}

export type ActivationInput = {
  activations: readonly TreeActivation[];
  attempts: readonly CallAttempt[];
  contacts: ReadonlyMap<string, Contact>;
  doNotShare: ReadonlySet<string>;
  includeContactDetails: boolean;
  timeZone: string;
  /** The country the desk reads numbers in. */
  phoneCountry: PhoneCountry | null;
};

/** Call-tree activations: who was reached and when. Council and public editions never name a person marked "do not share"; a public one carries no call notes. */
export function activationRecords(
  input: ActivationInput,
  profile: AudienceProfile,
  redact: Redactor,
  withheld: Withheld,
): ActivationRecord[] {
  const detailsTaken = new Set<string>();
  const dnsDetails = new Set<string>();
  const records = [...input.activations]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((a): ActivationRecord => {
      const progress = activationProgress(a);
      return {
        id: a.id,
        treeName: a.treeName,
        startedAt: a.startedAt,
        startedBy: a.startedBy,
        reached: progress.reached,
        total: progress.total,
        standDown: a.standDown
          ? {
              at: a.standDown.at,
              by: a.standDown.by,
              reason: redact.text(a.standDown.reason, () =>
                format('record.place.standDownReason', { tree: a.treeName }),
              ),
            }
          : null,
        calls: a.nodes.map((n) => {
          const where = () =>
            format('record.place.activation', {
              tree: a.treeName,
              at: formatWallClock(a.startedAt, input.timeZone, 'd MMM yyyy HH:mm'),
            });
          const person = (contactId: string | null, name: string) => {
            if (contactId !== null && profile !== 'internal' && input.doNotShare.has(contactId)) {
              noteWithheld(withheld, 'doNotShareNames', format('record.place.tree', { tree: a.treeName }));
              return '[name withheld]';
            }
            return redact.name(name, where);
          };
          const calledId = n.onFallback && n.fallbackContactId ? n.fallbackContactId : n.contactId;
          const contact = input.contacts.get(calledId);
          let details: string | null = null;
          const line = contact ? contactDetailsLine(contact, input.phoneCountry) : null;
          if (line !== null) {
            if (input.doNotShare.has(calledId)) dnsDetails.add(calledId);
            else if (profile === 'internal' && input.includeContactDetails) details = line;
            else detailsTaken.add(calledId);
          }
          return {
            nodeId: n.nodeId,
            depth: n.depth,
            name: person(n.contactId, n.contactName),
            role: redact.name(n.contactRole, where),
            state: n.state,
            onFallback: n.onFallback,
            fallbackName: n.fallbackName === null ? null : person(n.fallbackContactId, n.fallbackName),
            details,
            attempts: input.attempts
              .filter((t) => t.activationId === a.id && t.nodeId === n.nodeId)
              .sort((x, y) => x.at - y.at)
              .map((t) => {
                if (profile === 'public' && t.note !== '')
                  noteWithheld(withheld, 'callNotes', format('record.place.tree', { tree: a.treeName }));
                return {
                  at: t.at,
                  by: t.by,
                  from: t.from,
                  to: t.to,
                  escalated: t.escalated,
                  note: profile === 'public' ? null : redact.text(t.note, where),
                };
              }),
          };
        }),
      };
    });
  if (dnsDetails.size > 0) noteWithheld(withheld, 'doNotShareContacts', undefined, dnsDetails.size);
  if (detailsTaken.size > 0) {
    const why =
      profile === 'internal'
        ? format('record.withheld.contactDetails.notOptedIn')
        : format('record.withheld.contactDetails.notForAudience', { profile });
    noteWithheldWords(withheld, format('record.withheld.contactDetails.what'), why, undefined, detailsTaken.size);
  }
  return records;
}

/** Checklist status by phase, with who completed what and when; due times on the incident's clock. Working notes stay out of a public edition. */
export function checklistRecords(
  items: readonly ChecklistItem[],
  incident: Pick<Incident, 'startAt' | 'timeZone'>,
  profile: AudienceProfile,
  redact: Redactor,
  withheld: Withheld,
): ChecklistPhaseRecord[] {
  const scheduled = scheduleItems(items, incident);
  // The response phases first, in order; the peacetime preparedness list after them.
  const order = [...RESPONSE_PHASE_IDS.filter((p) => p !== 'preparedness'), 'preparedness' as const];
  return order.flatMap((phase): ChecklistPhaseRecord[] => {
    const list = scheduled.filter((i) => i.phase === phase);
    if (list.length === 0) return [];
    return [
      {
        phase,
        total: list.length,
        done: list.filter((i) => i.status === 'done').length,
        notApplicable: list.filter((i) => i.status === 'not-applicable').length,
        items: list.map((i) => {
          const title = redact.text(i.title, format('record.place.checklistTitle', { phase }));
          const where = () => format('record.place.checklistItem', { title });
          const note = i.resolutionNote === null || i.resolutionNote === '' ? null : i.resolutionNote;
          if (profile === 'public' && note !== null) noteWithheld(withheld, 'checklistNotes', where());
          return {
            id: i.id,
            title,
            status: i.status,
            owner: i.owner,
            assignee: redact.name(i.assignee, where),
            dueAt: i.dueAt,
            resolvedBy: i.resolvedBy,
            resolvedAt: i.resolvedAt,
            note: profile === 'public' || note === null ? null : redact.text(note, where),
            source: sourceLine(i.source, i.adapted),
            rationale: redact.text(i.rationale, where),
            offset: offsetLabel(i.offset),
            milestone: i.milestone,
          };
        }),
      },
    ];
  });
}

export function lessonRecords(lessons: readonly Lesson[], redact: Redactor): LessonRecord[] {
  return currentLessons([...lessons].sort((a, b) => a.createdAt - b.createdAt)).map((l) => {
    const where = format('record.place.lesson', { kind: l.kind });
    return {
      id: l.id,
      kind: l.kind,
      text: redact.text(l.text, where),
      owner: l.owner === null ? null : redact.name(l.owner, where),
      dueDate: l.dueDate,
      status: l.status,
      answers: l.answers ?? null,
      supersedes: l.supersedes ?? null,
      onChecklist: l.checklistItemId !== null,
      createdAt: l.createdAt,
      createdBy: l.createdBy,
    };
  });
}

/**
 * The audit trail as the audience reads it. Internal: every line with its field changes. Council:
 * who did what and when, with the words of internal deliberation (review comments, override
 * reasons: the exact strings, known from the statements) masked and personal data redacted. A
 * public edition carries none (see SECTIONS_WITHHELD).
 */
export function auditRecords(
  events: readonly AuditEvent[],
  profile: AudienceProfile,
  deliberation: readonly string[],
  redact: Redactor,
  withheld: Withheld,
  timeZone: string,
): AuditEvent[] {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  if (profile === 'internal') return sorted;
  const words = [...new Set(deliberation.map((d) => d.trim()).filter((d) => d.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  let changes = 0;
  const lines = sorted.map((e) => {
    const where = () => format('record.place.audit', { at: formatWallClock(e.at, timeZone, 'd MMM yyyy HH:mm') });
    let summary = e.summary;
    for (const w of words) {
      if (summary.includes(w)) {
        summary = summary.split(w).join('[internal deliberation withheld]');
        noteWithheld(withheld, 'deliberation', where());
      }
      // A summary cut at the audit log's length limit may end with the start of one.
      const tail = longestPrefixAtEnd(summary, w);
      if (tail >= 12) {
        summary = `${summary.slice(0, summary.length - tail)}[internal deliberation withheld]`;
        noteWithheld(withheld, 'deliberation', where());
      }
    }
    changes += e.changes.length;
    return { ...e, summary: redact.text(summary, where), changes: [] };
  });
  if (changes > 0) noteWithheld(withheld, 'auditFields', undefined, changes);
  return lines;
}

/** How many characters at the end of `text` are the start of `word`. */
function longestPrefixAtEnd(text: string, word: string): number {
  for (let n = Math.min(word.length - 1, text.length); n > 0; n -= 1) if (text.endsWith(word.slice(0, n))) return n;
  return 0;
}

/**
 * Timeline free text through the redactor; the same fields for an entry and for each revision's
 * content. `where` names the entry by its time; the title, once redacted, is added to the place.
 */
export function redactEntry<
  T extends Pick<TimelineEntry, 'title' | 'body' | 'source' | 'onBehalfOf' | 'retractionReason'>,
>(e: T, redact: Redactor, whereAt: () => string): T {
  const title = redact.text(e.title, () => format('record.place.entryTitle', { where: whereAt() }));
  const where = () =>
    format('record.place.entry', { where: whereAt(), title: title.length > 70 ? `${title.slice(0, 69)}…` : title });
  const body = redact.text(e.body, where);
  const source = redact.text(e.source, where);
  const onBehalfOf = e.onBehalfOf === null ? null : redact.name(e.onBehalfOf, where);
  const retractionReason = e.retractionReason === null ? null : redact.text(e.retractionReason, where);
  // Most entries hold nothing to withhold: keep the very row rather than a copy (100,000 copies
  // are what made a council record slower to build than an internal one).
  if (
    title === e.title &&
    body === e.body &&
    source === e.source &&
    onBehalfOf === e.onBehalfOf &&
    retractionReason === e.retractionReason
  )
    return e;
  return { ...e, title, body, source, onBehalfOf, retractionReason };
}

export function redactRevision(r: TimelineRevision, redact: Redactor, where: () => string): TimelineRevision {
  const reason = r.reason === null ? null : redact.text(r.reason, where);
  const content = redactEntry(r.content, redact, where);
  return reason === r.reason && content === r.content ? r : { ...r, reason, content };
}
