import { readFile } from 'node:fs/promises';

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { DeskDatabase } from '@renderer/db/database';
import { DESK_LOCAL_TABLES, SCHEMA_HISTORY } from '@renderer/db/schema';
import { createTimelineRepo } from '@renderer/db/repos/timelineRepo';
import { findDuplicates } from '@shared/domain/contacts/contact';
import { upgradeLegacyTables } from '@shared/domain/contacts/legacy';
import { localeFromSystem } from '@shared/domain/locale/deskLocale';
import { systemLocales } from '@renderer/db/migrations/0005-desk-locale';
import { DERIVED_TABLES, TABLE_NAMES, TABLE_SCHEMAS } from '@shared/schemas/tables';

import { sha256 } from '../../factories/timeline';

type Fixture = { version: number; tables: Record<string, unknown[]> };

async function loadFixture(version: number | string): Promise<Fixture> {
  const text = await readFile(new URL(`../../fixtures/db/v${version}.json`, import.meta.url), 'utf8');
  return JSON.parse(text) as Fixture;
}

/** Writes a fixture with the code of that schema version, closes it, reopens with today's code. */
async function openWithCurrentCode(fixture: Fixture): Promise<DeskDatabase> {
  const name = `migration-${fixture.version}-${Date.now()}`;
  const old = new DeskDatabase(
    name,
    SCHEMA_HISTORY.filter((v) => v.version <= fixture.version),
  );
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

/** From version 5 the settings row holds the desk's locale; an older desk takes the system's. */
function withDeskLocale(tables: Record<string, unknown[]>, version: number): Record<string, unknown[]> {
  if (version >= 5 || !tables['settings']) return tables;
  return {
    ...tables,
    settings: tables['settings'].map((s) => ({ ...(s as object), locale: localeFromSystem(systemLocales()) })),
  };
}

describe('database migrations', () => {
  it.each(SCHEMA_HISTORY.map((v) => v.version))(
    'opens a database written by schema version %i without losing a record',
    async (version) => {
      const fixture = await loadFixture(version);
      const db = await openWithCurrentCode(fixture);
      // Rows come back as written, in today's shape where a later version reshaped them (as a backup of that version is read).
      const expected = withDeskLocale(upgradeLegacyTables(fixture.tables, fixture.version), fixture.version);
      for (const table of TABLE_NAMES) {
        const rows = await db.table(table).toArray();
        expect(rows, table).toEqual(expect.arrayContaining(expected[table] ?? []));
        expect(rows.length, table).toBe((expected[table] ?? []).length);
        for (const row of rows)
          expect(TABLE_SCHEMAS[table].safeParse(row).success, `${table} row still valid`).toBe(true);
      }
      // The timeline's hash chain survives the upgrade untouched.
      const timeline = createTimelineRepo(db, sha256);
      for (const incidentId of new Set((await db.timelineRevisions.toArray()).map((r) => r.incidentId))) {
        expect(await timeline.verify(incidentId), incidentId).toMatchObject({ ok: true });
      }
      db.close();
    },
  );

  it('reads every stored phone number once, in the desk’s country, keeping each exactly as typed and flagging those it cannot read (version 3)', async () => {
    const db = await openWithCurrentCode(await loadFixture('2-phones'));
    const imam = await db.contacts.get('con_imam');
    const sister = await db.contacts.get('con_sister');
    expect(imam?.phones).toEqual([
      { label: 'after hours', number: '+1 312 555 0170 ext. 12', e164: '+13125550170', extension: '12' },
      { label: 'mobile', number: '312.555.0171', e164: '+13125550171', extension: '' },
      { label: 'office', number: 'call the switchboard', e164: null, extension: '' },
    ]);
    expect(imam?.phoneKeys).toEqual(['+13125550170;ext=12', '+13125550171', '?']);
    expect(sister?.phones).toEqual([
      { label: 'work', number: '+47 38 07 50 00', e164: '+4738075000', extension: '' },
      { label: 'internal', number: '4455', e164: null, extension: '' },
    ]);
    expect(sister?.phoneKeys).toEqual(['+4738075000', '?4455']);
    // Everything else about the contacts is as it was.
    expect({ ...imam, phones: [], phoneKeys: [] }).toMatchObject({
      name: 'Imam Yusuf Rahman',
      email: 'imam@example.org',
      languages: ['Arabic', 'English'],
      lastVerifiedAt: 1790000000000,
      updatedBy: 'Dana Brooks',
    });
    for (const c of [imam, sister]) expect(TABLE_SCHEMAS.contacts.safeParse(c).success).toBe(true);
    // The index now finds the line however it is typed.
    expect((await db.contacts.where('phoneKeys').equals('+13125550171').toArray()).map((c) => c.id)).toEqual([
      'con_imam',
    ]);
    expect(
      findDuplicates(
        { phones: [{ label: '', number: '(312) 555-0171' }], email: '' },
        await db.contacts.toArray(),
        null,
        'US',
      ).map((d) => d.contact.id),
    ).toEqual(['con_imam']);
    expect((await db.settings.get('desk'))?.contactStaleDays).toBe(120);
    db.close();
  });

  it('gives a desk set up before version 5 the system’s locale and keeps every other setting (version 5)', async () => {
    const fixture = await loadFixture(4);
    const db = await openWithCurrentCode(fixture);
    const settings = await db.settings.get('desk');
    const system = localeFromSystem(systemLocales());
    expect(system).toMatch(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/);
    expect(settings).toEqual({ ...(fixture.tables['settings']?.[0] as object), locale: system });
    db.close();
    // A desk that already has one keeps it.
    const v5 = await openWithCurrentCode(await loadFixture(5));
    expect((await v5.settings.get('desk'))?.locale).toBe('nb-NO');
    v5.close();
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
    expect([...seen.keys()].sort()).toEqual([...TABLE_NAMES, ...DERIVED_TABLES, ...DESK_LOCAL_TABLES].sort());
  });

  it('the current database opens at the newest version', async () => {
    const db = new DeskDatabase(`latest-${Date.now()}`);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)?.version);
    expect(await Dexie.exists(db.name)).toBe(true);
    db.close();
  });
});
