import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { nationalRequest } from '../support/application-fixtures';
import { checkAccessibility, PHONE, screenshotEachTest, startBrowserApp, type BrowserTestApp } from '../support/browser';
import { signedIn } from '../support/factories';
import { demoToken, DEMO_USERS, NotificationKind, queueNotifications, seedDemo, signInInAnyLanguage, type DemoRole } from '../support/demo-fixtures';

/**
 * Every page of the web app, for every role, in French and in Spanish, on the demo data (issue
 * 15, item 1): the app runs with its i18n check on (`window.__TRTA_I18N_CHECK__`, see
 * apps/web/src/i18n/index.ts: no fallback to English, every key a page asks for and its language
 * lacks is recorded), and each page fails the test when
 *  - a translation key is missing in the page's language;
 *  - a code or a key shows as text (`trade_facilitation`, `under_review`, `NOT_ELIGIBLE_COUNTRY`,
 *    `home.staff.review`) instead of its name;
 *  - an English sentence of the API (the `message` of a refusal it answered) shows on the page;
 *  - the page's `lang` is not the language, or axe finds a serious violation.
 * Every path of apps/web/src/app/routes.tsx must be walked: a new page fails this test until it
 * is added to WALKS below. The walk runs at 1366 × 768; each role's own pages again on a phone.
 */
const LAPTOP = { width: 1366, height: 768 };
const LANGUAGES = ['fr', 'es'] as const;
type Language = (typeof LANGUAGES)[number];
type Who = DemoRole | 'guest' | 'admin';

/** Words that are codes, not text: snake_case of two words or more, UPPER_SNAKE refusal codes. */
const SNAKE = /(?<![\w@./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g;
const UPPER_SNAKE = /(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w-])/g;
/** A translation key shown as text: one of the app's key groups, then dotted words. */
const KEY = /(?<![\w@./-])(?:app|nav|roles|languages|types|modes|documents|notFound|errors|common|status|list|home|notifications|refusals|refusalDetails|problems|problemDetails|reference|fields|staff|applicant|focal|auditor|catalogue|activity|signIn|signUp|account|certificates|claim)\.[a-zA-Z_]+(?:\.[a-zA-Z_]+)*(?![\w@/-])/g;

interface PageProblem {
  language: Language;
  who: Who;
  path: string;
  problem: string;
}

/** The paths of routes.tsx: the pages the walk must visit. */
function routePaths(): string[] {
  const source = readFileSync(join(__dirname, '../../apps/web/src/app/routes.tsx'), 'utf8');
  return [...source.matchAll(/\bpath:\s*'([^']+)'/g)].map((match) => match[1]);
}

/** Whether `path` is an address of the route `pattern` (`/staff/activities/:id`). */
function matches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`);
  return regex.test(path.split('?')[0]);
}

describe('web app in French and Spanish: every page, every role', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  const walks = {} as Record<Who, string[]>;
  /** Who signs in for each role: the demo people, and an admin of the test's own (the demo has none). */
  const credentials = {} as Record<Exclude<Who, 'guest'>, { email: string; password?: string }>;
  const visited = new Set<string>();
  const problems: PageProblem[] = [];

  beforeAll(async () => {
    b = await startBrowserApp();
    const { t } = b;
    await seedDemo(t);
    const tokens = {} as Record<DemoRole, { id: string; email: string; token: string }>;
    for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
      tokens[role] = await demoToken(t, role);
      credentials[role] = { email: DEMO_USERS[role] };
    }
    credentials.admin = { email: (await signedIn(t, 'admin')).email, password: t.config.ADMIN_PASSWORD };
    // What the demo data has no example of: a national request of Kenya, notifications, an audit report.
    const request = await nationalRequest(t, tokens.focal_point);
    await queueNotifications(t, tokens.applicant.id, [NotificationKind.ApplicationSubmitted, NotificationKind.ApplicationSelected]);
    await queueNotifications(t, tokens.focal_point.id, [NotificationKind.NominationNeeded, NotificationKind.RequestUnderReview]);
    await t.startWorker();
    const report = await t.http.post('/api/audit-reports').auth(tokens.auditor.token, { type: 'bearer' }).send({ year: 2026 });
    expect(report.status).toBe(202);
    for (let i = 0; i < 300; i++) {
      const [{ status }] = await t.dataSource.query('SELECT status FROM audit_reports WHERE id = $1', [report.body.id]);
      if (status === 'completed' || status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const one = async (sql: string, params: unknown[] = []) => ((await t.dataSource.query(sql, params)) as Record<string, string>[])[0];
    const catalogued = await one(
      `SELECT id FROM activities WHERE status = 'open' AND sheet_published_at IS NOT NULL AND application_deadline > current_date
         AND (type = 'global' OR 'KEN' = ANY(beneficiary_countries)) ORDER BY code LIMIT 1`,
    );
    const certificate = await one(`SELECT certificate_code AS code FROM applications WHERE certificate_code IS NOT NULL ORDER BY id LIMIT 1`);
    const applications = (await t.dataSource.query(`SELECT id FROM applications WHERE applicant_id = $1 ORDER BY submitted_at`, [tokens.applicant.id])) as { id: string }[];
    const plan = await one(`SELECT id FROM ta_plans ORDER BY code LIMIT 1`);
    const reviewed = await one(
      `SELECT a.id FROM activities a WHERE a.status = 'open' AND EXISTS (SELECT 1 FROM applications ap WHERE ap.activity_id = a.id) ORDER BY a.code LIMIT 1`,
    );
    const reported = await one(`SELECT activity_id AS id FROM back_to_office_reports ORDER BY activity_id LIMIT 1`);
    const unreported = await one(
      `SELECT id FROM activities a WHERE status = 'delivered' AND NOT EXISTS (SELECT 1 FROM back_to_office_reports b WHERE b.activity_id = a.id) ORDER BY code LIMIT 1`,
    );
    // An activity with a Kenyan candidate waiting for the focal point's word.
    const nominated = await one(
      `SELECT a.id FROM activities a JOIN applications ap ON ap.activity_id = a.id
        WHERE a.requires_nomination AND ap.country = 'KEN' ORDER BY a.code LIMIT 1`,
    );
    expect([catalogued, certificate, plan, reviewed, reported, unreported, nominated].every(Boolean)).toBe(true);
    expect(applications.length).toBeGreaterThan(0);

    walks.guest = [
      '/catalogue',
      `/catalogue/${catalogued.id}`,
      '/certificates',
      `/certificates/${certificate.code}`,
      // A refusal (CERTIFICATE_NOT_FOUND), in the page's language.
      '/certificates/TRTA-ZZZZZZZZZZ',
      '/publications',
      '/sign-up',
      '/sign-in',
      '/forgot-password',
      // The account links' pages, opened without their token: each says the link is not whole.
      '/reset-password',
      '/claim',
      '/verify-email',
      '/no-such-page',
    ];
    walks.applicant = [
      '/home',
      '/notifications',
      '/my/applications',
      ...applications.map((application) => `/my/applications/${application.id}`),
      '/my/applications/00000000-0000-4000-8000-000000000000',
      `/catalogue/${catalogued.id}`,
      `/catalogue/${catalogued.id}/apply`,
      '/my/profile',
      '/account',
    ];
    walks.focal_point = ['/home', '/notifications', '/focal/nominations', `/focal/nominations/${nominated.id}`, '/focal/requests', '/focal/requests/new', `/focal/requests/${request.id}`, `/focal/requests/${request.id}/edit`];
    walks.staff = [
      '/home',
      '/staff/plans',
      `/staff/plans/${plan.id}`,
      '/staff/activities',
      '/staff/calendar',
      '/staff/activities/new',
      `/staff/activities/${reviewed.id}`,
      `/staff/activities/${reviewed.id}/applications`,
      `/staff/activities/${reported.id}/report`,
      `/staff/activities/${unreported.id}/report`,
      '/staff/requests',
      `/staff/requests/${request.id}`,
    ];
    walks.auditor = ['/home', '/audit-reports', `/audit-reports/${report.body.id}`, '/publications'];
    walks.admin = ['/users'];
  }, 300_000);
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  /** A browser in `language` with the app's i18n check on, remembering the API's English refusals. */
  async function browserIn(language: Language, viewport = LAPTOP): Promise<{ page: Page; refusals: Set<string> }> {
    const p = await b.newPage({ viewport });
    const context: BrowserContext = p.context();
    await context.addInitScript((lang: string) => {
      const scope = globalThis as unknown as { __TRTA_I18N_CHECK__?: boolean; localStorage: { setItem(key: string, value: string): void } };
      scope.__TRTA_I18N_CHECK__ = true;
      scope.localStorage.setItem('trta.language', lang);
    }, language);
    const refusals = new Set<string>();
    p.on('response', async (response) => {
      if (response.status() < 400 || !response.url().includes('/api/')) return;
      try {
        const body = (await response.json()) as { message?: string | string[] };
        for (const message of [body.message ?? []].flat()) if (message.length > 12) refusals.add(message);
      } catch {
        // not JSON: nothing the page could show
      }
    });
    return { page: p, refusals };
  }

  /**
   * Waits for the page at rest: its h1, no loader in sight, no request in flight. (A tab that is not
   * open keeps its panel mounted but hidden, with a loader until it is first opened: not in sight.)
   */
  async function settledPage(p: Page): Promise<void> {
    await p.locator('h1').first().waitFor();
    await p.waitForLoadState('networkidle').catch(() => undefined);
    await p.waitForFunction(() => {
      const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<{ offsetParent: unknown }> } };
      return [...document.querySelectorAll('.mantine-Loader-root')].every((loader) => loader.offsetParent === null);
    });
  }

  /** Every problem of the page as it is now, in `language`. */
  async function problemsOf(p: Page, language: Language, refusals: Set<string>): Promise<string[]> {
    const seen = await p.evaluate(() => {
      type Element = { innerText: string; value?: string; getAttribute(name: string): string | null; offsetParent: unknown };
      const scope = globalThis as unknown as {
        document: { body: Element; documentElement: { lang: string }; querySelectorAll(selector: string): Iterable<Element> };
        __TRTA_I18N_MISSING__?: { language: string; key: string }[];
      };
      const { document } = scope;
      const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((element) =>
        ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
      );
      // What a field shows (a select's chosen label, a text); not radios' and checkboxes' values, which are codes by design.
      const values = [...document.querySelectorAll('input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea')].filter((element) => element.offsetParent !== null).map((element) => element.value ?? '');
      const missing = [...(scope.__TRTA_I18N_MISSING__ ?? [])];
      scope.__TRTA_I18N_MISSING__ = [];
      return { text: [document.body.innerText, ...attributes, ...values].join('\n'), lang: document.documentElement.lang, missing };
    });
    const found: string[] = [];
    if (seen.lang !== language) found.push(`the page's lang is "${seen.lang}"`);
    for (const { language: lng, key } of seen.missing) found.push(`missing translation ${lng}: ${key}`);
    const text = seen.text.replace(/\S+@\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
    for (const match of new Set([...text.matchAll(SNAKE)].map((m) => m[0]))) found.push(`code shown as text: ${match}`);
    for (const match of new Set([...text.matchAll(UPPER_SNAKE)].map((m) => m[0]))) found.push(`code shown as text: ${match}`);
    for (const match of new Set([...text.matchAll(KEY)].map((m) => m[0]))) found.push(`key shown as text: ${match}`);
    for (const message of refusals) if (seen.text.includes(message)) found.push(`the API's English refusal shown: "${message}"`);
    return found;
  }

  async function walk(who: Who, language: Language, paths: string[], viewport = LAPTOP): Promise<void> {
    const opened = await browserIn(language, viewport);
    page = opened.page;
    const p = opened.page;
    if (who !== 'guest') {
      await signInInAnyLanguage(p, credentials[who].email, credentials[who].password);
      await settledPage(p);
    }
    for (const path of paths) {
      try {
        await p.goto(path);
        await settledPage(p);
      } catch (error) {
        problems.push({ language, who, path, problem: `the page did not show: ${(error as Error).message.split('\n')[0]}` });
        continue;
      }
      visited.add(path);
      for (const problem of await problemsOf(p, language, opened.refusals)) problems.push({ language, who, path, problem });
      try {
        await checkAccessibility(p);
      } catch (error) {
        problems.push({ language, who, path, problem: (error as Error).message.split('\n').slice(0, 4).join(' ') });
      }
    }
  }

  const report = (list: PageProblem[]) => list.map(({ language, who, path, problem }) => `${language} ${who} ${path}: ${problem}`);

  for (const language of LANGUAGES) {
    for (const who of ['guest', 'applicant', 'focal_point', 'staff', 'auditor', 'admin'] as const) {
      it(`shows every page of the ${who} in ${language === 'fr' ? 'French' : 'Spanish'}, with no untranslated text`, async () => {
        const before = problems.length;
        await walk(who, language, walks[who]);
        expect(report(problems.slice(before))).toEqual([]);
      }, 300_000);
    }
  }

  it('says a wrong password beside the field, in French and in Spanish, never in the API’s English', async () => {
    for (const language of LANGUAGES) {
      const { page: p, refusals } = await browserIn(language);
      page = p;
      await p.goto('/sign-in');
      await settledPage(p);
      const form = p.locator('main form').first();
      await form.locator('input[type="email"]').fill(DEMO_USERS.applicant);
      await form.locator('input[type="password"]').fill('not-the-password');
      const answered = p.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
      await form.locator('button[type="submit"]').click();
      expect((await answered).status()).toBe(401);
      await p.getByText(language === 'fr' ? 'Adresse électronique ou mot de passe incorrect.' : 'Dirección de correo electrónico o contraseña incorrecta.').waitFor();
      expect(refusals.size).toBeGreaterThan(0);
      expect(report((await problemsOf(p, language, refusals)).map((problem) => ({ language, who: 'guest' as const, path: '/sign-in', problem })))).toEqual([]);
    }
  }, 120_000);

  it('shows each role’s own pages on a phone too', async () => {
    const before = problems.length;
    const phone: [Who, Language][] = [
      ['guest', 'es'],
      ['applicant', 'fr'],
      ['focal_point', 'es'],
      ['staff', 'fr'],
      ['auditor', 'es'],
    ];
    for (const [who, language] of phone) await walk(who, language, walks[who].filter((path) => !/[0-9a-f]{8}-/.test(path)), PHONE);
    expect(report(problems.slice(before))).toEqual([]);
  }, 600_000);

  it('has walked every page of routes.tsx', () => {
    const patterns = routePaths();
    expect(patterns.length).toBeGreaterThan(25);
    const unvisited = patterns.filter((pattern) => ![...visited].some((path) => matches(pattern, path)));
    // A page added to routes.tsx is walked once it is added to the walks of beforeAll above.
    expect(unvisited).toEqual([]);
  });
});
