import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';

import { diffFields, type Actor } from '../audit';
import { err, ok, type Result } from '../result';
import { IncidentKindSchema, TimeZoneSchema, type FieldChange, type Incident } from '../../schemas/entities';
import type { DeskLocale } from '../locale/deskLocale';
import { describeWallClockError, wallClockToInstant } from './wallClock';
import { format } from '../../i18n/format';
import { choiceLabels } from '../../i18n/choices';
import { INCIDENT_KINDS } from '../../schemas/entities';

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

const LIMITS = { title: 200, location: 300, description: 10_000 } as const;

const DraftSchema = z.object({
  title: z.string().trim().min(1).max(LIMITS.title),
  kind: IncidentKindSchema,
  timeZone: TimeZoneSchema,
  location: z.string().trim().max(LIMITS.location),
  description: z.string().trim().max(LIMITS.description),
});

/** What is wrong with one field of the draft, in the form's words. */
function describeDraftIssue(field: keyof IncidentDraft, draft: IncidentDraft): string {
  switch (field) {
    case 'timeZone':
      return format('incident.form.unknownZone', { timeZone: draft.timeZone });
    case 'kind':
      return format('incident.form.kind');
    case 'title':
      return draft.title.trim() === ''
        ? format('incident.form.noTitle')
        : format('incident.form.tooLong', { field, limit: LIMITS.title });
    case 'location':
    case 'description':
      return format('incident.form.tooLong', { field, limit: LIMITS[field] });
    default:
      return format('incident.form.invalid');
  }
}

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
      errors[field] = describeDraftIssue(field, draft);
    }
  }
  let startAt: number | null = null;
  if (errors.timeZone === undefined) {
    const start = wallClockToInstant(draft.startDate, draft.startTime, draft.timeZone, locale);
    if (start.ok) startAt = start.value;
    else
      errors[start.error.code === 'bad-date' ? 'startDate' : 'startTime'] = describeWallClockError(start.error, locale);
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

export const INCIDENT_KIND_LABELS = choiceLabels('incidentKind', INCIDENT_KINDS);
