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
import { reportClock } from './reportClock';
import type { DeskLocale } from '../locale/deskLocale';
import type { RecordCounts, RecordFile } from './recordFile';

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

export const COUNT_LABELS: Record<keyof RecordCounts, string> = {
  timelineEntries: 'Timeline entries',
  revisions: 'Revisions',
  decisions: 'Decisions',
  retracted: 'Retracted entries',
  unverified: 'Still unverified',
  statements: 'Statements',
  releases: 'Releases of statements',
  activations: 'Call-tree activations',
  checklistItems: 'Checklist items',
  lessons: 'Lessons recorded',
};

const REVISION_WORDS = {
  create: 'Logged',
  edit: 'Corrected',
  verify: 'Verification changed',
  retract: 'Retracted',
} as const;

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
  const edition = `${PROFILE_LABELS[record.profile].title} edition`;
  const blocks: Block[] = [];
  const push = (...b: Block[]) => blocks.push(...b);

  push(
    { type: 'eyebrow', text: `${record.cityName} · After-action record · ${edition}` },
    { type: 'title', text: incident.title },
    {
      type: 'paragraph',
      text: `${INCIDENT_KIND_LABELS[incident.kind]} · ${incident.location || 'location not recorded'} · started ${at(incident.startAt, 'EEEE d MMMM yyyy, HH:mm')} (${zone})${incident.closedAt !== null ? ` · closed ${at(incident.closedAt)}` : ''}`,
    },
    {
      type: 'paragraph',
      tone: 'muted',
      text: `Exported ${at(Date.parse(record.exportedAt))} by ${record.exportedBy} · Response Desk ${record.appVersion} · record format version ${record.formatVersion}`,
    },
  );
  if (options.jsonFile) {
    push({
      type: 'paragraph',
      tone: 'muted',
      text: `This report is printed from ${options.jsonFile.name}${options.packageName ? ` in the package ${options.packageName}` : ''}: file SHA-256 ${options.jsonFile.sha256}, record checksum ${record.checksum.value}.`,
    });
  }

  push(
    { type: 'heading', text: 'Who this edition is for' },
    { type: 'paragraph', text: PROFILE_LABELS[record.profile].description },
    { type: 'subheading', text: 'It includes' },
    { type: 'list', items: record.audience.includes },
    { type: 'subheading', text: 'It withholds' },
    { type: 'list', items: record.audience.withholds },
  );

  push({ type: 'heading', text: 'What this record leaves out' });
  if (record.redactions.length === 0)
    push({ type: 'paragraph', text: 'Nothing beyond the rules above: this is the complete record of its sections.' });
  const shown = options.placesShown ?? 12;
  for (const r of record.redactions) {
    push({ type: 'paragraph', tone: 'strong', text: `${r.what} (${r.count})` }, { type: 'paragraph', text: r.why });
    if (r.places.length > 0) {
      const places = r.places.slice(0, shown);
      const more = r.places.length - places.length;
      push({
        type: 'list',
        items: more > 0 ? [...places, `… and ${more} more, each listed in the JSON edition.`] : places,
      });
    }
  }

  if (content.summary) {
    const counts = content.summary.counts;
    push(
      { type: 'heading', text: 'Summary' },
      {
        type: 'facts',
        rows: [
          ['Phase reached', content.summary.phaseReached],
          ['Duration', content.summary.elapsed],
          ...(Object.keys(COUNT_LABELS) as (keyof RecordCounts)[]).map((k): [string, string] => [
            COUNT_LABELS[k],
            counts[k].toLocaleString('en-GB'),
          ]),
        ],
      },
    );
    if (incident.description) push({ type: 'paragraph', text: incident.description });
    push({ type: 'paragraph', tone: 'muted', text: `Phases after the ${citeGuide()}.` });
  }

  const entries = content.timeline?.entries ?? [];
  if (content.decisions) {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const rows = content.decisions
      .map((id) => byId.get(id))
      .filter((e) => e !== undefined)
      .map((e) => [at(e.occurredAt), `${e.title}${e.onBehalfOf ? ` (for ${e.onBehalfOf})` : ''}`, e.recordedBy]);
    push({ type: 'heading', text: 'Decisions' });
    push(
      rows.length === 0
        ? { type: 'paragraph', tone: 'muted', text: 'No decisions were logged.' }
        : {
            type: 'table',
            columns: [
              { title: 'When', width: 0.18, nowrap: true },
              { title: 'Decision', width: 0.62 },
              { title: 'Logged by', width: 0.2 },
            ],
            rows,
          },
    );
  }

  if (content.timeline) {
    push({ type: 'heading', text: 'Timeline' });
    if (options.truncatedTo !== undefined)
      push({
        type: 'paragraph',
        tone: 'muted',
        text: `Preview: the first ${options.truncatedTo} entries. The saved record holds them all.`,
      });
    if (entries.length === 0) push({ type: 'paragraph', tone: 'muted', text: 'No timeline entries in this edition.' });
    else {
      const history = new Map<string, string[]>();
      for (const r of content.timeline.revisions) {
        const lines = history.get(r.entryId) ?? [];
        lines.push(
          `${REVISION_WORDS[r.kind]} by ${r.operator}, ${at(r.recordedAt, 'd MMM HH:mm')}${r.reason ? `: ${r.reason}` : ''}${r.kind === 'edit' ? ` (now: “${r.content.title}”)` : ''}`,
        );
        history.set(r.entryId, lines);
      }
      push({
        type: 'table',
        columns: [
          { title: 'When', width: 0.17, nowrap: true },
          { title: 'T+', width: 0.08, nowrap: true },
          { title: 'What', width: 0.56 },
          { title: 'Source · verification', width: 0.19 },
        ],
        rows: entries.map((e) => {
          const lines = history.get(e.id) ?? [];
          const what = [`${CATEGORY_LABELS[e.category]}: ${e.title}`];
          if (e.retracted) what.push(`Retracted: ${e.retractionReason ?? ''}`);
          if (lines.length > 1) what.push(...lines);
          else if (e.revisionCount > 1) what.push(`Corrected ${e.revisionCount - 1}×`);
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
    push({ type: 'heading', text: 'Statements' });
    if (content.statements.length === 0)
      push({
        type: 'paragraph',
        tone: 'muted',
        text: record.profile === 'public' ? 'No statement was released.' : 'No statements.',
      });
    for (const s of content.statements) {
      push({
        type: 'subheading',
        text: `${s.title} · ${languageLabel(s.language)} · ${STATEMENT_STATUS_LABELS[s.status]}${s.translationOf ? ` · translation of “${s.translationOf.title}”` : ''}`,
      });
      if (s.translation && s.translation.state !== 'current') {
        const detail =
          s.translation.state === 'out-of-date'
            ? `: it translates version ${s.translation.translatesVersion ?? '?'} of the source, whose approved version is now ${s.translation.sourceApprovedVersion ?? '?'}`
            : '';
        push({
          type: 'paragraph',
          tone: 'strong',
          text: `Translation ${TRANSLATION_STATE_LABELS[s.translation.state].toLowerCase()}${detail}.`,
        });
      }
      const rtl = isRightToLeft(s.language);
      if (s.releases.length === 0) push({ type: 'paragraph', tone: 'muted', text: 'Never released.' });
      for (const r of s.releases) {
        const approval = r.approval
          ? `Approved by ${r.approval.approverName}, ${r.approval.approverRole}, ${at(r.approval.at)}. SHA-256 of the text: ${r.approval.textHash}.`
          : 'No approval is on record for this version.';
        push(
          {
            type: 'paragraph',
            tone: 'strong',
            text: `Released ${at(r.at)} to ${channelList(r.channels)}: version ${r.version}`,
          },
          { type: 'paragraph', tone: 'muted', text: `${approval.trim()}${r.note ? ` Note: ${r.note}` : ''}` },
          { type: 'quote', text: r.text, rtl },
        );
      }
      for (const u of s.unreleased) {
        const state = u.status === 'approved' ? 'approved' : u.status === 'in-review' ? 'in review' : 'a draft';
        push({ type: 'paragraph', tone: 'strong', text: `Version ${u.version}, ${state}, never released` });
        if (u.approval)
          push({
            type: 'paragraph',
            tone: 'muted',
            text: `Approved by ${u.approval.approverName}, ${u.approval.approverRole}, ${at(u.approval.at)}. SHA-256 of the text: ${u.approval.textHash}.`,
          });
        push({ type: 'quote', text: u.text, rtl });
      }
      if (s.trail.length > 0) push({ type: 'list', items: s.trail.map((t) => `${at(t.at)}: ${t.text}`) });
    }
  }

  if (content.activations) {
    push({ type: 'heading', text: 'Call-tree activations' });
    if (content.activations.length === 0)
      push({ type: 'paragraph', tone: 'muted', text: 'No call trees were activated.' });
    for (const a of content.activations) {
      push(
        {
          type: 'subheading',
          text: `${a.treeName} · started ${at(a.startedAt)} by ${a.startedBy} · ${a.reached} of ${a.total} reached`,
        },
        ...(a.standDown
          ? [
              {
                type: 'paragraph' as const,
                text: `Stood down ${at(a.standDown.at)} by ${a.standDown.by}: ${a.standDown.reason}`,
              },
            ]
          : []),
        {
          type: 'table',
          columns: [
            { title: 'Who', width: 0.34 },
            { title: 'Outcome', width: 0.2 },
            { title: 'Calls logged', width: 0.46 },
          ],
          rows: a.calls.map((c) => [
            `${'   '.repeat(c.depth)}${c.name}${c.role ? `, ${c.role}` : ''}${c.details ? `\n${c.details}` : ''}`,
            `${capitalise(CALL_STATE_LABELS[c.state])}${c.onFallback ? `\non fallback: ${c.fallbackName ?? 'fallback contact'}` : ''}`,
            c.attempts
              .map(
                (t) =>
                  `${at(t.at, 'd MMM HH:mm')} ${t.escalated ? 'passed to the fallback contact' : `${CALL_STATE_LABELS[t.from]} → ${CALL_STATE_LABELS[t.to]}`} (${t.by})${t.note ? `: ${t.note}` : ''}`,
              )
              .join('\n') || 'none',
          ]),
        },
      );
    }
  }

  if (content.checklists) {
    push({ type: 'heading', text: 'Recovery checklists' });
    if (content.checklists.length === 0) push({ type: 'paragraph', tone: 'muted', text: 'No checklist items.' });
    for (const p of content.checklists) {
      push(
        {
          type: 'subheading',
          text: `${responsePhase(p.phase).title} · ${p.done} done, ${p.notApplicable} not applicable, ${p.total - p.done - p.notApplicable} open, of ${p.total}`,
        },
        {
          type: 'table',
          columns: [
            { title: 'Item', width: 0.44 },
            { title: 'Owner', width: 0.2 },
            { title: 'Due', width: 0.14, nowrap: true },
            { title: 'Status', width: 0.22 },
          ],
          rows: p.items.map((i) => [
            `${i.title}\n${i.source}`,
            `${ROLE_TITLES[i.owner]}${i.assignee ? `\n${i.assignee}` : ''}`,
            i.dueAt === null ? '—' : at(i.dueAt),
            `${ITEM_STATUS_LABELS[i.status]}${i.resolvedBy !== null && i.resolvedAt !== null ? `\n${i.status === 'done' ? 'Done' : 'Marked'} by ${i.resolvedBy}, ${at(i.resolvedAt)}` : ''}${i.note ? `\n${i.note}` : ''}`,
          ]),
        },
      );
    }
  }

  if (content.lessons) {
    push({ type: 'heading', text: 'Lessons learned' });
    if (content.lessons.length === 0) push({ type: 'paragraph', tone: 'muted', text: 'No lessons recorded yet.' });
    const byId = new Map(content.lessons.map((l) => [l.id, l]));
    for (const kind of LESSON_KINDS) {
      const list = content.lessons.filter((l) => l.kind === kind);
      if (list.length === 0) continue;
      push(
        { type: 'subheading', text: LESSON_KIND_HEADINGS[kind] },
        {
          type: 'list',
          items: list.map((l) => {
            const reworded = l.supersedes ? ' (reworded after an earlier export of this record)' : '';
            if (kind !== 'corrective-action') return `${l.text}${reworded}`;
            const answers = l.answers ? byId.get(l.answers) : undefined;
            return `${l.text} (owner: ${l.owner ?? '—'}; due ${l.dueDate ?? '—'}; ${l.status}${l.onChecklist ? '; on the checklists' : ''})${answers ? `. Answers: “${answers.text}”` : ''}${reworded}`;
          }),
        },
      );
    }
  }

  if (content.audit) {
    push(
      { type: 'heading', text: 'Audit trail' },
      content.audit.length === 0
        ? { type: 'paragraph', tone: 'muted', text: 'No audit lines.' }
        : {
            type: 'table',
            columns: [
              { title: 'When', width: 0.17, nowrap: true },
              { title: 'Who', width: 0.16 },
              { title: 'What', width: 0.67 },
            ],
            rows: content.audit.map((a) => [at(a.at, 'd MMM yyyy HH:mm:ss'), a.operator, a.summary]),
          },
    );
  }

  const heads = integrity.publishedHeads.map(
    (h) => `Revision ${h.chainSeq}, ${PUBLISHED_VIA_WORDS[h.via]} by ${h.by}, ${at(h.at)}: ${h.headHash}`,
  );
  push(
    { type: 'heading', text: 'Integrity' },
    {
      type: 'facts',
      rows: [
        [
          'Timeline chain',
          `${integrity.verification} ${integrity.revisions} revisions of ${integrity.entries} entries.`,
        ],
        ['Chain head', integrity.chainHead || '—'],
        ['Record checksum', `SHA-256 ${record.checksum.value}`],
        [
          'Check it yourself',
          `npx response-desk-verify ${options.packageName ?? options.jsonFile?.name ?? 'record.json'}${integrity.chainComplete ? '' : '. This edition leaves parts of the timeline out or rewords them, so its chain is attested, not walkable.'}`,
        ],
      ],
    },
  );
  if (heads.length > 0)
    push(
      { type: 'paragraph', text: 'Chain heads published before this record (each must still be in the chain):' },
      { type: 'list', items: heads },
    );
  return { running: `${record.cityName} · After-action record · ${edition}`, edition, title: incident.title, blocks };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
