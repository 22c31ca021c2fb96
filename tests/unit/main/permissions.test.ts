import { describe, expect, it, vi } from 'vitest';

import { applyPermissionPolicy, decidePermissionCheck, decidePermissionRequest } from '@main/security/permissions';

function request(permission: string, requestingUrl?: string): boolean {
  const callback = vi.fn();
  decidePermissionRequest({}, permission, callback, requestingUrl === undefined ? undefined : { requestingUrl });
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0] as boolean;
}

describe('permission policy', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'fullscreen',
    'unknown',
  ])('denies a %s request, even from the desk itself', (permission) => {
    expect(request(permission, 'app://desk/index.html')).toBe(false);
    expect(decidePermissionCheck({}, permission, 'app://desk')).toBe(false);
  });

  it('lets only the desk keep its data durably (persistent storage)', () => {
    expect(request('persistent-storage', 'app://desk/index.html')).toBe(true);
    expect(decidePermissionCheck({}, 'persistent-storage', 'app://desk')).toBe(true);
  });

  it.each(['https://example.com/', 'app://evil/', 'http://localhost:5173/'])(
    'denies persistent storage to %s',
    (origin) => {
      expect(request('persistent-storage', origin)).toBe(false);
      expect(decidePermissionCheck({}, 'persistent-storage', origin)).toBe(false);
    },
  );

  it('denies a request that does not say where it comes from', () => {
    expect(request('persistent-storage')).toBe(false);
  });

  it('installs request, check and device handlers on the session', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    applyPermissionPolicy(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(decidePermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(decidePermissionCheck);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);
  });
});
