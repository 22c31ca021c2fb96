import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';

import { HandlerError } from '@main/ipc/handlerError';
import { createPackageService } from '@main/services/packageService';
import { decryptWithPassphrase, encryptWithPassphrase } from '@shared/domain/encryption/passphrase';
import { CHANNELS } from '@shared/ipc/channels';
import { ipcContract } from '@shared/ipc/contract';

import { makeSmallPackage } from '../../factories/exportPackage';

describe('saving an export package through main', () => {
  it('checks every file against the manifest, then writes the zip atomically where the person chooses', async () => {
    const zip = await makeSmallPackage('council');
    const writeFileAtomic = vi.fn(() => Promise.resolve());
    const showSaveDialog = vi.fn(() => Promise.resolve('/home/ingrid/record.zip'));
    const service = createPackageService({ showSaveDialog, writeFileAtomic });
    expect(await service.save({ suggestedName: 'record.zip', zip })).toEqual({ savedTo: '/home/ingrid/record.zip' });
    expect(showSaveDialog).toHaveBeenCalledWith({
      suggestedName: 'record.zip',
      filters: [{ name: 'Export package (zip)', extensions: ['zip'] }],
      title: undefined,
    });
    expect(writeFileAtomic).toHaveBeenCalledWith('/home/ingrid/record.zip', zip);
  });

  it('refuses a package whose file no longer matches its manifest, before any dialog, naming the file', async () => {
    const files = unzipSync(await makeSmallPackage('council'));
    files['r-timeline.csv'] = strToU8('title\r\nSomething else\r\n');
    const showSaveDialog = vi.fn(() => Promise.resolve('/x.zip'));
    const writeFileAtomic = vi.fn(() => Promise.resolve());
    const service = createPackageService({ showSaveDialog, writeFileAtomic });
    const saving = service.save({ suggestedName: 'record.zip', zip: zipSync(files) });
    await expect(saving).rejects.toBeInstanceOf(HandlerError);
    await expect(saving).rejects.toThrow(/r-timeline\.csv: Its SHA-256 does not match the manifest.*nothing was saved/);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(writeFileAtomic).not.toHaveBeenCalled();
  });

  it('refuses bytes that are not a zip', async () => {
    const service = createPackageService({
      showSaveDialog: () => Promise.resolve('/x.zip'),
      writeFileAtomic: () => Promise.resolve(),
    });
    await expect(service.save({ suggestedName: 'record.zip', zip: strToU8('hello') })).rejects.toThrow(
      /not a readable zip/,
    );
  });

  it('writes an encrypted package only when it is an age file a passphrase opens, which the age tool then opens to the package', async () => {
    const zip = await makeSmallPackage('council');
    const sealed = await encryptWithPassphrase(zip, 'Candles at the town hall', { workFactor: 10 });
    if (!sealed.ok) throw new Error(sealed.error.code);
    const writeFileAtomic = vi.fn<(path: string, data: Uint8Array) => Promise<void>>(() => Promise.resolve());
    const showSaveDialog = vi.fn(() => Promise.resolve('/home/ingrid/record.zip.age'));
    const service = createPackageService({ showSaveDialog, writeFileAtomic });
    expect(await service.save({ suggestedName: 'record.zip.age', zip: sealed.value })).toEqual({
      savedTo: '/home/ingrid/record.zip.age',
    });
    expect(showSaveDialog).toHaveBeenCalledWith({
      suggestedName: 'record.zip.age',
      filters: [{ name: 'Encrypted export package (age)', extensions: ['age'] }],
      title: undefined,
    });
    const opened = await decryptWithPassphrase(writeFileAtomic.mock.calls[0]![1], 'Candles at the town hall');
    expect(opened.ok && opened.value.plaintext).toEqual(zip);
    // The package in clear under an encrypted name is refused, before any dialog.
    showSaveDialog.mockClear();
    await expect(service.save({ suggestedName: 'record.zip.age', zip })).rejects.toThrow(
      /not an age file encrypted with a passphrase; nothing was saved/,
    );
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('takes only a file name ending in .zip or .zip.age and bytes, as the contract says', () => {
    expect(
      ipcContract[CHANNELS.savePackage].request.safeParse({ suggestedName: 'record.zip.age', zip: new Uint8Array([1]) })
        .success,
    ).toBe(true);
    expect(
      ipcContract[CHANNELS.savePackage].request.safeParse({ suggestedName: 'record.age', zip: new Uint8Array([1]) })
        .success,
    ).toBe(false);
    const request = ipcContract[CHANNELS.savePackage].request;
    expect(request.safeParse({ suggestedName: 'record.zip', zip: new Uint8Array([1]) }).success).toBe(true);
    expect(request.safeParse({ suggestedName: '../record.zip', zip: new Uint8Array([1]) }).success).toBe(false);
    expect(request.safeParse({ suggestedName: 'record.exe', zip: new Uint8Array([1]) }).success).toBe(false);
    expect(request.safeParse({ suggestedName: 'record.zip', zip: 'UEsDBA==' }).success).toBe(false);
  });
});
