import { z } from 'zod';

import { err, ok, type Result } from '../result';
import { canonicalJson, type Sha256Hex } from '../integrity/canonical';
import { upgradeLegacyTables } from '../contacts/legacy';
import { TABLE_NAMES, TABLE_SCHEMAS, TABLES_SINCE, type TableName, type TableRows } from '../../schemas/tables';

/** FORMAT: the name every backup file carries, so no other JSON is mistaken for one. */
export const BACKUP_FORMAT = 'response-desk-backup';

export type BackupMeta = {
  schemaVersion: number;
  createdAt: string;
  createdBy: string;
  appVersion: string;
  cityName: string;
};

export type BackupFile = BackupMeta & {
  format: typeof BACKUP_FORMAT;
  checksum: { algorithm: 'SHA-256'; over: 'canonical-json-of-data'; value: string };
  data: TableRows;
};

/** Builds the backup file for every table's rows; the checksum covers the data exactly. */
export async function buildBackup(rows: TableRows, meta: BackupMeta, sha256: Sha256Hex): Promise<BackupFile> {
  const value = await sha256(canonicalJson(rows));
  return {
    format: BACKUP_FORMAT,
    ...meta,
    checksum: { algorithm: 'SHA-256', over: 'canonical-json-of-data', value },
    data: rows,
  };
}

export type BackupError =
  | { code: 'empty' }
  | { code: 'not-json'; detail: string }
  | { code: 'wrong-format'; found: string | null }
  | { code: 'missing-fields'; fields: string[] }
  | { code: 'newer-schema'; found: number; supported: number }
  | { code: 'checksum-mismatch' }
  | { code: 'invalid-rows'; table: string; row: number; problem: string };

const HeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  appVersion: z.string(),
  cityName: z.string(),
  checksum: z.object({ algorithm: z.literal('SHA-256'), over: z.string(), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  data: z.record(z.string(), z.array(z.unknown())),
});

/**
 * Reads a backup file and checks all of it (format, version, checksum, every row) before the
 * caller writes anything. A file from a newer desk is refused: this version cannot know what
 * its new fields mean.
 */
export async function parseBackup(
  text: string,
  options: { supportedSchemaVersion: number; sha256: Sha256Hex },
): Promise<Result<{ meta: BackupMeta; rows: TableRows }, BackupError>> {
  if (text.trim() === '') return err({ code: 'empty' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err({ code: 'not-json', detail: e instanceof Error ? e.message : String(e) });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err({ code: 'wrong-format', found: null });
  const record = raw as Record<string, unknown>;
  if (record['format'] !== BACKUP_FORMAT) {
    return err({ code: 'wrong-format', found: typeof record['format'] === 'string' ? record['format'] : null });
  }
  const header = HeaderSchema.safeParse(raw);
  if (!header.success) {
    const fields = [...new Set(header.error.issues.map((i) => i.path.map(String).join('.') || '(file)'))];
    return err({ code: 'missing-fields', fields });
  }
  const file = header.data;
  if (file.schemaVersion > options.supportedSchemaVersion) {
    return err({ code: 'newer-schema', found: file.schemaVersion, supported: options.supportedSchemaVersion });
  }
  // A table added after the backup's data version is simply empty in it.
  const missingTables = TABLE_NAMES.filter((t) => !(t in file.data) && (TABLES_SINCE[t] ?? 1) <= file.schemaVersion);
  if (missingTables.length > 0) return err({ code: 'missing-fields', fields: missingTables.map((t) => `data.${t}`) });
  if ((await options.sha256(canonicalJson(file.data))) !== file.checksum.value) return err({ code: 'checksum-mismatch' });

  // A backup written by an older desk is read in today's shapes, as the database upgrade does.
  const data = upgradeLegacyTables(file.data, file.schemaVersion);
  const rows = {} as Record<TableName, unknown[]>;
  for (const table of TABLE_NAMES) {
    const schema = TABLE_SCHEMAS[table];
    const source = data[table] ?? [];
    const parsed: unknown[] = [];
    for (const [index, row] of source.entries()) {
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
        return err({ code: 'invalid-rows', table, row: index + 1, problem: `${where}${issue?.message ?? 'invalid'}` });
      }
      parsed.push(result.data);
    }
    rows[table] = parsed;
  }
  const { schemaVersion, createdAt, createdBy, appVersion, cityName } = file;
  return ok({ meta: { schemaVersion, createdAt, createdBy, appVersion, cityName }, rows: rows as TableRows });
}

/** The words a person sees when a backup is refused. Nothing has been changed when they see them. */
export function describeBackupError(e: BackupError): string {
  switch (e.code) {
    case 'empty':
      return 'This file is empty. Nothing was restored.';
    case 'not-json':
      return `This file is not a Response Desk backup: it is not valid JSON (${e.detail}). Nothing was restored.`;
    case 'wrong-format':
      return e.found === null
        ? "This file is not a Response Desk backup (it has no 'format' field). Nothing was restored."
        : `This file is not a Response Desk backup (its format is "${e.found}"). Nothing was restored.`;
    case 'missing-fields':
      return `This backup is incomplete: missing or invalid ${e.fields.slice(0, 5).join(', ')}${e.fields.length > 5 ? '…' : ''}. Nothing was restored.`;
    case 'newer-schema':
      return `This backup was made by a newer version of Response Desk (data version ${e.found}; this desk reads up to ${e.supported}). Update the desk, then restore. Nothing was restored.`;
    case 'checksum-mismatch':
      return 'This backup has been altered or damaged since it was made: its checksum does not match its contents. Nothing was restored.';
    case 'invalid-rows':
      return `This backup has a damaged record: table "${e.table}", record ${e.row}: ${e.problem}. Nothing was restored.`;
  }
}
