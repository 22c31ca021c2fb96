import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import Papa from 'papaparse';

import type { TimelineEntry } from '../../schemas/timeline';

/** FORMAT: the columns of a timeline CSV export, in order. Timestamps are ISO 8601 with the zone's offset. */
export const CSV_COLUMNS = [
  'occurred_at', 'occurred_local', 'time_zone', 'precision', 'reported_at', 'recorded_at', 'recorded_by', 'category', 'title', 'body',
  'source', 'verification', 'tags', 'release', 'on_behalf_of', 'transcribed', 'retracted', 'retraction_reason', 'revisions', 'entry_id',
] as const;

const iso = (at: number | null, timeZone: string) => (at === null ? '' : format(new TZDate(at, timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX"));

/** RFC 4180 CSV (CRLF line ends, quoted where needed), UTF-8 with a byte-order mark so spreadsheets read accents. */
export function timelineToCsv(entries: readonly TimelineEntry[], timeZone: string): string {
  const rows = entries.map((e) => [
    iso(e.occurredAt, timeZone), format(new TZDate(e.occurredAt, timeZone), 'yyyy-MM-dd HH:mm'), timeZone, e.occurredPrecision, iso(e.reportedAt, timeZone),
    iso(e.recordedAt, timeZone), e.recordedBy, e.category, e.title, e.body, e.source, e.verification, e.tags.join(' '), e.release,
    e.onBehalfOf ?? '', e.transcribed ? 'yes' : 'no', e.retracted ? 'yes' : 'no', e.retractionReason ?? '', String(e.revisionCount), e.id,
  ]);
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}
