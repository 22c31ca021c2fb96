import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';

import type { UseCases } from '../../../src-renderer/desk/composition';
import { LessonsPanel } from '../../../src-renderer/features/record/LessonsPanel';
import { actor, makeDraft as makeIncidentDraft } from '../../factories/incident';
import { deskSettings, fakeDesk } from '../fakeDesk';
import { written } from '../../support/written';

/** A desk whose next lesson write waits until the test lets it land, or fails. */
async function deskWithSlowWrites() {
  const real = fakeDesk();
  const writes: { land: () => void; fail: (reason: string) => void }[] = [];
  const add: UseCases['lessons']['add'] = (...args) =>
    new Promise((resolve) => {
      writes.push({
        land: () => resolve(real.useCases.lessons.add(...args)),
        fail: (reason) => resolve({ ok: false, error: { code: 'refused', message: reason } }),
      });
    });
  const desk = fakeDesk.around(real, { useCases: { ...real.useCases, lessons: { ...real.useCases.lessons, add } } });
  const fields = validateIncidentDraft(makeIncidentDraft());
  if (!fields.ok) throw new Error('incident draft');
  const incident = await written(real.useCases.incidents.create(fields.value, actor()));
  render(
    <desk.Provider>
      <LessonsPanel incident={incident} settings={deskSettings} />
    </desk.Provider>,
  );
  const lessonField = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Lesson' });
  const user = userEvent.setup();
  /** Types a lesson and adds it; then, if given, starts typing the next one. */
  const addLesson = async (text: string, next?: string) => {
    await user.type(lessonField(), text);
    await user.click(screen.getByRole('button', { name: 'Add lesson' }));
    expect(lessonField().value).toBe('');
    if (next !== undefined) await user.type(lessonField(), next);
  };
  return { writes, lessonField, addLesson };
}

const FIRST = 'Call tree reached every department head within the hour';
const NEXT = 'Interpreters were on site by the evening';

describe('writing lessons', () => {
  it('keeps the next lesson being typed while the previous one is written', async () => {
    const { writes, lessonField, addLesson } = await deskWithSlowWrites();
    await addLesson(FIRST, NEXT);
    writes[0]!.land();
    await screen.findByText(FIRST);
    expect(lessonField().value).toBe(NEXT);
  });

  it('puts a lesson whose write failed back in the form, with the reason', async () => {
    const { writes, lessonField, addLesson } = await deskWithSlowWrites();
    await addLesson(FIRST);
    writes[0]!.fail('The disk is full.');
    await waitFor(() => expect(lessonField().value).toBe(FIRST));
    expect(screen.getByText(/Not saved: .*The disk is full\./)).toBeTruthy();
  });

  it('does not overwrite the next lesson with a failed one', async () => {
    const { writes, lessonField, addLesson } = await deskWithSlowWrites();
    await addLesson(FIRST, NEXT);
    writes[0]!.fail('The disk is full.');
    await screen.findByText(/Not saved: .*The disk is full\./);
    expect(lessonField().value).toBe(NEXT);
  });
});
