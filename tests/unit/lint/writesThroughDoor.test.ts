import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// Every change of the desk's data goes through the door (src-renderer/desk/door.ts), which checks
// the rows against the readers' schemas, writes them with their audit line in one transaction and
// tells the change feed. Besides it, only the database's schema and migrations (an upgrade rewrites
// rows), the search index's own database, and the door's recorder write: the recorder signs each
// change into the desk's records inside the door's transaction, and keeps the desk's own key
// (made once, replaced by a restore). The door's receiver (desk/team/receive.ts, rowWriters.ts)
// is its entrance for records other desks signed: each parsed against the same table schemas
// before it is stored, stored in one transaction with the rows it projects to, and told on the
// change feed; the recorder notes which record wrote each row. The table stores (db/repos) only read.
const root = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const ALLOWED = [
  /^src-renderer\/desk\/door\.ts$/,
  /^src-renderer\/desk\/identity\/(identity|recorder)\.ts$/,
  /^src-renderer\/desk\/team\/(receive|rowWriters)\.ts$/,
  /^src-renderer\/db\/(database|schema|writeDoor|searchCache)\.ts$/,
  /^src-renderer\/db\/migrations\//,
];

const WRITE = '(?:add|put|bulkAdd|bulkPut|update|bulkUpdate|delete|bulkDelete|clear|modify|upsert)';
const PATTERNS = [
  // db.contacts.put(...), this.db.lessons.bulkAdd(...), desk.db.settings.update(...)
  new RegExp(`\\bdb\\s*\\.\\s*\\w+\\s*\\.\\s*${WRITE}\\s*\\(`),
  // db.table('contacts').put(...), db.tableByName(name).bulkPut(...)
  new RegExp(`\\.\\s*table(?:ByName)?\\s*\\([^)]*\\)\\s*\\.\\s*${WRITE}\\s*\\(`),
  // db.contacts.where(...).modify(...) / .delete(): a collection written in place
  new RegExp(
    `\\bdb\\s*\\.\\s*\\w+\\s*\\.\\s*(?:where|filter|toCollection|orderBy)\\b[^;]*\\.\\s*(?:modify|delete)\\s*\\(`,
  ),
];

/** The lines of a source file that write a Dexie table, with their line numbers. */
function tableWrites(source: string): string[] {
  return source
    .split('\n')
    .flatMap((line, i) => (PATTERNS.some((p) => p.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

describe('one door for every change', () => {
  it('sees a table written directly, in each way Dexie offers', () => {
    expect(tableWrites(`await db.contacts.put(next);`)).toHaveLength(1);
    expect(tableWrites(`await this.db.auditLog.bulkAdd(lines);`)).toHaveLength(1);
    expect(tableWrites(`await desk.db.settings.update('desk', { cityName: 'x' });`)).toHaveLength(1);
    expect(tableWrites(`await db.tableByName(table).bulkPut(rows);`)).toHaveLength(1);
    expect(tableWrites(`await db.table('lessons').delete(id);`)).toHaveLength(1);
    expect(
      tableWrites(`await db.checklistItems.where('incidentId').equals(id).modify({ status: 'done' });`),
    ).toHaveLength(1);
    expect(tableWrites(`await db.timelineOrder.where('[incidentId+occurredAt]').between(a, b).delete();`)).toHaveLength(
      1,
    );
  });

  it('leaves reads alone', () => {
    expect(
      tableWrites(
        `const c = await db.contacts.get(id);\nconst all = await db.lessons.where('incidentId').equals(id).toArray();\nconst n = await db.auditLog.count();`,
      ),
    ).toEqual([]);
    expect(tableWrites(`const next = { ...current, updatedAt: actor.now };\nmap.delete(key);\nset.add(id);`)).toEqual(
      [],
    );
  });

  it('finds no module outside the door that writes a desk table', () => {
    const offenders = sources('src-renderer')
      .map((file) => relative(root, join(root, file)).split(sep).join('/'))
      .filter((file) => !ALLOWED.some((allowed) => allowed.test(file)))
      .flatMap((file) => tableWrites(readFileSync(join(root, file), 'utf8')).map((line) => `${file}:${line}`));
    expect(offenders).toEqual([]);
  });

  it('recognises the writes of the door itself, so the check above reads real code', () => {
    expect(tableWrites(readFileSync(join(root, 'src-renderer/desk/door.ts'), 'utf8')).length).toBeGreaterThan(0);
  });
});
