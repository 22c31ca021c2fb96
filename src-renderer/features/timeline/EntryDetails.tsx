import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type ReactElement } from 'react';

import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import { describeEntryChanges, revisionHeading, type WordingContext } from '@shared/domain/timeline/historyWording';
import { describeLink } from '@shared/domain/timeline/linkTargets';
import type { Incident } from '@shared/schemas/entities';
import type { EntryLink, TimelineEntry, TimelineRevision } from '@shared/schemas/timeline';

import { useDesk } from '../../desk/DeskContext';
import { useDeskLocale } from '../../lib/LocaleContext';
import { routeToHash, type Route } from '../../store/route';
import { useAppStore } from '../../store';
import { FormError } from '../../ui/Field';
import { entryTime, entryTPlus, fullTime } from './entryDisplay';
import { describeTimelineError } from './timelineErrors';
import { useLinkTargets } from './useLinkTargets';
import type { TimelineWriteError } from '../../desk/timeline/writes';
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

function History({ revisions, incident, ctx }: { revisions: TimelineRevision[]; incident: Incident; ctx: WordingContext }): ReactElement {
  const locale = useDeskLocale();
  return (
    <ol className="history" aria-label="History of this entry">
      {revisions.map((r, i) => {
        const prev = i > 0 ? (revisions[i - 1]?.content ?? null) : null;
        const changes = prev ? describeEntryChanges(prev, r.content, ctx) : [];
        return (
          <li key={r.id} className="history__item">
            <p className="history__head">
              <strong>{revisionHeading(r.kind, prev, r.content)}</strong> by {r.operator}, {fullTime(r.recordedAt, incident, locale)}
              <span className="muted"> · revision {r.revisionNo}</span>
            </p>
            {r.reason && <p className="history__reason">Reason: <UserText text={r.reason} /></p>}
            {r.kind === 'create' ? (
              <p className="history__text"><UserText text={r.content.title} /></p>
            ) : (
              changes.length > 0 && (
                <ul className="history__changes">
                  {changes.map((c) => (
                    <li key={c.label}>
                      <span className="history__field">{c.label}</span>: <del>{c.before}</del> → <ins>{c.after}</ins>
                    </li>
                  ))}
                </ul>
              )
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

/**
 * One entry in full, beside the list so the operator keeps their place: its three clocks, its
 * source and verification, and every revision in words. Escape or Close hands the keyboard back
 * to the entry's row.
 */
export function EntryDetails({ entry, incident, readOnly, actor, onEdit, onClose }: Props): ReactElement {
  const { useCases } = useDesk();
  const locale = useDeskLocale();
  const history = useLiveQuery(() => useCases.timeline.history(entry.id), [useCases, entry.id, entry.revisionCount]);
  const [retracting, setRetracting] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { targets, contacts } = useLinkTargets(incident.id);
  const navigate = useAppStore((s) => s.navigate);
  const sourceContact = entry.sourceContactId === null ? undefined : contacts.find((c) => c.id === entry.sourceContactId);
  const wording: WordingContext = {
    timeZone: incident.timeZone,
    locale,
    contactName: (id) => contacts.find((c) => c.id === id)?.name,
    describeLink: (l) => describeLink(l, targets),
  };
  // Escape inside the pane closes it (a dialog opened from it handles its own Escape first).
  const paneRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const pane = paneRef.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onClose();
    };
    pane?.addEventListener('keydown', onKey);
    return () => pane?.removeEventListener('keydown', onKey);
  }, [onClose]);
  const act = (p: Promise<{ ok: true } | { ok: false; error: TimelineWriteError }>) =>
    void p.then((r) => setFailure(r.ok ? null : describeTimelineError(r.error)));

  return (
    <aside ref={paneRef} className="entry-pane" aria-labelledby="entry-pane-title">
      <header className="entry-pane__header">
        <h2 id="entry-pane-title" className="entry-pane__title"><UserText text={entry.retracted ? `Retracted: ${entry.title}` : entry.title} /></h2>
        <button type="button" className="button button--ghost" onClick={onClose} aria-label="Close">✕</button>
      </header>
      <div className="entry-details">
        <p>
          <span className={`cat cat--${entry.category}`}>{CATEGORY_LABELS[entry.category]}</span>{' '}
          <span className={`vbadge vbadge--${entry.verification}`}>{VERIFICATION_LABELS[entry.verification]}</span>{' '}
          <span className="marker">{entry.release === 'public' ? 'Releasable to the public' : 'Internal only'}</span>
          {entry.transcribed && <span className="marker">Transcribed from a paper log</span>}
        </p>
        {entry.retracted && <p className="warning-text">Retracted: {entry.retractionReason}</p>}
        <dl className="facts">
          <dt>Happened</dt><dd>{entryTime(entry, incident, locale)} · {fullTime(entry.occurredAt, incident, locale)} ({entryTPlus(entry.occurredAt, incident)})</dd>
          <dt>Heard of</dt><dd>{entry.reportedAt === null ? '—' : fullTime(entry.reportedAt, incident, locale)}</dd>
          <dt>Logged</dt><dd>{fullTime(entry.recordedAt, incident, locale)} by {entry.recordedBy}{entry.onBehalfOf ? `, on behalf of ${entry.onBehalfOf}` : ''}</dd>
          <dt>Source</dt><dd>{entry.source ? <UserText text={entry.source} /> : '—'}{sourceContact && <span className="muted"> (contact in the directory: <UserText text={sourceContact.name} />)</span>}</dd>
          <dt>Verification</dt><dd>{VERIFICATION_LABELS[entry.verification]}{entry.verificationChangedBy ? ` (set by ${entry.verificationChangedBy}, ${fullTime(entry.verificationChangedAt ?? 0, incident, locale)})` : ''}</dd>
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
              <button key={v} type="button" className="button" onClick={() => act(useCases.timeline.setVerification(entry.id, v, null, actor()))}>
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
            act(useCases.timeline.retract(entry.id, reason, actor()));
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
        {history ? <History revisions={history} incident={incident} ctx={wording} /> : <p className="muted">Loading…</p>}
      </div>
    </aside>
  );
}
