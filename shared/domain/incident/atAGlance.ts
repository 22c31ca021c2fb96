import { attention, scheduleItems, type ScheduledItem } from '../checklists/views';
import { isResolved } from '../checklists/items';
import { activationProgress, isStoodDown, type Progress } from '../contacts/activation';
import { translationState } from '../statements/translations';
import type { EpochMs } from '../time';
import type { ChecklistItem } from '../../schemas/checklists';
import type { TreeActivation } from '../../schemas/contacts';
import type { Incident } from '../../schemas/entities';
import type { Statement } from '../../schemas/statements';
import type { TimelineEntry } from '../../schemas/timeline';

/** How many of each list the overview shows; the tabs hold the rest. */
export const GLANCE_LIMIT = 5;

export type AtAGlanceInput = {
  incident: Pick<Incident, 'startAt' | 'timeZone' | 'status'>;
  now: EpochMs;
  items: readonly ChecklistItem[];
  activations: readonly TreeActivation[];
  statements: readonly Statement[];
  /** Rumours on the timeline, newest first (any state: the retracted and settled are left out here). */
  rumours: readonly TimelineEntry[];
};

export type CallTreeGlance = {
  id: string;
  treeName: string;
  startedAt: EpochMs;
  progress: Progress;
  finished: boolean;
  stoodDown: boolean;
};

export type AtAGlance = {
  checklists: {
    overdue: ScheduledItem[];
    overdueTotal: number;
    dueSoon: ScheduledItem[];
    dueSoonTotal: number;
    resolved: number;
    total: number;
  };
  calls: CallTreeGlance[];
  statements: {
    awaitingApproval: Statement[];
    approvedNotReleased: Statement[];
    returned: Statement[];
    outOfDateTranslations: Statement[];
    released: number;
  };
  openRumours: { latest: TimelineEntry[]; total: number };
  /** Nothing overdue, no call open, no statement waiting, no rumour open. */
  allClear: boolean;
};

/**
 * What needs someone now, across the features, for the incident's first screen: the person
 * opening the desk at 3 a.m. sees what is late, who has not been called, which statement waits
 * for the mayor, and which rumours are still open, before reading any tab.
 */
export function atAGlance(input: AtAGlanceInput): AtAGlance {
  const closed = input.incident.status === 'closed';
  const { overdue, dueSoon } = attention(scheduleItems(input.items, input.incident), input.now);
  const calls = input.activations
    .map((a) => {
      const progress = activationProgress(a);
      // A stood-down activation calls nobody else: it is finished with, whatever is still open.
      return {
        id: a.id,
        treeName: a.treeName,
        startedAt: a.startedAt,
        progress,
        finished: progress.open === 0 || isStoodDown(a),
        stoodDown: isStoodDown(a),
      };
    })
    .sort((a, b) => Number(a.finished) - Number(b.finished) || b.startedAt - a.startedAt);
  const withStatus = (status: Statement['status']) => input.statements.filter((s) => s.status === status);
  const rumours = input.rumours.filter(
    (e) => !e.retracted && e.category === 'rumour' && e.verification === 'unverified',
  );
  const checklists = {
    // A closed incident's work has ended: nothing is late any more (as on the dashboard).
    overdue: closed ? [] : overdue.slice(0, GLANCE_LIMIT),
    overdueTotal: closed ? 0 : overdue.length,
    dueSoon: closed ? [] : dueSoon.slice(0, GLANCE_LIMIT),
    dueSoonTotal: closed ? 0 : dueSoon.length,
    resolved: input.items.filter(isResolved).length,
    total: input.items.length,
  };
  const statements = {
    awaitingApproval: withStatus('in-review'),
    approvedNotReleased: withStatus('approved'),
    returned: withStatus('draft').filter((s) => s.returnedComment !== null),
    // A translation whose source has a newer approved version says something the city no longer says.
    outOfDateTranslations: input.statements.filter((t) => {
      const source =
        t.sourceStatementId === null || t.status === 'withdrawn'
          ? undefined
          : input.statements.find((s) => s.id === t.sourceStatementId);
      return source !== undefined && translationState(t, source) === 'out-of-date';
    }),
    released: withStatus('released').length,
  };
  const openRumours = { latest: rumours.slice(0, GLANCE_LIMIT), total: rumours.length };
  return {
    checklists,
    calls,
    statements,
    openRumours,
    allClear:
      checklists.overdueTotal === 0 &&
      calls.every((c) => c.finished) &&
      statements.awaitingApproval.length === 0 &&
      statements.approvedNotReleased.length === 0 &&
      statements.outOfDateTranslations.length === 0 &&
      openRumours.total === 0,
  };
}
