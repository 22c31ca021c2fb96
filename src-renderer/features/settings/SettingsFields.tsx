import { useState, type ReactElement } from 'react';

import type { SettingsInput } from '@shared/schemas/entities';
import { canonicalLocale, formatInstant, localeConventions, OFFERED_LOCALES } from '@shared/domain/locale/deskLocale';

import { timeZoneOptions } from '../../lib/timeZones';
import { bindFields } from '../../ui/bindFields';
import { Field } from '../../ui/Field';
import { ChoiceField, TextField } from '../../ui/FieldControls';
import { t } from '../../i18n/messages';

export type SettingsErrors = Partial<Record<keyof SettingsInput, string>>;

export function validateSettings(input: SettingsInput): SettingsErrors {
  const errors: SettingsErrors = {};
  if (input.cityName.trim() === '') errors.cityName = t('settings.fields.cityRequired');
  if (input.operatorName.trim() === '') errors.operatorName = t('settings.fields.nameRequired');
  if (!timeZoneOptions(input.defaultTimeZone).includes(input.defaultTimeZone))
    errors.defaultTimeZone = t('settings.fields.zoneFromList');
  if (input.locale !== undefined && canonicalLocale(input.locale) !== input.locale)
    errors.locale = t('settings.fields.localeFromList');
  return errors;
}

// 4 July 2026, 14:05 in UTC: the example every locale is shown with.
const EXAMPLE = Date.UTC(2026, 6, 4, 14, 5);

/** "Saturday 4 July 2026, 14:05 · dates typed as 04/07/2026 · weeks start on Monday" */
/** The settings form's text and what is wrong with it; `valid()` checks it, shows the errors, and says whether it may be saved. */
export function useSettingsForm(initial: SettingsInput) {
  const [value, setValue] = useState<SettingsInput>(initial);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const valid = (): boolean => {
    const found = validateSettings(value);
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  return { value, setValue, errors, valid };
}

export function localeExample(locale: string): string {
  const c = localeConventions(locale);
  return t('settings.fields.localeExample', {
    day: formatInstant(EXAMPLE, 'UTC', 'day-heading', locale),
    time: formatInstant(EXAMPLE, 'UTC', 'time', locale),
    hour12: c.hour12 ? 'yes' : 'no',
    date: formatInstant(EXAMPLE, 'UTC', 'numeric-date', locale),
    weekStart: String(c.weekStartsOn),
  });
}

/**
 * City, operator, default zone and locale: asked at first run and editable in settings, but for the
 * operator, who is changed through the people at the desk (`withOperator` false).
 */
export function SettingsFields(props: {
  value: SettingsInput;
  errors: SettingsErrors;
  onChange: (next: SettingsInput) => void;
  withOperator?: boolean;
}): ReactElement {
  const { value, errors, onChange, withOperator = true } = props;
  const field = bindFields(value, errors, (patch) => onChange({ ...value, ...patch }));
  return (
    <>
      <TextField
        label={t('settings.fields.city')}
        hint={t('settings.fields.cityHint')}
        {...field('cityName')}
        autoComplete="address-level2"
      />
      {withOperator && (
        <>
          <TextField
            label={t('settings.operator.name')}
            hint={t('settings.fields.nameHint')}
            {...field('operatorName')}
            autoComplete="name"
          />
          <TextField
            label={t('settings.operator.role')}
            hint={t('settings.fields.roleHint')}
            name="operatorRole"
            value={value.operatorRole ?? ''}
            onChange={(operatorRole) => onChange({ ...value, operatorRole })}
          />
        </>
      )}
      <ChoiceField
        label={t('settings.fields.zone')}
        hint={t('settings.fields.zoneHint')}
        {...field('defaultTimeZone')}
        choices={timeZoneOptions(value.defaultTimeZone)}
        labelOf={(z) => z}
      />
      <Field
        label={t('settings.fields.locale')}
        hint={t('settings.fields.localeHint', { example: localeExample(value.locale ?? 'en-GB') })}
        error={errors.locale}
      >
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            name="locale"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={value.locale}
            onChange={(e) => onChange({ ...value, locale: e.target.value })}
          >
            {value.locale !== undefined && !OFFERED_LOCALES.some((l) => l.tag === value.locale) && (
              <option value={value.locale}>{t('settings.fields.localeThisComputer', { locale: value.locale })}</option>
            )}
            {OFFERED_LOCALES.map((l) => (
              <option key={l.tag} value={l.tag}>
                {t('settings.fields.localeOption', { name: l.name, tag: l.tag })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
