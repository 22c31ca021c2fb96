import { describe, expect, it } from 'vitest';

import { createDeskCore } from '@renderer/desk/core';
import { SignedRecordSchema } from '@shared/domain/signed/format';
import { webCryptoVerifier, type SubtleEd25519 } from '@shared/domain/signed/ed25519';
import { fingerprintOfHex, readDeskIdentity } from '@shared/domain/signed/identity';
import { verifyIncidentIntegrity } from '@shared/domain/signed/incidentIntegrity';
import { recordHash, verifyRecordSignature } from '@shared/domain/signed/sign';
import { hexToBytes } from '@noble/hashes/utils.js';
import { GENESIS_HASH } from '@shared/schemas/timeline';

import { makeContent, makeLog, sha256 } from '../../../factories/timeline';
import { freshDesk, logged } from '../testDb';

const T = Date.UTC(2026, 10, 24, 13, 0);
const ingrid = (now = T) => ({ operator: 'Ingrid Berg', now });
const verify = webCryptoVerifier(crypto.subtle as unknown as SubtleEd25519<CryptoKey>);

async function setUp(desk: ReturnType<typeof freshDesk>, operatorRole = 'Duty officer') {
  await desk.useCases.settings.save(
    { cityName: 'Kristiansand', operatorName: 'Ingrid Berg', operatorRole, defaultTimeZone: 'Europe/Oslo' },
    ingrid(T - 60_000),
  );
}

describe('the desk’s identity', () => {
  it('is made at the first start: an Ed25519 key whose private half cannot be read out, and a public identity it signed', async () => {
    const desk = freshDesk();
    await setUp(desk);
    const { identity, fingerprint } = await desk.useCases.identity.describe();
    expect(identity.name).toBe('Kristiansand crisis desk');
    expect(identity.continuesFrom).toBeNull();
    expect(fingerprint).toEqual(fingerprintOfHex(identity.publicKey));
    expect(fingerprint.words).toHaveLength(12);
    // The identity checks out as anyone reading a record would check it.
    expect(await readDeskIdentity(JSON.parse(JSON.stringify(identity)), verify)).toEqual({ ok: true, value: identity });
    // SECURITY: the private key is stored as a CryptoKey that Web Crypto refuses to export.
    const [stored] = await desk.db.deskIdentities.toArray();
    expect(stored?.privateKey).toBeInstanceOf(CryptoKey);
    expect(stored?.privateKey?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', stored!.privateKey!)).rejects.toThrow();
  });

  it('stays the same identity when the desk is opened again (another window, the next day)', async () => {
    const desk = freshDesk();
    const first = await desk.useCases.identity.describe();
    const again = createDeskCore({ db: desk.db, gen: () => 'x', sha256 });
    expect((await again.useCases.identity.describe()).identity).toEqual(first.identity);
    expect(await desk.db.deskIdentities.count()).toBe(1);
  });
});

describe('the door signs every change', () => {
  it('writes one signed record per change, in the same transaction, chained per incident, naming the operator', async () => {
    const desk = freshDesk();
    await setUp(desk);
    const [a] = await logged(
      desk.useCases.timeline.append('inc_1', [makeContent({ title: 'Shots reported' })], ingrid()),
    );
    await logged(
      desk.useCases.timeline.append('inc_1', [makeContent({ title: 'Crisis team activated' })], ingrid(T + 1000)),
    );
    const { identity } = await desk.useCases.identity.describe();
    const stored = (await desk.db.records.toArray()).filter((r) => r.scope === 'incident:inc_1');
    expect(stored.map((r) => r.seq)).toEqual([1, 2]);
    const [first, second] = stored.map((r) => r.record);
    expect(first).toMatchObject({
      kind: 'timeline.logged',
      scope: { kind: 'incident', incidentId: 'inc_1' },
      deskId: identity.deskId,
      prev: null,
      seen: [],
      recordedAt: T,
      operator: { name: 'Ingrid Berg', role: 'Duty officer' },
    });
    // A first record in an incident with no revision yet anchors the empty v1 chain.
    expect(first?.anchor).toEqual({ chainSeq: 0, headHash: GENESIS_HASH });
    expect(second).toMatchObject({ prev: recordHash(first!), anchor: null, recordedAt: T + 1000 });
    // The content is the rows the change wrote, but never a derived table.
    expect(first?.content.put.timelineRevisions?.map((r) => r.entryId)).toEqual([a?.id]);
    expect(Object.keys(first?.content.put ?? {})).toEqual(['timelineRevisions']);
    for (const r of [first!, second!]) {
      expect(SignedRecordSchema.safeParse(r).success).toBe(true);
      expect(await verifyRecordSignature(r, hexToBytes(identity.publicKey), verify)).toBe(true);
    }
    expect(stored[0]?.hash).toBe(recordHash(first!));
  });

  it('signs under the name the desk gives the operator, with the role said when none was given', async () => {
    const desk = freshDesk();
    await setUp(desk, '');
    await logged(desk.useCases.timeline.append('inc_1', [makeContent()], ingrid()));
    const [record] = (await desk.db.records.toArray()).map((r) => r.record);
    expect(record?.operator).toEqual({ name: 'Ingrid Berg', role: 'no role given' });
  });

  it('anchors the v1 chain written before signatures, and Verify integrity then walks both', async () => {
    const desk = freshDesk();
    await setUp(desk);
    // Two revisions as an earlier version of the desk wrote them: hash-chained, not signed.
    const log = makeLog('inc_1');
    await log.add('tle_old1', makeContent({ title: 'Before signatures 1' }), ingrid(T - 5000));
    await log.add('tle_old2', makeContent({ title: 'Before signatures 2' }), ingrid(T - 4000));
    await desk.db.timelineRevisions.bulkAdd(log.revisions);
    await desk.db.timelineEntries.bulkAdd([...log.entries.values()]);
    await logged(desk.useCases.timeline.append('inc_1', [makeContent({ title: 'After signatures' })], ingrid()));
    // The set-up is a record of the desk-wide scope; the incident's records follow the v1 chain.
    const records = (await desk.db.records.toArray()).map((r) => r.record).filter((r) => r.scope.kind === 'incident');
    const v1Head = log.revisions.at(-1)!;
    expect(records[0]?.anchor).toEqual({ chainSeq: 2, headHash: v1Head.hash });
    const report = await verifyIncidentIntegrity({
      incidentId: 'inc_1',
      timeZone: 'Europe/Oslo',
      revisions: [await desk.db.timelineRevisions.where('incidentId').equals('inc_1').sortBy('chainSeq')],
      entries: await desk.db.timelineEntries.toArray(),
      publishedHeads: [],
      signed: [records],
      roster: await desk.useCases.identity.roster(),
      verify,
      sha256,
    });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, anchoredAt: 2 });
  });

  it('two windows writing to one incident at once both get their changes signed, one after the other', async () => {
    const desk = freshDesk();
    await setUp(desk);
    await desk.useCases.identity.describe();
    let n = 0;
    const other = createDeskCore({ db: desk.db, gen: () => `other-${(n += 1)}`, sha256 });
    await Promise.all([
      logged(desk.useCases.timeline.append('inc_1', [makeContent({ title: 'From window one' })], ingrid())),
      logged(other.useCases.timeline.append('inc_1', [makeContent({ title: 'From window two' })], ingrid())),
      logged(desk.useCases.timeline.append('inc_1', [makeContent({ title: 'From window one again' })], ingrid())),
    ]);
    const records = (await desk.db.records.orderBy('n').toArray())
      .map((r) => r.record)
      .filter((r) => r.scope.kind === 'incident');
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records.slice(1).map((r) => r.prev)).toEqual(records.slice(0, 2).map((r) => recordHash(r)));
    expect(new Set(records.map((r) => r.deskId)).size).toBe(1);
  });

  it('writes no record when the change is refused, and no change without its record', async () => {
    const desk = freshDesk();
    await setUp(desk);
    const before = await desk.db.records.count();
    const refused = await desk.useCases.timeline.append('inc_1', [makeContent({ title: 'x'.repeat(501) })], ingrid());
    expect(refused.ok).toBe(false);
    expect(await desk.db.records.count()).toBe(before);
  });
});

describe('a restore', () => {
  it('makes a new desk identity that names the desk it replaces and the backup, and starts the records afresh', async () => {
    const desk = freshDesk();
    await setUp(desk);
    await logged(desk.useCases.timeline.append('inc_1', [makeContent({ title: 'Before the restore' })], ingrid()));
    const old = (await desk.useCases.identity.describe()).identity;
    const rows = await desk.core.backupRows.readAll();
    const checksum = 'ab'.repeat(32);
    const from = { backupChecksum: checksum, backupFile: 'backup.json', desk: { deskId: old.deskId, name: old.name } };
    expect((await desk.core.restore(rows, ingrid(T + 5000), '"backup.json"', [], from)).ok).toBe(true);
    const now = (await desk.useCases.identity.describe()).identity;
    expect(now.deskId).not.toBe(old.deskId);
    expect(now.continuesFrom).toEqual({
      deskId: old.deskId,
      deskName: old.name,
      backupChecksum: checksum,
      backupFile: 'backup.json',
    });
    expect(await readDeskIdentity(now, verify)).toMatchObject({ ok: true });
    // The replaced identity can sign nothing more; its public part stays on the roster.
    const stored = await desk.db.deskIdentities.toArray();
    expect(stored.find((s) => s.deskId === old.deskId)?.privateKey).toBeNull();
    expect((await desk.useCases.identity.roster()).map((i) => i.deskId)).toEqual([old.deskId, now.deskId]);
    const records = (await desk.db.records.toArray()).map((r) => r.record);
    expect(records.every((r) => r.deskId === now.deskId)).toBe(true);
    expect(records[0]).toMatchObject({ kind: 'desk.restored', scope: { kind: 'desk' }, seq: 1, prev: null });
    // The next entry is signed by the new desk, whose first record in the incident anchors the restored chain.
    await logged(
      desk.useCases.timeline.append('inc_1', [makeContent({ title: 'After the restore' })], ingrid(T + 6000)),
    );
    const last = (await desk.db.records.toArray()).at(-1)?.record;
    expect(last).toMatchObject({ deskId: now.deskId, seq: 1, anchor: { chainSeq: 1 } });
  });

  it('names the desk that made the backup, from the public identity the backup carries, and never its private key', async () => {
    const laptopA = freshDesk();
    await setUp(laptopA);
    const deskA = (await laptopA.useCases.identity.describe()).identity;
    const text = await laptopA.useCases.backup.text(ingrid(T + 1000), 'Bergen');
    const file = JSON.parse(text) as { desk?: unknown };
    expect(file.desk).toEqual(deskA);
    expect(await readDeskIdentity(file.desk, verify)).toMatchObject({ ok: true });
    // Nothing private: no key material but the public key, and no field of a private JWK.
    expect(text).not.toMatch(/privateKey|"d":|pkcs8|BEGIN PRIVATE/);
    const stored = JSON.stringify(await laptopA.db.deskIdentities.toArray());
    expect(stored).toContain(deskA.publicKey);

    const laptopB = freshDesk();
    await laptopB.useCases.settings.save(
      { cityName: 'Bergen', operatorName: 'Sofie Lie', defaultTimeZone: 'Europe/Oslo' },
      ingrid(T - 1000),
    );
    const deskB = (await laptopB.useCases.identity.describe()).identity;
    expect(deskB.name).toBe('Bergen crisis desk');
    const pending = await laptopB.useCases.backup.check(text, 'response-desk-backup-bergen.json');
    if (!pending.ok) throw new Error(pending.error);
    expect((await laptopB.useCases.backup.restore(pending.value, ingrid(T + 2000))).ok).toBe(true);
    const now = (await laptopB.useCases.identity.describe()).identity;
    expect([deskA.deskId, deskB.deskId]).not.toContain(now.deskId);
    // Named after the city of the settings it restored.
    expect(now.name).toBe('Kristiansand crisis desk');
    expect(now.continuesFrom).toEqual({
      deskId: deskA.deskId,
      deskName: deskA.name,
      backupChecksum: pending.value.checksum,
      backupFile: 'response-desk-backup-bergen.json',
    });
  });

  it('restored from a backup made before desks had identities, it says so and names the file', async () => {
    const laptopA = freshDesk();
    await setUp(laptopA);
    const older = JSON.parse(await laptopA.useCases.backup.text(ingrid(T + 1000), 'Bergen')) as Record<string, unknown>;
    delete older['desk'];
    const laptopB = freshDesk();
    await setUp(laptopB);
    const pending = await laptopB.useCases.backup.check(JSON.stringify(older), 'old-backup.json');
    if (!pending.ok) throw new Error(pending.error);
    expect((await laptopB.useCases.backup.restore(pending.value, ingrid(T + 2000))).ok).toBe(true);
    const now = (await laptopB.useCases.identity.describe()).identity;
    expect(now.continuesFrom).toEqual({
      deskId: null,
      backupChecksum: pending.value.checksum,
      backupFile: 'old-backup.json',
    });
  });
});
