import { describe, expect, it } from 'vitest';

import { actor, T0 } from '../../../factories/incident';
import { makeContent } from '../../../factories/timeline';
import { logged } from '../testDb';
import { deskWithIncident, listenedDesk, racedRead } from './heard';
import { written } from '../../../support/written';

const SETUP = { cityName: 'Kristiansand', operatorName: 'Ingrid Berg', defaultTimeZone: 'Europe/Oslo' };

/** Adds a person to the desk and hands them the keyboard. */
async function switchToNew(desk: ReturnType<typeof listenedDesk>['desk'], name: string, now: number) {
  const added = await desk.useCases.operators.addPerson({ name, role: '' }, actor({ now }));
  const person = added.ok ? added.value.people?.find((p) => p.name === name) : undefined;
  await desk.useCases.operators.switchTo(person?.id ?? 'none', now);
}

describe('settings use-cases', () => {
  it('sets the desk up and hands the keyboard over, each with its audit line, heard desk-wide', async () => {
    const { desk, heard } = listenedDesk();
    await desk.useCases.settings.save(SETUP, actor());
    await switchToNew(desk, 'Sofie Lie', T0 + 1);
    expect((await desk.db.auditLog.orderBy('at').toArray()).map((a) => [a.summary, a.incidentId])).toEqual([
      ['Desk set up for Kristiansand', null],
      ['Person added to the desk: Sofie Lie', null],
      ['Operator at the keyboard: Sofie Lie (taking over from Ingrid Berg)', null],
    ]);
    expect(heard()).toEqual([
      ['settings.set-up', 'desk'],
      ['operator.added', 'desk'],
      ['operator.switched', 'desk'],
    ]);
  });

  it('keeps a change another window saved meanwhile: the settings are read and planned again', async () => {
    const { desk } = listenedDesk();
    await desk.useCases.settings.save(SETUP, actor());
    const added = await desk.useCases.operators.addPerson({ name: 'Sofie Lie', role: '' }, actor({ now: T0 + 1 }));
    const sofie = added.ok ? added.value.people?.find((p) => p.name === 'Sofie Lie') : undefined;
    racedRead(desk.core.stores.settings, 'get', () =>
      desk.useCases.settings.save({ ...SETUP, backupKeepLast: 20 }, actor({ now: T0 + 2 })),
    );
    await desk.useCases.operators.switchTo(sofie?.id ?? 'none', T0 + 3);
    expect(await desk.useCases.settings.get()).toMatchObject({ operatorName: 'Sofie Lie', backupKeepLast: 20 });
  });
});

describe('published heads', () => {
  it('are logged once when two windows publish the same head at the same moment, heard in the incident’s scope', async () => {
    const { desk, incident, heard } = await deskWithIncident();
    await logged(desk.useCases.timeline.append(incident.id, [makeContent({ title: 'One' })], actor()));
    const head = await desk.useCases.timeline.head(incident.id);
    const [a, b] = await Promise.all([
      written(desk.useCases.publishedHeads.append(incident.id, head, 'export', actor())),
      written(desk.useCases.publishedHeads.append(incident.id, head, 'export', actor())),
    ]);
    expect([a, b].filter((h) => h !== null)).toHaveLength(1);
    expect(await desk.useCases.publishedHeads.listForIncident(incident.id)).toHaveLength(1);
    expect(heard().filter(([kind]) => kind === 'head.published')).toEqual([
      ['head.published', { incidentId: incident.id }],
    ]);
  });
});
