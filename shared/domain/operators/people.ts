import { format } from '../../i18n/format';
import type { DeskPerson, DeskSettings } from '../../schemas/entities';
import { err, ok, type Result } from '../result';
import { isReadable } from '../signed/operator';

/**
 * The people who work at a desk, and who is at the keyboard. A desk set up before people were
 * kept has exactly one: the operator its set-up named, so nothing changes for a single user.
 */

/** The id the person named at set-up takes when the desk first keeps a list of people. */
export const FIRST_PERSON_ID = 'per_setup';

export type PeopleError =
  | { code: 'invalid'; field: 'name' | 'role'; problem: string }
  | { code: 'same-name'; name: string }
  | { code: 'unknown-person'; personId: string }
  | { code: 'retired'; name: string }
  | { code: 'at-the-keyboard'; name: string };

/** The desk's people: those stored, or the one its set-up named. */
export function peopleOf(settings: Pick<DeskSettings, 'people' | 'operatorName' | 'operatorRole'>): DeskPerson[] {
  if (settings.people && settings.people.length > 0) return settings.people;
  return [{ id: FIRST_PERSON_ID, name: settings.operatorName, role: settings.operatorRole ?? '', retiredAt: null }];
}

/** Who is at the keyboard: the person the settings name (by id, or by name for a desk from before ids). */
export function currentPerson(
  settings: Pick<DeskSettings, 'people' | 'operatorId' | 'operatorName' | 'operatorRole'>,
): DeskPerson | null {
  const people = peopleOf(settings);
  // The name is what the top bar shows and what is signed: an id that no longer matches it lost to a switch made by name.
  return (
    people.find((p) => p.id === settings.operatorId && p.name === settings.operatorName) ??
    people.find((p) => p.name === settings.operatorName && p.retiredAt === null) ??
    null
  );
}

function checkText(field: 'name' | 'role', value: string, required: boolean): Result<string, PeopleError> {
  const text = value.trim().replace(/\s+/g, ' ');
  if (required && text === '') return err({ code: 'invalid', field, problem: format('validation.empty') });
  if (text.length > 120) {
    const problem = format('validation.tooLong', { origin: 'string', size: text.length, maximum: 120 });
    return err({ code: 'invalid', field, problem });
  }
  if (!isReadable(text)) return err({ code: 'invalid', field, problem: format('validation.unreadable') });
  return ok(text);
}

/** Adds a person (name, role) to the desk; two people still working may not share a name. */
export function addPerson(
  people: readonly DeskPerson[],
  input: { id: string; name: string; role: string },
): Result<DeskPerson[], PeopleError> {
  const name = checkText('name', input.name, true);
  if (!name.ok) return name;
  const role = checkText('role', input.role, false);
  if (!role.ok) return role;
  if (people.some((p) => p.retiredAt === null && p.name.toLowerCase() === name.value.toLowerCase()))
    return err({ code: 'same-name', name: name.value });
  return ok([...people, { id: input.id, name: name.value, role: role.value, retiredAt: null }]);
}

/** Renames a person or changes their role; what was signed under the old name stays as signed. */
export function renamePerson(
  people: readonly DeskPerson[],
  personId: string,
  input: { name: string; role: string },
): Result<DeskPerson[], PeopleError> {
  const person = people.find((p) => p.id === personId);
  if (!person) return err({ code: 'unknown-person', personId });
  const name = checkText('name', input.name, true);
  if (!name.ok) return name;
  const role = checkText('role', input.role, false);
  if (!role.ok) return role;
  if (
    people.some((p) => p.id !== personId && p.retiredAt === null && p.name.toLowerCase() === name.value.toLowerCase())
  )
    return err({ code: 'same-name', name: name.value });
  return ok(people.map((p) => (p.id === personId ? { ...p, name: name.value, role: role.value } : p)));
}

/** Retires a person: kept on the list (records name them), no longer offered at the keyboard. */
export function retirePerson(
  people: readonly DeskPerson[],
  personId: string,
  currentId: string | null,
  now: number,
): Result<DeskPerson[], PeopleError> {
  const person = people.find((p) => p.id === personId);
  if (!person) return err({ code: 'unknown-person', personId });
  if (person.retiredAt !== null) return err({ code: 'retired', name: person.name });
  if (person.id === currentId) return err({ code: 'at-the-keyboard', name: person.name });
  return ok(people.map((p) => (p.id === personId ? { ...p, retiredAt: now } : p)));
}

/** The person who takes the keyboard: one of the desk's people still working. */
export function personToSwitchTo(people: readonly DeskPerson[], personId: string): Result<DeskPerson, PeopleError> {
  const person = people.find((p) => p.id === personId);
  if (!person) return err({ code: 'unknown-person', personId });
  if (person.retiredAt !== null) return err({ code: 'retired', name: person.name });
  return ok(person);
}
