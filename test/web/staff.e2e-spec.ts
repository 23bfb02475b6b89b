import type { Page } from 'playwright-core';
import { activityFactory, day, insertActivity, insertPlan } from '../support/activity-fixtures';
import { bulkApplications, moveActivityDates, nationalRequest } from '../support/application-fixtures';
import { signedIn } from '../support/factories';
import { join } from 'node:path';
import { checkAccessibility, SCREENSHOTS, screenshotEachTest, signInWithToken, startBrowserApp, type BrowserTestApp } from '../support/browser';

describe('web app: staff pages', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  let staff: { id: string; token: string };
  let createActivity: ReturnType<typeof activityFactory>;
  let planId: string;
  let planCode: string;
  let productId: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    staff = await signedIn(b.t, 'staff');
    createActivity = activityFactory(() => b.t);
    const first = await createActivity({ status: 'open', capacity: 30 });
    [{ planId, planCode, productId }] = await b.t.dataSource.query(
      'SELECT p.id AS "planId", p.code AS "planCode", a.product_id AS "productId" FROM activities a JOIN ta_plans p ON p.id = a.plan_id WHERE a.id = $1',
      [first.id],
    );
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const open = async (path: string) => {
    page = await b.newPage();
    await signInWithToken(page, staff.token, path);
    return page;
  };

  it('opens the plan and its products matrix, and downloads it', async () => {
    const p = await open('/staff/plans');
    await p.getByRole('heading', { level: 1, name: 'TA Plans' }).waitFor();
    await checkAccessibility(p);
    await p.getByRole('link', { name: planCode }).click();
    await p.waitForURL(`**/staff/plans/${planId}`);
    const matrix = p.getByTestId('matrix');
    await matrix.getByRole('rowheader', { name: 'P1 · General TA' }).waitFor();
    expect(await matrix.getByRole('row').filter({ hasText: 'General TA' }).textContent()).toContain('500,000.00');
    // An adopted plan can be closed, not adopted again: the buttons are its allowedActions.
    await p.getByRole('button', { name: 'Close the plan' }).waitFor();
    expect(await p.getByRole('button', { name: 'Adopt the plan' }).count()).toBe(0);
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^matrix-.+\.csv$/);
    await checkAccessibility(p);
    // The products tab names each product's category, not its code.
    await p.getByRole('tab', { name: 'Products and key results' }).click();
    const products = p.getByRole('region', { name: 'Products', exact: true });
    await products.getByRole('row').filter({ hasText: 'General TA' }).filter({ hasText: 'General WTO-related technical assistance and training' }).waitFor();
  });

  it('lists activities with filters and shows them on the calendar', async () => {
    const p = await open('/staff/activities');
    await p.getByTestId('activities-table').waitFor();
    await checkAccessibility(p);
    await p.goto(`/staff/calendar?month=${day(60).slice(0, 7)}`);
    await p.getByTestId('calendar').getByRole('link').first().waitFor();
    await checkAccessibility(p);
  });

  it('pages the activities list: "Load more" reaches the last activity past the first page', async () => {
    // More activities than a page holds (the API's 50), the last of them the latest to start.
    const extra = 55;
    for (let index = 1; index <= extra; index++) {
      await insertActivity(b.t, { planId, productId }, { title: `Paging course ${index}`, startDate: day(300 + index), endDate: day(300 + index) });
    }
    const [{ total }] = await b.t.dataSource.query('SELECT count(*)::int AS total FROM activities');
    expect(total).toBeGreaterThan(50);
    expect(total).toBeLessThanOrEqual(100);

    const p = await open('/staff/activities');
    const table = p.getByTestId('activities-table');
    await table.waitFor();
    await p.getByTestId('rows-shown').getByText('50 rows shown').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    expect(await table.getByRole('cell', { name: `Paging course ${extra}`, exact: true }).count()).toBe(0);

    // The first page, with its count and the button under it (after the button, screenshotEachTest saves the whole list).
    await p.getByRole('button', { name: 'Load more' }).scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(SCREENSHOTS, 'web-app-staff-pages-activities-first-page.png') });
    await p.getByRole('button', { name: 'Load more' }).click();
    await table.getByRole('cell', { name: `Paging course ${extra}`, exact: true }).waitFor();
    await p.getByTestId('rows-shown').getByText(`${total} rows shown`).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(total);
    // The last page is in: no button asks for more.
    expect(await p.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await table.getByRole('cell', { name: `Paging course ${extra}`, exact: true }).scrollIntoViewIfNeeded();
    await checkAccessibility(p);
  });

  it('confirms an activity, offers only the actions its allowedActions name, and shows a refusal', async () => {
    const planned = await createActivity({ status: 'planned', start: day(200) });
    const p = await open(`/staff/activities/${planned.id}`);
    await p.getByRole('heading', { level: 1, name: new RegExp(planned.code) }).waitFor();
    await checkAccessibility(p);
    expect(await p.getByRole('button', { name: 'Open applications' }).count()).toBe(0);
    await p.getByRole('button', { name: 'Confirm', exact: true }).click();
    await p.locator('[data-status="confirmed"]').first().waitFor();
    await p.getByRole('button', { name: 'Confirm', exact: true }).waitFor({ state: 'detached' });
    expect(await p.getByRole('button', { name: 'Close applications' }).count()).toBe(0);
    await p.getByRole('button', { name: 'Open applications' }).waitFor();
    // Offered, but the API still checks the preconditions: the activity has not ended yet.
    // Delivering cannot be undone: the page asks first.
    await p.getByRole('button', { name: 'Mark delivered' }).click();
    const dialog = p.getByRole('dialog', { name: /as delivered\?/ });
    await dialog.getByRole('button', { name: 'Mark delivered' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: 'can be delivered only after its end date has passed' });
    await alert.waitFor();
    await dialog.getByRole('button', { name: 'Back' }).click();
    // The edit form: a field saved with the version read.
    await p.getByRole('textbox', { name: /^Title/ }).fill('Course on customs valuation');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await p.getByRole('heading', { level: 1, name: /Course on customs valuation/ }).waitFor();
    await p.getByRole('tab', { name: 'Activity sheet' }).click();
    await p.getByRole('button', { name: 'Publish the sheet' }).waitFor();
    await checkAccessibility(p);
  });

  it('selects applicants until the activity is full, then records attendance and completion', async () => {
    const activity = await createActivity({ status: 'open', capacity: 2 });
    const ids = await bulkApplications(b.t, activity.id, 3);
    for (const [index, id] of ids.entries()) {
      await b.t.dataSource.query('UPDATE applicant_profiles SET full_name = $2 WHERE user_id = (SELECT applicant_id FROM applications WHERE id = $1)', [id, `Applicant ${index + 1}`]);
    }
    const p = await open(`/staff/activities/${activity.id}/applications`);
    await p.getByTestId('applications-table').waitFor();
    await p.getByText('2 seats left of 2').waitFor();
    await checkAccessibility(p);

    await p.getByRole('button', { name: 'Select Applicant 1' }).click();
    await p.getByText('1 seats left of 2').waitFor();
    await p.getByRole('button', { name: 'Select Applicant 2' }).click();
    await p.getByText('0 seats left of 2').waitFor();
    await p.getByRole('button', { name: 'Select Applicant 3' }).click();
    await p.getByRole('alert').filter({ hasText: 'is full' }).waitFor();

    // Bulk: the third goes to the waitlist.
    await p.getByRole('checkbox', { name: 'Check Applicant 3' }).check();
    await p.getByRole('combobox', { name: 'Decision for the checked applications' }).click();
    await p.getByRole('option', { name: 'Waitlist' }).click();
    await p.getByRole('button', { name: 'Apply to 1 checked' }).click();
    await p.getByTestId('waitlist').getByText('Applicant 3').waitFor();

    // Attendance once the course has started, completion once it has ended: the course took place last week.
    expect(await p.getByRole('button', { name: 'Record attendance Applicant 1' }).count()).toBe(0);
    await moveActivityDates(b.t, activity.id, 6, 5);
    await p.reload();
    await p.getByRole('button', { name: 'Record attendance Applicant 1' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Days attended/ }).fill('5');
    await dialog.getByRole('button', { name: 'Record attendance' }).click();
    await p.getByRole('button', { name: 'Complete Applicant 1' }).click();
    // Completion issues a certificate: confirmed first.
    await p.getByRole('dialog', { name: 'Complete Applicant 1?' }).getByRole('button', { name: 'Complete and issue the certificate' }).click();
    await p.getByTestId(`application-${ids[0]}`).locator('[data-status="completed"]').waitFor();
    const [row] = await b.t.dataSource.query('SELECT status, attended_days AS "attendedDays", certificate_code AS code FROM applications WHERE id = $1', [ids[0]]);
    expect(row).toMatchObject({ status: 'completed', attendedDays: 5 });
    expect(row.code).toBeTruthy();
    await checkAccessibility(p);
  });

  it('saves the back-to-office report of a delivered activity', async () => {
    const delivered = await createActivity({ status: 'delivered', start: day(-20), deadline: day(-30) });
    const p = await open(`/staff/activities/${delivered.id}/report`);
    await p.getByRole('heading', { level: 1, name: new RegExp(`Back-to-office report: ${delivered.code}`) }).waitFor();
    await p.getByRole('textbox', { name: /^Sessions held/ }).fill('10');
    await p.getByRole('textbox', { name: /^Women/ }).fill('12');
    await p.getByRole('textbox', { name: /^Men/ }).fill('9');
    await p.getByRole('radio', { name: 'Partly' }).check();
    await p.getByRole('button', { name: 'Save the report' }).click();
    await p.getByText('The report was saved.').waitFor();
    await checkAccessibility(p);
  });

  it('reviews, approves and schedules a national request', async () => {
    const focal = await signedIn(b.t, 'focal_point', 'KEN');
    const created = await nationalRequest(b.t, focal);

    const p = await open('/staff/requests');
    await p.getByTestId('requests-table').waitFor();
    await checkAccessibility(p);
    await p.getByRole('link', { name: 'Kenya' }).first().click();
    await p.waitForURL(`**/staff/requests/${created.id}`);
    await p.getByTestId('review-context').getByText('Least-developed country').or(p.getByText('Not a least-developed country')).first().waitFor();
    await p.getByRole('button', { name: 'Start the review' }).click();
    await p.locator('[data-status="under_review"]').waitFor();
    await checkAccessibility(p);
    await p.getByRole('textbox', { name: 'Comment (optional)' }).fill('Fits the plan priorities.');
    await p.getByRole('button', { name: 'Approve', exact: true }).click();
    await p.locator('[data-status="approved"]').waitFor();
    await p.getByRole('combobox', { name: /Product of the plan/ }).waitFor();
    const [row] = await b.t.dataSource.query('SELECT status, decision_reason AS reason FROM national_requests WHERE id = $1', [created.id]);
    expect(row).toEqual({ status: 'approved', reason: 'Fits the plan priorities.' });

    await p.getByRole('combobox', { name: /Product of the plan/ }).click();
    await p.getByRole('option', { name: / · / }).first().click();
    await p.getByRole('button', { name: 'Schedule the activity' }).click();
    await p.getByText(/Scheduled as TA-\d{4}-\d{4}/).waitFor();
    await checkAccessibility(p);
    const [scheduled] = await b.t.dataSource.query(
      `SELECT a.type, a.status, a.beneficiary_countries AS countries, a.national_request_id = r.id AS linked
       FROM national_requests r JOIN activities a ON a.id = r.activity_id WHERE r.id = $1`,
      [created.id],
    );
    expect(scheduled).toEqual({ type: 'national', status: 'planned', countries: ['KEN'], linked: true });
  });

  it('adopts a draft plan, after which only Close is offered, and a closed plan offers neither', async () => {
    const draftId = await insertPlan(b.t, { firstYear: 2090, lastYear: 2091, title: 'Draft plan', status: 'draft' });
    const p = await open(`/staff/plans/${draftId}`);
    await p.getByRole('heading', { level: 1, name: /2090-2091/ }).waitFor();
    expect(await p.getByRole('button', { name: 'Close the plan' }).count()).toBe(0);
    await p.getByRole('button', { name: 'Adopt the plan' }).click();
    await p.getByRole('button', { name: 'Close the plan' }).waitFor();
    await p.getByRole('button', { name: 'Adopt the plan' }).waitFor({ state: 'detached' });
    expect((await b.t.dataSource.query('SELECT status FROM ta_plans WHERE id = $1', [draftId]))[0].status).toBe('adopted');
    await p.getByRole('button', { name: 'Close the plan' }).click();
    const dialog = p.getByRole('dialog', { name: /Close plan 2090-2091\?/ });
    await dialog.getByText('can no longer be changed').waitFor();
    await dialog.getByRole('button', { name: 'Close it' }).click();
    await p.getByRole('button', { name: 'Close the plan' }).waitFor({ state: 'detached' });
    expect(await p.getByRole('button', { name: 'Adopt the plan' }).count()).toBe(0);
    expect((await b.t.dataSource.query('SELECT status FROM ta_plans WHERE id = $1', [draftId]))[0].status).toBe('closed');
    await checkAccessibility(p);
  });
});
