import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactElement } from 'react';

import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import { describeLink } from '@shared/domain/timeline/linkTargets';
import type { Incident } from '@shared/schemas/entities';
import type { EntryContent, EntryLink, TimelineEntry, TimelineRevision, Verification } from '@shared/schemas/timeline';
import { revealBidiControls } from '@shared/domain/text/bidi';

import { useDesk } from '../../app/DeskContext';
import { routeToHash, type Route } from '../../app/route';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { entryTime, entryTPlus, fullTime } from './entryDisplay';
import { describeTimelineError } from './timelineErrors';
import { useLinkTargets } from './useLinkTargets';
import type { TimelineWriteError } from '../../db/repos/timelineRepo';
import { UserText } from '../../ui/UserText';

/** Where each kind of linked record is worked on. */
function routeOf(link: EntryLink, incidentId: string): Route {
  switch (link.kind) {
    case 'contact':
      return { name: 'contacts' };
    case 'statement':
      return { name: 'incident', id: incidentId, tab: 'statements' };
    case 'checklist-item':
      return { name: 'incident', id: incidentId, tab: 'checklists' };
    case 'activation':
      return { name: 'incident', id: incidentId, tab: 'contacts' };
  }
}

const KIND_LABELS: Record<TimelineRevision['kind'], string> = {
  create: 'Logged',
  edit: 'Corrected',
  verify: 'Verification changed',
  retract: 'Retracted',
};

function describeValue(key: keyof EntryContent, value: unknown, incident: Incident): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if ((key === 'occurredAt' || key === 'reportedAt') && typeof value === 'number') return fullTime(value, incident);
  if (key === 'category') return CATEGORY_LABELS[value as EntryContent['category']];
  if (key === 'verification') return VERIFICATION_LABELS[value as Verification];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields a revision changed compared with the one before it. */
function changedFields(prev: EntryContent | null, next: EntryContent): (keyof EntryContent)[] {
  if (!prev) return [];
  return (Object.keys(next) as (keyof EntryContent)[]).filter((k) => JSON.stringify(prev[k]) !== JSON.stringify(next[k]));
}

function History({ revisions, incident }: { revisions: TimelineRevision[]; incident: Incident }): ReactElement {
  return (
    <ol className="history" aria-label="History of this entry">
      {revisions.map((r, i) => {
        const prev = i > 0 ? (revisions[i - 1]?.content ?? null) : null;
        const changes = changedFields(prev, r.content);
        return (
          <li key={r.id} className="history__item">
            <p className="history__head">
              <strong>{KIND_LABELS[r.kind]}</strong> by {r.operator}, {fullTime(r.recordedAt, incident)}
              <span className="muted"> · revision {r.revisionNo}</span>
            </p>
            {r.reason && <p className="history__reason">Reason: <UserText text={r.reason} /></p>}
            {r.kind === 'create' ? (
              <p className="history__text"><UserText text={r.content.title} /></p>
            ) : (
              <ul className="history__changes">
                {changes.map((k) => (
                  <li key={k}>
                    <span className="history__field">{k}</span>: <del>{describeValue(k, prev?.[k], incident)}</del> → <ins>{describeValue(k, r.content[k], incident)}</ins>
                  </li>
                ))}
              </ul>
            )}
            <p className="history__hash" title="SHA-256 of this revision, chained to the one before">#{r.hash.slice(0, 16)}…</p>
          </li>
        );
      })}
    </ol>
  );
}

type Props = {
  entry: TimelineEntry;
  incident: Incident;
  readOnly: boolean;
  actor: () => { operator: string; now: number };
  onEdit: () => void;
  onClose: () => void;
};

/** One entry in full: its three clocks, its source and verification, and every revision. */
export function EntryDetails({ entry, incident, readOnly, actor, onEdit, onClose }: Props): ReactElement {
  const { repos } = useDesk();
  const history = useLiveQuery(() => repos.timeline.history(entry.id), [repos, entry.id, entry.revisionCount]);
  const [retracting, setRetracting] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { targets, contacts } = useLinkTargets(incident.id);
  const navigate = useAppStore((s) => s.navigate);
  const sourceContact = entry.sourceContactId === null ? undefined : contacts.find((c) => c.id === entry.sourceContactId);
  const act = (p: Promise<{ ok: true } | { ok: false; error: TimelineWriteError }>) =>
    void p.then((r) => setFailure(r.ok ? null : describeTimelineError(r.error)));

  return (
    <Dialog title={revealBidiControls(entry.retracted ? `Retracted: ${entry.title}` : entry.title)} onClose={onClose} wide>
      <div className="entry-details">
        <p>
          <span className={`cat cat--${entry.category}`}>{CATEGORY_LABELS[entry.category]}</span>{' '}
          <span className={`vbadge vbadge--${entry.verification}`}>{VERIFICATION_LABELS[entry.verification]}</span>{' '}
          <span className="marker">{entry.release === 'public' ? 'Releasable to the public' : 'Internal only'}</span>
          {entry.transcribed && <span className="marker">Transcribed from a paper log</span>}
        </p>
        {entry.retracted && <p className="warning-text">Retracted: {entry.retractionReason}</p>}
        <dl className="facts">
          <dt>Happened</dt><dd>{entryTime(entry, incident)} · {fullTime(entry.occurredAt, incident)} ({entryTPlus(entry.occurredAt, incident)})</dd>
          <dt>Heard of</dt><dd>{entry.reportedAt === null ? '—' : fullTime(entry.reportedAt, incident)}</dd>
          <dt>Logged</dt><dd>{fullTime(entry.recordedAt, incident)} by {entry.recordedBy}{entry.onBehalfOf ? `, on behalf of ${entry.onBehalfOf}` : ''}</dd>
          <dt>Source</dt><dd>{entry.source ? <UserText text={entry.source} /> : '—'}{sourceContact && <span className="muted"> (contact in the directory: <UserText text={sourceContact.name} />)</span>}</dd>
          <dt>Verification</dt><dd>{VERIFICATION_LABELS[entry.verification]}{entry.verificationChangedBy ? ` (set by ${entry.verificationChangedBy}, ${fullTime(entry.verificationChangedAt ?? 0, incident)})` : ''}</dd>
          <dt>Tags</dt><dd>{entry.tags.length ? entry.tags.map((t) => `#${t}`).join(' ') : '—'}</dd>
          {entry.links.length > 0 && (
            <>
              <dt>Linked to</dt>
              <dd>
                <ul className="link-list">
                  {entry.links.map((l) => (
                    <li key={`${l.kind}:${l.id}`}>
                      <a href={routeToHash(routeOf(l, incident.id))} onClick={(e) => {
                        e.preventDefault();
                        onClose();
                        navigate(routeOf(l, incident.id));
                      }}>{describeLink(l, targets)}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
        {entry.body && <p className="description"><UserText text={entry.body} /></p>}
        {!readOnly && !entry.retracted && (
          <div className="button-row">
            <button type="button" className="button" onClick={onEdit}>Correct…</button>
            {(['confirmed', 'disproven', 'unverified'] as const).filter((v) => v !== entry.verification).map((v) => (
              <button key={v} type="button" className="button" onClick={() => act(repos.timeline.setVerification(entry.id, v, null, actor()))}>
                Mark {VERIFICATION_LABELS[v].toLowerCase()}
              </button>
            ))}
            <button type="button" className="button button--danger" onClick={() => setRetracting(true)}>Retract…</button>
          </div>
        )}
        {retracting && (
          <form className="retract-form" onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() === '') return setFailure('Say why the entry is retracted: the reason stays in the record.');
            act(repos.timeline.retract(entry.id, reason, actor()));
            setRetracting(false);
          }}>
            <label htmlFor="retract-reason">Why is this entry retracted?</label>
            <input id="retract-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Duplicate of the 14:05 entry" />
            <div className="button-row">
              <button type="button" className="button" onClick={() => setRetracting(false)}>Cancel</button>
              <button type="submit" className="button button--danger">Retract entry</button>
            </div>
          </form>
        )}
        <FormError>{failure}</FormError>
        <h3>History</h3>
        {history ? <History revisions={history} incident={incident} /> : <p className="muted">Loading…</p>}
      </div>
    </Dialog>
  );
}
