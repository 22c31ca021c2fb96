import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';

import { en } from './messages/en';

/**
 * The desk's words, by message id, in ICU MessageFormat (plural rules: "1 entry", "2 entries",
 * never "1 entries"). One catalogue per language in ./messages/<language>/ (a file per part of the desk); English is complete and is the
 * fallback for any id a translation lacks. The UI language is English until a translation ships;
 * the desk's locale (dates and times) is a separate setting.
 */
export type MessageId = keyof typeof en;

const CATALOGUES: Record<string, Partial<Record<MessageId, string>>> = { en };
const LANGUAGE = 'en';

const compiled = new Map<string, IntlMessageFormat>();

export function t(id: MessageId, values: Record<string, PrimitiveType> = {}): string {
  const key = `${LANGUAGE}:${id}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[LANGUAGE]?.[id] ?? en[id], LANGUAGE);
    compiled.set(key, format);
  }
  return String(format.format(values));
}
