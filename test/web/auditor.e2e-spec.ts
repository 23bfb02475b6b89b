import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { buildDataSet } from '../support/audit-dataset';
import { signedIn } from '../support/factories';
import { checkAccessibility, readmeScreenshot, screenshotEachTest, signInWithToken, startBrowserApp, type BrowserTestApp } from '../support/browser';

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

describe('web app: audit reports and publications', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  let auditor: { id: string; email: string; token: string };

  beforeAll(async () => {
    b = await startBrowserApp();
    // The hand-built data set of the audit tests (year 2025, worked out in test/support/audit-dataset.ts).
    await buildDataSet(b.t);
    // Reports and their exports are produced by a worker on this file's queues.
    await b.t.startWorker();
    auditor = await signedIn(b.t, 'auditor');
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  it('requests a report, follows its progress, reads its figures and charts, downloads the PDF and finalizes it', async () => {
    page = await b.newPage();
    const p = page;
    await signInWithToken(p, auditor.token, '/audit-reports');
    await p.getByRole('heading', { level: 1, name: 'Audit reports' }).waitFor();
    await p.getByTestId('reports-empty').waitFor();
    await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit reports' }).waitFor();
    await checkAccessibility(p);

    // The form's own check, beside the field.
    const year = p.getByRole('textbox', { name: /^Year/ });
    await year.fill('1999');
    await p.getByRole('button', { name: 'Request the report' }).click();
    await p.getByText('Enter a year between 2000 and 2100.').waitFor();

    await year.fill('2025');
    const requested = p.waitForResponse((response) => response.url().endsWith('/api/audit-reports') && response.request().method() === 'POST');
    await p.getByRole('button', { name: 'Request the report' }).click();
    expect((await requested).status()).toBe(202);
    await p.waitForURL(/\/audit-reports\/[0-9a-f-]{36}$/);
    const id = p.url().split('/').pop()!;
    await p.getByRole('heading', { level: 1, name: 'Audit report 2025 · version 1' }).waitFor();

    // The live progress bar: the page asks again every second until the worker is done.
    const progress = p.getByRole('progressbar', { name: 'Generation of the 2025 report' });
    await progress.waitFor();
    const seen = new Set<string>();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = (await progress.getAttribute('aria-valuenow')) ?? '';
      seen.add(value);
      if (value === '100') break;
      if (Date.now() > deadline) throw new Error(`progress stuck at ${value}`);
      await p.waitForTimeout(100);
    }
    await p.getByTestId('report-progress-text').getByText('Completed').waitFor();
    expect([...seen].every((value) => /^\d+$/.test(value))).toBe(true);

    // The key figures, as the API computed them.
    const { body } = await b.t.http.get(`/api/audit-reports/${id}`).auth(auditor.token, { type: 'bearer' }).expect(200);
    expect(body.status).toBe('completed');
    const totals = body.data.totals;
    expect(totals.participations).toBe(7);
    const figure = (key: string) => p.getByTestId(`figure-${key}`);
    await figure('participations').getByText(String(totals.participations), { exact: true }).waitFor();
    await figure('participants').getByText(String(totals.participants), { exact: true }).waitFor();
    const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
    await figure('completionRate').getByText(percent(totals.completionRate), { exact: true }).waitFor();
    await figure('womenShare').getByText(percent(totals.womenShare), { exact: true }).waitFor();
    for (const key of ['ldcShare', 'eLearningShare', 'evaluationResponseRate', 'learningGain', 'budgetExecution', 'resultsMet']) await figure(key).waitFor();

    // The charts: SVG images named by their titles, with every value in their text alternative.
    for (const title of ['Participants by region', 'Women share by product category', 'Activities by delivery mode', 'Budget planned and actual by funding source (CHF)']) {
      await p.getByRole('img', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).waitFor();
    }
    const regionChart = p.getByTestId('chart-region').locator('svg desc');
    for (const row of body.data.byRegion as { participants: number }[]) expect(await regionChart.textContent()).toContain(String(row.participants));
    await p.getByRole('table', { name: 'By delivery mode' }).waitFor();
    await p.getByRole('table', { name: 'Top beneficiary countries' }).waitFor();
    await checkAccessibility(p);
    await readmeScreenshot(p, 'audit-report', true);

    // The PDF, fetched with the token and saved by the browser.
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('audit-2025-v1.pdf');
    expect((await downloaded(download)).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const [csv] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download CSV' }).click()]);
    expect((await downloaded(csv)).toString('utf8')).toContain('section');

    // Finalize, through the confirm dialog.
    await p.getByRole('button', { name: 'Finalize the report' }).click();
    const dialog = p.getByRole('dialog', { name: 'Finalize the 2025 report (version 1)?' });
    await dialog.waitFor();
    await checkAccessibility(p);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).last().click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByRole('button', { name: 'Finalize the report' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Finalize', exact: true }).click();
    await p.getByTestId('report-finalized').waitFor();
    await p.getByRole('button', { name: 'Finalize the report' }).waitFor({ state: 'detached' });
    // The finalized report still exports, and its year can be asked for again (its allowedActions).
    await p.getByRole('button', { name: 'Download PDF' }).waitFor();
    await p.getByRole('button', { name: 'Request a new version of the 2025 report' }).waitFor();
    const [{ finalizedBy }] = await b.t.dataSource.query('SELECT finalized_by AS "finalizedBy" FROM audit_reports WHERE id = $1', [id]);
    expect(finalizedBy).toBe(auditor.id);

    // The list shows it, finalized.
    await p.getByRole('link', { name: 'Back to the audit reports' }).click();
    const table = p.getByTestId('reports-table');
    await table.getByRole('link', { name: 'Report 2025 (v1)' }).waitFor();
    await table.getByText('Completed').waitFor();
    await table.getByText(/^Finalized \w/).waitFor();
    await checkAccessibility(p);
  });

  it('shows the report pages in French and Spanish', async () => {
    page = await b.newPage();
    const p = page;
    await signInWithToken(p, auditor.token, '/audit-reports');
    await p.getByTestId('language-switch').selectOption('fr');
    await p.getByRole('heading', { level: 1, name: 'Rapports d’audit' }).waitFor();
    await p.getByRole('link', { name: 'Rapport 2025 (v1)' }).click();
    await p.getByRole('heading', { level: 1, name: 'Rapport d’audit 2025 · version 1' }).waitFor();
    await p.getByRole('img', { name: /^Participants par région/ }).waitFor();
    await p.getByTestId('language-switch').selectOption('es');
    await p.getByRole('heading', { level: 2, name: 'Cifras clave' }).waitFor();
    await checkAccessibility(p);
  });

  it('shows a failed report without downloads or finalize, only a new request (its allowedActions)', async () => {
    const [{ id }] = await b.t.dataSource.query(
      `INSERT INTO audit_reports (year, version, status, progress, attempts, error) VALUES (2024, 1, 'failed', 40, 3, 'the database went away') RETURNING id`,
    );
    page = await b.newPage();
    const p = page;
    await signInWithToken(p, auditor.token, `/audit-reports/${id}`);
    await p.getByRole('heading', { level: 1, name: 'Audit report 2024 · version 1' }).waitFor();
    await p.getByRole('alert').getByText('the database went away').waitFor();
    await p.getByRole('button', { name: 'Request a new version of the 2024 report' }).waitFor();
    expect(await p.getByRole('button', { name: /^Download / }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Finalize the report' }).count()).toBe(0);
    await checkAccessibility(p);
  });

  it('keeps the report pages to auditors and admins', async () => {
    const staff = await signedIn(b.t, 'staff');
    page = await b.newPage();
    await signInWithToken(page, staff.token, '/audit-reports');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.getByRole('link', { name: 'Audit reports' }).count()).toBe(0);
  });

  it('lets anyone download the year’s publications, linked from the catalogue; plan documents once signed in', async () => {
    page = await b.newPage();
    const p = page;
    await p.goto('/catalogue');
    await p.getByRole('link', { name: /^Publications: activities of the year/ }).click();
    await p.waitForURL('**/publications');
    await p.getByRole('heading', { level: 1, name: 'Publications' }).waitFor();
    await p.getByTestId('plans-sign-in').waitFor();
    await checkAccessibility(p);

    await p.getByRole('combobox', { name: 'Year' }).click();
    await p.getByRole('option', { name: '2025', exact: true }).click();
    expect(await p.getByRole('link', { name: 'Activities 2025 (PDF, for print)' }).getAttribute('href')).toBe('/api/publications/activities?year=2025&format=pdf');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Activities 2025 (CSV, for spreadsheets)' }).click()]);
    expect(download.suggestedFilename()).toBe('trta-activities-2025.csv');
    const csv = (await downloaded(download)).toString('utf8');
    expect(csv).toContain('TA-2025-0001');
    const pdf = await p.request.get('/api/publications/activities?year=2025&format=pdf');
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await readmeScreenshot(p, 'publications');

    // Signed in, the TA Plans can be chosen and their documents opened.
    await signInWithToken(p, auditor.token, '/publications');
    const planLink = p.getByTestId('plan-document');
    await planLink.waitFor();
    const href = (await planLink.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/ta-plans\/[0-9a-f-]{36}\/document\.pdf$/);
    const plan = await p.request.get(href);
    expect(plan.status()).toBe(200);
    expect((await plan.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await checkAccessibility(p);
  });
});
