import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { Door } from '@renderer/desk/door';
import { createStatementCases } from '@renderer/desk/statements';
import { createWriteQueue } from '@renderer/desk/timeline/chain';
import { validateIncidentDraft } from '@shared/domain/incident/commands';
import type { Result } from '@shared/domain/result';
import { placeholderNames } from '@shared/domain/statements/placeholders';
import { deskContent } from '@shared/content';
import { describeStatementError } from '@shared/domain/statements/workflow';
import { TABLE_SCHEMAS } from '@shared/schemas/tables';
import type { Statement } from '@shared/schemas/statements';

import { T0, actor, makeDraft as makeIncidentDraft } from '../../factories/incident';
import { TYPED_HOLDING_VALUES } from '../../factories/statements';
import { makeContent, sha256 } from '../../factories/timeline';
import { freshDesk, logged } from './testDb';
import { written } from '../../support/written';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const at = (minutes: number) => actor({ now: T0 + minutes * 60_000 });
const mayor = { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: '' };

/** What the desk's statement use-cases are built on, from a test desk. */
const deps = (desk: ReturnType<typeof freshDesk>) => ({
  door: desk.core.door,
  store: desk.core.stores.statements,
  gen: () => `t-${Math.random().toString(36).slice(2)}`,
  sha256,
  timeline: desk.core.stores.timeline,
  enqueue: desk.core.enqueue,
});

function must<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A desk with its templates, an incident starting 13:00 Oslo time, and a holding statement drafted from its template. */
async function deskWithDraft() {
  const desk = freshDesk();
  await desk.useCases.statements.ensureSeedTemplates(at(0));
  const fields = validateIncidentDraft(makeIncidentDraft());
  if (!fields.ok) throw new Error('incident draft');
  const incident = await written(desk.useCases.incidents.create(fields.value, at(0)));
  const statement = must(
    await desk.useCases.statements.startDraft(
      { incident, cityName: 'Kristiansand', templateId: 'stt_initial-holding-statement_en' },
      at(1),
    ),
  );
  return { ...desk, incident, statement };
}

async function head(desk: Awaited<ReturnType<typeof deskWithDraft>>, s: Statement) {
  const current = (await desk.useCases.statements.get(s.id))!;
  return (await desk.useCases.statements.getVersion(current.headVersionId))!;
}

/** Fills the placeholders the incident could not, sends for review and approves. */
async function approvedHolding() {
  const desk = await deskWithDraft();
  const v1 = await head(desk, desk.statement);
  must(
    await desk.useCases.statements.saveDraft(
      desk.statement.id,
      { title: v1.title, body: v1.body, values: { ...v1.values, ...TYPED_HOLDING_VALUES } },
      at(2),
    ),
  );
  must(await desk.useCases.statements.submit(desk.statement.id, { overrideReason: null, ticked: ['do-1'] }, at(3)));
  const approved = must(await desk.useCases.statements.approve(desk.statement.id, mayor, at(4)));
  return { ...desk, statement: approved };
}

describe('statements repository', () => {
  it('seeds the template library and the glossary once, however often it runs', async () => {
    const desk = freshDesk();
    expect(await desk.useCases.statements.ensureSeedTemplates(at(0))).toEqual({
      ok: true,
      value: deskContent().statementTemplates.length,
    });
    expect(await desk.useCases.statements.ensureSeedTemplates(at(1))).toEqual({ ok: true, value: 0 });
    expect(await desk.useCases.statements.templates()).toHaveLength(deskContent().statementTemplates.length);
    expect((await desk.useCases.statements.glossary()).length).toBeGreaterThan(0);
    expect((await desk.db.auditLog.toArray()).filter((a) => a.entityType === 'statement-template')).toHaveLength(1);
    for (const row of await desk.db.statementTemplates.toArray())
      expect(TABLE_SCHEMAS.statementTemplates.safeParse(row).success, row.id).toBe(true);
  });

  it("never overwrites the city's edits when seeding again", async () => {
    const desk = freshDesk();
    await desk.useCases.statements.ensureSeedTemplates(at(0));
    const t = (await desk.useCases.statements.getTemplate('stt_initial-holding-statement_en'))!;
    must(await desk.useCases.statements.saveTemplate({ ...t, body: `${t.body}\n\nKristiansand kommune` }, t.id, at(1)));
    await desk.useCases.statements.ensureSeedTemplates(at(2));
    expect((await desk.useCases.statements.getTemplate(t.id))?.body).toContain('Kristiansand kommune');
    expect((await desk.useCases.statements.getTemplate(t.id))?.revision).toBe(2);
  });

  it('starts a draft with the placeholders known from the incident and the settings filled, in its zone and language', async () => {
    const { useCases, statement, incident } = await deskWithDraft();
    expect(statement).toMatchObject({
      incidentId: incident.id,
      status: 'draft',
      language: 'en',
      headVersionNumber: 1,
      title: 'Initial holding statement',
    });
    const [v1] = await useCases.statements.versions(statement.id);
    expect(v1?.values).toEqual({
      city: 'Kristiansand',
      incident_date: 'Saturday, 28 March 2026',
      incident_time: '13:00',
      location: 'Market Square',
    });
    expect([...v1!.autoFilled].sort()).toEqual(['city', 'incident_date', 'incident_time', 'location']);
    expect(v1?.text).toContain('At 13:00 on Saturday, 28 March 2026, {{incident_type}} at Market Square.');
    expect(statement.guidance.dos.length).toBeGreaterThan(0);
  });

  it('blocks review while placeholders are unfilled, and writes nothing', async () => {
    const { useCases, db, statement } = await deskWithDraft();
    const r = await useCases.statements.submit(statement.id, { overrideReason: null, ticked: [] }, at(2));
    expect(r.ok ? null : describeStatementError(r.error)).toMatch(
      /^Not ready for review: these placeholders are still empty: What happened, Lead agency/,
    );
    expect((await db.statements.get(statement.id))?.status).toBe('draft');
  });

  it('keeps every saved change as a version with who and when, each audited', async () => {
    const desk = await deskWithDraft();
    const v1 = await head(desk, desk.statement);
    const saved = must(
      await desk.useCases.statements.saveDraft(
        desk.statement.id,
        { title: v1.title, body: v1.body, values: { ...v1.values, ...TYPED_HOLDING_VALUES } },
        at(2),
      ),
    );
    expect(saved.version).toMatchObject({ number: 2, createdAt: T0 + 120_000, createdBy: 'Ingrid Berg' });
    const nothing = must(
      await desk.useCases.statements.saveDraft(
        desk.statement.id,
        { title: v1.title, body: v1.body, values: { ...v1.values, ...TYPED_HOLDING_VALUES } },
        at(3),
      ),
    );
    expect(nothing.version).toBeNull();
    expect((await desk.useCases.statements.versions(desk.statement.id)).map((v) => v.number)).toEqual([1, 2]);
    const audit = (await desk.db.auditLog.toArray())
      .filter((a) => a.entityId === desk.statement.id)
      .map((a) => a.summary);
    expect(audit).toEqual([
      'Statement drafted: “Initial holding statement” (English) from its template',
      'Statement “Initial holding statement” (English) saved as version 2',
    ]);
  });

  it('walks draft → review → returned with a comment → fixed → approved with the SHA-256 of the exact text', async () => {
    const desk = await deskWithDraft();
    const { useCases, statement } = desk;
    const v1 = await head(desk, statement);
    must(
      await useCases.statements.saveDraft(
        statement.id,
        { title: v1.title, body: v1.body, values: { ...v1.values, ...TYPED_HOLDING_VALUES } },
        at(2),
      ),
    );
    must(await useCases.statements.submit(statement.id, { overrideReason: null, ticked: [] }, at(3)));
    const returned = must(
      await useCases.statements.reject(statement.id, { ...mayor, comment: 'Say where families can go' }, at(4)),
    );
    expect(returned).toMatchObject({ status: 'draft', returnedComment: 'Say where families can go' });

    const v2 = await head(desk, statement);
    must(
      await useCases.statements.saveDraft(
        statement.id,
        { title: v2.title, body: `${v2.body}\n\nFamilies can come to the city hall.`, values: v2.values },
        at(5),
      ),
    );
    must(await useCases.statements.submit(statement.id, { overrideReason: null, ticked: ['do-1', 'do-2'] }, at(6)));
    const approved = must(
      await useCases.statements.approve(statement.id, { ...mayor, comment: 'Approved by phone' }, at(7)),
    );
    const v3 = await head(desk, statement);
    expect(approved).toMatchObject({ status: 'approved', approvedVersionId: v3.id, approvedVersionNumber: 3 });
    const decisions = await useCases.statements.approvals(statement.id);
    expect(decisions.map((d) => [d.decision, d.versionNumber, d.comment])).toEqual([
      ['rejected', 2, 'Say where families can go'],
      ['approved', 3, 'Approved by phone'],
    ]);
    expect(decisions[1]?.textHash).toBe(sha(v3.text));
    expect(decisions[1]?.submission?.ticked).toEqual(['do-1', 'do-2']);
    expect(v3.text).not.toContain('{{');
  });

  it('freezes approved text: an edit is a new version back in draft, and the approved one is still the one exported', async () => {
    const desk = await approvedHolding();
    const { useCases, statement } = desk;
    const approvedVersion = await head(desk, statement);
    const frozen = await useCases.statements.saveDraft(
      statement.id,
      { title: approvedVersion.title, body: 'Changed in place', values: {} },
      at(5),
    );
    expect(frozen.ok ? null : frozen.error).toEqual({ code: 'approved-text-frozen', status: 'approved' });

    const revised = must(
      await useCases.statements.revise(
        statement.id,
        { title: approvedVersion.title, body: `${approvedVersion.body} Updated.`, values: approvedVersion.values },
        at(6),
      ),
    );
    expect(revised.statement).toMatchObject({ status: 'draft', headVersionNumber: 3, approvedVersionNumber: 2 });
    const document = await useCases.statements.approvedDocument(statement.id, 'Kristiansand', 'Europe/Oslo');
    expect(document?.text).toBe(approvedVersion.text);
    expect(document?.approval.textHash).toBe(sha(approvedVersion.text));
    const release = await useCases.statements.release(statement.id, { channels: ['press'], at: T0, note: '' }, at(7));
    expect(release.ok ? null : describeStatementError(release.error)).toBe(
      'Only approved text can be released. Send it for review and have it approved first.',
    );
  });

  it('refuses to release a draft and logs nothing on the timeline', async () => {
    const { useCases, statement, incident } = await deskWithDraft();
    const r = await useCases.statements.release(statement.id, { channels: ['press'], at: T0, note: '' }, at(2));
    expect(r.ok).toBe(false);
    expect(await useCases.timeline.count(incident.id)).toBe(0);
  });

  it('releases on the chosen channels and logs a public communication on the timeline, linked to the statement', async () => {
    const desk = await approvedHolding();
    const { useCases, statement, incident } = desk;
    const released = must(
      await useCases.statements.release(
        statement.id,
        { channels: ['press', 'website'], at: T0 + 30 * 60_000, note: 'Read at the press point' },
        at(31),
      ),
    );
    expect(released.status).toBe('released');
    expect(released.releases[0]).toMatchObject({
      channels: ['press', 'website'],
      at: T0 + 30 * 60_000,
      recordedBy: 'Ingrid Berg',
    });
    const entry = await useCases.timeline.get(released.releases[0]!.timelineEntryId);
    const approvedText = (await head(desk, statement)).text;
    expect(entry).toMatchObject({
      incidentId: incident.id,
      category: 'communication',
      release: 'public',
      verification: 'confirmed',
      occurredAt: T0 + 30 * 60_000,
      links: [{ kind: 'statement', id: statement.id }],
      title: 'Statement released: Initial holding statement (English, version 2)',
    });
    expect(entry?.body).toContain('Channels: Press, Website.');
    expect(entry?.body).toContain(`SHA-256 of the approved text: ${sha(approvedText)}`);
    expect(entry?.body.endsWith(approvedText)).toBe(true);
    expect(await useCases.timeline.verify(incident.id)).toMatchObject({ ok: true });
  });

  it('records the warnings a drafter sends past, with the reason', async () => {
    const desk = await deskWithDraft();
    const { useCases, statement, incident } = desk;
    await logged(
      useCases.timeline.append(
        incident.id,
        [makeContent({ title: 'Witness: the attacker shouted about his motive', verification: 'unverified' })],
        at(2),
      ),
    );
    must(
      await useCases.statements.setContext(
        statement.id,
        { people: [{ id: 'p1', name: 'Anders Holm', role: 'suspect', consentRecorded: false, consentNote: '' }] },
        at(3),
      ),
    );
    const v1 = await head(desk, statement);
    const body = `${v1.body}\n\nThe suspect, Anders Holm, was motivated by hatred.`;
    must(
      await useCases.statements.saveDraft(
        statement.id,
        { title: v1.title, body, values: { ...v1.values, ...TYPED_HOLDING_VALUES } },
        at(4),
      ),
    );
    const warnings = await useCases.statements.warnings(statement.id);
    expect(warnings.map((w) => w.code)).toEqual(['perpetrator-named', 'unverified-details', 'unverified-details']);

    const silent = await useCases.statements.submit(statement.id, { overrideReason: null, ticked: [] }, at(5));
    expect(silent.ok ? null : silent.error).toEqual({ code: 'warnings-not-acknowledged', count: 3 });
    const sent = must(
      await useCases.statements.submit(
        statement.id,
        { overrideReason: 'Police named him at 14:00', ticked: [] },
        at(6),
      ),
    );
    expect(sent.submission).toMatchObject({ overrideReason: 'Police named him at 14:00', warnings: warnings });
    const approved = must(await useCases.statements.approve(statement.id, mayor, at(7)));
    expect(approved.status).toBe('approved');
    expect((await useCases.statements.approvals(statement.id))[0]?.submission?.warnings).toHaveLength(3);
  });

  it('translates into Arabic from the Arabic template, and flags the translation when the source gets a new approved version', async () => {
    const desk = await approvedHolding();
    const { useCases, statement, incident } = desk;
    const arabic = must(
      await useCases.statements.startTranslation(
        { sourceId: statement.id, language: 'ar', incident, cityName: 'Kristiansand' },
        at(10),
      ),
    );
    const [a1] = await useCases.statements.versions(arabic.id);
    const sourceV2 = await head(desk, statement);
    expect(arabic).toMatchObject({
      language: 'ar',
      sourceStatementId: statement.id,
      translatesVersionId: sourceV2.id,
      title: 'بيان أولي',
      templateId: 'stt_initial-holding-statement_ar',
    });
    expect(a1?.values['incident_date']).toBe('السبت، 28 مارس 2026');
    expect(a1?.values['mayor_name']).toBe('Mayor Anna Hansen');
    expect(placeholderNames(a1!.body)).toContain('city');
    expect((await useCases.statements.translationOf(arabic))?.state).toBe('needs-approval');

    const again = await useCases.statements.startTranslation(
      { sourceId: statement.id, language: 'ar', incident, cityName: 'Kristiansand' },
      at(11),
    );
    expect(again.ok ? null : again.error).toEqual({ code: 'translation-exists', language: 'ar' });

    must(await useCases.statements.submit(arabic.id, { overrideReason: null, ticked: [] }, at(12)));
    must(await useCases.statements.approve(arabic.id, mayor, at(13)));
    expect((await useCases.statements.translationOf((await useCases.statements.get(arabic.id))!))?.state).toBe(
      'current',
    );

    must(
      await useCases.statements.revise(
        statement.id,
        { title: sourceV2.title, body: `${sourceV2.body} Extra line.`, values: sourceV2.values },
        at(14),
      ),
    );
    expect((await useCases.statements.translationOf((await useCases.statements.get(arabic.id))!))?.state).toBe(
      'current',
    );
    must(await useCases.statements.submit(statement.id, { overrideReason: null, ticked: [] }, at(15)));
    must(await useCases.statements.approve(statement.id, mayor, at(16)));
    const stale = (await useCases.statements.get(arabic.id))!;
    expect((await useCases.statements.translationOf(stale))?.state).toBe('out-of-date');
    const refused = await useCases.statements.release(arabic.id, { channels: ['website'], at: T0, note: '' }, at(17));
    expect(refused.ok ? null : refused.error).toEqual({ code: 'translation-out-of-date' });

    const a = await head(desk, stale);
    must(
      await useCases.statements.updateTranslation(
        arabic.id,
        { title: a.title, body: `${a.body} سطر إضافي.`, values: a.values },
        at(18),
      ),
    );
    const updated = (await useCases.statements.get(arabic.id))!;
    expect(updated).toMatchObject({
      status: 'draft',
      translatesVersionId: (await useCases.statements.get(statement.id))?.approvedVersionId,
    });
    expect((await useCases.statements.translationOf(updated))?.state).toBe('needs-approval');
    must(await useCases.statements.submit(arabic.id, { overrideReason: null, ticked: [] }, at(19)));
    must(await useCases.statements.approve(arabic.id, mayor, at(20)));
    expect((await useCases.statements.translationOf((await useCases.statements.get(arabic.id))!))?.state).toBe(
      'current',
    );
  });

  it('adds language versions and the city’s own templates, refusing a second version in the same language', async () => {
    const { useCases } = await deskWithDraft();
    const en = (await useCases.statements.getTemplate('stt_unity-and-solidarity_en'))!;
    const nb = must(
      await useCases.statements.saveTemplate(
        { ...en, language: 'nb', title: 'Samhold og solidaritet', body: '{{city}} står sammen.' },
        null,
        at(2),
      ),
    );
    expect(nb).toMatchObject({ type: 'unity-and-solidarity', language: 'nb', origin: 'city', revision: 1 });
    const twice = await useCases.statements.saveTemplate(
      { ...en, language: 'nb', title: 'Igjen', body: 'x' },
      null,
      at(3),
    );
    expect(twice.ok ? null : twice.error).toEqual({ code: 'duplicate', type: 'unity-and-solidarity', language: 'nb' });
    const bad = await useCases.statements.saveTemplate({ ...en, type: 'own', body: 'Meet at {{venue' }, null, at(4));
    expect(bad.ok ? null : bad.error.code).toBe('invalid');
    expect(!bad.ok && bad.error.code === 'invalid' ? bad.error.errors.body : '').toContain('not closed');
    expect(await useCases.statements.templates()).toHaveLength(deskContent().statementTemplates.length + 1);
  });

  it("saves the city's glossary, and the live check uses it", async () => {
    const { useCases, incident } = await deskWithDraft();
    await useCases.statements.saveGlossary([{ avoid: 'those people', prefer: 'our neighbours', note: '' }], at(2));
    const ctx = await useCases.statements.sensitivityContext(incident.id);
    expect(ctx.glossary).toEqual([{ avoid: 'those people', prefer: 'our neighbours', note: '' }]);
  });

  it('withdraws with a reason, keeping every version and decision', async () => {
    const desk = await approvedHolding();
    const { useCases, statement } = desk;
    must(await useCases.statements.release(statement.id, { channels: ['social-media'], at: T0, note: '' }, at(5)));
    const withdrawn = must(
      await useCases.statements.withdraw(statement.id, 'Superseded by the police statement', at(6)),
    );
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Superseded by the police statement' },
    });
    expect(await useCases.statements.versions(statement.id)).toHaveLength(2);
    expect(await useCases.statements.approvedDocument(statement.id, 'Kristiansand', 'Europe/Oslo')).toBeNull();
    expect(await useCases.timeline.count(statement.incidentId)).toBe(2);
  });

  it('writes nothing of a change that fails part-way: no version, no statement change, no audit line', async () => {
    const desk = await deskWithDraft();
    const before = await desk.db.statements.get(desk.statement.id);
    const auditBefore = await desk.db.auditLog.count();
    const v1 = await head(desk, desk.statement);
    // Use-cases whose ids collide with the existing version: the version write fails inside the transaction.
    const colliding = createStatementCases({ ...deps(desk), gen: () => v1.id.replace(/^stv_/, '') });
    expect(
      await colliding.saveDraft(desk.statement.id, { title: v1.title, body: 'Changed', values: {} }, at(2)),
    ).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await desk.db.statements.get(desk.statement.id)).toEqual(before);
    expect(await desk.useCases.statements.versions(desk.statement.id)).toHaveLength(1);
    expect(await desk.db.auditLog.count()).toBe(auditBefore);
  });

  it('records nothing of a release when the statement changes while it is written: no timeline entry, no release', async () => {
    const desk = await approvedHolding();
    let raced = false;
    const door: Door = {
      write: async (change, options) => {
        if (!raced) {
          raced = true;
          // Another window withdraws the statement at the same moment.
          must(await desk.useCases.statements.withdraw(desk.statement.id, 'Superseded', at(9)));
        }
        return desk.core.door.write(change, options);
      },
    };
    // A window of its own: its writes wait in a line of their own.
    const racing = createStatementCases({ ...deps(desk), door, enqueue: createWriteQueue() });
    const r = await racing.release(desk.statement.id, { channels: ['press'], at: T0, note: '' }, at(8));
    expect(r.ok ? null : r.error).toEqual({ code: 'not-allowed', action: 'release', status: 'withdrawn' });
    expect(await desk.useCases.timeline.count(desk.incident.id)).toBe(0);
    expect(await desk.useCases.statements.get(desk.statement.id)).toMatchObject({ status: 'withdrawn', releases: [] });
  });

  it('stores rows that pass the table schemas, so backups and restores keep them', async () => {
    const desk = await approvedHolding();
    await desk.useCases.statements.release(desk.statement.id, { channels: ['press'], at: T0, note: '' }, at(5));
    for (const table of ['statements', 'statementVersions', 'approvals'] as const) {
      for (const row of await desk.db.table(table).toArray())
        expect(TABLE_SCHEMAS[table].safeParse(row).success, table).toBe(true);
    }
  });
});
