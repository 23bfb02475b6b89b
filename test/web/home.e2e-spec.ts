import type { Page } from 'playwright-core';
import { nationalRequest } from '../support/application-fixtures';
import { checkAccessibility, PHONE, readmeScreenshot, screenshotEachTest, startBrowserApp, type BrowserTestApp } from '../support/browser';
import { demoToken, DEMO_USERS, NotificationKind, queueNotifications, seedDemo, signInInAnyLanguage, type DemoRole } from '../support/demo-fixtures';

/** 1366 × 768, the laptop screen the issue names; the header must not wrap there. */
const LAPTOP = { width: 1366, height: 768 };

interface RoleHome {
  role: DemoRole;
  /** GET /api/home/<api>. */
  api: string;
  /** The page's sections (data-testid) and the summary's list each one shows. */
  sections: Record<string, string>;
  screenshot: string;
}

const HOMES: RoleHome[] = [
  {
    role: 'applicant',
    api: 'applicant',
    sections: { 'home-applications': 'applications', 'home-evaluations': 'evaluationsDue', 'home-certificates': 'certificates' },
    screenshot: 'home-applicant',
  },
  { role: 'focal_point', api: 'focal-point', sections: { 'home-nominations': 'nominations', 'home-requests': 'requests' }, screenshot: 'home-focal-point' },
  {
    role: 'staff',
    api: 'staff',
    sections: {
      'home-review': 'applicationsToReview',
      'home-staff-requests': 'requestsToReview',
      'home-deadline-passed': 'deadlinePassed',
      'home-sheet-missing': 'sheetMissing',
      'home-report-missing': 'reportMissing',
    },
    screenshot: 'home-staff',
  },
  { role: 'auditor', api: 'auditor', sections: { 'home-reports': 'reports' }, screenshot: 'home-auditor' },
];

/** Fails when the page is wider than the screen, naming what sticks out. */
async function expectNoHorizontalOverflow(p: Page): Promise<void> {
  const overflow = await p.evaluate(() => {
    const { document, window } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): Iterable<{ tagName: string; className: unknown; getBoundingClientRect(): { right: number } }> };
      window: { innerWidth: number };
    };
    const wide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1);
    return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, wide: wide.slice(0, 5).map((element) => `${element.tagName}.${String(element.className)}`) };
  });
  expect(overflow).toEqual(expect.objectContaining({ scrollWidth: overflow.width }));
}

/** The header is one line: 60 px high, every control inside it, nothing scrolled out of it. */
async function expectHeaderOnOneLine(p: Page): Promise<void> {
  const header = await p.evaluate(() => {
    type Box = { top: number; bottom: number; left: number; right: number; width: number; height: number };
    type Element = { getBoundingClientRect(): Box; scrollWidth: number; clientWidth: number; querySelectorAll(selector: string): Iterable<Element>; textContent: string | null };
    const { document, window } = globalThis as unknown as { document: { querySelector(selector: string): Element }; window: { innerWidth: number } };
    const banner = document.querySelector('header');
    const box = banner.getBoundingClientRect();
    const controls = [...banner.querySelectorAll('a, button, select')]
      .map((element) => ({ text: (element.textContent ?? '').trim(), ...JSON.parse(JSON.stringify(element.getBoundingClientRect())) as Box }))
      .filter((control) => control.width > 0 && control.height > 0);
    return { height: box.height, scrolls: banner.scrollWidth > banner.clientWidth, width: window.innerWidth, controls, top: box.top, bottom: box.bottom };
  });
  expect(header.height).toBeLessThanOrEqual(61);
  expect(header.scrolls).toBe(false);
  expect(header.controls.length).toBeGreaterThanOrEqual(3);
  for (const control of header.controls) {
    expect({ control: control.text, inside: control.top >= header.top - 1 && control.bottom <= header.bottom + 1 && control.right <= header.width + 1 }).toEqual({ control: control.text, inside: true });
  }
}

/**
 * Each role lands on its home page after signing in through the sign-in page, and sees there
 * the lists its summary holds (GET /api/home/<role>: a few rows and how many in all), at
 * 1366 × 768 and on a phone, with the axe check; the notifications' unread count goes down as
 * they are read. The four desktop home pages are the README's screenshots.
 */
describe('web app: each role’s home page', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  const tokens = {} as Record<DemoRole, { id: string; email: string; token: string }>;

  beforeAll(async () => {
    b = await startBrowserApp();
    await seedDemo(b.t);
    for (const role of Object.keys(DEMO_USERS) as DemoRole[]) tokens[role] = await demoToken(b.t, role);
    // What the demo data has no example of: a national request of Kenya, notifications, an audit report.
    await nationalRequest(b.t, tokens.focal_point);
    await queueNotifications(b.t, tokens.focal_point.id, [NotificationKind.NominationNeeded]);
    await queueNotifications(b.t, tokens.applicant.id, [NotificationKind.ApplicationSubmitted]);
    await b.t.startWorker();
    for (const year of [2026, 2027]) {
      const requested = await b.t.http.post('/api/audit-reports').auth(tokens.auditor.token, { type: 'bearer' }).send({ year });
      expect(requested.status).toBe(202);
      for (let i = 0; i < 300; i++) {
        const [{ status }] = await b.t.dataSource.query('SELECT status FROM audit_reports WHERE id = $1', [requested.body.id]);
        if (status === 'completed' || status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }, 300_000);
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const summary = async (home: RoleHome) => (await b.t.http.get(`/api/home/${home.api}?limit=5`).auth(tokens[home.role].token, { type: 'bearer' }).expect(200)).body;

  for (const viewport of [LAPTOP, PHONE]) {
    const size = `${viewport.width}×${viewport.height}`;
    for (const home of HOMES) {
      it(`lands the ${home.role} on their home page after sign-in, with its lists (${size})`, async () => {
        page = await b.newPage({ viewport });
        const p = page;
        await signInInAnyLanguage(p, DEMO_USERS[home.role]);
        await p.waitForURL('**/home');
        await p.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
        const body = await summary(home);
        for (const [testId, list] of Object.entries(home.sections)) {
          const section = p.getByTestId(testId);
          await section.waitFor();
          const { items, total } = body[list] as { items: unknown[]; total: number };
          expect({ testId, total: await section.getAttribute('data-total') }).toEqual({ testId, total: String(total) });
          expect({ testId, rows: await section.locator('li').count() }).toEqual({ testId, rows: items.length });
          if (total > items.length) await p.getByTestId(`${testId}-more`).getByText(`${total - items.length} more`).waitFor();
        }
        if (home.role === 'applicant') {
          const steps = await p.getByTestId('next-step').allTextContents();
          expect(steps.length).toBe((body.applications.items as { nextStep: string | null }[]).filter((item) => item.nextStep).length);
          for (const step of steps) expect(step).toMatch(/^(Next: |You are number |Your certificate)/);
        }
        if (home.role === 'focal_point') {
          const first = body.nominations.items[0] as { endorsed: number; quota: number; left: number } | undefined;
          expect(first).toBeDefined();
          await p.getByTestId('quota').first().getByText(`Quota: ${first!.endorsed} of ${first!.quota} used · ${first!.left} left`).waitFor();
          await p.getByTestId('home-request').first().getByText(/^Request for \d{4}-Q\d · Kenya$/).waitFor();
        }
        if (home.role === 'staff') expect(body.applicationsToReview.total + body.deadlinePassed.total + body.reportMissing.total).toBeGreaterThan(0);
        if (home.role === 'auditor') await p.getByTestId('home-report').first().waitFor();
        await checkAccessibility(p);
        if (viewport === LAPTOP) {
          await expectHeaderOnOneLine(p);
          // The navigation beside the page starts with the role's home.
          await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home', exact: true }).waitFor();
          await readmeScreenshot(p, home.screenshot, true);
        } else {
          await expectNoHorizontalOverflow(p);
          await p.getByRole('button', { name: 'Toggle navigation menu' }).click();
          await p.locator('#mobile-navigation').getByRole('link', { name: 'Home', exact: true }).waitFor();
          await checkAccessibility(p);
        }
      });
    }
  }

  it('shows the unread notifications in the bell, and the count goes down as they are read', async () => {
    const applicant = tokens.applicant;
    await queueNotifications(b.t, applicant.id, [NotificationKind.ApplicationSelected, NotificationKind.ApplicationWaitlisted, NotificationKind.CertificateReady]);
    const unreadInApi = async () => (await b.t.http.get('/api/me/notifications/unread-count').auth(applicant.token, { type: 'bearer' }).expect(200)).body.unread as number;
    const start = await unreadInApi();
    expect(start).toBeGreaterThanOrEqual(3);
    page = await b.newPage({ viewport: LAPTOP });
    const p = page;
    await signInInAnyLanguage(p, applicant.email);
    await p.getByTestId('home-notifications').getByText(/^You are selected: /).first().waitFor();
    await p.getByRole('link', { name: `Notifications: ${start} unread` }).click();
    await p.waitForURL('**/notifications');
    await p.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const unreadItems = p.locator('[data-testid="notification"][data-unread="true"]');
    await unreadItems.nth(start - 1).waitFor();
    expect(await unreadItems.count()).toBe(start);
    await checkAccessibility(p);

    // One read: the bell and the API say one less.
    await p.getByRole('button', { name: /^Mark as read: You are selected/ }).click();
    await p.getByRole('link', { name: `Notifications: ${start - 1} unread` }).waitFor();
    await p.getByTestId('unread-summary').getByText(`${start - 1} unread notification`, { exact: false }).waitFor();
    expect(await unreadInApi()).toBe(start - 1);

    // The same messages in French, written from the params the outbox row keeps.
    await p.getByTestId('language-switch').selectOption('fr');
    await p.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await p.getByTestId('notification-list').getByText('Vous êtes sélectionné(e) : TA-2026-0042 Trade facilitation for customs officials').waitFor();
    await p.getByRole('link', { name: `Notifications : ${start - 1} non lues` }).waitFor();
    await p.getByTestId('language-switch').selectOption('en');

    // Opening one by its link marks it read too; then all at once.
    await p.getByRole('link', { name: /^On the waiting list/ }).click();
    await p.waitForURL('**/my/applications');
    await p.getByRole('link', { name: `Notifications: ${start - 2} unread` }).click();
    await p.getByRole('button', { name: 'Mark all as read' }).click();
    await p.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    expect(await p.getByTestId('unread-count').getAttribute('data-count')).toBe('0');
    await p.getByTestId('unread-summary').getByText('0 unread notifications.').waitFor();
    expect(await unreadInApi()).toBe(0);
    await p.locator('label', { hasText: /^Unread/ }).click();
    await p.getByTestId('notifications-empty').getByText('You have read every notification.').waitFor();
    await checkAccessibility(p);
  });

  it('keeps the header on one line from 1366 px down to a phone, with a labelled language selector', async () => {
    for (const viewport of [LAPTOP, { width: 1280, height: 800 }, { width: 1024, height: 768 }, { width: 800, height: 1000 }, PHONE]) {
      page = await b.newPage({ viewport });
      const p = page;
      await signInInAnyLanguage(p, DEMO_USERS.staff);
      await p.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await expectHeaderOnOneLine(p);
      await expectNoHorizontalOverflow(p);
      const language = p.getByRole('combobox', { name: 'Language' });
      expect(await language.isVisible()).toBe(true);
      await language.selectOption('es');
      await p.getByRole('heading', { level: 1, name: 'Inicio' }).waitFor();
      await p.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await p.close();
    }
  });

  it('shows the status of every application in My applications on a phone, never cut', async () => {
    page = await b.newPage({ viewport: PHONE });
    const p = page;
    await signInInAnyLanguage(p, DEMO_USERS.applicant);
    await p.goto('/my/applications');
    await p.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    const rows = p.getByTestId('application-row');
    await rows.first().waitFor();
    const badges = await p.evaluate(() => {
      type Element = { getBoundingClientRect(): { left: number; right: number; width: number }; scrollWidth: number; clientWidth: number; textContent: string | null; querySelector(selector: string): Element | null };
      const { document, window } = globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Element> }; window: { innerWidth: number } };
      return [...document.querySelectorAll('[data-testid="application-row"] [data-testid="status-badge"]')].map((badge) => {
        const box = badge.getBoundingClientRect();
        const label = badge.querySelector('span') ?? badge;
        return { text: badge.textContent, onScreen: box.left >= 0 && box.right <= window.innerWidth, cut: label.scrollWidth > label.clientWidth + 1 };
      });
    });
    expect(badges.length).toBe(await rows.count());
    for (const badge of badges) expect(badge).toEqual({ text: badge.text, onScreen: true, cut: false });
    await expectNoHorizontalOverflow(p);
    await checkAccessibility(p);
  });
});
