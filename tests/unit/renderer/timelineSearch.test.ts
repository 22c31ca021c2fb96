import { describe, expect, it, vi } from 'vitest';

import { createSearchCache } from '@renderer/db/searchCache';
import { createTimelineSearch, type IndexProgress } from '@renderer/desk/timeline/search/searchIndex';
import { createSearchEngine } from '@renderer/desk/timeline/search/searchEngine';

import { makeContent } from '../../factories/timeline';
import { freshDesk, logged } from './testDb';

const T = Date.UTC(2026, 10, 24, 13, 0);
const ingrid = { operator: 'Ingrid Berg', now: T };

describe('timeline search', () => {
  it('indexes an incident ahead of its first search, saying how far it has got', async () => {
    const { useCases } = freshDesk();
    await logged(
      useCases.timeline.append(
        'inc_1',
        Array.from({ length: 12 }, (_, i) => makeContent({ title: `Entry ${i}`, occurredAt: T + i })),
        ingrid,
      ),
    );
    const search = createTimelineSearch(useCases.timeline, { useWorker: false });
    const seen: IndexProgress[] = [];
    search.subscribe(() => {
      const p = search.progress('inc_1');
      if (p) seen.push(p);
    });
    search.prepare('inc_1');
    await expect.poll(() => search.progress('inc_1')?.ready).toBe(true);
    expect(seen[0]).toEqual({ indexed: 0, total: 0, ready: false });
    expect(seen).toContainEqual({ indexed: 0, total: 12, ready: false });
    expect(seen.at(-1)).toEqual({ indexed: 12, total: 12, ready: true });
    expect((await search.search('inc_1', 'entry 7')).ids.size).toBe(1);
  });

  it('keeps up with entries logged and corrected after the index was built', async () => {
    const { useCases } = freshDesk();
    const [first] = await logged(
      useCases.timeline.append('inc_1', [makeContent({ title: 'Hospital reports 12 injured' })], ingrid),
    );
    const search = createTimelineSearch(useCases.timeline, { useWorker: false });
    expect((await search.search('inc_1', 'hospital')).ids).toEqual(new Set([first?.id]));
    await useCases.timeline.edit(
      first?.id ?? '',
      makeContent({ title: 'Clinic reports 14 injured' }),
      'New figures',
      ingrid,
    );
    const [later] = await logged(
      useCases.timeline.append('inc_1', [makeContent({ title: 'Hospital asks for blood donors' })], ingrid),
    );
    expect((await search.search('inc_1', 'hospital')).ids).toEqual(new Set([later?.id]));
    expect((await search.search('inc_1', 'clinic 14')).ids).toEqual(new Set([first?.id]));
  });

  it('reads the incident again, rather than entry by entry, when thousands of entries arrived at once', async () => {
    const { useCases } = freshDesk();
    await logged(useCases.timeline.append('inc_1', [makeContent({ title: 'Vigil planned' })], ingrid));
    const engine = createSearchEngine(useCases.timeline, () => undefined, null, { rereadAfter: 3 });
    expect((await engine.search('inc_1', 'vigil')).ids.size).toBe(1);

    const reads = vi.spyOn(useCases.timeline, 'forEachPage');
    const fetches = vi.spyOn(useCases.timeline, 'getMany');
    // An import of more entries than the engine fetches one by one.
    await logged(
      useCases.timeline.append(
        'inc_1',
        Array.from({ length: 5 }, (_, i) => makeContent({ title: `Vigil moved ${i}` })),
        ingrid,
      ),
    );
    expect((await engine.search('inc_1', 'vigil')).ids.size).toBe(6);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(fetches).not.toHaveBeenCalled();

    // One more entry afterwards is fetched by its id, as before.
    await logged(useCases.timeline.append('inc_1', [makeContent({ title: 'Vigil ends' })], ingrid));
    expect((await engine.search('inc_1', 'vigil')).ids.size).toBe(7);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(fetches).toHaveBeenCalledTimes(1);
  });

  it('starts again from the database after a reset (a restore replaced it)', async () => {
    const { useCases } = freshDesk();
    await logged(useCases.timeline.append('inc_1', [makeContent({ title: 'Vigil planned' })], ingrid));
    const search = createTimelineSearch(useCases.timeline, { useWorker: false });
    await search.search('inc_1', 'vigil');
    search.reset();
    expect(search.progress('inc_1')).toBeUndefined();
    expect((await search.search('inc_1', 'vigil')).ids.size).toBe(1);
  });
});

describe('the search index kept between sessions', () => {
  it('starts the next session from the kept copy, then catches up with the chain', async () => {
    const { useCases } = freshDesk();
    const cache = createSearchCache(`search-kept-${Date.now()}`);
    await logged(
      useCases.timeline.append(
        'inc_1',
        [makeContent({ title: 'Vigil at the town hall' }), makeContent({ title: 'Road closed' })],
        ingrid,
      ),
    );
    const first = createTimelineSearch(useCases.timeline, { useWorker: false, cache });
    await first.search('inc_1', 'vigil');
    await expect.poll(async () => (await cache.load('inc_1'))?.ids.length).toBe(2);

    const [later] = await logged(
      useCases.timeline.append('inc_1', [makeContent({ title: 'Vigil moved indoors' })], ingrid),
    );
    const reads = vi.spyOn(useCases.timeline, 'forEachPage');
    const next = createTimelineSearch(useCases.timeline, { useWorker: false, cache });
    const found = await next.search('inc_1', 'vigil');
    expect(reads).not.toHaveBeenCalled();
    expect(found.ids.size).toBe(2);
    expect(found.ids.has(later?.id ?? '')).toBe(true);
  });

  it('ignores a kept copy the chain no longer holds (the desk was restored from a backup)', async () => {
    const { useCases } = freshDesk();
    const cache = createSearchCache(`search-stale-${Date.now()}`);
    await logged(useCases.timeline.append('inc_1', [makeContent({ title: 'Vigil at the town hall' })], ingrid));
    const head = await useCases.timeline.head('inc_1');
    await cache.save(
      'inc_1',
      { syncedSeq: head.chainSeq, headHash: 'f'.repeat(64), ids: ['tle_gone'], texts: ['something else entirely'] },
      'all',
    );
    const search = createTimelineSearch(useCases.timeline, { useWorker: false, cache });
    expect((await search.search('inc_1', 'vigil')).ids.size).toBe(1);
    expect((await search.search('inc_1', 'something')).ids.size).toBe(0);
  });
});
