import { teamIntakeConnection } from '@renderer/db/database';
import { createTeamExchange } from '@renderer/desk/team/exchange';
import type { TeamLink } from '@renderer/platform/platform';
import { ok } from '@shared/domain/result';
import { publishEntries, readEntries, teamHeadsOf } from '@main/team/recordExchange';
import type { CoreInfo, TeamEngine } from '@main/team/types';

import { actor, T0 } from '../../../factories/incident';
import { sha256 } from '../../../factories/timeline';
import { freshDesk } from '../testDb';
import { recordLink } from '../../../support/recordLink';

// Desks of one team in one process: each a desk of its own (fake-indexeddb), their team engines
// one shared set of in-memory cores, so every record a desk publishes is there for the others.

/**
 * The team engine as the exchange sees it, in memory: one append-only core per desk and scope,
 * every core readable by every desk (as replication leaves it). The real engine's replication is
 * tested in tests/unit/team; this is about what the desks do with what it carries.
 */
export function sharedCores() {
  const cores = new Map<string, { deskKey: string; scope: string; entries: Uint8Array[] }>();
  /** Core key → its length when its desk was revoked. */
  const revokedAt = new Map<string, number>();
  return {
    cores,
    /** The team revokes a desk: what its cores hold now stands, what it writes next comes after. */
    revoke(deskKey: string) {
      for (const [key, core] of cores) if (core.deskKey === deskKey) revokedAt.set(key, core.entries.length);
    },
    engineOf(deskKey: string): TeamEngine {
      const engine: Partial<TeamEngine> = {
        deskKey,
        append: (scope, records) => {
          const scopeText = scope.kind === 'incident' ? `incident:${scope.incidentId}` : scope.kind;
          const key = `${deskKey.slice(0, 8)}${scopeText}`.padEnd(64, '0').slice(0, 64);
          const core = cores.get(key) ?? { deskKey, scope: scopeText, entries: [] };
          cores.set(key, core);
          const start = core.entries.length;
          core.entries.push(...records);
          return Promise.resolve(ok({ coreKey: key, start, end: core.entries.length }));
        },
        read: (coreKey, range) => {
          const core = cores.get(coreKey);
          const end = Math.min(range.end ?? core?.entries.length ?? 0, core?.entries.length ?? 0);
          return Promise.resolve(
            ok((core?.entries.slice(range.start, end) ?? []).map((bytes, i) => ({ index: range.start + i, bytes }))),
          );
        },
        listCores: () =>
          Promise.resolve(
            [...cores.entries()].map(([coreKey, c]): CoreInfo => ({
              deskKey: c.deskKey,
              scope: c.scope,
              coreKey,
              length: c.entries.length,
              head: null,
              own: c.deskKey === deskKey,
              forked: false,
              afterRevocation: revokedAt.has(coreKey) ? c.entries.length - (revokedAt.get(coreKey) ?? 0) : 0,
            })),
          ),
      };
      return engine as TeamEngine;
    },
  };
}

/** A desk's team link over the in-memory cores, through the same functions main answers the channels with. */
export function linkOver(engine: TeamEngine): TeamLink {
  return recordLink({
    heads: async () => ok(await teamHeadsOf(engine)),
    publish: async (scope, entries) => {
      const done = await publishEntries(engine, scope, entries);
      if (!done.ok) throw new Error(done.error);
      return ok(done.value);
    },
    read: async (coreKey, start, max) => {
      const done = await readEntries(engine, { coreKey, start, max });
      if (!done.ok) throw new Error(done.error);
      return ok(done.value.entries);
    },
  });
}

/** One desk of a team: its own database and use-cases, and `run` for one exchange of records with the team. */
export async function teamDesk(
  cores: ReturnType<typeof sharedCores>,
  deskKey: string,
  operatorName: string,
  options: { readPerExchange?: number; readStep?: number } = {},
) {
  const desk = freshDesk();
  await desk.useCases.settings.save(
    { cityName: 'Kristiansand', operatorName, operatorRole: 'Duty officer', defaultTimeZone: 'Europe/Oslo' },
    actor({ operator: operatorName, now: T0 - 60_000 }),
  );
  const exchange = createTeamExchange({
    db: desk.db,
    intakeDb: teamIntakeConnection(desk.db),
    feed: desk.feed,
    identities: desk.core.identities,
    team: linkOver(cores.engineOf(deskKey)),
    sha256,
    clock: () => T0,
    ...options,
  });
  const run = async () => {
    const done = await exchange.exchange();
    if (!done.ok) throw new Error(done.error);
    return done.value;
  };
  return { desk, run };
}
export type TeamDesk = Awaited<ReturnType<typeof teamDesk>>;

/** Two desks of one team: the scribe's and the mayor's office's. */
export async function teamOfTwo() {
  const cores = sharedCores();
  return {
    cores,
    a: await teamDesk(cores, 'a'.repeat(64), 'Ingrid Berg'),
    b: await teamDesk(cores, 'b'.repeat(64), 'Ola Nordmann'),
  };
}
