// Property: three to five desks on their own stores, random appends, random exchanges over streams
// and through one USB folder, restarts, all in random order; once every desk has met the next one
// and back, every desk holds the same cores with the same lengths and the same heads, and every
// record any desk appended is there, in order. Seeded, so a run is repeatable; TEAM_PROPERTY_RUNS
// raises the number of runs for a longer search.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { TeamScope } from '@main/team/types';

import { exchange, holdings, readAll, type TestDesk, TestTeam } from './harness';

const SCOPES: TeamScope[] = [
  { kind: 'incident', incidentId: 'inc_1' },
  { kind: 'incident', incidentId: 'inc_2' },
  { kind: 'desk' },
  { kind: 'roster' },
];

type Op =
  | { kind: 'append'; desk: number; scope: number; count: number }
  | { kind: 'stream'; a: number; b: number }
  | { kind: 'folder'; desk: number }
  | { kind: 'restart'; desk: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      desk: fc.nat(4),
      scope: fc.nat(SCOPES.length - 1),
      count: fc.integer({ min: 1, max: 25 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('stream' as const), a: fc.nat(4), b: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('folder' as const), desk: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), desk: fc.nat(4) }) },
);

const RUNS = Number(process.env.TEAM_PROPERTY_RUNS ?? 4);

describe('desks exchanging in any order', () => {
  it(
    'end with the same cores, lengths and heads everywhere, and every appended record in order',
    async () => {
      let runs = 0;
      let operations = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 3, max: 5 }),
          fc.array(opArb, { minLength: 4, maxLength: 12 }),
          async (size, ops) => {
            runs += 1;
            operations += ops.length;
            const team = new TestTeam();
            try {
              const stick = await team.tempFolder('desk-stick-');
              const desks: TestDesk[] = [];
              for (let i = 0; i < size; i += 1) desks.push(await team.desk(`desk ${i}`));
              // What each desk wrote, by scope: the truth every desk must end up holding.
              const written = new Map<string, string[]>();
              for (const op of ops) {
                if (op.kind === 'append') {
                  const desk = desks[op.desk % size]!;
                  const scope = SCOPES[op.scope]!;
                  const key = `${desk.engine.deskKey} ${JSON.stringify(scope)}`;
                  const list = written.get(key) ?? [];
                  const batch = Array.from({ length: op.count }, (_, i) => `${desk.name} record ${list.length + i}`);
                  const result = await desk.engine.append(
                    scope,
                    batch.map((text) => Buffer.from(text)),
                  );
                  expect(result.ok).toBe(true);
                  written.set(key, [...list, ...batch]);
                } else if (op.kind === 'stream') {
                  const a = desks[op.a % size]!;
                  const b = desks[op.b % size]!;
                  if (a !== b) await exchange(a, b);
                } else if (op.kind === 'folder') {
                  const result = await desks[op.desk % size]!.engine.syncFolder(stick);
                  expect(result.ok ? null : result.error.message).toBeNull();
                } else {
                  const index = op.desk % size;
                  const desk = desks[index]!;
                  await team.close(desk);
                  desks[index] = await team.desk(desk.name, { folder: desk.folder });
                }
              }
              for (let i = 0; i + 1 < size; i += 1) await exchange(desks[i]!, desks[i + 1]!);
              for (let i = size - 1; i > 0; i -= 1) await exchange(desks[i]!, desks[i - 1]!);

              const reference = holdings(await desks[0]!.engine.listCores());
              expect(reference).toHaveLength(written.size);
              for (const desk of desks) expect(holdings(await desk.engine.listCores())).toEqual(reference);
              const last = desks[size - 1]!;
              for (const core of await last.engine.listCores()) {
                const scope = SCOPES.find((s) => JSON.stringify(s) === JSON.stringify(parseScopeForTest(core.scope)))!;
                expect(await readAll(last, core.coreKey)).toEqual(
                  written.get(`${core.deskKey} ${JSON.stringify(scope)}`),
                );
              }
            } finally {
              await team.cleanup();
            }
          },
        ),
        { numRuns: RUNS, seed: Number(process.env.TEAM_PROPERTY_SEED ?? 2024), endOnFailure: true },
      );
      console.log(`convergence: ${runs} runs, ${operations} random operations, every desk identical at the end`);
    },
    RUNS * 60_000,
  );
});

function parseScopeForTest(text: string): TeamScope {
  if (text.startsWith('incident:')) return { kind: 'incident', incidentId: text.slice('incident:'.length) };
  return text === 'desk' ? { kind: 'desk' } : { kind: 'roster' };
}
