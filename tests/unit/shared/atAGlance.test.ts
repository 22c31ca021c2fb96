import { describe, expect, it } from 'vitest';

import { changeState, startActivation } from '@shared/domain/contacts/activation';
import { GLANCE_LIMIT, atAGlance, type AtAGlanceInput } from '@shared/domain/incident/atAGlance';

import { makeItem } from '../../factories/checklists';
import { makeContact, makeNodes, makeTree } from '../../factories/contacts';
import { T0, actor, makeIncident } from '../../factories/incident';
import { makeDraft } from '../../factories/statements';
import { makeContent, makeLog } from '../../factories/timeline';

const HOUR = 60 * 60 * 1000;
const incident = makeIncident({ startAt: T0 });

function input(overrides: Partial<AtAGlanceInput> = {}): AtAGlanceInput {
  return { incident, now: T0 + 10 * HOUR, items: [], activations: [], statements: [], rumours: [], ...overrides };
}

function activation(states: Record<string, 'reached' | 'unreachable' | 'declined'>) {
  const contacts = new Map(['a', 'b', 'c'].map((id) => [id, makeContact({ id, name: `Person ${id}` })]));
  let a = startActivation({
    id: `act_${Object.keys(states).join('')}`,
    incidentId: incident.id,
    tree: makeTree({
      name: 'Faith leaders',
      nodes: makeNodes([
        ['a', 0],
        ['b', 1],
        ['c', 1],
      ]),
    }),
    contacts,
    now: T0,
    operator: 'Ingrid Berg',
  });
  for (const [i, [nodeKey, state]] of Object.entries(states).entries()) {
    const nodeId = a.nodes.find((n) => n.contactId === nodeKey)?.nodeId ?? '';
    const r = changeState(a, nodeId, state, '', T0 + (i + 1) * 60_000);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    a = r.value.next;
  }
  return a;
}

describe('the incident at a glance', () => {
  it('is all clear on a quiet incident', () => {
    const g = atAGlance(input());
    expect(g.allClear).toBe(true);
    expect(g.checklists).toMatchObject({ overdueTotal: 0, dueSoonTotal: 0, total: 0 });
  });

  it('lists overdue items first-due first, at most five, with the total, and what falls due next', () => {
    const late = Array.from({ length: 7 }, (_, i) =>
      makeItem({ title: `Late ${i}`, offset: { unit: 'hours', amount: 7 - i } }),
    );
    const soon = makeItem({ title: 'Soon', offset: { unit: 'hours', amount: 12 } });
    const done = makeItem({ title: 'Done', offset: { unit: 'hours', amount: 1 }, status: 'done' });
    const g = atAGlance(input({ items: [...late, soon, done] }));
    expect(g.checklists.overdueTotal).toBe(7);
    expect(g.checklists.overdue).toHaveLength(GLANCE_LIMIT);
    expect(g.checklists.overdue[0]?.title).toBe('Late 6');
    expect(g.checklists.dueSoon.map((i) => i.title)).toEqual(['Soon']);
    expect(g.checklists).toMatchObject({ resolved: 1, total: 9 });
    expect(g.allClear).toBe(false);
  });

  it('shows nothing overdue on a closed incident, whose work has ended', () => {
    const g = atAGlance(
      input({
        incident: { ...incident, status: 'closed' },
        items: [makeItem({ offset: { unit: 'hours', amount: 1 } })],
      }),
    );
    expect(g.checklists.overdueTotal).toBe(0);
    expect(g.checklists.overdue).toEqual([]);
  });

  it('puts call trees still calling before finished ones, with who is unreachable', () => {
    const finished = activation({ a: 'reached', b: 'reached', c: 'declined' });
    const calling = activation({ a: 'reached', b: 'unreachable' });
    const g = atAGlance(input({ activations: [finished, calling] }));
    expect(g.calls.map((c) => c.finished)).toEqual([false, true]);
    expect(g.calls[0]?.progress).toMatchObject({ reached: 1, unreachable: 1, open: 1, total: 3 });
    expect(g.allClear).toBe(false);
    expect(atAGlance(input({ activations: [finished] })).allClear).toBe(true);
  });

  it('names statements waiting for approval, approved but not released, and returned with a comment', () => {
    const review = { ...makeDraft().statement, status: 'in-review' as const, title: 'Holding statement' };
    const approved = { ...makeDraft().statement, status: 'approved' as const, title: 'Safety update' };
    const returned = { ...makeDraft().statement, returnedComment: 'Take out the street name' };
    const plainDraft = makeDraft().statement;
    const released = { ...makeDraft().statement, status: 'released' as const };
    const g = atAGlance(input({ statements: [review, approved, returned, plainDraft, released] }));
    expect(g.statements.awaitingApproval.map((s) => s.title)).toEqual(['Holding statement']);
    expect(g.statements.approvedNotReleased.map((s) => s.title)).toEqual(['Safety update']);
    expect(g.statements.returned).toEqual([returned]);
    expect(g.statements.released).toBe(1);
    expect(g.allClear).toBe(false);
  });

  it('counts only rumours still unverified and not retracted', async () => {
    const log = makeLog(incident.id);
    const rumour = (id: string, title: string) => log.add(id, makeContent({ category: 'rumour', title }), actor());
    await rumour('e1', 'Second attacker at the station');
    await rumour('e2', 'Shots at the mall');
    await rumour('e3', 'Mosque set on fire');
    await log.verify('e2', 'disproven', actor());
    await log.retract('e3', 'Logged twice', actor());
    await log.add('e4', makeContent({ category: 'event', title: 'Road closed' }), actor());
    const g = atAGlance(input({ rumours: [...log.entries.values()] }));
    expect(g.openRumours.total).toBe(1);
    expect(g.openRumours.latest.map((e) => e.title)).toEqual(['Second attacker at the station']);
  });
});
