import { revealBidiDeep } from '../text/bidi';
import { STATUS_LABELS as ITEM_STATUS_LABELS } from '../checklists/items';
import { ROLE_TITLES } from '../checklists/roles';
import { CALL_STATE_LABELS } from '../contacts/activation';
import { citeGuide } from '../guide/citation';
import { responsePhase } from '../guide/phases';
import { INCIDENT_KIND_LABELS } from '../incident/commands';
import { isRightToLeft, languageLabel } from '../statements/languages';
import { TRANSLATION_STATE_LABELS } from '../statements/translations';
import { CHANNEL_LABELS, STATUS_LABELS as STATEMENT_STATUS_LABELS } from '../statements/workflow';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from '../timeline/entryForm';
import { LESSON_KIND_HEADINGS, LESSON_KINDS } from '../../schemas/lessons';
import { PUBLISHED_VIA_WORDS } from '../../schemas/publishedHeads';
import { PROFILE_LABELS } from './profiles';
import { choiceLabels } from '../../i18n/choices';
import { format, type DomainMessageId } from '../../i18n/format';
import { reportClock } from './reportClock';
import type { DeskLocale } from '../locale/deskLocale';
import type { RecordCounts, RecordFile, RecordFileV3 } from './recordFile';
import { recordsFingerprint } from '../team/fingerprint';

/*
 * The report every edition prints: one list of blocks, rendered by the preview and print view
 * (React), the Word document and the PDF. Labels are in words here, once, so the three never
 * disagree and no programme key reaches a reader.
 */

/** A table column: its share of the page's width (they add up to 1), and whether it must not wrap. */
export type Column = { title: string; width: number; nowrap?: boolean };
export type Block =
  | { type: 'eyebrow'; text: string }
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; text: string; tone?: 'muted' | 'strong' }
  | { type: 'quote'; text: string; rtl: boolean }
  | { type: 'list'; items: string[] }
  | { type: 'facts'; rows: [string, string][] }
  | { type: 'table'; columns: Column[]; rows: string[][]; struck?: boolean[] };

export type ReportModel = {
  /** The line at the top of every page: city, record, edition. */
  running: string;
  /** The edition's name, for the page footer. */
  edition: string;
  title: string;
  blocks: Block[];
};

const COUNTS = [
  'timelineEntries',
  'revisions',
  'decisions',
  'retracted',
  'unverified',
  'statements',
  'releases',
  'activations',
  'checklistItems',
  'lessons',
] as const satisfies readonly (keyof RecordCounts)[];
export const COUNT_LABELS: Readonly<Record<keyof RecordCounts, string>> = choiceLabels('recordCount', COUNTS);

/** Where the JSON edition is, when the report is part of an export package. */
export type ReportOptions = {
  /** The desk's locale: the report's times follow its clock and date order (24-hour, day first without one). */
  locale?: DeskLocale | undefined;
  jsonFile?: { name: string; sha256: string } | undefined;
  packageName?: string | undefined;
  truncatedTo?: number | undefined;
  placesShown?: number;
};

const channelList = (channels: readonly string[]) =>
  channels.map((c) => CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS].toLowerCase()).join(', ');

/** The report of a record, block by block. */
export function reportModel(given: RecordFile, options: ReportOptions = {}): ReportModel {
  // SECURITY: hidden direction controls in the record's text appear as marks, never obeyed (text/bidi.ts).
  const record = revealBidiDeep(given);
  const { content, integrity } = record;
  const incident = content.incident;
  const zone = incident.timeZone;
  const clock = reportClock(zone, incident.startAt, options.locale);
  const at = clock.at;
  const edition = format('record.report.edition', { profile: PROFILE_LABELS[record.profile].title });
  const running = format('record.report.running', { city: record.cityName, edition });
  const blocks: Block[] = [];
  const push = (...b: Block[]) => blocks.push(...b);
  /** A section's heading, then the muted line that says it holds nothing, when `rows` is empty. */
  const section = (title: DomainMessageId, rows: readonly unknown[], none: DomainMessageId) => {
    push({ type: 'heading', text: format(title) });
    if (rows.length === 0) push({ type: 'paragraph', tone: 'muted', text: format(none) });
  };
  /** A subheading worded by the catalogue: a statement, a call tree's activation, a phase's checklist. */
  const subheading = (id: DomainMessageId, values: Parameters<typeof format>[1]): Block => ({
    type: 'subheading',
    text: format(id, values),
  });
  /** A section that is one table, or the muted line when the table would have no rows. */
  const tableSection = (title: DomainMessageId, columns: Column[], rows: string[][], none: DomainMessageId) => {
    section(title, rows, none);
    if (rows.length > 0) push({ type: 'table', columns, rows });
  };

  push(
    { type: 'eyebrow', text: running },
    { type: 'title', text: incident.title },
    {
      type: 'paragraph',
      text: format(incident.closedAt !== null ? 'record.report.incidentClosed' : 'record.report.incident', {
        kind: INCIDENT_KIND_LABELS[incident.kind],
        location: incident.location || format('record.report.noLocation'),
        start: at(incident.startAt, 'EEEE d MMMM yyyy, HH:mm'),
        zone,
        closed: incident.closedAt !== null ? at(incident.closedAt) : '',
      }),
    },
    {
      type: 'paragraph',
      tone: 'muted',
      text: format('record.report.exported', {
        at: at(Date.parse(record.exportedAt)),
        by: record.exportedBy,
        appVersion: record.appVersion,
        formatVersion: record.formatVersion,
      }),
    },
  );
  if (options.jsonFile) {
    push({
      type: 'paragraph',
      tone: 'muted',
      text: format(options.packageName ? 'record.report.printedFromPackage' : 'record.report.printedFrom', {
        file: options.jsonFile.name,
        package: options.packageName ?? '',
        sha256: options.jsonFile.sha256,
        checksum: record.checksum.value,
      }),
    });
  }

  push(
    { type: 'heading', text: format('record.report.audience') },
    { type: 'paragraph', text: PROFILE_LABELS[record.profile].description },
    { type: 'subheading', text: format('record.report.includes') },
    { type: 'list', items: record.audience.includes },
    { type: 'subheading', text: format('record.report.withholds') },
    { type: 'list', items: record.audience.withholds },
  );

  push({ type: 'heading', text: format('record.report.leavesOut') });
  if (record.redactions.length === 0) push({ type: 'paragraph', text: format('record.report.nothingLeftOut') });
  const shown = options.placesShown ?? 12;
  for (const r of record.redactions) {
    push(
      { type: 'paragraph', tone: 'strong', text: format('record.report.redaction', { what: r.what, count: r.count }) },
      { type: 'paragraph', text: r.why },
    );
    if (r.places.length > 0) {
      const places = r.places.slice(0, shown);
      const more = r.places.length - places.length;
      push({
        type: 'list',
        items: more > 0 ? [...places, format('record.report.morePlaces', { count: more })] : places,
      });
    }
  }

  if (content.summary) {
    const counts = content.summary.counts;
    push(
      { type: 'heading', text: format('record.report.summary') },
      {
        type: 'facts',
        rows: [
          [format('record.report.phaseReached'), content.summary.phaseReached],
          [format('record.report.duration'), content.summary.elapsed],
          ...COUNTS.map((k): [string, string] => [
            COUNT_LABELS[k],
            format('record.report.count', { count: counts[k] }),
          ]),
        ],
      },
    );
    if (incident.description) push({ type: 'paragraph', text: incident.description });
    push({ type: 'paragraph', tone: 'muted', text: format('record.report.phasesAfter', { guide: citeGuide() }) });
  }

  const entries = content.timeline?.entries ?? [];
  if (content.decisions) {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const rows = content.decisions
      .map((id) => byId.get(id))
      .filter((e) => e !== undefined)
      .map((e) => [
        at(e.occurredAt),
        e.onBehalfOf ? format('record.report.decisionFor', { title: e.title, name: e.onBehalfOf }) : e.title,
        e.recordedBy,
      ]);
    tableSection(
      'record.report.decisions',
      [
        { title: format('record.report.column.when'), width: 0.18, nowrap: true },
        { title: format('record.report.column.decision'), width: 0.62 },
        { title: format('record.report.column.loggedBy'), width: 0.2 },
      ],
      rows,
      'record.report.noDecisions',
    );
  }

  if (content.timeline) {
    push({ type: 'heading', text: format('record.report.timeline') });
    if (options.truncatedTo !== undefined)
      push({ type: 'paragraph', tone: 'muted', text: format('record.report.preview', { count: options.truncatedTo }) });
    if (entries.length === 0) push({ type: 'paragraph', tone: 'muted', text: format('record.report.noEntries') });
    else {
      const history = new Map<string, string[]>();
      for (const r of content.timeline.revisions) {
        const lines = history.get(r.entryId) ?? [];
        let line = format('record.report.revision', {
          kind: r.kind,
          by: r.operator,
          at: at(r.recordedAt, 'd MMM HH:mm'),
        });
        if (r.reason) line = format('record.report.revisionReason', { line, reason: r.reason });
        if (r.kind === 'edit') line = format('record.report.revisionNow', { line, title: r.content.title });
        lines.push(line);
        history.set(r.entryId, lines);
      }
      push({
        type: 'table',
        columns: [
          { title: format('record.report.column.when'), width: 0.17, nowrap: true },
          { title: format('record.report.column.elapsed'), width: 0.08, nowrap: true },
          { title: format('record.report.column.what'), width: 0.56 },
          { title: format('record.report.column.sourceVerification'), width: 0.19 },
        ],
        rows: entries.map((e) => {
          const lines = history.get(e.id) ?? [];
          const what = [format('record.report.entry', { category: CATEGORY_LABELS[e.category], title: e.title })];
          if (e.retracted) what.push(format('record.report.retracted', { reason: e.retractionReason ?? '' }));
          if (lines.length > 1) what.push(...lines);
          else if (e.revisionCount > 1) what.push(format('record.report.corrected', { count: e.revisionCount - 1 }));
          return [
            e.occurredPrecision === 'date'
              ? at(e.occurredAt, 'd MMM yyyy')
              : `${e.occurredPrecision === 'approximate' ? '~' : ''}${at(e.occurredAt)}`,
            clock.elapsed(e.occurredAt),
            what.join('\n'),
            `${e.source || '—'}\n${VERIFICATION_LABELS[e.verification]}`,
          ];
        }),
        struck: entries.map((e) => e.retracted),
      });
    }
  }

  if (content.statements) {
    section(
      'record.report.statements',
      content.statements,
      record.profile === 'public' ? 'record.report.noStatementReleased' : 'record.report.noStatements',
    );
    const approvedBy = (a: { approverName: string; approverRole: string; at: number; textHash: string }) =>
      format('record.report.approvedBy', {
        name: a.approverName,
        role: a.approverRole,
        at: at(a.at),
        hash: a.textHash,
      });
    for (const s of content.statements) {
      push(
        subheading(s.translationOf ? 'record.report.statementTranslation' : 'record.report.statement', {
          title: s.title,
          language: languageLabel(s.language),
          status: STATEMENT_STATUS_LABELS[s.status],
          source: s.translationOf?.title ?? '',
        }),
      );
      if (s.translation && s.translation.state !== 'current') {
        const unknown = format('record.report.unknownVersion');
        push({
          type: 'paragraph',
          tone: 'strong',
          text: format(
            s.translation.state === 'out-of-date'
              ? 'record.report.translationOutOfDate'
              : 'record.report.translationState',
            {
              state: TRANSLATION_STATE_LABELS[s.translation.state].toLowerCase(),
              version: s.translation.translatesVersion ?? unknown,
              approved: s.translation.sourceApprovedVersion ?? unknown,
            },
          ),
        });
      }
      const rtl = isRightToLeft(s.language);
      if (s.releases.length === 0)
        push({ type: 'paragraph', tone: 'muted', text: format('record.report.neverReleased') });
      for (const r of s.releases) {
        const approval = r.approval ? approvedBy(r.approval) : format('record.report.noApproval');
        push(
          {
            type: 'paragraph',
            tone: 'strong',
            text: format('record.report.released', {
              at: at(r.at),
              channels: channelList(r.channels),
              version: r.version,
            }),
          },
          {
            type: 'paragraph',
            tone: 'muted',
            text: r.note ? format('record.report.releaseNote', { approval, note: r.note }) : approval,
          },
          { type: 'quote', text: r.text, rtl },
        );
      }
      for (const u of s.unreleased) {
        push({
          type: 'paragraph',
          tone: 'strong',
          text: format('record.report.unreleased', {
            version: u.version,
            // ICU select keys cannot hold a hyphen.
            status: u.status === 'in-review' ? 'inReview' : u.status,
          }),
        });
        if (u.approval) push({ type: 'paragraph', tone: 'muted', text: approvedBy(u.approval) });
        push({ type: 'quote', text: u.text, rtl });
      }
      if (s.trail.length > 0)
        push({
          type: 'list',
          items: s.trail.map((t) => format('record.report.trail', { at: at(t.at), text: t.text })),
        });
    }
  }

  if (content.activations) {
    section('record.report.activations', content.activations, 'record.report.noActivations');
    for (const a of content.activations) {
      push(
        subheading('record.report.activation', {
          tree: a.treeName,
          at: at(a.startedAt),
          by: a.startedBy,
          reached: a.reached,
          total: a.total,
        }),
        ...(a.standDown
          ? [
              {
                type: 'paragraph' as const,
                text: format('record.report.stoodDown', {
                  at: at(a.standDown.at),
                  by: a.standDown.by,
                  reason: a.standDown.reason,
                }),
              },
            ]
          : []),
        {
          type: 'table',
          columns: [
            { title: format('record.report.column.who'), width: 0.34 },
            { title: format('record.report.column.outcome'), width: 0.2 },
            { title: format('record.report.column.callsLogged'), width: 0.46 },
          ],
          rows: a.calls.map((c) => [
            [
              `${'   '.repeat(c.depth)}${c.role ? `${c.name}, ${c.role}` : c.name}`,
              ...(c.details ? [c.details] : []),
            ].join('\n'),
            [
              capitalise(CALL_STATE_LABELS[c.state]),
              ...(c.onFallback
                ? [
                    format('record.report.onFallback', {
                      name: c.fallbackName ?? format('record.report.fallbackContact'),
                    }),
                  ]
                : []),
            ].join('\n'),
            c.attempts
              .map((t) => {
                const attempt = format('record.report.attempt', {
                  at: at(t.at, 'd MMM HH:mm'),
                  change: t.escalated
                    ? format('record.report.passedToFallback')
                    : format('record.report.callChange', {
                        from: CALL_STATE_LABELS[t.from],
                        to: CALL_STATE_LABELS[t.to],
                      }),
                  by: t.by,
                });
                return t.note ? format('record.report.attemptNote', { attempt, note: t.note }) : attempt;
              })
              .join('\n') || format('record.report.noCalls'),
          ]),
        },
      );
    }
  }

  if (content.checklists) {
    section('record.report.checklists', content.checklists, 'record.report.noChecklistItems');
    for (const p of content.checklists) {
      push(
        subheading('record.report.phase', {
          phase: responsePhase(p.phase).title,
          done: p.done,
          notApplicable: p.notApplicable,
          open: p.total - p.done - p.notApplicable,
          total: p.total,
        }),
        {
          type: 'table',
          columns: [
            { title: format('record.report.column.item'), width: 0.44 },
            { title: format('record.report.column.owner'), width: 0.2 },
            { title: format('record.report.column.due'), width: 0.14, nowrap: true },
            { title: format('record.report.column.status'), width: 0.22 },
          ],
          rows: p.items.map((i) => [
            `${i.title}\n${i.source}`,
            `${ROLE_TITLES[i.owner]}${i.assignee ? `\n${i.assignee}` : ''}`,
            i.dueAt === null ? '—' : at(i.dueAt),
            [
              ITEM_STATUS_LABELS[i.status],
              ...(i.resolvedBy !== null && i.resolvedAt !== null
                ? [format('record.report.resolved', { status: i.status, by: i.resolvedBy, at: at(i.resolvedAt) })]
                : []),
              ...(i.note ? [i.note] : []),
            ].join('\n'),
          ]),
        },
      );
    }
  }

  if (content.lessons) {
    section('record.report.lessons', content.lessons, 'record.report.noLessons');
    const byId = new Map(content.lessons.map((l) => [l.id, l]));
    for (const kind of LESSON_KINDS) {
      const list = content.lessons.filter((l) => l.kind === kind);
      if (list.length === 0) continue;
      push(
        { type: 'subheading', text: LESSON_KIND_HEADINGS[kind] },
        {
          type: 'list',
          items: list.map((l) => {
            let text = l.text;
            if (kind === 'corrective-action') {
              text = format('record.report.correctiveAction', {
                text,
                owner: l.owner ?? '—',
                due: l.dueDate ?? '—',
                status: l.status,
                onChecklist: l.onChecklist ? 'yes' : 'no',
              });
              const answers = l.answers ? byId.get(l.answers) : undefined;
              if (answers)
                text = format('record.report.correctiveActionAnswers', { action: text, answers: answers.text });
            }
            return l.supersedes ? format('record.report.lessonReworded', { text }) : text;
          }),
        },
      );
    }
  }

  if (content.audit) {
    tableSection(
      'record.report.audit',
      [
        { title: format('record.report.column.when'), width: 0.17, nowrap: true },
        { title: format('record.report.column.who'), width: 0.16 },
        { title: format('record.report.column.what'), width: 0.67 },
      ],
      content.audit.map((a) => [at(a.at, 'd MMM yyyy HH:mm:ss'), a.operator, a.summary]),
      'record.report.noAudit',
    );
  }

  const heads = integrity.publishedHeads.map((h) =>
    format('record.report.publishedHead', {
      seq: h.chainSeq,
      via: PUBLISHED_VIA_WORDS[h.via],
      by: h.by,
      at: at(h.at),
      hash: h.headHash,
    }),
  );
  push(
    { type: 'heading', text: format('record.report.integrity') },
    {
      type: 'facts',
      rows: [
        [
          format('record.report.chain'),
          format('record.report.chainState', {
            verification: integrity.verification,
            revisions: integrity.revisions,
            entries: integrity.entries,
          }),
        ],
        [format('record.report.chainHead'), integrity.chainHead || '—'],
        ...recordsFingerprintRow(record),
        [format('record.report.checksum'), format('record.report.checksumValue', { value: record.checksum.value })],
        [
          format('record.report.checkYourself'),
          format(integrity.chainComplete ? 'record.report.verifyCommand' : 'record.report.verifyCommandAttested', {
            // FORMAT: the file name the verifier is run on, not a word: never translated.
            file: options.packageName ?? options.jsonFile?.name ?? 'record.json',
          }),
        ],
      ],
    },
  );
  if (heads.length > 0)
    push({ type: 'paragraph', text: format('record.report.publishedHeads') }, { type: 'list', items: heads });
  return { running, edition, title: incident.title, blocks };
}

/**
 * The fingerprint of the incident's signed records, for an edition that carries them all (format
 * 3): what the desks in step showed, and what the verifier recomputes from the record's heads.
 */
function recordsFingerprintRow(record: RecordFile): [string, string][] {
  const signed = (record as RecordFile & Partial<Pick<RecordFileV3, 'signed'>>).signed;
  if (!signed?.complete || signed.heads.length === 0) return [];
  const fingerprint = recordsFingerprint(signed.heads);
  return [
    [
      format('record.report.recordsFingerprint'),
      format('record.report.recordsFingerprintValue', {
        desks: signed.heads.length,
        hex: fingerprint.hex,
        words: fingerprint.words.join(' '),
      }),
    ],
  ];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
