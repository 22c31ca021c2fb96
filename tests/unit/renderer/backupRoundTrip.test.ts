import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { DeskPlatform } from '@renderer/platform/platform';
import { canonicalJson } from '@shared/domain/integrity/canonical';
import { err, ok } from '@shared/domain/result';
import { TABLE_NAMES, type TableRows } from '@shared/schemas/tables';

import { T0, actor, makeDraft } from '../../factories/incident';
import { makeContact } from '../../factories/contacts';
import { validateIncidentDraft } from '@shared/domain/incident/commands';
import { backupServiceOf, freshDesk, logged, setUpDesk } from './testDb';
import { makeContent } from '../../factories/timeline';
import { queryTimeline } from '@renderer/db/repos/timelineQuery';
import { EMPTY_FILTER } from '@shared/domain/timeline/listFilter';
import { written } from '../../support/written';

const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text).digest('hex'));

/** A platform whose save dialog keeps the file in memory. */
function memoryPlatform() {
  const saved: { name: string; content: string }[] = [];
  const platform: DeskPlatform = {
    edition: 'browser',
    appInfo: () =>
      Promise.resolve(
        ok({ name: 'Response Desk', version: 'test', dataDir: 'memory', freeDiskBytes: null, platform: 'test' }),
      ),
    saveFile: (req) => {
      saved.push({ name: req.suggestedName, content: req.content });
      return Promise.resolve(ok({ savedTo: req.suggestedName }));
    },
    openFile: () => Promise.resolve(ok(null)),
    openTextFile: () => Promise.resolve(ok(null)),
    autoBackups: null,
    passphrases: null,
    team: null,
    savePdf: null,
    savePackage: () => Promise.resolve(ok({ savedTo: null })),
  };
  return { platform, saved };
}

async function populatedDesk() {
  const desk = await setUpDesk();
  const fields = validateIncidentDraft(makeDraft());
  if (!fields.ok) throw new Error('draft');
  const incident = await written(desk.useCases.incidents.create(fields.value, actor({ now: T0 + 1000 })));
  await desk.useCases.incidents.close(incident.id, actor({ now: T0 + 2000 }));
  await desk.db.contacts.add(makeContact({ id: 'con_1', name: 'Imam Y. Rahman' }));
  await logged(
    desk.useCases.timeline.append(
      incident.id,
      [makeContent({ title: 'Shots reported' }), makeContent({ title: 'Road closed', occurredAt: T0 + 60_000 })],
      actor({ now: T0 + 3000 }),
    ),
  );
  return desk;
}

const snapshot = async (desk: ReturnType<typeof freshDesk>): Promise<TableRows> => desk.core.backupRows.readAll();

describe('backup and restore', () => {
  it('restores into an empty desk everything that was saved, exactly', async () => {
    const source = await populatedDesk();
    const { platform, saved } = memoryPlatform();
    const service = backupServiceOf(source, platform, '0.1.0');
    const result = await service.save(actor({ now: T0 + 5000 }), 'Kristiansand');
    expect(result.ok && result.value?.path).toMatch(/^response-desk-backup-kristiansand-.*\.json$/);

    const target = freshDesk();
    const targetService = backupServiceOf(target, platform, '0.1.0');
    const pending = await targetService.check(saved[0]!.content, saved[0]!.name);
    expect(pending.ok ? 'checked' : pending.error).toBe('checked');
    if (!pending.ok) return;
    expect(pending.value.counts['incidents']).toBe(1);
    expect((await targetService.restore(pending.value, actor({ operator: 'Ola', now: T0 + 9000 }))).ok).toBe(true);

    const before = await snapshot(source);
    const after = await snapshot(target);
    for (const table of TABLE_NAMES) {
      if (table === 'auditLog') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    // The derived list order is rebuilt: the restored timeline lists, in order, and verifies.
    const incidentId = after.incidents[0]!.id;
    expect((await queryTimeline(target.db, incidentId, EMPTY_FILTER)).map((e) => e.id)).toEqual(
      (await queryTimeline(source.db, incidentId, EMPTY_FILTER)).map((e) => e.id),
    );
    expect(await target.useCases.timeline.verify(incidentId)).toMatchObject({ ok: true, entries: 2 });
    // The audit log is the original one plus a line recording the restore itself.
    expect(after.auditLog).toEqual(expect.arrayContaining(before.auditLog));
    expect(after.auditLog.filter((e) => !before.auditLog.some((b) => b.id === e.id))).toMatchObject([
      { action: 'restore', operator: 'Ola', entityType: 'database' },
    ]);
    // Nothing searched yet: the restored incident's search index is built in the background, and
    // finds what was restored.
    await expect.poll(() => target.timelineSearch.progress(incidentId)).toEqual({ indexed: 2, total: 2, ready: true });
    expect((await target.timelineSearch.search(incidentId, 'road')).ids.size).toBe(1);
  });

  it.each([
    ['not JSON', (t: string) => t.slice(0, -10)],
    ['another JSON file', () => '{"name":"package.json"}'],
    ['from a newer desk', (t: string) => t.replace(/"schemaVersion":\d+/, '"schemaVersion":99')],
    ['with an altered record', (t: string) => t.replace('Road closed', 'Road open')],
    ['missing a field', (t: string) => t.replace('"createdBy"', '"createdByX"')],
  ])('refuses a backup %s and leaves the desk exactly as it was', async (_label, damage) => {
    const source = await populatedDesk();
    const { platform, saved } = memoryPlatform();
    await backupServiceOf(source, platform, '0.1.0').save(actor(), 'Kristiansand');

    const target = await populatedDesk();
    await target.db.incidents.update((await target.db.incidents.toArray())[0]!.id, { title: 'Local change' });
    const before = await snapshot(target);
    const service = backupServiceOf(target, platform, '0.1.0');
    const checked = await service.check(damage(saved[0]!.content), 'damaged.json');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toContain('Nothing was restored');
    expect(await snapshot(target)).toEqual(before);
  });

  it('keeps a saved backup saved when its chain heads could not be logged, and says why', async () => {
    const source = await populatedDesk();
    const { platform, saved } = memoryPlatform();
    const refusal = { code: 'refused' as const, message: 'The log of published heads is being changed elsewhere.' };
    const service = backupServiceOf(source, platform, '0.1.0', {
      publishedHeads: { appendAll: () => Promise.resolve(err(refusal)) },
    });
    const result = await service.save(actor({ now: T0 + 5000 }), 'Kristiansand');
    expect(result).toEqual({
      ok: true,
      value: { path: saved[0]!.name, headsNotLogged: 'The log of published heads is being changed elsewhere.' },
    });
    expect(saved).toHaveLength(1);
  });

  it('logs every incident’s chain head when a backup is saved', async () => {
    const source = await populatedDesk();
    const { platform } = memoryPlatform();
    const service = backupServiceOf(source, platform, '0.1.0', { publishedHeads: source.useCases.publishedHeads });
    const result = await service.save(actor({ now: T0 + 5000 }), 'Kristiansand');
    expect(result.ok && result.value?.headsNotLogged).toBeNull();
    const incidentId = (await source.db.incidents.toArray())[0]!.id;
    expect(await source.useCases.publishedHeads.listForIncident(incidentId)).toMatchObject([
      { via: 'backup', chainSeq: 2 },
    ]);
  });

  it('rolls the whole restore back when writing fails part-way', async () => {
    const target = await populatedDesk();
    const before = await snapshot(target);
    const rows: TableRows = { ...before, contacts: [makeContact({ id: 'dup' }), makeContact({ id: 'dup' })] };
    expect(await target.core.restore(rows, actor(), 'test')).toMatchObject({
      ok: false,
      error: { code: 'refused', table: 'contacts' },
    });
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('restoring a backup whose timeline was altered and resealed', () => {
  /** The backup with one revision's title edited and every hash a checksum could catch recomputed. */
  async function tamperedBackup() {
    const source = await populatedDesk();
    const { platform, saved } = memoryPlatform();
    await backupServiceOf(source, platform, '0.1.0').save(actor(), 'Kristiansand');
    const file = JSON.parse(saved[0]!.content) as { data: TableRows; checksum: { value: string } };
    const revision = file.data.timelineRevisions.find((r) => r.content.title === 'Road closed')!;
    revision.content = { ...revision.content, title: 'Road open' };
    const entry = file.data.timelineEntries.find((e) => e.id === revision.entryId)!;
    entry.title = 'Road open';
    file.checksum.value = await sha256(canonicalJson(file.data));
    return { text: JSON.stringify(file), incidentId: revision.incidentId, entryId: revision.entryId };
  }

  it('walks every chain before replacing anything, and names the incident and the entry', async () => {
    const { text, entryId } = await tamperedBackup();
    const target = await populatedDesk();
    const before = await snapshot(target);
    const service = backupServiceOf(target, memoryPlatform().platform, '0.1.0');
    const checked = await service.check(text, 'tampered.json');
    if (!checked.ok) throw new Error(checked.error);
    expect(checked.value.warnings).toEqual([
      expect.objectContaining({
        kind: 'broken-chain',
        incidentTitle: makeDraft().title,
        entryId,
        entryTitle: 'Road open',
        problem: 'hash-mismatch',
        detail: expect.stringContaining(
          'Integrity check FAILED at revision 2 of the chain (entry “Road open”)',
        ) as unknown,
      }),
    ]);
    // Not without the person's explicit choice: the desk stays exactly as it was.
    const refused = await service.restore(checked.value, actor());
    expect(refused.ok ? 'restored' : refused.error).toMatch(
      /^Nothing was restored: the timeline of “.*” in this backup does not check out/,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it('restores only on an explicit choice, records it in the desk’s and the incident’s audit trail, and the break stays visible', async () => {
    const { text, incidentId } = await tamperedBackup();
    const target = freshDesk();
    const service = backupServiceOf(target, memoryPlatform().platform, '0.1.0');
    const checked = await service.check(text, 'tampered.json');
    if (!checked.ok) throw new Error(checked.error);
    expect(
      await service.restore(checked.value, actor({ operator: 'Ola', now: T0 + 9000 }), { acceptBrokenChains: true }),
    ).toEqual({ ok: true, value: undefined });
    const trail = await target.useCases.audit.listForIncident(incidentId);
    expect(trail[0]).toMatchObject({
      action: 'restore',
      operator: 'Ola',
      summary: expect.stringMatching(
        /^Restored from a backup whose timeline chain is broken at entry “Road open”; Ola accepted it after the warning$/,
      ) as unknown,
    });
    const desk = (await target.db.auditLog.toArray()).find((a) => a.entityType === 'database');
    expect(desk?.summary).toMatch(/with the timeline chain of 1 incident broken \(accepted\)$/);
    expect(await target.useCases.timeline.verify(incidentId)).toMatchObject({
      ok: false,
      firstBreak: { problem: 'hash-mismatch' },
    });
  });
});
