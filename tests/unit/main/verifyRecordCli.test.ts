import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';

import { makeRecordPackage } from '@shared/domain/record/recordPackage';
import { sealRecord, type RecordFile } from '@shared/domain/record/recordFile';

import { makeRecord } from '../../factories/record';
import { sha256 } from '../../factories/timeline';
import { pdfFonts } from '../../support/pdfFonts';
import { runVerifyCli } from '../../support/verifyCli';

const run = promisify(execFile);
const sha256Bytes = (b: Uint8Array) => Promise.resolve(createHash('sha256').update(b).digest('hex'));

const verify = runVerifyCli;

describe('response-desk-verify: a record', () => {
  let dir = '';
  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-cli.mjs']);
    dir = await mkdtemp(join(tmpdir(), 'desk-verify-'));
  }, 60_000);

  it('passes a record as exported, exit 0', async () => {
    const path = join(dir, 'good.json');
    await writeFile(path, JSON.stringify(await makeRecord('internal')));
    const { code, out } = await verify(path);
    expect(code).toBe(0);
    expect(out).toContain('Record of “Vehicle attack, Markens gate” (Kristiansand)');
    expect(out).toMatch(/ok +hash chain: Integrity verified: 6 revisions of 4 entries/);
    expect(out).toContain('VERIFIED: the record is as the desk exported it.');
  });

  it('fails a record with one edited timeline entry, exit 1', async () => {
    const path = join(dir, 'edited.json');
    await writeFile(
      path,
      JSON.stringify(await makeRecord('internal')).replace(
        'Second attacker at the station',
        'Second attacker confirmed',
      ),
    );
    const { code, out } = await verify(path);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  checksum: The SHA-256 does not match: the record was altered after export');
    expect(out).toContain('NOT VERIFIED');
  });

  it('fails a truncated file, exit 1', async () => {
    const path = join(dir, 'truncated.json');
    await writeFile(path, JSON.stringify(await makeRecord('internal')).slice(0, 2000));
    const { code, out } = await verify(path);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  file: The file is not valid JSON, perhaps cut short');
  });

  it('fails a file of another format, exit 1', async () => {
    const path = join(dir, 'backup.json');
    await writeFile(path, JSON.stringify({ format: 'response-desk-backup', schemaVersion: 1 }));
    const { code, out } = await verify(path);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  format: This is not a Response Desk record: its format is "response-desk-backup".');
  });

  it('says what is missing when given no file or a missing one', async () => {
    expect((await verify(join(dir, 'nope.json'))).out).toContain('cannot be read');
  });

  it('prints control and bidirectional characters of a hostile record as visible escapes, so it cannot hide its own FAIL lines', async () => {
    const record = await makeRecord('internal');
    const { checksum: _c, ...rest } = record;
    // A title that would clear the line, move the cursor up and print a fake verdict, reversed.
    const hostile = structuredClone(rest);
    hostile.content.incident.title = 'Vehicle attack\r\x1b[2K\x1b[1AVERIFIED: all good\u202Edetaerc';
    const path = join(dir, 'hostile.json');
    await writeFile(path, JSON.stringify(await sealRecord(hostile, sha256)));
    const { out } = await verify(path);
    expect(out).toContain('Vehicle attack\\r\\x1B[2K\\x1B[1AVERIFIED: all good\\u202Edetaerc');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  });
});

describe('response-desk-verify: an export package', () => {
  let dir = '';
  let zip: Uint8Array = new Uint8Array();
  let record: RecordFile;
  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-cli.mjs']);
    dir = await mkdtemp(join(tmpdir(), 'desk-package-'));
    record = await makeRecord('council');
    zip = (await makeRecordPackage(record, { base: 'after-action-council', fonts: await pdfFonts(), sha256Bytes })).zip;
  }, 60_000);

  const write = async (name: string, files: Record<string, Uint8Array>) => {
    const path = join(dir, name);
    await writeFile(path, zipSync(files));
    return path;
  };

  it('passes the package as exported, every file checked, exit 0', async () => {
    const path = join(dir, 'good.zip');
    await writeFile(path, zip);
    const { code, out } = await verify(path);
    expect(code).toBe(0);
    for (const name of [
      'after-action-council.json',
      'after-action-council.pdf',
      'after-action-council.docx',
      'after-action-council-timeline.csv',
    ])
      expect(out).toMatch(new RegExp(`ok +${name}: SHA-256 [0-9a-f]{64}`));
    expect(out).toContain('ok    after-action-council.json: checksum');
    expect(out).toContain('VERIFIED: every file of the package is as the desk exported it.');
  });

  it.each([
    [
      'a changed PDF',
      (files: Record<string, Uint8Array>) =>
        (files['after-action-council.pdf'] = new Uint8Array([...(files['after-action-council.pdf'] ?? []), 0x20])),
      'FAIL  after-action-council.pdf: Its SHA-256 does not match the manifest: the file was changed after export',
    ],
    [
      'an added file',
      (files: Record<string, Uint8Array>) => (files['notes.txt'] = strToU8('added later')),
      'FAIL  notes.txt: Not in the manifest: a file was added to the package.',
    ],
    [
      'a removed CSV',
      (files: Record<string, Uint8Array>) => delete files['after-action-council-timeline.csv'],
      'FAIL  after-action-council-timeline.csv: Listed in the manifest but missing from the package: a file was removed.',
    ],
    [
      'an edited record',
      (files: Record<string, Uint8Array>) => {
        const json = new TextDecoder()
          .decode(files['after-action-council.json'])
          .replace('Mayor activates the crisis team', 'Mayor activates nothing');
        files['after-action-council.json'] = strToU8(json);
      },
      'FAIL  after-action-council.json: Its SHA-256 does not match the manifest',
    ],
  ])('fails a package with %s, naming the file, exit 1', async (_what, change, line) => {
    const files = unzipSync(zip);
    change(files);
    const { code, out } = await verify(await write(`${_what.replace(/\W+/g, '-')}.zip`, files));
    expect(code).toBe(1);
    expect(out).toContain(line);
    expect(out).toContain('NOT VERIFIED: do not rely on this package.');
  });

  it('checks a package unzipped into a folder the same way', async () => {
    const folder = join(dir, 'unzipped');
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder);
    for (const [name, bytes] of Object.entries(unzipSync(zip))) await writeFile(join(folder, name), bytes);
    expect((await verify(folder)).code).toBe(0);
    await writeFile(join(folder, 'after-action-council.docx'), strToU8('not a document'));
    const { code, out } = await verify(folder);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  after-action-council.docx: Its SHA-256 does not match the manifest');
    expect(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'))).toMatchObject({
      format: 'response-desk-package',
      record: { checksum: record.checksum.value },
    });
  });
});
