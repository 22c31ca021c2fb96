import { useMemo } from 'react';

import { overdueCount } from '@shared/domain/checklists/views';
import type { ChecklistItem, ChecklistTemplate } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { useDeskQuery } from '../../desk/useDeskQuery';

/** The incident's checklist items; undefined while loading. */
export function useChecklistItems(incidentId: string): ChecklistItem[] | undefined {
  return useDeskQuery((desk) => desk.checklists.listForIncident(incidentId), [incidentId]);
}

/** The newest version of every template in the city's plan. */
export function useLatestTemplates(): ChecklistTemplate[] | undefined {
  return useDeskQuery((desk) => desk.checklists.latestTemplates());
}

/** Every version of one template, oldest first. */
export function useTemplateHistory(templateKey: string): ChecklistTemplate[] | undefined {
  return useDeskQuery((desk) => desk.checklists.templateHistory(templateKey), [templateKey]);
}

/** Overdue checklist items per open incident, for the dashboard cards. */
export function useOverdueCounts(incidents: readonly Incident[], now: number): ReadonlyMap<string, number> {
  const ids = incidents.filter((i) => i.status === 'open').map((i) => i.id);
  const key = ids.join('|');
  const open = useDeskQuery((desk) => desk.checklists.openItemsOf(key === '' ? [] : key.split('|')), [key]);
  return useMemo(() => {
    const counts = new Map<string, number>();
    if (!open) return counts;
    for (const incident of incidents) {
      const n = overdueCount(
        open.filter((i) => i.incidentId === incident.id),
        incident,
        now,
      );
      if (n > 0) counts.set(incident.id, n);
    }
    return counts;
  }, [open, incidents, now]);
}
