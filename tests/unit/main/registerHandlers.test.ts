import { describe, expect, it, vi } from 'vitest';

import { CHANNELS } from '@shared/ipc/channels';
import { ipcContract } from '@shared/ipc/contract';

import { HandlerError } from '@main/ipc/handlerError';
import { registerIpcHandlers, type IpcHandlers, type InvokeEventLike } from '@main/ipc/registerHandlers';
import { isAppUrl } from '@main/security/trustedUrl';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

const APP_FRAME: InvokeEventLike = { senderFrame: { url: 'app://desk/index.html#/incident/inc_1/timeline' } };
const validSave = {
  suggestedName: 'timeline.csv',
  content: 'a,b\n',
  encoding: 'utf8',
  filters: [{ name: 'CSV', extensions: ['csv'] }],
};

/** A desk outside any team: every team channel answers with that status. */
function teamHandlers() {
  const none = () => Promise.resolve({ state: 'none' as const, unavailable: null });
  return {
    [CHANNELS.teamStatus]: vi.fn(none),
    [CHANNELS.teamCreate]: vi.fn(none),
    [CHANNELS.teamJoin]: vi.fn(none),
    [CHANNELS.teamInvitation]: vi.fn(() => Promise.resolve({ text: '{}' })),
    [CHANNELS.teamAdmit]: vi.fn(none),
    [CHANNELS.teamRevoke]: vi.fn(none),
    [CHANNELS.teamStartSharing]: vi.fn(none),
    [CHANNELS.teamStopSharing]: vi.fn(none),
    [CHANNELS.teamAddPeer]: vi.fn(none),
    [CHANNELS.teamSyncFolder]: vi.fn(() => Promise.resolve({ report: null })),
    [CHANNELS.teamHeads]: vi.fn(() => Promise.resolve({ own: [], cores: [] })),
    [CHANNELS.teamPublish]: vi.fn(() => Promise.resolve({ appended: 0 })),
    [CHANNELS.teamRead]: vi.fn(() => Promise.resolve({ entries: [] })),
  };
}

function setUp(overrides: Partial<IpcHandlers> = {}) {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) };
  const handlers: IpcHandlers = {
    [CHANNELS.getAppInfo]: vi.fn(() =>
      Promise.resolve({
        name: 'Response Desk',
        version: '0.1.0',
        dataDir: '/data',
        freeDiskBytes: null,
        platform: 'linux',
      }),
    ),
    [CHANNELS.saveFile]: vi.fn(() => Promise.resolve({ savedTo: '/tmp/timeline.csv' })),
    [CHANNELS.openFile]: vi.fn(() => Promise.resolve({ file: null })),
    [CHANNELS.writeAutoBackup]: vi.fn(() =>
      Promise.resolve({
        written: { name: 'auto-20261124-065501-123.json', createdAt: 0, size: 2, datedAhead: false },
        removed: [],
      }),
    ),
    [CHANNELS.getBackupPolicy]: vi.fn(() => Promise.resolve({ keepLast: 12, keepDailyForDays: 30, encrypted: false })),
    [CHANNELS.setBackupPolicy]: vi.fn((policy: { keepLast: number; keepDailyForDays: number; encrypted: boolean }) =>
      Promise.resolve(policy),
    ),
    [CHANNELS.listBackups]: vi.fn(() => Promise.resolve({ folder: '/data/backups', backups: [] })),
    [CHANNELS.readBackup]: vi.fn(() => Promise.resolve({ text: '{}' })),
    [CHANNELS.savePdf]: vi.fn(() => Promise.resolve({ savedTo: null })),
    [CHANNELS.savePackage]: vi.fn(() => Promise.resolve({ savedTo: null })),
    [CHANNELS.getStoredPassphrase]: vi.fn(() =>
      Promise.resolve({ available: false, reason: 'no store', passphrase: null, problem: null }),
    ),
    [CHANNELS.rememberPassphrase]: vi.fn(() => Promise.resolve({ remembered: true as const })),
    [CHANNELS.forgetPassphrase]: vi.fn(() => Promise.resolve({ forgotten: false })),
    ...teamHandlers(),
    ...overrides,
  };
  const log = { warn: vi.fn(), error: vi.fn() };
  registerIpcHandlers({ ipcMain, isTrustedSender: isAppUrl, handlers, log });
  const call = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no listener for ${channel}`);
    return listener(event, ...args);
  };
  return { listeners, handlers, log, call };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    const { listeners } = setUp();
    expect([...listeners.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://example.com/' } }],
    ['a file page', { senderFrame: { url: 'file:///etc/passwd' } }],
    ['a look-alike host', { senderFrame: { url: 'app://desk.evil/' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ])('refuses a call from %s as forbidden, without running the handler', async (_label, event: InvokeEventLike) => {
    const { call, handlers, log } = setUp();
    const reply = await call(CHANNELS.saveFile, event, validSave);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers[CHANNELS.saveFile]).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });

  it('refuses a path as a suggested name, naming the field', async () => {
    const { call, handlers } = setUp();
    const reply = await call(CHANNELS.saveFile, APP_FRAME, { ...validSave, suggestedName: '../etc/passwd' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'suggestedName: must be a file name, not a path' },
    });
    expect(handlers[CHANNELS.saveFile]).not.toHaveBeenCalled();
  });

  it('refuses a request with missing fields, naming each one', async () => {
    const { call } = setUp();
    const reply = (await call(CHANNELS.openFile, APP_FRAME, { filters: [] })) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('invalid-request');
    expect(reply.error.message).toContain('maxBytes');
  });

  it('refuses a payload that is not an object at all', async () => {
    const { call } = setUp();
    expect(await call(CHANNELS.saveFile, APP_FRAME, 'rm -rf /')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('passes the parsed request to the handler and wraps its reply', async () => {
    const { call, handlers } = setUp();
    const reply = await call(CHANNELS.saveFile, APP_FRAME, validSave);
    expect(reply).toEqual({ ok: true, value: { savedTo: '/tmp/timeline.csv' } });
    expect(handlers[CHANNELS.saveFile]).toHaveBeenCalledWith(validSave, undefined);
  });

  it('answers app:get-info, whose request is empty', async () => {
    const { call } = setUp();
    expect(await call(CHANNELS.getAppInfo, APP_FRAME, undefined)).toMatchObject({
      ok: true,
      value: { name: 'Response Desk' },
    });
  });

  it('turns a handler error with a code into that error, in its words', async () => {
    const { call } = setUp({
      [CHANNELS.openFile]: () =>
        Promise.reject(new HandlerError('too-large', '"log.csv" is 3 MB; the desk opens files up to 2 MB.')),
    });
    expect(await call(CHANNELS.openFile, APP_FRAME, { filters: [], maxBytes: 10 })).toEqual({
      ok: false,
      error: { code: 'too-large', message: '"log.csv" is 3 MB; the desk opens files up to 2 MB.' },
    });
  });

  it('turns a file-system error into io-failed', async () => {
    const { call } = setUp({
      [CHANNELS.openFile]: () =>
        Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
    });
    expect(await call(CHANNELS.openFile, APP_FRAME, { filters: [], maxBytes: 10 })).toMatchObject({
      ok: false,
      error: { code: 'io-failed' },
    });
  });

  it('turns any other throw into an internal error result instead of throwing across IPC', async () => {
    const { call, log } = setUp({ [CHANNELS.saveFile]: () => Promise.reject(new TypeError('boom')) });
    const reply = call(CHANNELS.saveFile, APP_FRAME, validSave);
    await expect(reply).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong in the desktop app: boom' },
    });
    expect(log.error).toHaveBeenCalled();
  });

  it('survives a handler that throws synchronously', async () => {
    const { call } = setUp({
      [CHANNELS.saveFile]: () => {
        throw new Error('sync boom');
      },
    });
    await expect(call(CHANNELS.saveFile, APP_FRAME, validSave)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('refuses to send a reply that breaks the contract', async () => {
    const { call } = setUp({
      [CHANNELS.saveFile]: () => Promise.resolve({ savedTo: 42 } as unknown as { savedTo: string }),
    });
    expect(await call(CHANNELS.saveFile, APP_FRAME, validSave)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
