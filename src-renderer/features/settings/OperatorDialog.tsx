import { useState, type ReactElement } from 'react';

import { currentPerson, peopleOf } from '@shared/domain/operators/people';
import type { DeskPerson, DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import type { IdentityCheck } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, FormError } from '../../ui/Field';
import { TextField } from '../../ui/FieldControls';
import { t, tRich } from '../../i18n/messages';
import { describePeopleError } from './peopleWords';
import { DeskForm } from '../../ui/DeskForm';

/** More people than this and the list gets a search field. */
const SEARCH_FROM = 5;

/**
 * Who is at the keyboard: one of the desk's people, or someone new added on the spot. Asked after
 * a restore (the list is then the backup's people), and offered at any time from the top bar when
 * the desk changes hands. Everything logged next is signed under the person picked; the switch
 * itself goes in the audit log.
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
  const active = peopleOf(settings).filter((p) => p.retiredAt === null);
  const current = currentPerson(settings);
  const suggested = afterRestore && !active.some((p) => p.name === check.suggested) ? check.suggested : '';
  const [query, setQuery] = useState('');
  // Until someone types, the name offered follows the desk's people: the dialog can open a moment
  // before the restored people replace the desk's own, whose names must not hide the suggestion.
  const [typed, setName] = useState<string | null>(null);
  const name = typed ?? suggested;
  const [role, setRole] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = query.trim() === '' ? active : active.filter((p) => matches(p, query));

  const switchTo = async (personId: string): Promise<void> => {
    const switched = await useCases.operators.switchTo(personId, clock());
    if (switched.ok) onDone();
    else setFailure(describePeopleError(switched.error));
  };
  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    work()
      .catch((e: unknown) => setFailure(t('settings.operator.failed', { reason: String(e) })))
      .finally(() => setBusy(false));
  };

  return (
    // After a restore the question must be answered: it cannot be closed or skipped.
    <Dialog title={t('settings.operator.title')} onClose={onDone} dismissible={!afterRestore}>
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
      <h3 className="operator-pick__title" id="operator-pick-title">
        {t('settings.operator.pick')}
      </h3>
      {active.length > SEARCH_FROM && (
        <TextField label={t('settings.operator.search')} type="search" value={query} onChange={setQuery} />
      )}
      <ul className="operator-pick" aria-labelledby="operator-pick-title">
        {shown.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              className={`button operator-pick__person${person.id === current?.id ? ' operator-pick__person--current' : ''}`}
              disabled={busy}
              onClick={() => run(() => switchTo(person.id))}
            >
              <strong>{person.name}</strong>
              {person.role ? <span className="muted"> · {person.role}</span> : null}
              {person.id === current?.id ? (
                // After a restore the desk does not know who is here yet: the backup only says who was.
                <span className="muted">
                  {' '}
                  ({t(afterRestore ? 'settings.operator.lastInBackup' : 'settings.operator.atKeyboard')})
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted">{t('settings.operator.noneFound', { query: query.trim() })}</p>}
      <DeskForm
        className="operator-pick__new"
        onSubmit={() => {
          if (name.trim() === '') return setFailure(t('settings.operator.nameRequired'));
          run(async () => {
            const added = await useCases.operators.addPerson({ name, role }, actorFrom(settings.operatorName, clock));
            if (!added.ok) return setFailure(describePeopleError(added.error));
            // A person added goes at the end of the list.
            const person = added.value.people?.at(-1);
            if (person) await switchTo(person.id);
          });
        }}
      >
        <fieldset>
          <legend>{t('settings.operator.someoneElse')}</legend>
          <TextField label={t('settings.operator.name')} autoComplete="name" value={name} onChange={setName} />
          <TextField
            label={t('settings.operator.role')}
            hint={t('settings.operator.roleHint')}
            value={role}
            onChange={setRole}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('settings.operator.addAndSwitch')}
          </button>
        </fieldset>
      </DeskForm>
      <FormError>{failure}</FormError>
      {!afterRestore && <DialogActions cancelLabel={t('settings.operator.cancel')} onCancel={onDone} />}
    </Dialog>
  );
}

function matches(person: DeskPerson, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  return person.name.toLocaleLowerCase().includes(q) || person.role.toLocaleLowerCase().includes(q);
}
