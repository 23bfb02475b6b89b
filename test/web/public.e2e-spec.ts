import type { Page } from 'playwright-core';
import { activityWithSheet, currentPlanWithProduct } from '../support/activity-fixtures';
import { PASSWORD, signedIn, uniqueEmail } from '../support/factories';
import { checkAccessibility, PHONE, readmeScreenshot, screenshotEachTest, signInThroughPage, signInWithToken, startBrowserApp, type BrowserTestApp } from '../support/browser';

describe('web app: public pages and the session', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  /** Published, open, with its sheet in English and French. */
  let bilingual: { id: string; title: string };
  /** Published, open, with its sheet in English only. */
  let english: { id: string; title: string };
  let applicant: { id: string; email: string; token: string };
  const certificateCode = 'TRTA-7K3QX9M2PA';

  beforeAll(async () => {
    b = await startBrowserApp();
    const { t } = b;
    const staff = await signedIn(t, 'staff');
    const plan = await currentPlanWithProduct(t);
    /** Open, with its sheet published (through SQL, as the lifecycle is tested elsewhere). */
    const activity = async (title: string, languages: string[], sheet: Record<string, Record<string, string>>, overrides: Record<string, unknown> = {}) => {
      const created = await activityWithSheet(t, staff.token, plan, { overrides: { title, languages, ...overrides }, sheet });
      return { id: created.id, title };
    };
    bilingual = await activity('Advanced course on trade facilitation', ['en', 'fr'], {
      objectives: { en: 'Master the zanzibarite customs procedures', fr: 'Maîtriser les procédures douanières zanzibarites' },
      targetAudience: { en: 'Customs officials', fr: 'Fonctionnaires des douanes' },
      applicationRequirements: { en: 'A nomination', fr: 'Une nomination' },
      programme: { en: 'Five days of practice', fr: 'Cinq jours de pratique' },
    });
    english = await activity(
      'Online course on sanitary measures',
      ['en'],
      {
        objectives: { en: 'Understand the SPS agreement' },
        targetAudience: { en: 'Veterinary officials' },
        applicationRequirements: { en: 'None' },
        programme: { en: 'Six modules' },
      },
      { deliveryMode: 'online', venueCity: null, venueCountry: null, topics: ['sps'] },
    );
    applicant = await signedIn(t, 'applicant');
    await t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, status, completed_at, certificate_code) VALUES ($1, $2, 'SEN', 'completed', now(), $3)`,
      [english.id, applicant.id, certificateCode],
    );
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const open = async (path: string, viewport?: { width: number; height: number }) => {
    page = await b.newPage({ viewport });
    await page.goto(path);
    return page;
  };

  it('lists the published open activities in the catalogue', async () => {
    const p = await open('/');
    await p.waitForURL('**/catalogue');
    await p.getByRole('heading', { level: 1, name: 'Catalogue of activities' }).waitFor();
    const list = p.getByTestId('catalogue-list');
    await list.getByRole('link', { name: bilingual.title }).waitFor();
    await list.getByRole('link', { name: english.title }).waitFor();
    // Each card says where: the venue's city and its country's name, or that it is online.
    const card = (title: string) => list.getByTestId('catalogue-card').filter({ has: p.getByRole('link', { name: title }) });
    expect(await card(bilingual.title).textContent()).toContain('Geneva, Switzerland');
    expect(await card(english.title).textContent()).toContain('Online');
    expect(await p.title()).toContain('Catalogue of activities');
    await checkAccessibility(p);
    await readmeScreenshot(p, 'catalogue');
  });

  it('on a first visit loads one language and asks the API once for each answer the catalogue needs', async () => {
    // The page's first script preloads the language's texts and the catalogue's first answers
    // (vite.config.ts, firstVisitPreload): the app must use them, not ask again.
    page = await b.newPage();
    const p = page;
    const requested: string[] = [];
    p.on('request', (request) => {
      const url = new URL(request.url());
      requested.push(url.pathname + url.search);
    });
    await p.goto('/catalogue');
    await p.getByTestId('catalogue-list').getByRole('link', { name: english.title }).waitFor();
    await p.waitForLoadState('networkidle');
    const answers = requested.filter((url) => url.startsWith('/api/'));
    expect(answers).toEqual([...new Set(answers)]);
    expect(answers).toEqual(
      expect.arrayContaining(['/api/auth/me', '/api/catalogue?lang=en&limit=20', '/api/reference/countries', '/api/reference/regions', '/api/reference/topics']),
    );
    const texts = () => requested.filter((url) => url.startsWith('/assets/texts-'));
    expect(texts()).toEqual([expect.stringMatching(/^\/assets\/texts-en-/)]);

    // Another language's texts come when it is chosen.
    await p.getByTestId('language-switch').selectOption('fr');
    await p.getByRole('heading', { level: 1, name: 'Catalogue des activités' }).waitFor();
    expect(texts()).toEqual([expect.stringMatching(/^\/assets\/texts-en-/), expect.stringMatching(/^\/assets\/texts-fr-/)]);
    expect(await p.getByTestId('catalogue-list').getByRole('link', { name: english.title }).isVisible()).toBe(true);
    await p.getByTestId('catalogue-list').getByText('Geneva, Suisse').waitFor();
  });

  it('narrows the catalogue by search words and by filters', async () => {
    const p = await open('/catalogue');
    const list = p.getByTestId('catalogue-list');
    await list.getByRole('link', { name: english.title }).waitFor();
    await p.getByRole('textbox', { name: 'Search' }).fill('zanzibarite');
    await p.getByRole('button', { name: 'Search', exact: true }).click();
    await p.waitForURL(/q=zanzibarite/);
    await list.getByRole('link', { name: bilingual.title }).waitFor();
    await list.getByRole('link', { name: english.title }).waitFor({ state: 'detached' });

    await p.getByRole('button', { name: 'Clear filters' }).click();
    await list.getByRole('link', { name: english.title }).waitFor();
    await p.getByRole('combobox', { name: 'Delivery mode' }).click();
    await p.getByRole('option', { name: 'Online', exact: true }).click();
    await p.waitForURL(/deliveryMode=online/);
    await list.getByRole('link', { name: bilingual.title }).waitFor({ state: 'detached' });
    expect(await list.getByRole('link').allTextContents()).toEqual([english.title]);

    await p.goto('/catalogue?q=nothingmatchesthis');
    await p.getByTestId('catalogue-empty').waitFor();
    await checkAccessibility(p);
  });

  it('shows an activity sheet with its PDF and calendar links', async () => {
    const p = await open('/catalogue');
    await p.getByRole('link', { name: bilingual.title }).click();
    await p.waitForURL(`**/catalogue/${bilingual.id}`);
    await p.getByRole('heading', { level: 1, name: bilingual.title }).waitFor();
    await p.getByText('Master the zanzibarite customs procedures').waitFor();
    await p.getByText('Curriculum vitae').waitFor();
    expect(await p.getByRole('link', { name: 'Printable sheet (PDF)' }).getAttribute('href')).toBe(`/api/catalogue/${bilingual.id}/sheet.pdf?lang=en`);
    expect(await p.getByRole('link', { name: 'Add to my calendar (.ics)' }).getAttribute('href')).toBe(`/api/catalogue/${bilingual.id}/calendar.ics?lang=en`);
    const pdf = await p.request.get(`/api/catalogue/${bilingual.id}/sheet.pdf?lang=en`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await checkAccessibility(p);
    await readmeScreenshot(p, 'activity-sheet', true);

    await p.goto('/catalogue/00000000-0000-4000-8000-000000000000');
    await p.getByText('This activity is not in the catalogue').waitFor();
  });

  it('switches the interface and the sheets to French, and remembers it after a reload', async () => {
    const p = await open(`/catalogue/${bilingual.id}`);
    await p.getByText('Master the zanzibarite customs procedures').waitFor();
    await p.getByTestId('language-switch').selectOption('fr');
    await p.getByText('Maîtriser les procédures douanières zanzibarites').waitFor();
    await p.getByRole('heading', { name: 'Objectifs' }).waitFor();
    await p.getByRole('link', { name: 'Retour au catalogue' }).waitFor();
    expect(await p.locator('html').getAttribute('lang')).toBe('fr');
    expect(await p.getByRole('link', { name: 'Fiche imprimable (PDF)' }).getAttribute('href')).toBe(`/api/catalogue/${bilingual.id}/sheet.pdf?lang=fr`);

    await p.reload();
    await p.getByText('Maîtriser les procédures douanières zanzibarites').waitFor();
    await p.getByRole('link', { name: 'Vérifier un certificat' }).first().waitFor();
    await checkAccessibility(p);

    // A sheet without French is shown in its own language, and says so.
    await p.goto(`/catalogue/${english.id}`);
    await p.getByText('Understand the SPS agreement').waitFor();
    await p.getByTestId('sheet-language-notice').getByText('Cette fiche n’existe pas en français').waitFor();
    await p.goto('/catalogue');
    await p.getByRole('heading', { level: 1, name: 'Catalogue des activités' }).waitFor();
    await readmeScreenshot(p, 'catalogue-fr');
  });

  it('signs an applicant up, out, and in again', async () => {
    const email = uniqueEmail('web');
    const p = await open('/sign-up');
    await p.getByRole('heading', { level: 1, name: 'Sign up' }).waitFor();
    await checkAccessibility(p);
    // The API's own validation, shown beside the field it concerns.
    await p.getByLabel(/^Email/).fill(email);
    await p.getByLabel(/^Password/).fill('short');
    await p.getByLabel('Full name').fill('Amina Diallo');
    const choose = async (label: string, option: string) => {
      await p.getByRole('combobox', { name: label }).click();
      await p.getByRole('option', { name: option, exact: true }).click();
    };
    await choose('Gender', 'Female');
    await p.getByRole('combobox', { name: 'Nationality' }).fill('Seneg');
    await p.getByRole('option', { name: 'Senegal', exact: true }).click();
    await p.getByRole('combobox', { name: 'Country where you work' }).fill('Seneg');
    await p.getByRole('option', { name: 'Senegal', exact: true }).click();
    await choose('Type of institution', 'Government');
    await p.getByLabel(/^Institution/).fill('Ministry of Trade');
    await p.getByLabel('Position').fill('Trade officer');
    await p.getByRole('button', { name: 'Create my account' }).click();
    const password = p.getByLabel(/^Password/);
    await p.locator('input[type="password"][aria-invalid="true"]').waitFor();
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const errorText = await p.locator(describedBy.split(' ').map((id) => `[id="${id}"]`).join(', ')).allTextContents();
    expect(errorText.join(' ')).toMatch(/Enter at least 12 characters\./);
    await checkAccessibility(p);
    await readmeScreenshot(p, 'sign-up', true);

    await password.fill(PASSWORD);
    await p.getByRole('button', { name: 'Create my account' }).click();
    await p.waitForURL('**/account');
    await p.getByTestId('account-facts').getByText(email).waitFor();
    await p.getByTestId('account-facts').getByText('Applicant').waitFor();
    await checkAccessibility(p);

    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.waitForURL('**/sign-in?reason=signedOut');
    await p.getByText('You are signed out.').waitFor();
    await p.goto('/account');
    await p.waitForURL('**/sign-in?next=%2Faccount');
    await checkAccessibility(p);
    await readmeScreenshot(p, 'sign-in');
    await p.getByLabel('Email').fill(email);
    await p.getByLabel(/^Password/).fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.waitForURL('**/account');
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.waitForURL('**/sign-in?reason=signedOut');
  });

  it('shows a wrong password beside the field, translated from the refusal’s code', async () => {
    const p = await open('/sign-in');
    await p.getByLabel('Email').fill(applicant.email);
    await p.getByLabel(/^Password/).fill('not-the-password');
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    const password = p.getByLabel(/^Password/);
    await p.getByText('Wrong email or password.').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    expect(await p.locator(`[id="${describedBy.split(' ').find((id) => id.includes('error'))}"]`).textContent()).toBe('Wrong email or password.');
    await checkAccessibility(p);
  });

  it('sends an expired session to sign-in and back to the page afterwards', async () => {
    page = await b.newPage();
    await signInWithToken(page, 'expired.or.revoked.token', '/account');
    await page.waitForURL('**/sign-in?next=%2Faccount&reason=expired');
    await page.getByText('Your session has ended. Please sign in again.').waitFor();
    await page.getByLabel('Email').fill(applicant.email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/account');
    await page.getByTestId('account-facts').getByText(applicant.email).waitFor();
  });

  it('verifies a certificate by its code, and says when a code is unknown', async () => {
    const p = await open('/certificates');
    await checkAccessibility(p);
    await p.getByLabel('Verification code').fill(certificateCode.toLowerCase());
    await p.getByRole('button', { name: 'Verify' }).click();
    await p.getByTestId('certificate').getByText('This certificate is valid.').waitFor();
    await p.getByTestId('certificate').getByText('Amina Diallo').waitFor();
    await p.getByTestId('certificate').getByText(english.title, { exact: false }).waitFor();
    await checkAccessibility(p);
    await readmeScreenshot(p, 'certificate');

    await p.goto('/certificates/TRTA-0000000000');
    await p.getByText('No completed participation has this code.').waitFor();
    await checkAccessibility(p);
  });

  it('answers unknown pages with a "not found" page, and unknown API paths with JSON', async () => {
    const p = await open('/no/such/page');
    await p.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await checkAccessibility(p);
    const api = await p.request.get('/api/no-such-thing');
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect((await p.request.get('/docs/no-such-thing')).status()).toBe(404);
    expect((await p.request.get('/assets/no-such-file.js')).status()).toBe(404);
    const deepLink = await p.request.get(`/catalogue/${bilingual.id}`);
    expect(deepLink.headers()['content-type']).toContain('text/html');
  });

  it('says so when the server cannot be reached', async () => {
    const p = await open('/catalogue');
    await p.getByRole('link', { name: bilingual.title }).waitFor();
    await p.context().setOffline(true);
    await p.getByRole('link', { name: english.title }).click();
    await p.getByTestId('offline-banner').waitFor();
    expect(await p.getByTestId('offline-banner').textContent()).toContain('the server cannot be reached');
    await p.context().setOffline(false);
  });

  it('works on a phone-sized screen with a burger menu', async () => {
    const p = await open('/catalogue', PHONE);
    await p.getByRole('link', { name: bilingual.title }).waitFor();
    const burger = p.getByRole('button', { name: 'Toggle navigation menu' });
    expect(await burger.isVisible()).toBe(true);
    expect(await p.getByRole('button', { name: 'Sign up' }).isVisible()).toBe(false);
    await checkAccessibility(p);
    await readmeScreenshot(p, 'catalogue-phone');
    await burger.click();
    const menu = p.locator('#mobile-navigation');
    await menu.getByRole('link', { name: 'Verify a certificate' }).click();
    await p.waitForURL('**/certificates');
    await p.getByRole('heading', { level: 1, name: 'Verify a certificate' }).waitFor();
  });

  it('signs in through the helper and shows the account in the header', async () => {
    page = await b.newPage();
    await signInThroughPage(page, applicant.email);
    await page.getByText(`${applicant.email} · Applicant`).waitFor();
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await checkAccessibility(page);
  });
});
