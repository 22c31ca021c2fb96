import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';

import { en } from './messages/en';

/**
 * The domain's words, by message id, in ICU MessageFormat: the sentences `shared/` hands to a
 * person (refusals, file problems, reports of a check). English is complete and is the fallback
 * for any id a translation lacks. Pure: the catalogue is handed in by whoever hosts the domain
 * (the renderer, the browser edition's server, the verify CLI); nothing here reads a file.
 */
export type DomainMessageId = keyof typeof en;
export type DomainCatalogue = Partial<Record<DomainMessageId, string>>;

let language = 'en';
let translation: DomainCatalogue = {};
const compiled = new Map<string, IntlMessageFormat>();

/**
 * Speak another language from now on: `catalogue` holds its messages by id (plural categories
 * follow `lang`'s rules). An id it lacks is said in English. `setDomainLanguage('en', {})` goes back.
 */
export function setDomainLanguage(lang: string, catalogue: DomainCatalogue): void {
  language = lang;
  translation = catalogue;
  compiled.clear();
}

function message(id: DomainMessageId): IntlMessageFormat {
  const own = translation[id];
  // An English fallback keeps English plural rules, whatever the language asked for.
  const key = own === undefined ? `en:${id}` : `${language}:${id}`;
  let found = compiled.get(key);
  if (!found) {
    found = own === undefined ? new IntlMessageFormat(en[id], 'en') : new IntlMessageFormat(own, language);
    compiled.set(key, found);
  }
  return found;
}

/**
 * Whether the catalogue has a message `id`: for ids made from a name the domain does not fix in
 * advance (a recorded field's label, `history.field.<field>`), which fall back to other words.
 */
export function isDomainMessageId(id: string): id is DomainMessageId {
  return Object.prototype.hasOwnProperty.call(en, id);
}

/** The message `id` with its values filled in (names, file names and numbers are values, never glued in). */
export function format(id: DomainMessageId, values: Record<string, PrimitiveType> = {}): string {
  return String(message(id).format(values));
}

/**
 * The words for a refusal whose message is chosen by its code alone, one message id per code; the
 * refusal's own fields fill the message (`{ code: 'too-long', maximum: 1024 }` gives `{maximum}`).
 */
export function describeByCode<E extends { code: string } & Record<string, PrimitiveType>>(
  messages: Readonly<Record<E['code'], DomainMessageId>>,
): (e: E) => string {
  return (e) => format(messages[e.code as E['code']], e);
}

/** Names joined as the domain's language joins a list ("a, b and c"), never with bare commas. */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
