import type { Logger } from '@main/logging/logger';
import { startWebHost, type WebHostOptions } from '@main/web/webHost';

/** A logger that keeps the test output to the test's own lines. */
export const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** As much of a built renderer page as the server looks at (its title says which program holds a port). */
export const BUILT_PAGE = '<!doctype html><head><title>Response Desk</title></head>';

/**
 * Starts the browser edition as the tests do: a free port unless one is named, a fixed version and
 * platform, nothing logged.
 */
export function startTestWebHost(
  options: Pick<WebHostOptions, 'rendererRoot' | 'dataDir'> & Partial<WebHostOptions>,
): ReturnType<typeof startWebHost> {
  return startWebHost({ port: 0, version: '0.1.0', platform: 'linux', log: quiet, ...options });
}
