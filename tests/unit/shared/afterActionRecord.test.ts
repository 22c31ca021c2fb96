import { describe, expect, it } from 'vitest';

import { sealRecord } from '@shared/domain/record/recordFile';
import { verifyRecordText } from '@shared/domain/record/verifyRecord';

import { makeRecord } from '../../factories/record';
import { sha256 } from '../../factories/timeline';

const verify = (text: string) => verifyRecordText(text, sha256);

describe('after-action record', () => {
  it('holds every section for the internal audience, and verifies', async () => {
    const record = await makeRecord('internal');
    expect(record.content.timeline?.entries.map((e) => e.id)).toEqual(['tle_1', 'tle_2', 'tle_3']);
    expect(record.content.timeline?.revisions).toHaveLength(5);
    expect(record.content.decisions).toEqual(['tle_2']);
    expect(record.content.summary?.counts).toMatchObject({ timelineEntries: 3, decisions: 1, retracted: 1, statements: 2 });
    // The operator opted in: numbers are there, except for the person marked "do not share".
    expect(record.content.activations?.contacts?.find((c) => c.id === 'con_imam')).toMatchObject({ phones: [{ label: 'mobile', number: '+47 900 00 000' }], email: 'imam@example.org' });
    expect(record.content.activations?.contacts?.find((c) => c.id === 'con_deacon')).not.toHaveProperty('phones');
    expect(record.redactions).toEqual([
      { what: 'Contact details of people marked “do not share”', why: 'Marked in the directory as never to be shared; left out of every export.', count: 1 },
    ]);
    expect(record.integrity).toMatchObject({ verifiedAtExport: true, chainComplete: true, revisions: 5, entries: 3 });
    const result = await verify(JSON.stringify(record));
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.name)).toEqual(['format', 'schema', 'checksum', 'hash chain']);
  });

  it('leaves contact details out of an internal record unless the operator opts in', async () => {
    const record = await makeRecord('internal', [], false);
    for (const c of record.content.activations?.contacts ?? []) expect(Object.keys(c)).not.toContain('phones');
    expect(record.content.activations?.contacts?.map((c) => c['name'])).toEqual(['Imam Y. Rahman', 'Rev. Kari Dahl', 'Per Moen']);
    expect(record.redactions).toContainEqual(
      { what: 'Personal contact details (phone numbers, email addresses, call signs)', why: 'Personal data: the operator did not opt in to include them in this export.', count: 2 },
    );
  });

  it('drops personal contact details for the council, and says so', async () => {
    const record = await makeRecord('council');
    const text = JSON.stringify(record.content);
    for (const detail of ['+47 900 00 000', 'imam@example.org', '+47 911 11 111', 'per@example.org']) expect(text).not.toContain(detail);
    // Who was reached, and when, stays.
    expect(record.content.activations?.activations[0]).toMatchObject({ treeName: 'Faith leaders', nodes: [{ contactName: 'Imam Y. Rahman', state: 'reached' }, { contactName: 'Rev. Kari Dahl', onFallback: true }] });
    expect(record.redactions).toContainEqual({ what: 'Personal contact details (phone numbers, email addresses, call signs)', why: 'Not for a council audience.', count: 2 });
    expect(record.integrity.chainComplete).toBe(true);
    expect((await verify(JSON.stringify(record))).ok).toBe(true);
  });

  it('keeps only releasable entries and released statements for the public, withholding listed names', async () => {
    const record = await makeRecord('public', ['Sara Lind']);
    // Amira Haddad is a victim without recorded consent in a statement's people: withheld without being listed.
    expect(record.content.timeline?.entries.map((e) => e.title)).toEqual(['Van drives into the crowd; [name withheld] among the injured']);
    expect(record.content.statements?.statements.map((s) => s.id)).toEqual(['stm_1']);
    expect(JSON.stringify(record.content)).not.toContain('Jon Doe');
    expect(record.redactions.map((r) => [r.what, r.count])).toEqual([
      ['Timeline entries marked internal only', 2],
      ['Statements not released', 1],
      ['Contact details of people marked “do not share”', 1],
      ['Personal contact details (phone numbers, email addresses, call signs)', 2],
      // The entry and both of its revisions named her.
      ['Names withheld (3 listed: victims, witnesses, suspects)', 3],
    ]);
    expect(record.integrity.chainComplete).toBe(false);
    const result = await verify(JSON.stringify(record));
    expect(result.ok).toBe(true);
    expect(result.checks.find((c) => c.name === 'hash chain')?.detail).toContain('Not walkable from this record: the public profile left parts of the timeline out');
  });

  it('reports an edited timeline entry even when the checksum is recomputed', async () => {
    const record = await makeRecord('internal');
    const { checksum, ...rest } = record;
    expect(checksum.value).toMatch(/^[0-9a-f]{64}$/);
    const edited = structuredClone(rest);
    edited.content.timeline!.revisions[1]!.content.title = 'Mayor does nothing';
    const resealed = await sealRecord(edited, sha256);
    const result = await verify(JSON.stringify(resealed));
    expect(result.ok).toBe(false);
    expect(result.checks.at(-1)).toMatchObject({ name: 'hash chain', ok: false });
    expect(result.checks.at(-1)?.detail).toContain('revision 2 of the chain');
  });

  it('reports an edit that leaves the checksum stale', async () => {
    const text = JSON.stringify(await makeRecord('internal')).replace('Mayor activates the crisis team', 'Mayor activates nothing');
    const result = await verify(text);
    expect(result.checks.at(-1)).toMatchObject({ name: 'checksum', ok: false });
  });

  it('names a truncated file, another format and a schema problem', async () => {
    const text = JSON.stringify(await makeRecord('internal'));
    expect((await verify(text.slice(0, text.length / 2))).checks[0]?.detail).toContain('not valid JSON, perhaps cut short');
    expect((await verify('{"format":"response-desk-backup"}')).checks[0]?.detail).toBe('This is not a Response Desk record: its format is "response-desk-backup".');
    const broken = JSON.parse(text) as { profile: string };
    broken.profile = 'everyone';
    expect((await verify(JSON.stringify(broken))).checks.at(-1)?.detail).toContain('profile');
  });
});
