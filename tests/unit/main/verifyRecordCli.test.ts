import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';

import { makeRecord } from '../../factories/record';

const run = promisify(execFile);
const CLI = 'out/cli/response-desk-verify.cjs';

/** Runs the bundled verifier as an inquiry would: a separate Node process, exit code and output. */
async function verify(path: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, path]);
    return { code: 0, out: stdout };
  } catch (e) {
    const failure = e as { code: number; stdout: string };
    return { code: failure.code, out: failure.stdout };
  }
}

describe('response-desk-verify', () => {
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
    expect(out).toMatch(/ok +hash chain: Integrity verified: 5 revisions of 3 entries/);
    expect(out).toContain('VERIFIED: the record is as the desk exported it.');
  });

  it('fails a record with one edited timeline entry, exit 1', async () => {
    const path = join(dir, 'edited.json');
    await writeFile(path, JSON.stringify(await makeRecord('internal')).replace('Second attacker at the station', 'Second attacker confirmed'));
    const { code, out } = await verify(path);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  checksum: The SHA-256 does not match: the record was altered after export');
    expect(out).toContain('NOT VERIFIED');
  });

  it('fails a truncated file, exit 1', async () => {
    const path = join(dir, 'truncated.json');
    const text = JSON.stringify(await makeRecord('internal'));
    await writeFile(path, text.slice(0, 2000));
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
});
