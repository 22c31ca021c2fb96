import { useState, type ReactElement } from 'react';

import { instantToWallClock } from '@shared/domain/incident/wallClock';
import {
  CATEGORY_LABELS,
  VERIFICATION_LABELS,
  validateEntryForm,
  type EntryForm,
  type EntryFormErrors,
} from '@shared/domain/timeline/entryForm';
import {
  LINK_KINDS,
  addLink,
  contactNamedBy,
  describeLink,
  linkKindGroupLabel,
} from '@shared/domain/timeline/linkTargets';
import type { Incident } from '@shared/schemas/entities';
import { TIMELINE_CATEGORIES, VERIFICATION_STATES, type EntryContent, type EntryLink } from '@shared/schemas/timeline';

import { dateHint, timeHint, type DeskLocale } from '@shared/domain/locale/deskLocale';

import { useDeskLocale } from '../../lib/LocaleContext';
import { DateInput, TimeInput } from '../../ui/DateTimeInputs';
import { Dialog } from '../../ui/Dialog';
import { Field, FormActions } from '../../ui/Field';
import { TextAreaField, TextField } from '../../ui/FieldControls';
import { useLinkTargets } from './useLinkTargets';
import { t } from '../../i18n/messages';

export function formFromContent(content: EntryContent, incident: Incident, locale: DeskLocale): EntryForm {
  const occurred = instantToWallClock(content.occurredAt, incident.timeZone, locale);
  const reported =
    content.reportedAt === null
      ? { date: '', time: '' }
      : instantToWallClock(content.reportedAt, incident.timeZone, locale);
  return {
    occurredDate: occurred.date,
    occurredTime: occurred.time,
    occurredPrecision: content.occurredPrecision,
    reportedDate: reported.date,
    reportedTime: reported.time,
    category: content.category,
    title: content.title,
    body: content.body,
    source: content.source,
    verification: content.verification,
    tags: content.tags.join(', '),
    release: content.release,
    onBehalfOf: content.onBehalfOf ?? '',
    transcribed: content.transcribed,
  };
}

type Props = {
  incident: Incident;
  title: string;
  initial: EntryForm;
  /** For corrections: the reason is asked, and kept with the revision. */
  isCorrection: boolean;
  base: Pick<EntryContent, 'links' | 'sourceContactId'>;
  onSubmit: (content: EntryContent, reason: string | null) => Promise<string | null>;
  onClose: () => void;
};

/** Every field of an entry, for details the quick line cannot carry, and for corrections. */
export function EntryFormDialog({
  incident,
  title,
  initial,
  isCorrection,
  base,
  onSubmit,
  onClose,
}: Props): ReactElement {
  const locale = useDeskLocale();
  const [form, setForm] = useState<EntryForm>(initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<EntryFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [links, setLinks] = useState<EntryLink[]>(base.links);
  const [picked, setPicked] = useState('');
  const { targets, contacts } = useLinkTargets(incident.id);
  // A source typed as a contact's exact name links to that contact; an untouched source keeps its link.
  const sourceContactId =
    contactNamedBy(form.source, contacts) ?? (form.source === initial.source ? base.sourceContactId : null);
  const sourceContact = contacts.find((c) => c.id === sourceContactId);
  const set = (patch: Partial<EntryForm>) => setForm((f) => ({ ...f, ...patch }));
  const input = (name: keyof EntryForm, label: string, opts: { type?: 'date' | 'time'; hint?: string } = {}) => (
    <Field
      label={label}
      hint={opts.type === 'date' ? dateHint(locale) : opts.type === 'time' ? timeHint(locale) : opts.hint}
      error={errors[name]}
    >
      {({ id, describedBy, invalid }) => {
        const props = {
          id,
          name,
          describedBy,
          invalid,
          value: String(form[name]),
          onChange: (v: string) => set({ [name]: v }),
        };
        return opts.type === 'date' ? (
          <DateInput {...props} />
        ) : opts.type === 'time' ? (
          <TimeInput {...props} />
        ) : (
          <input
            id={id}
            name={name}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={String(form[name])}
            onChange={(e) => set({ [name]: e.target.value })}
          />
        );
      }}
    </Field>
  );

  return (
    <Dialog title={title} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const valid = validateEntryForm(form, { timeZone: incident.timeZone, links, sourceContactId, locale });
          if (!valid.ok) return setErrors(valid.error);
          setErrors({});
          void onSubmit(
            { ...valid.value, retracted: false, retractionReason: null },
            isCorrection ? reason : null,
          ).then(setFailure);
        }}
      >
        <TextField
          label={t('timeline.entryFormDialog.whatHappened')}
          error={errors.title}
          name="title"
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog exists to type this
          autoFocus
          value={form.title}
          onChange={(title) => set({ title })}
        />
        <div className="form-row">
          <Field label={t('timeline.entryFormDialog.category')}>
            {({ id }) => (
              <select
                id={id}
                value={form.category}
                onChange={(e) => set({ category: e.target.value as EntryForm['category'] })}
              >
                {TIMELINE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_LABELS[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('timeline.entryFormDialog.verification')}>
            {({ id }) => (
              <select
                id={id}
                value={form.verification}
                onChange={(e) => set({ verification: e.target.value as EntryForm['verification'] })}
              >
                {VERIFICATION_STATES.map((v) => (
                  <option key={v} value={v}>
                    {VERIFICATION_LABELS[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('timeline.entryFormDialog.releaseMarking')}>
            {({ id }) => (
              <select
                id={id}
                value={form.release}
                onChange={(e) => set({ release: e.target.value as EntryForm['release'] })}
              >
                <option value="internal">{t('timeline.entryFormDialog.internalOnly')}</option>
                <option value="public">{t('timeline.entryFormDialog.releasableToThePublic')}</option>
              </select>
            )}
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend>{t('timeline.entryFormDialog.whenItHappened', { timeZone: incident.timeZone })}</legend>
          <div className="form-row">
            {input('occurredDate', t('timeline.entryFormDialog.date'), { type: 'date' })}
            {form.occurredPrecision !== 'date' &&
              input('occurredTime', t('timeline.entryFormDialog.time'), { type: 'time' })}
            <Field label={t('timeline.entryFormDialog.precision')}>
              {({ id }) => (
                <select
                  id={id}
                  value={form.occurredPrecision}
                  onChange={(e) => set({ occurredPrecision: e.target.value as EntryForm['occurredPrecision'] })}
                >
                  <option value="exact">{t('timeline.entryFormDialog.exact')}</option>
                  <option value="approximate">{t('timeline.entryFormDialog.approximate')}</option>
                  <option value="date">{t('timeline.entryFormDialog.dateOnly')}</option>
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('timeline.entryFormDialog.whenTheCityHeardOf')}</legend>
          <div className="form-row">
            {input('reportedDate', t('timeline.entryFormDialog.date'), { type: 'date' })}
            {input('reportedTime', t('timeline.entryFormDialog.time'), { type: 'time' })}
          </div>
        </fieldset>
        <div className="form-row">
          <Field
            label={t('timeline.entryFormDialog.source')}
            hint={
              sourceContact
                ? t('timeline.entryFormDialog.linkedToTheContact', { name: sourceContact.name })
                : t('timeline.entryFormDialog.whoReportedItTypeA')
            }
          >
            {({ id, describedBy }) => (
              <>
                <input
                  id={id}
                  name="source"
                  list="entry-source-contacts"
                  aria-describedby={describedBy}
                  value={form.source}
                  onChange={(e) => set({ source: e.target.value })}
                />
                <datalist id="entry-source-contacts">
                  {contacts.map((c) => (
                    <option key={c.id} value={c.name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          {input('tags', t('timeline.entryFormDialog.tags'), {
            hint: t('timeline.entryFormDialog.separatedByCommasOrSpaces'),
          })}
          {input('onBehalfOf', t('timeline.entryFormDialog.onBehalfOf'), {
            hint: t('timeline.entryFormDialog.ifLoggedForSomeoneElse'),
          })}
        </div>
        <TextAreaField
          label={t('timeline.entryFormDialog.notes')}
          error={errors.body}
          rows={4}
          value={form.body}
          onChange={(body) => set({ body })}
        />
        <fieldset className="fieldset">
          <legend>{t('timeline.entryFormDialog.linkedRecords')}</legend>
          {links.length === 0 ? (
            <p className="muted">{t('timeline.entryFormDialog.notLinkedToAStatement')}</p>
          ) : (
            <ul className="link-list">
              {links.map((l) => (
                <li key={`${l.kind}:${l.id}`}>
                  {describeLink(l, targets)}{' '}
                  <button
                    type="button"
                    className="button button--ghost"
                    aria-label={t('timeline.entryFormDialog.removeTheLinkTo', { link: describeLink(l, targets) })}
                    onClick={() => setLinks((all) => all.filter((x) => x !== l))}
                  >
                    {t('timeline.entryFormDialog.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {targets.length > 0 && (
            <div className="form-row form-row--end">
              <Field label={t('timeline.entryFormDialog.linkTo')}>
                {({ id }) => (
                  <select id={id} value={picked} onChange={(e) => setPicked(e.target.value)}>
                    <option value="">{t('timeline.entryFormDialog.chooseARecord')}</option>
                    {LINK_KINDS.map((kind) => {
                      const ofKind = targets.filter((t) => t.kind === kind);
                      return ofKind.length === 0 ? null : (
                        <optgroup key={kind} label={linkKindGroupLabel(kind)}>
                          {ofKind.map((t) => (
                            <option key={t.id} value={`${t.kind}|${t.id}`}>
                              {t.label}
                            </option>
                          ))}
                        </optgroup>
                      );
                    })}
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="button"
                disabled={picked === ''}
                onClick={() => {
                  const [kind, id] = picked.split('|') as [EntryLink['kind'], string];
                  setLinks((all) => addLink(all, { kind, id }));
                  setPicked('');
                }}
              >
                {t('timeline.entryFormDialog.addLink')}
              </button>
            </div>
          )}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={form.transcribed} onChange={(e) => set({ transcribed: e.target.checked })} />{' '}
          {t('timeline.entryFormDialog.transcribedFromAPaperLog')}
        </label>
        {isCorrection && (
          <TextField
            label={t('timeline.entryFormDialog.reasonForTheCorrection')}
            hint={t('timeline.entryFormDialog.keptWithThisRevisionThe')}
            value={reason}
            onChange={setReason}
          />
        )}
        <FormActions
          failure={failure}
          cancelLabel={t('timeline.entryFormDialog.cancel')}
          onCancel={onClose}
          submitLabel={
            isCorrection ? t('timeline.entryFormDialog.saveCorrection') : t('timeline.entryFormDialog.logEntry')
          }
        />
      </form>
    </Dialog>
  );
}
