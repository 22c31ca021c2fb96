import type { ReactElement } from 'react';

import { useTemplateHistory } from '../checklists/queries';
import { showInstant } from '../../lib/LocaleContext';
import { t, tRich } from '../../i18n/messages';
import { boldTag } from '../../ui/boldTag';

/** Every saved version of a template, newest first; none is ever changed or removed. */
export function TemplateHistory({ templateKey, zone }: { templateKey: string; zone: string }): ReactElement {
  const versions = useTemplateHistory(templateKey);
  if (versions === undefined) return <p className="muted">{t('plan.preparedness.loading')}</p>;
  return (
    <ol className="plan-history" reversed aria-label={t('plan.screen.versions')}>
      {[...versions].reverse().map((v) => (
        <li key={v.id}>
          {tRich(
            'plan.history.line',
            {
              version: v.version,
              at: showInstant(v.createdAt, zone, 'date-time'),
              by: v.createdBy,
              note: v.changeNote,
              count: v.items.length,
            },
            boldTag,
          )}
        </li>
      ))}
    </ol>
  );
}
