import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import type { DeskPlatform } from '@renderer/platform/platform';
import { buildRecord } from '@shared/domain/record/buildRecord';
import { RECORD_SECTIONS } from '@shared/domain/record/profiles';
import { sealRecord } from '@shared/domain/record/recordFile';
import { verifyRecordText } from '@shared/domain/record/verifyRecord';
import { contentOf } from '@shared/domain/timeline/revisions';
import { TABLE_NAMES } from '@shared/schemas/tables';

import { actor } from '../../factories/incident';
import { makeContent, sha256 } from '../../factories/timeline';
import { freshDesk, logged, backupServiceOf } from './testDb';

type Fixture = { tables: Record<string, unknown[]> };
const T = Date.UTC(2026, 10, 24, 13, 0);

/** A desk holding what an earlier version let through: a quick entry past every limit, a long audit line. */
async function legacyDesk() {
  const fixture = JSON.parse(
    await readFile(new URL('../../fixtures/db/legacy-over-limit.json', import.meta.url), 'utf8'),
  ) as Fixture;
  const desk = freshDesk();
  await desk.db.transaction(
    'rw',
    TABLE_NAMES.map((t) => desk.db.tableByName(t)),
    async () => {
      for (const [table, rows] of Object.entries(fixture.tables)) await desk.db.table(table).bulkAdd(rows);
    },
  );
  const backup = backupServiceOf(desk, { autoBackups: null } as unknown as DeskPlatform, '0.1.0');
  return { ...desk, backup, fixture };
}

describe('a desk that already holds entries past today’s limits', () => {
  it('verifies, backs up and restores, naming the entry and keeping it exactly as recorded', async () => {
    const desk = await legacyDesk();
    expect(await desk.useCases.timeline.verify('inc_legacy')).toMatchObject({ ok: true, entries: 2, revisions: 3 });
    const text = await desk.backup.text(actor({ now: T + 500_000 }), 'Kristiansand');
    const checked = await desk.backup.check(text, 'backup.json');
    expect(checked.ok ? 'restorable' : checked.error).toBe('restorable');
    if (!checked.ok) return;
    const warnings = checked.value.warnings;
    expect(warnings.filter((w) => w.kind === 'broken-chain')).toEqual([]);
    const entry = warnings.find((w) => w.kind === 'over-limit' && w.id === 'tle_legacy_long');
    expect(entry).toMatchObject({
      kind: 'over-limit',
      table: 'timelineEntries',
      title: expect.stringMatching(/^Caller reports smoke/) as unknown,
    });
    expect(entry?.kind === 'over-limit' && entry.notes).toEqual([
      "title: 608 characters, over today's 500",
      "source: 224 characters, over today's 200",
      "tags: 31 items, over today's 30",
    ]);
    expect(
      warnings
        .filter((w) => w.kind === 'over-limit')
        .map((w) => w.id)
        .sort(),
    ).toEqual(['aud_legacy_2', 'tle_legacy_long']);

    const other = freshDesk();
    const service = backupServiceOf(other, { autoBackups: null } as unknown as DeskPlatform, '0.1.0');
    expect(await service.restore(checked.value, actor({ now: T + 600_000 }))).toEqual({ ok: true, value: undefined });
    expect(await other.db.timelineRevisions.toArray()).toEqual(desk.fixture.tables['timelineRevisions']);
    expect(await other.useCases.timeline.verify('inc_legacy')).toMatchObject({ ok: true, entries: 2 });
  });

  it('exports a record the verifier accepts, naming the entry, and that imports into another desk', async () => {
    const desk = await legacyDesk();
    const source = await desk.useCases.record.collect('inc_legacy');
    const chain = await desk.useCases.timeline.verify('inc_legacy');
    const record = await sealRecord(
      buildRecord(source!, {
        profile: 'internal',
        sections: RECORD_SECTIONS,
        withheldNames: [],
        includeContactDetails: false,
        exportedBy: 'Ingrid Berg',
        now: T + 700_000,
        appVersion: '0.1.0',
        chain,
      }),
      sha256,
    );
    const verdict = await verifyRecordText(JSON.stringify(record), sha256);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.checks.find((c) => c.name === 'limits')?.detail).toMatch(
      /^1 entry was logged by an earlier version past today's limits and is checked as recorded: “Caller reports smoke.*title: 608 characters/,
    );
    expect(await freshDesk().useCases.record.importRecord(record, actor())).toMatchObject({ ok: true });
  });

  it('still lets the entry be verified and retracted as recorded, and holds a correction to today’s limits', async () => {
    const desk = await legacyDesk();
    const entry = (await desk.useCases.timeline.get('tle_legacy_long'))!;
    expect(
      await desk.useCases.timeline.setVerification(
        entry.id,
        'disproven',
        'Police: a barbecue',
        actor({ now: T + 800_000 }),
      ),
    ).toMatchObject({ ok: true });
    const same = await desk.useCases.timeline.edit(
      entry.id,
      { ...contentOf(entry), body: 'Corrected' },
      'typo',
      actor({ now: T + 810_000 }),
    );
    expect(same.ok ? null : same.error).toEqual({
      code: 'invalid',
      problems: [
        { field: 'title', message: 'The title is 608 characters; a title takes up to 500' },
        { field: 'source', message: 'The source is 224 characters; a source takes up to 200' },
        { field: 'tags', message: '31 tags; an entry takes up to 30' },
      ],
    });
    const fixed = await desk.useCases.timeline.edit(
      entry.id,
      makeContent({ title: 'Caller reports smoke at the market hall', body: entry.title }),
      'Shortened',
      actor({ now: T + 820_000 }),
    );
    expect(fixed).toMatchObject({ ok: true, value: { title: 'Caller reports smoke at the market hall' } });
    expect(await desk.useCases.timeline.retract(entry.id, 'Duplicate', actor({ now: T + 830_000 }))).toMatchObject({
      ok: true,
    });
    expect(await desk.useCases.timeline.verify('inc_legacy')).toMatchObject({ ok: true, revisions: 6 });
  });

  it('refuses new entries past the limits, whole batch, naming the entry and what is wrong', async () => {
    const desk = await legacyDesk();
    const before = await desk.db.timelineRevisions.count();
    const batch = [
      makeContent({ title: 'Fine' }),
      makeContent({ title: 'x'.repeat(501) }),
      makeContent({ title: 'Also fine' }),
    ];
    const refused = await desk.useCases.timeline.append('inc_legacy', batch, actor());
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', index: 1 } });
    expect(!refused.ok && refused.error.code === 'invalid' && refused.error.message).toBe(
      `Entry 2 of 3 (“${'x'.repeat(60)}…”): The title is 501 characters; a title takes up to 500.`,
    );
    for (const content of [
      makeContent({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }),
      makeContent({ tags: ['a'.repeat(41)] }),
      makeContent({ source: 's'.repeat(201) }),
    ]) {
      await expect(logged(desk.useCases.timeline.append('inc_legacy', [content], actor()))).rejects.toThrow(
        /tags; an entry takes up to 30|a tag takes up to 40|a source takes up to 200/,
      );
    }
    expect(await desk.db.timelineRevisions.count()).toBe(before);
  });
});
