import { canonicalJson } from '../integrity/canonical';
import { elapsedLabel, phaseAt } from '../incident/phase';
import { responsePhase } from '../guide/phases';
import type { ChainReport } from '../timeline/chain';
import type { AuditEvent, DeskSettings, Incident, OpenRecord } from '../../schemas/entities';
import type { TimelineEntry, TimelineRevision } from '../../schemas/timeline';
import { scrubContactDetails, withholdNames, type AudienceProfile, type RecordSection, type Redaction } from './profiles';
import { RECORD_FORMAT, RECORD_FORMAT_VERSION, type RecordContent, type UnsealedRecord } from './recordFile';

/** Everything the desk holds about one incident, gathered by the caller. */
export type RecordSource = {
  incident: Incident;
  settings: Pick<DeskSettings, 'cityName'>;
  entries: TimelineEntry[];
  revisions: TimelineRevision[];
  audit: AuditEvent[];
  statements: OpenRecord[];
  statementVersions: OpenRecord[];
  approvals: OpenRecord[];
  activations: OpenRecord[];
  callAttempts: OpenRecord[];
  /** The directory entries of the people the activations name. */
  contacts: OpenRecord[];
  checklistItems: OpenRecord[];
  lessons: OpenRecord[];
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
};

/**
 * Builds the after-action record of one incident (pure: the caller gathers the data and walks
 * the chain). The audience profile decides what is left out; every omission is listed.
 */
export function buildRecord(source: RecordSource, options: RecordOptions): UnsealedRecord {
  const has = (s: RecordSection) => options.sections.includes(s);
  const redactions: Redaction[] = [];
  const { profile } = options;

  let entries = source.entries;
  let revisions = source.revisions;
  let statements = source.statements;
  if (profile === 'public') {
    const releasable = new Set(entries.filter((e) => e.release === 'public').map((e) => e.id));
    const left = entries.length - releasable.size;
    if (left > 0) redactions.push({ what: 'Timeline entries marked internal only', why: 'Only entries marked releasable to the public go into a public record.', count: left });
    entries = entries.filter((e) => releasable.has(e.id));
    revisions = revisions.filter((r) => releasable.has(r.entryId));
    const released = statements.filter((s) => s['status'] === undefined || s['status'] === 'released');
    if (released.length < statements.length) {
      redactions.push({ what: 'Statements not released', why: 'Drafts and withdrawn statements stay internal.', count: statements.length - released.length });
    }
    statements = released;
  }
  const statementIds = new Set(statements.map((s) => s.id));

  const ordered = [...entries].sort((a, b) => a.occurredAt - b.occurredAt);
  let content: RecordContent = {
    incident: source.incident,
    ...(has('summary') && {
      summary: {
        phaseReached: responsePhase(phaseAt(source.incident.startAt, source.incident.closedAt ?? options.now, source.incident.timeZone)).title,
        elapsed: elapsedLabel(source.incident.startAt, source.incident.closedAt ?? options.now, source.incident.timeZone),
        counts: {
          timelineEntries: entries.length,
          revisions: revisions.length,
          decisions: entries.filter((e) => e.category === 'decision').length,
          retracted: entries.filter((e) => e.retracted).length,
          unverified: entries.filter((e) => e.verification === 'unverified' && !e.retracted).length,
          statements: statements.length,
          activations: source.activations.length,
          checklistItems: source.checklistItems.length,
          lessons: source.lessons.length,
        },
      },
    }),
    ...(has('timeline') && { timeline: { entries: ordered, revisions: [...revisions].sort((a, b) => a.chainSeq - b.chainSeq) } }),
    ...(has('decisions') && { decisions: ordered.filter((e) => e.category === 'decision').map((e) => e.id) }),
    ...(has('statements') && {
      statements: {
        statements,
        versions: source.statementVersions.filter((v) => statementIds.has(String(v['statementId']))),
        approvals: source.approvals.filter((a) => statementIds.has(String(a['statementId']))),
      },
    }),
    ...(has('activations') && { activations: { activations: source.activations, attempts: source.callAttempts, contacts: activationContacts(source) } }),
    ...(has('checklists') && { checklists: { items: source.checklistItems } }),
    ...(has('lessons') && { lessons: source.lessons }),
    ...(has('audit') && { audit: [...source.audit].sort((a, b) => a.at - b.at) }),
  };

  const guarded = guardDoNotShare(content);
  if (guarded.removed > 0) redactions.push({ what: 'Contact details of people marked “do not share”', why: 'Marked in the directory as never to be shared; left out of every export.', count: guarded.removed });
  content = guarded.value;

  if (profile !== 'internal' || !options.includeContactDetails) {
    const scrubbed = scrubContactDetails(content);
    const why = profile === 'internal' ? 'Personal data: the operator did not opt in to include them in this export.' : `Not for a ${profile} audience.`;
    if (scrubbed.removed > 0) redactions.push({ what: 'Personal contact details (phone numbers, email addresses, call signs)', why, count: scrubbed.removed });
    content = scrubbed.value;
  }
  if (profile === 'public') {
    const listed = [...new Set([...options.withheldNames.map((n) => n.trim()).filter(Boolean), ...namesFromStatements(source.statements)])];
    if (listed.length > 0) {
      const withheld = withholdNames(content, listed);
      redactions.push({ what: `Names withheld (${listed.length} listed: victims, witnesses, suspects)`, why: 'Replaced by “[name withheld]” in a public record.', count: withheld.replaced });
      content = withheld.value;
    }
  }

  const timelineUntouched =
    content.timeline !== undefined &&
    content.timeline.revisions.length === source.revisions.length &&
    canonicalJson(content.timeline.revisions) === canonicalJson([...source.revisions].sort((a, b) => a.chainSeq - b.chainSeq));
  const chain = options.chain;
  return {
    format: RECORD_FORMAT,
    formatVersion: RECORD_FORMAT_VERSION,
    exportedAt: new Date(options.now).toISOString(),
    exportedBy: options.exportedBy,
    appVersion: options.appVersion,
    cityName: source.settings.cityName,
    profile,
    sections: [...options.sections],
    redactions,
    integrity: {
      chainHead: chain.ok ? chain.headHash : '',
      revisions: chain.revisions,
      entries: chain.ok ? chain.entries : source.entries.length,
      verifiedAtExport: chain.ok,
      verification: chain.ok ? 'The whole timeline chain was walked at export and is intact.' : 'The chain check FAILED at export: see the integrity section.',
      chainComplete: timelineUntouched,
    },
    content,
  };
}

/** Only the directory entries of people an activation names: its callee or its fallback. */
function activationContacts(source: RecordSource): OpenRecord[] {
  const named = new Set<string>();
  for (const a of source.activations) {
    const nodes = Array.isArray(a['nodes']) ? (a['nodes'] as Record<string, unknown>[]) : [];
    for (const n of nodes) {
      if (typeof n['contactId'] === 'string') named.add(n['contactId']);
      if (typeof n['fallbackContactId'] === 'string') named.add(n['fallbackContactId']);
    }
  }
  return source.contacts.filter((c) => named.has(c.id));
}

/** Contacts marked "do not share" lose their numbers and email in every record, whatever the profile. */
function guardDoNotShare(content: RecordContent): { value: RecordContent; removed: number } {
  const contacts = content.activations?.contacts;
  if (!content.activations || !contacts?.some((c) => c['doNotShare'] === true)) return { value: content, removed: 0 };
  let removed = 0;
  const guarded = contacts.map((c) => {
    if (c['doNotShare'] !== true) return c;
    const scrubbed = scrubContactDetails(c);
    removed += scrubbed.removed;
    return scrubbed.value;
  });
  return { value: { ...content, activations: { ...content.activations, contacts: guarded } }, removed };
}

/**
 * Names the statements' drafters recorded as people a statement might name: a public record
 * withholds every suspect (deny attackers publicity) and every victim without recorded consent.
 */
function namesFromStatements(statements: readonly OpenRecord[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s['people']) ? (s['people'] as Record<string, unknown>[]) : []))
    .filter((p) => typeof p['name'] === 'string' && (p['role'] === 'suspect' || (p['role'] === 'victim' && p['consentRecorded'] !== true)))
    .map((p) => String(p['name']).trim())
    .filter((n) => n.length >= 2);
}
