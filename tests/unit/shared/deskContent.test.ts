import { describe, expect, it } from 'vitest';

import { deskContent } from '@shared/content';
import { seedGlossaryRow, seedTemplateRows } from '@shared/domain/statements/templates';

import { actor } from '../../factories/incident';

describe('the content the desk ships, by language', () => {
  it('seeds the statement templates and the glossary from the content module', () => {
    const content = deskContent('en');
    expect(seedTemplateRows(actor()).map((t) => t.title)).toEqual(content.statementTemplates.map((t) => t.title));
    expect(seedTemplateRows(actor())[0]).toMatchObject({ title: 'Initial holding statement', language: 'en' });
    expect(seedGlossaryRow(actor()).terms).toEqual(content.glossary);
  });

  it('gives a desk in a language with no content of its own the complete English plan and templates', () => {
    expect(deskContent('nb')).toBe(deskContent('en'));
    expect(deskContent('nb').checklists.templates.map((t) => t.templateKey)).toContain('guide-immediate');
  });
});
