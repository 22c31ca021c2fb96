import type { ChangeNotice } from '@renderer/desk/changeFeed';
import { validateIncidentDraft } from '@shared/domain/incident/commands';

import { actor, makeDraft } from '../../../factories/incident';
import { freshDesk } from '../testDb';
import { written } from '../../../support/written';

/** A fresh desk, with every change notice its feed tells from now on (kind and scope). */
export function listenedDesk() {
  const desk = freshDesk();
  const notices: ChangeNotice[] = [];
  desk.feed.subscribe((n) => notices.push(n));
  return { desk, notices, heard: () => notices.map((n) => [n.kind, n.scope]) };
}

/** A desk with one incident already open, and what its feed tells from then on. */
export async function deskWithIncident() {
  const listened = listenedDesk();
  const fields = validateIncidentDraft(makeDraft());
  if (!fields.ok) throw new Error('draft');
  const incident = await written(listened.desk.useCases.incidents.create(fields.value, actor()));
  listened.notices.length = 0;
  return { ...listened, incident, fields: fields.value };
}

/**
 * Makes `method` of a store answer after another window's change landed: the first `times` reads
 * run `meanwhile` first, so what the use-case read is stale by the time it writes.
 */
export function racedRead<S extends object>(
  store: S,
  method: keyof S,
  meanwhile: () => Promise<unknown>,
  times = 1,
): void {
  const real = store[method] as (...args: unknown[]) => Promise<unknown>;
  let left = times;
  let racing = false;
  store[method] = (async (...args: unknown[]) => {
    const read = await real(...args);
    // The other window's own reads are its own: they do not race again.
    if (left > 0 && !racing) {
      left -= 1;
      racing = true;
      await meanwhile();
      racing = false;
    }
    return read;
  }) as S[keyof S];
}
