import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';

import type { OpenDialogRequest, SaveDialogRequest } from '../services/fileService';

/** The two Electron dialog calls the desk uses. */
export type DialogApi = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;

/** The dialogs the file service receives: a chosen path, or null when cancelled. */
export type DialogAdapter = {
  showSaveDialog: (request: SaveDialogRequest) => Promise<string | null>;
  showOpenDialog: (request: OpenDialogRequest) => Promise<string | null>;
};

const withTitle = (title: string | undefined): { title?: string } => (title === undefined ? {} : { title });

/**
 * Thin wrapper over Electron's `dialog`: modal to the main window when there is one, so the
 * dialog cannot get lost behind the desk.
 */
export function createDialogAdapter(dialog: DialogApi, getParentWindow: () => BrowserWindow | null): DialogAdapter {
  return {
    async showSaveDialog(request) {
      const options: SaveDialogOptions = {
        ...withTitle(request.title),
        defaultPath: request.suggestedName,
        filters: request.filters,
        // SECURITY: the person confirms replacing an existing file; Linux dialogs only ask when told to.
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const parent = getParentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },

    async showOpenDialog(request) {
      const options: OpenDialogOptions = {
        ...withTitle(request.title),
        filters: request.filters,
        properties: ['openFile'],
      };
      const parent = getParentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/** Asks the person for a folder (a USB stick): its path, or null when cancelled. */
export type FolderChooser = (title: string) => Promise<string | null>;

export function createFolderChooser(dialog: DialogApi, getParentWindow: () => BrowserWindow | null): FolderChooser {
  return async (title) => {
    const options: OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
    const parent = getParentWindow();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
