import type { Page } from 'playwright-core';
import { activityFactory } from '../support/activity-fixtures';
import { applicantIn, apply, client, nationalRequest, PDF, type Token } from '../support/application-fixtures';
import { signedIn } from '../support/factories';
import { checkAccessibility, screenshotEachTest, signInWithToken, startBrowserApp, type BrowserTestApp } from '../support/browser';

describe('web app: the focal point', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  const createActivity = activityFactory(() => b.t);
  let focal: Token;
  const year = new Date().getUTCFullYear();
  const quarter = `${year + 1}-Q2`;
  let toEndorse: { applicationId: string; name: string };
  let toDecline: { applicationId: string; name: string };
  let overQuota: { applicationId: string; name: string };
  let withdrawable: string;

  const applicantNamed = async (name: string, activityId: string) => {
    const who = await applicantIn(b.t, 'KEN', { fullName: name });
    return { applicationId: await apply(b.t, who, activityId), name };
  };

  beforeAll(async () => {
    b = await startBrowserApp();
    focal = await signedIn(b.t, 'focal_point', 'KEN');
    const course = await createActivity({ requiresNomination: true, quota: 2 });
    await b.t.dataSource.query(`UPDATE activities SET title = 'Course on fisheries subsidies' WHERE id = $1`, [course.id]);
    toEndorse = await applicantNamed('Wanjiru Kamau', course.id);
    toDecline = await applicantNamed('Otieno Odhiambo', course.id);
    const full = await createActivity({ requiresNomination: true, quota: 1 });
    const first = await applicantNamed('Achieng Njeri', full.id);
    await client(b.t, focal).post(`/api/applications/${first.applicationId}/endorse`).expect(200);
    overQuota = await applicantNamed('Kipchoge Mutai', full.id);

    ({ id: withdrawable } = await nationalRequest(b.t, focal, { topics: JSON.stringify(['market_access']), preferredQuarter: `${year + 1}-Q3` }));
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const signedInAt = async (path: string) => {
    page = await b.newPage();
    await signInWithToken(page, focal.token, path);
    return page;
  };
  const statusOf = async (id: string) => (await b.t.dataSource.query('SELECT status FROM applications WHERE id = $1', [id]))[0].status;

  it("endorses one application of the country and declines another with a reason", async () => {
    const p = await signedInAt('/catalogue');
    await p.getByRole('link', { name: 'Nominations' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'Nominations' }).waitFor();
    const rows = p.getByTestId('nomination-row');
    await rows.filter({ hasText: toEndorse.name }).waitFor();
    await checkAccessibility(p);

    await p.getByRole('button', { name: `Endorse ${toEndorse.name}` }).click();
    // Confirmed first, with the quota left after it.
    const confirm = p.getByRole('dialog', { name: 'Endorse this candidate?' });
    await confirm.getByText('Endorsements left after this: 1').waitFor();
    await checkAccessibility(p);
    await confirm.getByRole('button', { name: 'Yes, endorse' }).click();
    await confirm.waitFor({ state: 'detached' });
    await p.getByText(`${toEndorse.name} is endorsed.`).waitFor();
    // The list shows what still waits: the endorsed one leaves it.
    await rows.filter({ hasText: toEndorse.name }).waitFor({ state: 'detached' });
    expect(await statusOf(toEndorse.applicationId)).toBe('endorsed');

    await p.getByRole('button', { name: `Decline ${toDecline.name}` }).click();
    const dialog = p.getByRole('dialog', { name: 'Decline this application' });
    await dialog.getByRole('button', { name: 'Decline the application' }).click();
    await dialog.getByText('Please give a reason.').waitFor();
    await checkAccessibility(p);
    await dialog.getByLabel(/^Reason/).fill('Not working on fisheries.');
    await dialog.getByRole('button', { name: 'Decline the application' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText(`${toDecline.name} is declined.`).waitFor();
    expect(await statusOf(toDecline.applicationId)).toBe('declined');

    await p.getByRole('combobox', { name: 'Status' }).click();
    await p.getByRole('option', { name: 'Declined by the focal point' }).click();
    await p.waitForURL(/status=declined/);
    await rows.filter({ hasText: toDecline.name }).getByText('Not working on fisheries.').waitFor();
  });

  it('shows the quota refusal of the API', async () => {
    const p = await signedInAt('/focal/nominations');
    await p.getByRole('button', { name: `Endorse ${overQuota.name}` }).click();
    await p.getByRole('dialog', { name: 'Endorse this candidate?' }).getByRole('button', { name: 'Yes, endorse' }).click();
    const alert = p.getByRole('alert').filter({ hasText: 'The nomination was refused' });
    await alert.waitFor();
    expect((await alert.textContent())?.toLowerCase()).toContain('quota');
    expect(await statusOf(overQuota.applicationId)).toBe('submitted');
  });

  it('submits a national request with its official letter', async () => {
    const p = await signedInAt('/focal/requests');
    await p.getByRole('heading', { level: 1, name: 'National requests' }).waitFor();
    await p.getByTestId('request-row').first().waitFor();
    await checkAccessibility(p);
    await p.getByRole('link', { name: 'New request' }).click();
    await p.getByRole('heading', { level: 1, name: 'New national request' }).waitFor();

    await p.getByRole('button', { name: 'Submit the request' }).click();
    await p.getByText('This field is required.').first().waitFor();
    await checkAccessibility(p);

    await p.getByRole('combobox', { name: /^Topics/ }).click();
    await p.getByRole('option', { name: 'Trade facilitation' }).click();
    await p.keyboard.press('Escape');
    await p.getByRole('combobox', { name: /^Preferred quarter/ }).click();
    await p.getByRole('option', { name: quarter, exact: true }).click();
    await p.getByLabel(/^Expected participants/).fill('30');
    await p.getByLabel(/^Needs assessment/).fill('Customs officials need training on the Trade Facilitation Agreement.');
    await p.getByLabel(/^Expected outcomes/).fill('A national committee that implements the agreement.');
    await p.getByLabel(/^Target audience/).fill('Customs and ministry of trade officials');
    await p.getByLabel(/^Name \(contact 1\)/).fill('Wanjiru Kamau');
    await p.getByLabel(/^Email \(contact 1\)/).fill('wanjiru@trade.go.ke');
    await p.getByLabel(/^Role \(contact 1\)/).fill('Director of trade');
    await p.locator('input[type="file"]').setInputFiles({ name: 'official-letter.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByRole('button', { name: 'Submit the request' }).click();

    await p.waitForURL(/\/focal\/requests\/[0-9a-f-]{36}$/);
    await p.getByText('Your request was submitted.').waitFor();
    await p.getByTestId('status-badge').getByText('Submitted').waitFor();
    await p.getByRole('button', { name: 'Download official-letter.pdf' }).waitFor();
    await checkAccessibility(p);
    const id = p.url().split('/').pop();
    const [row] = await b.t.dataSource.query(
      `SELECT r.status, r.country, r.preferred_quarter AS quarter, r.expected_participants AS participants, r.topics, f.filename
       FROM national_requests r JOIN request_documents d ON d.request_id = r.id JOIN stored_files f ON f.id = d.file_id WHERE r.id = $1`,
      [id],
    );
    expect(row).toMatchObject({ status: 'submitted', country: 'KEN', quarter, participants: 30, topics: ['trade_facilitation'], filename: 'official-letter.pdf' });

    // Edit while submitted.
    await p.getByRole('link', { name: 'Edit the request' }).click();
    await p.getByRole('heading', { level: 1, name: 'Edit the national request' }).waitFor();
    await expect(p.getByLabel(/^Expected participants/).inputValue()).resolves.toBe('30');
    await p.getByLabel(/^Expected participants/).fill('35');
    await p.getByRole('button', { name: 'Save the changes' }).click();
    await p.getByText('Your changes are saved.').waitFor();
    const [edited] = await b.t.dataSource.query('SELECT expected_participants AS participants FROM national_requests WHERE id = $1', [id]);
    expect(edited.participants).toBe(35);
  });

  it('withdraws another request, and shows the pages in French', async () => {
    const p = await signedInAt(`/focal/requests/${withdrawable}`);
    await p.getByRole('button', { name: 'Withdraw the request' }).click();
    const dialog = p.getByRole('dialog', { name: 'Withdraw this request?' });
    await dialog.waitFor();
    await checkAccessibility(p);
    await dialog.getByRole('button', { name: 'Yes, withdraw' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByTestId('status-badge').getByText('Withdrawn').waitFor();
    await p.getByRole('link', { name: 'Edit the request' }).waitFor({ state: 'detached' });
    const [row] = await b.t.dataSource.query('SELECT status FROM national_requests WHERE id = $1', [withdrawable]);
    expect(row.status).toBe('withdrawn');

    await p.getByTestId('language-switch').selectOption('fr');
    await p.getByTestId('status-badge').getByText('Retirée').waitFor();
    await p.getByRole('link', { name: 'Demandes nationales' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'Demandes nationales' }).waitFor();
    await p.getByRole('link', { name: 'Nouvelle demande' }).waitFor();
    await checkAccessibility(p);
  });
});
