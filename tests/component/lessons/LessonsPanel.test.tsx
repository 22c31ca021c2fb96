import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';

import type { Repos } from '../../../src-renderer/db/repos';
import { LessonsPanel } from '../../../src-renderer/features/export/LessonsPanel';
import { actor, makeDraft as makeIncidentDraft } from '../../factories/incident';
import { deskSettings, fakeDesk } from '../fakeDesk';

/** A desk whose next lesson write waits until the test lets it land, or fails. */
async function deskWithSlowWrites() {
  const real = fakeDesk();
  const writes: { land: () => void; fail: (reason: string) => void }[] = [];
  const add: Repos['lessons']['add'] = (...args) =>
    new Promise((resolve, reject) => {
      writes.push({ land: () => resolve(real.repos.lessons.add(...args)), fail: (reason) => reject(new Error(reason)) });
    });
  const desk = fakeDesk.around(real, { repos: { ...real.repos, lessons: { ...real.repos.lessons, add } } });
  const fields = validateIncidentDraft(makeIncidentDraft());
  if (!fields.ok) throw new Error('incident draft');
  const incident = await real.repos.incidents.create(fields.value, actor());
  render(<desk.Provider><LessonsPanel incident={incident} settings={deskSettings} /></desk.Provider>);
  return { writes, lessonField: () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Lesson' }) };
}

describe('writing lessons', () => {
  it('keeps the next lesson being typed while the previous one is written', async () => {
    const user = userEvent.setup();
    const { writes, lessonField } = await deskWithSlowWrites();
    await user.type(lessonField(), 'Call tree reached every department head within the hour');
    await user.click(screen.getByRole('button', { name: 'Add lesson' }));
    expect(lessonField().value).toBe('');
    await user.type(lessonField(), 'Interpreters were on site by the evening');
    writes[0]!.land();
    await screen.findByText('Call tree reached every department head within the hour');
    expect(lessonField().value).toBe('Interpreters were on site by the evening');
  });

  it('puts a lesson whose write failed back in the form, with the reason', async () => {
    const user = userEvent.setup();
    const { writes, lessonField } = await deskWithSlowWrites();
    await user.type(lessonField(), 'Call tree reached every department head within the hour');
    await user.click(screen.getByRole('button', { name: 'Add lesson' }));
    expect(lessonField().value).toBe('');
    writes[0]!.fail('The disk is full.');
    await waitFor(() => expect(lessonField().value).toBe('Call tree reached every department head within the hour'));
    expect(screen.getByText(/Not saved: .*The disk is full\./)).toBeTruthy();
  });

  it('does not overwrite the next lesson with a failed one', async () => {
    const user = userEvent.setup();
    const { writes, lessonField } = await deskWithSlowWrites();
    await user.type(lessonField(), 'Call tree reached every department head within the hour');
    await user.click(screen.getByRole('button', { name: 'Add lesson' }));
    await user.type(lessonField(), 'Interpreters were on site by the evening');
    writes[0]!.fail('The disk is full.');
    await screen.findByText(/Not saved: .*The disk is full\./);
    expect(lessonField().value).toBe('Interpreters were on site by the evening');
  });
});
