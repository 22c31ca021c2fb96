import { describe, expect, it } from 'vitest';

import { makeContent } from '../../../factories/timeline';
import { freshDesk, logged } from '../testDb';

const T = Date.UTC(2026, 10, 24, 13, 0);
const by = (operator: string, now = T) => ({ operator, now });

async function setUpDesk() {
  const desk = freshDesk();
  await desk.useCases.settings.save(
    {
      cityName: 'Kristiansand',
      operatorName: 'Ingrid Berg',
      operatorRole: 'Duty officer',
      defaultTimeZone: 'Europe/Oslo',
    },
    by('Ingrid Berg', T - 60_000),
  );
  return desk;
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('the people at the desk', () => {
  it('start as the one person the set-up named, at the keyboard', async () => {
    const desk = await setUpDesk();
    const { people, current } = await desk.useCases.operators.people();
    expect(people).toEqual([{ id: 'per_setup', name: 'Ingrid Berg', role: 'Duty officer', retiredAt: null }]);
    expect(current?.name).toBe('Ingrid Berg');
  });

  it('hand the keyboard over: the next entry and its signed record are by the person taking over', async () => {
    const desk = await setUpDesk();
    const added = must(
      await desk.useCases.operators.addPerson(
        { name: ' Omar  Said ', role: 'Communications lead' },
        by('Ingrid Berg', T + 1000),
      ),
    );
    const omar = added.people?.find((p) => p.name === 'Omar Said');
    expect(omar).toMatchObject({ role: 'Communications lead', retiredAt: null });
    const switched = must(await desk.useCases.operators.switchTo(omar!.id, T + 2000));
    expect(switched).toMatchObject({
      operatorName: 'Omar Said',
      operatorRole: 'Communications lead',
      operatorId: omar!.id,
    });
    const audit = (await desk.db.auditLog.toArray()).at(-1);
    expect(audit).toMatchObject({
      operator: 'Omar Said',
      summary: 'Operator at the keyboard: Omar Said (taking over from Ingrid Berg)',
    });
    const switchRecord = (await desk.db.records.toArray()).at(-1)?.record;
    expect(switchRecord).toMatchObject({
      kind: 'operator.switched',
      operator: { name: 'Omar Said', role: 'Communications lead' },
    });
    // The screen's actor follows the settings: the next entry is Omar's.
    const settings = (await desk.useCases.settings.get())!;
    const [entry] = await logged(
      desk.useCases.timeline.append(
        'inc_1',
        [makeContent({ title: 'Press line agreed' })],
        by(settings.operatorName, T + 3000),
      ),
    );
    expect(entry?.recordedBy).toBe('Omar Said');
    expect((await desk.db.records.toArray()).at(-1)?.record.operator).toEqual({
      name: 'Omar Said',
      role: 'Communications lead',
    });
  });

  it('keep retired people listed but never at the keyboard, and refuse to retire whoever is at it', async () => {
    const desk = await setUpDesk();
    must(await desk.useCases.operators.addPerson({ name: 'Omar Said', role: '' }, by('Ingrid Berg')));
    const { people } = await desk.useCases.operators.people();
    const [ingrid, omar] = people;
    expect(await desk.useCases.operators.retirePerson(ingrid!.id, by('Ingrid Berg'))).toEqual({
      ok: false,
      error: { code: 'at-the-keyboard', name: 'Ingrid Berg' },
    });
    must(await desk.useCases.operators.retirePerson(omar!.id, by('Ingrid Berg', T + 5)));
    expect((await desk.useCases.operators.people()).people.find((p) => p.id === omar!.id)?.retiredAt).toBe(T + 5);
    expect(await desk.useCases.operators.switchTo(omar!.id, T + 10)).toEqual({
      ok: false,
      error: { code: 'retired', name: 'Omar Said' },
    });
  });

  it('refuse a name twice, an empty name, and names with control or text-direction characters, changing nothing', async () => {
    const desk = await setUpDesk();
    const before = await desk.useCases.settings.get();
    expect(await desk.useCases.operators.addPerson({ name: 'ingrid berg', role: '' }, by('Ingrid Berg'))).toEqual({
      ok: false,
      error: { code: 'same-name', name: 'ingrid berg' },
    });
    expect(await desk.useCases.operators.addPerson({ name: '  ', role: '' }, by('Ingrid Berg'))).toEqual({
      ok: false,
      error: { code: 'invalid', field: 'name', problem: 'is empty; it must be filled in' },
    });
    expect(
      await desk.useCases.operators.addPerson({ name: 'Mallory \u202Efdp.exe', role: '' }, by('Ingrid Berg')),
    ).toEqual({
      ok: false,
      error: { code: 'invalid', field: 'name', problem: 'holds control or text-direction characters' },
    });
    expect(await desk.useCases.settings.get()).toEqual(before);
  });

  it('rename the person at the keyboard everywhere the desk names them from now on', async () => {
    const desk = await setUpDesk();
    const { current } = await desk.useCases.operators.people();
    const renamed = must(
      await desk.useCases.operators.renamePerson(
        current!.id,
        { name: 'Ingrid Berg-Holm', role: 'Crisis manager' },
        by('Ingrid Berg', T + 1),
      ),
    );
    expect(renamed).toMatchObject({ operatorName: 'Ingrid Berg-Holm', operatorRole: 'Crisis manager' });
    expect((await desk.db.auditLog.toArray()).at(-1)?.summary).toBe(
      'Person renamed: Ingrid Berg → Ingrid Berg-Holm (Crisis manager)',
    );
  });
});
