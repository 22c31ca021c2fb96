import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns';

import { phaseAt } from '../incident/phase';
import { err, ok, type Result } from '../result';
import type { Incident } from '../../schemas/entities';
import type { Lesson } from '../../schemas/lessons';
import { dueAt } from './due';
import type { ItemDraft } from './items';
import { format } from '../../i18n/format';

export type LessonToItemError = { code: 'not-an-action' } | { code: 'due-before-start'; dueDate: string };

export function describeLessonToItemError(e: LessonToItemError): string {
  return e.code === 'not-an-action'
    ? format('checklists.lesson.notAnAction')
    : format('checklists.lesson.dueBeforeStart', { dueDate: e.dueDate });
}

/**
 * A corrective action from the lessons learned as a custom checklist item of the incident, so
 * it is followed up with the rest of the recovery work: due on its date (as a whole number of
 * days after the start, at the start's time of day), in the phase that date falls in, assigned
 * to the action's owner.
 */
export function checklistDraftFromAction(
  lesson: Pick<Lesson, 'kind' | 'text' | 'owner' | 'dueDate'>,
  incident: Pick<Incident, 'startAt' | 'timeZone'>,
): Result<ItemDraft, LessonToItemError> {
  if (lesson.kind !== 'corrective-action') return err({ code: 'not-an-action' });
  let offsetAmount = '';
  let phase: ItemDraft['phase'] = 'long-term';
  if (lesson.dueDate !== null) {
    const days = differenceInCalendarDays(
      new TZDate(`${lesson.dueDate}T12:00:00`, incident.timeZone),
      new TZDate(incident.startAt, incident.timeZone),
    );
    if (days < 0) return err({ code: 'due-before-start', dueDate: lesson.dueDate });
    offsetAmount = String(days);
    // The phase of the moment the checklist will schedule the item: that many calendar days on
    // the incident's clock, the same step across a daylight-saving change as every other due time.
    phase = phaseAt(
      incident.startAt,
      dueAt(incident.startAt, { unit: 'days', amount: days }, incident.timeZone) ?? incident.startAt,
      incident.timeZone,
    );
  }
  return ok({
    phase,
    title: lesson.text.length > 300 ? `${lesson.text.slice(0, 297)}…` : lesson.text,
    rationale: format('checklists.lesson.rationale'),
    owner: 'emergency-manager',
    offsetAmount,
    offsetUnit: 'days',
    assignee: lesson.owner ?? '',
    notes: lesson.text.length > 300 ? lesson.text : '',
  });
}
