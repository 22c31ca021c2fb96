import { useState, type ReactElement } from 'react';

import type { DeskSettings } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';
import type { IdentityCheck } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { Field, FormError } from '../../ui/Field';
import { t, tRich } from '../../i18n/messages';

/**
 * Who is at the keyboard. Asked after a restore, whose settings name whoever made the backup,
 * and offered at any time from the top bar when the desk changes hands. Everything logged next
 * is recorded under the name given here; the switch itself goes in the audit log.
 */
export function OperatorDialog({
  settings,
  check,
  onDone,
}: {
  settings: DeskSettings;
  check: IdentityCheck | null;
  onDone: () => void;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const afterRestore = check?.reason === 'restore';
  const [name, setName] = useState(afterRestore ? check.suggested : settings.operatorName);
  const [role, setRole] = useState(
    afterRestore && check.suggested !== settings.operatorName ? '' : (settings.operatorRole ?? ''),
  );
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    // After a restore the question must be answered: it cannot be closed or skipped.
    <Dialog title={t('settings.operator.title')} onClose={onDone} dismissible={!afterRestore}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return setError(t('settings.operator.nameRequired'));
          if (name.trim().length > 120) return setError(t('settings.operator.nameTooLong'));
          void useCases.settings.switchOperator(name, role, clock()).then(
            (saved) => (saved ? onDone() : setFailure(t('settings.operator.noSettings'))),
            (e: unknown) => setFailure(t('settings.operator.failed', { reason: String(e) })),
          );
        }}
      >
        {afterRestore ? (
          <p>
            {tRich(
              'settings.operator.afterRestore',
              { file: check.fileName, by: check.backupOperator },
              { b: (chunks) => <strong className="break">{chunks}</strong> },
            )}
          </p>
        ) : (
          <p>{t('settings.operator.intro')}</p>
        )}
        <Field label={t('settings.operator.name')} error={error ?? undefined}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              autoComplete="name"
              value={name}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
          )}
        </Field>
        <Field label={t('settings.operator.role')} hint={t('settings.operator.roleHint')}>
          {({ id, describedBy }) => (
            <input id={id} value={role} aria-describedby={describedBy} onChange={(e) => setRole(e.target.value)} />
          )}
        </Field>
        <FormError>{failure}</FormError>
        <div className="dialog__actions">
          {!afterRestore && (
            <button type="button" className="button" onClick={onDone}>
              {t('settings.operator.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary">
            {afterRestore ? t('settings.operator.continue') : t('settings.operator.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
