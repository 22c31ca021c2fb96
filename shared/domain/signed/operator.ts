import type { Operator } from './format';

// eslint-disable-next-line no-control-regex -- the point is to remove control and text-direction characters
const UNREADABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** True when the text holds no control or text-direction character (what a record refuses in names). */
export const isReadable = (text: string): boolean => !new RegExp(UNREADABLE.source).test(text);

/** What a record says when the desk knew no name or role for the person at the keyboard. */
export const UNNAMED_OPERATOR = 'unnamed';
export const ROLE_NOT_GIVEN = 'no role given';

/**
 * Text as a signed record or identity may carry it (see `readableText`): control and
 * text-direction characters read as spaces, runs of spaces as one, at most `max` characters, no
 * space at either end. Empty when nothing readable is left.
 */
export function toReadable(text: string | undefined, max = 120): string {
  const cleaned = (text ?? '').replace(UNREADABLE, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(cleaned).slice(0, max).join('').trim();
}

const readable = (text: string | undefined, fallback: string): string => toReadable(text) || fallback;

/**
 * The operator a signed record names, from the name and role as the desk holds them. A record
 * refuses control and text-direction characters (they could disguise a name to a reader), so they
 * are read as spaces; an empty role is said as such rather than left out, since the field is signed.
 */
export function recordOperator(name: string | undefined, role: string | undefined): Operator {
  return { name: readable(name, UNNAMED_OPERATOR), role: readable(role, ROLE_NOT_GIVEN) };
}
