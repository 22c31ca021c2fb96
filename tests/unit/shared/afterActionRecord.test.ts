import { describe, expect, it } from 'vitest';

import { sealRecord } from '@shared/domain/record/recordFile';
import { verifyRecordText } from '@shared/domain/record/verifyRecord';

import {
  DNS_NAME,
  DNS_NUMBER_TYPED,
  makeRecord,
  OVERRIDE_REASON,
  RELEASED_LINE,
  RETURN_COMMENT,
  REVISED_LINE,
  STAND_DOWN_REASON,
} from '../../factories/record';
import { sha256 } from '../../factories/timeline';

const verify = (text: string) => verifyRecordText(text, sha256);
const redactionCounts = (r: { redactions: { what: string; count: number }[] }) =>
  Object.fromEntries(r.redactions.map((x) => [x.what, x.count]));

describe('after-action record: three editions of one incident', () => {
  it('internal: everything as recorded, with the whole chain and the rows to rebuild the incident', async () => {
    const record = await makeRecord('internal');
    expect(record.formatVersion).toBe(2);
    expect(record.content.timeline?.entries.map((e) => e.id)).toEqual(['tle_1', 'tle_2', 'tle_3', 'tle_4']);
    expect(record.content.timeline?.revisions).toHaveLength(6);
    expect(record.content.rows?.statements).toHaveLength(2);
    const text = JSON.stringify(record);
    // Deliberation and every word typed stay in the internal edition.
    for (const kept of [OVERRIDE_REASON, RETURN_COMMENT, DNS_NUMBER_TYPED, REVISED_LINE, RELEASED_LINE])
      expect(text).toContain(kept);
    expect(record.content.audit?.map((a) => a.summary).join('\n')).toContain(OVERRIDE_REASON);
    // The operator opted in: numbers are there, except for the person marked "do not share".
    expect(record.content.activations?.[0]?.calls.map((c) => c.details)).toEqual([
      'mobile 90 00 00 00 · imam@example.org',
      null,
    ]);
    expect(redactionCounts(record)).toEqual({ 'Contact details of people marked “do not share”': 1 });
    expect(record.audience.withholds.join(' ')).toContain('do not share');
    expect(record.integrity).toMatchObject({ verifiedAtExport: true, chainComplete: true, revisions: 6, entries: 4 });
    const result = await verify(JSON.stringify(record));
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.name)).toEqual(['format', 'schema', 'checksum', 'hash chain']);
  });

  it('council: every decision and release, no deliberation, no personal data, each replacement listed', async () => {
    const record = await makeRecord('council');
    const text = JSON.stringify(record);
    for (const gone of [
      OVERRIDE_REASON,
      RETURN_COMMENT,
      'Approved by phone.',
      DNS_NAME,
      DNS_NUMBER_TYPED,
      'hall@example.org',
      '+47 900 00 000',
      'imam@example.org',
    ])
      expect(text, gone).not.toContain(gone);
    const [holding] = record.content.statements ?? [];
    expect(holding?.releases[0]?.text).toContain(RELEASED_LINE);
    expect(holding?.unreleased[0]).toMatchObject({ version: 2, status: 'approved' });
    expect(holding?.trail.map((t) => t.text)).toContain(
      'Version 2 sent for review by Ingrid Berg past 1 sensitivity warning (the reason given is withheld)',
    );
    expect(record.content.timeline?.entries.find((e) => e.id === 'tle_4')?.title).toBe(
      'Deacon [name withheld] will open the church hall; call her on [phone number withheld] or write to [email withheld]',
    );
    expect(record.content.audit?.find((a) => a.id === 'aud_3')).toMatchObject({
      summary:
        'Statement “Holding statement” (English) version 2 sent for review with 1 warning overridden: [internal deliberation withheld]',
      changes: [],
    });
    expect(record.content.activations?.[0]?.calls[1]?.fallbackName).toBe('[name withheld]');
    expect(redactionCounts(record)).toMatchObject({
      'Review comments and reasons given for overriding sensitivity warnings': 6,
      'Names of people marked “do not share”': 3,
      'Phone numbers in free text': 3,
      'Email addresses in free text': 2,
      'Personal contact details (phone numbers, email addresses, call signs)': 1,
    });
    // Each replacement says where it was made, never what was there.
    const phones = record.redactions.find((r) => r.what === 'Phone numbers in free text');
    expect(phones?.places).toEqual([
      'Timeline entry at 24 Nov 2026 14:15 (communication), title',
      'Revision 6 of the chain, timeline entry at 24 Nov 2026 14:15 (communication), title',
      'Call tree “Faith leaders”, reason for standing it down',
    ]);
    // The text was reworded, so the chain cannot be walked from this edition: attested instead.
    expect(record.integrity.chainComplete).toBe(false);
    expect((await verify(text)).ok).toBe(true);
  });

  it('public: what residents were told, entries marked releasable, nothing internal by any section', async () => {
    const record = await makeRecord('public', ['Sara Lind']);
    const text = JSON.stringify(record);
    for (const gone of [
      OVERRIDE_REASON,
      RETURN_COMMENT,
      'Approved by phone.',
      'Fine once the police confirm.',
      REVISED_LINE,
      DNS_NAME,
      DNS_NUMBER_TYPED,
      'hall@example.org',
      'Jon Doe',
      'Amira Haddad',
      'Mayor activates the crisis team',
      'Second attacker at the station',
      'Will tell the congregation',
      'At the scene by 13:20',
    ]) {
      expect(text, gone).not.toContain(gone);
    }
    expect(record.sections).not.toContain('audit');
    expect(record.content.audit).toBeUndefined();
    expect(record.content.rows).toBeUndefined();
    // The statement released as version 1 and approved again as version 2 shows what the public received.
    expect(
      record.content.statements?.map((s) => [
        s.id,
        s.status,
        s.releases.map((r) => r.version),
        s.unreleased.length,
        s.trail.length,
      ]),
    ).toEqual([['stm_1', 'released', [1], 0, 1]]);
    expect(record.content.statements?.[0]?.releases[0]).toMatchObject({
      approval: { approverName: 'Anna Hansen', approverRole: 'Mayor' },
    });
    expect(record.content.statements?.[0]?.releases[0]?.text).toContain(RELEASED_LINE);
    expect(record.content.timeline?.entries.map((e) => e.title)).toEqual([
      'Van drives into the crowd; [name withheld] among the injured',
      'Deacon [name withheld] will open the church hall; call her on [phone number withheld] or write to [email withheld]',
    ]);
    expect(record.content.timeline?.revisions).toEqual([]);
    expect(record.content.activations?.[0]?.calls.flatMap((c) => c.attempts.map((a) => a.note))).toEqual([
      null,
      null,
      null,
    ]);
    expect(record.content.checklists?.flatMap((p) => p.items.map((i) => i.note))).toEqual([null, null, null]);
    expect(redactionCounts(record)).toMatchObject({
      'Timeline entries marked internal only': 2,
      'Earlier wording of corrected entries': 1,
      'Statements never released': 1,
      'Statement versions never released': 1,
      'The review trail of released statements': 1,
      'Call notes': 2,
      'Checklist notes': 2,
      'The audit trail': 3,
      'Names of people marked “do not share”': 2,
      'Phone numbers in free text': 2,
      'Email addresses in free text': 1,
      'Names withheld (victims, witnesses, suspects): 3 listed': 1,
    });
    expect(record.integrity.chainComplete).toBe(false);
    const result = await verify(text);
    expect(result.ok).toBe(true);
    expect(result.checks.find((c) => c.name === 'hash chain')?.detail).toContain(
      'Not walkable from this record: the public edition leaves parts of the timeline out',
    );
  });
});

describe('after-action record: a call tree stood down', () => {
  it('says when, by whom and why; outside the team the reason loses the number typed into it', async () => {
    const internal = await makeRecord('internal');
    expect(internal.content.activations?.[0]?.standDown).toEqual({
      at: expect.any(Number) as unknown,
      by: 'Ingrid Berg',
      reason: STAND_DOWN_REASON,
    });
    const council = await makeRecord('council');
    expect(council.content.activations?.[0]?.standDown?.reason).toBe(
      'Police took over the calls; the fallback is on [phone number withheld]',
    );
    expect(JSON.stringify(council)).not.toContain('922 22 222');
    expect((await verify(JSON.stringify(council))).ok).toBe(true);
  });
});

describe('after-action record: verification', () => {
  it('reports an edited timeline entry even when the checksum is recomputed', async () => {
    const record = await makeRecord('internal');
    const { checksum, ...rest } = record;
    expect(checksum.value).toMatch(/^[0-9a-f]{64}$/);
    const edited = structuredClone(rest);
    edited.content.timeline!.revisions[1]!.content.title = 'Mayor does nothing';
    const result = await verify(JSON.stringify(await sealRecord(edited, sha256)));
    expect(result.ok).toBe(false);
    expect(result.checks.at(-1)).toMatchObject({ name: 'hash chain', ok: false });
    expect(result.checks.at(-1)?.detail).toContain('revision 2 of the chain');
  });

  it('reports an edit that leaves the checksum stale', async () => {
    const text = JSON.stringify(await makeRecord('internal')).replace(
      'Mayor activates the crisis team',
      'Mayor activates nothing',
    );
    expect((await verify(text)).checks.at(-1)).toMatchObject({ name: 'checksum', ok: false });
  });

  it.each([
    ['at the top', (r: Record<string, unknown>) => (r['signedBy'] = 'Mayor'), 'signedBy'],
    [
      'inside an entry',
      (r: Record<string, unknown>) =>
        ((r as { content: { timeline: { entries: Record<string, unknown>[] } } }).content.timeline.entries[1]![
          'comment'
        ] = 'added later'),
      'content.timeline.entries.1.comment',
    ],
    [
      'inside a statement release',
      (r: Record<string, unknown>) =>
        ((
          r as { content: { statements: { releases: Record<string, unknown>[] }[] } }
        ).content.statements[0]!.releases[0]!['audience'] = 'all'),
      'content.statements.0.releases.0.audience',
    ],
  ])(
    'refuses a field the format does not define %s, naming its path, even with the checksum recomputed',
    async (_where, add, path) => {
      const record = JSON.parse(JSON.stringify(await makeRecord('internal'))) as Record<string, unknown>;
      add(record);
      const { checksum: _checksum, ...rest } = record;
      const resealed = await sealRecord(rest as never, sha256);
      const result = await verify(JSON.stringify(resealed));
      expect(result.ok).toBe(false);
      expect(result.checks.at(-1)).toMatchObject({ name: 'schema', ok: false });
      expect(result.checks.at(-1)?.detail).toContain(path);
    },
  );

  it('refuses __proto__ in the file, which a parser would otherwise drop silently', async () => {
    const text = JSON.stringify(await makeRecord('internal'));
    const hostile = text.replace('"content":{', '"content":{"__proto__":{"isAdmin":true},');
    const result = await verify(hostile);
    expect(result.ok).toBe(false);
    expect(result.checks.at(-1)?.detail).toContain('content.__proto__');
  });

  it('names a truncated file, another format and a schema problem', async () => {
    const text = JSON.stringify(await makeRecord('internal'));
    expect((await verify(text.slice(0, text.length / 2))).checks[0]?.detail).toContain(
      'not valid JSON, perhaps cut short',
    );
    expect((await verify('{"format":"response-desk-backup"}')).checks[0]?.detail).toBe(
      'This is not a Response Desk record: its format is "response-desk-backup".',
    );
    const broken = JSON.parse(text) as { profile: string };
    broken.profile = 'everyone';
    expect((await verify(JSON.stringify(broken))).checks.at(-1)?.detail).toContain('profile');
  });

  it('reports a revision removed since a head was published, even when the chain left is intact', async () => {
    const record = await makeRecord('internal');
    const { checksum: _c, ...rest } = record;
    const cut = structuredClone(rest);
    // Someone removed the newest revision and the entry it made, then resealed the file.
    cut.content.timeline!.revisions = cut.content.timeline!.revisions.slice(0, 5);
    cut.content.timeline!.entries = cut.content.timeline!.entries.filter((e) => e.id !== 'tle_4');
    cut.integrity.chainHead = cut.content.timeline!.revisions[4]!.hash;
    cut.integrity.publishedHeads = [
      {
        id: 'pub_9',
        incidentId: record.content.incident.id,
        chainSeq: 6,
        headHash: record.integrity.chainHead,
        at: Date.UTC(2026, 10, 24, 15, 0),
        via: 'export',
        by: 'Ingrid Berg',
      },
    ];
    const result = await verify(JSON.stringify(await sealRecord(cut, sha256)));
    expect(result.ok).toBe(false);
    expect(result.checks.at(-1)?.detail).toBe(
      'Revisions are missing since the record exported on 24 Nov 2026 16:00 (Europe/Oslo): the chain then had 6 revisions; it now ends at revision 5.',
    );
  });
});
