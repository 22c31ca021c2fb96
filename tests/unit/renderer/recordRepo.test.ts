import { describe, expect, it } from 'vitest';

import { contactDetailsLine } from '@shared/domain/record/recordSections';
import { validateIncidentDraft } from '@shared/domain/incident/commands';

import { T0, actor, makeDraft } from '../../factories/incident';
import { makeContactFields } from '../../factories/contacts';
import { makeContent } from '../../factories/timeline';
import { freshDesk, logged, sealedRecordOf } from './testDb';
import { written } from '../../support/written';

async function exported(profile: 'internal' | 'public' = 'internal') {
  const desk = freshDesk();
  const fields = validateIncidentDraft(makeDraft());
  if (!fields.ok) throw new Error('draft');
  const incident = await written(desk.useCases.incidents.create(fields.value, actor()));
  const [first] = await logged(
    desk.useCases.timeline.append(
      incident.id,
      [makeContent({ title: 'Shots reported' }), makeContent({ title: 'Crisis team activated', category: 'decision' })],
      actor({ now: T0 + 1000 }),
    ),
  );
  await desk.useCases.timeline.edit(
    first!.id,
    makeContent({ title: 'Shots reported near the square' }),
    'Place corrected',
    actor({ now: T0 + 2000 }),
  );
  const record = await sealedRecordOf(desk, incident.id, { now: T0 + 5000, profile });
  return { desk, incident, record };
}

describe('importing an after-action record', () => {
  it('rebuilds the incident exactly on another desk: ids, revisions, times, chain', async () => {
    const { desk, incident, record } = await exported();
    const other = freshDesk();
    const result = await other.useCases.record.importRecord(record, actor({ operator: 'Ola', now: T0 + 9000 }));
    expect(result.ok).toBe(true);
    expect(await other.db.incidents.get(incident.id)).toEqual(await desk.db.incidents.get(incident.id));
    expect(await other.db.timelineEntries.toArray()).toEqual(await desk.db.timelineEntries.toArray());
    expect(await other.db.timelineRevisions.toArray()).toEqual(await desk.db.timelineRevisions.toArray());
    expect(await other.useCases.timeline.verify(incident.id)).toEqual(await desk.useCases.timeline.verify(incident.id));
    expect((await other.useCases.audit.listForIncident(incident.id))[0]).toMatchObject({
      action: 'import',
      operator: 'Ola',
    });
  });

  it('refuses an incident already on the desk, leaving it untouched', async () => {
    const { desk, incident, record } = await exported();
    const before = await desk.db.timelineRevisions.count();
    expect(await desk.useCases.record.importRecord(record, actor())).toEqual({
      ok: false,
      error: { code: 'exists', incidentId: incident.id, title: incident.title },
    });
    expect(await desk.db.timelineRevisions.count()).toBe(before);
  });

  it('refuses a redacted record', async () => {
    const { record } = await exported('public');
    expect(await freshDesk().useCases.record.importRecord(record, actor())).toEqual({
      ok: false,
      error: { code: 'redacted', profile: 'public' },
    });
  });
});

describe('the record’s contacts', () => {
  it('carries each number an activation called with its label, as the desk shows it', async () => {
    const desk = freshDesk();
    await desk.useCases.settings.save(
      { cityName: 'Chicago', operatorName: 'Dana Brooks', defaultTimeZone: 'America/Chicago' },
      actor(),
    );
    const imam = await desk.useCases.contacts.createContact(
      makeContactFields({
        name: 'Imam Yusuf Rahman',
        phones: [
          { label: 'After hours', number: '+1 312 555 0170 ext. 12' },
          { label: 'main', number: '+44 20 7946 0958' },
        ],
      }),
      actor(),
    );
    if (!imam.ok) throw new Error('contact');
    const tree = await desk.useCases.contacts.createTree('Faith leaders', '', actor());
    if (!tree.ok) throw new Error('tree');
    await desk.useCases.contacts.saveTree(
      tree.value.id,
      { nodes: [{ id: 'n1', contactId: imam.value.id, depth: 0, fallbackContactId: null }] },
      actor(),
    );
    const fields = validateIncidentDraft(makeDraft());
    if (!fields.ok) throw new Error('draft');
    const incident = await written(desk.useCases.incidents.create(fields.value, actor()));
    await desk.useCases.contacts.startActivation(incident.id, tree.value.id, actor());
    const source = await desk.useCases.record.collect(incident.id);
    // The record keeps each number as stored; its report line shows it as the desk does, with its label.
    const contact = source?.contacts[0];
    if (!contact) throw new Error('contact');
    expect(contact.phones.map((p) => p.number)).toEqual(['+1 312 555 0170 ext. 12', '+44 20 7946 0958']);
    expect(contactDetailsLine(contact, 'US')).toBe(
      'After hours (312) 555-0170 ext. 12 · main +44 20 7946 0958 · contact1@example.org',
    );
  });
});
