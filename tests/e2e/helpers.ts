import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const CITY = 'Kristiansand';
export const OPERATOR = 'Ingrid Berg';
export const ZONE = 'Europe/Oslo';

/**
 * Fills the first-run form and lands on the dashboard; the desk's locale is en-GB (24-hour, day first) unless given.
 * The new desk's fingerprint panel is acknowledged, as a person does, unless a test wants to look at it.
 */
export async function setUpDesk(
  page: Page,
  opts: {
    city?: string;
    operator?: string;
    zone?: string;
    url?: string;
    locale?: string;
    keepFingerprint?: boolean;
  } = {},
): Promise<void> {
  await page.goto(opts.url ?? '/');
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible();
  await page.getByLabel('City').fill(opts.city ?? CITY);
  await page.getByLabel('Your name').fill(opts.operator ?? OPERATOR);
  await page.getByLabel('Default time zone').selectOption(opts.zone ?? ZONE);
  await page.getByLabel('Locale').selectOption(opts.locale ?? 'en-GB');
  await page.getByRole('button', { name: 'Start using the desk' }).click();
  await expect(page.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
  if (!opts.keepFingerprint) await page.getByRole('button', { name: 'I have noted it' }).click();
}

export async function createIncident(
  page: Page,
  incident: { title: string; date: string; time: string; location?: string; kind?: string; zone?: string },
): Promise<void> {
  await page.getByRole('button', { name: '+ New incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'New incident' });
  await dialog.getByLabel('Title').fill(incident.title);
  if (incident.kind) await dialog.getByLabel('Kind').selectOption(incident.kind);
  if (incident.zone) await dialog.getByLabel('Time zone').selectOption(incident.zone);
  await dialog.getByLabel('Start date').fill(incident.date);
  await dialog.getByLabel('Start time').fill(incident.time);
  if (incident.location) await dialog.getByLabel('Location').fill(incident.location);
  await dialog.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('heading', { name: incident.title, level: 1 })).toBeVisible();
}

/** Logs each text on the quick line as a person does: typed, entered, and the line cleared before the next. */
export async function logLines(page: Page, texts: readonly string[]): Promise<void> {
  const line = page.getByLabel('Log an entry');
  for (const text of texts) {
    await line.fill(text);
    await line.press('Enter');
    await expect(line).toHaveValue('');
  }
}

/** Fails on any serious or critical accessibility violation on the current screen. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `accessibility of ${screen}`).toEqual([]);
}

/** Saves a screenshot for people to look at; not compared. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** The laptop screens the desk is judged on (issue 16): every acceptance screenshot is taken at each. */
export const LAPTOP_SCREENS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;

/**
 * Saves `name-1280x800.png` and `name-1366x768.png` of the screen as it is now, as a person sees it
 * on each laptop (the window, not the whole page), then gives the page back its own size.
 */
export async function snapOnLaptops(page: Page, name: string): Promise<void> {
  const own = page.viewportSize();
  for (const size of LAPTOP_SCREENS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/${name}-${size.width}x${size.height}.png` });
  }
  if (own) await page.setViewportSize(own);
}

/**
 * The wall-clock date and time in `zone`, `minutesAgo` minutes before now, as the incident
 * form's inputs take them. Tests run on the real clock: the desk's time-zone-aware dates are
 * Date subclasses, which a replaced global Date would break.
 */
export function wallClockAgo(minutesAgo: number, zone = ZONE): { date: string; time: string } {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

/** Fills the holding statement's blanks as the team would; `from` skips those already typed (the first is what happened). */
export async function fillHoldingStatement(
  page: Page,
  from: 'what-happened' | 'lead-agency' = 'what-happened',
): Promise<void> {
  if (from === 'what-happened') await page.getByLabel(/^What happened/).fill('a vehicle was driven into pedestrians');
  await page.getByLabel(/^Lead agency/).fill('the police');
  await page.getByLabel(/^What residents should do now/).fill('Please stay away from the city centre.');
  await page.getByLabel(/^Official source for updates/).fill('kristiansand.kommune.no');
  await page.getByLabel(/^Time of the next update/).fill('16:00');
  await page.getByLabel(/^Mayor's name and title/).fill('Mayor Anna Hansen');
}
