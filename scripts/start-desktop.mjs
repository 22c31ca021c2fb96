// Opens the desktop app from the built files (run by `npm start` after `npm run build`).
// It finds the Electron binary itself instead of requiring the `electron` package, because
// that package quietly starts a download when the binary is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 3 * 60 * 1000;

/** The executable's path inside dist/, as electron's install.js names it per platform. */
function platformExecutable() {
  const platform = process.env.ELECTRON_INSTALL_PLATFORM ?? process.env.npm_config_platform ?? process.platform;
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** The Electron binary, or null when it is not installed. Never downloads anything. */
function findElectronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
  const binary = join(distDir, executable);
  return existsSync(binary) ? binary : null;
}

function downloadsSkipped() {
  const value = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function explainMissingBinary() {
  process.stderr.write(
    [
      '',
      'Response Desk cannot open as a desktop app here: the Electron binary is not installed',
      '(installs skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no access to GitHub).',
      '',
      'To get it, on a machine with access to GitHub:',
      '  npx install-electron',
      '  or reinstall without the variable: rm -rf node_modules && npm install',
      '',
      'Meanwhile the same desk runs in a browser:',
      '  npm run web',
      '',
    ].join('\n'),
  );
}

function tryDownload() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return false;
  console.log('The Electron binary is missing; downloading it (up to 3 minutes)...');
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    stdio: 'inherit',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  return result.status === 0;
}

function launch(binary) {
  const env = { ...process.env };
  // Electron as plain Node would ignore the app entirely.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { stdio: 'inherit', env, windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    if (code === null) {
      console.error(`Electron stopped on signal ${signal}.`);
      process.exit(1);
    }
    process.exit(code);
  });
}

let binary = findElectronBinary();
if (binary === null && !downloadsSkipped() && tryDownload()) binary = findElectronBinary();
if (binary === null) {
  explainMissingBinary();
  process.exit(1);
}
launch(binary);
