import type { Actor } from '../audit';
import { err, ok, type Result } from '../result';
import {
  GLOSSARY_ID,
  GlossaryTermSchema,
  LanguageCodeSchema,
  StatementTypeSchema,
  type Audience,
  type GlossaryTerm,
  type GuidanceItem,
  type StatementGlossary,
  type StatementTemplate,
} from '../../schemas/statements';
import { isKnownPlaceholder } from './placeholderCatalogue';
import { describeMalformed, fillTemplate, placeholderNames } from './placeholders';
import { deskContent } from '../../content';
import { format } from '../../i18n/format';
import { seedTemplateId, type SeedTemplate } from './seedTemplates';

const guidance = (prefix: 'do' | 'dont', items: SeedTemplate['dos']): GuidanceItem[] =>
  items.map(([text, basis], i) => ({ id: `${prefix}-${i + 1}`, text, basis }));

/** The shipped templates as rows, created by `actor`. */
export function seedTemplateRows(actor: Actor): StatementTemplate[] {
  return deskContent().statementTemplates.map((s) => ({
    id: seedTemplateId(s.type, s.language),
    kind: 'template',
    type: s.type,
    language: s.language,
    title: s.title,
    purpose: s.purpose,
    audience: s.audience,
    body: s.body,
    dos: guidance('do', s.dos),
    donts: guidance('dont', s.donts),
    pages: [...s.pages],
    origin: 'guide',
    revision: 1,
    createdAt: actor.now,
    createdBy: actor.operator,
    updatedAt: actor.now,
    updatedBy: actor.operator,
  }));
}

export function seedGlossaryRow(actor: Actor): StatementGlossary {
  return {
    id: GLOSSARY_ID,
    kind: 'glossary',
    terms: deskContent().glossary.map((t) => ({ ...t })),
    updatedAt: actor.now,
    updatedBy: actor.operator,
  };
}

/** What the template editor submits. Dos and don'ts are one item per line. */
export type TemplateInput = {
  type: string;
  language: string;
  title: string;
  purpose: string;
  audience: Audience;
  body: string;
  dos: readonly GuidanceItem[];
  donts: readonly GuidanceItem[];
  pages: readonly string[];
};

/** Field name → message, for the editor to show beside each field. */
export type TemplateErrors = Partial<Record<'type' | 'language' | 'title' | 'body', string>>;

/**
 * Checks a template before it is stored: a type and language the desk can key it by, a title,
 * a body whose braces are all placeholders. Placeholders the desk does not know are allowed (the
 * city's own); they are returned so the editor can point them out in case one is a typo.
 */
export function validateTemplateInput(
  input: TemplateInput,
): Result<{ placeholders: string[]; custom: string[] }, TemplateErrors> {
  const errors: TemplateErrors = {};
  if (!StatementTypeSchema.safeParse(input.type).success) errors.type = format('statements.template.badType');
  if (!LanguageCodeSchema.safeParse(input.language).success)
    errors.language = format('statements.template.badLanguage', { language: input.language });
  if (input.title.trim() === '') errors.title = format('statements.template.noTitle');
  else if (input.title.trim().length > 200) errors.title = format('statements.template.titleTooLong', { limit: 200 });
  if (input.body.trim() === '') errors.body = format('statements.template.noBody');
  else if (input.body.length > 20_000) errors.body = format('statements.template.bodyTooLong', { limit: 20_000 });
  else {
    const malformed = fillTemplate(input.body, {}).malformed;
    if (malformed.length > 0) errors.body = malformed.map((m) => describeMalformed(input.body, m)).join(' ');
  }
  if (Object.keys(errors).length > 0) return err(errors);
  const placeholders = placeholderNames(input.body);
  return ok({ placeholders, custom: placeholders.filter((n) => !isKnownPlaceholder(n)) });
}

/** Reads the editor's "one item per line" lists into guidance items, keeping ids of unchanged lines. */
export function guidanceFromLines(
  prefix: 'do' | 'dont',
  text: string,
  previous: readonly GuidanceItem[],
): GuidanceItem[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const used = new Set<string>();
  let next = previous.reduce((n, g) => Math.max(n, Number(g.id.split('-').pop()) || 0), 0);
  return lines.slice(0, 30).map((line) => {
    const same = previous.find((g) => g.text === line && !used.has(g.id));
    if (same) {
      used.add(same.id);
      return same;
    }
    next += 1;
    return { id: `${prefix}-${next}`, text: line.slice(0, 500), basis: 'city' };
  });
}

/** Checks glossary lines "avoid => prefer | note"; every bad line is named. */
export function parseGlossaryLines(text: string): Result<GlossaryTerm[], string[]> {
  const terms: GlossaryTerm[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const [head = '', note = ''] = line.split('|').map((s) => s.trim());
    const [avoid = '', prefer = ''] = head.split('=>').map((s) => s.trim());
    const parsed = GlossaryTermSchema.safeParse({ avoid, prefer, note });
    if (!parsed.success) problems.push(format('statements.glossary.badLine', { line: i + 1, text: line }));
    else terms.push(parsed.data);
  });
  return problems.length > 0 ? err(problems) : ok(terms);
}

/** The glossary as the editor shows it, one term per line. */
export const glossaryToLines = (terms: readonly GlossaryTerm[]): string =>
  terms
    .map((t) => `${t.avoid}${t.prefer !== '' ? ` => ${t.prefer}` : ''}${t.note !== '' ? ` | ${t.note}` : ''}`)
    .join('\n');

/** A key for a city's own statement type, made from its title. */
export function typeKeyFromTitle(title: string): string {
  const key = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
  return key === '' ? 'city-template' : `city-${key}`;
}
