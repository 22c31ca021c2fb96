import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { EntryContent } from '@shared/schemas/timeline';

import { QuickEntryBar } from '../../../src-renderer/features/timeline/QuickEntryBar';
import { makeIncident, T0 } from '../../factories/incident';

/** Writes the test lets finish when it chooses, as a slow disk would; `problem` null means written. */
function pendingWrites() {
  const calls: { content: EntryContent; finish: (problem: string | null) => void }[] = [];
  const onLog = vi.fn(
    (content: EntryContent) => new Promise<string | null>((finish) => calls.push({ content, finish })),
  );
  const finish = (index: number, problem: string | null) =>
    act(async () => {
      calls[index]!.finish(problem);
      await Promise.resolve();
    });
  return { calls, onLog, finish };
}

function renderBar(onLog: (content: EntryContent) => Promise<string | null>) {
  render(<QuickEntryBar incident={makeIncident()} now={() => T0} onLog={onLog} onDetails={() => undefined} />);
  return screen.getByRole('textbox', { name: 'Log an entry' });
}

describe('the quick entry line', () => {
  it('clears on Enter before the write lands, so the next line can be typed at once', async () => {
    const user = userEvent.setup();
    const { calls, onLog, finish } = pendingWrites();
    const field = renderBar(onLog);
    await user.type(field, '14:05 Police close Main St #traffic @police{Enter}');
    expect(field).toHaveProperty('value', '');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.content.title).toBe('Police close Main St');
    expect(calls[0]!.content.tags).toEqual(['traffic']);
    await finish(0, null);
    expect(field).toHaveProperty('value', '');
    expect(screen.getByRole('status').textContent).toBe('Logged: Police close Main St');
  });

  it('puts a line that failed to be written back in the field, with the reason', async () => {
    const user = userEvent.setup();
    const { onLog, finish } = pendingWrites();
    const field = renderBar(onLog);
    await user.type(field, 'Road closed at the bridge{Enter}');
    expect(field).toHaveProperty('value', '');
    await finish(0, 'The disk is full.');
    expect(field).toHaveProperty('value', 'Road closed at the bridge');
    expect(screen.getByText('The disk is full. (“Road closed at the bridge”)')).toBeTruthy();
  });

  it('keeps what was typed meanwhile when the earlier line fails', async () => {
    const user = userEvent.setup();
    const { onLog, finish } = pendingWrites();
    const field = renderBar(onLog);
    await user.type(field, 'Road closed at the bridge{Enter}');
    await user.type(field, 'Second ambulance arrives');
    await finish(0, 'The disk is full.');
    expect(field).toHaveProperty('value', 'Second ambulance arrives');
    // The lost line is still named, so nothing is dropped without a word.
    expect(screen.getByText('The disk is full. (“Road closed at the bridge”)')).toBeTruthy();
  });

  it('writes nothing for a line it cannot read, and says why', async () => {
    const user = userEvent.setup();
    const { onLog } = pendingWrites();
    const field = renderBar(onLog);
    await user.type(field, '25:99{Enter}');
    expect(onLog).not.toHaveBeenCalled();
    expect(field).toHaveProperty('value', '25:99');
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });
});
