import { describe, expect, it } from 'vitest';

import { currentLessons, isLessonExported, validateLesson } from '@shared/domain/lessons';

const draft = { owner: '', dueDate: '', answers: '' };

describe('lessons learned', () => {
  it('keeps a strength as text only', () => {
    expect(
      validateLesson({
        ...draft,
        kind: 'strength',
        text: '  Call tree reached every faith leader within 40 minutes ',
        owner: 'x',
        dueDate: '2027-01-01',
      }),
    ).toEqual({
      ok: true,
      value: {
        kind: 'strength',
        text: 'Call tree reached every faith leader within 40 minutes',
        owner: null,
        dueDate: null,
        answers: null,
      },
    });
  });

  it('asks a corrective action for an owner, a due date and the area for improvement it answers', () => {
    const r = validateLesson(
      { kind: 'corrective-action', text: 'Update the radio call signs', owner: ' ', dueDate: '', answers: '' },
      ['les_1'],
    );
    expect(r).toEqual({
      ok: false,
      error: {
        owner: 'Name who owns this action.',
        dueDate: 'Give the date it is due.',
        answers: 'Choose the area for improvement this action answers.',
      },
    });
    const complete = {
      kind: 'corrective-action',
      text: 'Update the radio call signs',
      owner: 'Emergency manager',
      dueDate: '2027-02-01',
      answers: 'les_1',
    } as const;
    expect(validateLesson(complete, ['les_1'])).toEqual({ ok: true, value: complete });
    expect(validateLesson({ ...complete, answers: '' }, [])).toMatchObject({
      ok: false,
      error: { answers: 'Write down the area for improvement first: a corrective action answers one.' },
    });
  });

  it('refuses an empty lesson', () => {
    expect(validateLesson({ ...draft, kind: 'improvement', text: '   ' })).toEqual({
      ok: false,
      error: { text: 'Write the lesson in a sentence or two.' },
    });
  });

  it('fixes the wording of a lesson that existed when a record was exported, and shows its newest version', () => {
    expect(isLessonExported({ createdAt: 100 }, null)).toBe(false);
    expect(isLessonExported({ createdAt: 100 }, 200)).toBe(true);
    expect(isLessonExported({ createdAt: 300 }, 200)).toBe(false);
    expect(
      currentLessons([{ id: 'a', supersedes: null }, { id: 'b', supersedes: 'a' }, { id: 'c' }]).map((l) => l.id),
    ).toEqual(['b', 'c']);
  });
});
