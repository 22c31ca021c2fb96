import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinaryPresent(): boolean {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron';
  return existsSync(join(electronDir, 'dist', executable));
}

describe('npm start without the Electron binary', () => {
  // Where the binary is installed the script would open the app, which is not a unit test.
  it.skipIf(electronBinaryPresent())('explains what is missing, how to get it, and points to npm run web', () => {
    const env: Record<string, string | undefined> = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    delete env['ELECTRON_OVERRIDE_DIST_PATH'];
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'start-desktop.mjs')], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Electron binary is not installed');
    expect(run.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    expect(run.stderr).toContain('npx install-electron');
    expect(run.stderr).toContain('npm run web');
    expect(existsSync(join(electronDir, 'dist'))).toBe(false);
  });
});
