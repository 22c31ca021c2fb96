import { describe, expect, it } from 'vitest';

import { isKnownPlaceholder, placeholderLabel } from '@shared/domain/statements/placeholderCatalogue';
import {
  describeMalformed,
  escapeTemplateText,
  fillTemplate,
  parseTemplate,
  placeholderNames,
} from '@shared/domain/statements/placeholders';

describe('placeholder parsing', () => {
  it('splits a template into text and named placeholders', () => {
    expect(parseTemplate('Hello {{city}}!')).toEqual([
      { kind: 'text', text: 'Hello ' },
      { kind: 'placeholder', name: 'city', raw: '{{city}}', start: 6 },
      { kind: 'text', text: '!' },
    ]);
  });

  it('reads names without regard to case or spaces inside the braces', () => {
    expect(placeholderNames('{{ City }} and {{INCIDENT_time}}')).toEqual(['city', 'incident_time']);
  });

  it('lists a repeated placeholder once, in order of first appearance', () => {
    expect(placeholderNames('{{city}} {{location}} {{city}} {{city}}')).toEqual(['city', 'location']);
  });

  it('treats \\{{ as literal braces, not a placeholder', () => {
    const segments = parseTemplate('Write \\{{city}} to insert the city.');
    expect(segments).toEqual([{ kind: 'text', text: 'Write {{city}} to insert the city.' }]);
    expect(placeholderNames('Write \\{{city}} here')).toEqual([]);
  });

  it.each([
    ['an unclosed brace', 'Meet at {{venue', 'unclosed'],
    ['a brace closed only on the next line', 'At {{venue\n}}', 'unclosed'],
    ['empty braces', 'At {{ }} today', 'empty'],
    ['a name with a hyphen', 'At {{incident-time}}', 'bad-name'],
    ['a name with spaces', 'At {{incident time}}', 'bad-name'],
  ])('reports %s as malformed and keeps it as written', (_label, body, problem) => {
    const filled = fillTemplate(body, {});
    expect(filled.malformed).toHaveLength(1);
    expect(filled.malformed[0]?.problem).toBe(problem);
    expect(filled.text).toContain('{{');
  });

  it('names the line of a malformed placeholder in words', () => {
    const body = 'First line\nSecond {{venue';
    const m = fillTemplate(body, {}).malformed[0]!;
    expect(describeMalformed(body, m)).toBe(
      'Line 2: “{{” is not closed with }} on the same line. Close it, or write \\{{ for literal braces.',
    );
  });
});

describe('placeholder filling', () => {
  it('fills every occurrence of a repeated placeholder with one value', () => {
    const r = fillTemplate('{{city}} mourns. {{city}} stands together.', { city: 'Kristiansand' });
    expect(r.text).toBe('Kristiansand mourns. Kristiansand stands together.');
    expect(r.unfilled).toEqual([]);
  });

  it('keeps a missing value as its placeholder and lists it once as unfilled', () => {
    const r = fillTemplate('{{mayor_name}} in {{city}}; {{mayor_name}} again', { city: 'Oslo' });
    expect(r.text).toBe('{{mayor_name}} in Oslo; {{mayor_name}} again');
    expect(r.unfilled).toEqual(['mayor_name']);
    expect(r.segments.filter((s) => s.kind === 'unfilled')).toHaveLength(2);
  });

  it('counts a blank value as missing', () => {
    expect(fillTemplate('{{city}}', { city: '   ' }).unfilled).toEqual(['city']);
  });

  it('asks for an unknown placeholder like any other, labelled from its name', () => {
    const r = fillTemplate('Prayers at {{mosque_name}}.', {});
    expect(r.unfilled).toEqual(['mosque_name']);
    expect(isKnownPlaceholder('mosque_name')).toBe(false);
    expect(placeholderLabel('mosque_name')).toBe('Mosque name');
    expect(placeholderLabel('lead_agency')).toBe('Lead agency');
  });

  it('ignores values for placeholders the text does not use', () => {
    expect(fillTemplate('Hello', { city: 'Oslo' })).toMatchObject({ text: 'Hello', unfilled: [] });
  });

  it('never reads a value as a placeholder', () => {
    const r = fillTemplate('Say: {{public_instruction}}', { public_instruction: 'Type {{city}} here', city: 'Oslo' });
    expect(r.text).toBe('Say: Type {{city}} here');
    expect(r.unfilled).toEqual([]);
  });

  it('writes escaped braces as literal braces in the filled text', () => {
    expect(fillTemplate('\\{{city}} is {{city}}', { city: 'Oslo' }).text).toBe('{{city}} is Oslo');
  });

  it('escapes text so that it reads back unchanged as a template', () => {
    const text = 'A literal {{city}} and {{ two }} braces';
    const r = fillTemplate(escapeTemplateText(text), {});
    expect(r.text).toBe(text);
    expect(r.unfilled).toEqual([]);
    expect(r.malformed).toEqual([]);
  });

  it('fills Arabic text around placeholders without touching it', () => {
    const r = fillTemplate('{{city}} تقف صفاً واحداً.', { city: 'كريستيانساند' });
    expect(r.text).toBe('كريستيانساند تقف صفاً واحداً.');
  });
});
