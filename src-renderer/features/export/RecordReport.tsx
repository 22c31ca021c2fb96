import { Fragment, type ReactElement, type ReactNode } from 'react';

import { citeGuide } from '@shared/domain/guide/citation';
import { INCIDENT_KIND_LABELS } from '@shared/domain/incident/commands';
import { elapsedLabel } from '@shared/domain/incident/phase';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import { PROFILE_LABELS } from '@shared/domain/record/profiles';
import type { RecordFile } from '@shared/domain/record/recordFile';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import type { OpenRecord } from '@shared/schemas/entities';
import { LESSON_KIND_LABELS } from '@shared/schemas/lessons';

const COUNT_LABELS: Record<string, string> = {
  timelineEntries: 'Timeline entries',
  revisions: 'Revisions',
  decisions: 'Decisions',
  retracted: 'Retracted entries',
  unverified: 'Still unverified',
  statements: 'Statements',
  activations: 'Call-tree activations',
  checklistItems: 'Checklist items',
  lessons: 'Lessons recorded',
};

const text = (r: OpenRecord, ...keys: string[]): string => {
  for (const k of keys) {
    const v = r[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return '';
};

function Section({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <section className="report__section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function OpenList({ rows, empty }: { rows: OpenRecord[]; empty: string }): ReactElement {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="report__list">
      {rows.map((r) => (
        <li key={r.id}>
          <strong>{text(r, 'title', 'name', 'treeName', 'text', 'summary') || r.id}</strong>
          {text(r, 'status', 'state', 'kind') && <span className="muted"> · {text(r, 'status', 'state', 'kind')}</span>}
          {text(r, 'body', 'text', 'note', 'notes') && text(r, 'body', 'text', 'note', 'notes') !== text(r, 'title', 'name', 'treeName', 'text', 'summary') && (
            <div className="report__text">{text(r, 'body', 'text', 'note', 'notes')}</div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The after-action record as a readable report: the preview, the print view and the PDF. */
export function RecordReport({ record, truncatedTo }: { record: RecordFile; truncatedTo?: number | undefined }): ReactElement {
  const { content, integrity } = record;
  const incident = content.incident;
  const zone = incident.timeZone;
  const at = (t: number, pattern = 'd MMM yyyy HH:mm') => formatWallClock(t, zone, pattern);
  const entries = content.timeline?.entries ?? [];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const revisionsOf = (id: string) => content.timeline?.revisions.filter((r) => r.entryId === id) ?? [];

  return (
    <article className="report" aria-label="After-action record">
      <header className="report__header">
        <p className="eyebrow">{record.cityName} · After-action record · {PROFILE_LABELS[record.profile].title} edition</p>
        <h1>{incident.title}</h1>
        <p>
          {INCIDENT_KIND_LABELS[incident.kind]} · {incident.location || 'location not recorded'} · started {at(incident.startAt, 'EEEE d MMMM yyyy, HH:mm')} ({zone})
          {incident.closedAt !== null && ` · closed ${at(incident.closedAt)}`}
        </p>
        <p className="muted">
          Exported {formatWallClock(Date.parse(record.exportedAt), zone, 'd MMM yyyy HH:mm')} by {record.exportedBy} · Response Desk {record.appVersion} · format {record.format} v{record.formatVersion}
        </p>
      </header>

      <Section title="What this record leaves out">
        {record.redactions.length === 0 ? <p>Nothing: this is the complete record of the sections listed below.</p> : (
          <ul className="report__list">{record.redactions.map((r) => <li key={r.what}><strong>{r.what}</strong> ({r.count}): {r.why}</li>)}</ul>
        )}
        <p className="muted">Sections: {record.sections.join(', ')}.</p>
      </Section>

      {content.summary && (
        <Section title="Summary">
          <dl className="facts">
            <dt>Phase reached</dt><dd>{content.summary.phaseReached}</dd>
            <dt>Duration</dt><dd>{content.summary.elapsed}</dd>
            {Object.entries(content.summary.counts).map(([k, v]) => <Fragment key={k}><dt>{COUNT_LABELS[k] ?? k}</dt><dd>{v}</dd></Fragment>)}
          </dl>
          {incident.description && <p className="report__text">{incident.description}</p>}
          <p className="cite">Phases after the {citeGuide()}.</p>
        </Section>
      )}

      {content.decisions && (
        <Section title="Decisions">
          {content.decisions.length === 0 ? <p className="muted">No decisions were logged.</p> : (
            <table className="table table--compact">
              <thead><tr><th scope="col">When</th><th scope="col">Decision</th><th scope="col">Logged by</th></tr></thead>
              <tbody>
                {content.decisions.map((id) => byId.get(id)).filter((e) => e !== undefined).map((e) => (
                  <tr key={e.id}><td className="nowrap">{at(e.occurredAt)}</td><td>{e.title}{e.onBehalfOf ? ` (for ${e.onBehalfOf})` : ''}</td><td>{e.recordedBy}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      )}

      {content.timeline && (
        <Section title="Timeline">
          {truncatedTo !== undefined && <p className="muted">Preview: the first {truncatedTo} entries. The saved record holds them all.</p>}
          {entries.length === 0 ? <p className="muted">No timeline entries in this edition.</p> : <table className="table table--compact report__timeline">
            <thead><tr><th scope="col">When</th><th scope="col">T+</th><th scope="col">What</th><th scope="col">Source · verification</th></tr></thead>
            <tbody>
              {entries.map((e) => {
                const history = revisionsOf(e.id);
                return (
                  <tr key={e.id} className={e.retracted ? 'report__retracted' : ''}>
                    <td className="nowrap">{e.occurredPrecision === 'date' ? at(e.occurredAt, 'd MMM yyyy') : `${e.occurredPrecision === 'approximate' ? '~' : ''}${at(e.occurredAt)}`}</td>
                    <td className="nowrap">{elapsedLabel(incident.startAt, e.occurredAt, zone)}</td>
                    <td>
                      <span className="muted">{CATEGORY_LABELS[e.category]}: </span><span className="report__title">{e.title}</span>
                      {e.retracted && <div><strong>Retracted:</strong> {e.retractionReason}</div>}
                      {history.length > 1 && (
                        <ul className="report__revisions">
                          {history.map((r) => <li key={r.id}>{r.kind} by {r.operator} at {at(r.recordedAt, 'd MMM HH:mm:ss')}{r.reason ? `: ${r.reason}` : ''}{r.kind === 'edit' ? ` (“${r.content.title}”)` : ''}</li>)}
                        </ul>
                      )}
                    </td>
                    <td>{e.source || '—'} · {VERIFICATION_LABELS[e.verification]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>}
        </Section>
      )}

      {content.statements && (
        <Section title="Statements">
          <OpenList rows={content.statements.statements} empty="No statements." />
          {content.statements.approvals.length > 0 && <p className="muted">{content.statements.approvals.length} approvals recorded, each with the SHA-256 of the approved text.</p>}
        </Section>
      )}
      {content.activations && (
        <Section title="Call-tree activations">
          <OpenList rows={content.activations.activations} empty="No call trees were activated." />
          {content.activations.attempts.length > 0 && <p className="muted">{content.activations.attempts.length} call attempts logged.</p>}
        </Section>
      )}
      {content.checklists && (
        <Section title="Recovery checklists">
          <OpenList rows={content.checklists.items} empty="No checklist items." />
        </Section>
      )}
      {content.lessons && (
        <Section title="Lessons learned">
          {content.lessons.length === 0 ? <p className="muted">No lessons recorded yet.</p> : (
            (['strength', 'improvement', 'corrective-action'] as const).map((kind) => {
              const list = (content.lessons ?? []).filter((l) => l['kind'] === kind);
              if (list.length === 0) return null;
              return (
                <div key={kind}>
                  <h3>{LESSON_KIND_LABELS[kind]}s</h3>
                  <ul className="report__list">
                    {list.map((l) => (
                      <li key={l.id}>{text(l, 'text')}{kind === 'corrective-action' && ` (owner: ${text(l, 'owner')}; due ${text(l, 'dueDate')}; ${text(l, 'status')})`}</li>
                    ))}
                  </ul>
                </div>
              );
            })
          )}
        </Section>
      )}
      {content.audit && (
        <Section title="Audit trail">
          <table className="table table--compact">
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th></tr></thead>
            <tbody>{content.audit.map((a) => <tr key={a.id}><td className="nowrap">{at(a.at, 'd MMM yyyy HH:mm:ss')}</td><td>{a.operator}</td><td>{a.summary}</td></tr>)}</tbody>
          </table>
        </Section>
      )}
      <Section title="Integrity">
        <dl className="facts">
          <dt>Timeline chain</dt><dd>{integrity.verification} {integrity.revisions} revisions of {integrity.entries} entries.</dd>
          <dt>Chain head</dt><dd className="mono break">{integrity.chainHead || '—'}</dd>
          <dt>Record checksum</dt><dd className="mono break">SHA-256 {record.checksum.value}</dd>
          <dt>Check it yourself</dt><dd>npx response-desk-verify record.json (JSON edition of this record){integrity.chainComplete ? '' : '; this edition leaves parts of the timeline out, so its chain is attested, not walkable'}</dd>
        </dl>
      </Section>
    </article>
  );
}
