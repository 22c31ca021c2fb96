import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, expect, test, type Browser, type Page } from '@playwright/test';

import { createIncident, setUpDesk, wallClockAgo } from './helpers';

const KILLS = 20;

// The browsers here are started and killed by the test itself; a trace cannot outlive a SIGKILL.
test.use({ trace: 'off' });

/** Every browser this test started, so a failing run leaves none behind. */
const started: ChildProcess[] = [];
test.afterEach(() => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined)
      process.kill(-child.pid, 'SIGKILL');
});

/** Starts Debian's Chromium on a profile folder of its own, as a person's browser would keep one. */
async function launch(profile: string): Promise<{ browser: Browser; child: ChildProcess }> {
  const child = spawn(
    process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    [
      `--user-data-dir=${profile}`,
      '--headless=new',
      '--remote-debugging-port=0',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  started.push(child);
  const endpoint = await new Promise<string>((done, fail) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not start: ${text}`)), 30_000);
    child.stderr.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        done(m[1]);
      }
    });
  });
  return { browser: await chromium.connectOverCDP(endpoint), child };
}

/** SIGKILL to the whole browser, as a power cut or a crash would end it: nothing gets to flush. */
async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  await exited;
}

async function deskPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(baseURL);
  return page;
}

test(`entries the desk showed as logged survive the browser being killed (${KILLS} kills)`, async ({ baseURL }) => {
  test.setTimeout(300_000);
  const profile = await mkdtemp(join(tmpdir(), 'desk-profile-'));
  const url = baseURL ?? '/';
  let logged = 0;
  for (let round = 0; round < KILLS; round += 1) {
    const { browser, child } = await launch(profile);
    const page = await deskPage(browser, url);
    if (round === 0) {
      await setUpDesk(page, { url });
      await createIncident(page, { title: 'Power cut at the crisis centre', ...wallClockAgo(60) });
    } else {
      await page.getByRole('link', { name: 'Power cut at the crisis centre' }).click();
    }
    await page.getByRole('link', { name: 'Timeline', exact: true }).click();
    // Everything logged before every earlier kill is still here.
    await expect(page.getByTestId('timeline-count')).toHaveText(
      logged === 0 ? /^0 entries$|^$/ : `${logged} ${logged === 1 ? 'entry' : 'entries'}`,
    );
    await page.getByLabel('Log an entry').fill(`Round ${round + 1}: radio check with the fire service #power`);
    await page.getByLabel('Log an entry').press('Enter');
    await expect(page.locator('.tl-entry', { hasText: `Round ${round + 1}:` })).toBeVisible();
    logged += 1;
    await kill(child);
  }
  const { browser, child } = await launch(profile);
  const page = await deskPage(browser, url);
  await page.getByRole('link', { name: 'Power cut at the crisis centre' }).click();
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText(`${logged} entries`);
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByTestId('integrity-result')).toContainText(
    `Integrity verified: ${logged} revisions of ${logged} entries`,
  );
  await kill(child);
  console.log(
    `${KILLS} browser kills, each right after an entry showed as logged: all ${logged} entries there afterwards, chain verified`,
  );
});
