import { describe, expect, it } from 'vitest';

import { APP_START_URL, isAppUrl } from '@main/security/trustedUrl';

describe('isAppUrl', () => {
  it.each([
    'app://desk/',
    'app://desk/index.html',
    'app://desk/index.html#/incident/inc_1/timeline',
    'app://desk/assets/index-D4F6zPXF.js?v=1',
    'app://desk',
    APP_START_URL,
  ])('trusts the desk page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['another app host', 'app://evil/'],
    ['a look-alike host', 'app://desk.evil/'],
    ['a port', 'app://desk:80/'],
    ['credentials', 'app://user@desk/'],
    ['credentials with a password', 'app://user:pw@desk/'],
    ['the desk name only in the path', 'app://evil/app://desk/'],
    ['an empty host', 'app:///index.html'],
    ['a dev server', 'http://localhost:5173/'],
    ['the browser edition', 'http://127.0.0.1:5178/'],
    ['https', 'https://desk/'],
    ['a file', 'file:///home/desk/index.html'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<h1>hi</h1>'],
    ['about:blank', 'about:blank'],
    ['an unparseable string', 'not a url'],
    ['an empty string', ''],
  ])('rejects %s (%s)', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('rejects a missing URL', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
