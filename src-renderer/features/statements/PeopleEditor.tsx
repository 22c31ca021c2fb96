import { useState, type ReactElement } from 'react';

import type { PersonMention } from '@shared/schemas/statements';

import { Dialog } from '../../ui/Dialog';
import { FormActions, FormError } from '../../ui/Field';
import { CheckboxField, RadioGroup, TextField } from '../../ui/FieldControls';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

/** A new mention's id, unique across desks. */
const newPersonId = (): string => `per_${crypto.randomUUID()}`;

type Props = {
  people: readonly PersonMention[];
  disabled: boolean;
  onSave: (people: PersonMention[]) => Promise<string | null>;
};

/**
 * Victims and suspects the text might name, so the checks can warn before review: a victim named
 * without consent recorded, the suspected perpetrator named at all. Carried from one statement of
 * the incident to the next, so consent is recorded once.
 */
export function PeopleEditor({ people, disabled, onSave }: Props): ReactElement {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonMention['role']>('victim');
  const [consent, setConsent] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const roles: [PersonMention['role'], string][] = [
    ['victim', t('statements.peopleEditor.aVictim')],
    ['suspect', t('statements.peopleEditor.theSuspectedPerpetrator')],
  ];
  const save = async (next: PersonMention[]) => setProblem(await onSave(next));

  return (
    <section className="people" aria-labelledby="people-title">
      <h3 id="people-title">{t('statements.peopleEditor.peopleThisStatementMayName')}</h3>
      {people.length === 0 ? (
        <p className="muted">{t('statements.peopleEditor.nobodyListedAddVictimsWith')}</p>
      ) : (
        <ul className="people__list">
          {people.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.name}</strong> ·{' '}
                {p.role === 'suspect'
                  ? t('statements.peopleEditor.suspectedPerpetratorDoNotName')
                  : p.consentRecorded
                    ? t('statements.peopleEditor.victimConsentRecorded', {
                        hasNote: p.consentNote ? 'yes' : 'no',
                        note: p.consentNote,
                      })
                    : t('statements.peopleEditor.victimNoConsentRecorded')}
              </span>
              {!disabled && (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={t('statements.peopleEditor.remove2', { name: p.name })}
                  onClick={() => void save(people.filter((x) => x.id !== p.id))}
                >
                  {t('statements.peopleEditor.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          {t('statements.peopleEditor.addAPerson')}
        </button>
      )}
      <FormError>{!adding && problem}</FormError>
      {adding && (
        <Dialog title={t('statements.peopleEditor.addAPersonThisStatement')} onClose={() => setAdding(false)}>
          <DeskForm
            onSubmit={() => {
              if (name.trim().length < 2) return setProblem(t('statements.peopleEditor.enterTheNameAsIt'));
              const person: PersonMention = {
                id: newPersonId(),
                name: name.trim(),
                role,
                consentRecorded: role === 'victim' && consent,
                consentNote: role === 'victim' ? note.trim() : '',
              };
              void onSave([...people, person]).then((p) => {
                setProblem(p);
                if (p === null) {
                  setAdding(false);
                  setName('');
                  setConsent(false);
                  setNote('');
                }
              });
            }}
          >
            <TextField
              label={t('statements.peopleEditor.name')}
              hint={t('statements.peopleEditor.fullNameTheCheckAlso')}
              value={name}
              onChange={setName}
              dir="auto"
            />
            <RadioGroup
              legend={t('statements.peopleEditor.whoIsThis')}
              value={role}
              onChange={setRole}
              choices={roles}
            />
            {role === 'victim' && (
              <>
                <CheckboxField
                  label={t('statements.peopleEditor.theFamilyOrThePerson')}
                  checked={consent}
                  onChange={setConsent}
                />
                <TextField
                  label={t('statements.peopleEditor.consentWhoWhenHow')}
                  hint={t('statements.peopleEditor.eGHerParents28')}
                  value={note}
                  onChange={setNote}
                />
              </>
            )}
            <FormActions
              failure={problem}
              cancelLabel={t('statements.peopleEditor.cancel')}
              onCancel={() => setAdding(false)}
              submitLabel={t('statements.peopleEditor.add')}
            />
          </DeskForm>
        </Dialog>
      )}
    </section>
  );
}
