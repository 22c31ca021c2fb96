import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';

import { T0, actor, makeDraft } from '../../factories/incident';
import { freshDesk, setUpDesk } from './testDb';
import { written } from '../../support/written';

function fields(overrides = {}) {
  const r = validateIncidentDraft(makeDraft(overrides));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('incidents repository', () => {
  it('lists incidents newest start first', async () => {
    const { useCases } = freshDesk();
    await written(useCases.incidents.create(fields({ title: 'Older', startDate: '2026-01-02' }), actor()));
    await written(useCases.incidents.create(fields({ title: 'Newer', startDate: '2026-03-02' }), actor()));
    expect((await useCases.incidents.list()).map((i) => i.title)).toEqual(['Newer', 'Older']);
  });

  it('audits creation, edits, closing and reopening with who and when', async () => {
    const { useCases } = freshDesk();
    const created = await written(useCases.incidents.create(fields(), actor({ now: T0 })));
    await useCases.incidents.update(created.id, fields({ title: 'Renamed' }), actor({ operator: 'Ola', now: T0 + 1 }));
    await useCases.incidents.close(created.id, actor({ now: T0 + 2 }));
    await useCases.incidents.reopen(created.id, actor({ now: T0 + 3 }));
    const trail = await useCases.audit.listForIncident(created.id);
    expect(trail.map((e) => [e.action, e.operator, e.at])).toEqual([
      ['reopen', 'Ingrid Berg', T0 + 3],
      ['close', 'Ingrid Berg', T0 + 2],
      ['update', 'Ola', T0 + 1],
      ['create', 'Ingrid Berg', T0],
    ]);
    expect(trail[2]?.changes).toEqual([{ field: 'title', before: 'Vehicle attack, Market Square', after: 'Renamed' }]);
  });

  it('writes no audit line for an edit that changes nothing', async () => {
    const { useCases } = freshDesk();
    const created = await written(useCases.incidents.create(fields(), actor()));
    await useCases.incidents.update(created.id, fields(), actor());
    expect(await useCases.audit.listForIncident(created.id)).toHaveLength(1);
  });

  it('refuses to close twice, or to touch an incident that does not exist', async () => {
    const { useCases } = freshDesk();
    const created = await written(useCases.incidents.create(fields(), actor()));
    await useCases.incidents.close(created.id, actor());
    expect(await useCases.incidents.close(created.id, actor())).toEqual({
      ok: false,
      error: { code: 'already-closed' },
    });
    expect(await useCases.incidents.reopen('inc_missing', actor())).toEqual({
      ok: false,
      error: { code: 'not-found', id: 'inc_missing' },
    });
  });
});

describe('settings audit', () => {
  it('records only the settings that changed, and every line survives a backup', async () => {
    const { useCases, core } = await setUpDesk();
    await useCases.settings.save(
      { cityName: 'Kristiansand', operatorName: 'Ola', defaultTimeZone: 'Europe/Oslo', backupKeepLast: 20 },
      actor({ operator: 'Ola' }),
    );
    const rows = await core.backupRows.readAll();
    const changes = rows.auditLog.map((e) => e.changes);
    expect(changes[1]).toEqual([
      { field: 'operatorName', before: 'Ingrid Berg', after: 'Ola' },
      { field: 'backupKeepLast', before: null, after: 20 },
    ]);
    for (const e of rows.auditLog) for (const c of e.changes) expect('after' in c && c.after !== undefined).toBe(true);
    expect((await useCases.settings.get())?.backupKeepLast).toBe(20);
  });
});
