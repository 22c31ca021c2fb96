import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';
import { format } from '../../i18n/format';

import { unknownFields } from '../../schemas/unknownFields';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName, type TableRows } from '../../schemas/tables';

/**
 * Tables the projector derives and no record carries: an entry is its newest revision, so a
 * record puts the revision and the entry follows from it.
 */
export const DERIVED_FROM_RECORDS = ['timelineEntries'] as const satisfies readonly TableName[];

/** Tables a signed record may put rows into or delete rows from. */
export const RECORDED_TABLES = TABLE_NAMES.filter(
  (t) => !(DERIVED_FROM_RECORDS as readonly string[]).includes(t),
) as Exclude<TableName, (typeof DERIVED_FROM_RECORDS)[number]>[];
export type RecordedTable = (typeof RECORDED_TABLES)[number];

const key = z.string().min(1).max(100);
const recordedTable = z.enum(RECORDED_TABLES as [RecordedTable, ...RecordedTable[]]);

/** What a change was made on: the entity's revision id, version or record hash as its table names it. */
export const BasedOnSchema = z.object({ table: recordedTable, key, on: z.string().min(1).max(200) }).strict();
export type BasedOn = z.infer<typeof BasedOnSchema>;

/**
 * FORMAT: a signed record's content: the rows it puts and the keys it deletes, per table, and what
 * the change was made on (two changes on the same base are concurrent: a conflict to resolve).
 * Every row must satisfy the table's schema in shared/schemas/tables.ts exactly, with no field
 * the schema does not define: the same schema a backup restore and a record import use, so
 * whatever a desk signed, every reader accepts.
 */
export const RowChangeSchema = z
  .object({
    put: z.partialRecord(recordedTable, z.array(z.record(z.string(), z.unknown())).min(1).max(10_000)),
    delete: z.partialRecord(recordedTable, z.array(key).min(1).max(10_000)),
    basedOn: z.array(BasedOnSchema).max(10_000),
  })
  .strict()
  .superRefine((change, ctx) => {
    for (const [table, rows] of Object.entries(change.put) as [RecordedTable, unknown[]][]) {
      const schema = TABLE_SCHEMAS[table];
      rows.forEach((row, index) => {
        const parsed = schema.safeParse(row);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          ctx.addIssue({
            code: 'custom',
            path: ['put', table, index, ...(issue?.path ?? [])].map((p) => (typeof p === 'symbol' ? String(p) : p)),
            message: format('signed.format.invalidRow', { table, problem: issue?.message ?? format('text.invalid') }),
          });
          return;
        }
        const extra = unknownFields(row, parsed.data);
        if (extra.length > 0)
          ctx.addIssue({
            code: 'custom',
            path: ['put', table, index],
            message: format('signed.format.unknownFields', { table, fields: extra.slice(0, 3).join(', ') }),
          });
      });
    }
  });

/** The content of a signed record, its rows typed by table. */
export type RowChange = {
  put: { [T in RecordedTable]?: TableRows[T] };
  delete: { [T in RecordedTable]?: string[] };
  basedOn: BasedOn[];
};

/** Rows of one table a change puts, typed. */
export function rowsPut<T extends RecordedTable>(change: RowChange, table: T): TableRows[T] {
  return change.put[table] ?? [];
}
