import { useState, type ReactElement } from 'react';

import { revisionHeading, sideBySide, type WordingContext } from '@shared/domain/timeline/historyWording';
import { isDisputed, type ConcurrentCorrections } from '@shared/domain/timeline/tree';
import type { Incident } from '@shared/schemas/entities';

import { useDeskLocale } from '../../lib/LocaleContext';
import { UserText } from '../../ui/UserText';
import { t } from '../../i18n/messages';
import { fullTime } from './entryDisplay';

type Props = {
  group: ConcurrentCorrections;
  /** The revision the entry shows (picked by the team's rule). */
  shownId: string;
  incident: Incident;
  wording: WordingContext;
  readOnly: boolean;
  onMerge: (keep: string, reason: string) => void;
};

/**
 * Corrections of one entry written apart on two desks, side by side: only the fields they differ
 * in, each version with who wrote it and when, and which one the entry shows for now. Keeping one
 * writes a new revision that names them all, so every desk sees the entry settled.
 */
export function ConflictingCorrections({ group, shownId, incident, wording, readOnly, onMerge }: Props): ReactElement {
  const locale = useDeskLocale();
  const [reason, setReason] = useState('');
  const versions = group.revisions;
  const rows = sideBySide(
    versions.map((r) => r.content),
    wording,
  );
  const disputed = isDisputed(group);
  return (
    <section className="conflict" aria-labelledby="conflict-title" data-testid="conflicting-corrections">
      <h3 id="conflict-title" className="conflict__title">
        {disputed ? t('timeline.conflict.disputedTitle') : t('timeline.conflict.title')}
      </h3>
      <p>{t('timeline.conflict.explain', { count: versions.length })}</p>
      <div className="conflict__scroll">
        <table className="conflict__table">
          <thead>
            <tr>
              <th scope="col">{t('timeline.conflict.field')}</th>
              {versions.map((r) => (
                <th key={r.id} scope="col">
                  <UserText text={r.operator} />
                  {r.id === shownId && <span className="marker">{t('timeline.conflict.shownNow')}</span>}
                  <span className="conflict__when">
                    {revisionHeading(r.kind, null, r.content)} · {fullTime(r.recordedAt, incident, locale)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, i) => (
                  <td key={versions[i]?.id ?? i}>
                    <UserText text={value} />
                  </td>
                ))}
              </tr>
            ))}
            {versions.some((r) => r.kind === 'retract') && (
              <tr>
                <th scope="row">{t('timeline.conflict.retraction')}</th>
                {versions.map((r) => (
                  <td key={r.id}>
                    {r.content.retracted ? (
                      <UserText text={r.content.retractionReason ?? ''} />
                    ) : (
                      t('timeline.conflict.standing')
                    )}
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <>
          <p className="conflict__reason">
            <label htmlFor="merge-reason">{t('timeline.conflict.reason')}</label>
            <input
              id="merge-reason"
              value={reason}
              maxLength={2000}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('timeline.conflict.reasonExample')}
            />
          </p>
          <div className="button-row">
            {versions.map((r) => (
              <button
                key={r.id}
                type="button"
                className="button"
                onClick={() => onMerge(r.id, reason)}
                aria-label={t('timeline.conflict.keepLabel', {
                  operator: r.operator,
                  recordedAt: fullTime(r.recordedAt, incident, locale),
                })}
              >
                {t('timeline.conflict.keep', { operator: r.operator })}
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
