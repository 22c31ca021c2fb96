import { format } from '@shared/i18n/format';
import type { SaveFileResponse } from '@shared/ipc/contract';

import { HandlerError } from '../ipc/handlerError';
import type { SenderLike } from '../ipc/registerHandlers';
import type { SaveDialogRequest } from './fileService';

export type PdfServiceDeps = {
  showSaveDialog: (request: SaveDialogRequest) => Promise<string | null>;
  writeFileAtomic: (path: string, data: Uint8Array | string) => Promise<void>;
};

/**
 * Prints the asking page (the after-action report, a call sheet) to PDF with Chromium's own
 * print engine, so the PDF is exactly the print view; then saves it where the person chooses,
 * atomically, never over a file without the dialog's confirmation.
 */
export function createPdfService(deps: PdfServiceDeps) {
  return {
    async save(
      request: { suggestedName: string; title?: string | undefined; landscape?: boolean | undefined },
      sender: SenderLike | undefined,
    ): Promise<SaveFileResponse> {
      if (!sender) throw new HandlerError('internal', format('files.error.nothingToPrint'));
      const pdf = await sender.printToPDF({
        printBackground: true,
        pageSize: 'A4',
        landscape: request.landscape ?? false,
        generateDocumentOutline: true,
      });
      const path = await deps.showSaveDialog({
        suggestedName: request.suggestedName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        title: request.title,
      });
      if (path === null) return { savedTo: null };
      await deps.writeFileAtomic(path, pdf);
      return { savedTo: path };
    },
  };
}
