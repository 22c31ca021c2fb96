// Types for chromium.mjs, for the Playwright configuration.

/** Launch options for Playwright's `chromium.launch()`. */
export declare const chromiumLaunch: { executablePath: string; args: string[] };
