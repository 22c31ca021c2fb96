import { describe, expect, it, vi } from 'vitest';

import type { BrowserWindow } from 'electron';

import { createDialogAdapter } from '@main/adapters/dialogs';

const CSV = [{ name: 'CSV', extensions: ['csv'] }];
const parent = { id: 1 } as unknown as BrowserWindow;

function fakeDialog(save: { canceled: boolean; filePath: string }, open: { canceled: boolean; filePaths: string[] }) {
  return {
    showSaveDialog: vi.fn(() => Promise.resolve(save)),
    showOpenDialog: vi.fn(() => Promise.resolve(open)),
  };
}

describe('dialog adapter', () => {
  it('opens the save dialog on the main window, asking before it replaces a file', async () => {
    const dialog = fakeDialog(
      { canceled: false, filePath: '/home/desk/timeline.csv' },
      { canceled: true, filePaths: [] },
    );
    const path = await createDialogAdapter(dialog, () => parent).showSaveDialog({
      suggestedName: 'timeline.csv',
      filters: CSV,
      title: 'Export',
    });
    expect(path).toBe('/home/desk/timeline.csv');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(parent, {
      title: 'Export',
      defaultPath: 'timeline.csv',
      filters: CSV,
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
  });

  it('answers null when the save dialog is cancelled', async () => {
    const dialog = fakeDialog({ canceled: true, filePath: '' }, { canceled: true, filePaths: [] });
    expect(
      await createDialogAdapter(dialog, () => null).showSaveDialog({ suggestedName: 'x.csv', filters: [] }),
    ).toBeNull();
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.not.objectContaining({ title: expect.anything() as unknown }),
    );
  });

  it('opens one file and answers its path, or null when cancelled', async () => {
    const chosen = fakeDialog({ canceled: true, filePath: '' }, { canceled: false, filePaths: ['/home/desk/log.csv'] });
    expect(await createDialogAdapter(chosen, () => parent).showOpenDialog({ filters: CSV })).toBe('/home/desk/log.csv');
    expect(chosen.showOpenDialog).toHaveBeenCalledWith(parent, { filters: CSV, properties: ['openFile'] });

    const cancelled = fakeDialog({ canceled: true, filePath: '' }, { canceled: true, filePaths: [] });
    expect(await createDialogAdapter(cancelled, () => parent).showOpenDialog({ filters: CSV })).toBeNull();
  });
});
