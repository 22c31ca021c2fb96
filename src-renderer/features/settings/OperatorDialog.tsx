import { useState, type ReactElement } from 'react';

import type { DeskSettings } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';
import type { IdentityCheck } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { Field, FormError } from '../../ui/Field';

/**
 * Who is at the keyboard. Asked after a restore, whose settings name whoever made the backup,
 * and offered at any time from the top bar when the desk changes hands. Everything logged next
 * is recorded under the name given here; the switch itself goes in the audit log.
 */
export function OperatorDialog({ settings, check, onDone }: { settings: DeskSettings; check: IdentityCheck | null; onDone: () => void }): ReactElement {
  const { useCases, clock } = useDesk();
  const afterRestore = check?.reason === 'restore';
  const [name, setName] = useState(afterRestore ? check.suggested : settings.operatorName);
  const [role, setRole] = useState(afterRestore && check.suggested !== settings.operatorName ? '' : (settings.operatorRole ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    // After a restore the question must be answered: it cannot be closed or skipped.
    <Dialog title="Who is at the keyboard?" onClose={onDone} dismissible={!afterRestore}>
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() === '') return setError('Enter your name: it is recorded on every change you make.');
        if (name.trim().length > 120) return setError('Keep the name under 120 characters.');
        void useCases.settings.switchOperator(name, role, clock()).then(
          (saved) => (saved ? onDone() : setFailure('The desk has no settings to change: set it up first.')),
          (e: unknown) => setFailure(`The name could not be saved: ${String(e)}`),
        );
      }}>
        {afterRestore ? (
          <p>
            The desk was restored from <strong className="break">{check.fileName}</strong>, made by {check.backupOperator}. Say who is working on it now:
            everything done from here on is recorded under this name, not the backup&apos;s.
          </p>
        ) : (
          <p>Everything done from here on is recorded under this name. The change of hands goes in the audit log.</p>
        )}
        <Field label="Your name" error={error ?? undefined}>
          {({ id, describedBy, invalid }) => (
            <input id={id} autoComplete="name" value={name} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => { setName(e.target.value); setError(null); }} />
          )}
        </Field>
        <Field label="Your role in the response" hint="Optional, e.g. Duty officer, Communications lead.">
          {({ id, describedBy }) => <input id={id} value={role} aria-describedby={describedBy} onChange={(e) => setRole(e.target.value)} />}
        </Field>
        <FormError>{failure}</FormError>
        <div className="dialog__actions">
          {!afterRestore && <button type="button" className="button" onClick={onDone}>Cancel</button>}
          <button type="submit" className="button button--primary">{afterRestore ? 'Continue as this person' : 'Save'}</button>
        </div>
      </form>
    </Dialog>
  );
}
