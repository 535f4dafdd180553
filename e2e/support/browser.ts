import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = '/usr/bin/chromium';

/** The system Chromium, headless, without any network beyond this machine. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium tidak ditemukan di ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (through the DevTools protocol, which the page's CSP does not block) and
 * returns the serious and critical violations.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const result = (await page.evaluate(
    `${axeSource}\n;axe.run(document, { resultTypes: ['violations'] })`,
  )) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(v: AxeViolation[]): string {
  return v
    .map((x) => `${x.id} (${x.impact}): ${x.help} at ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

/**
 * Collects what must never happen on a page: JavaScript dialogs (an XSS payload that ran), CSP
 * violations, uncaught errors.
 */
export function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  return problems;
}

/** axe on the page at both viewports (no serious or critical violation), back at the desktop size. */
export async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    const v = await seriousViolations(page);
    expect(v, `${name} @ ${label}:\n${describeViolations(v)}`).toEqual([]);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/**
 * A user in a browser context of their own (cookies kept apart), logged in through the login page;
 * `problems` collects what must never happen there (see {@link watch}) and every HTTP 5xx.
 */
export async function loggedIn(browser: Browser, baseUrl: string, username: string, password: string) {
  const context = await browser.newContext({
    viewport: VIEWPORTS.desktop,
    locale: 'id-ID',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watch(page);
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(`${baseUrl}/`);
  return { page, problems };
}

/** The text of an element with its whitespace collapsed. */
export const textOf = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Picks an option of a Mantine select by its label. */
export async function choose(page: Page, label: string, option: string, exact = true) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact }).click();
}

/**
 * One journey in steps: once a step fails the later ones have nothing to stand on and are skipped,
 * and what each browser showed at the failure is kept as `/tmp/e2e-<name>-failed-<who>.png`.
 */
export function oneJourney(name: string, pagesNow: () => Iterable<[string, Page]>) {
  let failedStep: string | null = null;
  beforeEach((ctx) => {
    if (failedStep) ctx.skip(`skipped: "${failedStep}" failed`);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail' || failedStep) return;
    failedStep = ctx.task.name;
    for (const [who, page] of pagesNow())
      await page
        .screenshot({ path: `/tmp/e2e-${name}-failed-${who}.png`, fullPage: true })
        .catch(() => undefined);
  });
}
