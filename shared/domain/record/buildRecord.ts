import { elapsedLabel, phaseAt } from '../incident/phase';
import { responsePhase } from '../guide/phases';
import type { ChainReport } from '../timeline/chain';
import { CATEGORY_LABELS } from '../timeline/entryForm';
import type { ChecklistItem } from '../../schemas/checklists';
import type { CallAttempt, Contact, TreeActivation } from '../../schemas/contacts';
import type { AuditEvent, DeskSettings, Incident } from '../../schemas/entities';
import type { Lesson } from '../../schemas/lessons';
import type { PublishedHead } from '../../schemas/publishedHeads';
import type { Approval, Statement, StatementVersion } from '../../schemas/statements';
import type { TimelineEntry, TimelineRevision } from '../../schemas/timeline';
import { SECTIONS_WITHHELD, audienceRules, type AudienceProfile, type RecordSection } from './profiles';
import { format, type DomainMessageId } from '../../i18n/format';
import { countryForTimeZone, deskPhoneCountry } from '../contacts/phone';
import { createRedactor, KEEP_EVERYTHING, type Replacement, type ReplacementKind } from './redaction';
import {
  activationRecords,
  auditRecords,
  checklistRecords,
  lessonRecords,
  noteWithheld,
  redactEntry,
  redactRevision,
  statementRecords,
  type Withheld,
} from './recordSections';
import { reportClock } from './reportClock';
import {
  RECORD_FORMAT,
  RECORD_FORMAT_VERSION,
  type RecordContent,
  type Redaction,
  type UnsealedRecord,
} from './recordFile';

/** Everything the desk holds about one incident, gathered by the caller. */
export type RecordSource = {
  incident: Incident;
  settings: Pick<DeskSettings, 'cityName' | 'defaultTimeZone' | 'phoneCountry'>;
  entries: TimelineEntry[];
  revisions: TimelineRevision[];
  audit: AuditEvent[];
  statements: Statement[];
  statementVersions: StatementVersion[];
  approvals: Approval[];
  activations: TreeActivation[];
  callAttempts: CallAttempt[];
  /** The directory entries of the people the activations name. */
  contacts: Contact[];
  /** Every contact marked "do not share": their names and numbers never reach a council or public edition. */
  doNotShare: Contact[];
  checklistItems: ChecklistItem[];
  lessons: Lesson[];
  /** The heads of this incident's chain published so far. */
  publishedHeads: PublishedHead[];
};

export type RecordOptions = {
  profile: AudienceProfile;
  sections: readonly RecordSection[];
  /**
   * Contact details are personal data: an internal record carries them only when the operator
   * opts in for this export. Council and public records never do.
   */
  includeContactDetails: boolean;
  /** Victims' and witnesses' names to withhold from a public record. */
  withheldNames: readonly string[];
  exportedBy: string;
  now: number;
  appVersion: string;
  /** The chain walked just before export, over the whole timeline. */
  chain: ChainReport;
  /** What is wrong with the chain against the heads published before (revisions missing since …), or null. */
  headsProblem?: string | null;
};

/** What each kind of replacement in free text is called in the record, and why it was made. */
const REPLACEMENT_WORDS = {
  phone: ['record.withheld.phones.what', 'record.withheld.phones.why'],
  email: ['record.withheld.emails.what', 'record.withheld.emails.why'],
  'do-not-share': ['record.withheld.doNotShareReplaced.what', 'record.withheld.doNotShareReplaced.why'],
  name: ['record.withheld.names.what', 'record.withheld.names.why'],
} as const satisfies Record<ReplacementKind, readonly [DomainMessageId, DomainMessageId]>;

/**
 * Builds the after-action record of one incident (pure: the caller gathers the data and walks
 * the chain). The audience profile decides what each section holds; every omission and every
 * replacement is listed in the record, and the profile's rules are written into it.
 */
export function buildRecord(source: RecordSource, options: RecordOptions): UnsealedRecord {
  const { profile } = options;
  const sections = options.sections.filter((s) => !SECTIONS_WITHHELD[profile].includes(s));
  const has = (s: RecordSection) => sections.includes(s);
  const withheld: Withheld = new Map();
  const zone = source.incident.timeZone;
  const listedNames =
    profile === 'public'
      ? [...options.withheldNames.map((n) => n.trim()).filter(Boolean), ...namesFromStatements(source.statements)]
      : [];
  // Numbers without a + are read in the desk's own country, as its contacts are.
  const phoneCountry = deskPhoneCountry(source.settings) ?? countryForTimeZone(zone);
  const redact =
    profile === 'internal'
      ? KEEP_EVERYTHING
      : createRedactor({
          country: phoneCountry,
          doNotShare: source.doNotShare.map((c) => ({ name: c.name, phones: c.phones.map((p) => p.number) })),
          names: listedNames,
        });

  // The timeline: a public edition holds the releasable entries as they read now.
  let entries = source.entries;
  if (profile === 'public') {
    entries = entries.filter((e) => e.release === 'public');
    const left = source.entries.length - entries.length;
    if (left > 0) noteWithheld(withheld, 'internalEntries', undefined, left);
    const earlier = entries.reduce((n, e) => n + e.revisionCount - 1, 0);
    if (earlier > 0) noteWithheld(withheld, 'earlierWording', undefined, earlier);
  }
  const ordered = [...entries].sort((a, b) => a.occurredAt - b.occurredAt || a.recordedAt - b.recordedAt);
  const clock = reportClock(zone, source.incident.startAt);
  const entryPlace = (e: Pick<TimelineEntry, 'category' | 'occurredAt'>) => ({
    at: clock.at(e.occurredAt),
    category: CATEGORY_LABELS[e.category].toLowerCase(),
  });
  const entryWhere = (e: Pick<TimelineEntry, 'category' | 'occurredAt'>) => () =>
    format('record.place.timelineEntry', entryPlace(e));
  const before = redact.replacements.length;
  let timeline: RecordContent['timeline'];
  if (has('timeline')) {
    const revisions = profile === 'public' ? [] : [...source.revisions].sort((a, b) => a.chainSeq - b.chainSeq);
    timeline = {
      entries: profile === 'internal' ? ordered : ordered.map((e) => redactEntry(e, redact, entryWhere(e))),
      revisions:
        profile === 'internal'
          ? revisions
          : revisions.map((r) =>
              redactRevision(r, redact, () =>
                format('record.place.revision', { seq: r.chainSeq, ...entryPlace(r.content) }),
              ),
            ),
    };
  }
  // The chain can be walked again only when every revision is there, word for word.
  const chainComplete =
    timeline !== undefined &&
    profile !== 'public' &&
    redact.replacements.length === before &&
    timeline.revisions.length === source.revisions.length;

  const statements = has('statements')
    ? statementRecords(
        { statements: source.statements, versions: source.statementVersions, approvals: source.approvals },
        profile,
        redact,
        withheld,
      )
    : undefined;
  const contacts = new Map(source.contacts.map((c) => [c.id, c]));
  const activations = has('activations')
    ? activationRecords(
        {
          activations: source.activations,
          attempts: source.callAttempts,
          contacts,
          doNotShare: new Set(source.doNotShare.map((c) => c.id)),
          includeContactDetails: options.includeContactDetails,
          timeZone: zone,
          phoneCountry,
        },
        profile,
        redact,
        withheld,
      )
    : undefined;
  const checklists = has('checklists')
    ? checklistRecords(source.checklistItems, source.incident, profile, redact, withheld)
    : undefined;
  const lessons = has('lessons') ? lessonRecords(source.lessons, redact) : undefined;
  const deliberation = [
    ...source.statements.flatMap((s) => [s.returnedComment ?? '', s.submission?.overrideReason ?? '']),
    ...source.approvals.flatMap((a) => [a.comment, a.submission?.overrideReason ?? '']),
  ];
  const audit = has('audit') ? auditRecords(source.audit, profile, deliberation, redact, withheld, zone) : undefined;
  if (profile === 'public' && options.sections.includes('audit') && source.audit.length > 0) {
    noteWithheld(withheld, 'auditTrail', undefined, source.audit.length);
  }

  const incident: Incident =
    profile === 'internal'
      ? source.incident
      : {
          ...source.incident,
          title: redact.text(source.incident.title, format('record.place.incidentTitle')),
          location: redact.text(source.incident.location, format('record.place.incidentLocation')),
          description: redact.text(source.incident.description, format('record.place.incidentDescription')),
        };

  const end = source.incident.closedAt ?? options.now;
  const content: RecordContent = {
    incident,
    ...(has('summary') && {
      summary: {
        phaseReached: responsePhase(phaseAt(source.incident.startAt, end, zone)).title,
        elapsed: elapsedLabel(source.incident.startAt, end, zone),
        counts: {
          timelineEntries: entries.length,
          revisions: profile === 'public' ? entries.length : source.revisions.length,
          decisions: entries.filter((e) => e.category === 'decision').length,
          retracted: entries.filter((e) => e.retracted).length,
          unverified: entries.filter((e) => e.verification === 'unverified' && !e.retracted).length,
          statements:
            statements?.length ??
            (profile === 'public'
              ? source.statements.filter((s) => s.releases.length > 0).length
              : source.statements.length),
          releases: (statements ?? []).reduce((n, s) => n + s.releases.length, 0),
          activations: source.activations.length,
          checklistItems: source.checklistItems.length,
          lessons: source.lessons.length,
        },
      },
    }),
    ...(timeline && { timeline }),
    ...(has('decisions') && { decisions: ordered.filter((e) => e.category === 'decision').map((e) => e.id) }),
    ...(statements && { statements }),
    ...(activations && { activations }),
    ...(checklists && { checklists }),
    ...(lessons && { lessons }),
    ...(audit && { audit }),
    // The rows that rebuild the incident on another desk: an internal edition of every section only.
    ...(profile === 'internal' && {
      rows: {
        statements: source.statements,
        statementVersions: source.statementVersions,
        approvals: source.approvals,
        treeActivations: source.activations,
        callAttempts: source.callAttempts,
        checklistItems: source.checklistItems,
        lessons: source.lessons,
      },
    }),
  };

  const chain = options.chain;
  const headsProblem = options.headsProblem ?? null;
  return {
    format: RECORD_FORMAT,
    formatVersion: RECORD_FORMAT_VERSION,
    exportedAt: new Date(options.now).toISOString(),
    exportedBy: options.exportedBy,
    appVersion: options.appVersion,
    cityName: source.settings.cityName,
    profile,
    audience: audienceRules(profile),
    sections: [...sections],
    redactions: redactionList(withheld, redact.replacements, listedNames.length),
    integrity: {
      chainHead: chain.ok ? chain.headHash : '',
      revisions: chain.revisions,
      entries: chain.ok ? chain.entries : source.entries.length,
      verifiedAtExport: chain.ok && headsProblem === null,
      verification: !chain.ok
        ? format('record.integrity.failed')
        : headsProblem !== null
          ? format('record.integrity.failedHeads', { problem: headsProblem })
          : format('record.integrity.intact'),
      chainComplete,
      publishedHeads: source.publishedHeads
        .filter((h) => h.incidentId === source.incident.id)
        .sort((a, b) => a.chainSeq - b.chainSeq || a.at - b.at),
    },
    content,
  };
}

/** What was left out, then every replacement in free text with where it was made. */
function redactionList(withheld: Withheld, replacements: readonly Replacement[], listed: number): Redaction[] {
  const out: Redaction[] = [...withheld].map(([what, w]) => ({ what, why: w.why, count: w.count, places: w.places }));
  for (const kind of ['phone', 'email', 'do-not-share', 'name'] as const) {
    const mine = replacements.filter((r) => r.kind === kind);
    const [whatId, whyId] = REPLACEMENT_WORDS[kind];
    const what = format(whatId, { listed });
    const existing = out.find((r) => r.what === what);
    if (mine.length === 0) continue;
    if (existing) {
      existing.count += mine.length;
      existing.places.push(...mine.map((r) => r.where));
    } else out.push({ what, why: format(whyId), count: mine.length, places: mine.map((r) => r.where) });
  }
  return out;
}

/**
 * Names the statements' drafters recorded as people a statement might name: a public record
 * withholds every suspect (deny attackers publicity) and every victim without recorded consent.
 */
function namesFromStatements(statements: readonly Statement[]): string[] {
  return statements
    .flatMap((s) => s.people)
    .filter((p) => p.role === 'suspect' || !p.consentRecorded)
    .map((p) => p.name.trim())
    .filter((n) => n.length >= 2);
}
