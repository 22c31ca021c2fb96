import { formatWallClock, instantsAtWallClock } from '../incident/wallClock';
import type { DateOrder } from '../locale/dateOrder';
import { err, ok, type Result } from '../result';
import { format } from '../../i18n/format';

/**
 * Reading a date and time as people type them in a spreadsheet: "2026-11-24 14:05",
 * "7/4/2026 2:05 PM", "24.11.2026 14.05", "2026-11-01 01:30 CDT", "2026-11-24T13:05:00Z".
 * Times without an offset or zone are read on the incident's clock.
 */

/** A time that happened twice on the incident's clock (the hour the clocks went back). */
export type AmbiguousMoment = { wall: string; earlier: number; later: number };

export type MomentReading = { kind: 'instant'; at: number } | ({ kind: 'ambiguous' } & AmbiguousMoment);

/** Numbers of a numeric date with slashes or dashes, which the date order decides: "7/4/2026". */
const ORDERED_DATE = /^(\d{1,2})([/-])(\d{1,2})\2(\d{2,4})$/;

/** The two numbers of a slashed date when the order matters, for guessing the order from the file. */
export function orderedDateParts(text: string): [number, number] | null {
  const m = ORDERED_DATE.exec(text.trim().split(/[ T]/)[0] ?? '');
  return m ? [Number(m[1]), Number(m[3])] : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell to YYYY-MM-DD, or a reason in words. */
function readDate(text: string, order: DateOrder): Result<string, string> {
  let y: number, mo: number, d: number;
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  else if ((m = ORDERED_DATE.exec(text))) {
    if ((m[4] ?? '').length !== 4)
      return err(format('timeline.moment.yearInFull', { text, example: `${m[1]}${m[2]}${m[3]}${m[2]}20${m[4]}` }));
    const [a, b] = [Number(m[1]), Number(m[3])];
    [y, mo, d] = order === 'month-first' ? [Number(m[4]), a, b] : [Number(m[4]), b, a];
    if (mo > 12)
      return err(
        format('timeline.moment.noSuchMonth', {
          text,
          month: String(mo),
          order: order === 'month-first' ? 'month_first' : 'day_first',
        }),
      );
  } else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) {
    // Dotted dates are day-first wherever they are written (24.11.2026).
    [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  } else {
    return err(format('timeline.moment.notADate', { text }));
  }
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || d < 1 || probe.getUTCDate() !== d || probe.getUTCMonth() !== mo - 1) {
    if (mo < 1 || mo > 12) return err(format('timeline.moment.notInCalendar', { text }));
    return err(
      format('timeline.moment.notInCalendarDay', {
        text,
        month: format('dates.month', { month: String(mo) }),
        year: String(y),
        day: String(d),
      }),
    );
  }
  return ok(`${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}`);
}

type Clock = { hour: number; minute: number; second: number };

function readTime(text: string): Result<Clock, string> {
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?\s*(?:([ap])\.?m\.?)?$/i.exec(text);
  if (!m) return err(format('timeline.moment.notATime', { text }));
  let hour = Number(m[1]);
  const [minute, second] = [Number(m[2]), Number(m[3] ?? 0)];
  const half = m[4]?.toLowerCase();
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return err(format('timeline.moment.halfDayHour', { text }));
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return err(format('timeline.moment.clockRange', { text }));
  return ok({ hour, minute, second });
}

/**
 * Checks a cell of a time column on its own ("14:05", "2:05 PM", "01:30 CDT"), so a bad time is
 * blamed on that column. null when it reads.
 */
export function checkTimeCell(text: string): string | null {
  const m =
    /^(.*?\d)(?:\s*(Z|[+\-−]\d{1,2}(?::?\d{2})?|(?:UTC|GMT)(?:[+\-−]\d{1,2}(?::?\d{2})?)?|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+|(?![ap]\.?m\.?$)[A-Za-z]{2,5}))?$/i.exec(
      text.trim(),
    );
  const r = readTime(m?.[1] ?? text.trim());
  return r.ok ? null : r.error;
}

// Zone abbreviations people write after a time, for zones other than the incident's own (whose
// names are checked against its clock). Only ones that mean a single offset are here: "IST"
// (India, Ireland, Israel) is not.
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
};

/** The short names of `timeZone`'s clock at an instant ("CDT"; "CEST" or "GMT+2"). */
function zoneNames(at: number, timeZone: string): string[] {
  return ['en-US', 'en-GB'].map((locale) => {
    const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return (part?.value ?? '').toUpperCase();
  });
}

function isZoneName(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** "+05:30", "-0500", "+01", "UTC+2", "GMT-05:00" to minutes east of UTC, or null. */
function readOffset(text: string): number | null {
  const m = /^(?:UTC|GMT)?([+\-−])(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[2]) > 14 || Number(m[3] ?? 0) > 59) return null;
  return m[1] === '+' ? minutes : -minutes;
}

const MOMENT =
  /^(\S+?)(?:(?:\s+|T)(\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?(?![A-Za-z]))?))?(?:\s*(Z|[+\-−]\d{1,2}(?::?\d{2})?|(?:UTC|GMT)(?:[+\-−]\d{1,2}(?::?\d{2})?)?|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+|[A-Za-z]{2,5}))?$/i;

/**
 * Reads a date (and a time, in the same cell or its own) on the incident's clock. An offset or a
 * zone written in the cell wins over the incident's zone; a time that happened twice there is
 * returned as ambiguous for the person to choose; one the clocks skipped is refused.
 */
export function readMoment(
  dateText: string,
  timeText: string | null,
  options: { timeZone: string; order: DateOrder },
): Result<MomentReading, string> {
  const whole = (timeText === null || timeText.trim() === '' ? dateText : `${dateText} ${timeText}`)
    .trim()
    .replace(/\s+/g, ' ');
  const m = MOMENT.exec(whole);
  if (!m) {
    const date = readDate(whole.split(' ')[0] ?? whole, options.order);
    return err(date.ok ? format('timeline.moment.notAMoment', { text: whole }) : date.error);
  }
  const [, dateCell = '', timeCell, zoneCell] = m;
  const date = readDate(dateCell, options.order);
  if (!date.ok) return date;
  if (timeCell === undefined)
    return err(
      format(zoneCell === undefined ? 'timeline.moment.noTime' : 'timeline.moment.notATimeOfDay', { text: whole }),
    );
  const clock = readTime(timeCell);
  if (!clock.ok) return clock;
  const { hour, minute, second } = clock.value;
  const wall = `${date.value} ${pad(hour)}:${pad(minute)}`;
  const [y, mo, d] = date.value.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, hour, minute, second);

  if (zoneCell !== undefined) {
    const zone = zoneCell.replace('−', '-');
    const offset = /^z$/i.test(zone) ? 0 : readOffset(zone);
    if (offset !== null) return ok({ kind: 'instant', at: asUtc - offset * 60_000 });
    if (zone.includes('/')) {
      if (!isZoneName(zone)) return err(format('timeline.moment.unknownZone', { zone }));
      return onClock(wall, date.value, clock.value, zone, null);
    }
    return onClock(wall, date.value, clock.value, options.timeZone, zone.toUpperCase());
  }
  return onClock(wall, date.value, clock.value, options.timeZone, null);
}

function onClock(
  wall: string,
  date: string,
  { hour, minute, second }: Clock,
  timeZone: string,
  abbreviation: string | null,
): Result<MomentReading, string> {
  const candidates = instantsAtWallClock(date, hour, minute, timeZone).map((t) => t + second * 1000);
  if (abbreviation !== null) {
    const named = candidates.filter((t) => zoneNames(t, timeZone).includes(abbreviation));
    const only = named[0];
    if (only !== undefined) return ok({ kind: 'instant', at: only });
    const offset = ABBREVIATIONS[abbreviation];
    const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    if (offset !== undefined)
      return ok({ kind: 'instant', at: Date.UTC(y, mo - 1, d, hour, minute, second) - offset * 60_000 });
    return err(format('timeline.moment.unknownAbbreviation', { zone: abbreviation }));
  }
  const [first, second2] = candidates;
  if (first === undefined) return err(format('timeline.moment.skipped', { wall, timeZone }));
  if (second2 === undefined) return ok({ kind: 'instant', at: first });
  return ok({ kind: 'ambiguous', wall, earlier: first, later: second2 });
}

/** "CDT (UTC-05:00)": the incident's clock at an instant, named (a "GMT+2" name gives way to the offset alone). */
function clockName(at: number, timeZone: string): string {
  const name = zoneNames(at, timeZone)[0] ?? '';
  const offset = `(UTC${formatWallClock(at, timeZone, 'xxx')})`;
  return name.startsWith('GMT') ? offset : `${name} ${offset}`;
}

/** "01:30 CDT (UTC-05:00)": one of the two readings of an ambiguous time, in words. */
export function describeReading(at: number, timeZone: string): string {
  return `${formatWallClock(at, timeZone, 'HH:mm')} ${clockName(at, timeZone)}`;
}

/**
 * "1 Nov 2026 01:30 CST (UTC-06:00)": an instant on the incident's clock for a preview, the
 * clock named only where that reading happened twice, so the two are told apart.
 */
export function previewWallClock(at: number, timeZone: string): string {
  const shown = formatWallClock(at, timeZone, 'd MMM yyyy HH:mm');
  const [h, m] = formatWallClock(at, timeZone, 'HH:mm').split(':').map(Number) as [number, number];
  const twice = instantsAtWallClock(formatWallClock(at, timeZone, 'yyyy-MM-dd'), h, m, timeZone).length > 1;
  return twice ? `${shown} ${clockName(at, timeZone)}` : shown;
}
