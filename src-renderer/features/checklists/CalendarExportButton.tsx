import type { ReactElement } from 'react';

import { fileSlug } from '@shared/domain/fileNames';
import { milestonesCalendar } from '@shared/domain/checklists/calendar';
import type { ScheduledItem } from '@shared/domain/checklists/views';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import type { Incident } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';

const slug = (s: string) => fileSlug(s, 'incident');

/** Saves the recovery milestones as an iCalendar file, for the mayor's office calendar. */
export function CalendarExportButton({ incident, items, cityName, label = 'Export milestones to calendar (.ics)' }: { incident: Incident; items: ScheduledItem[]; cityName: string; label?: string }): ReactElement {
  const { platform, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const count = items.filter((i) => i.milestone && i.dueAt !== null && i.status !== 'not-applicable').length;
  return (
    <button
      type="button"
      className="button"
      disabled={count === 0}
      title={count === 0 ? 'This incident has no milestones with a due date.' : undefined}
      onClick={() => {
        void (async () => {
          const now = clock();
          const saved = await platform.saveFile({
            suggestedName: `milestones-${slug(incident.title)}-${formatWallClock(now, incident.timeZone, 'yyyy-MM-dd')}.ics`,
            content: milestonesCalendar(incident, items, { cityName, now }),
            encoding: 'utf8',
            filters: [{ name: 'iCalendar', extensions: ['ics'] }],
            title: 'Export the recovery milestones to a calendar file',
          });
          if (!saved.ok) showNotice('error', `The calendar file could not be saved: ${saved.error.message}`);
          else if (saved.value.savedTo) showNotice('success', `${count} milestones exported to ${saved.value.savedTo}. Open it in the calendar app to add them.`);
        })();
      }}
    >
      {label}
    </button>
  );
}
