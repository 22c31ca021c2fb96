import { useMemo, useState, type ReactElement } from 'react';

import {
  describeDuplicate,
  emptyContactFields,
  findDuplicates,
  type ContactFieldErrors,
  type ContactFields,
  type PhoneEntry,
} from '@shared/domain/contacts/contact';
import {
  countryName,
  describePhoneProblem,
  internationalNumber,
  readPhoneNumber,
  shownNumber,
  type PhoneCountry,
} from '@shared/domain/contacts/phone';
import { STAKEHOLDER_CATEGORIES_SOURCE } from '@shared/domain/contacts/stakeholderCategories';
import type { Contact } from '@shared/schemas/contacts';

import { Dialog } from '../../ui/Dialog';
import { Field, FormActions } from '../../ui/Field';
import { IsoDateInput } from '../../ui/DateTimeInputs';
import { CategoryOptions } from './CategoryOptions';
import { dayInput, parseDayInput } from './format';
import { t, tRich } from '../../i18n/messages';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/FieldControls';
import { DeskForm } from '../../ui/DeskForm';

type Props = {
  title: string;
  initial: ContactFields | null;
  editingId: string | null;
  directory: readonly Contact[];
  /** The desk's country: numbers without + are read in it. */
  country: PhoneCountry | null;
  onClose: () => void;
  /** Returns field errors, or null when saved. */
  onSubmit: (fields: ContactFields) => Promise<ContactFieldErrors | string | null>;
};

/** Adding or changing one contact, with a warning when the number or email is already in the directory. */
/** How the desk reads a number as it is typed: "Reads as (312) 555-0170 ext. 12, dialled +1 312 555 0170 ext. 12". */
function NumberReading({
  entry,
  country,
  id,
}: {
  entry: PhoneEntry;
  country: PhoneCountry | null;
  id: string;
}): ReactElement | null {
  const number = entry.number.trim();
  if (number === '') return null;
  if (entry.e164 === null)
    return (
      <p className="field__hint warning-inline" id={id}>
        {t('contacts.form.numberUnread')}
      </p>
    );
  const read = readPhoneNumber(number, country);
  if (!read.ok)
    return (
      <p className="field__hint warning-inline" id={id}>
        {describePhoneProblem(number, read.error)}.
      </p>
    );
  const phone = { number, ...read.value };
  const shown = shownNumber(phone, country);
  const dialled = internationalNumber(phone);
  // 'none' leaves the part out of the sentence (a select in the message).
  const dialledShown = dialled !== shown ? dialled : 'none';
  const otherCountry =
    read.value.country !== null && read.value.country !== country ? countryName(read.value.country) : 'none';
  return (
    <p className="field__hint" id={id}>
      {tRich(
        'contacts.form.readsAs',
        { shown, dialled: dialledShown, country: otherCountry },
        { b: (chunks) => <strong>{chunks}</strong> },
      )}
    </p>
  );
}

export function ContactForm({ title, initial, editingId, directory, country, onClose, onSubmit }: Props): ReactElement {
  const [f, setF] = useState<ContactFields>(() => {
    const base = initial ?? emptyContactFields();
    return {
      ...base,
      phones: base.phones.length > 0 ? base.phones : [{ label: t('contacts.form.mobile'), number: '' }],
    };
  });
  const [errors, setErrors] = useState<ContactFieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ContactFields>(k: K, v: ContactFields[K]) => setF((x) => ({ ...x, [k]: v }));
  /** A field typed as text: its error and its text in the form. */
  const text = (
    k: 'name' | 'organisation' | 'role' | 'category' | 'email' | 'radioCallSign' | 'afterHours' | 'notes',
  ) => ({
    error: errors[k],
    value: f[k],
    onChange: (v: string) => set(k, v),
  });
  const duplicates = useMemo(
    () => findDuplicates(f, directory, editingId, country),
    [f, directory, editingId, country],
  );
  const others = directory.filter((c) => c.id !== editingId);

  return (
    <Dialog title={title} onClose={onClose} wide>
      <DeskForm
        onSubmit={() => {
          setBusy(true);
          void onSubmit(f).then((r) => {
            setBusy(false);
            if (r === null) return;
            if (typeof r === 'string') setFailure(r);
            else setErrors(r);
          });
        }}
      >
        <div className="form-row">
          <TextField label={t('contacts.form.name')} {...text('name')} />
          <TextField label={t('contacts.form.organisation')} {...text('organisation')} />
          <TextField label={t('contacts.form.role')} {...text('role')} />
        </div>
        <SelectField
          label={t('contacts.form.category')}
          {...text('category')}
          hint={t('contacts.form.categoryHint', { source: STAKEHOLDER_CATEGORIES_SOURCE })}
        >
          <CategoryOptions otherLabel={t('contacts.form.categoryOther')} />
        </SelectField>
        <fieldset className="fieldset">
          <legend>{t('contacts.form.phones')}</legend>
          {f.phones.map((p, i) => (
            <div className="phone-row" key={i}>
              <div className="form-row">
                <Field label={t('contacts.form.phoneLabel', { n: i + 1 })}>
                  {(ids) => (
                    <input
                      id={ids.id}
                      value={p.label}
                      placeholder={t('contacts.form.phoneLabelPlaceholder')}
                      onChange={(e) =>
                        set(
                          'phones',
                          f.phones.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                        )
                      }
                    />
                  )}
                </Field>
                <Field label={t('contacts.form.phoneNumber', { n: i + 1 })}>
                  {(ids) => (
                    // Typing a new number drops what the desk read from the old one: it is read again.
                    <input
                      id={ids.id}
                      type="tel"
                      value={p.number}
                      aria-describedby={`number-reading-${i}`}
                      onChange={(e) =>
                        set(
                          'phones',
                          f.phones.map((x, j) => (j === i ? { label: x.label, number: e.target.value } : x)),
                        )
                      }
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="button button--ghost phone-row__remove"
                  aria-label={t('contacts.form.removeNumber', { n: i + 1 })}
                  onClick={() =>
                    set(
                      'phones',
                      f.phones.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('contacts.form.remove')}
                </button>
              </div>
              <NumberReading entry={p} country={country} id={`number-reading-${i}`} />
            </div>
          ))}
          {errors.phones && (
            <p className="field__error" role="alert">
              {errors.phones}
            </p>
          )}
          <button
            type="button"
            className="button"
            onClick={() => set('phones', [...f.phones, { label: '', number: '' }])}
          >
            {t('contacts.form.addNumber')}
          </button>
        </fieldset>
        <div className="form-row">
          <TextField label={t('contacts.form.email')} {...text('email')} type="email" />
          <TextField label={t('contacts.form.radioCallSign')} {...text('radioCallSign')} />
        </div>
        {duplicates.length > 0 && (
          <p className="warning-text" role="status">
            {t('contacts.form.possibleDuplicate', { duplicates: duplicates.map(describeDuplicate).join('; ') })}
          </p>
        )}
        <div className="form-row">
          <TextField
            label={t('contacts.form.languages')}
            hint={t('contacts.form.languagesHint')}
            value={f.languages.join(', ')}
            onChange={(languages) => set('languages', languages.split(','))}
          />
          <TextField label={t('contacts.form.afterHours')} {...text('afterHours')} />
        </div>
        <div className="form-row">
          <Field label={t('contacts.form.intermediary')} hint={t('contacts.form.intermediaryHint')}>
            {(p) => (
              <select
                id={p.id}
                aria-describedby={p.describedBy}
                value={f.intermediaryId ?? ''}
                onChange={(e) => set('intermediaryId', e.target.value === '' ? null : e.target.value)}
              >
                <option value="">{t('contacts.form.none')}</option>
                {others.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.organisation
                      ? t('contacts.form.nameWithOrganisation', { name: c.name, organisation: c.organisation })
                      : c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('contacts.form.lastVerified')} error={errors.lastVerifiedAt}>
            {(p) => (
              <IsoDateInput
                id={p.id}
                describedBy={p.describedBy}
                value={dayInput(f.lastVerifiedAt)}
                onChange={(iso) => set('lastVerifiedAt', parseDayInput(iso))}
              />
            )}
          </Field>
        </div>
        <TextAreaField label={t('contacts.form.notes')} {...text('notes')} rows={3} />
        <fieldset className="fieldset">
          <legend>{t('contacts.form.personalData')}</legend>
          <CheckboxField
            label={t('contacts.form.doNotShare')}
            checked={f.doNotShare}
            onChange={(checked) => set('doNotShare', checked)}
          />
          <CheckboxField
            label={t('contacts.form.consentOnFile')}
            checked={f.consentOnFile}
            onChange={(checked) => set('consentOnFile', checked)}
          />
        </fieldset>
        <FormActions
          failure={failure}
          cancelLabel={t('contacts.form.cancel')}
          onCancel={onClose}
          submitLabel={t('contacts.form.save')}
          busy={busy}
        />
      </DeskForm>
    </Dialog>
  );
}
