import { wallClockToInstant, describeWallClockError } from '../incident/wallClock';
import type { DeskLocale } from '../locale/deskLocale';
import { err, ok, type Result } from '../result';
import { format } from '../../i18n/format';
import { choiceLabels } from '../../i18n/choices';
import { TIMELINE_CATEGORIES, VERIFICATION_STATES } from '../../schemas/timeline';
import {
  EntryContentSchema,
  TagSchema,
  type EntryContent,
  type EntryLink,
  type Release,
  type TimelineCategory,
  type TimePrecision,
  type Verification,
} from '../../schemas/timeline';

/** The full entry form, as typed: times are wall-clock readings on the incident's clock. */
export type EntryForm = {
  occurredDate: string;
  occurredTime: string;
  occurredPrecision: TimePrecision;
  reportedDate: string;
  reportedTime: string;
  category: TimelineCategory;
  title: string;
  body: string;
  source: string;
  verification: Verification;
  tags: string;
  release: Release;
  onBehalfOf: string;
  transcribed: boolean;
};

export type EntryFormErrors = Partial<Record<keyof EntryForm, string>>;

/** "traffic, Police-response #roads" → ["traffic", "police-response", "roads"] */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^#/, '').toLowerCase())
    .filter((t) => t !== '');
  return [...new Set(tags)];
}

export function validateEntryForm(
  form: EntryForm,
  context: { timeZone: string; links?: EntryLink[]; sourceContactId?: string | null; locale?: DeskLocale },
): Result<Omit<EntryContent, 'retracted' | 'retractionReason'>, EntryFormErrors> {
  const errors: EntryFormErrors = {};
  const occurred = wallClockToInstant(
    form.occurredDate,
    form.occurredPrecision === 'date' ? '12:00' : form.occurredTime,
    context.timeZone,
    context.locale,
  );
  if (!occurred.ok)
    errors[occurred.error.code === 'bad-date' ? 'occurredDate' : 'occurredTime'] = describeWallClockError(
      occurred.error,
      context.locale,
    );

  let reportedAt: number | null = null;
  if (form.reportedDate.trim() !== '' || form.reportedTime.trim() !== '') {
    const reported = wallClockToInstant(
      form.reportedDate,
      form.reportedTime || '00:00',
      context.timeZone,
      context.locale,
    );
    if (reported.ok) reportedAt = reported.value;
    else
      errors[reported.error.code === 'bad-date' ? 'reportedDate' : 'reportedTime'] = describeWallClockError(
        reported.error,
        context.locale,
      );
  }
  if (form.title.trim() === '') errors.title = format('timeline.form.noTitle');
  else if (form.title.trim().length > 500) errors.title = format('timeline.form.titleTooLong', { limit: 500 });
  if (form.body.length > 20_000) errors.body = format('timeline.form.bodyTooLong', { limit: 20_000 });
  if (form.source.length > 200) errors.source = format('timeline.form.sourceTooLong', { limit: 200 });
  const tags = parseTags(form.tags);
  const badTag = tags.find((t) => !TagSchema.safeParse(t).success);
  if (badTag !== undefined) errors.tags = format('timeline.form.badTag', { tag: badTag, limit: 40 });
  else if (tags.length > 30) errors.tags = format('timeline.form.tooManyTags', { limit: 30 });

  if (Object.keys(errors).length > 0 || !occurred.ok) return err(errors);
  const content = {
    occurredAt: occurred.value,
    occurredPrecision: form.occurredPrecision,
    reportedAt,
    category: form.category,
    title: form.title.trim(),
    body: form.body.trim(),
    source: form.source.trim(),
    sourceContactId: context.sourceContactId ?? null,
    verification: form.verification,
    tags,
    release: form.release,
    links: context.links ?? [],
    onBehalfOf: form.onBehalfOf.trim() || null,
    transcribed: form.transcribed,
  };
  const parsed = EntryContentSchema.omit({ retracted: true, retractionReason: true }).safeParse(content);
  if (!parsed.success) return err({ title: parsed.error.issues[0]?.message ?? format('timeline.form.invalid') });
  return ok(parsed.data);
}

export const CATEGORY_LABELS = choiceLabels('category', TIMELINE_CATEGORIES);

export const VERIFICATION_LABELS = choiceLabels('verification', VERIFICATION_STATES);
