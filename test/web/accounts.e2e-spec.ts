import type { Page } from 'playwright-core';
import { AdminBootstrapService, SessionsService } from '@trta/identity';
import { activityFactory } from '../support/activity-fixtures';
import { PDF } from '../support/application-fixtures';
import { linkTokenFor, login, PASSWORD, signedIn, uniqueEmail } from '../support/factories';
import { join } from 'node:path';
import { checkAccessibility, DESKTOP, PHONE, SCREENSHOTS, screenshotEachTest, settled, signInThroughPage, startBrowserApp, type BrowserTestApp } from '../support/browser';
import { refused } from '../support/refusals';
import { signInInAnyLanguage } from '../support/demo-fixtures';
import { tr } from '../support/web-texts';

/** Issue 13 and issue 15 item 2: the account pages, and a session that behaves, in a real browser. */
jest.setTimeout(150_000);

describe('web app: accounts and sessions', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  const createActivity = activityFactory(() => b.t);

  beforeAll(async () => {
    b = await startBrowserApp();
    await b.t.app.get(AdminBootstrapService).ensureAdmin();
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const linkPath = async (email: string, kind: string, path: string) => `${path}#token=${await linkTokenFor(b.t, email, kind)}`;

  /** Signs up through the page as an official of Kenya. */
  const signUp = async (p: Page, email: string) => {
    await p.goto('/sign-up');
    await p.getByLabel(/^Email/).fill(email);
    await p.getByLabel(/^Password/).fill(PASSWORD);
    await p.getByLabel('Full name').fill('Wanjiru Kamau');
    const choose = async (label: string, option: string) => {
      await p.getByRole('combobox', { name: label }).click();
      await p.getByRole('option', { name: option, exact: true }).click();
    };
    await choose('Gender', 'Female');
    await p.getByRole('combobox', { name: 'Nationality' }).fill('Keny');
    await p.getByRole('option', { name: 'Kenya', exact: true }).click();
    await p.getByRole('combobox', { name: 'Country where you work' }).fill('Keny');
    await p.getByRole('option', { name: 'Kenya', exact: true }).click();
    await choose('Type of institution', 'Government');
    await p.getByLabel(/^Institution/).fill('Ministry of Trade');
    await p.getByLabel('Position').fill('Trade officer');
    await p.getByRole('button', { name: 'Create my account' }).click();
    await p.waitForURL('**/account');
  };

  it('signs up, confirms the email through the emailed link, then may apply', async () => {
    const activity = await createActivity({ requiredDocuments: ['cv'] });
    const email = uniqueEmail('official');
    page = await b.newPage();
    const p = page;
    await signUp(p, email);
    await p.getByTestId('verification-pending').waitFor();
    await checkAccessibility(p);

    // Before confirming, the form is refused with the reason in words.
    await p.goto(`/catalogue/${activity.id}/apply`);
    await p.getByLabel(/^Motivation/).fill('I negotiate rules of origin.');
    await p.locator('input[type="file"]').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByRole('button', { name: 'Submit my application' }).click();
    await p.getByText(/Confirm your email address first/).first().waitFor();

    // The person opens the link of the message in their mailbox.
    await p.goto(await linkPath(email, 'account.verify_email', '/verify-email'));
    await p.getByTestId('email-verified').waitFor();
    await checkAccessibility(p);

    await p.goto(`/catalogue/${activity.id}/apply`);
    await p.getByLabel(/^Motivation/).fill('I negotiate rules of origin.');
    await p.locator('input[type="file"]').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByRole('button', { name: 'Submit my application' }).click();
    await p.waitForURL(/\/my\/applications\/[0-9a-f-]{36}$/);
    const [row] = await b.t.dataSource.query(
      'SELECT ap.status FROM applications ap JOIN users u ON u.id = ap.applicant_id WHERE u.email = $1 AND ap.activity_id = $2',
      [email, activity.id],
    );
    expect(row.status).toBe('submitted');
  });

  it('forgot password: asks for a link, sets a new password with it, signs in', async () => {
    const person = await signedIn(b.t, 'applicant');
    page = await b.newPage();
    const p = page;
    await p.goto('/sign-in');
    await p.getByRole('link', { name: 'Forgot your password?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Forgot your password' }).waitFor();
    await checkAccessibility(p);
    await p.getByLabel(/^Email/).fill(person.email);
    await p.getByRole('button', { name: 'Send me a link' }).click();
    await p.getByTestId('reset-sent').waitFor();

    await p.goto(await linkPath(person.email, 'account.password_reset', '/reset-password'));
    await p.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await checkAccessibility(p);
    await p.getByLabel(/^New password/).fill('password1234');
    await p.getByRole('button', { name: 'Save my new password' }).click();
    await p.getByText(/too easy to guess: it is a common password/).waitFor();
    await p.getByLabel(/^New password/).fill('lantern-meadow-copper-9');
    await p.getByRole('button', { name: 'Save my new password' }).click();
    await p.waitForURL('**/sign-in?reason=reset');
    await p.getByText('Your new password is set. Sign in with it.').waitFor();
    await signInThroughPage(p, person.email, 'lantern-meadow-copper-9');
    // The link worked once.
    await p.goto(await linkPath(person.email, 'account.password_reset', '/reset-password'));
    await p.getByLabel(/^New password/).fill('another-lantern-meadow-7');
    await p.getByRole('button', { name: 'Save my new password' }).click();
    await p.getByTestId('reset-refused').waitFor();
  });

  it('changes the password on the account page; the old one stops working', async () => {
    const person = await signedIn(b.t, 'applicant');
    page = await b.newPage();
    const p = page;
    await signInThroughPage(p, person.email);
    await p.goto('/account');
    await p.getByLabel(/^Current password/).fill('not-the-password-1');
    await p.getByLabel(/^New password/).fill('violet-harbour-granite-4');
    await p.getByRole('button', { name: 'Change my password' }).click();
    await p.getByText('Your current password is not right.').waitFor();
    await p.getByLabel(/^Current password/).fill(PASSWORD);
    await p.getByRole('button', { name: 'Change my password' }).click();
    await p.getByTestId('password-changed').waitFor();
    await checkAccessibility(p);
    await b.t.http.post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(refused(401, 'WRONG_CREDENTIALS'));
    await login(b.t.http, person.email, 'violet-harbour-granite-4');
  });

  it('an admin finds a person, disables the account and sees it in the history', async () => {
    const person = await signedIn(b.t, 'auditor');
    page = await b.newPage();
    const p = page;
    await signInThroughPage(p, b.t.config.ADMIN_EMAIL!, b.t.config.ADMIN_PASSWORD!);
    await p.getByRole('link', { name: 'Users' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await p.getByRole('searchbox', { name: 'Search' }).fill(person.email);
    const row = p.getByTestId('user-row').filter({ hasText: person.email });
    await row.waitFor();
    await p.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-testid="user-row"]').length === 1);
    await checkAccessibility(p);
    await row.getByRole('button', { name: `Manage ${person.email}` }).click();
    const drawer = p.getByRole('dialog');
    await drawer.getByRole('button', { name: 'Disable the account' }).click();
    await drawer.getByTestId('user-action-done').waitFor();
    await drawer.getByTestId('user-history').getByText(/Disabled — admin@test\.local/).waitFor();
    await row.getByText('Disabled', { exact: true }).waitFor();
    await checkAccessibility(p);
    await b.t.http.post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(refused(403, 'ACCOUNT_DISABLED'));
    await b.t.http.get('/api/audit-reports').auth(person.token, { type: 'bearer' }).expect(refused(401, 'UNAUTHORIZED'));
  });

  // Issue 15 item 9: the session journeys in the three languages, on a laptop and on a phone.
  describe.each(
    (['en', 'fr', 'es'] as const).flatMap((lang) => [
      [lang, 'laptop', DESKTOP],
      [lang, 'phone', PHONE],
    ] as const),
  )('in %s on a %s', (lang, _size, viewport) => {
    /** Signed in through the sign-in page, in `lang`. */
    const signedInPage = async (email: string) => {
      page = await b.newPage({ viewport });
      await page.addInitScript((language) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('trta.language', language), lang);
      await signInInAnyLanguage(page, email, PASSWORD);
      return page;
    };

    it('keeps the session across a reload and in a second tab; the header says who is signed in', async () => {
      const person = await signedIn(b.t, 'applicant');
      const p = await signedInPage(person.email);
      await p.goto('/account');
      await p.getByRole('banner').getByText(person.email).first().waitFor({ state: 'attached' });
      await p.reload();
      await p.getByTestId('account-facts').getByText(person.email).waitFor();
      await checkAccessibility(p);
      const second = await p.context().newPage();
      await second.goto('/account');
      await second.getByTestId('account-facts').getByText(person.email).waitFor();
      await second.getByRole('banner').getByText(person.email).first().waitFor({ state: 'attached' });
      await second.close();
    });

    it('when the session expires mid-form, a sign-in dialog appears and the typed text is sent after signing in', async () => {
      const activity = await createActivity({ requiredDocuments: ['cv'] });
      const person = await signedIn(b.t, 'applicant');
      const p = await signedInPage(person.email);
      await p.goto(`/catalogue/${activity.id}/apply`);
      const motivation = 'Twelve years negotiating rules of origin for the ministry.';
      await p.getByLabel(new RegExp(`^${tr(lang, 'applicant.apply.motivation')}`)).fill(motivation);
      await p.locator('input[type="file"]').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF });
      await p.getByTestId('attached-cv').waitFor();
      // The session's time is up while the person types (the CV is uploaded already).
      await b.t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND ended_at IS NULL`, [person.id]);
      b.t.app.get(SessionsService).forget(person.id);

      // The person submits; a request of the page itself (the draft being saved) may find the session
      // ended first, and then the dialog is there before the click lands (which then waits for it to close).
      const submit = p.getByRole('button', { name: tr(lang, 'applicant.apply.submit') });
      const clicked = submit.click({ timeout: 20_000 }).then(
        () => true,
        () => false,
      );
      const dialog = p.getByRole('dialog', { name: tr(lang, 'sessionDialog.title') });
      await dialog.waitFor();
      expect(p.url()).toContain(`/catalogue/${activity.id}/apply`);
      expect(await p.getByLabel(new RegExp(`^${tr(lang, 'applicant.apply.motivation')}`)).inputValue()).toBe(motivation);
      await settled(p);
      await checkAccessibility(p);
      if (lang === 'en' && viewport === DESKTOP) await p.screenshot({ path: join(SCREENSHOTS, 'session-expired-dialog.png') });
      await dialog.getByLabel(new RegExp(`^${tr(lang, 'signIn.password')}`)).fill(PASSWORD);
      await dialog.getByRole('button', { name: tr(lang, 'sessionDialog.submit') }).click();
      await dialog.waitFor({ state: 'detached' });
      // Still on the form only when the dialog came first and the click never landed: the person submits now.
      if (!(await clicked) && p.url().includes('/apply')) await submit.click();
      await p.waitForURL(/\/my\/applications\/[0-9a-f-]{36}$/);
      const [row] = await b.t.dataSource.query('SELECT motivation FROM applications WHERE applicant_id = $1 AND activity_id = $2', [person.id, activity.id]);
      expect(row.motivation).toBe(motivation);
    });
  });

  describe.each([
    ['fr', { forgot: 'Mot de passe oublié', reset: 'Choisissez un nouveau mot de passe', verify: 'Confirmez votre adresse électronique', account: 'Changer mon mot de passe', users: 'Utilisateurs' }],
    ['es', { forgot: 'Olvidó su contraseña', reset: 'Elija una nueva contraseña', verify: 'Confirme su dirección de correo electrónico', account: 'Cambiar mi contraseña', users: 'Usuarios' }],
  ] as const)('in %s, on a laptop and on a phone', (language, texts) => {
    for (const [device, viewport] of [
      ['laptop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`shows the account pages translated (${device})`, async () => {
        page = await b.newPage({ viewport });
        const p = page;
        await p.addInitScript((code) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('trta.language', code), language);
        await p.goto('/forgot-password');
        await p.getByRole('heading', { level: 1, name: texts.forgot }).waitFor();
        await checkAccessibility(p);
        await p.goto('/reset-password#token=0123456789abcdefghijABCDEFGHIJ');
        await p.getByRole('heading', { level: 1, name: texts.reset }).waitFor();
        await checkAccessibility(p);
        await p.goto('/verify-email#token=0123456789abcdefghijABCDEFGHIJ');
        await p.getByRole('heading', { level: 1, name: texts.verify }).waitFor();
        await p.getByTestId('verify-refused').waitFor();
        await checkAccessibility(p);
        await signInThroughPageIn(p, b.t.config.ADMIN_EMAIL!, b.t.config.ADMIN_PASSWORD!);
        await p.goto('/account');
        await p.getByRole('heading', { name: texts.account }).waitFor();
        await checkAccessibility(p);
        await p.goto('/users');
        await p.getByRole('heading', { level: 1, name: texts.users }).waitFor();
        await p.getByTestId('users-table').waitFor();
        await checkAccessibility(p);
        const text = await p.locator('main').innerText();
        expect(text).not.toMatch(/admin\.users\.|accountErrors\.|account\.password\./);
      });
    }
  });
});

/** Signs in through the sign-in page whatever the interface language (fields found by their type). */
async function signInThroughPageIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
