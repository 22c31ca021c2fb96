import { describe, expect, it } from 'vitest';

import { WriteRefusedError } from '@renderer/db/writeDoor';

import { actor, T0 } from '../../../factories/incident';
import { makeContent } from '../../../factories/timeline';
import { logged } from '../testDb';
import { deskWithIncident, listenedDesk, racedRead } from './heard';
import { written } from '../../../support/written';

const SETUP = { cityName: 'Kristiansand', operatorName: 'Ingrid Berg', defaultTimeZone: 'Europe/Oslo' };

describe('settings use-cases', () => {
  it('sets the desk up and hands the keyboard over, each with its audit line, heard desk-wide', async () => {
    const { desk, heard } = listenedDesk();
    await desk.useCases.settings.save(SETUP, actor());
    await desk.useCases.settings.switchOperator('Sofie Lie', 'Duty officer', T0 + 1);
    expect((await desk.db.auditLog.orderBy('at').toArray()).map((a) => [a.summary, a.incidentId])).toEqual([
      ['Desk set up for Kristiansand', null],
      ['Operator at the keyboard: Sofie Lie (taking over from Ingrid Berg)', null],
    ]);
    expect(heard()).toEqual([
      ['settings.set-up', 'desk'],
      ['settings.operator-switched', 'desk'],
    ]);
  });

  it('refuses a name its readers would refuse: the promise rejects in words, nothing is written, nobody is told', async () => {
    const { desk, heard } = listenedDesk();
    await desk.useCases.settings.save(SETUP, actor());
    const refused = await desk.useCases.settings.switchOperator('S'.repeat(121), '', T0 + 1).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(WriteRefusedError);
    expect((refused as Error).message).toBe(
      'Nothing was saved: the operator name is 121 characters long; it takes up to 120.',
    );
    expect((await desk.useCases.settings.get())?.operatorName).toBe('Ingrid Berg');
    expect(await desk.db.auditLog.count()).toBe(1);
    expect(heard()).toEqual([['settings.set-up', 'desk']]);
  });

  it('keeps a change another window saved meanwhile: the settings are read and planned again', async () => {
    const { desk } = listenedDesk();
    await desk.useCases.settings.save(SETUP, actor());
    racedRead(desk.core.stores.settings, 'get', () =>
      desk.useCases.settings.save({ ...SETUP, backupKeepLast: 20 }, actor({ now: T0 + 1 })),
    );
    await desk.useCases.settings.switchOperator('Sofie Lie', '', T0 + 2);
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
