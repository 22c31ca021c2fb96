import { useState, type ReactElement, type ReactNode } from 'react';

import {
  INCIDENT_KIND_LABELS,
  validateIncidentDraft,
  type FieldErrors,
  type IncidentDraft,
  type IncidentFields,
} from '@shared/domain/incident/commands';
import { instantToWallClock } from '@shared/domain/incident/wallClock';
import { INCIDENT_KINDS, type Incident } from '@shared/schemas/entities';

import { dateHint, timeHint, type DeskLocale } from '@shared/domain/locale/deskLocale';

import { useDeskLocale } from '../../lib/LocaleContext';
import { timeZoneOptions } from '../../lib/timeZones';
import { bindFields } from '../../ui/bindFields';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/Field';
import { ChoiceField, DateField, TextAreaField, TextField, TimeField } from '../../ui/FieldControls';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

type Props = {
  title: string;
  initial: Incident | { timeZone: string; now: number };
  submitLabel: string;
  onSubmit: (fields: IncidentFields) => Promise<string | null>;
  onClose: () => void;
  /** More of the form, shown above its buttons (e.g. which checklists apply to a new incident). */
  children?: ReactNode;
};

function draftFrom(initial: Props['initial'], locale: DeskLocale): IncidentDraft {
  if ('id' in initial) {
    const { date, time } = instantToWallClock(initial.startAt, initial.timeZone, locale);
    return {
      title: initial.title,
      kind: initial.kind,
      startDate: date,
      startTime: time,
      timeZone: initial.timeZone,
      location: initial.location,
      description: initial.description,
    };
  }
  const { date, time } = instantToWallClock(initial.now, initial.timeZone, locale);
  return {
    title: '',
    kind: 'attack',
    startDate: date,
    startTime: time,
    timeZone: initial.timeZone,
    location: '',
    description: '',
  };
}

/** Create or edit an incident. The start is typed as read on the incident's own clock. */
export function IncidentForm({ title, initial, submitLabel, onSubmit, onClose, children }: Props): ReactElement {
  const locale = useDeskLocale();
  const [draft, setDraft] = useState<IncidentDraft>(() => draftFrom(initial, locale));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<IncidentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const field = bindFields(draft, errors, set);

  return (
    <Dialog title={title} onClose={onClose} wide>
      <DeskForm
        className="incident-form"
        onSubmit={() => {
          const valid = validateIncidentDraft(draft, locale);
          if (!valid.ok) {
            setErrors(valid.error);
            return;
          }
          setErrors({});
          setBusy(true);
          void onSubmit(valid.value).then((problem) => {
            setBusy(false);
            setFailure(problem);
          });
        }}
      >
        <TextField
          label={t('incidents.incidentForm.title')}
          {...field('title')}
          hint={t('incidents.incidentForm.shortAndFactualEG')}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to type a title
          autoFocus
        />
        <div className="form-row">
          <ChoiceField
            label={t('incidents.incidentForm.kind')}
            {...field('kind')}
            choices={INCIDENT_KINDS}
            labelOf={(k) => INCIDENT_KIND_LABELS[k]}
          />
          <ChoiceField
            label={t('incidents.incidentForm.timeZone')}
            {...field('timeZone')}
            choices={timeZoneOptions(draft.timeZone)}
            labelOf={(z) => z}
          />
        </div>
        <div className="form-row">
          <DateField
            label={t('incidents.incidentForm.startDate')}
            {...field('startDate')}
            hint={t('incidents.incidentForm.onTheIncidentSClock', { format: dateHint(locale) })}
          />
          <TimeField
            label={t('incidents.incidentForm.startTime')}
            {...field('startTime')}
            hint={`${timeHint(locale)}.`}
          />
        </div>
        <TextField label={t('incidents.incidentForm.location')} {...field('location')} />
        <TextAreaField
          label={t('incidents.incidentForm.description')}
          {...field('description')}
          hint={t('incidents.incidentForm.whatIsKnownSoFar')}
          rows={4}
        />
        {children}
        <FormActions
          failure={failure}
          cancelLabel={t('incidents.incidentForm.cancel')}
          onCancel={onClose}
          submitLabel={submitLabel}
          busy={busy}
        />
      </DeskForm>
    </Dialog>
  );
}
