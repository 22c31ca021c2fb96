import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

import { createDiskTempJournal } from '@main/adapters/tempJournal';

const KILLS = 50;
const SIZE = 300_000;

/** The child, bundled once: the real writeFileAtomic and journal, writing in a loop. */
async function bundleChild(dir: string): Promise<string> {
  const outfile = join(dir, 'child.cjs');
  await build({
    entryPoints: ['tests/support/atomicWriteChild.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Starts the child, lets it write for a random moment, and kills it with SIGKILL (no clean-up can run). */
function killMidWrite(child: string, target: string, journalDir: string, delayMs: number): Promise<number> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, target, journalDir, String(SIZE)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let writes = 0;
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      writes += text.split('wrote').length - 1;
      if (timer === undefined && text.includes('ready')) timer = setTimeout(() => p.kill('SIGKILL'), delayMs);
    });
    p.on('error', fail);
    p.on('close', () => done(writes));
  });
}

describe('killed in the middle of a save', () => {
  it(`leaves the file whole, and the next start removes every temp file the desk left and nothing else (${KILLS} kills)`, async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'desk-kills-'));
    const folder = join(dir, 'chosen-folder');
    const journalDir = join(dir, 'userData', 'unfinished-writes');
    await fs.mkdir(folder);
    const child = await bundleChild(dir);
    const target = join(folder, 'record.json');
    // A file with a temp-like name that the desk did not create: it must survive every clean-up.
    const foreign = join(folder, '.report.pdf.tmp-0123456789abcdef');
    await fs.writeFile(foreign, 'not the desk’s');
    const journal = createDiskTempJournal(journalDir);

    let leftBehind = 0;
    let lastN = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      await killMidWrite(child, target, journalDir, 10 + Math.floor(Math.random() * 120));
      const temps = (await fs.readdir(folder)).filter((n) => n.includes('.tmp-') && join(folder, n) !== foreign);
      leftBehind += temps.length;
      // What a start of the desk does first.
      const removed = await journal.sweep();
      expect(removed.sort()).toEqual(temps.map((n) => join(folder, n)).sort());
      expect((await fs.readdir(folder)).sort()).toEqual(
        [
          '.report.pdf.tmp-0123456789abcdef',
          ...((await fs.stat(target).catch(() => null)) ? ['record.json'] : []),
        ].sort(),
      );
      expect(await fs.readdir(journalDir).catch(() => [])).toEqual([]);
      // The file is the last whole version written, never half of one.
      const text = await fs.readFile(target, 'utf8').catch(() => null);
      if (text !== null) {
        const parsed = JSON.parse(text) as { n: number; pad: string };
        expect(parsed.pad.length).toBe(SIZE);
        lastN = parsed.n;
      }
    }
    expect(await fs.readFile(foreign, 'utf8')).toBe('not the desk’s');
    console.log(
      `${KILLS} kills mid-write: ${leftBehind} temp files left behind and removed at the next start, the file whole every time (last version ${lastN}), the one file the desk did not make untouched`,
    );
    expect(leftBehind).toBeGreaterThan(0);
  }, 120_000);
});
