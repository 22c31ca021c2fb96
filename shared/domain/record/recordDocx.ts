import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

import { INCIDENT_KIND_LABELS } from '../incident/commands';
import { elapsedLabel } from '../incident/phase';
import { formatWallClock } from '../incident/wallClock';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from '../timeline/entryForm';
import type { OpenRecord } from '../../schemas/entities';
import { PROFILE_LABELS } from './profiles';
import type { RecordFile } from './recordFile';

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 280, after: 120 } });
const para = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })], spacing: { after: 80 } });

function table(header: string[], rows: string[][]): Table {
  // docx's run options are typed with String's legacy `bold`/`italics` names, which the checker marks deprecated.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const cell = (value: string, strong = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: value, bold: strong, size: 18 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) }))],
  });
}

const label = (r: OpenRecord): string => {
  for (const k of ['title', 'name', 'treeName', 'text', 'summary']) {
    const v = r[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return r.id;
};

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
  const list = (title: string, rows: OpenRecord[] | undefined, empty: string) => {
    if (!rows) return;
    children.push(heading(title), ...(rows.length === 0 ? [para(empty)] : rows.map((r) => para(`• ${label(r)}`))));
  };
  list('Statements', content.statements?.statements, 'No statements.');
  list('Call-tree activations', content.activations?.activations, 'No call trees were activated.');
  list('Recovery checklists', content.checklists?.items, 'No checklist items.');
  list('Lessons learned', content.lessons, 'No lessons recorded yet.');
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
