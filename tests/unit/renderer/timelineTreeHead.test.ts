import { describe, expect, it } from 'vitest';

import { entriesFromRevisions } from '@shared/domain/signed/project';
import { verifiedHead } from '@shared/domain/timeline/chain';

import { makeContent } from '../../factories/timeline';
import { headOfHeld, runDesks } from '../../factories/timelineDesks';
import { freshDesk, logged } from './testDb';

const T = Date.UTC(2026, 10, 24, 14, 0);

describe('the head the next revision links to, when desks wrote apart', () => {
  it('is the head the verifier names, and the next entry goes one place above it', async () => {
    const { db, useCases } = freshDesk();
    // Two desks each logged on revision 1 apart; their revisions have met on this desk.
    const { revisions } = await runDesks(2, [
      { type: 'log', desk: 0 },
      { type: 'exchange', from: 0, to: 1 },
      { type: 'log', desk: 0 },
      { type: 'log', desk: 1 },
    ]);
    await db.timelineRevisions.bulkPut(revisions);
    await db.timelineEntries.bulkPut(entriesFromRevisions(revisions));

    const head = await useCases.timeline.head('inc_1');
    expect(head).toEqual({ chainSeq: 2, hash: headOfHeld(revisions).hash });
    // Here the smaller hash is not the last row of the place by id, which a plain index read would give.
    expect(head.hash).not.toBe(
      revisions.filter((r) => r.chainSeq === 2).sort((p, q) => (p.id < q.id ? 1 : -1))[0]?.hash,
    );
    const before = await useCases.timeline.verify('inc_1');
    expect(before.ok && verifiedHead(before)).toEqual(head);

    const [entry] = await logged(
      useCases.timeline.append('inc_1', [makeContent({ title: 'Family centre opened' })], {
        operator: 'Ingrid Berg',
        now: T,
      }),
    );
    const [next] = await useCases.timeline.history(entry!.id);
    expect(next).toMatchObject({ chainSeq: 3, prevHash: head.hash });
    const after = await useCases.timeline.verify('inc_1');
    expect(after).toMatchObject({ ok: true, revisions: 4, headSeq: 3, headHash: next!.hash });
    expect(await useCases.timeline.head('inc_1')).toEqual({ chainSeq: 3, hash: next!.hash });
  });
});
