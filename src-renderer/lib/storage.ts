import { useEffect, useState } from 'react';

import type { DeskPlatform } from '../platform/platform';

/** Below this much free space the desk warns: a full disk can make Chromium discard IndexedDB. */
export const LOW_DISK_BYTES = 1024 * 1024 * 1024;

export type StorageHealth = {
  persisted: boolean | null;
  usageBytes: number | null;
  freeBytes: number | null;
  isLow: boolean;
};

/** Absent in some embedded or insecure contexts, whatever the DOM types say. */
function storageManager(): StorageManager | undefined {
  return 'storage' in navigator ? navigator.storage : undefined;
}

/** Asks the browser to keep the desk's data even under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = storageManager();
  if (!storage) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}

export async function readStorageHealth(platform: DeskPlatform): Promise<StorageHealth> {
  const storage = storageManager();
  const persisted = storage ? await storage.persisted().catch(() => null) : null;
  const estimate = storage ? await storage.estimate().catch(() => undefined) : undefined;
  const info = await platform.appInfo();
  const freeBytes = info.ok ? info.value.freeDiskBytes : null;
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    freeBytes,
    isLow: freeBytes !== null && freeBytes < LOW_DISK_BYTES,
  };
}

export function useStorageHealth(platform: DeskPlatform, refreshMs = 5 * 60_000): StorageHealth | null {
  const [health, setHealth] = useState<StorageHealth | null>(null);
  useEffect(() => {
    let live = true;
    const read = () => void readStorageHealth(platform).then((h) => live && setHealth(h));
    read();
    const timer = setInterval(read, refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [platform, refreshMs]);
  return health;
}
