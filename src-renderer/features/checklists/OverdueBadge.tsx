import type { ReactElement } from 'react';
import { t } from '../../i18n/messages';

/** "3 overdue": words as well as colour, so it reads in black and white too. */
export function OverdueBadge({ count, long = false }: { count: number; long?: boolean }): ReactElement | null {
  if (count === 0) return null;
  return (
    <span className="badge badge--overdue" data-testid="overdue-badge">
      {t('checklists.overdueBadge', { count, long: long ? 'true' : 'false' })}
    </span>
  );
}
