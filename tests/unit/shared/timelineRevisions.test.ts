import { describe, expect, it } from 'vitest';

import { revisionsAsKnownAt } from '@shared/domain/timeline/asKnownAt';
import { createChainVerifier, describeChainReport, verifyChain } from '@shared/domain/timeline/chain';
import { planEdit, planRetraction, planVerification } from '@shared/domain/timeline/revisions';

import { makeContent, makeLog, sha256 } from '../../factories/timeline';

const T = Date.UTC(2026, 10, 24, 13, 10);
const ingrid = (now: number) => ({ operator: 'Ingrid Berg', now });

async function busyLog() {
  const log = makeLog();
  await log.add('a', makeContent({ title: 'Shots reported at Markens gate' }), ingrid(T));
  await log.add('b', makeContent({ title: 'Road closed', category: 'action' }), ingrid(T + 60_000));
  await log.edit(
    'a',
    makeContent({ title: 'Shots reported near Markens gate' }),
    { operator: 'Ola', now: T + 120_000 },
    'Location corrected',
  );
  await log.verify('a', 'confirmed', ingrid(T + 180_000));
  await log.retract('b', 'Duplicate of an earlier entry', ingrid(T + 240_000));
  return log;
}

describe('corrections never overwrite', () => {
  it('keeps every revision with who and when, and shows the newest', async () => {
    const log = await busyLog();
    const a = log.entries.get('a')!;
    expect(a.title).toBe('Shots reported near Markens gate');
    expect(a.revisionCount).toBe(3);
    expect(a.recordedBy).toBe('Ingrid Berg');
    expect(a.verification).toBe('confirmed');
    expect(a.verificationChangedAt).toBe(T + 180_000);
    const history = log.revisions.filter((r) => r.entryId === 'a');
    expect(history.map((r) => [r.kind, r.operator, r.content.title, r.reason])).toEqual([
      ['create', 'Ingrid Berg', 'Shots reported at Markens gate', null],
      ['edit', 'Ola', 'Shots reported near Markens gate', 'Location corrected'],
      ['verify', 'Ingrid Berg', 'Shots reported near Markens gate', null],
    ]);
  });

  it('retracts instead of deleting, with the reason, and refuses later changes', async () => {
    const log = await busyLog();
    const b = log.entries.get('b')!;
    expect(b).toMatchObject({
      retracted: true,
      retractionReason: 'Duplicate of an earlier entry',
      title: 'Road closed',
    });
    expect(planEdit(b, makeContent(), null)).toEqual({ ok: false, error: { code: 'retracted', entryId: 'b' } });
    expect(planRetraction(b, 'again')).toEqual({ ok: false, error: { code: 'already-retracted', entryId: 'b' } });
  });

  it('refuses a retraction without a reason and an edit that changes nothing', async () => {
    const log = makeLog();
    await log.add('a', makeContent(), ingrid(T));
    const a = log.entries.get('a')!;
    expect(planRetraction(a, '   ')).toEqual({ ok: false, error: { code: 'reason-required' } });
    expect(planEdit(a, makeContent(), 'nothing')).toEqual({ ok: false, error: { code: 'no-change' } });
    expect(planVerification(a, 'unverified', null)).toEqual({ ok: false, error: { code: 'no-change' } });
  });
});

describe('hash chain', () => {
  it('links every revision to the one before, in recording order', async () => {
    const log = await busyLog();
    expect(log.revisions.map((r) => r.chainSeq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < log.revisions.length; i += 1)
      expect(log.revisions[i]!.prevHash).toBe(log.revisions[i - 1]!.hash);
    const report = await verifyChain('inc_1', log.revisions, [...log.entries.values()], sha256);
    expect(report).toEqual({ ok: true, revisions: 5, entries: 2, headHash: log.head().hash });
    expect(describeChainReport(report)).toContain(`Head hash ${log.head().hash}`);
  });

  it('reports the first revision whose content was altered afterwards', async () => {
    const log = await busyLog();
    const tampered = log.revisions.map((r) =>
      r.chainSeq === 3 ? { ...r, content: { ...r.content, title: 'Nothing happened' } } : r,
    );
    const report = await verifyChain('inc_1', tampered, [...log.entries.values()], sha256);
    expect(report).toMatchObject({
      ok: false,
      revisions: 2,
      firstBreak: { chainSeq: 3, entryId: 'a', problem: 'hash-mismatch' },
    });
    expect(describeChainReport(report, () => 'Shots reported')).toContain(
      'revision 3 of the chain (entry “Shots reported”)',
    );
  });

  it('reports a removed revision', async () => {
    const log = await busyLog();
    const report = await verifyChain(
      'inc_1',
      log.revisions.filter((r) => r.chainSeq !== 2),
      [...log.entries.values()],
      sha256,
    );
    expect(report).toMatchObject({ ok: false, firstBreak: { chainSeq: 2, problem: 'sequence-gap' } });
  });

  it('reports a revision re-hashed after editing (the link to the next breaks)', async () => {
    const log = await busyLog();
    const { revisionHashInput } = await import('@shared/domain/timeline/revisions');
    const tampered = await Promise.all(
      log.revisions.map(async (r) => {
        if (r.chainSeq !== 2) return r;
        const edited = { ...r, content: { ...r.content, title: 'Road open' } };
        return { ...edited, hash: await sha256(revisionHashInput(edited)) };
      }),
    );
    const report = await verifyChain('inc_1', tampered, [...log.entries.values()], sha256);
    expect(report).toMatchObject({ ok: false, firstBreak: { chainSeq: 3, problem: 'broken-link' } });
  });

  it('reports the first problem in chain order, whichever check finds it, across hashing windows', async () => {
    const log = makeLog();
    for (let i = 0; i < 2600; i += 1)
      await log.add(`e${i}`, makeContent({ title: `Entry ${i}` }), ingrid(T + i * 1000));
    const { revisionHashInput } = await import('@shared/domain/timeline/revisions');
    const entries = [...log.entries.values()];
    // Altered text at 2,300 (a hash problem); at 2,450 a revision re-hashed, so its successor's link breaks.
    const altered = log.revisions.map((r) =>
      r.chainSeq === 2300 ? { ...r, content: { ...r.content, title: 'Nothing' } } : r,
    );
    const relinked = await Promise.all(
      altered.map(async (r) => {
        if (r.chainSeq !== 2450) return r;
        const edited = { ...r, content: { ...r.content, title: 'Rewritten' } };
        return { ...edited, hash: await sha256(revisionHashInput(edited)) };
      }),
    );
    expect(await verifyChain('inc_1', relinked, entries, sha256)).toMatchObject({
      ok: false,
      revisions: 2299,
      firstBreak: { chainSeq: 2300, problem: 'hash-mismatch' },
    });
    const onlyLink = relinked.map((r) => (r.chainSeq === 2300 ? log.revisions[2299]! : r));
    expect(await verifyChain('inc_1', onlyLink, entries, sha256)).toMatchObject({
      ok: false,
      revisions: 2450,
      firstBreak: { chainSeq: 2451, problem: 'broken-link' },
    });
    // Fed in pages that do not match the hashing windows, the answer is the same.
    const verifier = createChainVerifier('inc_1', sha256);
    for (let from = 0; from < relinked.length; from += 777)
      if (!(await verifier.push(relinked.slice(from, from + 777)))) break;
    expect(verifier.finish(entries)).toMatchObject({
      ok: false,
      firstBreak: { chainSeq: 2300, problem: 'hash-mismatch' },
    });
    expect(await verifyChain('inc_1', log.revisions, entries, sha256)).toMatchObject({
      ok: true,
      revisions: 2600,
      entries: 2600,
    });
  });

  it('reports an entry row altered behind the desk while its revisions are intact', async () => {
    const log = await busyLog();
    const entries = [...log.entries.values()].map((e) =>
      e.id === 'a' ? { ...e, verification: 'disproven' as const } : e,
    );
    const report = await verifyChain('inc_1', log.revisions, entries, sha256);
    expect(report).toMatchObject({ ok: false, firstBreak: { entryId: 'a', problem: 'entry-differs' } });
    expect(describeChainReport(report)).toContain('altered outside the desk');
  });
});

describe('as known at', () => {
  it('shows only what was recorded by then, with the corrections made by then', async () => {
    const log = await busyLog();
    const atStart = revisionsAsKnownAt(log.revisions, T + 30_000);
    expect(atStart.map((r) => r.content.title)).toEqual(['Shots reported at Markens gate']);
    const beforeCorrection = revisionsAsKnownAt(log.revisions, T + 119_999);
    expect(beforeCorrection.map((r) => [r.entryId, r.content.title])).toEqual([
      ['a', 'Shots reported at Markens gate'],
      ['b', 'Road closed'],
    ]);
    const later = revisionsAsKnownAt(log.revisions, T + 200_000);
    expect(later.find((r) => r.entryId === 'a')?.content).toMatchObject({
      title: 'Shots reported near Markens gate',
      verification: 'confirmed',
    });
    expect(later.find((r) => r.entryId === 'b')?.content.retracted).toBe(false);
    expect(revisionsAsKnownAt(log.revisions, T - 1)).toEqual([]);
  });
});
