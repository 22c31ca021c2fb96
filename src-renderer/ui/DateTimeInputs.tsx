import { useId, useState, type ReactElement } from 'react';

import { dateFormatLabel, formatDateOnly, formatTimeOfDay } from '@shared/domain/locale/deskLocale';
import { describeDateError, readDate, readTime } from '@shared/domain/locale/readDateTime';

import { useDeskLocale } from '../lib/LocaleContext';

type Props = {
  id: string;
  name?: string;
  describedBy: string | undefined;
  invalid?: boolean;
  /** The text as typed; the form reads it (in the desk's locale) when it is submitted. */
  value: string;
  onChange: (text: string) => void;
};

/**
 * A text field that, on leaving it, writes what was typed back the way the desk shows it, so the
 * person sees how it was read (nothing changes while it does not read).
 */
function ReadBackInput({
  id,
  name,
  describedBy,
  invalid = false,
  value,
  onChange,
  readBack,
  ...look
}: Props & {
  readBack: (text: string) => string | null;
  className: string;
  placeholder: string;
  inputMode?: 'numeric';
}): ReactElement {
  return (
    <input
      id={id}
      name={name}
      type="text"
      autoComplete="off"
      spellCheck={false}
      {...look}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const shown = readBack(value);
        if (shown !== null && shown !== value) onChange(shown);
      }}
    />
  );
}

/**
 * A date field of the desk's own: the browser's date picker follows the browser's locale, not
 * the desk's. It takes what a person types in the desk's order (4/7/2026, 4.7.2026, ISO) and,
 * on leaving the field, writes it back the locale's way so they see how it was read.
 */
export function DateInput(props: Props): ReactElement {
  const locale = useDeskLocale();
  return (
    <ReadBackInput
      {...props}
      inputMode="numeric"
      className="input--date"
      placeholder={dateFormatLabel(locale)}
      readBack={(text) => {
        const read = readDate(text, locale);
        return read.ok ? formatDateOnly(read.value, locale) : null;
      }}
    />
  );
}

/** A time field in the desk's clock: reads 14:05, 1405, 2:05 pm; shows it back 12- or 24-hour. */
export function TimeInput(props: Props): ReactElement {
  const locale = useDeskLocale();
  return (
    <ReadBackInput
      {...props}
      className="input--time"
      placeholder={formatTimeOfDay('14:05', locale)}
      readBack={(text) => {
        const read = readTime(text);
        return read.ok ? formatTimeOfDay(read.value, locale) : null;
      }}
    />
  );
}

/**
 * A date field for a calendar date kept as YYYY-MM-DD: typed in the desk's order, handed on as
 * ISO once it reads as a date ('' until then), and saying what is wrong right under it.
 */
export function IsoDateInput({
  id,
  label,
  describedBy,
  value,
  onChange,
}: {
  id?: string;
  label?: string;
  describedBy?: string | undefined;
  value: string;
  onChange: (iso: string) => void;
}): ReactElement {
  const locale = useDeskLocale();
  const [text, setText] = useState(() => (value === '' ? '' : formatDateOnly(value, locale)));
  const [touched, setTouched] = useState(false);
  const fallbackId = useId();
  const errorId = `${id ?? fallbackId}-date-error`;
  const read = readDate(text, locale);
  const problem = touched && text.trim() !== '' && !read.ok ? describeDateError(read.error, locale) : null;
  return (
    <>
      <input
        id={id ?? fallbackId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="input--date"
        aria-label={label}
        placeholder={dateFormatLabel(locale)}
        value={text}
        aria-describedby={[describedBy, problem ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setText(e.target.value);
          const next = readDate(e.target.value, locale);
          onChange(next.ok ? next.value : '');
        }}
        onBlur={() => {
          setTouched(true);
          if (read.ok) setText(formatDateOnly(read.value, locale));
        }}
      />
      {problem && (
        <span id={errorId} className="field__error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
