import { describe, expect, it } from 'vitest';

import { actor, T0 } from '../../../factories/incident';
import { makeContactFields } from '../../../factories/contacts';
import { listenedDesk, racedRead } from './heard';

async function withContact(name = 'Imam Y. Rahman') {
  const listened = listenedDesk();
  const r = await listened.desk.useCases.contacts.createContact(makeContactFields({ name }), actor());
  if (!r.ok) throw new Error(r.error.code);
  return { ...listened, contact: r.value };
}

describe('directory and call-tree use-cases', () => {
  it('write a contact and a tree each with its audit line, heard desk-wide', async () => {
    const { desk, contact, heard } = await withContact();
    const tree = await desk.useCases.contacts.createTree('Faith leaders', '', actor());
    if (!tree.ok) throw new Error(tree.error.code);
    await desk.useCases.contacts.saveTree(
      tree.value.id,
      { nodes: [{ id: 'n1', contactId: contact.id, depth: 0, fallbackContactId: null }] },
      actor({ now: T0 + 1 }),
    );
    expect((await desk.db.auditLog.orderBy('at').toArray()).map((a) => [a.entityType, a.action, a.incidentId])).toEqual(
      [
        ['contact', 'create', null],
        ['contactTree', 'create', null],
        ['contactTree', 'update', null],
      ],
    );
    expect(heard()).toEqual([
      ['contact.added', 'desk'],
      ['tree.created', 'desk'],
      ['tree.changed', 'desk'],
    ]);
  });

  it('import all or nothing: one refused row leaves the directory, the audit log and the feed as they were', async () => {
    const { desk, heard } = await withContact();
    const refused = await desk.useCases.contacts.importContacts(
      [makeContactFields({ name: 'Kari Holm' }), makeContactFields({ name: '' })],
      'faith.csv',
      actor(),
    );
    expect(refused.ok).toBe(false);
    expect(await desk.db.contacts.count()).toBe(1);
    expect(await desk.db.auditLog.count()).toBe(1);
    expect(heard()).toHaveLength(1);
  });

  it('plan an edit again on the contact as another window changed it meanwhile, so the audit line says what really changed', async () => {
    const { desk, contact } = await withContact();
    racedRead(desk.core.stores.contacts, 'getContact', () =>
      desk.useCases.contacts.updateContact(
        contact.id,
        makeContactFields({ name: 'Imam Y. R.' }),
        actor({ operator: 'Ola', now: T0 + 1 }),
      ),
    );
    const r = await desk.useCases.contacts.updateContact(
      contact.id,
      makeContactFields({ name: 'Imam Yusuf Rahman' }),
      actor({ now: T0 + 2 }),
    );
    expect(r.ok && r.value.name).toBe('Imam Yusuf Rahman');
    const [last] = await desk.db.auditLog
      .where('at')
      .equals(T0 + 2)
      .toArray();
    expect(last?.changes.find((c) => c.field === 'name')).toEqual({
      field: 'name',
      before: 'Imam Y. R.',
      after: 'Imam Yusuf Rahman',
    });
  });

  it('do not delete a contact a call tree started calling while the deletion was being planned', async () => {
    const { desk, contact, heard } = await withContact();
    const tree = await desk.useCases.contacts.createTree('Faith leaders', '', actor());
    if (!tree.ok) throw new Error(tree.error.code);
    racedRead(desk.core.stores.contacts, 'treesCalling', () =>
      desk.useCases.contacts.saveTree(
        tree.value.id,
        { nodes: [{ id: 'n1', contactId: contact.id, depth: 0, fallbackContactId: null }] },
        actor({ now: T0 + 1 }),
      ),
    );
    expect(await desk.useCases.contacts.deleteContact(contact.id, actor({ now: T0 + 2 }))).toEqual({
      ok: false,
      error: { code: 'in-use', trees: ['Faith leaders'] },
    });
    expect(await desk.db.contacts.get(contact.id)).toEqual(contact);
    expect(heard().map(([kind]) => kind)).toEqual(['contact.added', 'tree.created', 'tree.changed']);
  });
});
