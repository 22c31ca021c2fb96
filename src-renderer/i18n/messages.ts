import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { createElement, Fragment, type ReactNode } from 'react';

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

function message(id: MessageId): IntlMessageFormat {
  const key = `${LANGUAGE}:${id}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[LANGUAGE]?.[id] ?? en[id], LANGUAGE);
    compiled.set(key, format);
  }
  return format;
}

export function t(id: MessageId, values: Record<string, PrimitiveType> = {}): string {
  return String(message(id).format(values));
}

/** Names joined as the desk's language joins a list ("a, b and c"), never with bare commas. */
export function tList(items: readonly string[]): string {
  return new Intl.ListFormat(LANGUAGE, { type: 'conjunction' }).format(items);
}

/**
 * A message with markup inside a sentence, kept whole for the translator: the catalogue says
 * `Reads as <b>{number}</b>` and the screen says what `<b>` becomes. Values and tags are
 * filled by intl-messageformat; text is never parsed as HTML.
 */
export function tRich(
  id: MessageId,
  values: Record<string, PrimitiveType | ReactNode>,
  tags: Record<string, (chunks: ReactNode[]) => ReactNode>,
): ReactNode {
  const parts = message(id).format<ReactNode>({ ...values, ...tags });
  return Array.isArray(parts) ? createElement(Fragment, null, ...parts) : parts;
}
