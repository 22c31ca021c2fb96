import { afterEach, describe, expect, it, vi } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';

import { actor, makeDraft } from '../../../factories/incident';
import { makeContent } from '../../../factories/timeline';
import { written } from '../../../support/written';
import { logged } from '../testDb';
import { teamOfTwo } from './teamHarness';

/** The durability each read-write transaction asked IndexedDB for, with the tables it wrote. */
function watchCommits() {
  const seen: { stores: string[]; durability: string | undefined }[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the database as `this`
  const native = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    stores: string | Iterable<string>,
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    if (mode === 'readwrite')
      seen.push({ stores: typeof stores === 'string' ? [stores] : [...stores], durability: options?.durability });
    return native.call(this, stores, mode, options);
  });
  return seen;
}

afterEach(() => vi.restoreAllMocks());

describe('how firmly a desk commits', () => {
  it('waits for the disk on its own changes, not on taking in records the team engine already keeps', async () => {
    // Watched from before the desks open: their databases hold on to IndexedDB's own function.
    const commits = watchCommits();
    const { a, b } = await teamOfTwo();
    const fields = validateIncidentDraft(makeDraft());
    if (!fields.ok) throw new Error('draft');
    const incident = await written(a.desk.useCases.incidents.create(fields.value, actor()));
    commits.length = 0;
    await logged(a.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'Road closed' })], actor()));
    await a.run();
    await b.run();

    // The desk's own changes write its signed records; the intake writes others' with their cursor.
    const own = commits.filter((c) => c.stores.includes('deskIdentities'));
    const intake = commits.filter((c) => c.stores.includes('teamCursors') && !c.stores.includes('deskIdentities'));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((c) => c.durability === 'strict')).toBe(true);
    expect(intake.length).toBeGreaterThan(0);
    expect(intake.every((c) => c.durability === 'relaxed')).toBe(true);
    // What the relaxed commits wrote is on the second desk all the same.
    const shown = await b.desk.useCases.timeline.first(incident.id, 10);
    expect(shown.entries.map((e) => e.title)).toEqual(['Road closed']);
  });
});
