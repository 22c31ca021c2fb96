import { describe, expect, it } from 'vitest';

import { T0, actor } from '../../factories/incident';
import { freshDesk, setUpDesk } from './testDb';

describe('who is at the keyboard', () => {
  it('switches the operator, with the hand-over in the audit log under the person taking over', async () => {
    const { db, useCases } = await setUpDesk();
    const added = await useCases.operators.addPerson({ name: '  Sofie Lie ', role: 'Duty officer' }, actor());
    const sofie = added.ok ? added.value.people?.find((p) => p.name === 'Sofie Lie') : undefined;
    const next = await useCases.operators.switchTo(sofie?.id ?? 'none', T0 + 60_000);
    expect(next.ok && next.value).toMatchObject({
      operatorName: 'Sofie Lie',
      operatorRole: 'Duty officer',
      cityName: 'Kristiansand',
    });
    const line = (await db.auditLog.toArray()).find((a) => a.at === T0 + 60_000);
    expect(line).toMatchObject({
      operator: 'Sofie Lie',
      summary: 'Operator at the keyboard: Sofie Lie (taking over from Ingrid Berg)',
      changes: [
        { field: 'operatorName', before: 'Ingrid Berg', after: 'Sofie Lie' },
        { field: 'operatorRole', before: '', after: 'Duty officer' },
      ],
    });
  });

  it('has nothing to switch on a desk not set up yet', async () => {
    const { useCases } = freshDesk();
    expect(await useCases.operators.switchTo('per_setup', T0)).toEqual({ ok: false, error: { code: 'not-set-up' } });
  });
});
