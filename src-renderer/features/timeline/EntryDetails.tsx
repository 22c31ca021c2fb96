import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type ReactElement } from 'react';

import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import { describeEntryChanges, revisionHeading, type WordingContext } from '@shared/domain/timeline/historyWording';
import { describeLink } from '@shared/domain/timeline/linkTargets';
import { openCorrections } from '@shared/domain/timeline/tree';
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
import { ConflictingCorrections } from './ConflictingCorrections';
import type { TimelineWriteError } from '../../desk/timeline/writes';
import { UserText } from '../../ui/UserText';
import { t, tRich } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

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

function History({
  revisions,
  incident,
  ctx,
}: {
  revisions: TimelineRevision[];
  incident: Incident;
  ctx: WordingContext;
}): ReactElement {
  const locale = useDeskLocale();
  return (
    <ol className="history" aria-label={t('timeline.entryDetails.historyOfThisEntry')}>
      {revisions.map((r, i) => {
        const prev = i > 0 ? (revisions[i - 1]?.content ?? null) : null;
        const changes = prev ? describeEntryChanges(prev, r.content, ctx) : [];
        return (
          <li key={r.id} className="history__item">
            <p className="history__head">
              <strong>{revisionHeading(r.kind, prev, r.content)}</strong>{' '}
              {t('timeline.entryDetails.by', {
                operator: r.operator,
                recordedAt: fullTime(r.recordedAt, incident, locale),
              })}
              <span className="muted"> {t('timeline.entryDetails.revision', { revisionNo: r.revisionNo })}</span>
            </p>
            {r.reason && (
              <p className="history__reason">
                {t('timeline.entryDetails.reason')} <UserText text={r.reason} />
              </p>
            )}
            {r.kind === 'create' ? (
              <p className="history__text">
                <UserText text={r.content.title} />
              </p>
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
            <p className="history__hash" title={t('timeline.entryDetails.sha256OfThisRevision')}>
              #{r.hash.slice(0, 16)}…
            </p>
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
  const sourceContact =
    entry.sourceContactId === null ? undefined : contacts.find((c) => c.id === entry.sourceContactId);
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
  const [conflict] = history ? openCorrections(history) : [];

  return (
    <aside ref={paneRef} className="entry-pane" aria-labelledby="entry-pane-title">
      <header className="entry-pane__header">
        <h2 id="entry-pane-title" className="entry-pane__title">
          <UserText
            text={entry.retracted ? t('timeline.entryDetails.retracted2', { title: entry.title }) : entry.title}
          />
        </h2>
        <button
          type="button"
          className="button button--ghost"
          onClick={onClose}
          aria-label={t('timeline.entryDetails.close')}
        >
          ✕
        </button>
      </header>
      <div className="entry-details">
        <p>
          <span className={`cat cat--${entry.category}`}>{CATEGORY_LABELS[entry.category]}</span>{' '}
          <span className={`vbadge vbadge--${entry.verification}`}>{VERIFICATION_LABELS[entry.verification]}</span>{' '}
          <span className="marker">
            {entry.release === 'public'
              ? t('timeline.entryDetails.releasableToThePublic')
              : t('timeline.entryDetails.internalOnly')}
          </span>
          {entry.transcribed && <span className="marker">{t('timeline.entryDetails.transcribedFromAPaperLog')}</span>}
        </p>
        {entry.retracted && (
          <p className="warning-text">
            {t('timeline.entryDetails.retracted', { retractionReason: entry.retractionReason })}
          </p>
        )}
        {conflict && (
          <ConflictingCorrections
            group={conflict}
            shownId={entry.headRevisionId}
            incident={incident}
            wording={wording}
            readOnly={readOnly}
            onMerge={(keep, why) => act(useCases.timeline.mergeCorrections(entry.id, keep, why, actor()))}
          />
        )}
        <dl className="facts">
          <dt>{t('timeline.entryDetails.happened')}</dt>
          <dd>
            {entryTime(entry, incident, locale)} · {fullTime(entry.occurredAt, incident, locale)} (
            {entryTPlus(entry.occurredAt, incident)})
          </dd>
          <dt>{t('timeline.entryDetails.heardOf')}</dt>
          <dd>{entry.reportedAt === null ? '—' : fullTime(entry.reportedAt, incident, locale)}</dd>
          <dt>{t('timeline.entryDetails.logged')}</dt>
          <dd>
            {t('timeline.entryDetails.logged2', {
              at: fullTime(entry.recordedAt, incident, locale),
              by: entry.recordedBy,
              onBehalf: entry.onBehalfOf ? 'yes' : 'no',
              whom: entry.onBehalfOf,
            })}
          </dd>
          <dt>{t('timeline.entryDetails.source')}</dt>
          <dd>
            {entry.source ? <UserText text={entry.source} /> : '—'}
            {sourceContact && (
              <span className="muted">
                {' '}
                {tRich(
                  'timeline.entryDetails.contactInTheDirectory',
                  { name: <UserText text={sourceContact.name} /> },
                  {},
                )}
              </span>
            )}
          </dd>
          <dt>{t('timeline.entryDetails.verification')}</dt>
          <dd>
            {VERIFICATION_LABELS[entry.verification]}
            {entry.verificationChangedBy
              ? ` ${t('timeline.entryDetails.verificationSetBy', { by: entry.verificationChangedBy, at: fullTime(entry.verificationChangedAt ?? 0, incident, locale) })}`
              : ''}
          </dd>
          <dt>{t('timeline.entryDetails.tags')}</dt>
          <dd>{entry.tags.length ? entry.tags.map((t) => `#${t}`).join(' ') : '—'}</dd>
          {entry.links.length > 0 && (
            <>
              <dt>{t('timeline.entryDetails.linkedTo')}</dt>
              <dd>
                <ul className="link-list">
                  {entry.links.map((l) => (
                    <li key={`${l.kind}:${l.id}`}>
                      <a
                        href={routeToHash(routeOf(l, incident.id))}
                        onClick={(e) => {
                          e.preventDefault();
                          onClose();
                          navigate(routeOf(l, incident.id));
                        }}
                      >
                        {describeLink(l, targets)}
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
        {entry.body && (
          <p className="description">
            <UserText text={entry.body} />
          </p>
        )}
        {!readOnly && !entry.retracted && (
          <div className="button-row">
            <button type="button" className="button" onClick={onEdit}>
              {t('timeline.entryDetails.correct')}
            </button>
            {/* eslint-disable-next-line i18next/no-literal-string -- verification states, not words */}
            {(['confirmed', 'disproven', 'unverified'] as const)
              .filter((v) => v !== entry.verification)
              .map((v) => (
                <button
                  key={v}
                  type="button"
                  className="button"
                  onClick={() => act(useCases.timeline.setVerification(entry.id, v, null, actor()))}
                >
                  {t('timeline.entryDetails.mark', { state: VERIFICATION_LABELS[v].toLowerCase() })}
                </button>
              ))}
            <button type="button" className="button button--danger" onClick={() => setRetracting(true)}>
              {t('timeline.entryDetails.retract')}
            </button>
          </div>
        )}
        {retracting && (
          <DeskForm
            className="retract-form"
            onSubmit={() => {
              if (reason.trim() === '') return setFailure(t('timeline.entryDetails.sayWhyTheEntryIs'));
              act(useCases.timeline.retract(entry.id, reason, actor()));
              setRetracting(false);
            }}
          >
            <label htmlFor="retract-reason">{t('timeline.entryDetails.whyIsThisEntryRetracted')}</label>
            <input
              id="retract-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('timeline.entryDetails.eGDuplicateOfThe')}
            />
            <div className="button-row">
              <button type="button" className="button" onClick={() => setRetracting(false)}>
                {t('timeline.entryDetails.cancel')}
              </button>
              <button type="submit" className="button button--danger">
                {t('timeline.entryDetails.retractEntry')}
              </button>
            </div>
          </DeskForm>
        )}
        <FormError>{failure}</FormError>
        <h3>{t('timeline.entryDetails.history')}</h3>
        {history ? (
          <History revisions={history} incident={incident} ctx={wording} />
        ) : (
          <p className="muted">{t('timeline.entryDetails.loading')}</p>
        )}
      </div>
    </aside>
  );
}
