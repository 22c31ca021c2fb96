import { useEffect, type ReactElement } from 'react';

import { itemsCompletedBy, type ResolvingWork } from '@shared/domain/checklists/resolvedBy';
import { describeStatusChangeError } from '@shared/domain/checklists/items';
import { scheduleItems } from '@shared/domain/checklists/views';
import type { ResolvedWith } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { dueText } from './checklistDisplay';
import { useChecklistItems } from './queries';
import { t } from '../../i18n/messages';

/**
 * After work that completes a guide checklist item (the first statement released, the contact
 * tree activated), offers to mark the item done, linked to what did it. An offer beside the work,
 * not a dialog in its way: the next call or the next release need not wait for the answer.
 * Shows nothing, and closes, when no open item matches.
 */
export function ResolveOffer({
  incident,
  work,
  by,
  operatorName,
  onClose,
}: {
  incident: Incident;
  work: ResolvingWork;
  by: ResolvedWith;
  operatorName: string;
  onClose: () => void;
}): ReactElement | null {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const items = useChecklistItems(incident.id);
  const matching = items === undefined ? undefined : scheduleItems(itemsCompletedBy(work, items), incident);
  const none = matching?.length === 0;
  useEffect(() => {
    if (none) onClose();
  }, [none, onClose]);
  if (!matching || matching.length === 0) return null;
  const now = clock();
  return (
    <section className="resolve-offer" aria-labelledby="resolve-offer-title">
      <h3 id="resolve-offer-title" className="resolve-offer__title">
        {t('checklists.resolveOffer.title', { count: matching.length })}
      </h3>
      <p>{t('checklists.resolveOffer.completes', { count: matching.length })}</p>
      <ul className="resolve-offer__items">
        {matching.map((i) => (
          <li key={i.id}>
            <strong>{i.title}</strong>{' '}
            <span className="muted">
              {t('checklists.resolveOffer.due', { due: dueText(i.dueAt, now, incident.timeZone, false).text })}
            </span>
          </li>
        ))}
      </ul>
      <p>{t('checklists.resolveOffer.linked', { count: matching.length, label: by.label })}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={onClose}>
          {t('checklists.resolveOffer.notNow')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            onClose();
            void (async () => {
              for (const i of matching) {
                const r = await useCases.checklists.resolveBy(i.id, by, actorFrom(operatorName, clock));
                if (!r.ok)
                  return showNotice(
                    'error',
                    t('checklists.resolveOffer.failed', {
                      title: i.title,
                      reason:
                        r.error.code === 'not-found'
                          ? t('checklists.resolveOffer.gone')
                          : describeStatusChangeError(r.error),
                    }),
                  );
              }
              showNotice(
                'success',
                t('checklists.resolveOffer.done', {
                  count: matching.length,
                  title: matching[0]?.title ?? '',
                  label: by.label,
                }),
              );
            })();
          }}
        >
          {t('checklists.resolveOffer.markDone')}
        </button>
      </div>
    </section>
  );
}
