import { Fragment, type ReactElement, type ReactNode } from 'react';

import { citeGuide } from '@shared/domain/guide/citation';
import { INCIDENT_KIND_LABELS } from '@shared/domain/incident/commands';
import { elapsedLabel } from '@shared/domain/incident/phase';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import { PROFILE_LABELS } from '@shared/domain/record/profiles';
import type { RecordContent, RecordFile } from '@shared/domain/record/recordFile';
import { digestActivations, digestChecklists, digestStatements } from '@shared/domain/record/recordSections';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import type { OpenRecord } from '@shared/schemas/entities';
import { LESSON_KIND_HEADINGS } from '@shared/schemas/lessons';

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

type At = (t: number, pattern?: string) => string;

function Others({ rows }: { rows: string[] }): ReactElement | null {
  if (rows.length === 0) return null;
  return <p className="muted">Also in this record, in a form this desk does not lay out: {rows.join('; ')}.</p>;
}

function StatementsSection({ section, at }: { section: NonNullable<RecordContent['statements']>; at: At }): ReactElement {
  const { statements, other } = digestStatements(section);
  return (
    <Section title="Statements">
      {statements.length === 0 && other.length === 0 && <p className="muted">No statements.</p>}
      {statements.map((s) => (
        <div key={s.id} className="report__item">
          <h3>{s.title} <span className="muted">· {s.language} · {s.status}{s.translates !== null && ` · translation of “${s.translates}”`}</span></h3>
          {s.approvedText !== null ? (
            <>
              <p className="muted">Approved text (version {s.approvedVersion} of {s.versions}){s.approvedHash && <>, SHA-256 <span className="mono break">{s.approvedHash}</span></>}:</p>
              <blockquote className="report__quote" dir="auto">{s.approvedText}</blockquote>
            </>
          ) : <p className="muted">Never approved ({s.versions} version{s.versions === 1 ? '' : 's'} drafted).</p>}
          {s.trail.length > 0 && <ul className="report__revisions">{s.trail.map((t, i) => <li key={i}>{at(t.at)}: {t.text}</li>)}</ul>}
        </div>
      ))}
      <Others rows={other} />
    </Section>
  );
}

function ActivationsSection({ section, at }: { section: NonNullable<RecordContent['activations']>; at: At }): ReactElement {
  const { activations, other } = digestActivations(section);
  return (
    <Section title="Call-tree activations">
      {activations.length === 0 && other.length === 0 && <p className="muted">No call trees were activated.</p>}
      {activations.map((a) => (
        <div key={a.id} className="report__item">
          <h3>{a.treeName} <span className="muted">· started {at(a.startedAt)} by {a.startedBy} · {a.progress.reached} of {a.progress.total} reached</span></h3>
          {a.standDown && <p>Stood down {at(a.standDown.at)} by {a.standDown.by}: {a.standDown.reason}</p>}
          <table className="table table--compact">
            <thead><tr><th scope="col">Who</th><th scope="col">Outcome</th><th scope="col">Calls logged</th></tr></thead>
            <tbody>
              {a.calls.map((c) => (
                <tr key={c.nodeId}>
                  <td style={{ paddingInlineStart: `${0.5 + c.depth * 1.2}rem` }}>{c.name}{c.role && <span className="muted">, {c.role}</span>}{c.details && <div className="muted">{c.details}</div>}</td>
                  <td>{c.state}{c.fallback && <div className="muted">{c.fallback}</div>}</td>
                  <td>{c.attempts.length === 0 ? <span className="muted">none</span> : (
                    <ul className="report__revisions">{c.attempts.map((t, i) => <li key={i}>{at(t.at, 'd MMM HH:mm')} {t.change} ({t.by}){t.note && `: ${t.note}`}</li>)}</ul>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <Others rows={other} />
    </Section>
  );
}

function ChecklistsSection({ section, incident, at }: { section: NonNullable<RecordContent['checklists']>; incident: RecordContent['incident']; at: At }): ReactElement {
  const { phases, other } = digestChecklists(section, incident);
  return (
    <Section title="Recovery checklists">
      {phases.length === 0 && other.length === 0 && <p className="muted">No checklist items.</p>}
      {phases.map((p) => (
        <div key={p.phase} className="report__item">
          <h3>{p.title} <span className="muted">· {p.done} done, {p.notApplicable} not applicable, {p.total - p.done - p.notApplicable} open, of {p.total}</span></h3>
          <table className="table table--compact">
            <thead><tr><th scope="col">Item</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {p.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.title}<div className="muted">{i.source}</div></td>
                  <td>{i.owner}{i.assignee && <div className="muted">{i.assignee}</div>}</td>
                  <td className="nowrap">{i.dueAt === null ? '—' : at(i.dueAt)}</td>
                  <td>{i.status}{i.resolution && <div className="muted">{i.resolution}{i.resolvedAt !== null && `, ${at(i.resolvedAt)}`}</div>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <Others rows={other} />
    </Section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <section className="report__section">
      <h2>{title}</h2>
      {children}
    </section>
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

      {content.statements && <StatementsSection section={content.statements} at={at} />}
      {content.activations && <ActivationsSection section={content.activations} at={at} />}
      {content.checklists && <ChecklistsSection section={content.checklists} incident={incident} at={at} />}
      {content.lessons && (
        <Section title="Lessons learned">
          {content.lessons.length === 0 ? <p className="muted">No lessons recorded yet.</p> : (
            (['strength', 'improvement', 'corrective-action'] as const).map((kind) => {
              const list = (content.lessons ?? []).filter((l) => l['kind'] === kind);
              if (list.length === 0) return null;
              return (
                <div key={kind}>
                  <h3>{LESSON_KIND_HEADINGS[kind]}</h3>
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
