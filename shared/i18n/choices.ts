import { format, isDomainMessageId } from './format';

/**
 * The names of choices (a category, a status, a channel, a role…) come from the catalogue, keyed
 * by the choice's stable code: `choice.<list>.<code>`. The code is what is stored and published;
 * the name is what a person reads, in the desk's language at the moment it is read.
 */
const LISTS = new Map<string, readonly string[]>();

/** The message id of one choice's name. */
export const choiceId = (list: string, code: string): string => `choice.${list}.${code}`;

/** A choice's name; a code the catalogue does not name (a test forbids it) is shown as the code. */
export function choiceLabel(list: string, code: string): string {
  const id = choiceId(list, code);
  return isDomainMessageId(id) ? format(id) : code;
}

/**
 * The names of a list of choices, by code, read from the catalogue each time one is asked for, so
 * a map such as `CATEGORY_LABELS[category]` speaks the language chosen after it was built.
 */
export function choiceLabels<C extends string>(list: string, codes: readonly C[]): Readonly<Record<C, string>> {
  LISTS.set(list, codes);
  const labels = {} as Record<C, string>;
  for (const code of codes)
    Object.defineProperty(labels, code, { enumerable: true, get: () => choiceLabel(list, code) });
  return Object.freeze(labels);
}

/** Every list of choices named so far, with its codes: for the check that none is left unnamed. */
export function choiceLists(): ReadonlyMap<string, readonly string[]> {
  return LISTS;
}
