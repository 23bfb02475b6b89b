import type { Page } from 'playwright-core';
import { activityFactory } from '../support/activity-fixtures';
import { applicantIn, apply, PDF, type Token } from '../support/application-fixtures';
import { checkAccessibility, screenshotEachTest, signInWithToken, startBrowserApp, type BrowserTestApp } from '../support/browser';

describe('web app: the applicant', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  const createActivity = activityFactory(() => b.t);
  let applicant: Token;
  let open: { id: string; title: string };
  let toWithdraw: { id: string; title: string; applicationId: string };
  let elsewhere: { id: string; title: string };
  let attended: { title: string; applicationId: string };
  let completed: { title: string; applicationId: string };

  const titled = async (title: string, options: Parameters<typeof createActivity>[0] = {}) => {
    const { id } = await createActivity(options);
    await b.t.dataSource.query('UPDATE activities SET title = $2 WHERE id = $1', [id, title]);
    return { id, title };
  };

  beforeAll(async () => {
    b = await startBrowserApp();
    applicant = await applicantIn(b.t, 'KEN');
    open = await titled('Workshop on quixotic rules of origin', { requiredDocuments: ['cv'] });
    const other = await titled('Course on tariff negotiations');
    toWithdraw = { ...other, applicationId: await apply(b.t, applicant, other.id) };
    elsewhere = await titled('National workshop for Senegal only', { type: 'national', beneficiaries: ['SEN'] });
    const past = await titled('Past course on services trade', { start: new Date(Date.now() - 20 * 86400_000).toISOString().slice(0, 10), deadline: null, status: 'delivered' });
    const [{ id: attendedId }] = await b.t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, motivation, status, attended_days) VALUES ($1, $2, 'KEN', 'Services', 'attended', 5) RETURNING id`,
      [past.id, applicant.id],
    );
    attended = { title: past.title, applicationId: attendedId };
    const done = await titled('Completed course on investment facilitation', { start: new Date(Date.now() - 40 * 86400_000).toISOString().slice(0, 10), deadline: null, status: 'delivered' });
    const [{ id: completedId }] = await b.t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, motivation, status, attended_days, completed_at, certificate_code)
       VALUES ($1, $2, 'KEN', 'Investment', 'completed', 5, now(), 'TRTA-4H7KM2QX9P') RETURNING id`,
      [done.id, applicant.id],
    );
    completed = { title: done.title, applicationId: completedId };
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const signedInAt = async (path: string, who: Token = applicant) => {
    page = await b.newPage();
    await signInWithToken(page, who.token, path);
    return page;
  };

  it('finds an open activity in the catalogue and applies with a CV', async () => {
    const p = await signedInAt('/catalogue');
    await p.getByRole('textbox', { name: 'Search' }).fill('quixotic');
    await p.getByRole('button', { name: 'Search', exact: true }).click();
    await p.getByTestId('catalogue-list').getByRole('link', { name: open.title }).click();
    await p.getByRole('heading', { level: 1, name: open.title }).waitFor();
    await p.getByRole('link', { name: 'Apply' }).click();
    await p.getByRole('heading', { level: 1, name: 'Apply for this activity' }).waitFor();

    // Nothing filled in: the form says what is missing beside each field.
    await p.getByRole('button', { name: 'Submit my application' }).click();
    await p.getByText('Please write your motivation.').waitFor();
    await checkAccessibility(p);

    await p.getByLabel(/^Motivation/).fill('I negotiate rules of origin for the ministry of trade.');
    await p.getByRole('button', { name: 'Submit my application' }).click();
    await p.getByText('Please attach this document.').waitFor();
    await p.locator('input[type="file"]').setInputFiles({ name: 'my-cv.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByRole('button', { name: 'Submit my application' }).click();

    await p.waitForURL(/\/my\/applications\/[0-9a-f-]{36}$/);
    await p.getByRole('heading', { level: 1, name: open.title }).waitFor();
    await p.getByText('Your application was submitted.').waitFor();
    expect(await p.getByTestId('status-badge').textContent()).toBe('Submitted');
    await p.getByText('Curriculum vitae (my-cv.pdf)').waitFor();
    await checkAccessibility(p);

    await p.getByRole('link', { name: 'My applications' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    const row = p.getByTestId('application-row').filter({ hasText: open.title });
    await row.getByText('Submitted', { exact: true }).waitFor();
    await p.getByTestId('application-row').filter({ hasText: toWithdraw.title }).waitFor();
    await checkAccessibility(p);

    const [stored] = await b.t.dataSource.query(
      `SELECT ap.status, ap.motivation, f.filename FROM applications ap JOIN application_documents d ON d.application_id = ap.id
       JOIN stored_files f ON f.id = d.file_id WHERE ap.activity_id = $1 AND ap.applicant_id = $2`,
      [open.id, applicant.id],
    );
    expect(stored).toMatchObject({ status: 'submitted', filename: 'my-cv.pdf' });
  });

  it("shows the API's eligibility refusal at the top of the form", async () => {
    const p = await signedInAt(`/catalogue/${elsewhere.id}/apply`);
    await p.getByLabel(/^Motivation/).fill('I would like to attend.');
    await p.locator('input[type="file"]').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByRole('button', { name: 'Submit my application' }).click();
    const alert = p.getByRole('alert').filter({ hasText: 'Your application could not be accepted' });
    await alert.getByText(/is for Senegal; your country, Kenya, is not among them\./).waitFor();
    expect(p.url()).toContain('/apply');
  });

  it('withdraws another application after confirming', async () => {
    const p = await signedInAt('/my/applications');
    await p.getByRole('link', { name: toWithdraw.title }).click();
    await p.getByRole('heading', { level: 1, name: toWithdraw.title }).waitFor();
    await p.getByRole('button', { name: 'Withdraw my application' }).click();
    const dialog = p.getByRole('dialog', { name: 'Withdraw this application?' });
    await dialog.waitFor();
    await checkAccessibility(p);
    await dialog.getByRole('button', { name: 'Yes, withdraw' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByTestId('status-badge').getByText('Withdrawn').waitFor();
    await p.getByRole('button', { name: 'Withdraw my application' }).waitFor({ state: 'detached' });
    const [row] = await b.t.dataSource.query('SELECT status FROM applications WHERE id = $1', [toWithdraw.applicationId]);
    expect(row.status).toBe('withdrawn');
  });

  it('evaluates an attended activity, then answers the follow-up', async () => {
    const p = await signedInAt(`/my/applications/${attended.applicationId}`);
    await p.getByRole('heading', { level: 2, name: 'Evaluate the activity' }).waitFor();
    await p.getByRole('button', { name: 'Send my evaluation' }).click();
    await p.getByText('Please choose an answer.').first().waitFor();
    await p.getByRole('radiogroup', { name: /Overall satisfaction/ }).getByRole('radio', { name: '4' }).check();
    await p.getByRole('radiogroup', { name: /Relevance to your work/ }).getByRole('radio', { name: '5' }).check();
    await p.getByLabel('Score before the activity (0–100)').fill('40');
    await p.getByLabel('Score after the activity (0–100)').fill('85');
    await p.getByLabel('Comments').fill('Very practical.');
    await checkAccessibility(p);
    await p.getByRole('button', { name: 'Send my evaluation' }).click();

    await p.getByRole('heading', { level: 2, name: 'Follow-up' }).waitFor();
    await p.getByTestId('evaluation-summary').getByText(/satisfaction 4\/5, relevance 5\/5/).waitFor();
    await p.getByRole('radio', { name: 'Yes' }).check();
    await p.getByLabel('How (optional)').fill('I drafted the new origin rules.');
    await p.getByRole('button', { name: 'Save my answer' }).click();
    await p.getByText('Your follow-up answer is saved.').waitFor();
    const [row] = await b.t.dataSource.query(
      'SELECT satisfaction, relevance, pre_test_score AS pre, post_test_score AS post, applied_in_work AS applied FROM evaluations WHERE application_id = $1',
      [attended.applicationId],
    );
    expect(row).toEqual({ satisfaction: 4, relevance: 5, pre: 40, post: 85, applied: true });
  });

  it('downloads the certificate of a completed activity', async () => {
    const p = await signedInAt(`/my/applications/${completed.applicationId}`);
    await p.getByRole('heading', { level: 1, name: completed.title }).waitFor();
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download my certificate (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('certificate-TRTA-4H7KM2QX9P.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await checkAccessibility(p);
  });

  it('edits the profile, downloads the data, and shows the page in French', async () => {
    const p = await signedInAt('/my/profile');
    await p.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    const position = p.getByLabel(/^Position/);
    await expect(position.inputValue()).resolves.toBe('Trade officer');
    await position.fill('');
    await p.getByRole('button', { name: 'Save my profile' }).click();
    await p.getByText('Required', { exact: true }).first().waitFor();
    await position.fill('Head of trade negotiations');
    await p.getByRole('button', { name: 'Save my profile' }).click();
    await p.getByText('Your profile is saved.').waitFor();
    const [profile] = await b.t.dataSource.query('SELECT position FROM applicant_profiles WHERE user_id = $1', [applicant.id]);
    expect(profile.position).toBe('Head of trade negotiations');
    await checkAccessibility(p);

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toBe('my-data.json');

    await p.getByTestId('language-switch').selectOption('fr');
    await p.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    await p.getByRole('button', { name: 'Enregistrer mon profil' }).waitFor();
    await p.getByRole('link', { name: 'Mes candidatures' }).first().waitFor();
    await checkAccessibility(p);
  });

  it('deletes the account after confirming, and signs out', async () => {
    const leaving = await applicantIn(b.t, 'KEN');
    const p = await signedInAt('/my/profile', leaving);
    await p.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = p.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByRole('button', { name: 'Yes, delete my account' }).click();
    await p.waitForURL(/\/sign-in/);
    const [user] = await b.t.dataSource.query('SELECT deleted_at AS "deletedAt", email FROM users WHERE id = $1', [leaving.id]);
    expect(user.deletedAt).not.toBeNull();
    expect(user.email).not.toBe(leaving.email);
  });
});
