import * as isoCountries from 'i18n-iso-countries';
import type { Page } from 'playwright-core';
import { activityFactory } from '../support/activity-fixtures';
import { applicantIn, apply, PDF, type Token } from '../support/application-fixtures';
import { linkTokenFor, signedIn, uniqueEmail, PASSWORD } from '../support/factories';
import { checkAccessibility, PHONE, screenshotEachTest, signInWithToken, startBrowserApp, type BrowserTestApp } from '../support/browser';
import { pdfText } from '../support/pdf-text';
import { tr, type Lang } from '../support/web-texts';

/**
 * Issue 15, the journeys a first-time official and their focal point must be able to finish, as
 * they do them, in English, French and Spanish, at 1366×768 and on a phone, with axe on every page.
 */
const LAPTOP = { width: 1366, height: 768 };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const countryName = (code: string, lang: Lang) => isoCountries.getName(code, lang) ?? code;

/** Each journey runs in the three languages, each at 1366×768 and on a phone. */
const RUNS: readonly [Lang, 'laptop' | 'phone', number][] = (['en', 'fr', 'es'] as const).flatMap((lang, index) => [
  [lang, 'laptop', 2 * index] as const,
  [lang, 'phone', 2 * index + 1] as const,
]);
const viewportNamed = (size: 'laptop' | 'phone') => (size === 'laptop' ? LAPTOP : PHONE);
const otherViewport = (size: 'laptop' | 'phone') => (size === 'laptop' ? PHONE : LAPTOP);
const sizeName = (viewport: { width: number }) => (viewport.width === PHONE.width ? 'phone' : '1366×768');

// Whole journeys (sign-up, uploads, downloads) on a machine shared by other work.
jest.setTimeout(180_000);

describe('web app: applicant and focal point journeys (issue 15)', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  const createActivity = activityFactory(() => b.t);

  beforeAll(async () => {
    b = await startBrowserApp({ PUBLIC_URL: 'https://trta.example.org' });
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const titled = async (title: string, options: Parameters<typeof createActivity>[0] = {}) => {
    const { id } = await createActivity(options);
    await b.t.dataSource.query('UPDATE activities SET title = $2 WHERE id = $1', [id, title]);
    return { id, title };
  };

  /** A page in `lang` at `viewport`, signed in with `who` when given. */
  const open = async (lang: Lang, viewport: { width: number; height: number }, path: string, who?: Token) => {
    page = await b.newPage({ viewport });
    await page.addInitScript((language) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('trta.language', language), lang);
    if (who) await signInWithToken(page, who.token, path);
    else await page.goto(path);
    return page;
  };

  describe.each(RUNS)('in %s on a %s', (lang, size, run) => {
    const viewport = viewportNamed(size);
    /** What tells this run's records from the other runs' (the same journey in another language or on another screen). */
    const tag = `${lang}-${size}`;
    it(`finds an eligible course and applies after signing up from the sheet (${sizeName(viewport)})`, async () => {
      const course = await titled(`Zanzibar customs course ${tag}`, { type: 'regional', beneficiaries: ['KEN', 'SEN'], requiredDocuments: ['cv'] });
      const p = await open(lang, viewport, '/catalogue');
      await p.getByRole('heading', { level: 1, name: tr(lang, 'catalogue.title') }).waitFor();
      await p.getByRole('textbox', { name: tr(lang, 'catalogue.search') }).fill(`Zanzibar ${tag}`);
      await p.getByRole('button', { name: tr(lang, 'catalogue.searchButton'), exact: true }).click();
      await checkAccessibility(p);
      await p.getByTestId('catalogue-list').getByRole('link', { name: course.title }).click();
      await p.getByRole('heading', { level: 1, name: course.title }).waitFor();
      // The sheet says who may apply, before anything is asked.
      const who = p.getByTestId('who-may-apply');
      await who.getByText(countryName('KEN', lang)).waitFor();
      await who.getByText(new RegExp(escape(countryName('SEN', lang)))).waitFor();
      await checkAccessibility(p);
      await p.getByRole('link', { name: tr(lang, 'eligibility.signUpToApply') }).click();

      await p.getByRole('heading', { level: 1, name: tr(lang, 'signUp.title') }).waitFor();
      const email = uniqueEmail(`journey-${lang}`);
      await p.getByLabel(new RegExp(`^${escape(tr(lang, 'signUp.email'))}`)).fill(email);
      await p.getByLabel(new RegExp(`^${escape(tr(lang, 'signUp.password'))}`)).fill(PASSWORD);
      await p.getByLabel(tr(lang, 'signUp.fullName')).fill('Nguyễn Thị Minh Khai');
      const choose = async (label: string, option: string, typed?: string) => {
        const box = p.getByRole('combobox', { name: label });
        if (typed) await box.fill(typed);
        else await box.click();
        await p.getByRole('option', { name: option, exact: true }).click();
      };
      await choose(tr(lang, 'signUp.gender'), tr(lang, 'signUp.genders.female'));
      await choose(tr(lang, 'signUp.nationality'), countryName('KEN', lang), countryName('KEN', lang).slice(0, 4));
      await choose(tr(lang, 'signUp.country'), countryName('KEN', lang), countryName('KEN', lang).slice(0, 4));
      await choose(tr(lang, 'signUp.institutionType'), tr(lang, 'signUp.institutionTypes.government'));
      await p.getByLabel(new RegExp(`^${escape(tr(lang, 'signUp.institution'))}`)).first().fill('Kenya Revenue Authority');
      await p.getByLabel(tr(lang, 'signUp.position')).fill('Customs officer');
      await checkAccessibility(p);
      await p.getByRole('button', { name: tr(lang, 'signUp.submit') }).click();

      // Back at the form of the course she came from.
      await p.waitForURL(`**/catalogue/${course.id}/apply`);
      await p.getByRole('heading', { level: 1, name: tr(lang, 'applicant.apply.title') }).waitFor();
      // She confirms her email with the link of the message in her mailbox (an unconfirmed account
      // cannot apply), then comes back to the course's form.
      await p.goto(`/verify-email#token=${await linkTokenFor(b.t, email, 'account.verify_email')}`);
      await p.getByTestId('email-verified').waitFor();
      await p.goto(`/catalogue/${course.id}/apply`);
      await p.getByRole('heading', { level: 1, name: tr(lang, 'applicant.apply.title') }).waitFor();
      await p.getByLabel(new RegExp(`^${escape(tr(lang, 'applicant.apply.motivation'))}`)).fill('I lead the customs modernisation project.');
      await p.locator('input[type="file"]').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF });
      await p.getByTestId('attached-cv').waitFor();
      await checkAccessibility(p);
      await p.getByRole('button', { name: tr(lang, 'applicant.apply.submit') }).click();
      await p.waitForURL(/\/my\/applications\/[0-9a-f-]{36}$/);
      await p.getByTestId('next-step').getByText(tr(lang, 'applicant.nextStep.await_selection')).waitFor();
      await p.getByTestId('timeline').getByText(tr(lang, 'applicant.status.submitted')).waitFor();
      await checkAccessibility(p);
      const [stored] = await b.t.dataSource.query(
        `SELECT ap.status, ap.country, p.full_name AS name FROM applications ap JOIN users u ON u.id = ap.applicant_id
         JOIN applicant_profiles p ON p.user_id = u.id WHERE ap.activity_id = $1 AND u.email = $2`,
        [course.id, email],
      );
      expect(stored).toEqual({ status: 'submitted', country: 'KEN', name: 'Nguyễn Thị Minh Khai' });
    });

    it(`is refused clearly on a course for another country, before filling anything (${sizeName(viewport)})`, async () => {
      const kenyan = await applicantIn(b.t, 'KEN');
      const forSenegal = await titled(`Atelier national pour le Sénégal ${tag}`, { type: 'national', beneficiaries: ['SEN'] });
      const p = await open(lang, viewport, `/catalogue/${forSenegal.id}`, kenyan);
      await p.getByRole('heading', { level: 1, name: forSenegal.title }).waitFor();
      await p.getByTestId('country-eligibility').getByText(tr(lang, 'eligibility.yourCountryNotEligible')).waitFor();
      const refusal = p.getByTestId('cannot-apply');
      await refusal.getByText(tr(lang, 'eligibility.refusals.NOT_ELIGIBLE_COUNTRY')).waitFor();
      expect(await p.getByTestId('apply-button').count()).toBe(0);
      await checkAccessibility(p);
      // The form's address itself says the same, with no field to fill.
      await p.goto(`/catalogue/${forSenegal.id}/apply`);
      await p.getByTestId('cannot-apply').getByText(tr(lang, 'eligibility.refusals.NOT_ELIGIBLE_COUNTRY')).waitFor();
      expect(await p.getByLabel(new RegExp(`^${escape(tr(lang, 'applicant.apply.motivation'))}`)).count()).toBe(0);
      await checkAccessibility(p);
    });

    it(`finishes a draft on another device (${sizeName(viewport)})`, async () => {
      const who = await applicantIn(b.t, 'SEN');
      const course = await titled(`Course on trade remedies ${tag}`, { requiredDocuments: ['cv', 'passport'] });
      let p = await open(lang, viewport, `/catalogue/${course.id}/apply`, who);
      await p.getByRole('heading', { level: 1, name: tr(lang, 'applicant.apply.title') }).waitFor();
      // Submitting empty flags every missing field and moves to the first.
      await p.getByRole('button', { name: tr(lang, 'applicant.apply.submit') }).click();
      await p.getByText(tr(lang, 'applicant.apply.missing', { count: 3 })).waitFor();
      expect(await p.getByText(tr(lang, 'applicant.apply.fileRequired')).count()).toBe(2);
      await p.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id === 'motivation');
      await checkAccessibility(p);
      await p.getByLabel(new RegExp(`^${escape(tr(lang, 'applicant.apply.motivation'))}`)).fill('Half of my motivation.');
      await p.locator('input[type="file"]').first().setInputFiles({ name: 'my-cv.pdf', mimeType: 'application/pdf', buffer: PDF });
      await p.getByTestId('attached-cv').waitFor();
      await p.getByRole('button', { name: tr(lang, 'applicant.apply.saveDraft') }).click();
      await p.getByTestId('draft-saved').waitFor();
      // The remove button says what it removes.
      await p.getByRole('button', { name: tr(lang, 'applicant.apply.removeFile', { document: tr(lang, 'documents.cv') }) }).waitFor();

      // Later, another device: the draft waits in "My applications".
      p = await open(lang, otherViewport(size), '/my/applications', who);
      await p.getByTestId('drafts').getByRole('link', { name: tr(lang, 'applicant.drafts.continue', { title: course.title }) }).click();
      await p.getByRole('heading', { level: 1, name: tr(lang, 'applicant.apply.title') }).waitFor();
      await expect(p.getByLabel(new RegExp(`^${escape(tr(lang, 'applicant.apply.motivation'))}`)).inputValue()).resolves.toBe('Half of my motivation.');
      await p.getByTestId('attached-cv').getByText(/my-cv\.pdf/).waitFor();
      await checkAccessibility(p);
      await p.getByRole('button', { name: tr(lang, 'applicant.apply.submit') }).click();
      // Only the passport is missing now: focus goes to its button.
      await p.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id === 'document-passport');
      await p.locator('input[type="file"]').nth(1).setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: PDF });
      await p.getByTestId('attached-passport').waitFor();
      await p.getByRole('button', { name: tr(lang, 'applicant.apply.submit') }).click();
      await p.waitForURL(/\/my\/applications\/[0-9a-f-]{36}$/);
      const [row] = await b.t.dataSource.query(
        `SELECT ap.motivation, (SELECT count(*)::int FROM application_documents d WHERE d.application_id = ap.id) AS documents,
           (SELECT count(*)::int FROM application_drafts WHERE applicant_id = $2) AS drafts
         FROM applications ap WHERE ap.activity_id = $1 AND ap.applicant_id = $2`,
        [course.id, who.id],
      );
      expect(row).toEqual({ motivation: 'Half of my motivation.', documents: 2, drafts: 0 });
    });

    it(`the focal point ranks two candidates and endorses with the dossier open (${sizeName(viewport)})`, async () => {
      const country = ['KEN', 'SEN', 'PER', 'GHA', 'CIV', 'BOL'][run];
      const focal = (await signedIn(b.t, 'focal_point', country)) as Token;
      await b.t.dataSource.query('UPDATE users SET locale = $2 WHERE id = $1', [focal.id, lang]);
      const course = await titled(`Course on fisheries subsidies ${tag}`, { requiresNomination: true, quota: 2, type: 'global' });
      const first = await applicantIn(b.t, country, { fullName: 'Ayşe Şahin' });
      const second = await applicantIn(b.t, country, { fullName: 'فاطمة الزهراء' });
      const firstId = await apply(b.t, first, course.id);
      const secondId = await apply(b.t, second, course.id);

      const p = await open(lang, viewport, '/focal/nominations', focal);
      await p.getByRole('heading', { level: 1, name: tr(lang, 'focal.nominations.title') }).waitFor();
      const card = p.getByTestId('nomination-activities').locator('li').filter({ hasText: course.title });
      await card.getByText(tr(lang, 'focal.activity.quota', { endorsed: 0, quota: 2, left: 2 })).waitFor();
      await checkAccessibility(p);
      await card.getByRole('link', { name: course.title }).click();
      await p.getByTestId('quota').getByText(tr(lang, 'focal.activity.quota', { endorsed: 0, quota: 2, left: 2 })).waitFor();
      // Rank: the second applicant first.
      await p.getByRole('button', { name: tr(lang, 'focal.activity.up', { name: 'فاطمة الزهراء' }) }).click();
      await p.getByTestId('candidate').first().getByText(tr(lang, 'focal.activity.rank', { rank: 1 })).waitFor();
      await p.getByTestId('candidate').first().getByText('فاطمة الزهراء').waitFor();
      // The dossier open: profile, motivation, documents.
      await p.getByTestId('candidate').first().getByTestId('open-dossier').click();
      const dossier = p.getByTestId('candidate').first().getByTestId('dossier');
      await dossier.getByTestId('motivation').getByText('I work on customs reform.').waitFor();
      await dossier.getByRole('button', { name: tr(lang, 'focal.dossier.download', { document: tr(lang, 'documents.cv'), filename: 'cv.pdf' }) }).waitFor();
      await checkAccessibility(p);
      await p.getByRole('button', { name: tr(lang, 'focal.nominations.endorseWho', { name: 'فاطمة الزهراء' }) }).click();
      const dialog = p.getByRole('dialog');
      await dialog.getByText(tr(lang, 'focal.activity.quotaAfter', { left: 1 })).waitFor();
      await dialog.getByLabel(tr(lang, 'focal.activity.note')).fill('Leads the fisheries desk.');
      await checkAccessibility(p);
      await dialog.getByRole('button', { name: tr(lang, 'focal.activity.confirmEndorseButton', { count: 1 }) }).click();
      await dialog.waitFor({ state: 'detached' });
      await p.getByTestId('quota').getByText(tr(lang, 'focal.activity.quota', { endorsed: 1, quota: 2, left: 1 })).waitFor();
      const rows = await b.t.dataSource.query('SELECT id, status, nomination_rank AS rank, nomination_reason AS reason FROM applications WHERE id = ANY($1::uuid[])', [
        [firstId, secondId],
      ]);
      const byId = Object.fromEntries(rows.map((row: { id: string }) => [row.id, row]));
      expect(byId[secondId]).toMatchObject({ status: 'endorsed', rank: 1, reason: 'Leads the fisheries desk.' });
      expect(byId[firstId]).toMatchObject({ status: 'submitted', rank: 2 });

      // Staff reviewing the course see the focal point's word and ranking beside each candidate.
      const staff = (await signedIn(b.t, 'staff')) as Token;
      const review = await open(lang, viewport, `/staff/activities/${course.id}/applications`, staff);
      await review.getByTestId(`application-${secondId}`).getByTestId('endorsement').getByText(tr(lang, 'review.table.endorsedRank', { rank: 1 })).waitFor();
      await review.getByTestId(`application-${firstId}`).getByText(tr(lang, 'status.application.submitted')).waitFor();
      expect(await review.getByTestId(`application-${firstId}`).getByTestId('endorsement').count()).toBe(0);
    });
  });

  it.each([
    ['1366×768', LAPTOP],
    ['phone', PHONE],
  ] as const)('evaluates and downloads the certificate in Spanish (%s)', async (_size, viewport) => {
    const participant = await applicantIn(b.t, 'PER', { fullName: '王小明' });
    const past = await titled('Curso sobre facilitación del comercio', { start: new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10), deadline: null, status: 'delivered' });
    const [{ id }] = await b.t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, motivation, status, attended_days, completed_at, certificate_code)
       VALUES ($1, $2, 'PER', 'Aduanas', 'completed', 5, now(), 'TRTA-' || upper(substr(md5(random()::text), 1, 10))) RETURNING id`,
      [past.id, participant.id],
    );
    const p = await open('es', viewport, `/my/applications/${id}`, participant);
    await p.getByRole('heading', { level: 1, name: past.title }).waitFor();
    await p.getByTestId('next-step').getByText(tr('es', 'applicant.nextStep.evaluate')).waitFor();
    // No test score to type: staff enter them.
    expect(await p.getByLabel(/0–100/).count()).toBe(0);
    await p.getByRole('button', { name: tr('es', 'applicant.evaluation.submit') }).click();
    await p.getByText(tr('es', 'applicant.evaluation.required')).first().waitFor();
    await checkAccessibility(p);
    await p.getByRole('radiogroup', { name: new RegExp(escape(tr('es', 'applicant.evaluation.satisfaction'))) }).getByRole('radio', { name: '5' }).check();
    await p.getByRole('radiogroup', { name: new RegExp(escape(tr('es', 'applicant.evaluation.relevance'))) }).getByRole('radio', { name: '4' }).check();
    await p.getByRole('button', { name: tr('es', 'applicant.evaluation.submit') }).click();
    await p.getByTestId('evaluation-summary').waitFor();
    await p.getByTestId('next-step').getByText(tr('es', 'applicant.nextStep.download_certificate')).waitFor();
    // The follow-up question is not asked now: months later, by a message.
    expect(await p.getByRole('heading', { name: tr('es', 'applicant.followUp.title') }).count()).toBe(0);
    await checkAccessibility(p);
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: tr('es', 'applicant.detail.downloadCertificate') }).click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const text = await pdfText(Buffer.concat(chunks));
    expect(text).toContain('Certificado de finalización');
    expect(text).toContain('王小明');
    expect(text).toContain('https://trta.example.org/certificates/TRTA-');
    const [evaluation] = await b.t.dataSource.query('SELECT satisfaction, relevance, pre_test_score AS pre FROM evaluations WHERE application_id = $1', [id]);
    expect(evaluation).toEqual({ satisfaction: 5, relevance: 4, pre: null });
  });
});
