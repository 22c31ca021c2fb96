import type { ReactElement } from 'react';
import { t } from '../i18n/messages';

/** Which column of a spreadsheet holds each field: field name → column index. */
export type ColumnChoice<F extends string> = Partial<Record<F, number>>;

/**
 * The column-mapping step of a CSV import: one drop-down per field, listing the file's headers.
 * Choosing "not in this file" removes the field from the mapping.
 */
export function ColumnMappingFields<F extends string>({
  fields,
  labels,
  headers,
  mapping,
  onChange,
}: {
  fields: readonly F[];
  labels: Readonly<Record<F, string>>;
  headers: readonly string[];
  mapping: ColumnChoice<F>;
  onChange: (update: (previous: ColumnChoice<F>) => ColumnChoice<F>) => void;
}): ReactElement {
  return (
    <div className="mapping">
      {fields.map((field) => (
        <label key={field} className="mapping__row">
          <span>{labels[field]}</span>
          <select
            value={mapping[field] ?? ''}
            onChange={(e) => {
              const value = e.target.value;
              onChange((m) => {
                const rest = Object.fromEntries(Object.entries(m).filter(([k]) => k !== field)) as ColumnChoice<F>;
                return value === '' ? rest : { ...rest, [field]: Number(value) };
              });
            }}
          >
            <option value="">{t('ui.columnMappingFields.notInThisFile')}</option>
            {headers.map((h, i) => (
              <option key={`${h}-${String(i)}`} value={i}>
                {h || t('ui.columnMappingFields.column', { number: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
