import type { TimelineCategory, Verification } from '@shared/schemas/timeline';

import type { DeskDatabase } from '../database';

/** What the timeline view is narrowed to. Empty lists mean "any". */
export type TimelineFilter = {
  categories: TimelineCategory[];
  verifications: Verification[];
  tags: string[];
  /** Lower-cased sources. */
  sources: string[];
  from: number | null;
  to: number | null;
};

export const EMPTY_FILTER: TimelineFilter = { categories: [], verifications: [], tags: [], sources: [], from: null, to: null };

/** One row of the list: enough to place it (day, order) without loading the entry. */
export type ListedEntry = { id: string; occurredAt: number };

const byTime = (a: ListedEntry, b: ListedEntry) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Finds the entries matching `filter`, in time order, from the indexes alone: keys, never rows.
 * One dimension (with the time range) gives the ordered base list from its compound index;
 * every other dimension gives a set of ids from its own index; the result is their intersection.
 * A 100,000-entry incident is filtered without loading a single entry.
 */
export async function queryTimeline(
  db: DeskDatabase,
  incidentId: string,
  filter: TimelineFilter,
  textMatches: ReadonlySet<string> | null = null,
): Promise<ListedEntry[]> {
  const lo = filter.from ?? -Infinity;
  const hi = filter.to ?? Infinity;

  const fromCompound = async (index: string, values: readonly string[]): Promise<ListedEntry[]> => {
    const lists = await Promise.all(
      values.map(async (v) => {
        const range = db.timelineEntries.where(index).between([incidentId, v, lo], [incidentId, v, hi], true, true);
        const [keys, ids] = await Promise.all([range.keys(), range.primaryKeys()]);
        return ids.map((id, i) => ({ id, occurredAt: Number((keys[i] as unknown[])[2]) }));
      }),
    );
    const merged = lists.flat();
    return lists.length > 1 ? merged.sort(byTime) : merged;
  };
  const idsFromCompound = async (index: string, values: readonly string[]): Promise<Set<string>> =>
    new Set((await fromCompound(index, values)).map((e) => e.id));

  const dims: { index: string; values: readonly string[] }[] = [
    { index: '[incidentId+category+occurredAt]', values: filter.categories },
    { index: '[incidentId+verification+occurredAt]', values: filter.verifications },
    { index: '[incidentId+sourceKey+occurredAt]', values: filter.sources },
  ].filter((d) => d.values.length > 0);

  const [baseDim, ...otherDims] = dims;
  let base: ListedEntry[];
  if (baseDim) {
    base = await fromCompound(baseDim.index, baseDim.values);
  } else {
    const range = db.timelineEntries.where('[incidentId+occurredAt]').between([incidentId, lo], [incidentId, hi], true, true);
    const [keys, ids] = await Promise.all([range.keys(), range.primaryKeys()]);
    base = ids.map((id, i) => ({ id, occurredAt: Number((keys[i] as unknown[])[1]) }));
  }

  const sets: ReadonlySet<string>[] = await Promise.all(otherDims.map((d) => idsFromCompound(d.index, d.values)));
  if (filter.tags.length > 0) sets.push(new Set(await db.timelineEntries.where('tags').anyOf(filter.tags).primaryKeys()));
  if (textMatches) sets.push(textMatches);
  if (sets.length === 0) return base;
  return base.filter((e) => sets.every((s) => s.has(e.id)));
}

/** The sources used in an incident and the tags used on this desk, for the filter pickers. */
export async function facetsOf(db: DeskDatabase, incidentId: string): Promise<{ tags: string[]; sources: string[] }> {
  const sourceKeys = await db.timelineEntries
    .where('[incidentId+sourceKey+occurredAt]')
    .between([incidentId, '', -Infinity], [incidentId, '\uffff', Infinity])
    .keys();
  const sources = [...new Set(sourceKeys.map((k) => String((k as unknown[])[1])).filter((s) => s !== ''))].sort();
  // The tag index spans incidents; its unique keys are cheap to read, rows are never loaded.
  const tags = (await db.timelineEntries.orderBy('tags').uniqueKeys()).map(String);
  return { tags, sources };
}
