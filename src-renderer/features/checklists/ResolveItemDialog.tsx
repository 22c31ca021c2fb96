import { useState, type ReactElement } from 'react';

import { describeStatusChangeError, resolutionEntry } from '@shared/domain/checklists/items';
import type { ChecklistItem } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { describeAppendError } from '../../desk/timeline/writes';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { busySubmit, FormActions } from '../../ui/Field';
import { TextAreaField, CheckboxField } from '../../ui/FieldControls';
import { t } from '../../i18n/messages';

type Props = {
  item: ChecklistItem;
  /** null for the city's peacetime preparedness, which has no timeline. */
  incident: Incident | null;
  status: 'done' | 'not-applicable';
  operatorName: string;
  onClose: () => void;
};

/**
 * Completes an item, or marks it not applicable with its reason. Either can be logged on the
 * incident's timeline as an action linked to the item (on by default), so the log shows it.
 */
export function ResolveItemDialog({ item, incident, status, operatorName, onClose }: Props): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [note, setNote] = useState('');
  const [log, setLog] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notApplicable = status === 'not-applicable';

  return (
    <Dialog
      title={notApplicable ? t('checklists.resolve.titleNa') : t('checklists.resolve.titleDone')}
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={busySubmit(setBusy, async () => {
          const actor = actorFrom(operatorName, clock);
          const saved = await useCases.checklists.setStatus(item.id, status, note, actor);
          if (!saved.ok) {
            setBusy(false);
            setProblem(
              saved.error.code === 'not-found'
                ? t('checklists.panel.itemGone')
                : describeStatusChangeError(saved.error),
            );
            return;
          }
          onClose();
          if (!log || incident === null)
            return showNotice(
              'success',
              t('checklists.resolve.marked', { title: item.title, status: notApplicable ? 'na' : 'done' }),
            );
          try {
            const logged = await useCases.timeline.append(
              incident.id,
              [resolutionEntry(saved.value, actor.now)],
              actor,
            );
            if (!logged.ok) throw new Error(describeAppendError(logged.error));
            showNotice(
              'success',
              t('checklists.resolve.markedLogged', { title: item.title, status: notApplicable ? 'na' : 'done' }),
            );
          } catch (e) {
            showNotice(
              'error',
              t('checklists.resolve.notLogged', {
                title: item.title,
                status: notApplicable ? 'na' : 'done',
                reason: e instanceof Error ? e.message : String(e),
              }),
            );
          }
        })}
      >
        <p className="resolve__item">{item.title}</p>
        <TextAreaField
          label={notApplicable ? t('checklists.resolve.why') : t('checklists.resolve.note')}
          hint={notApplicable ? t('checklists.resolve.whyHint') : t('checklists.resolve.noteHint')}
          error={problem ?? undefined}
          name="note"
          rows={3}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to type the note
          autoFocus
          aria-required={notApplicable}
          value={note}
          onChange={setNote}
        />
        {incident !== null && <CheckboxField label={t('checklists.resolve.log')} checked={log} onChange={setLog} />}
        <FormActions
          failure={null}
          cancelLabel={t('checklists.resolve.cancel')}
          onCancel={onClose}
          submitLabel={notApplicable ? t('checklists.resolve.submitNa') : t('checklists.resolve.submitDone')}
          busy={busy}
        />
      </form>
    </Dialog>
  );
}
