import { useMemo, useState, type ReactElement } from 'react';

import {
  needsAnnualReview,
  newerTemplateVersions,
  progressByPhase,
  scheduleItems,
} from '@shared/domain/checklists/views';
import { DESK_SCOPE } from '@shared/schemas/checklists';
import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useNow } from '../../lib/useNow';
import { useAppStore } from '../../store';
import { ChecklistItemRow } from '../checklists/ChecklistItemRow';
import { ItemDialogs, useItemAction, type ItemDialogOpen } from '../checklists/ItemDialogs';
import { useChecklistItems, useLatestTemplates } from '../checklists/queries';
import { t } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';

/** The phase a new preparedness item belongs to. */
const PREPAREDNESS_PHASE = 'preparedness';

/**
 * The city's preparedness, worked through in peacetime (before any incident): the plan's
 * preparedness items with their status, who owns them, and which are due for their yearly review.
 */
export function PreparednessPanel({ settings }: { settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const now = useNow();
  const items = useChecklistItems(DESK_SCOPE);
  const latest = useLatestTemplates();
  const [dialog, setDialog] = useState<ItemDialogOpen | null>(null);
  const zone = settings.defaultTimeZone;
  const scheduled = useMemo(() => scheduleItems(items ?? [], { startAt: 0, timeZone: zone }), [items, zone]);
  const progress = progressByPhase(scheduled)[0];
  const review = scheduled.filter((i) => needsAnnualReview(i, now, zone));
  const newer = newerTemplateVersions(items ?? [], latest ?? []);

  const onAction = useItemAction(settings.operatorName, setDialog);

  return (
    <section className="panel preparedness" aria-labelledby="preparedness-title">
      <h2 id="preparedness-title">{t('plan.preparedness.title')}</h2>
      <p className="muted">{t('plan.preparedness.intro')}</p>
      {items === undefined ? (
        <p className="muted">{t('plan.preparedness.loading')}</p>
      ) : items.length === 0 ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            useCases.checklists.startPreparedness(actorFrom(settings.operatorName, clock)).then(
              (r) =>
                r.ok
                  ? showNotice('success', t('plan.preparedness.started', { count: r.value.length }))
                  : showNotice('error', t('plan.preparedness.startFailed', { reason: describeNotWritten(r.error) })),
              (e: unknown) =>
                showNotice(
                  'error',
                  t('plan.preparedness.startFailed', { reason: e instanceof Error ? e.message : String(e) }),
                ),
            );
          }}
        >
          {t('plan.preparedness.start')}
        </button>
      ) : (
        <>
          {progress && (
            <p className="ck-progress preparedness__progress">
              <span
                className="ck-progress__bar"
                role="progressbar"
                aria-label={t('plan.preparedness.progress')}
                aria-valuemin={0}
                aria-valuemax={progress.total}
                aria-valuenow={progress.resolved}
                aria-valuetext={t('checklists.phase.resolved', { resolved: progress.resolved, total: progress.total })}
              >
                <span
                  className="ck-progress__fill"
                  style={{ width: `${Math.round((progress.resolved / Math.max(1, progress.total)) * 100)}%` }}
                />
              </span>
              <span className="ck-progress__text">
                {t('plan.preparedness.done', { done: progress.done, total: progress.total, review: review.length })}
              </span>
            </p>
          )}
          {newer.map(({ template, usedVersion }) => (
            <p key={template.templateKey} className="ck-newer" role="note">
              {t('plan.preparedness.newer', { title: template.title, version: template.version, used: usedVersion })}
            </p>
          ))}
          <details className="ck-phase">
            <summary className="ck-phase__summary">
              <span className="ck-phase__name">{t('plan.preparedness.items', { count: scheduled.length })}</span>
            </summary>
            <ol className="ck-list" aria-label={t('plan.preparedness.itemsList')}>
              {scheduled.map((i) => (
                <ChecklistItemRow
                  key={i.id}
                  item={i}
                  now={now}
                  timeZone={zone}
                  reviewDue={needsAnnualReview(i, now, zone)}
                  onAction={onAction}
                />
              ))}
            </ol>
            <p className="preparedness__add">
              <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })}>
                {t('plan.preparedness.add')}
              </button>
            </p>
          </details>
        </>
      )}
      <ItemDialogs
        open={dialog}
        scope={{ id: DESK_SCOPE, timeZone: zone }}
        incident={null}
        operatorName={settings.operatorName}
        defaultPhase={PREPAREDNESS_PHASE}
        onClose={() => setDialog(null)}
      />
    </section>
  );
}
