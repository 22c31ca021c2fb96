import { describe, expect, it } from 'vitest';

import { agreeApart } from '@shared/domain/team/merge';

const template = {
  id: 'stt_holding_en',
  title: 'Initial holding statement',
  body: 'We are aware of an incident at {{place}}.',
  createdAt: 1,
  createdBy: 'Ingrid Berg',
  updatedAt: 1,
  updatedBy: 'Ingrid Berg',
};

describe('changes made apart that agree', () => {
  it('the same content written by two desks, at different times by different people, agrees', () => {
    expect(
      agreeApart(template, { ...template, createdAt: 9, createdBy: 'Ola Nordmann', updatedAt: 9, updatedBy: 'Ola' }),
    ).toBe(true);
    // Field order is not content.
    const { body, ...rest } = template;
    expect(agreeApart(template, { body, ...rest })).toBe(true);
  });

  it('any other field that differs is a conflict', () => {
    expect(agreeApart(template, { ...template, body: `${template.body} Kristiansand kommune` })).toBe(false);
    expect(agreeApart(template, { ...template, revision: 2 })).toBe(false);
  });

  it('both removed agrees; removed on one and written on the other does not', () => {
    expect(agreeApart(undefined, null)).toBe(true);
    expect(agreeApart(null, null)).toBe(true);
    expect(agreeApart(undefined, template)).toBe(false);
    expect(agreeApart(template, null)).toBe(false);
  });
});
