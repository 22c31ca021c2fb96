import { useId, useState, type ReactElement } from 'react';

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
import { bindFields } from '../../ui/bindFields';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/Field';
import {
  CheckboxField,
  ChoiceField,
  DateField,
  SelectField,
  TextAreaField,
  TextField,
  TimeField,
} from '../../ui/FieldControls';
import { useLinkTargets } from './useLinkTargets';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

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

/** The fields typed as text, each with its error under it. */
type TypedField = 'occurredDate' | 'occurredTime' | 'reportedDate' | 'reportedTime' | 'tags' | 'onBehalfOf';

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
  // The list of contacts the source field offers, named uniquely for this dialog.
  const contactList = useId();
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
  const field = bindFields(form, errors, set);
  const input = (name: TypedField, label: string, opts: { type?: 'date' | 'time'; hint?: string } = {}) => {
    const props = { label, ...field(name) };
    if (opts.type === 'date') return <DateField {...props} hint={dateHint(locale)} />;
    if (opts.type === 'time') return <TimeField {...props} hint={timeHint(locale)} />;
    return <TextField {...props} hint={opts.hint} />;
  };

  return (
    <Dialog title={title} onClose={onClose} wide>
      <DeskForm
        onSubmit={() => {
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
          {...field('title')}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog exists to type this
          autoFocus
        />
        <div className="form-row">
          <ChoiceField
            label={t('timeline.entryFormDialog.category')}
            value={form.category}
            onChange={(category) => set({ category })}
            choices={TIMELINE_CATEGORIES}
            labelOf={(c) => CATEGORY_LABELS[c]}
          />
          <ChoiceField
            label={t('timeline.entryFormDialog.verification')}
            value={form.verification}
            onChange={(verification) => set({ verification })}
            choices={VERIFICATION_STATES}
            labelOf={(v) => VERIFICATION_LABELS[v]}
          />
          <SelectField
            label={t('timeline.entryFormDialog.releaseMarking')}
            value={form.release}
            onChange={(v) => set({ release: v as EntryForm['release'] })}
          >
            <option value="internal">{t('timeline.entryFormDialog.internalOnly')}</option>
            <option value="public">{t('timeline.entryFormDialog.releasableToThePublic')}</option>
          </SelectField>
        </div>
        <fieldset className="fieldset">
          <legend>{t('timeline.entryFormDialog.whenItHappened', { timeZone: incident.timeZone })}</legend>
          <div className="form-row">
            {input('occurredDate', t('timeline.entryFormDialog.date'), { type: 'date' })}
            {form.occurredPrecision !== 'date' &&
              input('occurredTime', t('timeline.entryFormDialog.time'), { type: 'time' })}
            <SelectField
              label={t('timeline.entryFormDialog.precision')}
              value={form.occurredPrecision}
              onChange={(v) => set({ occurredPrecision: v as EntryForm['occurredPrecision'] })}
            >
              <option value="exact">{t('timeline.entryFormDialog.exact')}</option>
              <option value="approximate">{t('timeline.entryFormDialog.approximate')}</option>
              <option value="date">{t('timeline.entryFormDialog.dateOnly')}</option>
            </SelectField>
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
          <TextField
            label={t('timeline.entryFormDialog.source')}
            hint={
              sourceContact
                ? t('timeline.entryFormDialog.linkedToTheContact', { name: sourceContact.name })
                : t('timeline.entryFormDialog.whoReportedItTypeA')
            }
            name="source"
            list={contactList}
            value={form.source}
            onChange={(source) => set({ source })}
          />
          <datalist id={contactList}>
            {contacts.map((c) => (
              <option key={c.id} value={c.name} />
            ))}
          </datalist>
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
              <SelectField label={t('timeline.entryFormDialog.linkTo')} value={picked} onChange={setPicked}>
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
              </SelectField>
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
        <CheckboxField
          label={t('timeline.entryFormDialog.transcribedFromAPaperLog')}
          checked={form.transcribed}
          onChange={(checked) => set({ transcribed: checked })}
        />
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
      </DeskForm>
    </Dialog>
  );
}
