import type { AppInfo } from '@shared/ipc/contract';

/** What `app:get-info` reads; production passes Electron's `app` and Node's `fs.statfs`. */
export type AppInfoDeps = {
  getName: () => string;
  getVersion: () => string;
  getPath: (name: 'userData') => string;
  statfs: (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;
  platform: string;
};

/** The `app:get-info` capability. */
export type AppInfoService = { getAppInfo: () => Promise<AppInfo> };

/** Builds the app-info capability: name, version, data folder and the free space beside it. */
export function createAppInfoService(deps: AppInfoDeps): AppInfoService {
  return {
    async getAppInfo() {
      const dataDir = deps.getPath('userData');
      return {
        name: deps.getName(),
        version: deps.getVersion(),
        dataDir,
        freeDiskBytes: await freeBytes(deps, dataDir),
        platform: deps.platform,
      };
    },
  };
}

/** Space available to this user on the disk holding `dir`; null when the OS will not say. */
async function freeBytes(deps: AppInfoDeps, dir: string): Promise<number | null> {
  try {
    const fs = await deps.statfs(dir);
    const free = Number(fs.bavail) * Number(fs.bsize);
    return Number.isFinite(free) && free >= 0 ? free : null;
  } catch {
    return null;
  }
}
