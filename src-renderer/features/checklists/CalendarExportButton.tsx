import type { ReactElement } from 'react';

import { fileSlug } from '@shared/domain/fileNames';
import { milestonesCalendar } from '@shared/domain/checklists/calendar';
import type { ScheduledItem } from '@shared/domain/checklists/views';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import type { Incident } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { t } from '../../i18n/messages';

const slug = (s: string) => fileSlug(s, 'incident');

/** Saves the recovery milestones as an iCalendar file, for the mayor's office calendar. */
export function CalendarExportButton({
  incident,
  items,
  cityName,
  label = t('checklists.calendar.export'),
}: {
  incident: Incident;
  items: ScheduledItem[];
  cityName: string;
  label?: string;
}): ReactElement {
  const { platform, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const count = items.filter((i) => i.milestone && i.dueAt !== null && i.status !== 'not-applicable').length;
  return (
    <button
      type="button"
      className="button"
      disabled={count === 0}
      title={count === 0 ? t('checklists.calendar.none') : undefined}
      onClick={() => {
        void (async () => {
          const now = clock();
          const saved = await platform.saveFile({
            suggestedName: `milestones-${slug(incident.title)}-${formatWallClock(now, incident.timeZone, 'yyyy-MM-dd')}.ics`,
            content: milestonesCalendar(incident, items, { cityName, now }),
            encoding: 'utf8',
            filters: [{ name: 'iCalendar', extensions: ['ics'] }],
            title: t('checklists.calendar.dialogTitle'),
          });
          if (!saved.ok) showNotice('error', t('checklists.calendar.failed', { reason: saved.error.message }));
          else if (saved.value.savedTo)
            showNotice('success', t('checklists.calendar.done', { count, path: saved.value.savedTo }));
        })();
      }}
    >
      {label}
    </button>
  );
}
