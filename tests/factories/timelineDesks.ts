import { entriesFromRevisions } from '@shared/domain/signed/project';
import { contentOf, nextRevision, planEdit, sealRevision } from '@shared/domain/timeline/revisions';
import { chainHeadOf } from '@shared/domain/timeline/tree';
import type { TimelineRevision } from '@shared/schemas/timeline';

import { makeContent, sha256 } from './timeline';

const T0 = Date.UTC(2026, 10, 24, 13, 0);

/** A step of several desks on one incident: a desk writes on the head it sees, or one desk's revisions reach another. */
export type DeskStep =
  | { type: 'log'; desk: number }
  | { type: 'correct'; desk: number; pick: number }
  | { type: 'exchange'; from: number; to: number };

/** The head a desk links its next revision to, from the revisions it holds. */
export function headOfHeld(revisions: Iterable<TimelineRevision>) {
  const all = [...revisions];
  const top = all.reduce((m, r) => Math.max(m, r.chainSeq), 0);
  return chainHeadOf(all.filter((r) => r.chainSeq === top));
}

/**
 * Several desks logging into one incident apart, each writing revisions exactly as the desk does
 * (linked to the head it sees, numbered after the entry as it sees it), exchanging them as told.
 * Deterministic: ids and times follow the steps.
 */
export async function runDesks(desks: number, steps: readonly DeskStep[], incidentId = 'inc_1') {
  const held = Array.from({ length: desks }, () => new Map<string, TimelineRevision>());
  let n = 0;
  for (const step of steps) {
    if (step.type === 'exchange') {
      const from = held[step.from % desks];
      const to = held[step.to % desks];
      if (from && to) for (const r of from.values()) to.set(r.id, r);
      continue;
    }
    const mine = held[step.desk % desks];
    if (!mine) continue;
    n += 1;
    const operator = `Desk ${(step.desk % desks) + 1}`;
    const entries = entriesFromRevisions(mine.values()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const previous = step.type === 'correct' && entries.length > 0 ? entries[step.pick % entries.length] : undefined;
    const planned = previous
      ? planEdit(
          previous,
          { ...contentOf(previous), title: `${previous.title}, corrected by ${operator} (${n})` },
          null,
        )
      : null;
    if (planned && !planned.ok) throw new Error(JSON.stringify(planned.error));
    const revision = await sealRevision(
      nextRevision({
        id: `tlr_${n}`,
        entryId: previous?.id ?? `tle_${n}`,
        incidentId,
        previous: previous ?? null,
        plan: planned?.value ?? {
          kind: 'create',
          content: makeContent({ title: `Entry ${n} from ${operator}` }),
          reason: null,
        },
        head: headOfHeld(mine.values()),
        actor: { operator, now: T0 + n * 60_000 },
      }),
      sha256,
    );
    mine.set(revision.id, revision);
  }
  const all = new Map<string, TimelineRevision>();
  for (const desk of held) for (const r of desk.values()) all.set(r.id, r);
  return { held, revisions: [...all.values()] };
}
