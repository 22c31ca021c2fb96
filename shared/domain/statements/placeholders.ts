/**
 * Named placeholders in statement templates: `{{city}}`, `{{incident_time}}`.
 *
 * FORMAT:
 * - A placeholder is `{{name}}`; the name is letters, digits and `_`, starting with a letter,
 *   read without regard to case or to spaces inside the braces (`{{ City }}` is `city`).
 * - `\{{` writes a literal `{{` (the backslash is dropped). Nothing else is an escape.
 * - A `{{` with no `}}` on the same line, or braces around anything but a name, is malformed:
 *   it is kept as written and reported, so a typo never silently vanishes from a statement.
 * - The same placeholder may appear any number of times; one value fills every occurrence.
 * - Values are inserted as they are and never read as placeholders themselves.
 */

import { format } from '../../i18n/format';

/** A piece of a parsed template. `start` is the offset in the template, for messages. */
export type TemplateSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly name: string; readonly raw: string; readonly start: number }
  | { readonly kind: 'malformed'; readonly raw: string; readonly start: number; readonly problem: MalformedProblem };

export type MalformedProblem = 'unclosed' | 'empty' | 'bad-name';

/** A piece of a filled text: what the preview shows, with the gaps marked. */
export type FilledSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly name: string; readonly text: string }
  | { readonly kind: 'unfilled'; readonly name: string; readonly text: string }
  | { readonly kind: 'malformed'; readonly text: string; readonly start: number; readonly problem: MalformedProblem };

export type FilledText = {
  /** The text with values in place; gaps stay as `{{name}}`, malformed pieces as written. */
  readonly text: string;
  readonly segments: readonly FilledSegment[];
  /** Names without a value, each once, in order of first appearance. */
  readonly unfilled: readonly string[];
  readonly malformed: readonly { readonly raw: string; readonly start: number; readonly problem: MalformedProblem }[];
};

const NAME_RE = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;
const OPEN = '{{';
const CLOSE = '}}';
const ESCAPED_OPEN = '\\{{';

/** Splits a template into text, placeholders and malformed pieces. */
export function parseTemplate(body: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') segments.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    if (body.startsWith(ESCAPED_OPEN, i)) {
      text += OPEN;
      i += ESCAPED_OPEN.length;
      continue;
    }
    if (!body.startsWith(OPEN, i)) {
      text += body[i] ?? '';
      i += 1;
      continue;
    }
    const close = body.indexOf(CLOSE, i + OPEN.length);
    const lineEnd = body.indexOf('\n', i);
    const nextOpen = body.indexOf(OPEN, i + OPEN.length);
    const closed = close !== -1 && (lineEnd === -1 || close < lineEnd) && (nextOpen === -1 || close < nextOpen);
    if (!closed) {
      flush();
      segments.push({ kind: 'malformed', raw: OPEN, start: i, problem: 'unclosed' });
      i += OPEN.length;
      continue;
    }
    const raw = body.slice(i, close + CLOSE.length);
    const inner = body.slice(i + OPEN.length, close).trim();
    flush();
    if (inner === '') segments.push({ kind: 'malformed', raw, start: i, problem: 'empty' });
    else if (!NAME_RE.test(inner)) segments.push({ kind: 'malformed', raw, start: i, problem: 'bad-name' });
    else segments.push({ kind: 'placeholder', name: inner.toLowerCase(), raw, start: i });
    i = close + CLOSE.length;
  }
  flush();
  return segments;
}

/** The placeholder names of a template, each once, in order of first appearance. */
export function placeholderNames(body: string): string[] {
  const names: string[] = [];
  for (const s of parseTemplate(body)) if (s.kind === 'placeholder' && !names.includes(s.name)) names.push(s.name);
  return names;
}

/** True when a value counts as given: anything but blanks. */
export const hasValue = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** Fills a template's placeholders from `values` in one pass; values are never re-read as placeholders. */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): FilledText {
  const segments: FilledSegment[] = [];
  const unfilled: string[] = [];
  const malformed: { raw: string; start: number; problem: MalformedProblem }[] = [];
  for (const s of parseTemplate(body)) {
    switch (s.kind) {
      case 'text':
        segments.push(s);
        break;
      case 'placeholder': {
        const value = values[s.name];
        if (hasValue(value)) {
          segments.push({ kind: 'value', name: s.name, text: value.trim() });
        } else {
          segments.push({ kind: 'unfilled', name: s.name, text: `{{${s.name}}}` });
          if (!unfilled.includes(s.name)) unfilled.push(s.name);
        }
        break;
      }
      case 'malformed':
        segments.push({ kind: 'malformed', text: s.raw, start: s.start, problem: s.problem });
        malformed.push({ raw: s.raw, start: s.start, problem: s.problem });
        break;
    }
  }
  return { text: segments.map((s) => s.text).join(''), segments, unfilled, malformed };
}

/** Writes text so that it reads back unchanged as a template: every `{{` becomes `\{{`. */
export function escapeTemplateText(text: string): string {
  return text.split(OPEN).join(ESCAPED_OPEN);
}

/** "Line 3: “{{city” has no closing }}." */
export function describeMalformed(body: string, m: { raw: string; start: number; problem: MalformedProblem }): string {
  const line = body.slice(0, m.start).split('\n').length;
  switch (m.problem) {
    case 'unclosed':
      return format('statements.placeholder.unclosed', { line });
    case 'empty':
      return format('statements.placeholder.empty', { line, raw: m.raw });
    case 'bad-name':
      return format('statements.placeholder.badName', { line, raw: m.raw });
  }
}
