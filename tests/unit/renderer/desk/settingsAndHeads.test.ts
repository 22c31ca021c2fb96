import { describe, expect, it } from 'vitest';

import type { Door } from '@renderer/desk/door';
import { createPublishedHeads } from '@renderer/desk/record/publishedHeads';
import { err } from '@shared/domain/result';

import { actor, makeDraft, T0 } from '../../../factories/incident';
import { makeContent } from '../../../factories/timeline';
import { DESK_SETUP, logged } from '../testDb';
import { deskWithIncident, listenedDesk, racedRead } from './heard';
import { written } from '../../../support/written';

/** Adds a person to the desk and hands them the keyboard. */
async function switchToNew(desk: ReturnType<typeof listenedDesk>['desk'], name: string, now: number) {
  const added = await desk.useCases.operators.addPerson({ name, role: '' }, actor({ now }));
  const person = added.ok ? added.value.people?.find((p) => p.name === name) : undefined;
  await desk.useCases.operators.switchTo(person?.id ?? 'none', now);
}

describe('settings use-cases', () => {
  it('sets the desk up and hands the keyboard over, each with its audit line, heard desk-wide', async () => {
    const { desk, heard } = listenedDesk();
    await desk.useCases.settings.save(DESK_SETUP, actor());
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
    await desk.useCases.settings.save(DESK_SETUP, actor());
    const added = await desk.useCases.operators.addPerson({ name: 'Sofie Lie', role: '' }, actor({ now: T0 + 1 }));
    const sofie = added.ok ? added.value.people?.find((p) => p.name === 'Sofie Lie') : undefined;
    racedRead(desk.core.stores.settings, 'get', () =>
      desk.useCases.settings.save({ ...DESK_SETUP, backupKeepLast: 20 }, actor({ now: T0 + 2 })),
    );
    await desk.useCases.operators.switchTo(sofie?.id ?? 'none', T0 + 3);
    expect(await desk.useCases.settings.get()).toMatchObject({ operatorName: 'Sofie Lie', backupKeepLast: 20 });
  });
});

describe('settings refused', () => {
  it('comes back as a value naming the problem, and the settings stay as they were', async () => {
    const { desk } = listenedDesk();
    await desk.useCases.settings.save(DESK_SETUP, actor());
    const audit = await desk.db.auditLog.count();
    const r = await desk.useCases.settings.save(
      { ...DESK_SETUP, operatorName: 'I'.repeat(121) },
      actor({ now: T0 + 1 }),
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'refused',
        message: 'Nothing was saved: the operator name is 121 characters long; it takes up to 120.',
      },
    });
    expect((await desk.useCases.settings.get())?.operatorName).toBe('Ingrid Berg');
    expect(await desk.db.auditLog.count()).toBe(audit);
  });
});

describe('published heads', () => {
  it('logs every other incident’s head when the log refuses one, and says why', async () => {
    const { desk, incident, fields } = await deskWithIncident();
    const other = await written(
      desk.useCases.incidents.create({ ...fields, title: `${makeDraft().title} (2)` }, actor()),
    );
    for (const id of [incident.id, other.id])
      await logged(desk.useCases.timeline.append(id, [makeContent({ title: 'One' })], actor()));
    const refusal = { code: 'refused' as const, reason: 'chain-kept-moving' as const, message: 'Try again.' };
    // A door that refuses the first incident's head, as when another window kept changing it.
    const door: Door = {
      write: (change, options) =>
        change.scope !== 'desk' && change.scope.incidentId === incident.id
          ? Promise.resolve(err(refusal))
          : desk.core.door.write(change, options),
    };
    const heads = createPublishedHeads({ door, store: desk.core.stores.publishedHeads, gen: () => 'fixed' });
    expect(await heads.appendAll('backup', actor({ now: T0 + 5 }))).toEqual({ ok: false, error: refusal });
    expect(await desk.useCases.publishedHeads.listForIncident(incident.id)).toEqual([]);
    expect(await desk.useCases.publishedHeads.listForIncident(other.id)).toMatchObject([{ via: 'backup' }]);
  });

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
