import { useState, type ReactElement } from 'react';

import { currentPerson, peopleOf } from '@shared/domain/operators/people';
import type { DeskPerson, DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import type { OperatorsError } from '../../desk/identity/operators';
import type { WriteRefused } from '../../desk/door';
import type { Result } from '@shared/domain/result';
import { useAppStore } from '../../store';
import { FormError } from '../../ui/Field';
import { TextField } from '../../ui/FieldControls';
import { RowActionButton } from '../../ui/RowActionButton';
import { t } from '../../i18n/messages';
import { describePeopleError } from './peopleWords';
import { DeskForm } from '../../ui/DeskForm';

type Saved = Result<DeskSettings, OperatorsError | WriteRefused>;

/**
 * The people who work at the desk: add one, rename or change a role, retire one who left. Retired
 * people stay listed (their records name them), marked, and are no longer offered at the keyboard.
 */
export function PeoplePanel({ settings }: { settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const people = peopleOf(settings);
  const current = currentPerson(settings);
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const actor = () => actorFrom(settings.operatorName, clock);

  const save = async (work: Promise<Saved>, done: string): Promise<boolean> => {
    setFailure(null);
    const saved = await work.catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (saved.ok) {
      showNotice('success', done);
      return true;
    }
    setFailure(typeof saved.error === 'string' ? saved.error : describePeopleError(saved.error));
    return false;
  };

  return (
    <section className="panel" aria-labelledby="people-title">
      <h2 id="people-title">{t('settings.people.title')}</h2>
      <p className="muted">{t('settings.people.intro')}</p>
      <ul className="people-list">
        {people.map((person) =>
          editing === person.id ? (
            <li key={person.id}>
              <PersonForm
                person={person}
                submitLabel={t('settings.people.save')}
                onCancel={() => setEditing(null)}
                onSubmit={async (input) => {
                  if (
                    await save(
                      useCases.operators.renamePerson(person.id, input, actor()),
                      t('settings.people.saved', { name: input.name.trim() }),
                    )
                  )
                    setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={person.id} className={person.retiredAt !== null ? 'people-list__retired' : undefined}>
              <span>
                <strong>{person.name}</strong>
                {person.role ? <span className="muted"> · {person.role}</span> : null}
                {person.id === current?.id ? (
                  <span className="muted"> ({t('settings.operator.atKeyboard')})</span>
                ) : null}
                {person.retiredAt !== null ? (
                  <span className="badge badge--muted"> {t('settings.people.retired')}</span>
                ) : null}
              </span>
              {person.retiredAt === null && (
                <span className="people-list__actions">
                  <RowActionButton
                    label={t('settings.people.edit', { name: person.name })}
                    className="button button--ghost"
                    onClick={() => setEditing(person.id)}
                  >
                    {t('settings.people.editShort')}
                  </RowActionButton>
                  <RowActionButton
                    label={t('settings.people.retire', { name: person.name })}
                    className="button button--ghost"
                    disabled={person.id === current?.id}
                    title={
                      person.id === current?.id
                        ? t('settings.people.atKeyboardRefused', { name: person.name })
                        : undefined
                    }
                    onClick={() =>
                      void save(
                        useCases.operators.retirePerson(person.id, actor()),
                        t('settings.people.retiredDone', { name: person.name }),
                      )
                    }
                  >
                    {t('settings.people.retireShort')}
                  </RowActionButton>
                </span>
              )}
            </li>
          ),
        )}
      </ul>
      <FormError>{failure}</FormError>
      <h3>{t('settings.people.add')}</h3>
      <PersonForm
        person={null}
        submitLabel={t('settings.people.add')}
        onSubmit={(input) =>
          save(useCases.operators.addPerson(input, actor()), t('settings.people.added', { name: input.name.trim() }))
        }
      />
    </section>
  );
}

function PersonForm({
  person,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  person: DeskPerson | null;
  submitLabel: string;
  onSubmit: (input: { name: string; role: string }) => Promise<unknown>;
  onCancel?: () => void;
}): ReactElement {
  const [name, setName] = useState(person?.name ?? '');
  const [role, setRole] = useState(person?.role ?? '');
  const [busy, setBusy] = useState(false);
  return (
    <DeskForm
      className="person-form"
      onSubmit={() => {
        setBusy(true);
        void onSubmit({ name, role }).then((ok) => {
          setBusy(false);
          if (ok === true && person === null) {
            setName('');
            setRole('');
          }
        });
      }}
    >
      <TextField label={t('settings.people.name')} value={name} onChange={setName} />
      <TextField label={t('settings.people.role')} value={role} onChange={setRole} />
      <div className="person-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('settings.people.cancel')}
          </button>
        )}
      </div>
    </DeskForm>
  );
}
