import { EventEmitter } from 'node:events';

import { describe, expect, it, vi } from 'vitest';

import type { BrowserWindowConstructorOptions } from 'electron';

import { createMainWindow, mainWindowOptions } from '@main/windows/mainWindow';

import { FakeWebContents } from './fakeWebContents';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it('sandboxes the renderer and isolates the preload world', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
  });

  it('gives the page and its workers no Node', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews off', () => {
    expect(prefs.webSecurity).toBeUndefined();
    expect(prefs.allowRunningInsecureContent).toBeUndefined();
    expect(prefs.experimentalFeatures).toBeUndefined();
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('enables no Blink feature, in the window or anywhere in the main process', async () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.experimentalFeatures).toBeUndefined();
    const { readdir, readFile } = await import('node:fs/promises');
    const sources = (await readdir('src-main', { recursive: true })).filter((f) => f.endsWith('.ts'));
    for (const file of sources) {
      const text = await readFile(`src-main/${file}`, 'utf8');
      expect(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''), file).not.toMatch(
        /enableBlinkFeatures|experimentalFeatures:\s*true|--enable-blink-features/,
      );
    }
  });

  it('opens the developer tools only when asked to (development runs)', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('loads the given preload and spellchecks', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.spellcheck).toBe(true);
  });

  it('opens hidden, titled, at a working size', () => {
    expect(options).toMatchObject({
      show: false,
      title: 'Response Desk',
      width: 1280,
      height: 860,
      minWidth: 900,
      minHeight: 600,
    });
  });
});

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly show = vi.fn();
  readonly loadURL = vi.fn((url: string) => (url === '' ? Promise.reject(new Error('empty')) : Promise.resolve()));
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
}

describe('createMainWindow', () => {
  const log = { warn: vi.fn(), error: vi.fn() };

  it('builds the window from mainWindowOptions and loads the desk', () => {
    const window = createMainWindow({ createWindow: (o) => new FakeWindow(o), preloadPath: '/p.cjs', log });
    expect(window.options).toEqual(mainWindowOptions('/p.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://desk/index.html');
  });

  it('hardens the web contents before the page loads', () => {
    const window = createMainWindow({ createWindow: (o) => new FakeWindow(o), preloadPath: '/p.cjs', log });
    expect(window.webContents.windowOpenHandler).toBeDefined();
    expect(window.webContents.navigate('will-navigate', 'https://example.com/').prevented).toBe(true);
  });

  it('shows the window only once it is ready to show', () => {
    const window = createMainWindow({ createWindow: (o) => new FakeWindow(o), preloadPath: '/p.cjs', log });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
