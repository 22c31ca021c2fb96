import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { appLayout, appRootFromBundle, browserEditionDataFolder, PRODUCT_NAME, userDataFolder } from '@main/paths';

describe('data folder', () => {
  const appData = join('/home', 'desk', '.config');

  it('is always "<appData>/Response Desk"', () => {
    expect(PRODUCT_NAME).toBe('Response Desk');
    expect(userDataFolder(appData, {})).toBe(join(appData, 'Response Desk'));
  });

  it('follows DESK_USER_DATA only in end-to-end runs', () => {
    const temp = resolve('/tmp/desk-e2e-1');
    expect(userDataFolder(appData, { DESK_E2E: '1', DESK_USER_DATA: temp })).toBe(temp);
    expect(userDataFolder(appData, { DESK_USER_DATA: temp })).toBe(join(appData, 'Response Desk'));
    expect(userDataFolder(appData, { DESK_E2E: 'true', DESK_USER_DATA: temp })).toBe(join(appData, 'Response Desk'));
  });

  it('ignores a relative DESK_USER_DATA', () => {
    expect(userDataFolder(appData, { DESK_E2E: '1', DESK_USER_DATA: 'data' })).toBe(join(appData, 'Response Desk'));
  });
});

describe('app layout', () => {
  it('finds the app root two folders above the main bundle', () => {
    const root = resolve('/opt/desk/resources/app.asar');
    expect(appRootFromBundle(join(root, 'out', 'main'))).toBe(root);
    expect(appLayout(root)).toEqual({
      rendererRoot: join(root, 'out', 'renderer'),
      preloadPath: join(root, 'out', 'preload', 'index.cjs'),
    });
  });
});

describe("the browser edition's data folder", () => {
  it("sits beside the desktop app's, under its own name, on each system", () => {
    expect(browserEditionDataFolder('linux', {}, '/home/ana')).toBe(
      '/home/ana/.config/Response Desk (browser edition)',
    );
    expect(browserEditionDataFolder('linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/home/ana')).toBe(
      '/srv/conf/Response Desk (browser edition)',
    );
    expect(browserEditionDataFolder('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Response Desk (browser edition)',
    );
    expect(browserEditionDataFolder('win32', { APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'C:/Users/ana')).toBe(
      'C:/Users/ana/AppData/Roaming/Response Desk (browser edition)',
    );
    expect(browserEditionDataFolder('linux', {}, '/home/ana')).not.toBe(userDataFolder('/home/ana/.config', {}));
  });

  it('follows an absolute DESK_DATA_DIR, and ignores a relative one', () => {
    expect(browserEditionDataFolder('linux', { DESK_DATA_DIR: '/tmp/desk-e2e-7' }, '/home/ana')).toBe(
      '/tmp/desk-e2e-7',
    );
    expect(browserEditionDataFolder('linux', { DESK_DATA_DIR: 'data' }, '/home/ana')).toBe(
      '/home/ana/.config/Response Desk (browser edition)',
    );
  });
});
