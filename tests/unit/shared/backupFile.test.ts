import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  BACKUP_FORMAT,
  buildBackup,
  describeBackupError,
  parseBackup,
  readBackupEnvelope,
} from '@shared/domain/backup/backupFile';
import { canonicalJson } from '@shared/domain/integrity/canonical';
import { TABLE_NAMES, type TableRows } from '@shared/schemas/tables';

import { makeContact } from '../../factories/contacts';
import { makeIncident } from '../../factories/incident';
import { makeDesk, SEED_B, verify } from '../../factories/signed';
import { makeDraft, seedTemplate } from '../../factories/statements';

const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text).digest('hex'));
const meta = {
  schemaVersion: 1,
  createdAt: '2026-11-24T10:00:00.000Z',
  createdBy: 'Ingrid Berg',
  appVersion: '0.1.0',
  cityName: 'Kristiansand',
};

function rows(): TableRows {
  const arabic = makeDraft({ template: seedTemplate('initial-holding-statement', 'ar') });
  const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as TableRows;
  return {
    ...empty,
    incidents: [makeIncident({ title: 'Arson — «Lund» 🕯' })],
    contacts: [makeContact({ id: 'con_1', name: 'Imam Rahman' })],
    statements: [arabic.statement],
    statementVersions: [arabic.version],
  };
}

async function fileText(mutate: (f: Record<string, unknown>) => void = () => undefined): Promise<string> {
  const file = (await buildBackup(rows(), meta, sha256)) as unknown as Record<string, unknown>;
  mutate(file);
  return JSON.stringify(file);
}

const parse = (text: string, supported = 1) => parseBackup(text, { supportedSchemaVersion: supported, sha256, verify });

describe('backup file', () => {
  it('round-trips every table exactly', async () => {
    const original = rows();
    const r = await parse(JSON.stringify(await buildBackup(original, meta, sha256)));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.rows).toEqual(original);
      expect(r.value.meta).toEqual(meta);
    }
  });

  it('reads a backup written before phone numbers were structured, as the database upgrade does', async () => {
    const settings = {
      key: 'desk',
      cityName: 'Chicago',
      operatorName: 'Dana Brooks',
      defaultTimeZone: 'America/Chicago',
      createdAt: 1,
      updatedAt: 1,
    };
    const { phones: _p, phoneKeys: _k, ...contact } = makeContact({ id: 'con_1', name: 'Imam Rahman' });
    const old = {
      ...rows(),
      settings: [settings],
      contacts: [
        {
          ...contact,
          phones: [
            { label: 'mobile', number: '312.555.0171' },
            { label: 'desk', number: 'ask the front desk' },
          ],
          phoneKeys: ['25550171', ''],
        },
      ],
    } as unknown as TableRows;
    const r = await parse(JSON.stringify(await buildBackup(old, { ...meta, schemaVersion: 2 }, sha256)), 3);
    if (!r.ok) throw new Error(describeBackupError(r.error));
    expect(r.value.rows.contacts[0]?.phones).toEqual([
      { label: 'mobile', number: '312.555.0171', e164: '+13125550171', extension: '' },
      { label: 'desk', number: 'ask the front desk', e164: null, extension: '' },
    ]);
    expect(r.value.rows.contacts[0]?.phoneKeys).toEqual(['+13125550171', '?']);
  });

  it('names its format and carries a checksum over the canonical data', async () => {
    const file = JSON.parse(await fileText()) as { format: string; checksum: { value: string } };
    expect(file.format).toBe(BACKUP_FORMAT);
    expect(file.checksum.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['empty', '   ', 'empty'],
    ['not JSON', '{"format": "response-desk-backup"', 'not valid JSON'],
    ['another JSON file', '{"name": "package"}', "no 'format' field"],
    ['another format', '{"format": "vcard"}', 'its format is "vcard"'],
  ])('refuses a file that is %s', async (_label, text, words) => {
    const r = await parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeBackupError(r.error)).toContain(words);
  });

  it('refuses a backup from a newer desk', async () => {
    const r = await parse(await fileText((f) => (f['schemaVersion'] = 7)));
    expect(r.ok ? null : describeBackupError(r.error)).toContain('newer version of Response Desk (data version 7');
  });

  it('refuses a backup whose data was altered after it was made', async () => {
    const r = await parse(
      await fileText((f) => {
        const data = f['data'] as TableRows;
        data.incidents[0] = { ...data.incidents[0]!, title: 'Edited' };
      }),
    );
    expect(r.ok ? null : r.error.code).toBe('checksum-mismatch');
  });

  it('names missing fields and missing tables', async () => {
    const noChecksum = await parse(await fileText((f) => delete f['checksum']));
    expect(noChecksum.ok ? null : describeBackupError(noChecksum.error)).toContain('checksum');
    const noTable = await parse(await fileText((f) => delete (f['data'] as Record<string, unknown>)['contacts']));
    expect(noTable.ok ? null : describeBackupError(noTable.error)).toContain('data.contacts');
  });

  /** A file edited by hand, its checksum recomputed so that only the fields give it away. */
  async function resealed(
    edit: (data: Record<string, Record<string, unknown>[]>) => void,
    top: Record<string, unknown> = {},
  ): Promise<string> {
    const file = (await buildBackup(rows(), meta, sha256)) as unknown as {
      data: Record<string, Record<string, unknown>[]>;
      checksum: { value: string };
    };
    edit(file.data);
    file.checksum.value = await sha256(canonicalJson(file.data));
    return JSON.stringify({ ...file, ...top });
  }

  it.each([
    ['at the top', () => resealed(() => undefined, { note: 'added later' }), 'a field the desk never writes, "note"'],
    [
      'in a record',
      () => resealed((d) => (d['contacts']![0]!['phoneSecret'] = '+47 000')),
      '"phoneSecret" in table "contacts", record 1',
    ],
    [
      'nested in a record',
      () =>
        resealed(
          (d) =>
            (d['contacts']![0]!['phones'] = [
              { label: 'mobile', number: '+47 900 00 000', e164: '+4790000000', extension: '', carrier: 'Telenor' },
            ]),
        ),
      '"phones.0.carrier" in table "contacts", record 1',
    ],
    ['as a table', () => resealed((d) => (d['secrets'] = [])), '"data.secrets"'],
  ])('refuses a field the desk never writes %s, naming where it is', async (_label, make, words) => {
    const r = await parse(await make());
    expect(r.ok ? 'restored' : describeBackupError(r.error)).toContain(words);
  });

  it('refuses a __proto__ key in a record, even with a matching checksum', async () => {
    const text = await resealed(() => undefined);
    const file = JSON.parse(text) as { data: Record<string, unknown[]>; checksum: { value: string } };
    const withProto = JSON.parse(
      JSON.stringify(file.data).replace('"id":"con_1"', '"__proto__":{"isAdmin":true},"id":"con_1"'),
    ) as Record<string, unknown>;
    file.data = withProto as Record<string, unknown[]>;
    file.checksum.value = await sha256(canonicalJson(withProto));
    const r = await parse(JSON.stringify(file));
    expect(r.ok ? 'restored' : describeBackupError(r.error)).toContain('"__proto__" in table "contacts", record 1');
  });

  it('names the table and record of a damaged row, even with a matching checksum', async () => {
    const bad = rows();
    bad.incidents.push({ ...makeIncident(), timeZone: 'Mars/Olympus' });
    const file = await buildBackup(bad, meta, sha256);
    const r = await parse(JSON.stringify(file));
    expect(r.ok ? null : describeBackupError(r.error)).toMatch(/table "incidents", record 2: timeZone/);
  });

  it('carries the identity of the desk that made it, checked against its key and signature', async () => {
    const { identity } = await makeDesk();
    const r = await parse(JSON.stringify(await buildBackup(rows(), { ...meta, desk: identity }, sha256)));
    expect(r.ok && r.value.meta.desk).toEqual(identity);
    const renamed = await parse(
      JSON.stringify(await buildBackup(rows(), { ...meta, desk: { ...identity, name: 'Mayor’s office' } }, sha256)),
    );
    expect(renamed.ok ? 'restored' : renamed.error).toEqual({
      code: 'desk-identity',
      problem: { code: 'bad-signature', deskId: identity.deskId },
    });
  });

  it('refuses a desk identity whose id is not its key’s even where no signature can be checked, as main does', async () => {
    const [a, b] = await Promise.all([makeDesk(), makeDesk(SEED_B)]);
    const text = JSON.stringify(
      await buildBackup(rows(), { ...meta, desk: { ...a.identity, publicKey: b.identity.publicKey } }, sha256),
    );
    const r = await readBackupEnvelope(text, { supportedSchemaVersion: 1, sha256: null });
    expect(r.ok ? 'written' : describeBackupError(r.error)).toContain(
      `the desk it names as its maker (${a.deskId}) is not the desk of the public key it carries`,
    );
  });
});
