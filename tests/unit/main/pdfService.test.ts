import { describe, expect, it, vi } from 'vitest';

import { handleIpcCall, type IpcHandlers } from '@main/ipc/registerHandlers';
import { isAppUrl } from '@main/security/trustedUrl';
import { createPdfService } from '@main/services/pdfService';
import { CHANNELS } from '@shared/ipc/channels';

const PDF = new TextEncoder().encode('%PDF-1.7 fake');

function fakeContents() {
  return { printToPDF: vi.fn(() => Promise.resolve(PDF)) };
}

describe('PDF of the asking page', () => {
  it('prints the sender page with its backgrounds on A4 and saves it where the person chooses', async () => {
    const writeFileAtomic = vi.fn(() => Promise.resolve());
    const showSaveDialog = vi.fn(() => Promise.resolve('/home/ingrid/record.pdf'));
    const contents = fakeContents();
    const service = createPdfService({ showSaveDialog, writeFileAtomic });
    expect(await service.save({ suggestedName: 'after-action.pdf' }, contents)).toEqual({
      savedTo: '/home/ingrid/record.pdf',
    });
    expect(contents.printToPDF).toHaveBeenCalledWith({
      printBackground: true,
      pageSize: 'A4',
      landscape: false,
      generateDocumentOutline: true,
    });
    expect(showSaveDialog).toHaveBeenCalledWith({
      suggestedName: 'after-action.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      title: undefined,
    });
    expect(writeFileAtomic).toHaveBeenCalledWith('/home/ingrid/record.pdf', PDF);
  });

  it('writes nothing when the person cancels the dialog', async () => {
    const writeFileAtomic = vi.fn(() => Promise.resolve());
    const service = createPdfService({ showSaveDialog: () => Promise.resolve(null), writeFileAtomic });
    expect(await service.save({ suggestedName: 'x.pdf' }, fakeContents())).toEqual({ savedTo: null });
    expect(writeFileAtomic).not.toHaveBeenCalled();
  });

  it('reaches the handler through IPC with the sending page, and refuses a path as a name', async () => {
    const contents = fakeContents();
    const service = createPdfService({
      showSaveDialog: () => Promise.resolve('/tmp/a.pdf'),
      writeFileAtomic: () => Promise.resolve(),
    });
    const handlers = {
      [CHANNELS.savePdf]: (r: { suggestedName: string }, sender: unknown) => service.save(r, sender as typeof contents),
    } as unknown as IpcHandlers;
    const deps = { isTrustedSender: isAppUrl, handlers, log: { warn: vi.fn(), error: vi.fn() } };
    const event = { senderFrame: { url: 'app://desk/index.html' }, sender: contents };
    expect(await handleIpcCall(CHANNELS.savePdf, event, { suggestedName: 'record.pdf' }, deps)).toEqual({
      ok: true,
      value: { savedTo: '/tmp/a.pdf' },
    });
    expect(contents.printToPDF).toHaveBeenCalledOnce();
    const refused = await handleIpcCall(CHANNELS.savePdf, event, { suggestedName: '../record.pdf' }, deps);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
