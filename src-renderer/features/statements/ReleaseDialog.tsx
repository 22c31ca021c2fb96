import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { describeWallClockError, instantToWallClock, wallClockToInstant } from '@shared/domain/incident/wallClock';
import { CHANNEL_LABELS } from '@shared/domain/statements/workflow';
import type { Incident } from '@shared/schemas/entities';
import { RELEASE_CHANNELS, type ReleaseChannel, type Statement } from '@shared/schemas/statements';

import { useDeskLocale } from '../../lib/LocaleContext';
import { DateField, TextField, TimeField } from '../../ui/FieldControls';
import { dateHint, timeHint } from '@shared/domain/locale/deskLocale';
import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/Field';
import { runStatementWrite } from './statementErrors';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

/** Records the release of the approved version: channels and time; logged on the timeline. */
export function ReleaseDialog({
  statement,
  incident,
  actor,
  onClose,
  onReleased,
}: {
  statement: Statement;
  incident: Incident;
  actor: () => Actor;
  onClose: () => void;
  /** Told once the release is recorded, for what follows from it (the checklist item it completes). */
  onReleased?: () => void;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const locale = useDeskLocale();
  const now = instantToWallClock(clock(), incident.timeZone, locale);
  const [channels, setChannels] = useState<ReleaseChannel[]>([]);
  const [date, setDate] = useState(now.date);
  const [time, setTime] = useState(now.time);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog
      title={t('statements.releaseDialog.releaseVersion', {
        approvedVersionNumber: statement.approvedVersionNumber ?? '',
      })}
      onClose={onClose}
    >
      <DeskForm
        onSubmit={() => {
          if (channels.length === 0) return setProblem(t('statements.releaseDialog.chooseAtLeastOneChannel'));
          const at = wallClockToInstant(date, time, incident.timeZone, locale);
          if (!at.ok) return setProblem(describeWallClockError(at.error, locale));
          if (at.value > clock() + 60_000) return setProblem(t('statements.releaseDialog.theReleaseTimeIsIn'));
          void runStatementWrite(
            t('statements.action.recordingTheRelease'),
            () => useCases.statements.release(statement.id, { channels, at: at.value, note }, actor()),
            { setBusy, setProblem },
          ).then((released) => {
            if (!released) return;
            showNotice('success', t('statements.releaseDialog.releaseRecordedAndLoggedOn'));
            onClose();
            onReleased?.();
          });
        }}
      >
        <fieldset className="fieldset">
          <legend>{t('statements.releaseDialog.channels')}</legend>
          {RELEASE_CHANNELS.map((c) => (
            <label key={c} className="checkbox">
              <input
                type="checkbox"
                checked={channels.includes(c)}
                onChange={(e) => setChannels((cs) => (e.target.checked ? [...cs, c] : cs.filter((x) => x !== c)))}
              />{' '}
              {CHANNEL_LABELS[c]}
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          <DateField
            label={t('statements.releaseDialog.releaseDate')}
            hint={t('statements.releaseDialog.onTheIncidentSClock', {
              timeZone: incident.timeZone,
              format: dateHint(locale),
            })}
            value={date}
            onChange={setDate}
          />
          <TimeField
            label={t('statements.releaseDialog.releaseTime')}
            hint={`${timeHint(locale)}.`}
            value={time}
            onChange={setTime}
          />
        </div>
        <TextField
          label={t('statements.releaseDialog.noteOptional')}
          hint={t('statements.releaseDialog.eGReadOutBy')}
          value={note}
          onChange={setNote}
        />
        <p className="muted">{t('statements.releaseDialog.theReleaseIsLoggedOn')}</p>
        <FormActions
          failure={problem}
          cancelLabel={t('statements.releaseDialog.cancel')}
          onCancel={onClose}
          submitLabel={t('statements.releaseDialog.recordTheRelease')}
          busy={busy}
        />
      </DeskForm>
    </Dialog>
  );
}
