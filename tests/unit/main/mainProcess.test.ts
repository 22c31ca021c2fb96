import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { CHANNELS } from '@shared/ipc/channels';

import { FakeWebContents } from './fakeWebContents';

// The Electron binary cannot run here, so this drives src-main/index.ts against a recording fake
// of the `electron` module: the wiring (order of calls, handlers installed) is what is under test.
const electron = vi.hoisted(() => {
  const calls: string[] = [];
  const state = {
    calls,
    name: 'Electron',
    paths: new Map<string, string>([['appData', '/home/desk/.config']]),
    lock: true,
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    protocolHandler: undefined as undefined | ((request: { url: string }) => Promise<Response>),
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    windows: [] as unknown[],
    permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
    packaged: false,
    menu: undefined as undefined | { template: { label?: string; submenu?: { role?: string }[] }[] },
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { FakeWebContents: Contents } = await import('./fakeWebContents');
  class BrowserWindow extends Emitter {
    readonly webContents = new Contents();
    minimized = true;
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn(() => {
      this.minimized = false;
    });
    constructor(readonly options: unknown) {
      super();
      electron.calls.push('new BrowserWindow');
      electron.windows.push(this);
    }
    isMinimized() {
      return this.minimized;
    }
    loadURL(url: string) {
      electron.calls.push(`loadURL ${url}`);
      return Promise.resolve();
    }
  }
  const app = {
    setName: (name: string) => {
      electron.calls.push(`setName ${name}`);
      electron.name = name;
    },
    getName: () => electron.name,
    getVersion: () => '0.1.0',
    getPath: (name: string) => electron.paths.get(name) ?? `/unknown/${name}`,
    setPath: (name: string, value: string) => {
      electron.calls.push(`setPath ${name} ${value}`);
      electron.paths.set(name, value);
    },
    enableSandbox: () => electron.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => {
      electron.calls.push('requestSingleInstanceLock');
      return electron.lock;
    },
    quit: () => electron.calls.push('quit'),
    isReady: () => true,
    get isPackaged() {
      return electron.packaged;
    },
    whenReady: () => {
      electron.calls.push('whenReady');
      return Promise.resolve();
    },
    on: (event: string, listener: (...args: unknown[]) => void) => {
      electron.appHandlers.set(event, listener);
    },
  };
  return {
    app,
    BrowserWindow,
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    // No keyring on the build machine: the desk must say it cannot remember the passphrase.
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: typeof electron.menu) => {
        electron.calls.push('setApplicationMenu');
        electron.menu = menu;
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        electron.ipc.set(channel, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        electron.calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
        electron.calls.push(`protocol.handle ${scheme}`);
        electron.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
          electron.calls.push('setPermissionRequestHandler');
          electron.permissionRequest = handler;
        },
        setPermissionCheckHandler: () => electron.calls.push('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => electron.calls.push('setDevicePermissionHandler'),
      },
    },
  };
});

type FakeWindow = EventEmitter & {
  webContents: FakeWebContents;
  options: { webPreferences?: { preload?: string; sandbox?: boolean; devTools?: boolean } };
  focus: ReturnType<typeof vi.fn>;
  restore: ReturnType<typeof vi.fn>;
};

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('@main/index');
  // Let start() run past `await app.whenReady()` and its start-up clean-up, to the window (or the quit).
  await vi.waitFor(() => expect(electron.calls.some((c) => c.startsWith('loadURL') || c === 'quit')).toBe(true), {
    timeout: 5000,
  });
}

const indexOf = (prefix: string) => electron.calls.findIndex((c) => c.startsWith(prefix));

beforeEach(() => {
  electron.calls.length = 0;
  electron.name = 'Electron';
  electron.paths = new Map([['appData', '/home/desk/.config']]);
  electron.lock = true;
  electron.appHandlers.clear();
  electron.ipc.clear();
  electron.windows.length = 0;
  electron.protocolHandler = undefined;
  electron.packaged = false;
  electron.menu = undefined;
  vi.unstubAllEnvs();
  // The data folder of these runs does not exist: the start-up clean-up finds nothing to do.
  electron.paths = new Map([['appData', join(tmpdir(), `desk-main-${process.pid}-${Date.now()}`)]]);
  // Refusals are logged by design; keep the test output readable.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('main process wiring', () => {
  it('names the app and fixes its data folder before anything else, then takes the lock', async () => {
    await startMain();
    expect(electron.calls[0]).toBe('setName Response Desk');
    expect(electron.calls[1]).toBe(`setPath userData ${join(electron.paths.get('appData') ?? '', 'Response Desk')}`);
    expect(indexOf('requestSingleInstanceLock')).toBeGreaterThan(1);
  });

  it('uses the end-to-end data folder only when DESK_E2E=1', async () => {
    vi.stubEnv('DESK_E2E', '1');
    vi.stubEnv('DESK_USER_DATA', '/tmp/desk-e2e-7');
    await startMain();
    expect(electron.paths.get('userData')).toBe('/tmp/desk-e2e-7');
  });

  it('registers app:// as a privileged standard, secure scheme before ready, and serves it after', async () => {
    await startMain();
    const register = electron.calls[indexOf('registerSchemesAsPrivileged')];
    expect(JSON.parse(register?.slice('registerSchemesAsPrivileged '.length) ?? 'null')).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(indexOf('registerSchemesAsPrivileged')).toBeLessThan(indexOf('whenReady'));
    expect(indexOf('protocol.handle app')).toBeGreaterThan(indexOf('whenReady'));
    const forbidden = await electron.protocolHandler?.({ url: 'app://desk/%2e%2e/%2e%2e/etc/passwd' });
    expect(forbidden?.status).toBe(403);
  });

  it('denies permissions before the first window exists', async () => {
    await startMain();
    expect(indexOf('setPermissionRequestHandler')).toBeLessThan(indexOf('new BrowserWindow'));
    const granted = vi.fn();
    electron.permissionRequest?.({}, 'media', granted, { requestingUrl: 'app://desk/' });
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('answers IPC only from the desk, through the contract', async () => {
    await startMain();
    expect([...electron.ipc.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    const getInfo = electron.ipc.get(CHANNELS.getAppInfo);
    const fromDesk = await getInfo?.({ senderFrame: { url: 'app://desk/index.html' } }, undefined);
    expect(fromDesk).toMatchObject({
      ok: true,
      value: { name: 'Response Desk', version: '0.1.0', dataDir: electron.paths.get('userData') },
    });
    const fromElsewhere = await getInfo?.({ senderFrame: { url: 'https://example.com/' } }, undefined);
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('opens one sandboxed window on the desk page with the bundled preload', async () => {
    await startMain();
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0] as FakeWindow;
    expect(window.options.webPreferences?.sandbox).toBe(true);
    expect(window.options.webPreferences?.preload).toMatch(/out[/\\]preload[/\\]index\.cjs$/);
    expect(electron.calls).toContain('loadURL app://desk/index.html');
  });

  it('turns the sandbox on for every renderer, app-wide, before the app is ready', async () => {
    await startMain();
    expect(indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(indexOf('enableSandbox')).toBeLessThan(indexOf('whenReady'));
  });

  it('sets an application menu with no developer tools or reload in a packaged build, before the window opens', async () => {
    electron.packaged = true;
    await startMain();
    expect(indexOf('setApplicationMenu')).toBeLessThan(indexOf('new BrowserWindow'));
    const roles = (electron.menu?.template ?? []).flatMap((m) => (m.submenu ?? []).map((i) => i.role));
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn']));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect((electron.windows[0] as FakeWindow).options.webPreferences?.devTools).toBe(false);
  });

  it('keeps the developer tools for development runs', async () => {
    await startMain();
    const roles = (electron.menu?.template ?? []).flatMap((m) => (m.submenu ?? []).map((i) => i.role));
    expect(roles).toContain('toggleDevTools');
    expect((electron.windows[0] as FakeWindow).options.webPreferences?.devTools).toBe(true);
  });

  it('hardens every web contents created later', async () => {
    await startMain();
    const contents = new FakeWebContents();
    electron.appHandlers.get('web-contents-created')?.({}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://example.com/').prevented).toBe(true);
  });

  it('brings the existing window back when a second copy is started', async () => {
    await startMain();
    const window = electron.windows[0] as FakeWindow;
    electron.appHandlers.get('second-instance')?.({}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', async () => {
    await startMain();
    electron.appHandlers.get('window-all-closed')?.();
    expect(electron.calls.includes('quit')).toBe(process.platform !== 'darwin');
  });

  it('quits at once, opening nothing, when another copy holds the lock', async () => {
    electron.lock = false;
    await startMain();
    expect(electron.calls).toContain('quit');
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipc.size).toBe(0);
    expect(electron.appHandlers.size).toBe(0);
  });
});
