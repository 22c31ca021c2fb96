import { describe, expect, it } from 'vitest';

import { createAppInfoService, type AppInfoDeps } from '@main/services/appInfoService';

const deps = (statfs: AppInfoDeps['statfs']): AppInfoDeps => ({
  getName: () => 'Response Desk',
  getVersion: () => '0.1.0',
  getPath: () => '/home/desk/.config/Response Desk',
  statfs,
  platform: 'linux',
});

describe('app:get-info', () => {
  it('reports name, version, data folder, platform and the free space beside the data', async () => {
    const seen: string[] = [];
    const info = await createAppInfoService(
      deps((path) => {
        seen.push(path);
        return Promise.resolve({ bavail: 1000, bsize: 4096 });
      }),
    ).getAppInfo();
    expect(info).toEqual({
      name: 'Response Desk',
      version: '0.1.0',
      dataDir: '/home/desk/.config/Response Desk',
      freeDiskBytes: 4_096_000,
      platform: 'linux',
    });
    expect(seen).toEqual(['/home/desk/.config/Response Desk']);
  });

  it('accepts bigint block counts', async () => {
    const info = await createAppInfoService(deps(() => Promise.resolve({ bavail: 10n, bsize: 512n }))).getAppInfo();
    expect(info.freeDiskBytes).toBe(5120);
  });

  it('reports null free space when the OS will not say', async () => {
    const info = await createAppInfoService(deps(() => Promise.reject(new Error('ENOSYS')))).getAppInfo();
    expect(info.freeDiskBytes).toBeNull();
  });
});
