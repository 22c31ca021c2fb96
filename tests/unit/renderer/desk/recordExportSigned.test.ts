import { describe, expect, it } from 'vitest';

import { buildRecord } from '@shared/domain/record/buildRecord';
import { RECORD_SECTIONS } from '@shared/domain/record/profiles';
import { sealRecordText, withSignedRecords, type RecordFile } from '@shared/domain/record/recordFile';
import { reportModel } from '@shared/domain/record/reportModel';
import { verifyAnyRecordText } from '@shared/domain/record/verifySignedRecord';
import { webCryptoVerifier } from '@shared/domain/signed/ed25519';
import { describeIncidentIntegrity } from '@shared/domain/signed/incidentIntegrity';
import { createChainVerifier } from '@shared/domain/timeline/chain';

import { T0 } from '../../../factories/incident';
import { rewriteRevision } from '../../../factories/signedIncident';
import { forgeRecord, recordText } from '../../../factories/signedRecordFile';
import { sha256 } from '../../../factories/timeline';
import { firstHour } from './firstHour';

const verify = webCryptoVerifier(crypto.subtle);

/** The internal record as the record's worker builds it from a desk that signed its changes. */
async function exportedRecord() {
  const { desk, incident } = await firstHour();
  const source = (await desk.useCases.record.collect(incident.id))!;
  const verifier = createChainVerifier(incident.id, sha256);
  await verifier.push(source.revisions);
  const chain = verifier.finish(source.entries);
  const record = buildRecord(source, {
    profile: 'internal',
    sections: RECORD_SECTIONS,
    includeContactDetails: false,
    withheldNames: [],
    exportedBy: 'Ingrid Berg',
    now: T0 + 3_600_000,
    appVersion: '0.0.0-test',
    chain,
  });
  const signed = await desk.useCases.record.signedSection(incident.id);
  const { record: sealed, text } = await sealRecordText(withSignedRecords(record, signed), sha256);
  return { desk, incident, sealed, text };
}

describe('the internal record carries the desk’s signed records', () => {
  it('verifies: the roster’s identity, every signature and link, and every revision against what the desk signed', async () => {
    const { desk, incident, sealed, text } = await exportedRecord();
    const { identity, fingerprint } = await desk.useCases.identity.describe();
    expect(sealed.formatVersion).toBe(3);
    expect(sealed.signed.desks).toEqual([identity]);
    expect(sealed.signed.records.every((r) => r.scope.kind === 'incident' && r.scope.incidentId === incident.id)).toBe(
      true,
    );
    expect(sealed.signed.heads).toEqual([
      {
        deskId: identity.deskId,
        seq: sealed.signed.records.length,
        hash: (await desk.db.records.orderBy('n').last())?.hash,
      },
    ]);
    const result = await verifyAnyRecordText(text, sha256, { verify });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.desks).toEqual([
      expect.objectContaining({
        deskId: identity.deskId,
        fingerprint: fingerprint.hex,
        records: sealed.signed.records.length,
      }),
    ]);
    // The fingerprint of the incident's records: the desk shows it, the verifier recomputes it, the report prints it.
    const shown = await desk.useCases.record.recordsFingerprint(incident.id);
    expect(shown?.words).toHaveLength(12);
    expect(result.fingerprint).toEqual(shown);
    const printed = reportModel(sealed as unknown as RecordFile).blocks.flatMap((b) =>
      b.type === 'facts' ? b.rows.map((row) => row.join(': ')) : [],
    );
    expect(printed).toContainEqual(expect.stringContaining(`${shown?.hex} (${shown?.words.join(' ')})`));
  });

  it('has no records fingerprint when a signature fails', async () => {
    const { sealed } = await exportedRecord();
    const target = sealed.content.timeline!.revisions.find((r) => r.content.title === 'Police close Markens gate')!;
    const forged = await forgeRecord(sealed, target.chainSeq, 'Police reopen Markens gate');
    expect((await verifyAnyRecordText(recordText(forged), sha256, { verify })).fingerprint).toBeNull();
  });

  it('fails naming the entry when an entry is reworded, re-hashed and re-sealed without the desk’s key', async () => {
    const { sealed } = await exportedRecord();
    const revisions = sealed.content.timeline!.revisions;
    const target = revisions.find((r) => r.content.title === 'Police close Markens gate')!;
    const forged = await forgeRecord(sealed, target.chainSeq, 'Police reopen Markens gate');
    const result = await verifyAnyRecordText(recordText(forged), sha256, { verify });
    expect(result.ok).toBe(false);
    // The checksum and the hash chain were brought in line: only the signatures can tell.
    expect(result.checks.find((c) => c.name === 'checksum')?.ok).toBe(true);
    const failed = result.checks.find((c) => !c.ok);
    expect(failed?.name).toBe('signatures');
    expect(failed?.detail).toContain('Police reopen Markens gate');
  });
});

describe('Verify integrity in the desk', () => {
  it('passes on what the desk signed, and names the entry reworded in the database with the chain re-hashed', async () => {
    const { desk, incident } = await firstHour();
    const good = await desk.useCases.timeline.verifySigned(incident);
    expect(good.problems).toEqual([]);
    expect(good.ok).toBe(true);
    // Someone with the database but not the key rewords an entry and re-hashes the chain after it.
    const revisions = await desk.db.timelineRevisions.where('incidentId').equals(incident.id).sortBy('chainSeq');
    const target = revisions.find((r) => r.content.title === 'Police close Markens gate')!;
    const forged = await rewriteRevision(revisions, target.chainSeq, (r) => ({
      ...r,
      content: { ...r.content, title: 'Police reopen Markens gate' },
    }));
    await desk.db.timelineRevisions.bulkPut(forged.revisions);
    await desk.db.timelineEntries.bulkPut(forged.entries);
    expect(await desk.useCases.timeline.verify(incident.id)).toMatchObject({ ok: true });
    const bad = await desk.useCases.timeline.verifySigned(incident);
    expect(bad.ok).toBe(false);
    expect(describeIncidentIntegrity(bad).at(-1)).toContain('Police reopen Markens gate');
  });
});
