// Property: three to five desks of one team, each with its own database, log entries, correct them
// and retitle the incident while records are exchanged in random order. Once every desk has
// exchanged twice more, every desk shows the same rows and the same records fingerprint, and an
// entry or the incident is listed as changed apart exactly when two of its changes were made
// without either desk knowing the other's (worked out here from who had exchanged with whom).
// Seeded, so a run is repeatable; TEAM_PROPERTY_RUNS raises the number of runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';
import { contentOf } from '@shared/domain/timeline/revisions';

import { actor, makeDraft, T0 } from '../../../factories/incident';
import { makeContent } from '../../../factories/timeline';
import { written } from '../../../support/written';
import { logged } from '../testDb';
import { sharedCores, teamDesk, type TeamDesk } from './teamHarness';

type Op =
  | { kind: 'log'; desk: number }
  | { kind: 'correct'; desk: number; pick: number }
  | { kind: 'retitle'; desk: number }
  | { kind: 'exchange'; desk: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('log' as const), desk: fc.nat(4) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('correct' as const), desk: fc.nat(4), pick: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retitle' as const), desk: fc.nat(4) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('exchange' as const), desk: fc.nat(4) }) },
);

const RUNS = Number(process.env.TEAM_PROPERTY_RUNS ?? 6);

/** One change of a row, and every change its desk knew when it made it. */
type Change = { id: number; row: string; knew: ReadonlySet<number> };

/** Rows with two changes neither of which knew the other. */
function changedApart(changes: readonly Change[], settledByLater: boolean): Set<string> {
  const byRow = new Map<string, Change[]>();
  for (const c of changes) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const apart = new Set<string>();
  for (const [row, list] of byRow) {
    const concurrent = (x: Change, y: Change) => !x.knew.has(y.id) && !y.knew.has(x.id);
    if (settledByLater) {
      // A row is settled by a change that knew every other: open while two changes stand unknown to any.
      const newest = list.filter((c) => !list.some((d) => d !== c && d.knew.has(c.id)));
      if (newest.length > 1) apart.add(row);
    } else if (list.some((x) => list.some((y) => x !== y && concurrent(x, y)))) apart.add(row);
  }
  return apart;
}

async function shown(desk: TeamDesk, incidentId: string) {
  const db = desk.desk.db;
  return {
    incident: await db.incidents.get(incidentId),
    entries: await db.timelineEntries.where('incidentId').equals(incidentId).sortBy('id'),
    revisions: (await db.timelineRevisions.where('incidentId').equals(incidentId).primaryKeys()).sort(),
    conflicts: (await desk.desk.useCases.teamRecords.conflictsOf(incidentId)).map((c) => c.id).sort(),
    fingerprint: await desk.desk.useCases.record.recordsFingerprint(incidentId),
  };
}

describe('desks of a team exchanging records in any order', () => {
  it('end showing the same rows and fingerprint, with every pair of changes made apart listed as a conflict', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(opArb, { minLength: 6, maxLength: 24 }),
        async (size, ops) => {
          runs += 1;
          const cores = sharedCores();
          const desks: TeamDesk[] = [];
          for (let i = 0; i < size; i += 1)
            desks.push(await teamDesk(cores, String.fromCharCode(97 + i).repeat(64), `Operator ${i}`));

          // Desk 0 opens the incident and logs two entries; every desk takes them in.
          const fields = validateIncidentDraft(makeDraft());
          if (!fields.ok) throw new Error('draft');
          const incident = await written(desks[0]!.desk.useCases.incidents.create(fields.value, actor()));
          await logged(
            desks[0]!.desk.useCases.timeline.append(
              incident.id,
              [makeContent({ title: 'Shots reported' }), makeContent({ title: 'Road closed' })],
              actor(),
            ),
          );
          for (const d of desks) await d.run();

          // What each desk knows, as the exchange spreads it: its own changes, and every change
          // published to the team when it last exchanged.
          const known = desks.map(() => new Set<number>());
          const mine = desks.map(() => [] as number[]);
          const published = new Set<number>();
          const corrections: Change[] = [];
          const retitles: Change[] = [];
          let next = 0;
          let made = 0;
          for (const op of ops) {
            const at = op.desk % size;
            const desk = desks[at]!;
            const now = T0 + 60_000 + (made += 1) * 1_000;
            const change = (row: string): Change => {
              const id = (next += 1);
              const c = { id, row, knew: new Set(known[at]) };
              known[at]!.add(id);
              mine[at]!.push(id);
              return c;
            };
            if (op.kind === 'exchange') {
              await desk.run();
              for (const id of mine[at]!) published.add(id);
              for (const id of published) known[at]!.add(id);
            } else if (op.kind === 'log') {
              await logged(
                desk.desk.useCases.timeline.append(
                  incident.id,
                  [makeContent({ title: `Logged ${made} on desk ${at}` })],
                  actor({ now }),
                ),
              );
            } else if (op.kind === 'correct') {
              const held = await desk.desk.db.timelineEntries.where('incidentId').equals(incident.id).sortBy('id');
              const entry = held[op.pick % held.length]!;
              const title = `Corrected ${made} on desk ${at}`;
              await written(
                desk.desk.useCases.timeline.edit(entry.id, { ...contentOf(entry), title }, null, actor({ now })),
              );
              corrections.push(change(`timelineEntries:${entry.id}`));
            } else {
              const current = await desk.desk.db.incidents.get(incident.id);
              const title = `Incident retitled ${made} on desk ${at}`;
              await written(
                desk.desk.useCases.incidents.update(
                  incident.id,
                  { ...fields.value, ...current, title },
                  actor({ now }),
                ),
              );
              retitles.push(change(`incidents:${incident.id}`));
            }
          }
          for (let round = 0; round < 2; round += 1) for (const d of desks) await d.run();

          const views = await Promise.all(desks.map((d) => shown(d, incident.id)));
          for (const view of views.slice(1)) expect(view).toEqual(views[0]);
          const expected = new Set([...changedApart(corrections, false), ...changedApart(retitles, true)]);
          expect(views[0]!.conflicts).toEqual([...expected].sort());
        },
      ),
      { numRuns: RUNS, seed: 20_261_203, endOnFailure: true },
    );
    expect(runs).toBe(RUNS);
  }, 120_000);
});
