import { describe, expect, it } from 'vitest';

import { webCryptoVerifier } from '@shared/domain/signed/ed25519';
import { rebuildFromRecords, rowKey } from '@shared/domain/signed/project';
import { createSignedChainVerifier } from '@shared/domain/signed/verifyChains';
import { TABLE_NAMES } from '@shared/schemas/tables';

import { freshDesk } from '../testDb';
import { firstHour } from './firstHour';

describe('the desk rebuilt from its signed records', () => {
  it('gives every table row for row as the desk holds it, derived timeline entries included', async () => {
    const { desk } = await firstHour();
    const records = (await desk.db.records.orderBy('n').toArray()).map((r) => r.record);
    expect(records.length).toBeGreaterThan(15);
    const rebuilt = rebuildFromRecords(records);
    for (const table of TABLE_NAMES) {
      const live = (await desk.db.tableByName(table).toArray()) as object[];
      const sorted = [...live].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));
      expect(rebuilt[table], table).toEqual(sorted);
    }
    // Not a trivial equality: the incident's log, its corrections and the release are all there.
    expect(rebuilt.timelineRevisions.length).toBeGreaterThanOrEqual(6);
    expect(rebuilt.timelineEntries.find((e) => e.title === 'Vehicle drove into pedestrians')).toMatchObject({
      verification: 'confirmed',
      revisionCount: 3,
    });
    expect(rebuilt.statements[0]).toMatchObject({ status: 'released' });
    expect(rebuilt.callAttempts.length).toBeGreaterThan(0);
  });

  it('rebuilds an empty database to the same rows, and every record verifies against the desk’s key', async () => {
    const { desk } = await firstHour();
    const records = (await desk.db.records.orderBy('n').toArray()).map((r) => r.record);
    // Into an empty desk: the projection written as rows reads back exactly as the original.
    const empty = freshDesk();
    const rebuilt = rebuildFromRecords(records);
    await empty.db.transaction(
      'rw',
      TABLE_NAMES.map((t) => empty.db.tableByName(t)),
      async () => {
        for (const table of TABLE_NAMES) await empty.db.tableByName(table).bulkAdd(rebuilt[table]);
      },
    );
    for (const table of TABLE_NAMES) {
      const byKey = (rows: object[]) => [...rows].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));
      expect(byKey((await empty.db.tableByName(table).toArray()) as object[]), table).toEqual(
        byKey((await desk.db.tableByName(table).toArray()) as object[]),
      );
    }
    const verifier = createSignedChainVerifier({
      roster: await desk.useCases.identity.roster(),
      verify: webCryptoVerifier(crypto.subtle),
      scopes: null,
    });
    await verifier.push(records);
    const report = verifier.finish();
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, records: records.length });
  });
});
