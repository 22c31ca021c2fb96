import { useState, type ReactElement } from 'react';

import { describeStatusChangeError, resolutionEntry } from '@shared/domain/checklists/items';
import type { ChecklistItem } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { describeAppendError } from '../../desk/timeline/writes';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { Field, FormError } from '../../ui/Field';

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
    <Dialog title={notApplicable ? 'Mark as not applicable' : 'Mark as done'} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void (async () => {
            const actor = actorFrom(operatorName, clock);
            const saved = await useCases.checklists.setStatus(item.id, status, note, actor);
            if (!saved.ok) {
              setBusy(false);
              setProblem(saved.error.code === 'not-found' ? 'This item is no longer on the desk.' : describeStatusChangeError(saved.error));
              return;
            }
            onClose();
            if (!log || incident === null) return showNotice('success', `“${item.title}” marked ${notApplicable ? 'not applicable' : 'done'}.`);
            try {
              const logged = await useCases.timeline.append(incident.id, [resolutionEntry(saved.value, actor.now)], actor);
              if (!logged.ok) throw new Error(describeAppendError(logged.error));
              showNotice('success', `“${item.title}” marked ${notApplicable ? 'not applicable' : 'done'} and logged on the timeline.`);
            } catch (e) {
              showNotice('error', `“${item.title}” was marked ${notApplicable ? 'not applicable' : 'done'}, but the timeline entry could not be written (${e instanceof Error ? e.message : String(e)}). Log it by hand.`);
            }
          })();
        }}
      >
        <p className="resolve__item">{item.title}</p>
        <Field
          label={notApplicable ? 'Why does it not apply?' : 'Note (optional)'}
          hint={notApplicable ? 'Required. The after-action review will read it, e.g. “Police lead all public messages in this incident”.' : 'What was done, by whom, and where to find it.'}
          error={problem ?? undefined}
        >
          {({ id, describedBy, invalid }) => (
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to type the note
            <textarea id={id} name="note" rows={3} autoFocus aria-describedby={describedBy} aria-invalid={invalid} aria-required={notApplicable} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        {incident !== null && (
          <label className="checkbox">
            <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log to the timeline
          </label>
        )}
        <FormError>{null}</FormError>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button--primary" disabled={busy}>{notApplicable ? 'Mark not applicable' : 'Mark done'}</button>
        </div>
      </form>
    </Dialog>
  );
}
