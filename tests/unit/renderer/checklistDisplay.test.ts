import { describe, expect, it } from 'vitest';

import { dueText } from '@renderer/features/checklists/checklistDisplay';

import { T0 } from '../../factories/incident';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const UTC = 'UTC';

describe('when a checklist item falls due, in words', () => {
  it.each([
    [1 * MINUTE, 'in 1 m'],
    [2 * MINUTE, 'in 2 m'],
    [35 * MINUTE, 'in 35 m'],
    [2 * HOUR + 19 * MINUTE, 'in 2 h 19 m'],
  ])('says an item due %i ms from now is due “%s”', (ahead, words) => {
    const due = dueText(T0 + ahead, T0, UTC, false);
    expect(due.text).toMatch(new RegExp(`^Due .+ \\(${words}\\)$`));
    expect(due.tone).toBe('soon');
  });

  it.each([
    [1 * MINUTE, 'Overdue by 1 m'],
    [20 * MINUTE, 'Overdue by 20 m'],
    [3 * HOUR, 'Overdue by 3 h'],
  ])('says an item due %i ms ago is “%s”', (ago, words) => {
    const due = dueText(T0 - ago, T0, UTC, false);
    expect(due.text.startsWith(`${words} (due `)).toBe(true);
    expect(due.tone).toBe('overdue');
  });

  it('says how late a done item was, in the same words', () => {
    const due = dueText(T0, T0 + 3 * HOUR, UTC, true, T0 + 2 * HOUR + 19 * MINUTE);
    expect(due).toEqual({
      text: expect.stringMatching(/^Done 2 h 19 m late \(was due .+\)$/) as unknown,
      tone: 'late',
    });
  });
});
