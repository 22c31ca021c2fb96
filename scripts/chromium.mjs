// How the build machines start Debian's Chromium, for the end-to-end tests and the benchmarks alike.
// Playwright never downloads a browser here.

/** Launch options for Playwright's `chromium.launch()`. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // No sandbox inside the build containers, and none of the browser's own traffic: runs stay offline and alike.
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-gpu',
    '--no-first-run',
  ],
};
