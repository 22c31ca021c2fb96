import type { RowWriter } from '@shared/domain/team/merge';
import { conflictKind, conflictSubject } from '@shared/domain/team/conflictSubject';
import { scopeKey } from '@shared/domain/signed/format';
import { openCorrections } from '@shared/domain/timeline/tree';
import type { TimelineEntry } from '@shared/schemas/timeline';

import type { ReleasedApart, StoredConflict } from '../../db/database';
import type { TeamRepo } from '../../db/repos/teamRepo';
import type { TimelineRepo } from '../../db/repos/timelineRepo';

/**
 * A conflict as a person reads it: what kind of thing, the words they know it by, how many
 * versions were made apart, and who made the one shown (null: this desk).
 */
export type NamedConflict = Omit<StoredConflict, 'releasedApart'> & {
  kind: string;
  subject: string;
  sides: number;
  shownBy: string | null;
  /** Statements: releases of a version another desk had replaced apart, with the desks named (null: this desk). */
  releasedApart: NamedReleaseApart[];
};
export type NamedReleaseApart = Omit<ReleasedApart, 'releasedOn' | 'newerOn'> & {
  releasedOn: string | null;
  newerOn: string | null;
};

/**
 * What the desk holds of its team's records: conflicts open, entries refused (written by the exchange).
 * `rosterNames`: the team's names of its desks by desk key ("Hospital liaison"), as the team's state
 * last said; desks of one city share the city's desk name, so the team's name is the one that tells them apart.
 */
export function createTeamRecords(
  team: TeamRepo,
  timeline: Pick<TimelineRepo, 'history'>,
  rosterNames: () => ReadonlyMap<string, string> = () => new Map(),
) {
  /** Each other desk by its name in the team, or by its own name until the team's roster is known. */
  const deskNames = async () => {
    const roster = rosterNames();
    return new Map((await team.identities()).map((d) => [d.deskId, roster.get(d.teamDesk) ?? d.identity.name]));
  };

  const named = async (conflicts: StoredConflict[]): Promise<NamedConflict[]> => {
    const names = await deskNames();
    return Promise.all(
      conflicts.map(async (c) => {
        const row = await team.rowOf(c.table, c.key);
        const base = {
          ...c,
          kind: conflictKind(c.table),
          subject: conflictSubject(row) ?? c.key,
          releasedApart: (c.releasedApart ?? []).map((r) => ({
            ...r,
            releasedOn: names.get(r.releasedOn) ?? null,
            newerOn: names.get(r.newerOn) ?? null,
          })),
        };
        if (c.table !== 'timelineEntries')
          return { ...base, sides: c.writers.length, shownBy: names.get(c.shown.deskId) ?? null };
        // An entry's versions are its revisions: the corrections left open, and whoever wrote the one shown.
        const open = openCorrections(await timeline.history(c.key)).flatMap((g) => g.revisions);
        return {
          ...base,
          sides: Math.max(open.length, 2),
          shownBy: (row as TimelineEntry | undefined)?.lastRevisionBy ?? null,
        };
      }),
    );
  };

  return {
    /** Every conflict open, oldest first, named by what the rows hold. */
    openConflicts: async () => named(await team.openConflicts()),
    /** The conflicts open in one incident, oldest first. */
    conflictsOf: async (incidentId: string) =>
      named(await team.conflictsIn(scopeKey({ kind: 'incident', incidentId }))),
    /** The conflicts open in what the desk keeps for every incident (contacts, call trees, templates…), oldest first. */
    conflictsOfDesk: async () => named(await team.conflictsIn(scopeKey({ kind: 'desk' }))),
    /** The conflict open on one row of the incident (a statement, say), named; none when it is settled. */
    conflictOn: async (incidentId: string, table: string, key: string) =>
      named(
        (await team.conflictsIn(scopeKey({ kind: 'incident', incidentId }))).filter(
          (c) => c.table === table && c.key === key,
        ),
      ),
    /**
     * Each side of a row changed apart, as its desk wrote it, the side shown first: the desk by its
     * name in the team (null: this desk), and the row (null: removed; undefined: not held here).
     */
    async sidesOf(conflict: Pick<StoredConflict, 'writers' | 'shown' | 'scope' | 'table' | 'key'>) {
      const names = await deskNames();
      const sameAs = (w: RowWriter) => w.deskId === conflict.shown.deskId && w.seq === conflict.shown.seq;
      const writers = [...conflict.writers].sort((x, y) => Number(sameAs(y)) - Number(sameAs(x)));
      return Promise.all(
        writers.map(async (w) => ({
          desk: names.get(w.deskId) ?? null,
          shown: sameAs(w),
          row: await team.rowWrittenBy(w, conflict.scope, conflict.table, conflict.key),
        })),
      );
    },
    /** The ids of the incident's entries changed apart on several desks, still to be merged. */
    entriesInConflict: async (incidentId: string): Promise<Set<string>> =>
      new Set(
        (await team.conflictsIn(scopeKey({ kind: 'incident', incidentId })))
          .filter((c) => c.table === 'timelineEntries')
          .map((c) => c.key),
      ),
    refusals: team.refusals,
    refusalCount: team.refusalCount,
    desks: team.identities,
  };
}
export type TeamRecords = ReturnType<typeof createTeamRecords>;
