import Dexie from 'dexie';

import type { ListedEntry, TimelineFilter, TimelineOrder } from '@shared/domain/timeline/listFilter';

import type { DeskDatabase } from '../database';

/**
 * Finds the entries matching `filter`, in time order, from keys alone: never a row.
 * The order comes from the timelineOrder keys ([incidentId, occurredAt, id]), or from the
 * caller's in-memory copy of them; every other dimension gives the set of ids its index holds
 * in the time range (one bulk key read each); the result is their intersection. A
 * 100,000-entry incident is filtered without loading an entry or walking a cursor.
 */
export async function queryTimeline(
  db: DeskDatabase,
  incidentId: string,
  filter: TimelineFilter,
  textMatches: ReadonlySet<string> | null = null,
  order?: TimelineOrder,
): Promise<ListedEntry[]> {
  const lo = filter.from ?? -Infinity;
  const hi = filter.to ?? Infinity;

  const idsIn = async (index: string, values: readonly string[]): Promise<Set<string>> => {
    const lists = await Promise.all(
      values.map((v) =>
        db.timelineEntries.where(index).between([incidentId, v, lo], [incidentId, v, hi], true, true).primaryKeys(),
      ),
    );
    return new Set(lists.flat());
  };

  const [base, ...sets] = await Promise.all([
    order ?? readOrder(db, incidentId, lo, hi),
    ...(filter.categories.length > 0 ? [idsIn('[incidentId+category+occurredAt]', filter.categories)] : []),
    ...(filter.verifications.length > 0 ? [idsIn('[incidentId+verification+occurredAt]', filter.verifications)] : []),
    ...(filter.sources.length > 0 ? [idsIn('[incidentId+sourceKey+occurredAt]', filter.sources)] : []),
    // One bulk key read per tag: anyOf() would walk a cursor.
    ...(filter.tags.length > 0
      ? [
          Promise.all(filter.tags.map((t) => db.timelineEntries.where('tags').equals(t).primaryKeys())).then(
            (lists) => new Set(lists.flat()),
          ),
        ]
      : []),
  ]);
  if (textMatches) sets.push(new Set(textMatches));
  const listed: ListedEntry[] = [];
  const { times, ids } = base;
  for (let i = 0; i < ids.length; i += 1) {
    const occurredAt = times[i] ?? 0;
    const id = ids[i] ?? '';
    if (occurredAt < lo || occurredAt > hi) continue;
    if (sets.every((set) => set.has(id))) listed.push({ id, occurredAt });
  }
  return listed;
}

/** The incident's first `limit` entries in list order, for a quick first screen. */
export async function firstEntries(db: DeskDatabase, incidentId: string, limit: number): Promise<ListedEntry[]> {
  const keys = await db.timelineOrder
    .where('[incidentId+occurredAt+id]')
    .between([incidentId, -Infinity, Dexie.minKey], [incidentId, Infinity, Dexie.maxKey])
    .limit(limit)
    .primaryKeys();
  return keys.map(([, occurredAt, id]) => ({ id, occurredAt }));
}

/** The list order straight from the timelineOrder keys (the whole incident unless bounded). */
export async function readOrder(
  db: DeskDatabase,
  incidentId: string,
  lo = -Infinity,
  hi = Infinity,
): Promise<TimelineOrder> {
  const keys = await db.timelineOrder
    .where('[incidentId+occurredAt+id]')
    .between([incidentId, lo, Dexie.minKey], [incidentId, hi, Dexie.maxKey], true, true)
    .primaryKeys();
  return { times: keys.map((k) => k[1]), ids: keys.map((k) => k[2]) };
}

/** The sources used in an incident and the tags used on this desk, for the filter pickers. */
export async function facetsOf(db: DeskDatabase, incidentId: string): Promise<{ tags: string[]; sources: string[] }> {
  const [sourceKeys, tagKeys] = await Promise.all([
    db.timelineEntries
      .where('[incidentId+sourceKey]')
      .between([incidentId, ''], [incidentId, '\uffff'], false, true)
      .uniqueKeys(),
    // The tag index spans incidents; its unique keys are cheap to read, rows are never loaded.
    db.timelineEntries.orderBy('tags').uniqueKeys(),
  ]);
  return { tags: tagKeys.map(String), sources: sourceKeys.map((k) => String((k as unknown[])[1])) };
}
