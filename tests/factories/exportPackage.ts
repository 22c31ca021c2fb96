import { createHash } from 'node:crypto';

import { buildPackage } from '@shared/domain/record/exportPackage';

const sha256Bytes = (b: Uint8Array) => Promise.resolve(createHash('sha256').update(b).digest('hex'));

/** A two-file export package (a record and its timeline CSV) for `profile`, zipped with its manifest. */
export async function makeSmallPackage(profile: string): Promise<Uint8Array> {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const files = [
    { name: 'r.json', role: 'record' as const, bytes: bytes('{"format":"response-desk-record"}') },
    { name: 'r-timeline.csv', role: 'timeline-csv' as const, bytes: bytes('title\r\nVan drives into the crowd\r\n') },
  ];
  const record = { checksum: 'a'.repeat(64), profile, formatVersion: 2, exportedAt: '2026-11-24T13:00:00.000Z' };
  return (await buildPackage(files, record, sha256Bytes)).zip;
}
