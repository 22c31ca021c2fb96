import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';

import { makeContactFields } from '../../factories/contacts';
import { T0, actor, makeDraft } from '../../factories/incident';
import { freshDesk } from './testDb';
import { written } from '../../support/written';

async function deskWithTree() {
  const desk = freshDesk();
  const add = async (name: string) => {
    const r = await desk.useCases.contacts.createContact(makeContactFields({ name }), actor());
    if (!r.ok) throw new Error('contact');
    return r.value;
  };
  const [mayor, chief, imam, deputy] = [
    await add('Mette Dahl'),
    await add('Kari Holm'),
    await add('Imam Y. Rahman'),
    await add('Omar Said'),
  ];
  const tree = await desk.useCases.contacts.createTree('Faith leaders', '', actor());
  if (!tree.ok) throw new Error('tree');
  const nodes = [
    { id: 'n1', contactId: mayor.id, depth: 0, fallbackContactId: null },
    { id: 'n2', contactId: chief.id, depth: 1, fallbackContactId: null },
    { id: 'n3', contactId: imam.id, depth: 2, fallbackContactId: deputy.id },
  ];
  const saved = await desk.useCases.contacts.saveTree(tree.value.id, { nodes }, actor());
  if (!saved.ok) throw new Error('save');
  const draft = validateIncidentDraft(makeDraft());
  if (!draft.ok) throw new Error('draft');
  const incident = await written(desk.useCases.incidents.create(draft.value, actor()));
  return { desk, tree: saved.value, incident, mayor, chief, imam, deputy };
}

describe('contacts repository', () => {
  it('adds a contact with its audit line, and refuses invalid fields without writing', async () => {
    const desk = freshDesk();
    const r = await desk.useCases.contacts.createContact(makeContactFields({ name: 'Imam Y. Rahman' }), actor());
    expect(r.ok).toBe(true);
    const bad = await desk.useCases.contacts.createContact(makeContactFields({ name: ' ', email: 'x' }), actor());
    expect(!bad.ok && bad.error.code).toBe('invalid');
    expect(await desk.db.contacts.count()).toBe(1);
    expect((await desk.db.auditLog.toArray()).map((a) => a.summary)).toEqual(['Contact added: Imam Y. Rahman']);
  });

  it('imports all or nothing', async () => {
    const desk = freshDesk();
    const refused = await desk.useCases.contacts.importContacts(
      [makeContactFields(), makeContactFields({ name: '' })],
      'x.csv',
      actor(),
    );
    expect(refused.ok).toBe(false);
    expect(await desk.db.contacts.count()).toBe(0);
    const done = await desk.useCases.contacts.importContacts(
      [makeContactFields(), makeContactFields()],
      'x.csv',
      actor(),
    );
    expect(done.ok && done.value.length).toBe(2);
    expect((await desk.db.auditLog.toArray()).filter((a) => a.action === 'import')).toHaveLength(2);
  });

  it('refuses to save a tree that places someone twice (a loop included), leaving the stored tree as it was', async () => {
    const { desk, tree, mayor } = await deskWithTree();
    const loop = [...tree.nodes, { id: 'n4', contactId: mayor.id, depth: 3, fallbackContactId: null }];
    const r = await desk.useCases.contacts.saveTree(tree.id, { nodes: loop }, actor());
    expect(r).toEqual({ ok: false, error: { code: 'duplicate', path: ['Mette Dahl'] } });
    expect((await desk.useCases.contacts.getTree(tree.id))?.nodes).toHaveLength(3);
  });

  it('refuses to delete a contact a tree still uses, naming the tree', async () => {
    const { desk, imam } = await deskWithTree();
    expect(await desk.useCases.contacts.deleteContact(imam.id, actor())).toEqual({
      ok: false,
      error: { code: 'in-use', trees: ['Faith leaders'] },
    });
  });

  it('writes every state change of an activation to the incident timeline, and escalates to the fallback', async () => {
    const { desk, tree, incident } = await deskWithTree();
    const started = await desk.useCases.contacts.startActivation(incident.id, tree.id, actor({ now: T0 + 1000 }));
    if (!started.ok) throw new Error('start');
    const id = started.value.id;
    expect((await desk.useCases.contacts.setCallState(id, 'n1', 'reached', '', actor({ now: T0 + 2000 }))).ok).toBe(
      true,
    );
    const back = await desk.useCases.contacts.setCallState(id, 'n1', 'waiting', '', actor({ now: T0 + 2500 }));
    expect(!back.ok && back.error.code).toBe('note-required');
    expect(
      (await desk.useCases.contacts.setCallState(id, 'n3', 'unreachable', 'No answer', actor({ now: T0 + 3000 }))).ok,
    ).toBe(true);
    const escalated = await desk.useCases.contacts.escalate(id, 'n3', '', actor({ now: T0 + 4000 }));
    expect(escalated.ok && escalated.value.nodes[2]).toMatchObject({ state: 'waiting', onFallback: true });

    const entries = await desk.db.timelineEntries.where('incidentId').equals(incident.id).toArray();
    expect(entries.sort((a, b) => a.occurredAt - b.occurredAt).map((e) => e.title)).toEqual([
      'Call tree “Faith leaders” activated: 3 people to reach',
      'Call tree “Faith leaders”: Mette Dahl reached',
      'Call tree “Faith leaders”: Imam Y. Rahman unreachable',
      'Call tree “Faith leaders”: Imam Y. Rahman unreachable, passed to fallback Omar Said',
    ]);
    expect(entries.every((e) => e.category === 'communication')).toBe(true);
    expect(entries[1]?.links).toEqual([
      { kind: 'contact', id: started.value.nodes[0]?.contactId },
      { kind: 'activation', id },
    ]);
    const attempts = await desk.useCases.contacts.attempts(id);
    expect(attempts.map((a) => [a.nodeId, a.from, a.to, a.note])).toEqual([
      ['n1', 'waiting', 'reached', ''],
      ['n3', 'waiting', 'unreachable', 'No answer'],
      ['n3', 'unreachable', 'waiting', ''],
    ]);
    // The refused change left no trace.
    expect((await desk.useCases.contacts.getActivation(id))?.nodes[0]?.state).toBe('reached');
  });

  it('starts a tree a second time only when asked, and stands an activation down with its reason on the timeline', async () => {
    const { desk, tree, incident } = await deskWithTree();
    const first = await desk.useCases.contacts.startActivation(incident.id, tree.id, actor({ now: T0 + 1000 }));
    if (!first.ok) throw new Error('start');
    const unasked = await desk.useCases.contacts.startActivation(incident.id, tree.id, actor({ now: T0 + 2000 }));
    expect(!unasked.ok && unasked.error.code).toBe('already-activated');
    expect(await desk.useCases.contacts.listActivations(incident.id)).toHaveLength(1);

    const down = await desk.useCases.contacts.standDown(first.value.id, 'Threat over', actor({ now: T0 + 3000 }));
    expect(down.ok && down.value.standDown).toEqual({ at: T0 + 3000, by: 'Ingrid Berg', reason: 'Threat over' });
    const call = await desk.useCases.contacts.setCallState(
      first.value.id,
      'n1',
      'reached',
      '',
      actor({ now: T0 + 4000 }),
    );
    expect(!call.ok && call.error.code).toBe('stood-down');
    const titles = (await desk.db.timelineEntries.where('incidentId').equals(incident.id).toArray()).map(
      (e) => e.title,
    );
    expect(titles).toContain('Call tree “Faith leaders” stood down: 0 of 3 reached');
    const audit = (await desk.db.auditLog.toArray()).filter((a) => a.entityId === first.value.id);
    expect(audit.map((a) => a.summary)).toContain('Call tree stood down: Faith leaders');

    const again = await desk.useCases.contacts.startActivation(incident.id, tree.id, actor({ now: T0 + 5000 }), {
      again: true,
    });
    expect(again.ok).toBe(true);
    expect(await desk.useCases.contacts.listActivations(incident.id)).toHaveLength(2);
  });
});
