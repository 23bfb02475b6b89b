import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { activityFactory } from '../support/activity-fixtures';
import { applicantIn, moveActivityDates, PDF, type Token } from '../support/application-fixtures';
import { signedIn } from '../support/factories';
import { SCREENSHOTS, screenshotEachTest, signInThroughPage, startBrowserApp, type BrowserTestApp } from '../support/browser';

/**
 * THE story of issue 6 (item 6), one person after another, each signed in through the sign-in
 * page of their own browser: an applicant finds an open activity in the catalogue and applies
 * with a CV; the country's focal point endorses; staff select, record attendance and completion;
 * the applicant downloads the certificate; an auditor requests the year's report, watches it
 * complete and downloads the PDF. Every step goes through the browser; a screenshot is saved
 * after each one (test/artifacts/screenshots/story-*.png).
 */
describe('web app: the whole story, from the catalogue to the audit report', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  let activity: { id: string; code: string };
  let applicant: Token;
  let focal: Token;
  let staff: Token;
  let auditor: Token;
  const title = 'Story course on e-commerce negotiations';
  const name = 'Njeri Wambui';
  const reportYear = new Date().getUTCFullYear() - 1;
  let applicationId: string;

  const step = async (p: Page, label: string) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await p.screenshot({ path: join(SCREENSHOTS, `story-${label}.png`), fullPage: true });
  };
  const bytes = async (download: Download) => readFileSync(await download.path());

  beforeAll(async () => {
    b = await startBrowserApp();
    // The audit report and its PDF are produced by a worker on this file's queues.
    await b.t.startWorker();
    const createActivity = activityFactory(() => b.t);
    // An open national activity for Kenya, published in the catalogue, needing a nomination and a CV.
    activity = await createActivity({ type: 'national', beneficiaries: ['KEN'], requiresNomination: true, requiredDocuments: ['cv'] });
    await b.t.dataSource.query('UPDATE activities SET title = $2 WHERE id = $1', [activity.id, title]);
    applicant = await applicantIn(b.t, 'KEN', { fullName: name, gender: 'female' });
    focal = await signedIn(b.t, 'focal_point', 'KEN');
    staff = await signedIn(b.t, 'staff');
    auditor = await signedIn(b.t, 'auditor');
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const statusOf = async () => (await b.t.dataSource.query('SELECT status FROM applications WHERE id = $1', [applicationId]))[0].status as string;

  let applicantPage: Page;

  it('1. the applicant finds the open activity in the catalogue and applies with a CV', async () => {
    page = applicantPage = await b.newPage();
    const p = page;
    await signInThroughPage(p, applicant.email);
    await p.goto('/catalogue');
    await p.getByRole('textbox', { name: 'Search' }).fill('e-commerce negotiations');
    await p.getByRole('button', { name: 'Search', exact: true }).click();
    await p.getByTestId('catalogue-list').getByRole('link', { name: title }).click();
    await p.getByRole('heading', { level: 1, name: title }).waitFor();
    await step(p, '1a-activity-sheet');
    await p.getByRole('link', { name: 'Apply' }).click();
    await p.getByRole('heading', { level: 1, name: 'Apply for this activity' }).waitFor();
    await p.getByLabel(/^Motivation/).fill('I negotiate the e-commerce chapter of our trade agreements.');
    await p.locator('input[type="file"]').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByRole('button', { name: 'Submit my application' }).click();
    await p.getByText('Your application was submitted.').waitFor();
    await step(p, '1b-applied');

    const [row] = await b.t.dataSource.query('SELECT id FROM applications WHERE activity_id = $1 AND applicant_id = $2', [activity.id, applicant.id]);
    applicationId = row.id;
    expect(await statusOf()).toBe('submitted');
    const [{ count }] = await b.t.dataSource.query("SELECT count(*)::int AS count FROM application_documents WHERE application_id = $1 AND kind = 'cv'", [applicationId]);
    expect(count).toBe(1);
  });

  it('2. the focal point of Kenya endorses the nomination', async () => {
    page = await b.newPage();
    const p = page;
    await signInThroughPage(p, focal.email);
    await p.getByRole('link', { name: 'Nominations' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'Nominations' }).waitFor();
    await p.getByTestId('nomination-row').filter({ hasText: name }).waitFor();
    await step(p, '2a-nominations');
    await p.getByRole('button', { name: `Endorse ${name}` }).click();
    await p.getByRole('dialog', { name: 'Endorse this candidate?' }).getByRole('button', { name: 'Yes, endorse' }).click();
    await p.getByText(`${name} is endorsed.`).waitFor();
    await step(p, '2b-endorsed');
    expect(await statusOf()).toBe('endorsed');
  });

  it('3. staff select the applicant, then record attendance and completion', async () => {
    page = await b.newPage();
    const p = page;
    await signInThroughPage(p, staff.email);
    await p.goto(`/staff/activities/${activity.id}/applications`);
    await p.getByTestId('applications-table').waitFor();
    await p.getByRole('button', { name: `Select ${name}` }).click();
    await p.getByRole('button', { name: `Reject ${name}` }).waitFor();
    expect(await statusOf()).toBe('selected');
    await step(p, '3a-selected');
    // The course takes place (it ended yesterday): attendance and completion are offered only now.
    await moveActivityDates(b.t, activity.id, 6, 5);
    await p.reload();
    await p.getByRole('button', { name: `Record attendance ${name}` }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Days attended/ }).fill('5');
    await dialog.getByRole('button', { name: 'Record attendance' }).click();
    await p.getByRole('button', { name: `Complete ${name}` }).click();
    await p.getByRole('dialog', { name: `Complete ${name}?` }).getByRole('button', { name: 'Complete and issue the certificate' }).click();
    await p.getByTestId(`application-${applicationId}`).locator('[data-status="completed"]').waitFor();
    await step(p, '3b-completed');
    expect(await statusOf()).toBe('completed');
  });

  it('4. the applicant downloads the certificate', async () => {
    page = applicantPage;
    const p = page;
    // They come back later: a fresh visit of their applications, as staff have decided since.
    await p.goto('/my/applications');
    await p.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    await p.getByTestId('application-row').filter({ hasText: title }).getByRole('link', { name: title }).click();
    await p.getByRole('heading', { level: 1, name: title }).waitFor();
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download my certificate (PDF)' }).click()]);
    const [{ code }] = await b.t.dataSource.query('SELECT certificate_code AS code FROM applications WHERE id = $1', [applicationId]);
    expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);
    expect((await bytes(download)).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await step(p, '4-certificate');
  });

  it('5. an auditor requests the year’s report, watches it complete and downloads the PDF', async () => {
    // The course has taken place: it is delivered, in last year, so last year's report counts it.
    // (Time cannot pass in a test; the lifecycle of delivery has its own tests.)
    await b.t.dataSource.query(`UPDATE activities SET status = 'delivered', application_deadline = $2::date - 30, start_date = $2, end_date = $3, budget_actual = '900.00' WHERE id = $1`, [
      activity.id,
      `${reportYear}-06-01`,
      `${reportYear}-06-05`,
    ]);
    page = await b.newPage();
    const p = page;
    await signInThroughPage(p, auditor.email);
    await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit reports' }).click();
    await p.getByRole('heading', { level: 1, name: 'Audit reports' }).waitFor();
    await p.getByRole('textbox', { name: /^Year/ }).fill(String(reportYear));
    await p.getByRole('button', { name: 'Request the report' }).click();
    await p.waitForURL(/\/audit-reports\/[0-9a-f-]{36}$/);
    const progress = p.getByRole('progressbar', { name: `Generation of the ${reportYear} report` });
    await progress.waitFor();
    await step(p, '5a-report-requested');
    const deadline = Date.now() + 60_000;
    while ((await progress.getAttribute('aria-valuenow')) !== '100') {
      if (Date.now() > deadline) throw new Error('the report did not complete within a minute');
      await p.waitForTimeout(100);
    }
    await p.getByTestId('report-progress-text').getByText('Completed').waitFor();
    // The story's one completed participation, by a woman.
    await p.getByTestId('figure-participations').getByText('1', { exact: true }).waitFor();
    await p.getByTestId('figure-completionRate').getByText('100%', { exact: true }).waitFor();
    await p.getByTestId('figure-womenShare').getByText('100%', { exact: true }).waitFor();
    await p.getByRole('img', { name: /^Participants by region/ }).waitFor();
    await step(p, '5b-report-completed');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`audit-${reportYear}-v1.pdf`);
    expect((await bytes(download)).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await step(p, '5c-report-pdf');
  });
});
