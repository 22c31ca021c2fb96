import { describe, expect, it } from 'vitest';

import { actor, T0 } from '../../../factories/incident';
import { deskWithIncident, racedRead } from './heard';

describe('incident use-cases', () => {
  it('writes a change with its audit line in one go, and the change feed hears it in the incident’s scope', async () => {
    const { desk, incident, fields, heard } = await deskWithIncident();
    const r = await desk.useCases.incidents.update(
      incident.id,
      { ...fields, title: 'Vehicle attack, Torget' },
      actor({ now: T0 + 1 }),
    );
    expect(r.ok && r.value.title).toBe('Vehicle attack, Torget');
    expect((await desk.useCases.audit.listForIncident(incident.id)).map((a) => a.summary)).toContain(
      'Incident details changed (title)',
    );
    expect(heard()).toEqual([['incident.changed', { incidentId: incident.id }]]);
  });

  it('refuses a field its readers would refuse, and leaves the incident, the audit log and the feed as they were', async () => {
    const { desk, incident, fields, heard } = await deskWithIncident();
    const audit = await desk.db.auditLog.count();
    const r = await desk.useCases.incidents.update(
      incident.id,
      { ...fields, title: 'x'.repeat(201) },
      actor({ now: T0 + 1 }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', table: 'incidents' } });
    expect(!r.ok && 'message' in r.error && r.error.message).toMatch(
      /^Nothing was saved: the title is 201 characters long/,
    );
    expect(await desk.useCases.incidents.get(incident.id)).toEqual(incident);
    expect(await desk.db.auditLog.count()).toBe(audit);
    expect(heard()).toEqual([]);
  });

  it('closes an incident another window renamed meanwhile without undoing the rename: it reads and plans again', async () => {
    const { desk, incident, fields } = await deskWithIncident();
    racedRead(desk.core.stores.incidents, 'get', () =>
      desk.useCases.incidents.update(
        incident.id,
        { ...fields, title: 'Renamed meanwhile' },
        actor({ operator: 'Ola', now: T0 + 1 }),
      ),
    );
    const closed = await desk.useCases.incidents.close(incident.id, actor({ now: T0 + 2 }));
    expect(closed.ok && [closed.value.status, closed.value.title]).toEqual(['closed', 'Renamed meanwhile']);
    expect((await desk.useCases.audit.listForIncident(incident.id)).map((a) => a.summary).slice(0, 2)).toEqual([
      'Incident closed',
      'Incident details changed (title)',
    ]);
  });

  it('gives up with nothing written when the incident keeps changing under it', async () => {
    const { desk, incident, fields, heard } = await deskWithIncident();
    let n = 0;
    racedRead(
      desk.core.stores.incidents,
      'get',
      () =>
        desk.useCases.incidents.update(
          incident.id,
          { ...fields, title: `Renamed ${(n += 1)}` },
          actor({ now: T0 + n }),
        ),
      3,
    );
    const closed = await desk.useCases.incidents.close(incident.id, actor({ now: T0 + 10 }));
    expect(closed).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message: 'The incident is being changed in another window at the same moment; nothing was stored. Try again.',
      },
    });
    expect((await desk.useCases.incidents.get(incident.id))?.status).toBe('open');
    expect(heard().map(([kind]) => kind)).toEqual(['incident.changed', 'incident.changed', 'incident.changed']);
  });
});
