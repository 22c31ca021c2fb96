import { describe, expect, it, vi } from 'vitest';

import { handleIpcCall, type IpcHandlers } from '@main/ipc/registerHandlers';
import { isAppUrl } from '@main/security/trustedUrl';
import { createPdfService } from '@main/services/pdfService';
import { CHANNELS } from '@shared/ipc/channels';

const PDF = new TextEncoder().encode('%PDF-1.7 call sheet');

type Printable = { printToPDF: () => Promise<Uint8Array> };

/** Asks main, as the desk's own page does, to save `contents` as a PDF through the PDF service. */
function savePdfFromDesk(
  pdf: ReturnType<typeof createPdfService>,
  contents: Printable,
  request: { suggestedName: string; title?: string },
) {
  const handlers = {
    [CHANNELS.savePdf]: (r: { suggestedName: string; title?: string }, sender: unknown) =>
      pdf.save(r, sender as typeof contents),
  } as unknown as IpcHandlers;
  return handleIpcCall(CHANNELS.savePdf, { senderFrame: { url: 'app://desk/index.html' }, sender: contents }, request, {
    handlers,
    isTrustedSender: isAppUrl,
    log: { warn: vi.fn(), error: vi.fn() },
  });
}

/** The call sheet's "Save as PDF…" goes through the same print channel as the record. */
describe('call sheet as PDF', () => {
  it('prints the page showing the call sheet, through the save dialog, atomically', async () => {
    const contents = { printToPDF: vi.fn(() => Promise.resolve(PDF)) };
    const writeFileAtomic = vi.fn(() => Promise.resolve());
    const showSaveDialog = vi.fn(() => Promise.resolve('/home/ingrid/call-sheet-faith-and-community-leaders.pdf'));
    const pdf = createPdfService({ showSaveDialog, writeFileAtomic });
    const reply = await savePdfFromDesk(pdf, contents, {
      suggestedName: 'call-sheet-faith-and-community-leaders.pdf',
      title: 'Save the call sheet as PDF',
    });
    expect(reply).toEqual({ ok: true, value: { savedTo: '/home/ingrid/call-sheet-faith-and-community-leaders.pdf' } });
    expect(contents.printToPDF).toHaveBeenCalledOnce();
    expect(showSaveDialog).toHaveBeenCalledWith({
      suggestedName: 'call-sheet-faith-and-community-leaders.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      title: 'Save the call sheet as PDF',
    });
    expect(writeFileAtomic).toHaveBeenCalledWith('/home/ingrid/call-sheet-faith-and-community-leaders.pdf', PDF);
  });

  it('refuses a path where a file name is expected, printing nothing', async () => {
    const contents = { printToPDF: vi.fn(() => Promise.resolve(PDF)) };
    const pdf = createPdfService({ showSaveDialog: vi.fn(), writeFileAtomic: vi.fn() });
    const reply = await savePdfFromDesk(pdf, contents, { suggestedName: '../call-sheet.pdf' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(contents.printToPDF).not.toHaveBeenCalled();
  });
});
