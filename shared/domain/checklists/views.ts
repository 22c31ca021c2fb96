import { TZDate } from '@date-fns/tz';
import { addMonths, addYears, startOfMonth } from 'date-fns';

import { RESPONSE_PHASE_IDS, type ResponsePhaseId } from '../guide/phases';
import { DAY_MS, type EpochMs } from '../time';
import type { ChecklistItem, ChecklistTemplate } from '../../schemas/checklists';
import type { Incident } from '../../schemas/entities';
import { dueAt } from './due';
import { isResolved } from './items';

/** An item with its due instant, computed from the incident's start as it is now. */
export type ScheduledItem = ChecklistItem & { dueAt: EpochMs | null };

type Clocked = Pick<Incident, 'startAt' | 'timeZone'>;

/**
 * Every item with its due time: in phase order, then by due time (what comes first is what a
 * tired team needs first), then in the plan's order for items due together.
 */
export function scheduleItems(items: readonly ChecklistItem[], incident: Clocked): ScheduledItem[] {
  return items
    .map((i) => ({ ...i, dueAt: dueAt(incident.startAt, i.offset, incident.timeZone) }))
    .sort(
      (a, b) =>
        RESPONSE_PHASE_IDS.indexOf(a.phase) - RESPONSE_PHASE_IDS.indexOf(b.phase) ||
        (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
        a.position - b.position ||
        a.createdAt - b.createdAt,
    );
}

/** Open (not done, not "not applicable") and past its due time. */
export function isOverdue(item: ScheduledItem, now: EpochMs): boolean {
  return !isResolved(item) && item.dueAt !== null && item.dueAt < now;
}

const byDue = (a: ScheduledItem, b: ScheduledItem) =>
  (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.position - b.position;

/** What needs attention now: overdue items, and open items falling due in the next `windowMs`. */
export function attention(items: readonly ScheduledItem[], now: EpochMs, windowMs = DAY_MS) {
  const open = items.filter((i) => !isResolved(i) && i.dueAt !== null);
  return {
    overdue: open.filter((i) => (i.dueAt ?? Infinity) < now).sort(byDue),
    dueSoon: open.filter((i) => i.dueAt !== null && i.dueAt >= now && i.dueAt < now + windowMs).sort(byDue),
  };
}

/** How many open items are overdue; none on a closed incident, whose work has ended. */
export function overdueCount(items: readonly ChecklistItem[], incident: Incident, now: EpochMs): number {
  if (incident.status === 'closed') return 0;
  return scheduleItems(items, incident).filter((i) => isOverdue(i, now)).length;
}

/** How far a phase has got: resolved counts done and not-applicable items alike. */
export type PhaseProgress = {
  phase: ResponsePhaseId;
  total: number;
  done: number;
  notApplicable: number;
  resolved: number;
};

/** Progress per phase, for the phases that hold any items. */
export function progressByPhase(items: readonly ChecklistItem[]): PhaseProgress[] {
  return RESPONSE_PHASE_IDS.map((phase) => {
    const inPhase = items.filter((i) => i.phase === phase);
    const done = inPhase.filter((i) => i.status === 'done').length;
    const notApplicable = inPhase.filter((i) => i.status === 'not-applicable').length;
    return { phase, total: inPhase.length, done, notApplicable, resolved: done + notApplicable };
  }).filter((p) => p.total > 0);
}

/** Templates with a newer version than the one an incident's items came from. */
export function newerTemplateVersions(
  items: readonly ChecklistItem[],
  latest: readonly ChecklistTemplate[],
): { template: ChecklistTemplate; usedVersion: number }[] {
  const used = new Map<string, number>();
  for (const i of items)
    if (i.template)
      used.set(i.template.templateKey, Math.max(used.get(i.template.templateKey) ?? 0, i.template.version));
  return latest.flatMap((t) => {
    const v = used.get(t.templateKey);
    return v !== undefined && v < t.version ? [{ template: t, usedVersion: v }] : [];
  });
}

export type YearAhead = {
  /** The axis: from the incident's start to one calendar year later, on its clock. */
  from: EpochMs;
  to: EpochMs;
  /** The first instant of each calendar month the axis crosses, with its place on the axis (0–1). */
  months: { at: EpochMs; fraction: number }[];
  /** Milestones within the year, with their place on the axis. */
  placed: (ScheduledItem & { fraction: number })[];
  /** Milestones after the year (e.g. a five-year follow-up). */
  later: ScheduledItem[];
};

/** The long-term milestones laid out on a year-long axis from the incident's start. */
export function yearAhead(items: readonly ScheduledItem[], incident: Clocked): YearAhead {
  const start = new TZDate(incident.startAt, incident.timeZone);
  const from = incident.startAt;
  const to = addYears(start, 1).getTime();
  const span = to - from;
  const months: YearAhead['months'] = [];
  for (let m = startOfMonth(addMonths(start, 1)); m.getTime() <= to; m = addMonths(m, 1)) {
    months.push({ at: m.getTime(), fraction: (m.getTime() - from) / span });
  }
  const milestones = items.filter((i) => i.milestone && i.dueAt !== null).sort(byDue);
  return {
    from,
    to,
    months,
    placed: milestones
      .filter((i) => (i.dueAt ?? Infinity) <= to)
      .map((i) => ({ ...i, fraction: ((i.dueAt ?? from) - from) / span })),
    later: milestones.filter((i) => (i.dueAt ?? 0) > to),
  };
}

/**
 * Preparedness work is reviewed at least once a year: a done item whose completion is a calendar
 * year old or more (on the desk's clock) is due for review.
 */
export function needsAnnualReview(item: ChecklistItem, now: EpochMs, timeZone: string): boolean {
  return (
    item.status === 'done' &&
    item.resolvedAt !== null &&
    addYears(new TZDate(item.resolvedAt, timeZone), 1).getTime() <= now
  );
}
