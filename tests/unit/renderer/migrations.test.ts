import { readFile } from 'node:fs/promises';

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { DeskDatabase } from '@renderer/db/database';
import { SCHEMA_HISTORY } from '@renderer/db/schema';
import { createTimelineRepo } from '@renderer/db/repos/timelineRepo';
import { DERIVED_TABLES, TABLE_NAMES, TABLE_SCHEMAS } from '@shared/schemas/tables';

import { sha256 } from '../../factories/timeline';

type Fixture = { version: number; tables: Record<string, unknown[]> };

async function loadFixture(version: number): Promise<Fixture> {
  const text = await readFile(new URL(`../../fixtures/db/v${version}.json`, import.meta.url), 'utf8');
  return JSON.parse(text) as Fixture;
}

/** Writes a fixture with the code of that schema version, closes it, reopens with today's code. */
async function openWithCurrentCode(fixture: Fixture): Promise<DeskDatabase> {
  const name = `migration-${fixture.version}-${Date.now()}`;
  const old = new DeskDatabase(name, SCHEMA_HISTORY.filter((v) => v.version <= fixture.version));
  await old.open();
  expect(old.verno).toBe(fixture.version);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  const current = new DeskDatabase(name);
  await current.open();
  return current;
}

describe('database migrations', () => {
  it.each(SCHEMA_HISTORY.map((v) => v.version))('opens a database written by schema version %i without losing a record', async (version) => {
    const fixture = await loadFixture(version);
    const db = await openWithCurrentCode(fixture);
    for (const table of TABLE_NAMES) {
      const rows = await db.table(table).toArray();
      expect(rows, table).toEqual(expect.arrayContaining(fixture.tables[table] ?? []));
      expect(rows.length, table).toBe((fixture.tables[table] ?? []).length);
      for (const row of rows) expect(TABLE_SCHEMAS[table].safeParse(row).success, `${table} row still valid`).toBe(true);
    }
    // The timeline's hash chain survives the upgrade untouched.
    const timeline = createTimelineRepo(db, () => 'unused', sha256);
    for (const incidentId of new Set((await db.timelineRevisions.toArray()).map((r) => r.incidentId))) {
      expect(await timeline.verify(incidentId), incidentId).toMatchObject({ ok: true });
    }
    db.close();
  });

  it('keeps every table and index of earlier versions (schemas only grow)', () => {
    const seen = new Map<string, Set<string>>();
    for (const v of SCHEMA_HISTORY) {
      for (const [table, spec] of Object.entries(v.stores)) {
        const indexes = new Set(spec.split(',').map((s) => s.trim()));
        for (const earlier of seen.get(table) ?? []) expect(indexes, `${table} at v${v.version}`).toContain(earlier);
        seen.set(table, indexes);
      }
    }
    expect([...seen.keys()].sort()).toEqual([...TABLE_NAMES, ...DERIVED_TABLES].sort());
  });

  it('the current database opens at the newest version', async () => {
    const db = new DeskDatabase(`latest-${Date.now()}`);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
    expect(await Dexie.exists(db.name)).toBe(true);
    db.close();
  });
});
