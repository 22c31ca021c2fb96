import { describe, expect, it } from 'vitest';

import { WriteRefusedError } from '@renderer/db/writeDoor';

import { actor } from '../../factories/incident';
import { makeContact } from '../../factories/contacts';
import { freshDesk, setUpDesk } from './testDb';

describe('the database’s one door', () => {
  it('refuses a row the desk could not read back, in words, and rolls its whole transaction back', async () => {
    const desk = await setUpDesk();
    const audit = await desk.db.auditLog.count();
    const refused = await desk.useCases.settings.save(
      { cityName: 'Kristiansand', operatorName: 'I'.repeat(121), defaultTimeZone: 'Europe/Oslo' },
      actor(),
    );
    expect(!refused.ok && refused.error.message).toBe(
      'Nothing was saved: the operator name is 121 characters long; it takes up to 120.',
    );
    expect((await desk.useCases.settings.get())?.operatorName).toBe('Ingrid Berg');
    expect(await desk.db.auditLog.count()).toBe(audit);
  });

  it('refuses a field the desk never writes, and a row written around the repositories', async () => {
    const desk = freshDesk();
    const extra = { ...makeContact({ id: 'con_1' }), secretNote: 'x' };
    await expect(desk.db.contacts.add(extra)).rejects.toThrow(
      'Nothing was saved: “secretNote” is not a field of this record.',
    );
    await expect(
      desk.db.contacts.bulkPut([
        makeContact({ id: 'con_2' }),
        { ...makeContact({ id: 'con_3' }), phones: 'none' } as never,
      ]),
    ).rejects.toBeInstanceOf(WriteRefusedError);
    expect(await desk.db.contacts.count()).toBe(0);
    const kept = makeContact({ id: 'con_4', email: 'imam@example.org' });
    await desk.db.contacts.add(kept);
    await expect(desk.db.contacts.update('con_4', { email: 'x'.repeat(255) })).rejects.toThrow(
      'the email is 255 characters long; it takes up to 254',
    );
    expect(await desk.db.contacts.get('con_4')).toEqual(kept);
  });
});

describe('the door during an upgrade', () => {
  it('lets a migration rewrite rows, so a desk always opens', async () => {
    const { DeskDatabase } = await import('@renderer/db/database');
    const { SCHEMA_HISTORY } = await import('@renderer/db/schema');
    const name = `door-upgrade-${Date.now()}`;
    const old = new DeskDatabase(name);
    await old.contacts.add(makeContact({ id: 'con_1' }));
    old.close();
    const next = SCHEMA_HISTORY.at(-1)!.version + 1;
    const upgraded = new DeskDatabase(name, [
      ...SCHEMA_HISTORY,
      {
        version: next,
        stores: {},
        upgrade: async (tx) => {
          await tx
            .table('contacts')
            .toCollection()
            .modify((c: Record<string, unknown>) => void (c['movedField'] = 1));
        },
      },
    ]);
    await upgraded.open();
    expect(await upgraded.contacts.get('con_1')).toMatchObject({ movedField: 1 });
    // After the upgrade, the door is back: the same field is refused from an ordinary write.
    await expect(
      upgraded.contacts.put({ ...makeContact({ id: 'con_2' }), movedField: 1 } as never),
    ).rejects.toBeInstanceOf(WriteRefusedError);
    upgraded.close();
  });
});
