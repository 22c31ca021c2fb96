import { useId, type ReactElement } from 'react';

import { KNOWN_PLACEHOLDERS, placeholderLabel } from '@shared/domain/statements/placeholderCatalogue';
import { hasValue } from '@shared/domain/statements/placeholders';

type Props = {
  names: readonly string[];
  values: Readonly<Record<string, string>>;
  autoFilled: ReadonlySet<string>;
  language: string;
  onChange: (name: string, value: string) => void;
  /** Translations: values still word for word as in the source, with the source's language name. */
  sameAsSource?: { names: ReadonlySet<string>; language: string } | undefined;
};

/**
 * One field per placeholder of the text, each once however often it appears: first those only a
 * person can give, then those the desk filled from the incident record and the settings (which
 * can still be changed). Gaps are marked in words and colour.
 */
export function PlaceholderForm({ names, values, autoFilled, language, onChange, sameAsSource }: Props): ReactElement {
  const id = useId();
  if (names.length === 0) return <p className="muted">This text has no placeholders to fill.</p>;
  const manual = names.filter((n) => !autoFilled.has(n));
  const known = names.filter((n) => autoFilled.has(n));
  const fields = (group: readonly string[]) => (
    <div className="stmt-fields">
      {group.map((name) => {
        const info = KNOWN_PLACEHOLDERS[name];
        const missing = !hasValue(values[name]);
        const fieldId = `${id}-${name}`;
        const hint = info?.hint || 'A placeholder of this template.';
        const common = {
          id: fieldId,
          value: values[name] ?? '',
          lang: language,
          dir: 'auto' as const,
          'aria-describedby': `${fieldId}-hint`,
          'aria-invalid': missing,
          'data-placeholder': name,
        };
        return (
          <div key={name} className={`stmt-field${missing ? ' stmt-field--missing' : ''}`}>
            <label htmlFor={fieldId}>
              {placeholderLabel(name)} <code className="stmt-field__code">{`{{${name}}}`}</code>
            </label>
            <p className="field__hint" id={`${fieldId}-hint`}>
              {missing && <strong className="stmt-field__missing">Missing. </strong>}
              {!missing && sameAsSource?.names.has(name) && <strong className="stmt-field__untranslated">Same as in the {sameAsSource.language} source: translate it. </strong>}
              {hint}
            </p>
            {info?.long ? <textarea {...common} rows={3} onChange={(e) => onChange(name, e.target.value)} /> : <input {...common} type="text" onChange={(e) => onChange(name, e.target.value)} />}
          </div>
        );
      })}
    </div>
  );
  return (
    <>
      {manual.length > 0 && fields(manual)}
      {known.length > 0 && (
        <>
          <h4 className="stmt-fields__group">From the incident record and settings</h4>
          <p className="field__hint">Check them; change any that should read differently in this statement.</p>
          {fields(known)}
        </>
      )}
    </>
  );
}
