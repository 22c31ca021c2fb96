import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createAppProtocolHandler, mimeTypeFor, resolveAppRequest } from '@main/security/appProtocol';
import { CONTENT_SECURITY_POLICY } from '@main/security/csp';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'desk-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Response Desk</title>');
  await writeFile(join(root, 'assets', 'index.js'), 'console.log("desk")');
  await writeFile(join(root, 'assets', 'index.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppRequest', () => {
  it.each([
    ['app://desk/', 'index.html'],
    ['app://desk', 'index.html'],
    ['app://desk/index.html#/settings', 'index.html'],
    ['app://desk/assets/index.js?v=2', join('assets', 'index.js')],
    ['app://desk/assets/', join('assets', 'index.html')],
    ['app://desk/assets/my%20logo.svg', join('assets', 'my logo.svg')],
  ])('maps %s to a file under the renderer folder', (url, relative) => {
    expect(resolveAppRequest(root, url)).toEqual({ kind: 'file', filePath: join(root, relative) });
  });

  it.each([
    ['dot-dot segments', 'app://desk/../secret.txt'],
    ['deep dot-dot segments', 'app://desk/assets/../../secret.txt'],
    ['encoded dot-dot', 'app://desk/%2e%2e/secret.txt'],
    ['mixed-case encoded dot-dot', 'app://desk/%2E%2e/%2e%2E/etc/passwd'],
    ['an encoded slash', 'app://desk/..%2fsecret.txt'],
    ['an encoded backslash', 'app://desk/..%5csecret.txt'],
    ['backslashes', 'app://desk/assets\\..\\..\\secret.txt'],
    ['an absolute path', 'app://desk//etc/passwd'],
    ['an encoded absolute path', 'app://desk/%2fetc%2fpasswd'],
    ['a drive letter', 'app://desk/C:/Windows/win.ini'],
    ['a NUL byte', 'app://desk/index.html%00.png'],
    ['malformed encoding', 'app://desk/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['an empty host', 'app:///etc/passwd'],
    ['a port', 'app://desk:8080/index.html'],
    ['credentials', 'app://user@desk/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppRequest(root, url).kind).toBe('forbidden');
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['index.js', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.PNG', 'image/png'],
    ['inter.woff2', 'font/woff2'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['favicon.ico', 'image/x-icon'],
    ['unknown.bin', 'application/octet-stream'],
  ])('serves %s as %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });
});

describe('the app:// protocol handler', () => {
  const handler = () => createAppProtocolHandler({ rendererRoot: root, readFile: (p) => readFile(p) });

  it('serves the desk page with its type and the strict CSP', async () => {
    const response = await handler()({ url: 'app://desk/' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Response Desk');
  });

  it('serves scripts and styles with their types', async () => {
    const js = await handler()({ url: 'app://desk/assets/index.js' });
    const css = await handler()({ url: 'app://desk/assets/index.css' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await js.text()).toBe('console.log("desk")');
  });

  it('answers 404 for a missing file, with the CSP still set', async () => {
    const response = await handler()({ url: 'app://desk/assets/missing.js' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://desk/../secret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/..%2fsecret.txt',
    'app://evil/index.html',
  ])('answers 403 for %s and never reads the file system', async (url) => {
    const read = vi.fn((p: string) => readFile(p));
    const response = await createAppProtocolHandler({ rendererRoot: root, readFile: read })({ url });
    expect(response.status).toBe(403);
    expect(read).not.toHaveBeenCalled();
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler()({ url: 'app://desk/', method: 'POST' })).status).toBe(405);
    const head = await handler()({ url: 'app://desk/', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 500 without details when a file cannot be read', async () => {
    const response = await createAppProtocolHandler({
      rendererRoot: root,
      readFile: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })),
    })({ url: 'app://desk/' });
    expect(response.status).toBe(500);
  });
});
