import { useId, type ReactElement } from 'react';

import { KNOWN_PLACEHOLDERS, placeholderLabel } from '@shared/domain/statements/placeholderCatalogue';
import { hasValue } from '@shared/domain/statements/placeholders';
import { t } from '../../i18n/messages';

type Props = {
  names: readonly string[];
  values: Readonly<Record<string, string>>;
  autoFilled: ReadonlySet<string>;
  language: string;
  onChange: (name: string, value: string) => void;
  /** Translations: values still word for word as in the source, with the source's language name. */
  sameAsSource?: { names: ReadonlySet<string>; language: string } | undefined;
};

/** The id of a field's hint, which the field names as its description. */
const hintId = (fieldId: string): string => `${fieldId}-hint`;

/**
 * One field per placeholder of the text, each once however often it appears: first those only a
 * person can give, then those the desk filled from the incident record and the settings (which
 * can still be changed). Gaps are marked in words and colour.
 */
export function PlaceholderForm({ names, values, autoFilled, language, onChange, sameAsSource }: Props): ReactElement {
  const id = useId();
  if (names.length === 0) return <p className="muted">{t('statements.placeholderForm.thisTextHasNoPlaceholders')}</p>;
  const manual = names.filter((n) => !autoFilled.has(n));
  const known = names.filter((n) => autoFilled.has(n));
  const fields = (group: readonly string[]) => (
    <div className="stmt-fields">
      {group.map((name) => {
        const info = KNOWN_PLACEHOLDERS[name];
        const missing = !hasValue(values[name]);
        const fieldId = `${id}-${name}`;
        const hint = info?.hint || t('statements.placeholderForm.aPlaceholderOfThisTemplate');
        const common = {
          id: fieldId,
          value: values[name] ?? '',
          lang: language,
          // eslint-disable-next-line i18next/no-literal-string -- a text direction, not words
          dir: 'auto' as const,
          'aria-describedby': hintId(fieldId),
          'aria-invalid': missing,
          'data-placeholder': name,
        };
        return (
          <div key={name} className={`stmt-field${missing ? ' stmt-field--missing' : ''}`}>
            <label htmlFor={fieldId}>
              {placeholderLabel(name)} <code className="stmt-field__code">{`{{${name}}}`}</code>
            </label>
            <p className="field__hint" id={hintId(fieldId)}>
              {missing && <strong className="stmt-field__missing">{t('statements.placeholderForm.missing')} </strong>}
              {!missing && sameAsSource?.names.has(name) && (
                <strong className="stmt-field__untranslated">
                  {t('statements.placeholderForm.sameAsInTheSource', { language: sameAsSource.language })}{' '}
                </strong>
              )}
              {hint}
            </p>
            {info?.long ? (
              <textarea {...common} rows={3} onChange={(e) => onChange(name, e.target.value)} />
            ) : (
              <input {...common} type="text" onChange={(e) => onChange(name, e.target.value)} />
            )}
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
          <h4 className="stmt-fields__group">{t('statements.placeholderForm.fromTheIncidentRecordAnd')}</h4>
          <p className="field__hint">{t('statements.placeholderForm.checkThemChangeAnyThat')}</p>
          {fields(known)}
        </>
      )}
    </>
  );
}
