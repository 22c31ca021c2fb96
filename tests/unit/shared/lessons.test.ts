import { describe, expect, it } from 'vitest';

import { validateLesson } from '@shared/domain/lessons';

describe('lessons learned', () => {
  it('keeps a strength as text only', () => {
    expect(validateLesson({ kind: 'strength', text: '  Call tree reached every faith leader within 40 minutes ', owner: 'x', dueDate: '2027-01-01' })).toEqual({
      ok: true,
      value: { kind: 'strength', text: 'Call tree reached every faith leader within 40 minutes', owner: null, dueDate: null },
    });
  });

  it('asks a corrective action for an owner and a due date', () => {
    const r = validateLesson({ kind: 'corrective-action', text: 'Update the radio call signs', owner: ' ', dueDate: '' });
    expect(r).toEqual({ ok: false, error: { owner: 'Name who owns this action.', dueDate: 'Give the date it is due.' } });
    expect(validateLesson({ kind: 'corrective-action', text: 'Update the radio call signs', owner: 'Emergency manager', dueDate: '2027-02-01' }).ok).toBe(true);
  });

  it('refuses an empty lesson', () => {
    expect(validateLesson({ kind: 'improvement', text: '   ', owner: '', dueDate: '' })).toEqual({ ok: false, error: { text: 'Write the lesson in a sentence or two.' } });
  });
});
