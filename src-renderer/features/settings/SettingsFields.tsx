import type { ReactElement } from 'react';

import type { SettingsInput } from '../../db/repos/settingsRepo';
import { timeZoneOptions } from '../../lib/timeZones';
import { Field } from '../../ui/Field';

export type SettingsErrors = Partial<Record<keyof SettingsInput, string>>;

export function validateSettings(input: SettingsInput): SettingsErrors {
  const errors: SettingsErrors = {};
  if (input.cityName.trim() === '') errors.cityName = "Enter the city's name; it appears on every statement and record.";
  if (input.operatorName.trim() === '') errors.operatorName = 'Enter your name; it is recorded on every change you make.';
  if (!timeZoneOptions(input.defaultTimeZone).includes(input.defaultTimeZone)) errors.defaultTimeZone = 'Pick a time zone from the list.';
  return errors;
}

/** City, operator and default zone: asked at first run and editable in settings. */
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
    </>
  );
}
