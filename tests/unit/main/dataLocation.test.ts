import { describe, expect, it } from 'vitest';

import { DB_NAME } from '@renderer/db/database';
import { BROWSER_EDITION_FOLDER, PRODUCT_NAME, userDataFolder } from '@main/paths';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, APP_START_URL } from '@main/security/trustedUrl';
import { DEFAULT_PORT, LOOPBACK } from '@main/web/webHost';

// FORMAT: a city's data is found by these names. IndexedDB keys a database by origin and name,
// and Electron keeps it in the data folder named after the product: a release that changed any
// of them would open an empty desk over the city's records. Change them only with a migration.
describe('where the desk finds its data', () => {
  it('keeps the database name', () => {
    expect(DB_NAME).toBe('response-desk');
  });

  it("keeps the desktop app's origin", () => {
    expect([APP_SCHEME, APP_HOST, APP_ORIGIN, APP_START_URL]).toEqual([
      'app',
      'desk',
      'app://desk',
      'app://desk/index.html',
    ]);
  });

  it('keeps the data folder name', () => {
    expect(PRODUCT_NAME).toBe('Response Desk');
    expect(userDataFolder('/home/ana/.config', {})).toBe('/home/ana/.config/Response Desk');
  });

  it("keeps the browser edition's default address, whose profile holds its data", () => {
    expect(DEFAULT_PORT).toBe(5178);
    expect(LOOPBACK).toBe('127.0.0.1');
  });

  it("keeps the browser edition's data folder name", () => {
    expect(BROWSER_EDITION_FOLDER).toBe('Response Desk (browser edition)');
  });
});
