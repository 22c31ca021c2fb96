import { useId, useState, type ReactElement } from 'react';

import { dateFormatLabel, formatDateOnly, formatTimeOfDay, type DeskLocale } from '@shared/domain/locale/deskLocale';
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

/** How a kind of field looks empty, and what it shows back for a text it reads (null for one it does not). */
type Reading = {
  className: string;
  inputMode?: 'numeric';
  placeholder: (locale: DeskLocale) => string;
  shownBack: (text: string, locale: DeskLocale) => string | null;
};

/**
 * A text field that, on leaving it, writes what was typed back the way the desk shows it, so the
 * person sees how it was read (nothing changes while it does not read). The desk's locale decides,
 * where the browser's own pickers would follow the browser's.
 */
function ReadBackInput({
  id,
  name,
  describedBy,
  invalid = false,
  value,
  onChange,
  reading: { placeholder, shownBack, ...look },
}: Props & { reading: Reading }): ReactElement {
  const locale = useDeskLocale();
  return (
    <input
      id={id}
      name={name}
      type="text"
      autoComplete="off"
      spellCheck={false}
      {...look}
      placeholder={placeholder(locale)}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const shown = shownBack(value, locale);
        if (shown !== null && shown !== value) onChange(shown);
      }}
    />
  );
}

const DATE_READING: Reading = {
  className: 'input--date',
  inputMode: 'numeric',
  placeholder: dateFormatLabel,
  shownBack: (text, locale) => {
    const read = readDate(text, locale);
    return read.ok ? formatDateOnly(read.value, locale) : null;
  },
};

const TIME_READING: Reading = {
  className: 'input--time',
  placeholder: (locale) => formatTimeOfDay('14:05', locale),
  shownBack: (text, locale) => {
    const read = readTime(text);
    return read.ok ? formatTimeOfDay(read.value, locale) : null;
  },
};

/**
 * A date field of the desk's own. It takes what a person types in the desk's order (4/7/2026,
 * 4.7.2026, ISO) and, on leaving the field, writes it back the locale's way so they see how it was read.
 */
export function DateInput(props: Props): ReactElement {
  return <ReadBackInput {...props} reading={DATE_READING} />;
}

/** A time field in the desk's clock: reads 14:05, 1405, 2:05 pm; shows it back 12- or 24-hour. */
export function TimeInput(props: Props): ReactElement {
  return <ReadBackInput {...props} reading={TIME_READING} />;
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
