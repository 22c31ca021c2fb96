import { createHash } from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';
import { draftsWrittenApart } from '@shared/domain/statements/branches';
import { contentOf, revisionHashInput } from '@shared/domain/timeline/revisions';
import { describeChainReport, verifyChain } from '@shared/domain/timeline/chain';
import { isDisputed, openCorrections } from '@shared/domain/timeline/tree';

import { actor, makeDraft, T0 } from '../../../factories/incident';
import { TYPED_HOLDING_VALUES } from '../../../factories/statements';
import { makeContent, sha256 } from '../../../factories/timeline';
import { written } from '../../../support/written';
import { freshDesk, logged, sealedRecordOf } from '../testDb';
import { sharedCores, teamDesk, teamOfTwo } from './teamHarness';
import { queryTimeline } from '@renderer/db/repos/timelineQuery';
import { EMPTY_FILTER } from '@shared/domain/timeline/listFilter';
import { createTeamRecords } from '@renderer/desk/team/teamRecords';
import { createTeamRepo } from '@renderer/db/repos/teamRepo';

async function openIncident(desk: ReturnType<typeof freshDesk>) {
  const fields = validateIncidentDraft(makeDraft());
  if (!fields.ok) throw new Error('draft');
  return { incident: await written(desk.useCases.incidents.create(fields.value, actor())), fields: fields.value };
}

/** A team of two desks that both hold an incident with one entry, logged on the first. */
async function entryOnBoth(title: string) {
  const { a, b, cores } = await teamOfTwo();
  const { incident } = await openIncident(a.desk);
  const [entry] = await logged(a.desk.useCases.timeline.append(incident.id, [makeContent({ title })], actor()));
  if (!entry) throw new Error('no entry');
  await a.run();
  await b.run();
  return { a, b, cores, incident, entry };
}

/** A team of two desks and an incident whose holding statement the first desk has started. */
async function holdingDraftOnFirst() {
  const { a, b } = await teamOfTwo();
  const { incident } = await openIncident(a.desk);
  await a.desk.useCases.statements.ensureSeedTemplates(actor());
  const draft = await written(
    a.desk.useCases.statements.startDraft(
      { incident, cityName: 'Kristiansand', templateId: 'stt_initial-holding-statement_en' },
      actor({ now: T0 + 60_000 }),
    ),
  );
  return { a, b, incident, draft };
}

/**
 * A team of two: the holding statement drafted and sent for review on the first desk, approved on
 * the second (the mayor's chief of staff's laptop), and the approval back on the first.
 */
async function approvedOnSecond() {
  const { a, b, incident, draft } = await holdingDraftOnFirst();
  const v1 = await a.desk.useCases.statements.getVersion(draft.headVersionId);
  if (!v1) throw new Error('no version');
  await written(
    a.desk.useCases.statements.saveDraft(
      draft.id,
      { title: v1.title, body: v1.body, values: { ...v1.values, ...TYPED_HOLDING_VALUES } },
      actor({ now: T0 + 120_000 }),
    ),
  );
  await written(
    a.desk.useCases.statements.submit(draft.id, { overrideReason: null, ticked: [] }, actor({ now: T0 + 180_000 })),
  );
  await a.run();
  await b.run();
  // The exact text the comms lead sent is what the other laptop shows for review.
  expect((await b.desk.useCases.statements.get(draft.id))?.status).toBe('in-review');
  const approved = await written(
    b.desk.useCases.statements.approve(
      draft.id,
      { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: '' },
      actor({ operator: 'Ola Nordmann', now: T0 + 240_000 }),
    ),
  );
  await b.run();
  await a.run();
  return { a, b, incident, draft, approved };
}

/** A team of two: `count` entries logged one by one on the first desk and published; the second reads as `reading` says. */
async function entriesOnFirstDesk(count: number, reading: { readPerExchange?: number; readStep?: number }) {
  const cores = sharedCores();
  const a = await teamDesk(cores, 'a'.repeat(64), 'Ingrid Berg');
  const b = await teamDesk(cores, 'b'.repeat(64), 'Ola Nordmann', reading);
  const { incident } = await openIncident(a.desk);
  for (let i = 1; i <= count; i += 1)
    await logged(a.desk.useCases.timeline.append(incident.id, [makeContent({ title: `Entry ${i}` })], actor()));
  await a.run();
  return { a, b, incident };
}

const titles = async (desk: ReturnType<typeof freshDesk>, incidentId: string) =>
  (await desk.db.timelineEntries.where('incidentId').equals(incidentId).toArray()).map((e) => e.title).sort();

describe('records exchanged between the desks of a team', () => {
  it('an incident and its entries logged on one desk appear on the other, and the chains verify on both', async () => {
    const { a, b } = await teamOfTwo();
    const { incident } = await openIncident(a.desk);
    await logged(a.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'Shots reported' })], actor()));
    expect((await a.run()).published).toBeGreaterThan(0);
    const got = await b.run();
    expect(got).toMatchObject({ refused: 0, conflicts: 0 });
    expect(got.stored).toBeGreaterThan(0);
    expect((await b.desk.useCases.incidents.get(incident.id))?.title).toBe(incident.title);
    expect(await titles(b.desk, incident.id)).toEqual(['Shots reported']);

    // The other desk logs in the same incident; its record says what it had seen of the first desk's chain.
    await logged(b.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'Police on site' })], actor()));
    await b.run();
    await a.run();
    expect(await titles(a.desk, incident.id)).toEqual(['Police on site', 'Shots reported']);
    const bIdentity = (await b.desk.useCases.identity.describe()).identity;
    const aIdentity = (await a.desk.useCases.identity.describe()).identity;
    const fromB = (await a.desk.db.records.toArray()).filter((r) => r.deskId === bIdentity.deskId);
    expect(fromB.at(-1)?.record.seen.map((h) => h.deskId)).toEqual([aIdentity.deskId]);

    for (const desk of [a.desk, b.desk]) {
      const report = await desk.useCases.timeline.verifySigned(incident);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });

  it('receiving the same records again changes nothing, and a desk’s own settings stay its own', async () => {
    const { a, b } = await teamOfTwo();
    const { incident } = await openIncident(a.desk);
    await logged(a.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'Shots reported' })], actor()));
    await a.run();
    await b.run();
    const held = await b.desk.db.records.count();
    // The cursor was lost (a second window, a crash before it was written): the same entries come again.
    await b.desk.db.teamCursors.clear();
    const again = await b.run();
    expect(again.stored).toBe(0);
    expect(again.duplicates).toBeGreaterThan(0);
    expect(await b.desk.db.records.count()).toBe(held);
    expect(await titles(b.desk, incident.id)).toEqual(['Shots reported']);
    expect((await b.desk.db.settings.get('desk'))?.operatorName).toBe('Ola Nordmann');
  });

  it('a record altered on its way is refused with the reason, and nothing of it is stored', async () => {
    const { a, b, cores } = await teamOfTwo();
    const { incident } = await openIncident(a.desk);
    await logged(a.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'Shots reported' })], actor()));
    await a.run();
    const core = [...cores.cores.values()].find((c) => c.scope === `incident:${incident.id}`);
    if (!core) throw new Error('no incident core');
    const texts = core.entries.map((bytes) => new TextDecoder().decode(bytes));
    const at = texts.findIndex((text) => text.includes('Shots reported'));
    core.entries[at] = new TextEncoder().encode(texts[at]!.replace('Shots reported', 'Nothing happened'));
    const got = await b.run();
    expect(got.refused).toBeGreaterThan(0);
    expect(await titles(b.desk, incident.id)).toEqual([]);
    const [refusal] = await b.desk.db.teamRefusals.toArray();
    expect(refusal?.reason).toMatch(/is not signed by that desk’s key: it was altered or forged/);
  });

  it('the same incident changed on both desks apart is a conflict on both, and both show the same row', async () => {
    const { a, b } = await teamOfTwo();
    const { incident, fields } = await openIncident(a.desk);
    const retitle = (desk: typeof a.desk, title: string, now: number) =>
      written(desk.useCases.incidents.update(incident.id, { ...fields, title }, actor({ now })));
    await a.run();
    await b.run();
    await retitle(a.desk, 'Attack at Torget', T0 + 10);
    await retitle(b.desk, 'Vehicle attack, Markens', T0 + 20);
    await a.run();
    await b.run();
    await a.run();
    const shownA = (await a.desk.useCases.incidents.get(incident.id))?.title;
    const shownB = (await b.desk.useCases.incidents.get(incident.id))?.title;
    expect(shownA).toBe(shownB);
    // The fixed rule: the later change is shown; the earlier is kept in its record.
    expect(shownA).toBe('Vehicle attack, Markens');
    expect(await a.desk.db.teamConflicts.count()).toBe(1);
    expect(await b.desk.db.teamConflicts.count()).toBe(1);

    // Settled on one desk (a change made knowing both), settled on the other when it arrives.
    await retitle(a.desk, 'Vehicle attack, Torget', T0 + 30);
    await a.run();
    await b.run();
    expect(await a.desk.db.teamConflicts.count()).toBe(0);
    expect(await b.desk.db.teamConflicts.count()).toBe(0);
    expect((await b.desk.useCases.incidents.get(incident.id))?.title).toBe('Vehicle attack, Torget');
  });

  it('a desk keeps its list order and search current with entries another desk wrote apart, without reading the incident again', async () => {
    const { a, b, incident } = await entryOnBoth('Shots reported at Torget');
    const listed = async (text = '') =>
      (await a.desk.useCases.timeline.list(incident.id, EMPTY_FILTER, text, null)).listed.map((l) => l.id);
    // The first desk's list order and search index are in memory.
    await listed();
    expect(await listed('torget')).toHaveLength(1);

    // Apart: each logs an entry; the other desk's is earlier than everything on the first.
    await logged(
      a.desk.useCases.timeline.append(
        incident.id,
        [makeContent({ title: 'Road closed', occurredAt: T0 + 120_000 })],
        actor(),
      ),
    );
    const [theirs] = await logged(
      b.desk.useCases.timeline.append(
        incident.id,
        [makeContent({ title: 'Vigil planned at Kirkegata', occurredAt: T0 - 60_000 })],
        actor(),
      ),
    );
    // The first desk has listed and searched its own entry before the other desk's arrives.
    expect(await listed('road')).toHaveLength(1);
    const reads = vi.spyOn(a.desk.core.useCases.timeline, 'forEachPage');
    await b.run();
    await a.run();

    expect(await listed()).toEqual((await queryTimeline(a.desk.db, incident.id, EMPTY_FILTER)).map((e) => e.id));
    expect((await listed())[0]).toBe(theirs?.id);
    expect(await listed('kirkegata')).toEqual([theirs?.id]);
    expect(reads).not.toHaveBeenCalled();
  });

  it('the caches are told only of entries whose revisions land inside the chain held, not of every new one', async () => {
    const { a, b, incident } = await entryOnBoth('Shots reported at Torget');
    const notices: { revisedInside?: readonly string[] }[] = [];
    a.desk.feed.subscribe((n) => {
      if (n.kind === 'team.received') notices.push(n);
    });
    // Logged on the other desk after everything the first holds: it simply extends the chain.
    const [after] = await logged(
      b.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'Road closed' })], actor()),
    );
    await b.run();
    await a.run();
    expect(notices.at(-1)?.revisedInside ?? []).toEqual([]);
    expect((await a.desk.useCases.timeline.get(after?.id ?? ''))?.title).toBe('Road closed');

    // Logged on both apart: the other desk's entry takes a place the first had already filled.
    await logged(a.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'Vigil planned' })], actor()));
    const [apart] = await logged(
      b.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'Bridge reopened' })], actor()),
    );
    await b.run();
    await a.run();
    expect(notices.at(-1)?.revisedInside).toEqual([apart?.id]);
  });

  it('an entry corrected on a second desk reaches a third before its first revision does, and shows corrected once both are in', async () => {
    const { b, cores, incident, entry } = await entryOnBoth('Fire');
    const held = await b.desk.useCases.timeline.get(entry.id);
    if (!held) throw new Error('entry not held');
    await written(
      b.desk.useCases.timeline.edit(entry.id, { ...contentOf(held), title: 'Fire at the mosque' }, null, actor()),
    );
    await b.run();
    // The third desk meets the second desk's cores first (a stick that carried only those).
    const third = await teamDesk(cores, 'c'.repeat(64), 'Kari Nilsen');
    const firstDesks = [...cores.cores].filter(([, core]) => core.deskKey === 'a'.repeat(64));
    for (const [key] of firstDesks) cores.cores.delete(key);
    await third.run();
    for (const [key, core] of firstDesks) cores.cores.set(key, core);
    await third.run();
    const shown = await third.desk.useCases.timeline.get(entry.id);
    expect(shown).toMatchObject({ title: 'Fire at the mosque', revisionCount: 2 });
    expect(shown).toEqual(await b.desk.useCases.timeline.get(entry.id));
    expect(await titles(third.desk, incident.id)).toEqual(['Fire at the mosque']);
  });

  it('a desk catching up on many records reads them over several exchanges, each saying how many it read and how many are left', async () => {
    const { a, b, incident } = await entriesOnFirstDesk(24, { readPerExchange: 10 });
    const reports = [await b.run()];
    while ((reports.at(-1)?.toRead ?? 0) > 0) reports.push(await b.run());
    // Each exchange reads what it may; what it leaves is exactly what the next one reads.
    expect(reports.length).toBeGreaterThan(2);
    for (const [i, r] of reports.entries()) {
      expect(r.read).toBeLessThanOrEqual(10);
      const next = reports[i + 1];
      if (next) expect(next.read + next.toRead).toBe(r.toRead);
    }
    expect(await b.desk.useCases.timeline.count(incident.id)).toBe(24);
    expect(await titles(b.desk, incident.id)).toEqual(await titles(a.desk, incident.id));
  });

  it('records read a few at a time are each checked while the batch before is stored, its desk and chain known from it', async () => {
    const { a, b, incident } = await entriesOnFirstDesk(20, { readStep: 3 });
    const report = await b.run();
    // The desk's identity came in the first step, its records in the steps after: none refused.
    expect(report).toMatchObject({ refused: 0, toRead: 0 });
    expect(report.stored).toBe(report.read - 2);
    expect(await titles(b.desk, incident.id)).toEqual(await titles(a.desk, incident.id));
    expect((await b.run()).stored).toBe(0);
  });

  it('one entry corrected on both desks apart shows the same conflict on both; a merge on one settles it on both', async () => {
    const { a, b, incident, entry } = await entryOnBoth('Shots reported at Torget');
    const corrected = async (desk: typeof a.desk, title: string, now: number) => {
      const held = await desk.useCases.timeline.get(entry.id);
      if (!held) throw new Error('entry not held');
      await written(desk.useCases.timeline.edit(entry.id, { ...contentOf(held), title }, null, actor({ now })));
    };
    await corrected(a.desk, 'Shots reported at Torget, two wounded', T0 + 10);
    await corrected(b.desk, 'Shots reported at Markens', T0 + 20);
    await a.run();
    await b.run();
    await a.run();

    for (const desk of [a.desk, b.desk]) {
      expect(await desk.useCases.teamRecords.entriesInConflict(incident.id)).toEqual(new Set([entry.id]));
      const [conflict] = await desk.useCases.teamRecords.conflictsOf(incident.id);
      expect(conflict).toMatchObject({ kind: 'Timeline entry', table: 'timelineEntries' });
    }
    // Both desks show the same version, by the same rule.
    const shown = (await a.desk.useCases.timeline.get(entry.id))?.title;
    expect((await b.desk.useCases.timeline.get(entry.id))?.title).toBe(shown);
    const group = openCorrections(await b.desk.useCases.timeline.history(entry.id))[0];
    expect(group?.revisions.map((r) => r.content.title).sort()).toEqual([
      'Shots reported at Markens',
      'Shots reported at Torget, two wounded',
    ]);

    // The desk that shows the other version keeps the first desk's: a merge naming both.
    const keep = group?.revisions.find((r) => r.content.title === 'Shots reported at Torget, two wounded');
    if (!keep) throw new Error('no version to keep');
    const merged = await b.desk.useCases.timeline.mergeCorrections(
      entry.id,
      keep.id,
      'The police confirmed two wounded',
      actor({ now: T0 + 30 }),
    );
    expect(merged.ok).toBe(true);
    await b.run();
    await a.run();
    for (const desk of [a.desk, b.desk]) {
      expect((await desk.useCases.timeline.get(entry.id))?.title).toBe('Shots reported at Torget, two wounded');
      expect(await desk.useCases.teamRecords.entriesInConflict(incident.id)).toEqual(new Set());
      const history = await desk.useCases.timeline.history(entry.id);
      expect(openCorrections(history)).toEqual([]);
      expect(history.at(-1)?.mergeOf?.slice().sort()).toEqual(group?.revisions.map((r) => r.id).sort());
      const report = await desk.useCases.timeline.verifySigned(incident);
      expect(report.problems).toEqual([]);
    }
    // Nothing is left to merge: a second merge is refused in words.
    const again = await a.desk.useCases.timeline.mergeCorrections(entry.id, keep.id, null, actor({ now: T0 + 40 }));
    expect(again).toMatchObject({ ok: false, error: { code: 'nothing-to-merge' } });

    // The whole chain, the merge included, verifies as an after-action record walks it; a merge
    // rewritten to name a revision that is no earlier correction of its entry (hashed again, as a
    // forger would) is refused.
    const revisions = await a.desk.db.timelineRevisions.where('incidentId').equals(incident.id).toArray();
    const entries = await a.desk.db.timelineEntries.where('incidentId').equals(incident.id).toArray();
    expect(await verifyChain(incident.id, revisions, entries, sha256)).toMatchObject({ ok: true });
    const mergeRev = revisions.find((r) => r.mergeOf !== undefined);
    if (!mergeRev) throw new Error('no merge');
    const stray = { ...mergeRev, mergeOf: ['tlr_of_another_entry', ...(mergeRev.mergeOf ?? []).slice(1)] };
    const forged = { ...stray, hash: await sha256(revisionHashInput(stray)) };
    const report = await verifyChain(
      incident.id,
      revisions.map((r) => (r.id === forged.id ? forged : r)),
      entries,
      sha256,
    );
    expect(report).toMatchObject({ ok: false, firstBreak: { revisionId: forged.id, problem: 'merge-of-other-entry' } });
    if (report.ok) throw new Error('verified');
    expect(describeChainReport(report)).toMatch(
      /a merge naming revisions that are not earlier corrections of the same entry/,
    );

    // The after-action record made on the desk that merged is read back whole by another desk's
    // import: the corrections of both desks, the merge naming them, and a chain that verifies.
    const record = await sealedRecordOf(b.desk, incident.id, { now: T0 + 50 });
    const reader = freshDesk();
    expect(await reader.useCases.record.importRecord(record, actor({ operator: 'Ola', now: T0 + 60 }))).toMatchObject({
      ok: true,
    });
    const readBack = await reader.useCases.timeline.history(entry.id);
    expect(readBack).toEqual(await b.desk.useCases.timeline.history(entry.id));
    expect(readBack.at(-1)?.mergeOf?.slice().sort()).toEqual(group?.revisions.map((r) => r.id).sort());
    expect(await reader.useCases.timeline.verify(incident.id)).toMatchObject({ ok: true });
    expect((await reader.useCases.timeline.get(entry.id))?.title).toBe('Shots reported at Torget, two wounded');
  });

  it('a plain correction made after a conflict leaves the entry to be merged', async () => {
    const { a, b, incident, entry } = await entryOnBoth('Fire');
    await written(a.desk.useCases.timeline.setVerification(entry.id, 'confirmed', null, actor({ now: T0 + 10 })));
    await written(b.desk.useCases.timeline.setVerification(entry.id, 'disproven', null, actor({ now: T0 + 20 })));
    await a.run();
    await b.run();
    const held = await a.desk.useCases.timeline.get(entry.id);
    if (!held) throw new Error('entry not held');
    await written(
      a.desk.useCases.timeline.edit(entry.id, { ...contentOf(held), title: 'Fire at the mosque' }, null, actor()),
    );
    await a.run();
    await b.run();
    for (const desk of [a.desk, b.desk]) {
      expect(await desk.useCases.teamRecords.entriesInConflict(incident.id)).toEqual(new Set([entry.id]));
      const [group] = openCorrections(await desk.useCases.timeline.history(entry.id));
      expect(group && isDisputed(group)).toBe(true);
    }
  });

  it('a statement drafted on one desk is approved on the other and released on the first; the approval is the approver desk’s record', async () => {
    const { a, b, incident, draft, approved } = await approvedOnSecond();
    const onA = await a.desk.useCases.statements.get(draft.id);
    expect(onA?.status).toBe('approved');
    const [approval] = await a.desk.db.approvals.where('statementId').equals(draft.id).toArray();
    const version = await a.desk.useCases.statements.getVersion(approved.headVersionId);
    expect(approval?.textHash).toBe(
      createHash('sha256')
        .update(version?.text ?? '', 'utf8')
        .digest('hex'),
    );
    expect(approval?.versionId).toBe(approved.headVersionId);
    // The approval came in a record signed by the approving desk.
    const bDesk = (await b.desk.useCases.identity.describe()).identity.deskId;
    const carried = (await a.desk.db.records.toArray()).filter(
      (r) => r.deskId === bDesk && (r.record.content.put.approvals ?? []).some((x) => x.id === approval?.id),
    );
    expect(carried).toHaveLength(1);

    // The comms lead releases it on her own laptop; the release reaches the approver's desk and its timeline.
    await written(
      a.desk.useCases.statements.release(
        draft.id,
        { channels: ['press'], at: T0 + 300_000, note: '' },
        actor({ now: T0 + 300_000 }),
      ),
    );
    await a.run();
    await b.run();
    expect((await b.desk.useCases.statements.get(draft.id))?.status).toBe('released');
    expect(await titles(b.desk, incident.id)).toEqual([expect.stringMatching(/Initial holding statement/)]);
    for (const desk of [a.desk, b.desk])
      expect((await desk.useCases.timeline.verifySigned(incident)).problems).toEqual([]);
  });

  it('the shipped templates installed on both desks apart agree: no conflict, and a city’s edit on one is a change both see', async () => {
    const { a, b } = await teamOfTwo();
    await a.desk.useCases.statements.ensureSeedTemplates(actor({ operator: 'Ingrid Berg', now: T0 }));
    await b.desk.useCases.statements.ensureSeedTemplates(actor({ operator: 'Ola Nordmann', now: T0 + 5_000 }));
    await a.run();
    await b.run();
    await a.run();
    expect(await a.desk.db.teamConflicts.count()).toBe(0);
    expect(await b.desk.db.teamConflicts.count()).toBe(0);

    // The same template edited differently on both, apart: that is a conflict.
    const id = 'stt_initial-holding-statement_en';
    for (const [desk, sign] of [
      [a.desk, 'Kristiansand kommune'],
      [b.desk, 'Ordføreren'],
    ] as const) {
      const template = await desk.useCases.statements.getTemplate(id);
      if (!template) throw new Error('no template');
      await written(
        desk.useCases.statements.saveTemplate({ ...template, body: `${template.body}\n\n${sign}` }, id, actor()),
      );
    }
    await a.run();
    await b.run();
    await a.run();
    const [conflict] = await a.desk.useCases.teamRecords.openConflicts();
    expect(conflict).toMatchObject({ kind: 'Statement template', subject: 'Initial holding statement', sides: 2 });
  });

  it('a revoked desk’s records written after its revocation are flagged with the reason and never applied', async () => {
    const { a, b, cores, incident, entry } = await entryOnBoth('Shots reported at Torget');
    cores.revoke('a'.repeat(64));
    // The lost laptop goes on writing.
    const held = await a.desk.useCases.timeline.get(entry.id);
    if (!held) throw new Error('entry not held');
    await written(
      a.desk.useCases.timeline.edit(entry.id, { ...contentOf(held), title: 'Nothing happened' }, null, actor()),
    );
    await logged(a.desk.useCases.timeline.append(incident.id, [makeContent({ title: 'All clear' })], actor()));
    await a.run();
    const got = await b.run();
    expect(got.flagged).toBeGreaterThan(0);
    expect(got.stored).toBe(0);
    expect(await titles(b.desk, incident.id)).toEqual(['Shots reported at Torget']);
    const refusals = await b.desk.db.teamRefusals.toArray();
    expect(refusals).toHaveLength(got.flagged);
    expect(refusals[0]?.reason).toBe(
      'Written by a desk after the team revoked it: kept as it came, never applied on this desk.',
    );
    // Read once: the next exchange neither flags them again nor applies them, even with its cursor lost.
    expect(await b.run()).toMatchObject({ flagged: 0, stored: 0 });
    await b.desk.db.teamCursors.clear();
    expect(await b.run()).toMatchObject({ flagged: 0, stored: 0 });
    expect(await b.desk.db.teamRefusals.count()).toBe(got.flagged);
  });

  it('a statement drafted on both desks apart shows both drafts on both; keeping one settles it on both', async () => {
    const { a, b, incident, draft } = await holdingDraftOnFirst();
    await a.run();
    await b.run();
    const saveApart = async (desk: typeof a.desk, words: string, now: number) => {
      const head = await desk.useCases.statements.getVersion(
        (await desk.useCases.statements.get(draft.id))!.headVersionId,
      );
      if (!head) throw new Error('no head');
      await written(
        desk.useCases.statements.saveDraft(
          draft.id,
          { title: head.title, body: `${head.body}\n\n${words}`, values: head.values },
          actor({ now }),
        ),
      );
    };
    await saveApart(a.desk, 'Residents should stay indoors.', T0 + 120_000);
    await saveApart(b.desk, 'The helpline is open day and night.', T0 + 130_000);
    await a.run();
    await b.run();
    await a.run();

    const draftsOn = async (desk: typeof a.desk) => {
      const statement = (await desk.useCases.statements.get(draft.id))!;
      return draftsWrittenApart(statement, await desk.useCases.statements.versions(draft.id));
    };
    const onA = await draftsOn(a.desk);
    const onB = await draftsOn(b.desk);
    expect(onA?.map((v) => v.id)).toEqual(onB?.map((v) => v.id));
    expect(onA).toHaveLength(2);
    const [conflict] = await a.desk.useCases.teamRecords.conflictsOf(incident.id);
    expect(conflict).toMatchObject({ kind: 'Statement', subject: 'Initial holding statement' });

    // The comms lead keeps the first desk's draft on the second desk.
    const fromA = onB?.find((v) => v.text.includes('stay indoors'));
    if (!fromA) throw new Error('no draft from the first desk');
    const kept = await b.desk.useCases.statements.keepDraft(draft.id, fromA.id, actor({ now: T0 + 200_000 }));
    expect(kept.ok).toBe(true);
    await b.run();
    await a.run();
    for (const desk of [a.desk, b.desk]) {
      expect(await draftsOn(desk)).toBeNull();
      const statement = (await desk.useCases.statements.get(draft.id))!;
      expect(statement.headVersionNumber).toBe(3);
      expect((await desk.useCases.statements.getVersion(statement.headVersionId))?.text).toContain('stay indoors');
      expect(await desk.useCases.teamRecords.conflictsOf(incident.id)).toEqual([]);
    }
  });

  it('a version released on one desk while the other had written a newer one apart is flagged on both, and the release is kept on both', async () => {
    const { a, b, incident, draft, approved } = await approvedOnSecond();
    // Apart: the comms lead releases version 2 on her laptop; the chief of staff edits the approved text on his.
    await written(
      a.desk.useCases.statements.release(
        draft.id,
        { channels: ['press'], at: T0 + 300_000, note: '' },
        actor({ now: T0 + 300_000 }),
      ),
    );
    const approvedText = await b.desk.useCases.statements.getVersion(approved.headVersionId);
    if (!approvedText) throw new Error('no approved version');
    await written(
      b.desk.useCases.statements.revise(
        draft.id,
        {
          title: approvedText.title,
          body: `${approvedText.body}\n\nA vigil is planned for Sunday.`,
          values: approvedText.values,
        },
        actor({ operator: 'Ola Nordmann', now: T0 + 310_000 }),
      ),
    );
    await a.run();
    await b.run();
    await a.run();

    const other = 'Kristiansand crisis desk';
    for (const [desk, releasedOn, newerOn] of [
      [a.desk, null, other],
      [b.desk, other, null],
    ] as const) {
      const statement = (await desk.useCases.statements.get(draft.id))!;
      // The release is a fact: kept whichever change the team's rule shows.
      expect(statement.releases.map((r) => r.channels)).toEqual([['press']]);
      expect(statement.headVersionNumber).toBe(3);
      const [conflict] = await desk.useCases.teamRecords.conflictsOf(incident.id);
      expect(conflict?.releasedApart).toEqual([
        { released: 2, newer: 3, releasedOn, newerOn, releaseId: statement.releases[0]?.id },
      ]);
    }
    const onA = (await a.desk.useCases.statements.get(draft.id))!;
    const onB = (await b.desk.useCases.statements.get(draft.id))!;
    expect(onA).toEqual(onB);

    // Both desks carry the city's name: once the team's roster is known, the other desk is named as the team names it.
    const [bInTeam] = await a.desk.db.teamIdentities.toArray();
    const named = createTeamRecords(
      createTeamRepo(a.desk.db),
      a.desk.useCases.timeline,
      () => new Map([[bInTeam!.teamDesk, 'Hospital liaison']]),
    );
    const [conflict] = await named.conflictsOf(incident.id);
    expect(conflict?.releasedApart).toMatchObject([{ releasedOn: null, newerOn: 'Hospital liaison' }]);
  });
});
