import type { Locator, Page } from 'playwright-core';
import { activityFactory, day } from '../support/activity-fixtures';
import { applicantIn, apply, bulkApplications, nationalRequest, type Token } from '../support/application-fixtures';
import { buildDataSet, waitForReport } from '../support/audit-dataset';
import { signedIn } from '../support/factories';
import { checkAccessibility, PHONE, screenshotEachTest, signInWithToken, startBrowserApp, type BrowserTestApp } from '../support/browser';

/**
 * Every role's main pages on a phone-sized screen (390 × 844): the page's title is shown, the
 * page is no wider than the screen (a wide table scrolls inside its own container, never the
 * page), the navigation opens from the burger button, and axe finds nothing serious. A screenshot
 * of each page is saved in test/artifacts/screenshots.
 */
describe('web app on a phone', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  let applicant: Token;
  let focal: Token;
  let staff: Token;
  /** Open, not applied for: its form. */
  let toApply: { id: string };
  /** Open, needing a nomination, applied for by the applicant of Kenya. */
  let applied: { id: string; code: string; applicationId: string };
  let delivered: { id: string; code: string };
  let plan: { id: string; code: string };
  let requestId: string;
  const activityTitle = 'Workshop on the digital trade facilitation agreement';

  const NAVIGATION = {
    applicant: ['My applications', 'My profile'],
    focal: ['Nominations', 'National requests'],
    staff: ['TA Plans', 'Activities', 'Calendar', 'National requests'],
    auditor: ['Audit reports', 'Publications'],
  };

  beforeAll(async () => {
    b = await startBrowserApp();
    const { t } = b;
    applicant = await applicantIn(t, 'KEN');
    focal = await signedIn(t, 'focal_point', 'KEN');
    staff = await signedIn(t, 'staff');

    const createActivity = activityFactory(() => t);
    toApply = await createActivity({ requiredDocuments: ['cv'] });
    const nominated = await createActivity({ requiresNomination: true, capacity: 20 });
    await t.dataSource.query('UPDATE activities SET title = $2 WHERE id = $1', [nominated.id, activityTitle]);
    applied = { ...nominated, applicationId: await apply(t, applicant, nominated.id) };
    await bulkApplications(t, nominated.id, 3);
    delivered = await createActivity({ status: 'delivered', start: day(-20), deadline: day(-30) });
    [plan] = await t.dataSource.query('SELECT p.id, p.code FROM activities a JOIN ta_plans p ON p.id = a.plan_id WHERE a.id = $1', [nominated.id]);
    ({ id: requestId } = await nationalRequest(t, focal));
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  /** A phone-sized browser signed in as `who`, at `path` (of the auditor's app for the auditor). */
  const onPhone = async (who: Token, path: string, app = b) => {
    page = await app.newPage({ viewport: PHONE });
    await signInWithToken(page, who.token, path);
    return page;
  };

  /** Goes to one of the role's pages the way a person on a phone does: burger, then the link. */
  const throughMenu = async (p: Page, link: string) => {
    await p.getByRole('button', { name: 'Toggle navigation menu' }).click();
    await p.locator('#mobile-navigation').getByRole('link', { name: link, exact: true }).click();
  };

  /** Fails with the elements that stick out when the page is wider than the screen. */
  const expectNoHorizontalOverflow = async (p: Page) => {
    const layout = await p.evaluate(() => {
      // Runs in the browser: the test's TypeScript has no DOM types, hence the casts.
      type Box = { left: number; right: number; width: number };
      type Element = { tagName: string; id: string; className: unknown; parentElement: Element | null; getBoundingClientRect(): Box; getAttribute(name: string): string | null };
      const { document, window } = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): Iterable<Element> };
        window: { innerWidth: number; getComputedStyle(element: Element): { overflowX: string } };
      };
      const width = window.innerWidth;
      const scrollWidth = document.documentElement.scrollWidth;
      const describe = (element: Element) => {
        const testId = element.getAttribute('data-testid');
        const className = typeof element.className === 'string' ? element.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '';
        return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${testId ? `[data-testid=${testId}]` : ''}${className ? `.${className}` : ''} (${Math.round(element.getBoundingClientRect().right)}px)`;
      };
      const clipped = (element: Element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (['auto', 'scroll', 'hidden', 'clip'].includes(window.getComputedStyle(parent).overflowX)) return true;
        }
        return false;
      };
      const offenders =
        scrollWidth <= width
          ? []
          : [...document.querySelectorAll('body *')]
              .filter((element) => element.getBoundingClientRect().right > width + 0.5 && element.getBoundingClientRect().width > 0 && !clipped(element))
              .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= width + 0.5)
              .slice(0, 10)
              .map(describe);
      return { width, scrollWidth, offenders };
    });
    if (layout.scrollWidth > layout.width) {
      throw new Error(`${p.url()} is ${layout.scrollWidth}px wide on a ${layout.width}px screen; sticking out: ${layout.offenders.join(', ') || 'nothing found'}`);
    }
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
  };

  /** Waits for the end of the navigation's slide, onto the screen or off it. */
  const menuSlid = (p: Page, where: 'in' | 'out') =>
    p.waitForFunction((to) => {
      const { document, innerWidth } = globalThis as unknown as { innerWidth: number; document: { querySelector(selector: string): { getBoundingClientRect(): { left: number; right: number } } } };
      const box = document.querySelector('#mobile-navigation').getBoundingClientRect();
      return to === 'in' ? box.left >= 0 && box.right <= innerWidth : box.right <= 0;
    }, where);

  /**
   * The checks of every page: its h1 is visible once `ready` is, nothing makes the page wider
   * than the screen, axe passes, and the burger opens the navigation with the role's links on
   * screen (checked with axe and for width too), then closes it again for the screenshot.
   */
  const expectPhoneFriendly = async (p: Page, heading: string | RegExp, ready: Locator, navigation: string[]) => {
    const title = p.getByRole('heading', { level: 1, name: heading });
    await title.waitFor();
    await ready.first().waitFor();
    expect(await title.isVisible()).toBe(true);
    await expectNoHorizontalOverflow(p);
    await checkAccessibility(p);

    const burger = p.getByRole('button', { name: 'Toggle navigation menu' });
    const menu = p.locator('#mobile-navigation');
    expect(await burger.isVisible()).toBe(true);
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    // The header's own navigation is for wide screens only.
    expect(await p.getByRole('banner').getByRole('link', { name: navigation[0], exact: true }).count()).toBe(0);
    await burger.click();
    expect(await burger.getAttribute('aria-expanded')).toBe('true');
    for (const name of navigation) await menu.getByRole('link', { name, exact: true }).waitFor();
    await menu.getByRole('button', { name: 'Sign out' }).waitFor();
    // Slid onto the screen, all of it.
    await menuSlid(p, 'in');
    await expectNoHorizontalOverflow(p);
    await checkAccessibility(p);
    await burger.click();
    await menu.getByRole('link').first().waitFor({ state: 'detached' });
    await menuSlid(p, 'out');
    expect(await title.isVisible()).toBe(true);
  };

  describe('applicant', () => {
    it('my applications', async () => {
      const p = await onPhone(applicant, '/catalogue');
      await throughMenu(p, 'My applications');
      await p.waitForURL('**/my/applications');
      await expectPhoneFriendly(p, 'My applications', p.getByTestId('application-row'), NAVIGATION.applicant);
    });

    it('an application', async () => {
      const p = await onPhone(applicant, `/my/applications/${applied.applicationId}`);
      await expectPhoneFriendly(p, activityTitle, p.getByTestId('status-badge'), NAVIGATION.applicant);
    });

    it('the apply form', async () => {
      const p = await onPhone(applicant, `/catalogue/${toApply.id}/apply`);
      await expectPhoneFriendly(p, 'Apply for this activity', p.getByLabel(/^Motivation/), NAVIGATION.applicant);
    });

    it('the profile', async () => {
      const p = await onPhone(applicant, '/my/profile');
      await expectPhoneFriendly(p, 'My profile', p.getByRole('button', { name: 'Save my profile' }), NAVIGATION.applicant);
    });
  });

  describe('focal point', () => {
    it('nominations', async () => {
      const p = await onPhone(focal, '/catalogue');
      await throughMenu(p, 'Nominations');
      await p.waitForURL('**/focal/nominations');
      await expectPhoneFriendly(p, 'Nominations', p.getByTestId('nomination-row'), NAVIGATION.focal);
    });

    it('national requests', async () => {
      const p = await onPhone(focal, '/focal/requests');
      await expectPhoneFriendly(p, 'National requests', p.getByTestId('request-row'), NAVIGATION.focal);
    });

    it('a national request', async () => {
      const p = await onPhone(focal, `/focal/requests/${requestId}`);
      await expectPhoneFriendly(p, /^Request from Kenya/, p.getByTestId('status-badge'), NAVIGATION.focal);
    });

    it('the request form', async () => {
      const p = await onPhone(focal, '/focal/requests/new');
      await expectPhoneFriendly(p, 'New national request', p.getByRole('button', { name: 'Submit the request' }), NAVIGATION.focal);
    });
  });

  describe('staff', () => {
    it('TA plans', async () => {
      const p = await onPhone(staff, '/catalogue');
      await throughMenu(p, 'TA Plans');
      await p.waitForURL('**/staff/plans');
      await expectPhoneFriendly(p, 'TA Plans', p.getByRole('link', { name: plan.code }), NAVIGATION.staff);
    });

    it('a plan with its products matrix', async () => {
      const p = await onPhone(staff, `/staff/plans/${plan.id}`);
      await expectPhoneFriendly(p, new RegExp(plan.code), p.getByTestId('matrix').getByRole('rowheader', { name: 'P1 · General TA' }), NAVIGATION.staff);
    });

    it("a plan's products, one card each", async () => {
      const p = await onPhone(staff, `/staff/plans/${plan.id}?tab=products`);
      const product = p.getByRole('region', { name: 'Products', exact: true }).getByRole('row').filter({ hasText: 'General TA' });
      await expectPhoneFriendly(p, new RegExp(plan.code), product, NAVIGATION.staff);
      // A card, not a wide row to scroll: the category's name and the budget are on the screen.
      for (const text of ['General WTO-related technical assistance and training', '500,000.00']) {
        const box = await product.getByRole('cell').filter({ hasText: text }).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
      }
    });

    it('activities', async () => {
      const p = await onPhone(staff, '/staff/activities');
      await expectPhoneFriendly(p, 'Activities', p.getByTestId('activities-table').getByRole('link', { name: new RegExp(applied.code) }), NAVIGATION.staff);
    });

    it('the calendar', async () => {
      const p = await onPhone(staff, `/staff/calendar?month=${day(60).slice(0, 7)}`);
      await expectPhoneFriendly(p, 'Calendar of activities', p.getByTestId('calendar').getByRole('link'), NAVIGATION.staff);
    });

    it('the activity editor', async () => {
      const p = await onPhone(staff, `/staff/activities/${applied.id}`);
      await expectPhoneFriendly(p, new RegExp(applied.code), p.getByRole('textbox', { name: /^Title/ }), NAVIGATION.staff);
    });

    it('the review of applications', async () => {
      const p = await onPhone(staff, `/staff/activities/${applied.id}/applications`);
      await expectPhoneFriendly(p, `Applications: ${applied.code}`, p.getByTestId('applications-table').getByRole('row').nth(1), NAVIGATION.staff);
    });

    it('the back-to-office report', async () => {
      const p = await onPhone(staff, `/staff/activities/${delivered.id}/report`);
      await expectPhoneFriendly(p, `Back-to-office report: ${delivered.code}`, p.getByRole('textbox', { name: /^Sessions held/ }), NAVIGATION.staff);
    });

    it('national requests', async () => {
      const p = await onPhone(staff, '/staff/requests');
      await expectPhoneFriendly(p, 'National requests', p.getByTestId('requests-table').getByRole('link', { name: 'Kenya' }), NAVIGATION.staff);
    });

    it('a national request under review', async () => {
      const p = await onPhone(staff, `/staff/requests/${requestId}`);
      await expectPhoneFriendly(p, /Kenya/, p.getByTestId('review-context'), NAVIGATION.staff);
    });
  });

  describe('auditor', () => {
    // The audit data set (year 2025) has a plan of its own, overlapping the one above: the
    // auditor's pages get an app and a database of their own, with a worker to make the report.
    let audit: BrowserTestApp;
    let auditor: Token;
    let reportId: string;

    beforeAll(async () => {
      audit = await startBrowserApp();
      await buildDataSet(audit.t);
      await audit.t.startWorker();
      auditor = await signedIn(audit.t, 'auditor');
      const report = await audit.t.http.post('/api/audit-reports').auth(auditor.token, { type: 'bearer' }).send({ year: 2025 }).expect(202);
      reportId = report.body.id;
      await waitForReport(audit.t, auditor.token, reportId, (r) => r.status === 'completed');
    });
    afterAll(() => audit?.close());

    it('audit reports', async () => {
      const p = await onPhone(auditor, '/catalogue', audit);
      await throughMenu(p, 'Audit reports');
      await p.waitForURL('**/audit-reports');
      await expectPhoneFriendly(p, 'Audit reports', p.getByTestId('reports-table').getByRole('link', { name: 'Report 2025 (v1)' }), NAVIGATION.auditor);
    });

    it('a completed report with its charts', async () => {
      const p = await onPhone(auditor, `/audit-reports/${reportId}`, audit);
      await p.getByTestId('report-progress-text').getByText('Completed').waitFor();
      await p.getByRole('img', { name: /^Budget planned and actual by funding source/ }).waitFor();
      await expectPhoneFriendly(p, 'Audit report 2025 · version 1', p.getByRole('img', { name: /^Participants by region/ }), NAVIGATION.auditor);
    });

    it('publications', async () => {
      const p = await onPhone(auditor, '/publications', audit);
      await expectPhoneFriendly(p, 'Publications', p.getByTestId('plan-document'), NAVIGATION.auditor);
    });
  });
});
