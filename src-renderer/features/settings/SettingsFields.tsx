import type { ReactElement } from 'react';

import type { SettingsInput } from '@shared/schemas/entities';
import { canonicalLocale, formatInstant, localeConventions, OFFERED_LOCALES } from '@shared/domain/locale/deskLocale';

import { timeZoneOptions } from '../../lib/timeZones';
import { Field } from '../../ui/Field';

export type SettingsErrors = Partial<Record<keyof SettingsInput, string>>;

export function validateSettings(input: SettingsInput): SettingsErrors {
  const errors: SettingsErrors = {};
  if (input.cityName.trim() === '') errors.cityName = "Enter the city's name; it appears on every statement and record.";
  if (input.operatorName.trim() === '') errors.operatorName = 'Enter your name; it is recorded on every change you make.';
  if (!timeZoneOptions(input.defaultTimeZone).includes(input.defaultTimeZone)) errors.defaultTimeZone = 'Pick a time zone from the list.';
  if (input.locale !== undefined && canonicalLocale(input.locale) !== input.locale) errors.locale = 'Pick a locale from the list.';
  return errors;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// 4 July 2026, 14:05 in UTC: the example every locale is shown with.
const EXAMPLE = Date.UTC(2026, 6, 4, 14, 5);

/** "Saturday 4 July 2026, 14:05 · dates typed as 04/07/2026 · weeks start on Monday" */
export function localeExample(locale: string): string {
  const c = localeConventions(locale);
  return `Times read ${formatInstant(EXAMPLE, 'UTC', 'day-heading', locale)}, ${formatInstant(EXAMPLE, 'UTC', 'time', locale)} (${c.hour12 ? '12-hour' : '24-hour'} clock); dates are typed as ${formatInstant(EXAMPLE, 'UTC', 'numeric-date', locale)}; weeks start on ${WEEKDAYS[c.weekStartsOn] ?? 'Monday'}.`;
}

/** City, operator, default zone and locale: asked at first run and editable in settings. */
export function SettingsFields(props: {
  value: SettingsInput;
  errors: SettingsErrors;
  onChange: (next: SettingsInput) => void;
}): ReactElement {
  const { value, errors, onChange } = props;
  return (
    <>
      <Field label="City" hint="As it should appear on statements and records." error={errors.cityName}>
        {({ id, describedBy, invalid }) => (
          <input id={id} name="cityName" autoComplete="address-level2" aria-describedby={describedBy} aria-invalid={invalid}
            value={value.cityName} onChange={(e) => onChange({ ...value, cityName: e.target.value })} />
        )}
      </Field>
      <Field label="Your name" hint="Recorded on every entry and change you make on this desk." error={errors.operatorName}>
        {({ id, describedBy, invalid }) => (
          <input id={id} name="operatorName" autoComplete="name" aria-describedby={describedBy} aria-invalid={invalid}
            value={value.operatorName} onChange={(e) => onChange({ ...value, operatorName: e.target.value })} />
        )}
      </Field>
      <Field label="Your role in the response" hint="Optional, e.g. Duty officer. Shown with your name at the top of the desk.">
        {({ id, describedBy }) => (
          <input id={id} name="operatorRole" aria-describedby={describedBy}
            value={value.operatorRole ?? ''} onChange={(e) => onChange({ ...value, operatorRole: e.target.value })} />
        )}
      </Field>
      <Field label="Default time zone" hint="New incidents start in this zone; each incident can have its own." error={errors.defaultTimeZone}>
        {({ id, describedBy, invalid }) => (
          <select id={id} name="defaultTimeZone" aria-describedby={describedBy} aria-invalid={invalid}
            value={value.defaultTimeZone} onChange={(e) => onChange({ ...value, defaultTimeZone: e.target.value })}>
            {timeZoneOptions(value.defaultTimeZone).map((z) => (
              <option key={z} value={z}>{z}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Locale" hint={`The desk’s clock and date order, for everyone using it. ${localeExample(value.locale ?? 'en-GB')}`} error={errors.locale}>
        {({ id, describedBy, invalid }) => (
          <select id={id} name="locale" aria-describedby={describedBy} aria-invalid={invalid}
            value={value.locale} onChange={(e) => onChange({ ...value, locale: e.target.value })}>
            {value.locale !== undefined && !OFFERED_LOCALES.some((l) => l.tag === value.locale) && <option value={value.locale}>{value.locale} (this computer’s)</option>}
            {OFFERED_LOCALES.map((l) => <option key={l.tag} value={l.tag}>{l.name}: {l.tag}</option>)}
          </select>
        )}
      </Field>
    </>
  );
}
