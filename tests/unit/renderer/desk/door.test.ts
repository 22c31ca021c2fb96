import { describe, expect, it } from 'vitest';

import { auditEvent } from '@shared/domain/audit';
import { EMPTY_FILTER } from '@shared/domain/timeline/listFilter';
import type { Contact } from '@shared/schemas/contacts';
import { readOrder } from '@renderer/db/repos/timelineQuery';
import { WriteRefusedError } from '@renderer/db/writeDoor';
import { createChangeFeed } from '@renderer/desk/changeFeed';
import { createDoor, rowIs, type ChangeNotice } from '@renderer/desk/door';
import type { PlannedRecords, Recorder } from '@renderer/desk/identity/recorder';

import { makeContact } from '../../../factories/contacts';
import { actor, makeIncident, T0 } from '../../../factories/incident';
import { makeContent } from '../../../factories/timeline';
import { freshDesk, logged } from '../testDb';

const auditLine = (id: string, summary: string) =>
  auditEvent({
    id,
    actor: actor(),
    incidentId: null,
    entityType: 'contact',
    entityId: 'con_1',
    action: 'create',
    summary,
  });

/** The change that adds contacts to the desk, with its one audit line. */
const contactsAdded = (contacts: Contact[], summary: string) => ({
  scope: 'desk' as const,
  kind: 'contact.added' as const,
  add: { contacts },
  audit: [auditLine('aud_1', summary)],
});

/**
 * A recorder whose chain tip another window always moves first: every signature it plans is
 * stale by the time the transaction checks it. `signed` counts the signatures it made.
 */
function outpacedRecorder() {
  const signed = { count: 0 };
  const recorder = {
    plan: () => {
      signed.count += 1;
      return Promise.resolve({ rows: [] } as unknown as PlannedRecords);
    },
    holds: () => Promise.resolve(false),
    tables: () => [],
    store: () => Promise.resolve(),
    committed: () => undefined,
  } as unknown as Recorder;
  return { recorder, signed };
}

/** A door over a fresh database, with everything its change feed heard. */
function doorOf(recorder?: Recorder) {
  const { db } = freshDesk();
  const feed = createChangeFeed();
  const heard: ChangeNotice[] = [];
  feed.subscribe((n) => heard.push(n));
  return { db, door: createDoor(db, feed, recorder), heard };
}

async function expectNothingWritten(db: ReturnType<typeof doorOf>['db'], heard: ChangeNotice[]) {
  expect(await db.contacts.count()).toBe(0);
  expect(await db.auditLog.count()).toBe(0);
  expect(heard).toEqual([]);
}

describe('the door every change goes through', () => {
  it('writes the rows and the audit line of a change together, then tells the change feed', async () => {
    const { db, door, heard } = doorOf();
    const written = await door.write(
      contactsAdded([makeContact({ id: 'con_1', name: 'Imam Yusuf' })], 'Contact added: Imam Yusuf'),
    );
    expect(written).toEqual({ ok: true, value: undefined });
    expect((await db.contacts.get('con_1'))?.name).toBe('Imam Yusuf');
    expect((await db.auditLog.toArray()).map((a) => a.summary)).toEqual(['Contact added: Imam Yusuf']);
    expect(heard).toEqual([
      { scope: 'desk', kind: 'contact.added', tables: ['contacts', 'auditLog'], replacedAll: false, rebuilt: false },
    ]);
  });

  it('writes nothing when a precondition no longer holds, and returns its failure as a value', async () => {
    const { db, door, heard } = doorOf();
    await db.contacts.add(makeContact({ id: 'con_1', name: 'Imam Yusuf', updatedAt: T0 }));
    const stale = rowIs('contacts', 'con_1', 'the contact is as it was read', (row) => row?.updatedAt === T0 - 1, {
      code: 'contact-moved' as const,
    });
    const written = await door.write({
      scope: 'desk',
      kind: 'contact.changed',
      put: { contacts: [makeContact({ id: 'con_1', name: 'Imam Yusuf Ali' })] },
      add: { contacts: [makeContact({ id: 'con_2', name: 'Rabbi Cohen' })] },
      audit: [auditLine('aud_1', 'Contact changed')],
      preconditions: [stale],
    });
    expect(written).toEqual({ ok: false, error: { code: 'contact-moved' } });
    expect((await db.contacts.toArray()).map((c) => c.name)).toEqual(['Imam Yusuf']);
    expect(await db.auditLog.count()).toBe(0);
    expect(heard).toEqual([]);
  });

  it('refuses a change with one bad row whole, rows and audit line, naming the row and what is wrong', async () => {
    const { db, door, heard } = doorOf();
    const written = await door.write(
      contactsAdded(
        [makeContact({ id: 'con_1' }), makeContact({ id: 'con_2', email: 'x'.repeat(255) })],
        'Contacts added',
      ),
    );
    expect(written).toEqual({
      ok: false,
      error: {
        code: 'refused',
        reason: 'row',
        table: 'contacts',
        rowId: 'con_2',
        problem: 'the email is 255 characters long; it takes up to 254',
        message: 'Nothing was saved: the email is 255 characters long; it takes up to 254.',
      },
    });
    await expectNothingWritten(db, heard);
  });

  it('answers a change whose signature another window kept outdating as refused, in words, with nothing written', async () => {
    const { recorder, signed } = outpacedRecorder();
    const { db, door, heard } = doorOf(recorder);
    const written = await door.write(
      contactsAdded([makeContact({ id: 'con_1', name: 'Imam Yusuf' })], 'Contact added: Imam Yusuf'),
    );
    expect(written).toEqual({
      ok: false,
      error: {
        code: 'refused',
        reason: 'chain-kept-moving',
        message:
          'Nothing was saved: another window kept changing the desk while this change was being signed. Try again.',
      },
    });
    // It signed again on the moved tip before giving up.
    expect(signed.count).toBeGreaterThan(1);
    await expectNothingWritten(db, heard);
  });

  it('rolls back rows already written when IndexedDB refuses a later one (a key already stored)', async () => {
    const { db, door } = doorOf();
    await db.contacts.add(makeContact({ id: 'con_2', name: 'Kept' }));
    const written = await door.write({
      scope: 'desk',
      kind: 'contact.added',
      add: { incidents: [makeIncident({ id: 'inc_1' })], contacts: [makeContact({ id: 'con_2', name: 'Again' })] },
      audit: [auditLine('aud_1', 'Added')],
    });
    expect(written).toMatchObject({ ok: false, error: { code: 'refused', table: 'contacts' } });
    expect(await db.incidents.count()).toBe(0);
    expect((await db.contacts.get('con_2'))?.name).toBe('Kept');
    expect(await db.auditLog.count()).toBe(0);
  });

  it('parses each row once, and a row it let through is checked again when written another way afterwards', async () => {
    const { db, door } = doorOf();
    const contact = makeContact({ id: 'con_1' });
    const never = rowIs('contacts', 'con_1', 'the contact is not there yet', () => false, { code: 'moved' as const });
    const change = { scope: 'desk' as const, kind: 'contact.added' as const, add: { contacts: [contact] }, audit: [] };
    expect(await door.write({ ...change, preconditions: [never] })).toEqual({ ok: false, error: { code: 'moved' } });
    Object.assign(contact, { secretNote: 'added after the door checked it' });
    await expect(db.contacts.add(contact)).rejects.toBeInstanceOf(WriteRefusedError);

    const written = makeContact({ id: 'con_2' });
    expect(await door.write({ ...change, add: { contacts: [written] } })).toEqual({ ok: true, value: undefined });
    Object.assign(written, { phones: 'none' });
    await expect(db.contacts.put(written)).rejects.toBeInstanceOf(WriteRefusedError);
    expect((await db.contacts.toArray()).map((c) => c.id)).toEqual(['con_2']);
  });
});

describe('the change feed', () => {
  it('hears a restore as a change that replaced everything, and the timeline order starts afresh from it', async () => {
    const desk = freshDesk();
    const heard: ChangeNotice[] = [];
    desk.feed.subscribe((n) => heard.push(n));
    await logged(
      desk.useCases.timeline.append('inc_1', [makeContent({ title: 'Shots reported', occurredAt: T0 })], actor()),
    );
    const backup = await desk.core.backupRows.readAll();
    await logged(
      desk.useCases.timeline.append('inc_1', [makeContent({ title: 'Road closed', occurredAt: T0 + 60_000 })], actor()),
    );
    // The list is read once, so its order is held in memory with both entries.
    expect((await desk.useCases.timeline.list('inc_1', EMPTY_FILTER, '', null)).listed).toHaveLength(2);

    expect(await desk.core.restore(backup, actor({ now: T0 + 120_000 }), 'the test backup')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(heard.map((n) => [n.kind, n.replacedAll])).toEqual([
      ['timeline.logged', false],
      ['timeline.logged', false],
      ['desk.restored', true],
    ]);
    const listed = await desk.useCases.timeline.list('inc_1', EMPTY_FILTER, '', null);
    expect(listed.listed.map((l) => l.occurredAt)).toEqual([T0]);
    expect(listed.total).toBe(1);
    expect(await readOrder(desk.db, 'inc_1')).toEqual({ times: [T0], ids: [listed.listed[0]?.id] });
  });

  it('keeps the order index with the entries when a correction moves one', async () => {
    const desk = freshDesk();
    const [first, second] = await logged(
      desk.useCases.timeline.append(
        'inc_1',
        [makeContent({ title: 'A', occurredAt: T0 }), makeContent({ title: 'B', occurredAt: T0 + 60_000 })],
        actor(),
      ),
    );
    expect(
      await desk.useCases.timeline.edit(
        first!.id,
        makeContent({ title: 'A', occurredAt: T0 + 120_000 }),
        'Time corrected',
        actor(),
      ),
    ).toMatchObject({ ok: true });
    expect(await readOrder(desk.db, 'inc_1')).toEqual({
      times: [T0 + 60_000, T0 + 120_000],
      ids: [second!.id, first!.id],
    });
  });
});
