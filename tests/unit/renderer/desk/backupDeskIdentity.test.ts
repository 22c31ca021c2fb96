import { describe, expect, it } from 'vitest';

import type { DeskIdentity } from '@shared/domain/signed/identity';

import { makeDesk, SEED_B } from '../../../factories/signed';
import { makeContent } from '../../../factories/timeline';
import { freshDesk, logged } from '../testDb';

const T = Date.UTC(2026, 10, 24, 13, 0);
const ingrid = (now = T) => ({ operator: 'Ingrid Berg', now });

type Desk = ReturnType<typeof freshDesk>;

async function setUp(desk: Desk, cityName: string, operatorName: string) {
  await desk.useCases.settings.save(
    { cityName, operatorName, operatorRole: 'Duty officer', defaultTimeZone: 'Europe/Oslo' },
    ingrid(T - 60_000),
  );
}

/** Laptop A's backup, with one incident logged, as a JSON object to tamper with. */
async function backupOfLaptopA(): Promise<{ desk: Record<string, unknown> } & Record<string, unknown>> {
  const laptopA = freshDesk();
  await setUp(laptopA, 'Kristiansand', 'Ingrid Berg');
  await logged(laptopA.useCases.timeline.append('inc_1', [makeContent({ title: 'Fire reported' })], ingrid()));
  return JSON.parse(await laptopA.useCases.backup.text(ingrid(T + 1000), 'Kristiansand')) as {
    desk: Record<string, unknown>;
  };
}

/** Laptop B, which already holds a desk of its own, and everything it holds. */
async function laptopB() {
  const desk = freshDesk();
  await setUp(desk, 'Bergen', 'Sofie Lie');
  const holds = async () => ({
    rows: await desk.core.backupRows.readAll(),
    records: await desk.db.records.count(),
    identity: (await desk.useCases.identity.describe()).identity,
  });
  return { desk, holds };
}

/** What the restore screen does: open the file, and restore it if it checked out. */
async function restoreAsTheScreenDoes(desk: Desk, file: unknown): Promise<string> {
  const opened = await desk.useCases.backup.open(JSON.stringify(file), 'response-desk-backup.json', null);
  if (!opened.ok) return opened.error.message;
  const restored = await desk.useCases.backup.restore(opened.value, ingrid(T + 2000));
  return restored.ok ? 'restored' : restored.error;
}

const hexFlipped = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`;

describe('restoring a backup checks the identity of the desk that made it', () => {
  it('restores a backup whose desk identity is its own, and the new desk names that desk', async () => {
    const file = await backupOfLaptopA();
    const { desk } = await laptopB();
    expect(await restoreAsTheScreenDoes(desk, file)).toBe('restored');
    const now = (await desk.useCases.identity.describe()).identity;
    expect(now.continuesFrom?.deskId).toBe(file.desk['deskId']);
    expect(now.continuesFrom?.deskName).toBe(file.desk['name']);
    expect((await desk.db.timelineEntries.toArray()).map((e) => e.title)).toEqual(['Fire reported']);
  });

  const other = makeDesk(SEED_B, 'Someone else’s laptop');
  const NOT_FROM_KEY = 'is not the desk of the public key it carries';
  const BAD_SIGNATURE = 'does not match that desk’s signature';
  const DAMAGED = 'identity of the desk that made it is damaged';

  // A field set to undefined is left out of the file.
  it.each<[string, (desk: DeskIdentity, otherDesk: DeskIdentity) => Record<string, unknown>, string]>([
    ['its desk id changed', (_d, o) => ({ deskId: o.deskId }), NOT_FROM_KEY],
    ['its public key changed', (_d, o) => ({ publicKey: o.publicKey }), NOT_FROM_KEY],
    ['another desk’s key and id put in', (_d, o) => ({ deskId: o.deskId, publicKey: o.publicKey }), BAD_SIGNATURE],
    ['its signature changed', (d) => ({ signature: hexFlipped(d.signature) }), BAD_SIGNATURE],
    ['its name changed', () => ({ name: 'Mayor’s office' }), BAD_SIGNATURE],
    [
      'what it continues changed',
      (d) => ({ continuesFrom: { deskId: null, backupChecksum: d.publicKey } }),
      BAD_SIGNATURE,
    ],
    ['a public key that is not hexadecimal', () => ({ publicKey: 'zz'.repeat(32) }), `${DAMAGED}: publicKey`],
    ['a public key one byte short', (d) => ({ publicKey: d.publicKey.slice(2) }), `${DAMAGED}: publicKey`],
    ['a public key of odd length', (d) => ({ publicKey: d.publicKey.slice(1) }), `${DAMAGED}: publicKey`],
    ['its signature missing', () => ({ signature: undefined }), `${DAMAGED}: signature`],
    ['its id missing', () => ({ deskId: undefined }), `${DAMAGED}: deskId`],
    ['a field added', () => ({ privateKey: 'ab'.repeat(32) }), DAMAGED],
  ])('refuses a backup with %s, in words, and the desk keeps what it holds', async (_label, tamper, words) => {
    const file = await backupOfLaptopA();
    const tampered = { ...file.desk, ...tamper(file.desk as DeskIdentity, (await other).identity) };
    const { desk, holds } = await laptopB();
    const before = await holds();

    const said = await restoreAsTheScreenDoes(desk, { ...file, desk: tampered });

    expect(said).toContain(words);
    expect(said).toContain('Nothing was restored.');
    expect(await holds()).toEqual(before);
  });

  it('refuses a desk identity that is not an object', async () => {
    const file = await backupOfLaptopA();
    const { desk, holds } = await laptopB();
    const before = await holds();
    expect(await restoreAsTheScreenDoes(desk, { ...file, desk: String(file.desk['deskId']) })).toContain(DAMAGED);
    expect(await holds()).toEqual(before);
  });
});
