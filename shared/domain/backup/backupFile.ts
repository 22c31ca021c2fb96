import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';

import { err, ok, type Result } from '../result';
import { canonicalJson, type Sha256Hex } from '../integrity/canonical';
import { upgradeLegacyTables } from '../contacts/legacy';
import { describeChainReport, verifyChain, type ChainBreak } from '../timeline/chain';
import { checkStoredRow, legacyNotes, unknownFieldPaths } from '../../schemas/rowCheck';
import { TABLE_NAMES, TABLES_SINCE, type TableName, type TableRows } from '../../schemas/tables';
import { format } from '../../i18n/format';
import type { Ed25519Verify } from '../signed/ed25519';
import { parseDeskIdentity, readDeskIdentity, type DeskIdentity, type IdentityProblem } from '../signed/identity';

/** FORMAT: the name every backup file carries, so no other JSON is mistaken for one. */
export const BACKUP_FORMAT = 'response-desk-backup';

export type BackupMeta = {
  schemaVersion: number;
  createdAt: string;
  createdBy: string;
  appVersion: string;
  cityName: string;
  /**
   * The public identity of the desk that made the backup (never its private key), which a desk
   * restored from it names as the desk it continues. Absent in backups from before desks had one.
   */
  desk?: DeskIdentity;
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
  | { code: 'invalid-rows'; table: string; row: number; problem: string }
  /** A field or table the desk never writes: the file is not as the desk made it. */
  | { code: 'unknown-field'; path: string; table?: string; row?: number }
  /** The identity of the desk that made it is malformed, not its key's, or not signed by it. */
  | { code: 'desk-identity'; problem: IdentityProblem };

/**
 * What a person must know before restoring a backup that checked out: an incident whose
 * timeline chain is broken (restored only on an explicit choice, and recorded in the audit
 * log), and entries an earlier version recorded past today's limits (kept as recorded).
 */
export type RestoreWarning =
  | {
      kind: 'broken-chain';
      incidentId: string;
      incidentTitle: string;
      entryId: string;
      entryTitle: string | null;
      detail: string;
      problem: ChainBreak['problem'];
    }
  | { kind: 'over-limit'; table: 'timelineEntries' | 'auditLog'; id: string; title: string; notes: string[] };

const HeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  appVersion: z.string(),
  cityName: z.string(),
  // Checked on its own below, so that a refusal says what is wrong with the desk it names.
  desk: z.unknown().optional(),
  checksum: z.object({ algorithm: z.literal('SHA-256'), over: z.string(), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  data: z.record(z.string(), z.array(z.unknown())),
});

type Envelope = Omit<z.infer<typeof HeaderSchema>, 'desk'> & { desk?: DeskIdentity };

/**
 * Checks that a text is a whole desk backup as the desk writes it (format, version, every field
 * and table named, and, given `sha256`, the checksum over the data) without reading the rows one
 * by one: the first half of parseBackup, and what main checks before it writes an automatic backup.
 */
export async function readBackupEnvelope(
  text: string,
  options: { supportedSchemaVersion: number; sha256: Sha256Hex | null },
): Promise<Result<Envelope, BackupError>> {
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
  // FORMAT: the file is checked as given: a field or a table the desk does not write is refused,
  // never dropped, so a backup that restores is exactly the one that was made.
  const extraHeader = unknownFieldPaths({ ...record, data: {} }, { ...file, data: {} })[0];
  if (extraHeader !== undefined) return err({ code: 'unknown-field', path: extraHeader });
  // SECURITY: the desk a restored desk will say it continues. Its signature needs a verifier and
  // is checked by parseBackup; its shape, and that its id is its key's, are checked here.
  const desk = file.desk === undefined ? null : parseDeskIdentity(file.desk);
  if (desk !== null && !desk.ok) return err({ code: 'desk-identity', problem: desk.error });
  const extraTable = Object.keys(file.data).find((t) => !(TABLE_NAMES as readonly string[]).includes(t));
  if (extraTable !== undefined) return err({ code: 'unknown-field', path: `data.${extraTable}` });
  // A table added after the backup's data version is simply empty in it.
  const missingTables = TABLE_NAMES.filter((t) => !(t in file.data) && (TABLES_SINCE[t] ?? 1) <= file.schemaVersion);
  if (missingTables.length > 0) return err({ code: 'missing-fields', fields: missingTables.map((t) => `data.${t}`) });
  if (options.sha256 !== null && (await options.sha256(canonicalJson(file.data))) !== file.checksum.value)
    return err({ code: 'checksum-mismatch' });
  const { desk: _unchecked, ...rest } = file;
  return ok({ ...rest, ...(desk === null ? {} : { desk: desk.value }) });
}

/**
 * Reads a backup file and checks all of it (format, version, checksum, the identity of the desk
 * that made it and its signature, every row, every field, every incident's hash chain) before the
 * caller writes anything. A file from a newer desk is refused: this version cannot know what its
 * new fields mean.
 */
export async function parseBackup(
  text: string,
  options: { supportedSchemaVersion: number; sha256: Sha256Hex; verify: Ed25519Verify },
): Promise<Result<{ meta: BackupMeta; rows: TableRows; warnings: RestoreWarning[]; checksum: string }, BackupError>> {
  const envelope = await readBackupEnvelope(text, options);
  if (!envelope.ok) return envelope;
  const file = envelope.value;
  // SECURITY: the checksum covers the data only; the desk's own signature is what binds its name
  // and "continues from" to its key, so a backup cannot pass itself off as another desk's.
  if (file.desk !== undefined) {
    const desk = await readDeskIdentity(file.desk, options.verify);
    if (!desk.ok) return err({ code: 'desk-identity', problem: desk.error });
  }

  // A backup written by an older desk is read in today's shapes, as the database upgrade does.
  const data = upgradeLegacyTables(file.data, file.schemaVersion);
  const rows = {} as Record<TableName, unknown[]>;
  const overLimits = new Map<string, RestoreWarning>();
  for (const table of TABLE_NAMES) {
    const source = data[table] ?? [];
    for (const [index, row] of source.entries()) {
      const checked = checkStoredRow(table, row);
      if (!checked.ok) {
        const { kind, path, message } = checked.error;
        return kind === 'unknown-field'
          ? err({ code: 'unknown-field', path, table, row: index + 1 })
          : err({ code: 'invalid-rows', table, row: index + 1, problem: message });
      }
      const notes = legacyNotes(table, row);
      // An entry is named once, by its newest title, however many of its revisions are over.
      if (notes.length > 0) {
        const warning = overLimit(table, row, notes);
        if (!overLimits.has(warning.id) || table === 'timelineEntries') overLimits.set(warning.id, warning);
      }
    }
    // The rows as written, not as parsed: the parse trims text a revision's hash was taken over.
    rows[table] = source;
  }
  const checkedRows = rows as TableRows;
  const warnings = [...(await brokenChains(checkedRows, options.sha256)), ...overLimits.values()];
  const { schemaVersion, createdAt, createdBy, appVersion, cityName, desk } = file;
  return ok({
    meta: { schemaVersion, createdAt, createdBy, appVersion, cityName, ...(desk ? { desk } : {}) },
    rows: checkedRows,
    warnings,
    checksum: file.checksum.value,
  });
}

function overLimit(table: TableName, row: unknown, notes: string[]): RestoreWarning & { kind: 'over-limit' } {
  if (table === 'timelineRevisions') {
    const r = row as { entryId: string; content: { title: string } };
    return { kind: 'over-limit', table: 'timelineEntries', id: r.entryId, title: r.content.title, notes };
  }
  if (table === 'timelineEntries') {
    const e = row as { id: string; title: string };
    return { kind: 'over-limit', table, id: e.id, title: e.title, notes };
  }
  const a = row as { id: string; summary: string };
  return { kind: 'over-limit', table: 'auditLog', id: a.id, title: a.summary, notes };
}

/** Walks every incident's timeline chain in the backup, before anything is replaced. */
async function brokenChains(rows: TableRows, sha256: Sha256Hex): Promise<RestoreWarning[]> {
  const incidentIds = [
    ...new Set([
      ...rows.incidents.map((i) => i.id),
      ...rows.timelineRevisions.map((r) => r.incidentId),
      ...rows.timelineEntries.map((e) => e.incidentId),
    ]),
  ];
  const warnings: RestoreWarning[] = [];
  for (const incidentId of incidentIds) {
    const revisions = rows.timelineRevisions.filter((r) => r.incidentId === incidentId);
    const entries = rows.timelineEntries.filter((e) => e.incidentId === incidentId);
    if (revisions.length === 0 && entries.length === 0) continue;
    const report = await verifyChain(incidentId, revisions, entries, sha256);
    if (report.ok) continue;
    const entryTitle = (id: string) =>
      entries.find((e) => e.id === id)?.title ?? revisions.find((r) => r.entryId === id)?.content.title;
    warnings.push({
      kind: 'broken-chain',
      incidentId,
      incidentTitle: rows.incidents.find((i) => i.id === incidentId)?.title ?? incidentId,
      entryId: report.firstBreak.entryId,
      entryTitle: entryTitle(report.firstBreak.entryId) ?? null,
      detail: describeChainReport(report, entryTitle),
      problem: report.firstBreak.problem,
    });
  }
  return warnings;
}

/** The words a person sees when a backup is refused. Nothing has been changed when they see them. */
export function describeBackupError(e: BackupError): string {
  switch (e.code) {
    case 'empty':
      return format('backup.error.empty');
    case 'not-json':
      return format('backup.error.notJson', { detail: e.detail });
    case 'wrong-format':
      return e.found === null
        ? format('backup.error.noFormat')
        : format('backup.error.wrongFormat', { found: e.found });
    case 'missing-fields':
      return format('backup.error.missingFields', {
        fields: `${e.fields.slice(0, 5).join(', ')}${e.fields.length > 5 ? '…' : ''}`,
      });
    case 'newer-schema':
      return format('backup.error.newerSchema', { found: e.found, supported: e.supported });
    case 'checksum-mismatch':
      return format('backup.error.checksumMismatch');
    case 'invalid-rows':
      return format('backup.error.invalidRows', { table: e.table, row: e.row, problem: e.problem });
    case 'unknown-field':
      return e.table === undefined
        ? format('backup.error.unknownField', { path: e.path })
        : format('backup.error.unknownFieldInTable', { path: e.path, table: e.table, row: e.row ?? '?' });
    case 'desk-identity':
      switch (e.problem.code) {
        case 'not-from-key':
          return format('backup.error.deskIdNotFromKey', { deskId: e.problem.deskId });
        case 'bad-signature':
          return format('backup.error.deskIdentityBadSignature', { deskId: e.problem.deskId });
        case 'invalid':
          return format('backup.error.deskIdentityInvalid', { detail: e.problem.detail });
      }
  }
}
