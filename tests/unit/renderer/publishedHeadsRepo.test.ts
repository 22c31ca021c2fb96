import { describe, expect, it } from 'vitest';

import { makeContent } from '../../factories/timeline';
import { freshDesk, logged } from './testDb';
import { written } from '../../support/written';

const T = Date.UTC(2026, 10, 24, 13, 0);
const ingrid = (now = T) => ({ operator: 'Ingrid Berg', now });

describe('published chain heads', () => {
  it('are appended once per head and way, and say so when the chain is later cut short', async () => {
    const { db, useCases } = freshDesk();
    await logged(
      useCases.timeline.append(
        'inc_1',
        [makeContent({ title: 'One' }), makeContent({ title: 'Two' }), makeContent({ title: 'Three' })],
        ingrid(),
      ),
    );
    const head = await useCases.timeline.head('inc_1');
    await written(useCases.publishedHeads.append('inc_1', head, 'export', ingrid(T + 60_000)));
    expect(await written(useCases.publishedHeads.append('inc_1', head, 'export', ingrid(T + 120_000)))).toBeNull();
    await written(useCases.publishedHeads.append('inc_1', head, 'backup', ingrid(T + 180_000)));
    expect((await useCases.publishedHeads.listForIncident('inc_1')).map((h) => [h.chainSeq, h.via])).toEqual([
      [3, 'export'],
      [3, 'backup'],
    ]);
    expect(await useCases.publishedHeads.check('inc_1', 3, 'Europe/Oslo')).toBeNull();

    // Someone with the database in hand deletes the newest revision and its entry.
    const newest = await db.timelineRevisions.where('[incidentId+chainSeq]').equals(['inc_1', 3]).first();
    await db.timelineRevisions.delete(newest!.id);
    await db.timelineEntries.delete(newest!.entryId);
    const report = await useCases.timeline.verify('inc_1');
    // The chain that is left is unbroken ...
    expect(report).toMatchObject({ ok: true, revisions: 2 });
    // ... but the log of published heads knows it was longer.
    expect(await useCases.publishedHeads.check('inc_1', 2, 'Europe/Oslo')).toBe(
      'Revisions are missing since the backup written on 24 Nov 2026 14:03 (Europe/Oslo): the chain then had 3 revisions; it now ends at revision 2.',
    );
  });

  it('travel in backups, and a restore keeps the heads this desk had already published', async () => {
    const { useCases, core } = freshDesk();
    await logged(useCases.timeline.append('inc_1', [makeContent({ title: 'One' })], ingrid()));
    await written(useCases.publishedHeads.append('inc_1', await useCases.timeline.head('inc_1'), 'backup', ingrid()));
    const rows = await core.backupRows.readAll();
    expect(rows.publishedHeads).toHaveLength(1);
    await logged(useCases.timeline.append('inc_1', [makeContent({ title: 'Two' })], ingrid(T + 1000)));
    await written(
      useCases.publishedHeads.append('inc_1', await useCases.timeline.head('inc_1'), 'export', ingrid(T + 2000)),
    );
    // Restoring the older backup brings back a shorter chain; the export since is not forgotten.
    expect(await core.restore(rows, ingrid(T + 3000), 'the older backup')).toEqual({ ok: true, value: undefined });
    expect((await useCases.publishedHeads.listForIncident('inc_1')).map((h) => [h.chainSeq, h.via])).toEqual([
      [1, 'backup'],
      [2, 'export'],
    ]);
    expect(await useCases.publishedHeads.check('inc_1', 1, 'Europe/Oslo')).toContain(
      'Revisions are missing since the record exported on',
    );
  });
});
