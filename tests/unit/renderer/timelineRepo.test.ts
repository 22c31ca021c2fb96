import { describe, expect, it } from 'vitest';

import { DeskDatabase } from '@renderer/db/database';
import { createDeskCore } from '@renderer/desk/core';
import { createTimelineRepo } from '@renderer/db/repos/timelineRepo';
import { queryTimeline, readOrder } from '@renderer/db/repos/timelineQuery';
import { EMPTY_FILTER } from '@shared/domain/timeline/listFilter';
import { createTimelineOrderCache } from '@renderer/desk/timeline/orderCache';
import { describeChainReport } from '@shared/domain/timeline/chain';

import { makeContent, sha256 } from '../../factories/timeline';
import { freshDesk, logged } from './testDb';

const T = Date.UTC(2026, 10, 24, 13, 0);
const ingrid = (now = T) => ({ operator: 'Ingrid Berg', now });

async function deskWithLog() {
  const desk = freshDesk();
  const [a, b, c] = await logged(
    desk.useCases.timeline.append(
      'inc_1',
      [
        makeContent({
          title: 'Shots reported',
          occurredAt: T + 60_000,
          category: 'event',
          tags: ['scene'],
          source: 'Police',
        }),
        makeContent({
          title: 'Crisis team activated',
          occurredAt: T + 120_000,
          category: 'decision',
          tags: ['crisis'],
          source: '',
        }),
        makeContent({
          title: 'Rumour of a second attacker',
          occurredAt: T + 30_000,
          category: 'rumour',
          tags: ['station', 'scene'],
          source: 'Social media',
        }),
      ],
      ingrid(),
    ),
  );
  await logged(
    desk.useCases.timeline.append('inc_2', [makeContent({ title: 'Other incident', tags: ['scene'] })], ingrid()),
  );
  return { ...desk, a: a!, b: b!, c: c! };
}

describe('timeline repository', () => {
  it('lists an incident in time order from the indexes, filtered by every dimension', async () => {
    const { db, a, b, c } = await deskWithLog();
    const ids = async (f: Partial<typeof EMPTY_FILTER>) =>
      (await queryTimeline(db, 'inc_1', { ...EMPTY_FILTER, ...f })).map((e) => e.id);
    expect(await ids({})).toEqual([c.id, a.id, b.id]);
    expect(await ids({ categories: ['event', 'decision'] })).toEqual([a.id, b.id]);
    expect(await ids({ tags: ['scene'] })).toEqual([c.id, a.id]);
    expect(await ids({ tags: ['scene'], categories: ['rumour'] })).toEqual([c.id]);
    expect(await ids({ sources: ['police'] })).toEqual([a.id]);
    expect(await ids({ from: T + 45_000, to: T + 90_000 })).toEqual([a.id]);
    expect(await ids({ verifications: ['confirmed'] })).toEqual([]);
  });

  it('moves a corrected entry to its new place in the list, once', async () => {
    const { db, useCases, a, b, c } = await deskWithLog();
    await useCases.timeline.edit(
      a.id,
      { ...makeContent({ title: a.title, tags: a.tags, source: a.source }), occurredAt: T + 600_000 },
      'Time corrected',
      ingrid(T + 5000),
    );
    expect((await queryTimeline(db, 'inc_1', EMPTY_FILTER)).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(await db.timelineOrder.count()).toBe(4);
  });

  it('keeps corrections as revisions and verifies the chain in the database', async () => {
    const { useCases, a } = await deskWithLog();
    const edited = await useCases.timeline.edit(
      a.id,
      { ...makeContent({ title: 'Shots reported near the square' }), occurredAt: a.occurredAt },
      'More precise',
      ingrid(T + 5000),
    );
    expect(edited.ok && edited.value.revisionCount).toBe(2);
    await useCases.timeline.setVerification(a.id, 'confirmed', null, ingrid(T + 6000));
    await useCases.timeline.retract(a.id, 'Wrong incident', ingrid(T + 7000));
    expect((await useCases.timeline.history(a.id)).map((r) => r.kind)).toEqual(['create', 'edit', 'verify', 'retract']);
    const report = await useCases.timeline.verify('inc_1');
    expect(report).toMatchObject({ ok: true, revisions: 6, entries: 3 });
    expect(await useCases.timeline.verify('inc_2')).toMatchObject({ ok: true, revisions: 1 });
  });

  it('reports an entry altered behind the desk’s back', async () => {
    const { db, useCases, b } = await deskWithLog();
    await db.timelineEntries.update(b.id, { title: 'Crisis team NOT activated' });
    const report = await useCases.timeline.verify('inc_1');
    expect(report).toMatchObject({ ok: false, firstBreak: { entryId: b.id, problem: 'entry-differs' } });
    expect(describeChainReport(report, () => 'Crisis team activated')).toContain('entry “Crisis team activated”');
  });

  it('reports a revision altered behind the desk’s back, at its place in the chain', async () => {
    const { db, useCases, b } = await deskWithLog();
    const [revision] = await useCases.timeline.history(b.id);
    await db.timelineRevisions.update(revision!.id, { operator: 'Someone else' });
    expect(await useCases.timeline.verify('inc_1')).toMatchObject({
      ok: false,
      firstBreak: { chainSeq: 2, entryId: b.id, problem: 'hash-mismatch' },
    });
  });

  it('reports a revision deleted behind the desk’s back', async () => {
    const { db, useCases, a } = await deskWithLog();
    const [revision] = await useCases.timeline.history(a.id);
    await db.timelineRevisions.delete(revision!.id);
    expect(await useCases.timeline.verify('inc_1')).toMatchObject({
      ok: false,
      firstBreak: { chainSeq: 1, problem: 'sequence-gap' },
    });
  });

  it('chains writes that arrive at the same moment without forking', async () => {
    const { useCases } = freshDesk();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        logged(useCases.timeline.append('inc_9', [makeContent({ title: `Line ${i}` })], ingrid(T + i))),
      ),
    );
    expect(await useCases.timeline.verify('inc_9')).toMatchObject({ ok: true, revisions: 20, entries: 20 });
  });
});

describe('importing many entries', () => {
  function deskWithFallingIds() {
    const db = new DeskDatabase(`test-desk-falling-${Date.now()}`);
    let left = 1_000_000;
    // Random ids fall as often as they rise: these always fall, the worst case for the order.
    return { db, ...createDeskCore({ db, gen: () => String((left -= 1)).padStart(7, '0'), sha256 }) };
  }

  it('lists entries with the same time in the order they were given (a file’s rows keep their order)', async () => {
    const { db, useCases, feed } = deskWithFallingIds();
    const titles = ['Police confirm road closures', 'Ambulances at the scene', 'Mayor informed', 'Hotline opened'];
    await logged(
      useCases.timeline.append(
        'inc_1',
        titles.map((title) => makeContent({ title, occurredAt: T })),
        ingrid(),
      ),
    );
    const order = await createTimelineOrderCache({
      store: useCases.timeline,
      readOrder: (id) => readOrder(db, id),
      feed,
    }).get('inc_1');
    const listed = await useCases.timeline.getMany(order.ids);
    expect(listed.map((e) => e?.title)).toEqual(titles);
  });

  it('writes nothing when stopped while sealing, or while writing, and reports its progress when let run', async () => {
    const { useCases } = freshDesk();
    const contents = Array.from({ length: 4500 }, (_, i) => makeContent({ title: `Row ${i + 2}` }));
    for (const [step, at] of [
      ['sealing', 500],
      ['writing', 2000],
    ] as const) {
      const stop = new AbortController();
      const stopped = await useCases.timeline.append('inc_1', contents, ingrid(), {
        signal: stop.signal,
        onProgress: (s, done) => {
          if (s === step && done >= at) stop.abort();
        },
      });
      expect(stopped).toEqual({ ok: false, error: { code: 'stopped' } });
      expect(await useCases.timeline.count('inc_1')).toBe(0);
      expect((await useCases.timeline.head('inc_1')).chainSeq).toBe(0);
    }

    const seen: string[] = [];
    await logged(
      useCases.timeline.append('inc_1', contents, ingrid(), {
        onProgress: (s, done, total) => seen.push(`${s} ${done}/${total}`),
      }),
    );
    expect(seen).toEqual([
      ...[0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000].map((n) => `sealing ${n}/4500`),
      'writing 0/4500',
      'writing 2000/4500',
      'writing 4000/4500',
    ]);
    expect(await useCases.timeline.count('inc_1')).toBe(4500);
    expect(await useCases.timeline.verify('inc_1')).toMatchObject({ ok: true, revisions: 4500, entries: 4500 });
  });
});

describe('timeline order cache', () => {
  it('picks up new entries and corrected times without reloading', async () => {
    const { db, useCases, feed, a, b, c } = await deskWithLog();
    const cache = createTimelineOrderCache({ store: useCases.timeline, readOrder: (id) => readOrder(db, id), feed });
    expect((await cache.get('inc_1')).ids).toEqual([c.id, a.id, b.id]);
    const [d] = await logged(
      useCases.timeline.append('inc_1', [makeContent({ title: 'Earliest', occurredAt: T })], ingrid(T + 9000)),
    );
    await useCases.timeline.edit(
      c.id,
      {
        ...makeContent({ title: c.title, tags: c.tags, source: c.source, category: c.category }),
        occurredAt: T + 900_000,
      },
      null,
      ingrid(T + 9500),
    );
    const order = await cache.get('inc_1');
    expect(order.ids).toEqual([d!.id, a.id, b.id, c.id]);
    expect(order.times).toEqual([T, a.occurredAt, b.occurredAt, T + 900_000]);
    expect(
      (await queryTimeline(db, 'inc_1', { ...EMPTY_FILTER, tags: ['scene'] }, null, order)).map((e) => e.id),
    ).toEqual([a.id, c.id]);
  });
});

describe('reading an incident page by page', () => {
  it('visits every entry once, in time order, when many share one time across the pages', async () => {
    const { db, useCases } = freshDesk();
    const times = [...Array.from({ length: 10 }, () => T), T + 3000, T + 1000, T + 2000, T + 2000, T - 1000];
    const entries = await logged(
      useCases.timeline.append(
        'inc_1',
        times.map((occurredAt, i) => makeContent({ title: `Entry ${i}`, occurredAt })),
        ingrid(),
      ),
    );
    await logged(useCases.timeline.append('inc_2', [makeContent({ occurredAt: T })], ingrid()));
    const repo = createTimelineRepo(db, sha256, { pageSize: 3 });

    const pages: string[][] = [];
    await repo.forEachPage('inc_1', (page) => void pages.push(page.map((e) => e.id)));

    const expected = [...entries]
      .sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : 1))
      .map((e) => e.id);
    expect(pages.flat()).toEqual(expected);
    expect(pages.length).toBeGreaterThan(4);
    expect(pages.every((p) => p.length > 0)).toBe(true);
  });
});
