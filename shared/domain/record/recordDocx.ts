import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

import { INCIDENT_KIND_LABELS } from '../incident/commands';
import { elapsedLabel } from '../incident/phase';
import { formatWallClock } from '../incident/wallClock';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from '../timeline/entryForm';
import { PROFILE_LABELS } from './profiles';
import { LESSON_KIND_HEADINGS, LESSON_KINDS } from '../../schemas/lessons';
import type { RecordFile } from './recordFile';
import { digestActivations, digestChecklists, digestStatements, fieldText, rowLabel } from './recordSections';

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 280, after: 120 } });
const subheading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_3, spacing: { before: 200, after: 80 } });
const para = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })], spacing: { after: 80 } });

function table(header: string[], rows: string[][]): Table {
  // docx's run options are typed with String's legacy `bold`/`italics` names, which the checker marks deprecated.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const cell = (value: string, strong = false) => new TableCell({ children: value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: strong, size: 18 })] })) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) }))],
  });
}


/**
 * The after-action record as an editable Word document for the mayor's office: the same
 * sections as the report, with the redactions and the integrity section kept in it.
 */
export function recordDocument(record: RecordFile): Document {
  const { content, integrity } = record;
  const incident = content.incident;
  const zone = incident.timeZone;
  const at = (t: number, pattern = 'd MMM yyyy HH:mm') => formatWallClock(t, zone, pattern);
  const entries = content.timeline?.entries ?? [];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: `${record.cityName} · After-action record · ${PROFILE_LABELS[record.profile].title} edition`, color: '555555' })] }),
    new Paragraph({ text: incident.title, heading: HeadingLevel.TITLE }),
    para(`${INCIDENT_KIND_LABELS[incident.kind]} · ${incident.location || 'location not recorded'} · started ${at(incident.startAt, 'EEEE d MMMM yyyy, HH:mm')} (${zone})`),
    para(`Exported ${formatWallClock(Date.parse(record.exportedAt), zone, 'd MMM yyyy HH:mm')} by ${record.exportedBy} · Response Desk ${record.appVersion}`, { italics: true }),
    heading('What this record leaves out'),
    ...(record.redactions.length === 0 ? [para('Nothing: this is the complete record of its sections.')] : record.redactions.map((r) => para(`• ${r.what} (${r.count}): ${r.why}`))),
  ];
  if (content.summary) {
    children.push(heading('Summary'), para(`Phase reached: ${content.summary.phaseReached}. Duration: ${content.summary.elapsed}.`));
    children.push(para(Object.entries(content.summary.counts).map(([k, v]) => `${k}: ${v}`).join(' · ')));
    if (incident.description) children.push(para(incident.description));
  }
  if (content.decisions) {
    children.push(heading('Decisions'));
    const rows = content.decisions.map((id) => byId.get(id)).filter((e) => e !== undefined).map((e) => [at(e.occurredAt), e.title, e.recordedBy]);
    children.push(rows.length === 0 ? para('No decisions were logged.') : table(['When', 'Decision', 'Logged by'], rows));
  }
  if (content.timeline) {
    children.push(heading('Timeline'));
    children.push(
      table(
        ['When', 'T+', 'What', 'Source', 'Verification'],
        entries.map((e) => [
          `${e.occurredPrecision === 'approximate' ? '~' : ''}${at(e.occurredAt)}`,
          elapsedLabel(incident.startAt, e.occurredAt, zone),
          `${CATEGORY_LABELS[e.category]}: ${e.title}${e.retracted ? ` [RETRACTED: ${e.retractionReason ?? ''}]` : ''}${e.revisionCount > 1 ? ` (corrected ${e.revisionCount - 1}×)` : ''}`,
          e.source || '—',
          VERIFICATION_LABELS[e.verification],
        ]),
      ),
    );
  }
  const others = (rows: string[]) => {
    if (rows.length > 0) children.push(para(`Also in this record, in a form this desk does not lay out: ${rows.join('; ')}.`, { italics: true }));
  };
  if (content.statements) {
    const { statements, other } = digestStatements(content.statements);
    children.push(heading('Statements'));
    if (statements.length === 0 && other.length === 0) children.push(para('No statements.'));
    for (const st of statements) {
      children.push(subheading(`${st.title} · ${st.language} · ${st.status}${st.translates !== null ? ` · translation of “${st.translates}”` : ''}`));
      if (st.approvedText !== null) {
        children.push(para(`Approved text (version ${st.approvedVersion ?? '?'} of ${st.versions})${st.approvedHash ? `, SHA-256 ${st.approvedHash}` : ''}:`, { italics: true }));
        for (const line of st.approvedText.split('\n')) children.push(new Paragraph({ children: [new TextRun(line)], indent: { left: 360 }, bidirectional: /[\u0590-\u08FF]/.test(line) }));
      } else {
        children.push(para(`Never approved (${st.versions} version${st.versions === 1 ? '' : 's'} drafted).`, { italics: true }));
      }
      for (const t of st.trail) children.push(para(`• ${at(t.at)}: ${t.text}`));
    }
    others(other);
  }
  if (content.activations) {
    const { activations, other } = digestActivations(content.activations);
    children.push(heading('Call-tree activations'));
    if (activations.length === 0 && other.length === 0) children.push(para('No call trees were activated.'));
    for (const a of activations) {
      children.push(subheading(`${a.treeName} · started ${at(a.startedAt)} by ${a.startedBy} · ${a.progress.reached} of ${a.progress.total} reached`));
      if (a.standDown) children.push(para(`Stood down ${at(a.standDown.at)} by ${a.standDown.by}: ${a.standDown.reason}`));
      children.push(table(['Who', 'Outcome', 'Calls logged'], a.calls.map((c) => [
        `${'  '.repeat(c.depth)}${c.name}${c.role ? `, ${c.role}` : ''}${c.details ? ` (${c.details})` : ''}`,
        `${c.state}${c.fallback ? ` (${c.fallback})` : ''}`,
        c.attempts.map((t) => `${at(t.at, 'd MMM HH:mm')} ${t.change} (${t.by})${t.note ? `: ${t.note}` : ''}`).join('\n') || 'none',
      ])));
    }
    others(other);
  }
  if (content.checklists) {
    const { phases, other } = digestChecklists(content.checklists, incident);
    children.push(heading('Recovery checklists'));
    if (phases.length === 0 && other.length === 0) children.push(para('No checklist items.'));
    for (const ph of phases) {
      children.push(subheading(`${ph.title} · ${ph.done} done, ${ph.notApplicable} not applicable, ${ph.total - ph.done - ph.notApplicable} open, of ${ph.total}`));
      children.push(table(['Item', 'Owner', 'Due', 'Status'], ph.items.map((i) => [
        `${i.title}\n${i.source}`,
        `${i.owner}${i.assignee ? `\n${i.assignee}` : ''}`,
        i.dueAt === null ? '—' : at(i.dueAt),
        `${i.status}${i.resolution ? `\n${i.resolution}${i.resolvedAt !== null ? `, ${at(i.resolvedAt)}` : ''}` : ''}`,
      ])));
    }
    others(other);
  }
  if (content.lessons) {
    children.push(heading('Lessons learned'));
    if (content.lessons.length === 0) children.push(para('No lessons recorded yet.'));
    for (const kind of LESSON_KINDS) {
      const list = content.lessons.filter((l) => l['kind'] === kind);
      if (list.length === 0) continue;
      children.push(subheading(LESSON_KIND_HEADINGS[kind]));
      for (const l of list) {
        const action = kind === 'corrective-action' ? ` (owner: ${fieldText(l, 'owner', '—')}; due ${fieldText(l, 'dueDate', '—')}; ${fieldText(l, 'status')})` : '';
        children.push(para(`• ${rowLabel(l)}${action}`));
      }
    }
  }
  if (content.audit) {
    children.push(heading('Audit trail'), table(['When', 'Who', 'What'], content.audit.map((a) => [at(a.at, 'd MMM yyyy HH:mm:ss'), a.operator, a.summary])));
  }
  children.push(
    heading('Integrity'),
    para(`${integrity.verification} ${integrity.revisions} revisions of ${integrity.entries} entries.`),
    para(`Chain head: ${integrity.chainHead || '—'}`),
    para(`Record checksum (SHA-256 of the JSON edition): ${record.checksum.value}`),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see the note on `cell` above
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: 'Check the JSON edition with: npx response-desk-verify record.json', italics: true })] }),
  );
  return new Document({
    creator: `Response Desk ${record.appVersion}`,
    title: `After-action record: ${incident.title}`,
    description: `${record.cityName}, ${record.profile} edition`,
    sections: [{ children }],
  });
}

export function recordDocxBase64(record: RecordFile): Promise<string> {
  return Packer.toBase64String(recordDocument(record));
}
