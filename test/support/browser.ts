import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD } from './factories';
import { createTestApp, TestApp } from './test-app';

const ROOT = join(__dirname, '../..');
const WEB_DIST = join(ROOT, 'apps/web/dist/index.html');
export const SCREENSHOTS = join(ROOT, 'test/artifacts/screenshots');
/** Screenshots the README shows; committed, unlike test/artifacts. */
export const README_SCREENSHOTS = join(ROOT, 'apps/web/docs/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };

export interface BrowserTestApp {
  t: TestApp;
  /** http://127.0.0.1:<port> of the real API serving the built web app. */
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own storage, own cookies), closed with the app. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real API (test database, test queues) listening on a free port with the built web app,
 * and a headless Debian chromium driven by playwright-core.
 */
export async function startBrowserApp(env: Record<string, string> = {}): Promise<BrowserTestApp> {
  if (!existsSync(WEB_DIST)) throw new Error('run `npm run build` first: the browser tests need apps/web/dist');
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  const t = await createTestApp(env);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const contexts: BrowserContext[] = [];
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    newPage: async ({ viewport = DESKTOP } = {}) => {
      const context = await browser.newContext({ viewport, baseURL: `http://127.0.0.1:${port}`, locale: 'en-GB' });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Waits until no transition or finite animation runs (a dialog fading in, a menu sliding), so
 * that what is checked is the page at rest, not colours half-way through a fade.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    type Running = { playState: string; effect: { getTiming(): { iterations?: number } } | null };
    const { document } = globalThis as unknown as { document: { getAnimations(): Running[] } };
    return document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity);
  });
}

/** Runs axe-core on the page at rest and fails on any serious or critical violation, listing them. */
export async function checkAccessibility(page: Page): Promise<void> {
  await settled(page);
  // Evaluated rather than added as a <script>: the app's CSP (no inline script) stays in force for the page.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    // Runs in the browser: the test's TypeScript has no DOM types, hence globalThis.
    const { axe, document } = globalThis as unknown as { axe: { run(context?: unknown, options?: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (blocking.length) {
    const report = blocking
      .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n${violation.nodes.map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.replace(/\n/g, ' ')).join('\n')}`)
      .join('\n');
    throw new Error(`accessibility violations on ${page.url()}:\n${report}`);
  }
}

function fileName(name: string): string {
  return `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 150)}.png`;
}

/**
 * Saves a screenshot of `page()` after every test of the file, passed or failed, as
 * test/artifacts/screenshots/<test name>.png (git-ignored, kept for reading).
 */
export function screenshotEachTest(page: () => Page | undefined): void {
  afterEach(async () => {
    const current = page();
    if (!current || current.isClosed()) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    const name = expect.getState().currentTestName ?? 'test';
    await current.screenshot({ path: join(SCREENSHOTS, fileName(name)), fullPage: true }).catch(() => undefined);
  });
}

/** A screenshot for the README: apps/web/docs/screenshots/<name>.png. */
export async function readmeScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(README_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(README_SCREENSHOTS, `${name}.png`), fullPage });
}

/** Signs in through the sign-in page, as a person would. */
export async function signInThroughPage(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Signs in without the page: gives the browser the session cookie of a token the API issued (and
 * a CSRF cookie, which the web app repeats in its header), as sign-in would.
 */
export async function signInWithToken(page: Page, token: string, path = '/'): Promise<void> {
  await page.goto('/sign-in');
  const url = new URL(page.url()).origin;
  await page.context().addCookies([
    { name: 'trta_session', value: token, url, httpOnly: true, sameSite: 'Lax' },
    { name: 'trta_csrf', value: `test-${Math.random().toString(36).slice(2)}`, url, sameSite: 'Lax' },
  ]);
  await page.goto(path);
}
