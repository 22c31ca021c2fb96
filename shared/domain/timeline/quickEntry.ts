import { formatWallClock, instantsAtWallClock } from '../incident/wallClock';
import { err, ok, type Result } from '../result';
import type { EpochMs } from '../time';
import type { EntryContent, TimelineCategory, TimePrecision } from '../../schemas/timeline';
import { describeByCode } from '../../i18n/format';

/**
 * The quick-entry line: "14:05 Police confirm road closures on Main St #traffic @police".
 *   - an optional time first: "14:05" (exact) or "~14:05" (approximate), "yesterday 23:50";
 *     no time means now;
 *   - an optional category word: "decision:", "action:", "comms:", "info:", "rumour:", "media:",
 *     before or after the time ("decision: 12:30 …" and "12:30 decision: …" are the same);
 *   - #tags and an @source anywhere.
 * Live, a time later than now means yesterday (the night shift logging 23:50 at 00:20);
 * in backfill mode every time falls on the chosen day of the paper log.
 */
export type QuickEntryMode = { kind: 'live' } | { kind: 'backfill'; date: string };

export type ParsedQuickEntry = {
  occurredAt: EpochMs;
  occurredPrecision: TimePrecision;
  category: TimelineCategory;
  title: string;
  tags: string[];
  source: string;
  /** The day the time landed on, for the preview: "today", "yesterday" or a date. */
  day: string;
  timeGiven: boolean;
};

export type QuickEntryError =
  | { code: 'empty' }
  | { code: 'bad-time'; input: string }
  | { code: 'nonexistent-time'; input: string; date: string; timeZone: string }
  | { code: 'no-title' };

const FUTURE_GRACE_MS = 5 * 60_000;

const CATEGORY_WORDS: Record<string, TimelineCategory> = {
  event: 'event',
  decision: 'decision',
  decided: 'decision',
  action: 'action',
  comms: 'communication',
  communication: 'communication',
  call: 'communication',
  info: 'information',
  information: 'information',
  rumour: 'rumour',
  rumor: 'rumour',
  misinfo: 'rumour',
  media: 'media',
  press: 'media',
};

/** The category a word people use names ("comms", "rumor"), in the quick line and in imported files. */
export function categoryFromWord(word: string): TimelineCategory | undefined {
  const w = word.trim().toLowerCase();
  // Own keys only: "constructor" is not a category.
  return Object.hasOwn(CATEGORY_WORDS, w) ? CATEGORY_WORDS[w] : undefined;
}

const TIME_LIKE = /^(~)?(\d{1,2})[:.h](\d{1,2})(?=\s|$)/;
const NUMBERISH_TIME = /^~?\d{1,3}[:.h]\d{1,3}(?=\s|$)/;

export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A leading "decision:" (or another category word), and the text after it. */
function categoryWord(text: string): { category: TimelineCategory; rest: string } | null {
  const c = /^([a-z]+)\s*:\s*/i.exec(text);
  const category = c ? categoryFromWord(c[1] ?? '') : undefined;
  return c && category !== undefined ? { category, rest: text.slice(c[0].length) } : null;
}

export function parseQuickEntry(
  text: string,
  context: { now: EpochMs; timeZone: string; mode: QuickEntryMode },
): Result<ParsedQuickEntry, QuickEntryError> {
  let rest = text.trim();
  if (rest === '') return err({ code: 'empty' });

  // The category word may come first ("decision: 12:30 …") or after the time ("12:30 decision: …").
  const first = categoryWord(rest);
  if (first) rest = first.rest;

  let yesterday = false;
  const y = /^(yesterday|yday)\s+/i.exec(rest);
  if (y) {
    yesterday = true;
    rest = rest.slice(y[0].length);
  }

  let time: { hour: number; minute: number; approximate: boolean } | null = null;
  const t = TIME_LIKE.exec(rest);
  if (t) {
    const hour = Number(t[2]);
    const minute = Number(t[3]);
    if (hour > 23 || minute > 59 || (t[3] ?? '').length !== 2) return err({ code: 'bad-time', input: t[0] });
    time = { hour, minute, approximate: t[1] === '~' };
    rest = rest.slice(t[0].length).trim();
  } else if (NUMBERISH_TIME.test(rest)) {
    return err({ code: 'bad-time', input: rest.split(/\s/)[0] ?? rest });
  } else if (yesterday) {
    return err({ code: 'bad-time', input: 'yesterday without a time' });
  }

  const after = first ? null : categoryWord(rest);
  if (after) rest = after.rest;
  const category = first?.category ?? after?.category ?? 'event';

  const tags: string[] = [];
  rest = rest.replace(/(^|\s)#([\p{L}\p{N}_-]+)/gu, (_m, lead: string, tag: string) => {
    const t2 = tag.toLowerCase();
    if (!tags.includes(t2)) tags.push(t2);
    return lead;
  });
  let source = '';
  rest = rest.replace(/(^|\s)@([\p{L}\p{N}_.-]+)/u, (_m, lead: string, who: string) => {
    source = who.replace(/_/g, ' ');
    return lead;
  });
  const title = rest.replace(/\s+/g, ' ').trim();
  if (title === '') return err({ code: 'no-title' });

  const base = { category, title, tags, source };
  if (time === null) {
    return ok({ ...base, occurredAt: context.now, occurredPrecision: 'exact', day: 'today', timeGiven: false });
  }
  const resolved = resolveDay(time.hour, time.minute, yesterday, context);
  if (!resolved.ok) return resolved;
  return ok({
    ...base,
    occurredAt: resolved.value.at,
    occurredPrecision: time.approximate ? 'approximate' : 'exact',
    day: resolved.value.day,
    timeGiven: true,
  });
}

function resolveDay(
  hour: number,
  minute: number,
  yesterday: boolean,
  { now, timeZone, mode }: { now: EpochMs; timeZone: string; mode: QuickEntryMode },
): Result<{ at: EpochMs; day: string }, QuickEntryError> {
  const hhmm = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const gap = (date: string) => err({ code: 'nonexistent-time' as const, input: hhmm, date, timeZone });
  if (mode.kind === 'backfill') {
    const date = yesterday ? shiftDate(mode.date, -1) : mode.date;
    const at = instantsAtWallClock(date, hour, minute, timeZone)[0];
    return at === undefined ? gap(date) : ok({ at, day: date });
  }
  const today = formatWallClock(now, timeZone, 'yyyy-MM-dd');
  if (!yesterday) {
    const candidates = instantsAtWallClock(today, hour, minute, timeZone);
    const past = candidates.filter((c) => c <= now + FUTURE_GRACE_MS);
    const latest = past[past.length - 1];
    if (latest !== undefined) return ok({ at: latest, day: 'today' });
    // Today's clock skipped that time, and it is already behind us: it never happened today.
    if (candidates.length === 0 && hhmm <= formatWallClock(now, timeZone, 'HH:mm')) return gap(today);
  }
  const date = shiftDate(today, -1);
  const earlier = instantsAtWallClock(date, hour, minute, timeZone);
  const at = earlier[earlier.length - 1];
  return at === undefined ? gap(date) : ok({ at, day: 'yesterday' });
}

export const describeQuickEntryError = describeByCode<QuickEntryError>({
  empty: 'timeline.quick.empty',
  'bad-time': 'timeline.quick.badTime',
  'nonexistent-time': 'timeline.quick.nonexistentTime',
  'no-title': 'timeline.quick.noTitle',
});

/** A parsed quick line as a new entry's content: unverified, internal, no notes yet. */
export function contentFromQuick(
  parsed: ParsedQuickEntry,
  backfill: { enabled: boolean; writtenBy: string },
): EntryContent {
  return {
    occurredAt: parsed.occurredAt,
    occurredPrecision: parsed.occurredPrecision,
    reportedAt: null,
    category: parsed.category,
    title: parsed.title,
    body: '',
    source: parsed.source,
    sourceContactId: null,
    verification: 'unverified',
    tags: parsed.tags,
    release: 'internal',
    links: [],
    onBehalfOf: backfill.enabled && backfill.writtenBy.trim() !== '' ? backfill.writtenBy.trim() : null,
    transcribed: backfill.enabled,
    retracted: false,
    retractionReason: null,
  };
}
