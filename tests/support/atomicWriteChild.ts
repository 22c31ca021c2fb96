// Run as a child process by tests/unit/main/atomicWriteKills.test.ts, which kills it mid-write.
// Writes the target over and over, exactly as the desk saves a file, journalling its temp files.

import { writeFileAtomic } from '../../src-main/adapters/atomicWrite';
import { createDiskTempJournal } from '../../src-main/adapters/tempJournal';

const [target, journalDir, sizeText] = process.argv.slice(2) as [string, string, string];
const journal = createDiskTempJournal(journalDir);
const pad = 'x'.repeat(Number(sizeText));

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (let n = 1; ; n += 1) {
    await writeFileAtomic(target, JSON.stringify({ n, pad }), { journal });
    process.stdout.write(`wrote ${n}\n`);
  }
}
void main();
