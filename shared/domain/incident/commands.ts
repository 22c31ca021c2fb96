import { z } from 'zod';

import { diffFields, type Actor } from '../audit';
import { err, ok, type Result } from '../result';
import {
  IncidentKindSchema,
  TimeZoneSchema,
  type FieldChange,
  type Incident,
} from '../../schemas/entities';
import type { DeskLocale } from '../locale/deskLocale';
import { describeWallClockError, wallClockToInstant } from './wallClock';

/** What a person types into the incident form: the start is a wall-clock reading in `timeZone`. */
export type IncidentDraft = {
  title: string;
  kind: string;
  startDate: string;
  startTime: string;
  timeZone: string;
  location: string;
  description: string;
};

export type IncidentFields = Pick<Incident, 'title' | 'kind' | 'startAt' | 'timeZone' | 'location' | 'description'>;

/** Field name → message, for the form to show beside each field. */
export type FieldErrors = Partial<Record<keyof IncidentDraft, string>>;

const DraftSchema = z.object({
  title: z.string().trim().min(1, 'Give the incident a title.').max(200, 'Keep the title under 200 characters.'),
  kind: IncidentKindSchema,
  timeZone: TimeZoneSchema,
  location: z.string().trim().max(300, 'Keep the location under 300 characters.'),
  description: z.string().trim().max(10_000, 'Keep the description under 10,000 characters.'),
});

export const INCIDENT_FIELDS = ['title', 'kind', 'startAt', 'timeZone', 'location', 'description'] as const;

/** Checks a draft and turns its wall-clock start into an instant; every problem is named by field. */
/** `locale` is the desk's: the start date and time are read as typed in its order and clock. */
export function validateIncidentDraft(draft: IncidentDraft, locale?: DeskLocale): Result<IncidentFields, FieldErrors> {
  const errors: FieldErrors = {};
  const parsed = DraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof IncidentDraft;
      if (errors[field] !== undefined) continue;
      errors[field] =
        field === 'timeZone'
          ? `"${draft.timeZone}" is not a known time zone. Pick one from the list (e.g. Europe/Oslo).`
          : field === 'kind'
            ? 'Choose what kind of incident this is.'
            : issue.message;
    }
  }
  let startAt: number | null = null;
  if (errors.timeZone === undefined) {
    const start = wallClockToInstant(draft.startDate, draft.startTime, draft.timeZone, locale);
    if (start.ok) startAt = start.value;
    else errors[start.error.code === 'bad-date' ? 'startDate' : 'startTime'] = describeWallClockError(start.error, locale);
  }
  if (!parsed.success || startAt === null || Object.keys(errors).length > 0) return err(errors);
  return ok({ ...parsed.data, startAt });
}

export function createIncident(fields: IncidentFields, id: string, actor: Actor): Incident {
  return {
    id,
    ...fields,
    status: 'open',
    createdAt: actor.now,
    createdBy: actor.operator,
    updatedAt: actor.now,
    updatedBy: actor.operator,
    closedAt: null,
  };
}

export function updateIncident(
  incident: Incident,
  fields: IncidentFields,
  actor: Actor,
): { next: Incident; changes: FieldChange[] } {
  const next: Incident = { ...incident, ...fields, updatedAt: actor.now, updatedBy: actor.operator };
  return { next, changes: diffFields(incident, next, INCIDENT_FIELDS) };
}

export type StatusError = { code: 'already-closed' } | { code: 'already-open' };

export function closeIncident(incident: Incident, actor: Actor): Result<Incident, StatusError> {
  if (incident.status === 'closed') return err({ code: 'already-closed' });
  return ok({ ...incident, status: 'closed', closedAt: actor.now, updatedAt: actor.now, updatedBy: actor.operator });
}

export function reopenIncident(incident: Incident, actor: Actor): Result<Incident, StatusError> {
  if (incident.status === 'open') return err({ code: 'already-open' });
  return ok({ ...incident, status: 'open', closedAt: null, updatedAt: actor.now, updatedBy: actor.operator });
}

export const INCIDENT_KIND_LABELS: Record<Incident['kind'], string> = {
  attack: 'Attack',
  'hate-incident': 'Hate incident',
  threat: 'Threat',
  unrest: 'Unrest',
  other: 'Other',
};
