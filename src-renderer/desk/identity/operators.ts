import { auditEvent, diffFields, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import {
  addPerson,
  currentPerson,
  peopleOf,
  personToSwitchTo,
  renamePerson,
  retirePerson,
  type PeopleError,
} from '@shared/domain/operators/people';
import { err, ok, type Result } from '@shared/domain/result';
import type { DeskPerson, DeskSettings } from '@shared/schemas/entities';

import { rowIs, writePlanned, type Door, type WriteRefused } from '../door';
import { t } from '../../i18n/messages';

export type OperatorsError = PeopleError | { code: 'not-set-up' } | { code: 'busy' };
type Planned = Result<{ change: Parameters<Door['write']>[0]; value: DeskSettings }, OperatorsError>;

/**
 * The people at the desk and who is at the keyboard: desk-wide data in the settings row, every
 * change through the door with its audit line, planned on the row as read (another window
 * changing the settings meanwhile makes it plan again). Every signed record names the person at
 * the keyboard as the desk holds them when it is made.
 */
export function createOperators(deps: {
  door: Door;
  gen: IdGenerator;
  settings: () => Promise<DeskSettings | undefined>;
}) {
  const { door, gen } = deps;

  /** Reads the settings row, lets `plan` decide, and writes the new row with its audit line. */
  const change = (
    actor: Actor,
    kind: `${string}.${string}`,
    plan: (before: DeskSettings) => Result<{ next: DeskSettings; summary: string; operator?: string }, PeopleError>,
  ) =>
    writePlanned<DeskSettings, OperatorsError>(
      door,
      async (): Promise<Planned> => {
        const before = await deps.settings();
        if (!before) return err({ code: 'not-set-up' });
        const planned = plan(before);
        if (!planned.ok) return planned;
        const next = { ...planned.value.next, updatedAt: actor.now };
        const line = auditEvent({
          id: newId('aud', gen),
          actor: planned.value.operator ? { ...actor, operator: planned.value.operator } : actor,
          incidentId: null,
          entityType: 'settings',
          entityId: 'desk',
          action: 'update',
          summary: planned.value.summary,
          changes: diffFields<Record<string, unknown>>({ ...before, operatorRole: before.operatorRole ?? '' }, next, [
            'operatorName',
            'operatorRole',
          ]),
        });
        return ok({
          change: {
            scope: 'desk',
            kind,
            put: { settings: [next] },
            audit: [line],
            preconditions: [
              rowIs('settings', 'desk', 'the settings are as read', (row) => row?.updatedAt === before.updatedAt, {
                code: 'busy' as const,
              }),
            ],
          },
          value: next,
        });
      },
      { code: 'busy' },
    );

  const withPeople = (before: DeskSettings, people: DeskPerson[]): DeskSettings => ({
    ...before,
    people,
    operatorId: currentPerson(before)?.id ?? before.operatorId,
  });

  return {
    /** Everyone who works at the desk (retired people included, marked), and who is at the keyboard. */
    async people(): Promise<{ people: DeskPerson[]; current: DeskPerson | null }> {
      const settings = await deps.settings();
      return settings
        ? { people: peopleOf(settings), current: currentPerson(settings) }
        : { people: [], current: null };
    },

    addPerson: (
      input: { name: string; role: string },
      actor: Actor,
    ): Promise<Result<DeskSettings, OperatorsError | WriteRefused>> =>
      change(actor, 'operator.added', (before) => {
        const people = addPerson(peopleOf(before), { id: newId('per', gen), ...input });
        return people.ok
          ? ok({
              next: withPeople(before, people.value),
              summary: t('audit.summary.personAdded', { name: people.value.at(-1)?.name ?? '' }),
            })
          : people;
      }),

    renamePerson: (
      personId: string,
      input: { name: string; role: string },
      actor: Actor,
    ): Promise<Result<DeskSettings, OperatorsError | WriteRefused>> =>
      change(actor, 'operator.renamed', (before) => {
        const current = currentPerson(before);
        const people = renamePerson(peopleOf(before), personId, input);
        if (!people.ok) return people;
        const renamed = people.value.find((p) => p.id === personId);
        const was = peopleOf(before).find((p) => p.id === personId);
        // The person at the keyboard renamed: the top bar and the next record say the new name.
        const atKeyboard =
          current?.id === personId && renamed
            ? { operatorName: renamed.name, operatorRole: renamed.role, operatorId: personId }
            : {};
        return ok({
          next: { ...withPeople(before, people.value), ...atKeyboard },
          summary: renamed?.role
            ? t('audit.summary.personRenamedWithRole', { was: was?.name ?? '', name: renamed.name, role: renamed.role })
            : t('audit.summary.personRenamed', { was: was?.name ?? '', name: renamed?.name ?? '' }),
        });
      }),

    retirePerson: (personId: string, actor: Actor): Promise<Result<DeskSettings, OperatorsError | WriteRefused>> =>
      change(actor, 'operator.retired', (before) => {
        const people = retirePerson(peopleOf(before), personId, currentPerson(before)?.id ?? null, actor.now);
        if (!people.ok) return people;
        return ok({
          next: withPeople(before, people.value),
          summary: t('audit.summary.personRetired', { name: people.value.find((p) => p.id === personId)?.name ?? '' }),
        });
      }),

    /** Hands the keyboard to one of the desk's people: recorded under the person taking over. */
    switchTo: (personId: string, now: number): Promise<Result<DeskSettings, OperatorsError | WriteRefused>> =>
      change({ operator: '', now }, 'operator.switched', (before) => {
        const people = peopleOf(before);
        const person = personToSwitchTo(people, personId);
        if (!person.ok) return person;
        const next = {
          ...before,
          people,
          operatorId: person.value.id,
          operatorName: person.value.name,
          operatorRole: person.value.role,
        };
        const summary =
          before.operatorName === person.value.name
            ? t('audit.summary.operatorConfirmed', { name: person.value.name })
            : t('audit.summary.operatorTookOver', { name: person.value.name, before: before.operatorName });
        return ok({ next, summary, operator: person.value.name });
      }),
  };
}
export type Operators = ReturnType<typeof createOperators>;
