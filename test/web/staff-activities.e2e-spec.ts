import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { seedDemoPlan } from '@trta/demo';
import { currentPlanWithProduct, day } from '../support/activity-fixtures';
import { nationalRequest } from '../support/application-fixtures';
import { signedIn } from '../support/factories';
import { checkAccessibility, DESKTOP, PHONE, readmeScreenshot, screenshotEachTest, signInThroughPage, startBrowserApp, type BrowserTestApp } from '../support/browser';

/**
 * Issue 12's scheduling journeys, as a member of staff does them in the browser from the sign-in
 * page, at 1280×800 and on a phone, with the axe check on each page; the API is called only to
 * check results. One app holds a plan around today (create, schedule, sheet, open; a national
 * request scheduled and opened; the CSV import); another holds the demo plan's 600 activities.
 */
const SCREENS = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', PHONE],
] as const;

/** Goes to a page of the navigation as a person does: the header's link, or on a phone the burger then the link. */
async function throughNavigation(p: Page, link: string): Promise<void> {
  await p.getByRole('heading', { level: 1 }).first().waitFor();
  const burger = p.getByRole('button', { name: 'Toggle navigation menu' });
  if (await burger.isVisible()) {
    const item = p.locator('#mobile-navigation').getByRole('link', { name: link, exact: true });
    // The menu slides in; a page still settling may close it again: open it until the link takes the click.
    for (let attempt = 1; ; attempt++) {
      if ((await burger.getAttribute('aria-expanded')) !== 'true') await burger.click();
      try {
        await item.click({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  } else {
    await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: link, exact: true }).click();
  }
}

/** Picks an option of a Mantine select (or adds one to a multi-select): opens it, types to search when `search` is given, clicks the option. */
async function choose(p: Page, field: Locator, option: string | RegExp, search?: string): Promise<void> {
  // Clear of the sticky header; a multi-select's input sits under its pills box, which opens it as well.
  await field.evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }));
  // On a loaded phone the first tap can land while the field re-renders and leave it closed: tap again.
  for (let attempt = 1; ; attempt++) {
    await field.click({ force: true });
    if (search) await field.fill(search);
    try {
      await p.getByRole('option', { name: option }).first().click({ timeout: 15_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await p.keyboard.press('Escape');
    }
  }
  await p.keyboard.press('Escape');
}

// Journeys through hundreds of rows on a phone take longer than the default minute.
jest.setTimeout(240_000);

/** A README screenshot of the screen (not the whole page, whose sticky header would show mid-way): from the top, or from `from` just under the header. */
async function readmeAtTop(p: Page, name: string, from?: Locator): Promise<void> {
  await p.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  if (from) {
    const box = await from.boundingBox();
    if (box) await p.evaluate((y) => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, y), Math.max(0, box.y - 90));
  }
  await p.mouse.move(0, 0);
  await readmeScreenshot(p, name);
}

/** On a phone the list's filters are folded under a button: unfolds them. */
async function unfoldFilters(p: Page): Promise<void> {
  const button = p.getByRole('button', { name: /^Show the filters/ });
  // The page is its own chunk: wait until it shows either the folded filters' button or the filters.
  await button.or(p.getByRole('combobox', { name: 'Plan' })).first().waitFor();
  if (await button.isVisible()) await button.click();
}

const combobox = (p: Page, name: RegExp) => p.getByRole('combobox', { name }).or(p.getByRole('textbox', { name })).first();

describe('web app: the staff scheduling journeys', () => {
  let page: Page | undefined;
  screenshotEachTest(() => page);

  describe('on a plan around today', () => {
    let b: BrowserTestApp;
    let staff: { email: string; token: string };
    let planId: string;
    let planCode: string;
    const year = new Date().getUTCFullYear();

    beforeAll(async () => {
      b = await startBrowserApp();
      staff = await signedIn(b.t, 'staff');
      ({ planId } = await currentPlanWithProduct(b.t));
      planCode = `${year - 1}-${year + 1}`;
    });
    afterAll(() => b?.close());

    const activityByTitle = async (title: string) =>
      (
        await b.t.dataSource.query(
          `SELECT id, code, status, type, region, beneficiary_countries::text[] AS countries, languages, topics, pls_level AS "plsLevel", capacity,
                  nomination_quota AS quota, requires_nomination AS "requiresNomination", partners, venue_city AS city, venue_country::text AS "venueCountry",
                  start_date::text AS start, end_date::text AS end, application_deadline::text AS deadline, budget_planned::text AS budget,
                  sheet_published_at AS published, planned_quarter AS quarter
           FROM activities WHERE title = $1`,
          [title],
        )
      )[0];

    for (const [screen, viewport] of SCREENS) {
      it(`${screen}: creates an activity with every field, confirms it (acknowledging conflicts), writes, previews and publishes its sheet, and opens it`, async () => {
        page = await b.newPage({ viewport });
        const p = page;
        const title = `Regional workshop on customs valuation (${screen})`;
        const city = `Nairobi ${screen}`;
        // Both screens' workshops run on the same days for Kenya and Senegal: the second one conflicts with the first.
        const [start, end, deadline] = [day(70), day(74), day(40)];
        await signInThroughPage(p, staff.email);
        await throughNavigation(p, 'Activities');
        await p.getByTestId('activities-table').or(p.getByText('No activity matches these filters.')).first().waitFor();
        await p.getByRole('link', { name: 'New activity' }).click();
        await p.waitForURL('**/staff/activities/new');
        await p.getByRole('heading', { level: 1, name: 'New activity' }).waitFor();
        await checkAccessibility(p);

        await choose(p, combobox(p, /^TA Plan/), new RegExp(planCode));
        await choose(p, combobox(p, /^Product/), 'P1 · General TA');
        await p.getByRole('textbox', { name: /^Title/ }).fill(title);
        await choose(p, combobox(p, /^PLS level/), '2 · Intermediate');
        await choose(p, combobox(p, /^Languages/), 'French');
        await choose(p, combobox(p, /^Topics/), 'Trade facilitation', 'facilit');
        await choose(p, combobox(p, /^Lead division/), /^MAD · /, 'MAD');
        await choose(p, combobox(p, /^Region/), 'Africa');
        await choose(p, combobox(p, /^Beneficiary countries/), 'Kenya', 'Keny');
        await choose(p, combobox(p, /^Beneficiary countries/), 'Senegal', 'Seneg');
        await choose(p, combobox(p, /^Planned quarter/), `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`);
        await p.getByLabel(/^Start date/).fill(start);
        await p.getByLabel(/^End date/).fill(end);
        await p.getByLabel(/^Application deadline/).fill(deadline);
        await p.getByRole('textbox', { name: /^Venue city/ }).fill(city);
        await choose(p, combobox(p, /^Venue country/), 'Kenya', 'Keny');
        await p.getByRole('textbox', { name: /^Capacity/ }).fill('30');
        await p.getByRole('textbox', { name: /^Nomination quota/ }).fill('3');
        await p.getByRole('switch', { name: /nomination/ }).check({ force: true });
        await p.getByRole('textbox', { name: /^Planned budget/ }).fill('45000.00');
        await combobox(p, /^Partners/).fill('WCO');
        await p.keyboard.press('Enter');
        await checkAccessibility(p);
        await p.getByRole('button', { name: 'Create the activity' }).click();
        await p.waitForURL(/\/staff\/activities\/[0-9a-f-]{36}$/);
        await p.getByRole('heading', { level: 1, name: new RegExp(title.replace(/[()]/g, '.')) }).waitFor();

        const created = await activityByTitle(title);
        expect(created).toMatchObject({
          status: 'planned',
          type: 'regional',
          region: 'africa',
          countries: ['KEN', 'SEN'],
          languages: ['en', 'fr'],
          topics: ['trade_facilitation'],
          plsLevel: 2,
          capacity: 30,
          quota: 3,
          requiresNomination: true,
          partners: ['WCO'],
          city,
          venueCountry: 'KEN',
          start,
          end,
          deadline,
          budget: '45000.00',
        });
        await checkAccessibility(p);

        // Confirm: the lifecycle buttons are the activity's allowedActions.
        expect(await p.getByRole('button', { name: 'Open applications' }).count()).toBe(0);
        await p.getByRole('button', { name: 'Confirm', exact: true }).click();
        if (screen === 'phone') {
          const conflicts = p.getByTestId('conflicts');
          await conflicts.getByText('1 scheduling conflict').waitFor();
          await conflicts.getByText(/same beneficiary country: KEN, SEN/).waitFor();
          await checkAccessibility(p);
          await conflicts.getByRole('button', { name: 'Acknowledge and confirm' }).click();
        }
        await p.locator('[data-status="confirmed"]').first().waitFor();

        // The sheet: none yet, so the editor writes the first, a tab per language (the activity's first).
        await p.getByRole('tab', { name: 'Activity sheet' }).click();
        await p.getByTestId('no-sheet').waitFor();
        expect(await p.getByRole('tab', { name: /Spanish.*not a language of the activity/ }).isDisabled()).toBe(true);
        const sheet = p.getByRole('form', { name: 'Activity sheet' });
        await sheet.getByRole('textbox', { name: /^Objectives/ }).fill('Officials apply the customs valuation rules.');
        await sheet.getByRole('textbox', { name: /^Target audience/ }).fill('Customs officials.');
        await sheet.getByRole('textbox', { name: /^Application requirements/ }).fill('A nomination and a CV.');
        await sheet.getByRole('textbox', { name: /^Programme/ }).fill('Day 1: valuation methods. Day 2: case studies.');
        await sheet.getByRole('tab', { name: /French/ }).click();
        await sheet.getByRole('textbox', { name: /^Objectives/ }).fill("Les fonctionnaires appliquent les règles d'évaluation en douane.");
        await sheet.getByRole('checkbox', { name: 'Curriculum vitae' }).check();
        await sheet.getByRole('button', { name: 'Create the sheet' }).click();
        await sheet.getByRole('button', { name: 'Publish the sheet' }).waitFor();

        // A material as a link.
        const materials = p.getByRole('form', { name: 'Add the material' });
        await materials.getByRole('textbox', { name: /^Title/ }).fill('Agreement on Customs Valuation');
        await materials.getByRole('textbox', { name: /^Address/ }).fill('https://www.wto.org/english/docs_e/legal_e/20-val.pdf');
        await materials.getByRole('button', { name: 'Add the material' }).click();
        await p.getByTestId('materials').getByRole('link', { name: 'Agreement on Customs Valuation' }).waitFor();

        // The preview, as applicants will see it, in each of the activity's languages.
        await p.getByRole('button', { name: 'Preview as applicants see it' }).click();
        const preview = p.getByRole('dialog', { name: 'Preview of the activity sheet' });
        await preview.getByText('Officials apply the customs valuation rules.').waitFor();
        await preview.getByText('Agreement on Customs Valuation').waitFor();
        await checkAccessibility(p);
        await preview.getByText('French').click();
        await preview.getByText("Les fonctionnaires appliquent les règles d'évaluation en douane.").waitFor();
        await preview.getByRole('button', { name: 'Close the preview' }).click();
        await preview.waitFor({ state: 'detached' });

        await sheet.getByRole('button', { name: 'Publish the sheet' }).click();
        await sheet.getByText(/^Published on/).waitFor();
        await checkAccessibility(p);
        if (screen === 'desktop') await readmeAtTop(p, 'staff-sheet-editor', p.getByRole('tab', { name: 'Activity sheet' }));

        // Open the call for applications: the activity is in the catalogue.
        await p.getByRole('button', { name: 'Open applications' }).click();
        await p.locator('[data-status="open"]').first().waitFor();
        const opened = await activityByTitle(title);
        expect(opened.status).toBe('open');
        expect(opened.published).not.toBeNull();
        const catalogue = await b.t.http.get(`/api/catalogue/${opened.id}`).expect(200);
        expect(catalogue.body).toMatchObject({ title, objectives: 'Officials apply the customs valuation rules.' });
        await p.getByRole('tab', { name: 'Details' }).click();
        await checkAccessibility(p);
        if (screen === 'desktop') await readmeAtTop(p, 'staff-activity-editor');
      });
    }

    for (const [screen, viewport] of SCREENS) {
      it(`${screen}: schedules a national request, gives the activity it creates a sheet, and opens it`, async () => {
        const focal = await signedIn(b.t, 'focal_point', 'KEN');
        const request = await nationalRequest(b.t, focal, { needsAssessment: `Customs officials need training (${screen}).` });
        page = await b.newPage({ viewport });
        const p = page;
        await signInThroughPage(p, staff.email);
        await throughNavigation(p, 'National requests');
        await p.getByTestId('requests-table').waitFor();
        await p.goto(`/staff/requests/${request.id}`);
        await p.getByRole('button', { name: 'Start the review' }).click();
        await p.locator('[data-status="under_review"]').waitFor();
        await p.getByRole('button', { name: 'Approve', exact: true }).click();
        await p.locator('[data-status="approved"]').waitFor();
        await choose(p, p.getByRole('combobox', { name: /Product of the plan/ }), 'P1 · General TA');
        await p.getByRole('button', { name: 'Schedule the activity' }).click();
        await p.getByRole('link', { name: /Scheduled as TA-\d{4}-\d{4}/ }).click();
        await p.waitForURL(/\/staff\/activities\/[0-9a-f-]{36}$/);
        const [{ activityId }] = await b.t.dataSource.query('SELECT activity_id AS "activityId" FROM national_requests WHERE id = $1', [request.id]);
        expect(p.url()).toContain(activityId);
        await p.locator('[data-status="planned"]').first().waitFor();
        await checkAccessibility(p);

        // Dates, deadline and venue, then the sheet the scheduled activity had none of.
        const offset = screen === 'desktop' ? 120 : 140;
        await p.getByLabel(/^Start date/).fill(day(offset));
        await p.getByLabel(/^End date/).fill(day(offset + 2));
        await p.getByLabel(/^Application deadline/).fill(day(offset - 30));
        await p.getByRole('textbox', { name: /^Venue city/ }).fill(`Mombasa ${screen}`);
        await choose(p, combobox(p, /^Venue country/), 'Kenya', 'Keny');
        await p.getByRole('button', { name: 'Save changes' }).click();
        await p.getByText('The activity was saved.').waitFor();
        await p.getByRole('tab', { name: 'Activity sheet' }).click();
        await p.getByTestId('no-sheet').waitFor();
        const sheet = p.getByRole('form', { name: 'Activity sheet' });
        for (const [field, text] of [
          ['Objectives', 'Customs officials implement the Trade Facilitation Agreement.'],
          ['Target audience', 'Customs officials of Kenya.'],
          ['Application requirements', 'Nomination by the ministry.'],
          ['Programme', 'Three days of workshops.'],
        ]) {
          await sheet.getByRole('textbox', { name: new RegExp(`^${field}`) }).fill(text);
        }
        await sheet.getByRole('button', { name: 'Create the sheet' }).click();
        await sheet.getByRole('button', { name: 'Publish the sheet' }).click();
        await sheet.getByText(/^Published on/).waitFor();
        await p.getByRole('button', { name: 'Confirm', exact: true }).click();
        await p.locator('[data-status="confirmed"]').first().waitFor();
        await p.getByRole('button', { name: 'Open applications' }).click();
        await p.locator('[data-status="open"]').first().waitFor();
        await checkAccessibility(p);
        const [activity] = await b.t.dataSource.query('SELECT status, type, beneficiary_countries::text[] AS countries, sheet_published_at AS published FROM activities WHERE id = $1', [activityId]);
        expect(activity).toMatchObject({ status: 'open', type: 'national', countries: ['KEN'] });
        expect(activity.published).not.toBeNull();
      });
    }

    it('warns before unsaved changes are lost, and asks before what cannot be undone', async () => {
      page = await b.newPage({ viewport: DESKTOP });
      const p = page;
      await signInThroughPage(p, staff.email);
      await throughNavigation(p, 'Activities');
      await p.getByTestId('activities-table').getByRole('link').first().click();
      await p.getByRole('textbox', { name: /^Title/ }).fill('A title not saved');
      await throughNavigation(p, 'Calendar');
      const warning = p.getByRole('dialog', { name: 'Leave without saving?' });
      await warning.waitFor();
      await checkAccessibility(p);
      await warning.getByRole('button', { name: 'Stay on this page' }).click();
      expect(await p.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('A title not saved');
      await p.getByRole('button', { name: 'Discard changes' }).click();
      // Cancelling asks first, with the reason.
      await p.getByRole('button', { name: 'Cancel activity' }).click();
      const dialog = p.getByRole('dialog', { name: /^Cancel TA-/ });
      await dialog.getByText('can no longer be changed').waitFor();
      await dialog.getByRole('button', { name: 'Back' }).click();
      await throughNavigation(p, 'Calendar');
      await p.waitForURL('**/staff/calendar');
    });

    it('imports activities from the CSV template, showing each row’s problems before anything is saved', async () => {
      page = await b.newPage({ viewport: DESKTOP });
      const p = page;
      await signInThroughPage(p, staff.email);
      await throughNavigation(p, 'TA Plans');
      await p.getByRole('link', { name: planCode }).click();
      await p.getByRole('tab', { name: 'Import activities' }).click();
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download the CSV template' }).click()]);
      const template = readFileSync(await download.path(), 'utf8');
      const [header, example] = template.trim().split('\r\n');
      expect(header.split(',')).toContain('beneficiaryCountries');
      const bad = example.replace('Regional workshop on trade facilitation', 'Imported workshop').replace(',regional,', ',continental,');
      const good = example.replace('Regional workshop on trade facilitation', 'Imported workshop');
      const before = (await b.t.dataSource.query('SELECT count(*)::int AS n FROM activities'))[0].n;

      const upload = async (rows: string[]) => {
        await p.locator('input[type="file"]').setInputFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n')) });
        await p.getByRole('button', { name: 'Check the file' }).click();
      };
      await upload([good, bad]);
      const rows = p.getByTestId('import-rows');
      await rows.locator('[data-row="3"]').getByText('type:').waitFor();
      await rows.locator('[data-row="3"]').getByText('is not one of the allowed values').waitFor();
      await rows.locator('[data-row="2"]').getByText('Ready').waitFor();
      await p.getByText('1 row has problems (1 ready)').waitFor();
      expect(await p.getByRole('button', { name: /^Import \d/ }).isDisabled()).toBe(true);
      await checkAccessibility(p);
      await readmeAtTop(p, 'staff-activity-import', p.getByRole('tab', { name: 'Import activities' }));
      expect((await b.t.dataSource.query('SELECT count(*)::int AS n FROM activities'))[0].n).toBe(before);

      await upload([good, good.replace('Imported workshop', 'Second imported workshop')]);
      await p.getByText('All 2 rows are ready to import.').waitFor();
      await p.getByRole('button', { name: 'Import 2 activities' }).click();
      await p.getByTestId('import-done').getByRole('link', { name: /^TA-/ }).first().waitFor();
      expect((await b.t.dataSource.query('SELECT count(*)::int AS n FROM activities'))[0].n).toBe(before + 2);
      await checkAccessibility(p);
    });
  });

  describe('on the demo plan of 600 activities', () => {
    let b: BrowserTestApp;
    let staff: { email: string; token: string };
    let planId: string;

    beforeAll(async () => {
      b = await startBrowserApp();
      staff = await signedIn(b.t, 'staff');
      ({ planId } = await seedDemoPlan(b.t.dataSource));
    });
    afterAll(() => b?.close());

    for (const [screen, viewport] of SCREENS) {
      it(`${screen}: pages to the 600th activity of the plan, finds one by its code, and opens the matrix's counts`, async () => {
        page = await b.newPage({ viewport });
        const p = page;
        await signInThroughPage(p, staff.email);
        await throughNavigation(p, 'Activities');
        await unfoldFilters(p);
        await choose(p, p.getByRole('combobox', { name: 'Plan' }), /^2026-2027/);
        await p.getByTestId('match-count').getByText('600 activities match').waitFor();
        expect(new URL(p.url()).searchParams.get('planId')).toBe(planId);
        await choose(p, p.getByRole('combobox', { name: 'Sort by' }), 'Code, A to Z');
        await choose(p, p.getByRole('combobox', { name: 'Rows per page' }), '200');
        const table = p.getByTestId('activities-table');
        await table.getByRole('link', { name: 'TA-2026-0001', exact: true }).waitFor();
        // The first page of 200 is in (not the page of 50 shown before it) before paging on.
        await p.getByTestId('rows-shown').getByText('200 rows shown').waitFor();
        while (await p.getByRole('button', { name: 'Load more' }).count()) {
          const shown = await table.locator('tbody tr').count();
          await p.getByRole('button', { name: 'Load more' }).click();
          await p.waitForFunction((n) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-testid="activities-table"] tbody tr').length > n, shown);
        }
        await p.getByTestId('rows-shown').getByText('600 rows shown').waitFor();
        const last = table.locator('tbody tr').last();
        expect(await last.getByRole('link').first().textContent()).toBe('TA-2027-0300');
        await last.scrollIntoViewIfNeeded();
        await checkAccessibility(p);
        // The list's state is in its address: it can be shared.
        expect(new URL(p.url()).searchParams.get('sort')).toBe('code');
        if (screen === 'desktop') await readmeAtTop(p, 'staff-activities');

        await p.getByRole('textbox', { name: /^Search activities/ }).fill('TA-2027-0049');
        await p.getByRole('button', { name: 'Search', exact: true }).click();
        await p.getByTestId('match-count').getByText('1 activity matches').waitFor();
        await table.getByRole('link', { name: 'TA-2027-0049', exact: true }).click();
        await p.getByRole('heading', { level: 1, name: /^TA-2027-0049 · / }).waitFor();
        await checkAccessibility(p);

        // The plan: the matrix's counts open the filtered list; a product's activities page.
        await throughNavigation(p, 'TA Plans');
        await p.getByRole('link', { name: '2026-2027' }).click();
        const matrix = p.getByTestId('matrix');
        await matrix.getByRole('rowheader', { name: /^GEN-1 · / }).waitFor();
        const [{ open }] = await b.t.dataSource.query("SELECT count(*)::int AS open FROM activities a JOIN products p ON p.id = a.product_id WHERE p.code = 'GEN-1' AND a.status = 'open'");
        await checkAccessibility(p);
        if (screen === 'desktop') await readmeAtTop(p, 'staff-plan-matrix');
        await p.getByRole('button', { name: /^GEN-1 · / }).click();
        const product = p.getByTestId('product-GEN-1');
        await product.getByRole('columnheader', { name: 'Code' }).waitFor();
        await product.getByTestId('rows-shown').getByText('50 rows shown').waitFor();
        await product.getByRole('button', { name: 'Load more' }).click();
        await product.getByTestId('rows-shown').getByText(/^(100|\d{2}) rows shown/).waitFor();
        await checkAccessibility(p);
        if (open > 0) {
          await matrix.getByRole('link', { name: `${open} Open activities of GEN-1` }).click();
          await p.getByTestId('match-count').getByText(open === 1 ? '1 activity matches' : `${open} activities match`).waitFor();
          expect(new URL(p.url()).searchParams.get('status')).toBe('open');
        }
      });
    }

    for (const [screen, viewport] of SCREENS) {
      it(`${screen}: shows a month and a week of activities, a multi-day activity as one bar, today marked, each with its .ics`, async () => {
        // A face-to-face course of several days within one week, of a month of the plan.
        const [course] = await b.t.dataSource.query(
          `SELECT id, code, start_date::text AS start, end_date::text AS end FROM activities
           WHERE end_date > start_date AND date_trunc('week', start_date) = date_trunc('week', end_date) AND start_date >= '2027-03-02' ORDER BY start_date, code LIMIT 1`,
        );
        page = await b.newPage({ viewport });
        const p = page;
        await signInThroughPage(p, staff.email);
        await throughNavigation(p, 'Calendar');
        await p.getByTestId('calendar').waitFor();
        // Today is marked.
        await p.locator('[aria-current="date"]').waitFor();
        await p.goto(`/staff/calendar?date=${course.start}`);
        const calendar = p.getByTestId('calendar');
        const bars = calendar.locator(`[data-activity="${course.code}"]`);
        await bars.first().waitFor();
        // One bar for the whole course, not one per day.
        expect(await bars.count()).toBe(1);
        expect(await bars.getAttribute('data-status')).toBeTruthy();
        await checkAccessibility(p);
        if (screen === 'desktop') await readmeAtTop(p, 'staff-calendar', p.getByRole('heading', { level: 2 }).first());

        await p.getByText('Week', { exact: true }).click();
        await p.waitForURL(/view=week/);
        await p.locator('[data-testid="calendar"][data-view="week"]').waitFor();
        expect(await calendar.locator(`[data-activity="${course.code}"]`).count()).toBe(1);
        // The list's filters: one delivery mode keeps only its activities.
        await unfoldFilters(p);
        await choose(p, p.getByRole('combobox', { name: 'Delivery mode' }), 'E-learning');
        await p.waitForURL(/deliveryMode=e_learning/);
        await checkAccessibility(p);
        await p.getByText('Month', { exact: true }).click();
        const list = p.getByTestId('calendar-list');
        await list.waitFor();
        const row = list.locator('tbody tr').first();
        const code = (await row.getByRole('link').first().textContent())!;
        const [download] = await Promise.all([p.waitForEvent('download'), row.getByRole('button', { name: `${code}.ics` }).click()]);
        expect(download.suggestedFilename()).toBe(`${code}.ics`);
        expect(readFileSync(await download.path(), 'utf8')).toContain(`SUMMARY:${code}`);
      });
    }
  });
});
